"""Walkthroughs as use cases: sessions in the store, step actions through the tenant commands.

Each submitted step is parsed field by field, turned into engine commands by its action and
run through ``TenantService.execute``, the very path of the tenant API, so a walkthrough can
do exactly what the API allows and is refused exactly where the API refuses. A step is one
transaction: its commands apply all or nothing, the session moves on in the same commit, and
an idempotency key made of the session, the step and the values means a double submit buys
once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from helpsvc.content.index import ContentIndex
from helpsvc.content.sections import render_section
from helpsvc.content.urls import page_url
from helpsvc.credits import Decision, DomainError, TenantState
from helpsvc.i18n.credit_messages import error_detail, error_title
from helpsvc.services.errors import UnknownFlow, UnknownSession
from helpsvc.services.idempotency import request_hash
from helpsvc.services.tenants import TenantService, utcnow
from helpsvc.store.records import TenantRecord, WalkthroughRecord
from helpsvc.store.unit_of_work import Transaction, UnitOfWork
from helpsvc.walkthroughs import runner
from helpsvc.walkthroughs.actions import ACTIONS
from helpsvc.walkthroughs.conditions import users_without_credits_license
from helpsvc.walkthroughs.inputs import parse_step
from helpsvc.walkthroughs.messages import label, option, text
from helpsvc.walkthroughs.model import Flow, Step
from helpsvc.walkthroughs.runner import Session, new_session_id


@dataclass(slots=True)
class Outcome:
    session: Session
    errors: dict[str, str] = field(default_factory=dict)  # field -> message
    form_error: str | None = None  # a refusal of the credits rules
    typed: dict[str, Any] = field(default_factory=dict)  # what was sent, shown again


def _record(session: Session) -> WalkthroughRecord:
    return WalkthroughRecord(**asdict(session))


def _session(record: WalkthroughRecord) -> Session:
    return Session(**asdict(record))


class Walkthroughs:
    def __init__(
        self,
        flows: dict[str, Flow],
        uow: UnitOfWork,
        tenants: TenantService,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.flows = flows
        self.uow = uow
        self.tenants = tenants
        self._clock = clock

    def flow(self, flow_id: str) -> Flow:
        flow = self.flows.get(flow_id)
        if flow is None:
            raise UnknownFlow(flow_id)
        return flow

    def _state(self, tenant_id: str) -> TenantState:
        return self.tenants.load(tenant_id).state

    def _save(self, session: Session) -> None:
        with self.uow.begin() as tx:
            tx.walkthroughs.save(_record(session), self._clock())

    def start(self, tenant_id: str, flow_id: str, lang: str) -> Session:
        flow = self.flow(flow_id)
        session = runner.start(flow, self._state(tenant_id), new_session_id(), lang)
        self._save(session)
        return session

    def resume_or_start(self, tenant_id: str, flow_id: str, lang: str) -> Session:
        """The tenant's open session of this flow, or a new one."""
        self.flow(flow_id)
        with self.uow.read() as tx:
            latest = tx.walkthroughs.latest(tenant_id, flow_id)
        if latest is not None and latest.status == runner.ACTIVE:
            session = self.current(tenant_id, latest.id)
            if session.lang != lang:
                session = runner.relabel(session, lang)
                self._save(session)
            return session
        return self.start(tenant_id, flow_id, lang)

    def current(self, tenant_id: str, session_id: str) -> Session:
        with self.uow.read() as tx:
            record = tx.walkthroughs.get(session_id)
        if record is None or record.tenant_id != tenant_id:
            raise UnknownSession(session_id)
        session = _session(record)
        checked = runner.recheck(self.flow(session.flow), session, self._state(tenant_id))
        if checked != session:
            self._save(checked)
        return checked

    def back(self, tenant_id: str, session_id: str) -> Session:
        session = runner.back(self.current(tenant_id, session_id))
        self._save(session)
        return session

    def cancel(self, tenant_id: str, session_id: str) -> Session:
        session = runner.cancel(self.current(tenant_id, session_id))
        self._save(session)
        return session

    def submit(self, tenant_id: str, session_id: str, form: dict[str, Any]) -> Outcome:
        session = self.current(tenant_id, session_id)
        if session.status != runner.ACTIVE or session.current is None:
            return Outcome(session)
        flow = self.flow(session.flow)
        step = flow.step(session.current)
        assert step is not None
        parsed = parse_step(step, form, self._state(tenant_id), session.lang)
        if parsed.errors:
            return Outcome(session, errors=parsed.errors, typed=form)
        return self._run_step(flow, step, session, parsed.values, form)

    def _run_step(
        self,
        flow: Flow,
        step: Step,
        session: Session,
        values: dict[str, Any],
        form: dict[str, Any],
    ) -> Outcome:
        advanced: list[Session] = []

        def after_save(tx: Transaction, _record_: TenantRecord, decision: Decision) -> None:
            moved = runner.completed(flow, session, decision.state)
            tx.walkthroughs.save(_record(moved), self._clock())
            advanced.append(moved)

        digest = request_hash(step.id, repr(sorted(values.items())))
        reply = self.tenants.execute(
            session.tenant_id,
            lambda state: ACTIONS[step.action](values, state),
            present=_present(session.lang),
            idempotency_key=f"walkthrough:{session.id}:{step.id}:{len(session.history)}:{digest}",
            digest=digest,
            after_save=after_save,
        )
        if reply.status >= 400:
            problem = reply.body
            return Outcome(
                session, form_error=f"{problem['title']}: {problem['detail']}", typed=form
            )
        if advanced:
            return Outcome(advanced[0])
        # A retry of a step already run: its commands are not run again, and the session
        # moves on from where it is now (a double submit finds it moved already).
        now = self.current(session.tenant_id, session.id)
        if now.status == runner.ACTIVE and now.current == step.id:
            now = runner.completed(flow, now, self._state(session.tenant_id))
            self._save(now)
        return Outcome(now)

    # -- what a step looks like -------------------------------------------------------

    def view(self, session: Session, index: ContentIndex) -> dict[str, Any]:
        flow = self.flow(session.flow)
        lang = session.lang
        state = self._state(session.tenant_id)
        guide = index.page(flow.guide, lang) or index.page(flow.guide, index.default_lang)
        guide_url = page_url(guide, index.default_lang) if guide else "/"
        body: dict[str, Any] = {
            "id": session.id,
            "flow": flow.id,
            "lang": lang,
            "status": session.status,
            "guide": {"title": guide.title if guide else flow.guide, "url": guide_url},
            "progress": {
                "done": len(session.history),
                "total": len(flow.steps),
            },
            "skipped": [
                {"id": s, "title": _section_title(index, flow.guide, flow.step(s).section, lang)}
                for s in session.skipped
                if flow.step(s) is not None
            ],
            "step": None,
            "stop": None,
        }
        if session.status == runner.STOPPED:
            body["stop"] = _stop_view(flow, session, index)
            return body
        if session.status != runner.ACTIVE or session.current is None:
            return body
        step = flow.step(session.current)
        assert step is not None
        number = flow.index(step.id) + 1
        body["step"] = {
            "id": step.id,
            "number": number,
            "total": len(flow.steps),
            "progress_text": text("progress", lang, number=number, total=len(flow.steps)),
            "section": step.section,
            "title": _section_title(index, flow.guide, step.section, lang),
            "html": render_section(guide, step.section, guide_url) if guide else None,
            "url": f"{guide_url}#{step.section}",
            "already_done": runner.is_done(step, state),
            "inputs": [_input_view(item, state, lang) for item in step.inputs],
        }
        return body


