"""The walkthroughs at the edge: sessions in the store, actions through the tenant store.

Each submitted step is parsed field by field, turned into engine commands by its action
and run through ``TenantStore.run`` — the very path of the tenant API — so a walkthrough
can do exactly what the API allows and is refused exactly where the API refuses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from helpsvc.content.index import ContentIndex
from helpsvc.content.sections import render_section
from helpsvc.content.urls import page_url
from helpsvc.credits import CallRefused, Decision, DomainError, TenantState
from helpsvc.store.tenants import TenantStore
from helpsvc.store.walkthroughs import WalkthroughStore, new_session_id
from helpsvc.walkthroughs import runner
from helpsvc.walkthroughs.actions import ACTIONS
from helpsvc.walkthroughs.conditions import users_without_credits_license
from helpsvc.walkthroughs.inputs import parse_step
from helpsvc.walkthroughs.messages import label, option, text
from helpsvc.walkthroughs.model import Flow
from helpsvc.walkthroughs.runner import Session
from helpsvc.web.credit_messages import error_detail, error_title


class UnknownFlow(Exception):
    pass


class UnknownSession(Exception):
    pass


@dataclass(slots=True)
class Outcome:
    session: Session
    errors: dict[str, str] = field(default_factory=dict)  # field -> message
    form_error: str | None = None  # a refusal of the credits rules
    typed: dict[str, Any] = field(default_factory=dict)  # what was sent, shown again


class Walkthroughs:
    def __init__(
        self, flows: dict[str, Flow], sessions: WalkthroughStore, tenants: TenantStore
    ) -> None:
        self.flows = flows
        self.sessions = sessions
        self.tenants = tenants

    def flow(self, flow_id: str) -> Flow:
        flow = self.flows.get(flow_id)
        if flow is None:
            raise UnknownFlow(flow_id)
        return flow

    def _state(self, tenant_id: str) -> TenantState:
        return self.tenants.load(tenant_id)[1]

    def start(self, tenant_id: str, flow_id: str, lang: str) -> Session:
        flow = self.flow(flow_id)
        session = runner.start(flow, self._state(tenant_id), new_session_id(), lang)
        self.sessions.save(session)
        return session

    def resume_or_start(self, tenant_id: str, flow_id: str, lang: str) -> Session:
        """The tenant's open session of this flow, or a new one."""
        latest = self.sessions.latest(tenant_id, flow_id)
        if latest is not None and latest.status == runner.ACTIVE:
            session = self.current(tenant_id, latest.id)
            if session.lang != lang:
                session = runner.Session(**{**_fields(session), "lang": lang})
                self.sessions.save(session)
            return session
        return self.start(tenant_id, flow_id, lang)

    def current(self, tenant_id: str, session_id: str) -> Session:
        session = self.sessions.get(session_id)
        if session is None or session.tenant_id != tenant_id:
            raise UnknownSession(session_id)
        checked = runner.recheck(self.flow(session.flow), session, self._state(tenant_id))
        if checked != session:
            self.sessions.save(checked)
        return checked

    def back(self, tenant_id: str, session_id: str) -> Session:
        session = runner.back(self.current(tenant_id, session_id))
        self.sessions.save(session)
        return session

    def cancel(self, tenant_id: str, session_id: str) -> Session:
        session = runner.cancel(self.current(tenant_id, session_id))
        self.sessions.save(session)
        return session

    def submit(self, tenant_id: str, session_id: str, form: dict[str, Any]) -> Outcome:
        session = self.current(tenant_id, session_id)
        if session.status != runner.ACTIVE or session.current is None:
            return Outcome(session)
        flow = self.flow(session.flow)
        step = flow.step(session.current)
        assert step is not None
        state = self._state(tenant_id)
        parsed = parse_step(step, form, state, session.lang)
        if parsed.errors:
            return Outcome(session, errors=parsed.errors, typed=form)
        for command in ACTIONS[step.action](parsed.values, state):
            answer = self.tenants.run(tenant_id, command, respond=_respond(session.lang))
            if answer.status >= 400:
                problem = answer.body
                return Outcome(
                    session,
                    form_error=f"{problem['title']}: {problem['detail']}",
                    typed=form,
                )
        session = runner.completed(flow, session, self._state(tenant_id))
        self.sessions.save(session)
        return Outcome(session)

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
            stop = next(s for s in flow.stop_when if s.reason == session.stop_reason)
            target = index.page(stop.guide, lang) or index.page(stop.guide, index.default_lang)
            body["stop"] = {
                "code": stop.reason,
                "title": error_title(stop.reason, lang),
                "message": error_detail(stop.reason, {}, lang),
                "guide": {
                    "title": target.title if target else stop.guide,
                    "url": (page_url(target, index.default_lang) if target else "/")
                    + f"#{stop.section}",
                },
                "html": render_section(target, stop.section, page_url(target, index.default_lang))
                if target
                else None,
            }
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


def _respond(lang: str) -> Any:
    def respond(_info: Any, outcome: Decision | DomainError) -> tuple[int, dict[str, Any]]:
        if isinstance(outcome, DomainError):
            code, params = outcome.code.value, outcome.params
        else:
            refused = next((e for e in outcome.events if isinstance(e, CallRefused)), None)
            if refused is None:
                return 200, {}
            code, params = refused.reason.value, dict(refused.params)
        return 409, {
            "code": code,
            "title": error_title(code, lang),
            "detail": error_detail(code, params, lang),
        }

    return respond


def _fields(session: Session) -> dict[str, Any]:
    return {name: getattr(session, name) for name in session.__dataclass_fields__}
