"""Walkthroughs as use cases: sessions in the store, step actions through the tenant commands.

Each submitted step is parsed field by field, turned into engine commands by its action and
run through ``TenantService.execute``, the very path of the tenant API, so a walkthrough can
do exactly what the API allows and is refused exactly where the API refuses. A step is one
transaction: its commands apply all or nothing, the session moves on in the same commit, and
an idempotency key made of the session, the step and the values means a double submit buys
once.

Pages add a step token (``memory.step_token``): it names the move the form was shown for, so
a form sent twice (double click, refresh, replayed POST) finds the session moved on and
changes nothing. What a session remembers besides its position (values per step, what each
step changed, the move count) is kept as opaque JSON in the answers table the service owns
(``ReplyRepository``), scoped by the session: the store has no column for it, and the
answers table is the service's own key-value store (see ``helpsvc.store.replies``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from helpsvc.content.index import ContentIndex
from helpsvc.content.sections import render_section
from helpsvc.credits import Decision, DomainError, Money, TenantState
from helpsvc.i18n.credit_messages import error_detail, error_title
from helpsvc.services.errors import UnknownFlow, UnknownSession
from helpsvc.services.idempotency import request_hash
from helpsvc.services.tenants import TenantService, utcnow
from helpsvc.store.records import TenantRecord, WalkthroughRecord
from helpsvc.store.unit_of_work import Transaction, UnitOfWork
from helpsvc.walkthroughs import runner
from helpsvc.walkthroughs.actions import ACTIONS
from helpsvc.walkthroughs.checks import CONFIRM_FIELD, confirm_message
from helpsvc.walkthroughs.conditions import users_without_credits_license
from helpsvc.walkthroughs.inputs import parse_step
from helpsvc.walkthroughs.memory import Memory, step_token, typed_values
from helpsvc.walkthroughs.messages import label, option, text
from helpsvc.walkthroughs.model import Flow, Step
from helpsvc.walkthroughs.results import changes_of, describe
from helpsvc.walkthroughs.runner import Session, new_session_id

MEMORY_KEY = "memory"


@dataclass(slots=True)
class Outcome:
    session: Session
    errors: dict[str, str] = field(default_factory=dict)  # field -> message
    form_error: str | None = None  # a refusal of the credits rules
    typed: dict[str, Any] = field(default_factory=dict)  # what was sent, shown again
    confirm: Money | None = None  # a large purchase waiting for the admin's confirmation
    stale: bool = False  # the form was for a move already made: nothing was done


def _memory_scope(session_id: str) -> str:
    # One scope per session: no tenant API key (scoped by tenant id) can ever collide.
    return f"w{session_id}"


def _read_memory(tx: Transaction, session_id: str) -> Memory:
    stored = tx.replies.find(_memory_scope(session_id), MEMORY_KEY)
    return Memory.from_json(stored.body if stored else None)


def _write_memory(tx: Transaction, session_id: str, memory: Memory, now: datetime) -> None:
    scope = _memory_scope(session_id)
    tx.replies.forget(scope, MEMORY_KEY)
    tx.replies.remember(scope, MEMORY_KEY, "-", 200, memory.to_json(), now)


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

    def _save(
        self, session: Session, moved: bool = False, keep: dict[str, Any] | None = None
    ) -> None:
        """Store the session; ``moved`` counts a move, ``keep`` remembers a step's values."""
        with self.uow.begin() as tx:
            tx.walkthroughs.save(_record(session), self._clock())
            if moved or keep is not None:
                memory = _read_memory(tx, session.id)
                memory.moves += 1 if moved else 0
                if keep is not None and session.current is not None:
                    memory.keep(session.current, keep)
                _write_memory(tx, session.id, memory, self._clock())

    def memory(self, session_id: str) -> Memory:
        with self.uow.read() as tx:
            return _read_memory(tx, session_id)

    def token(self, session: Session) -> str:
        """The step token of the form shown for this session now."""
        return step_token(session.id, session.current, self.memory(session.id).moves)

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
            return self._in_lang(self.current(tenant_id, latest.id), lang)
        return self.start(tenant_id, flow_id, lang)

    def open(self, tenant_id: str, flow_id: str, lang: str) -> Session:
        """The tenant's latest session of this flow as it ended, or a new one.

        A finished or cancelled session is shown as it ended and never silently started
        again (``restart`` does that, on request). A stopped one is started again only when
        its reason no longer holds.
        """
        flow = self.flow(flow_id)
        with self.uow.read() as tx:
            latest = tx.walkthroughs.latest(tenant_id, flow_id)
        if latest is None:
            return self.start(tenant_id, flow_id, lang)
        session = self.current(tenant_id, latest.id)
        if session.status == runner.STOPPED:
            stop = runner.stop_for(flow, self._state(tenant_id))
            if stop is None or stop.reason != session.stop_reason:
                return self.start(tenant_id, flow_id, lang)
        return self._in_lang(session, lang)

    def restart(self, tenant_id: str, flow_id: str, lang: str) -> Session:
        return self.start(tenant_id, flow_id, lang)

    def _in_lang(self, session: Session, lang: str) -> Session:
        if session.lang == lang:
            return session
        relabelled = runner.relabel(session, lang)
        self._save(relabelled)
        return relabelled

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

    def _fresh(self, session: Session, token: str | None) -> bool:
        """No token (the JSON API) or the token of the form shown for this very move."""
        return token is None or token == self.token(session)

    def back(
        self,
        tenant_id: str,
        session_id: str,
        draft: dict[str, Any] | None = None,
        token: str | None = None,
    ) -> Session:
        """One step back; ``draft`` (what the form held) is kept for when the admin returns."""
        before = self.current(tenant_id, session_id)
        if not self._fresh(before, token):
            return before
        if draft is not None and before.status == runner.ACTIVE:
            self._save(before, keep=typed_values(draft))
        session = runner.back(before)
        self._save(session, moved=True)
        return session

    def cancel(self, tenant_id: str, session_id: str, token: str | None = None) -> Session:
        before = self.current(tenant_id, session_id)
        if not self._fresh(before, token):
            return before
        session = runner.cancel(before)
        self._save(session, moved=True)
        return session

    def submit(
        self, tenant_id: str, session_id: str, form: dict[str, Any], token: str | None = None
    ) -> Outcome:
        session = self.current(tenant_id, session_id)
        if session.status != runner.ACTIVE or session.current is None:
            return Outcome(session, stale=token is not None)
        if not self._fresh(session, token):
            return Outcome(session, stale=True)
        flow = self.flow(session.flow)
        step = flow.step(session.current)
        assert step is not None
        parsed = parse_step(step, form, self._state(tenant_id), session.lang)
        if parsed.errors:
            return Outcome(session, errors=parsed.errors, typed=form)
        if parsed.confirm is not None:
            return _confirmation(session, parsed.confirm, form)
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
        before: list[TenantState] = []

        def build(state: TenantState) -> Any:
            before.append(state)
            return ACTIONS[step.action](values, state)

        def after_save(tx: Transaction, _record_: TenantRecord, decision: Decision) -> None:
            moved = runner.completed(flow, session, decision.state)
            tx.walkthroughs.save(_record(moved), self._clock())
            memory = _read_memory(tx, session.id)
            memory.moves += 1
            memory.keep(step.id, form)
            memory.changes += changes_of(step.action, values, before[0], decision.state)
            _write_memory(tx, session.id, memory, self._clock())
            advanced.append(moved)

        digest = request_hash(step.id, repr(sorted(values.items())))
        reply = self.tenants.execute(
            session.tenant_id,
            build,
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
            self._save(now, keep=typed_values(form))
            now = runner.completed(flow, now, self._state(session.tenant_id))
            self._save(now, moved=True)
        return Outcome(now)

    # -- what a step looks like -------------------------------------------------------

    def page(self, session: Session, index: ContentIndex) -> dict[str, Any]:
        """``view`` plus what a page shows: the values to fill in, the token, the changes."""
        memory = self.memory(session.id)
        body = self.view(session, index)
        body["token"] = step_token(session.id, session.current, memory.moves)
        body["values"] = memory.values.get(session.current or "", {})
        body["changes"] = [describe(change, session.lang) for change in memory.changes]
        body["result_title"] = text("result.title", session.lang, flow=body["guide"]["title"])
        return body

    def view(self, session: Session, index: ContentIndex) -> dict[str, Any]:
        flow = self.flow(session.flow)
        lang = session.lang
        state = self._state(session.tenant_id)
        guide = index.page(flow.guide, lang) or index.page(flow.guide, index.default_lang)
        guide_url = index.url(guide) if guide else "/"
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


def _confirmation(session: Session, amount: Money, form: dict[str, Any]) -> Outcome:
    """A large purchase: nothing is bought until the form comes back with this amount."""
    lang = session.lang
    message = confirm_message(amount, lang)
    how = text("confirm.api", lang, field=CONFIRM_FIELD, value=amount.format())
    return Outcome(session, errors={"amount": f"{message} {how}"}, typed=form, confirm=amount)


def _stop_view(flow: Flow, session: Session, index: ContentIndex) -> dict[str, Any]:
    lang = session.lang
    stop = next(s for s in flow.stop_when if s.reason == session.stop_reason)
    target = index.page(stop.guide, lang) or index.page(stop.guide, index.default_lang)
    target_url = index.url(target) if target else "/"
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
