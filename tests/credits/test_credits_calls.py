"""Placing calls: licensing, refusal at start, pools, rating and charging."""

from datetime import UTC, datetime

import pytest

from helpsvc.credits import (
    AddUser,
    AdvanceClock,
    AssignLicenses,
    CallingPlan,
    CallKind,
    CallRated,
    CallRefused,
    DomainError,
    EntryType,
    ErrorCode,
    Licenses,
    Money,
    NumberType,
    PlaceCall,
    PoolBucket,
    PoolKey,
)

DOM = CallKind.USER_OUTBOUND_DOMESTIC
INTL = CallKind.USER_OUTBOUND_INTERNATIONAL
GEO = NumberType.GEOGRAPHIC


def rated(events: list) -> CallRated:
    (only,) = [e for e in events if isinstance(e, CallRated)]
    return only


def refused(events: list) -> CallRefused:
    (only,) = [e for e in events if isinstance(e, CallRefused)]
    return only


def test_credit_funded_call_is_refused_at_zero_balance_without_touching_the_ledger(sim) -> None:
    sim.user()
    events = sim.do(PlaceCall("ada", INTL, "DE", GEO, 60, call_id="c-1"))
    refusal = refused(events)
    assert (refusal.reason, refusal.call_id) == (ErrorCode.BALANCE_NOT_POSITIVE, "c-1")
    assert refusal.params == {"balance": "0.00", "currency": "USD"}
    assert sim.state.ledger.entries == () and sim.balance.is_zero


def test_call_is_refused_while_the_balance_is_negative(sim) -> None:
    sim.user().fund("0.04")
    sim.do(PlaceCall("ada", INTL, "DE", GEO, 120))  # 0.08 -> -0.04
    ledger = sim.state.ledger
    assert (
        refused(sim.do(PlaceCall("ada", INTL, "DE", GEO, 1))).reason
        is ErrorCode.BALANCE_NOT_POSITIVE
    )
    assert sim.state.ledger == ledger


def test_call_covered_by_plan_minutes_needs_no_balance(sim) -> None:
    sim.user()
    call = rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 600)))
    assert (call.plan_minutes, call.credit_minutes, call.charge) == (10, 0, sim.money("0"))
    assert call.pool == PoolKey(PoolBucket.DOMESTIC, "US")
    assert sim.state.ledger.entries == ()


def test_call_in_progress_is_charged_in_full_below_zero(sim) -> None:
    sim.user().fund("0.10")
    call = rated(sim.do(PlaceCall("ada", INTL, "DE", GEO, 600)))
    assert call.charge == sim.money("0.40")
    assert (call.from_credits, call.to_debt) == (sim.money("0.10"), sim.money("0.30"))
    assert sim.balance == sim.money("-0.30")
    assert [e.amount for e in sim.state.ledger if e.type is EntryType.USAGE] == [
        sim.money("-0.10"),
        sim.money("-0.30"),
    ]


def test_rating_bills_started_minutes_plus_connection_fee(sim) -> None:
    sim.user().fund("5.00")
    call = rated(sim.do(PlaceCall("ada", INTL, "GB", GEO, 121)))
    # 3 started minutes x 0.05 + 0.10 connection fee
    assert (call.billed_minutes, call.credit_minutes, call.charge) == (3, 3, sim.money("0.25"))
    assert sim.balance == sim.money("4.75")


def test_plan_minutes_are_pooled_and_used_before_credits(sim) -> None:
    sim.user("ada").user("bob").fund("5.00")  # two domestic plans: 200 pooled minutes
    first = rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 150 * 60)))
    second = rated(sim.do(PlaceCall("bob", DOM, "US", NumberType.MOBILE, 70 * 60)))
    assert first.plan_minutes == 150
    assert (second.plan_minutes, second.credit_minutes) == (50, 20)
    assert second.charge == sim.money("0.60")  # 20 x 0.03 mobile
    assert sim.balance == sim.money("4.40")


def test_pool_resets_at_the_month_boundary(sim) -> None:
    sim.user().fund("5.00")
    sim.do(PlaceCall("ada", DOM, "US", GEO, 100 * 60))
    assert rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 60))).plan_minutes == 0
    sim.do(AdvanceClock(to=datetime(2024, 2, 1, tzinfo=UTC)))
    call = rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 60)))
    assert (call.plan_minutes, call.charge) == (1, sim.money("0"))