def _stop_view(flow: Flow, session: Session, index: ContentIndex) -> dict[str, Any]:
    lang = session.lang
    stop = next(s for s in flow.stop_when if s.reason == session.stop_reason)
    target = index.page(stop.guide, lang) or index.page(stop.guide, index.default_lang)
    target_url = page_url(target, index.default_lang) if target else "/"
    return {
        "code": stop.reason,
        "title": error_title(stop.reason, lang),
        "message": error_detail(stop.reason, {}, lang),
        "guide": {
            "title": target.title if target else stop.guide,
            "url": f"{target_url}#{stop.section}",
        },
        "html": render_section(target, stop.section, target_url) if target else None,
    }


def _section_title(index: ContentIndex, page_id: str, anchor: str, lang: str) -> str:
    page = index.page(page_id, lang) or index.page(page_id, index.default_lang)
    section = page.section(anchor) if page else None
    return section.title if section else anchor


def _input_view(item: Any, state: TenantState, lang: str) -> dict[str, Any]:
    options = [{"value": o, "label": option(o, lang)} for o in item.options]
    if item.kind == "users_without_credits_license":
        options = [{"value": u, "label": u} for u in users_without_credits_license(state)]
    return {
        "name": item.name,
        "kind": item.kind,
        "label": label(item.name, lang),
        "required": item.required,
        "required_with": item.required_with,
        "options": options,
        "currency": state.currency if item.kind == "money" else None,
    }


def _present(lang: str) -> Callable[[Any, Decision | DomainError], tuple[int, dict[str, Any]]]:
    def present(_record: Any, outcome: Decision | DomainError) -> tuple[int, dict[str, Any]]:
        refusal = outcome if isinstance(outcome, DomainError) else outcome.refusal()
        if refusal is None:
            return 200, {}
        code = refusal.code.value
        return 409, {
            "code": code,
            "title": error_title(code, lang),
            "detail": error_detail(code, refusal.params, lang),
        }

    return present
