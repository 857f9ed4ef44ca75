"""The service's parts, wired once: what ``create_app`` and the CLI work with.

``build_parts`` reads what comes from files (the sample tariff, the walkthrough flows, the
glossary, the docs' index). Parts are immutable, so several apps of the same docs share
them: the tests build them once per session instead of once per test.
``build_services`` adds what holds connections and threads (the database, the F1 miss
counter, the notification outbox) and the use cases on top; ``start`` and ``stop`` are the
application's lifespan.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from helpsvc.content.search import Synonyms
from helpsvc.credits import Tariff, load_sample_tariff
from helpsvc.glossary.load import find_glossary_dir, load_glossary
from helpsvc.glossary.lookup import TermIndex, search_synonyms
from helpsvc.services.content import Content, ContentHolder, load_content
from helpsvc.services.f1_context import F1Context
from helpsvc.services.notifications import render_notification
from helpsvc.services.readiness import Readiness
from helpsvc.services.sign_ins import SignIns
from helpsvc.services.simulations import Simulations
from helpsvc.services.tenant_queries import TenantQueries
from helpsvc.services.tenants import TenantService
from helpsvc.services.usage_export import UsageExport
from helpsvc.services.walkthroughs import Walkthroughs
from helpsvc.settings import Settings
from helpsvc.store.engine import database_url, make_engine, upgrade
from helpsvc.store.misses import MissCounter
from helpsvc.store.outbox import OutboxSender, SmtpTarget
from helpsvc.store.unit_of_work import UnitOfWork
from helpsvc.walkthroughs.load import load_flows
from helpsvc.walkthroughs.model import Flow

log = logging.getLogger("helpsvc")


@dataclass(frozen=True)
class Parts:
    """What is read from files, for one docs tree and one glossary folder."""

    docs_dir: Path
    glossary_dir: Path
    tariff: Tariff
    flows: dict[str, Flow]
    glossary: TermIndex
    synonyms: Synonyms  # the glossary's admitted terms, for the search
    content: Content

    def fit(self, settings: Settings) -> bool:
        """Built from the files these settings name."""
        return self.docs_dir == settings.docs_dir and self.glossary_dir == find_glossary_dir(
            settings.glossary_dir, settings.docs_dir
        )


def build_parts(settings: Settings) -> Parts:
    glossary_dir = find_glossary_dir(settings.glossary_dir, settings.docs_dir)
    # A broken glossary entry is logged and left out: the service still starts.
    terms, problems = load_glossary(glossary_dir)
    for finding in problems:
        log.warning("glossary: %s", finding.format())
    synonyms = search_synonyms(terms)
    return Parts(
        settings.docs_dir,
        glossary_dir,
        load_sample_tariff(),
        load_flows(),
        TermIndex(terms),
        synonyms,
        load_content(settings, synonyms=synonyms),
    )


@dataclass
class Services:
    settings: Settings
    engine: Engine
    parts: Parts
    content: ContentHolder
    misses: MissCounter
    outbox: OutboxSender | None
    tenants: TenantService
    queries: TenantQueries
    usage: UsageExport
    simulations: Simulations
    f1: F1Context
    walkthroughs: Walkthroughs
    sign_ins: SignIns

    @property
    def tariff(self) -> Tariff:
        return self.parts.tariff

    @property
    def glossary(self) -> TermIndex:
        return self.parts.glossary

    @property
    def readiness(self) -> Readiness:
        return Readiness(self.engine, self.content, self.parts.glossary)

    def start(self) -> None:
        """Bring the schema up to date and start the background writers."""
        upgrade(self.engine)
        self.content.warm()
        self.misses.start()
        if self.outbox is not None:
            self.outbox.start()

    def stop(self) -> None:
        self.misses.stop()
        if self.outbox is not None:
            self.outbox.stop()
        self.engine.dispose()


def build_services(settings: Settings, parts: Parts | None = None) -> Services:
    if parts is None or not parts.fit(settings):
        parts = build_parts(settings)
    engine = make_engine(database_url(settings))
    uow = UnitOfWork(engine)
    outbox = None
    if settings.smtp_url:
        target = SmtpTarget.parse(settings.smtp_url, settings.smtp_from)
        outbox = OutboxSender(engine, target, settings.outbox_seconds)
    tenants = TenantService(uow, parts.tariff, render_notification)
    usage = UsageExport(uow)
    return Services(
        settings=settings,
        engine=engine,
        parts=parts,
        content=ContentHolder(settings, synonyms=parts.synonyms, initial=parts.content),
        misses=MissCounter(
            engine, settings.miss_flush_seconds, max_keywords=settings.miss_max_keywords
        ),
        outbox=outbox,
        tenants=tenants,
        queries=TenantQueries(uow),
        usage=usage,
        simulations=Simulations(parts.tariff, usage),
        f1=F1Context(uow),
        walkthroughs=Walkthroughs(parts.flows, uow, tenants),
        sign_ins=SignIns(uow),
    )