def test_call_starting_on_plan_minutes_is_cut_when_credits_cannot_pay(sim) -> None:
    sim.user()
    sim.do(PlaceCall("ada", DOM, "US", GEO, 95 * 60))
    call = rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 20 * 60)))
    assert call.cut_reason is ErrorCode.BALANCE_NOT_POSITIVE
    assert (call.connected_seconds, call.plan_minutes, call.charge) == (300, 5, sim.money("0"))
    assert sim.state.ledger.entries == ()


@pytest.mark.parametrize(
    ("kind", "dest", "licenses", "missing"),
    [
        (DOM, "US", Licenses(calling_plan=CallingPlan.DOMESTIC), "phone_system"),
        (DOM, "US", Licenses(phone_system=True, communications_credits=True), "calling_plan"),
        (
            CallKind.PAYG_OUTBOUND,
            "DE",
            Licenses(phone_system=True, calling_plan=CallingPlan.DOMESTIC),
            "pay_as_you_go_plan",
        ),
        (
            CallKind.CONFERENCE_DIAL_OUT,
            "US",
            Licenses(phone_system=True, communications_credits=True),
            "audio_conferencing",
        ),
        (
            CallKind.TOLL_FREE_DIAL_IN,
            "US",
            Licenses(communications_credits=True),
            "audio_conferencing",
        ),
        (INTL, "DE", Licenses.e5(CallingPlan.DOMESTIC), "communications_credits"),
        (CallKind.TOLL_FREE_DIAL_IN, "US", Licenses.e5(), "communications_credits"),
    ],
)
def test_calls_without_the_needed_license_are_refused(sim, kind, dest, licenses, missing) -> None:
    sim.user(licenses=licenses).fund("10.00")
    refusal = refused(sim.do(PlaceCall("ada", kind, dest, GEO, 60)))
    assert (refusal.reason, refusal.params) == (ErrorCode.LICENSE_MISSING, {"license": missing})
    assert sim.balance == sim.money("10.00")


def test_e5_user_with_the_credits_license_may_draw_on_credits(sim) -> None:
    licenses = Licenses.e5(CallingPlan.DOMESTIC)
    sim.user(licenses=licenses).fund("1.00")
    assert (
        refused(sim.do(PlaceCall("ada", INTL, "DE", GEO, 60))).reason is ErrorCode.LICENSE_MISSING
    )
    with_credits = Licenses(
        audio_conferencing=True,
        phone_system=True,
        calling_plan=CallingPlan.DOMESTIC,
        communications_credits=True,
    )
    sim.do(AssignLicenses("ada", with_credits))
    assert rated(sim.do(PlaceCall("ada", INTL, "DE", GEO, 60))).charge == sim.money("0.04")


def test_plan_minutes_need_no_credits_license_but_the_overflow_is_cut(sim) -> None:
    sim.user(licenses=Licenses.e5(CallingPlan.DOMESTIC)).fund("1.00")
    call = rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 105 * 60)))
    assert call.cut_reason is ErrorCode.LICENSE_MISSING and call.plan_minutes == 100
    assert sim.balance == sim.money("1.00")


def test_toll_free_dial_in_is_paid_from_credits_by_the_organizer(sim) -> None:
    sim.user("org").fund("1.00")
    call = rated(sim.do(PlaceCall("org", CallKind.TOLL_FREE_DIAL_IN, "US", NumberType.MOBILE, 90)))
    assert (call.plan_minutes, call.charge) == (0, sim.money("0.17"))  # 2 x 0.06 + 0.05
    assert sim.balance == sim.money("0.83")


def test_zero_priced_calls_do_not_need_credits(sim) -> None:
    sim.user(licenses=Licenses(phone_system=True, calling_plan=CallingPlan.PAY_AS_YOU_GO))
    call = rated(sim.do(PlaceCall("ada", CallKind.PAYG_OUTBOUND, "US", NumberType.TOLL_FREE, 600)))
    assert call.charge.is_zero and call.cut_reason is None


def test_explicit_charge_replaces_rating_and_leaves_pools_alone(sim) -> None:
    sim.user().fund("5.00")
    call = rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 600, charge=sim.money("1.23"))))
    assert (call.charge, call.plan_minutes) == (sim.money("1.23"), 0)
    assert sim.state.pools.used == () and sim.balance == sim.money("3.77")


def test_jpy_tenant_is_rated_in_whole_yen(make_sim) -> None:
    sim = make_sim(currency="JPY", country="JP")
    sim.user(
        licenses=Licenses(
            phone_system=True, calling_plan=CallingPlan.DOMESTIC, communications_credits=True
        )
    ).fund("1000")
    jp = rated(sim.do(PlaceCall("ada", DOM, "JP", GEO, 33 * 60)))
    assert (jp.plan_minutes, jp.credit_minutes, jp.charge) == (30, 3, Money(8, "JPY"))  # 7.5 up
    us = rated(sim.do(PlaceCall("ada", INTL, "US", GEO, 60)))
    assert us.charge == Money(13, "JPY")  # 3 + 10 connection fee


def test_malformed_calls_raise_and_change_nothing(sim) -> None:
    sim.user().fund("1.00")
    assert sim.refused(PlaceCall("zoe", INTL, "DE", GEO, 60)).code is ErrorCode.UNKNOWN_USER
    wrong_country = sim.refused(PlaceCall("ada", DOM, "DE", GEO, 60))
    assert wrong_country.code is ErrorCode.INVALID_CALL
    assert wrong_country.params == {"field": "destination", "value": "DE", "expected": "US"}
    assert sim.refused(PlaceCall("ada", INTL, "US", GEO, 60)).code is ErrorCode.INVALID_CALL
    assert sim.refused(PlaceCall("ada", INTL, "DE", GEO, -1)).code is ErrorCode.INVALID_CALL
    assert sim.refused(PlaceCall("ada", INTL, "de", GEO, 60)).code is ErrorCode.INVALID_COUNTRY
    assert sim.refused(PlaceCall("ada", INTL, "FR", GEO, 60)).code is ErrorCode.RATE_MISSING
    bad_kind = PlaceCall("ada", "fax", "DE", GEO, 60)  # type: ignore[arg-type]
    assert sim.refused(bad_kind).params == {"field": "kind", "value": "fax"}
    euros = PlaceCall("ada", INTL, "DE", GEO, 60, charge=Money(5, "EUR"))
    assert sim.refused(euros).code is ErrorCode.CURRENCY_MISMATCH


def test_plain_string_enums_are_accepted(sim) -> None:
    sim.user().fund("1.00")
    call = rated(sim.do(PlaceCall("ada", "user_outbound_international", "DE", "geographic", 60)))  # type: ignore[arg-type]
    assert call.kind is INTL and call.charge == sim.money("0.04")


def test_domain_error_carries_code_and_params_not_prose() -> None:
    error = DomainError(ErrorCode.UNKNOWN_USER, {"user_id": "zoe"})
    assert error.code == "unknown_user" and error.params == {"user_id": "zoe"}
    assert str(error) == "unknown_user(user_id=zoe)"


def test_plan_names_from_json_are_understood_and_typos_refused(sim) -> None:
    sim.user(licenses=Licenses(phone_system=True, calling_plan="pay_as_you_go"))  # type: ignore[arg-type]
    assert sim.state.user("ada").licenses.calling_plan is CallingPlan.PAY_AS_YOU_GO
    typo = AssignLicenses("ada", Licenses(calling_plan="domestik"))  # type: ignore[arg-type]
    assert sim.refused(typo).params == {"field": "licenses.calling_plan", "value": "domestik"}


def test_users_pool_minutes_in_their_own_usage_location(sim) -> None:
    sim.user("ada").user("olivia", country="GB").fund("5.00")
    london = rated(sim.do(PlaceCall("olivia", DOM, "GB", GEO, 45 * 60)))
    assert (london.pool, london.plan_minutes) == (PoolKey(PoolBucket.DOMESTIC, "GB"), 40)
    assert london.charge == sim.money("0.35")  # 5 x 0.05 + 0.10 fee
    assert rated(sim.do(PlaceCall("ada", DOM, "US", GEO, 60))).plan_minutes == 1


def test_user_ids_are_unique_and_countries_checked(sim) -> None:
    sim.user("ada")
    assert sim.state.user("ada").country == "US"  # defaults to the tenant's country
    assert sim.refused(AddUser("ada")).code is ErrorCode.USER_EXISTS
    assert sim.refused(AddUser("")).code is ErrorCode.INVALID_USER
    assert sim.refused(AddUser("bob", country="Germany")).code is ErrorCode.INVALID_COUNTRY
    assert sim.refused(AssignLicenses("zoe", Licenses())).code is ErrorCode.UNKNOWN_USER
