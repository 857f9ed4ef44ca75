"""The pure core of the Communications Credits simulator.

State and a command in, new state and events out::

    decision = apply(state, command, tariff)   # -> Decision(state, events)

No I/O, no wall clock, no randomness, no other ``helpsvc`` package. The only file access is
``ratedata``, which loads rate and plan YAML into a ``Tariff`` when explicitly asked; the
engine receives the loaded tariff as an argument (configuration, not state, so stores
persist only ``TenantState``). Idempotency of writes belongs to the store, not here.

Module map: ``money`` (Money, currencies), ``clock`` (month arithmetic), ``lots`` (expiring
lots, consumption order), ``ledger`` (append-only entries), ``users``/``licensing``
(licenses and what calls need), ``cards`` (payment card expiry), ``tariff``/``ratedata``/
``rating`` (prices, pools, rating), ``state``, ``commands``, ``events``, ``errors``, and the
machinery ``account`` (moving credits), ``reactions`` (auto-recharge, notifications),
``schedule`` (time-driven events), ``calls`` (placing a call), ``engine`` (``apply``).

Decisions (the rules DESIGN.md leaves open, settled here):

Money and time
  * Money is integer minor units plus an ISO 4217 code; mixing currencies raises
    ``currency_mismatch``. A tenant has one currency and is rated from that currency's own
    price table; no exchange rates.
  * Time is timezone-aware UTC and moves only by ``AdvanceClock`` (``to``, ``by`` or
    ``months``); backwards is ``clock_backwards``. Commands happen at ``state.now``; a whole
    call is simulated at that instant.
  * Month arithmetic clamps to the month's end: Jan 31 + 1 month = Feb 28/29, Feb 29 2024
    + 12 months = Feb 28 2025; the time of day is kept. Periods are calendar months from
    the 1st at 00:00 UTC.

Lots and ledger
  * Every purchase, auto-recharge and positive adjustment is a lot expiring 12 calendar
    months after it was bought; it is expired from that instant on. Usage drains the lot
    expiring first, ties in purchase order. At expiry exactly the remainder is forfeited
    with an ``expiry`` entry (none when nothing is left).
  * The balance is the last ledger entry's ``balance_after`` = sum of ledger amounts =
    sum of lot remainders - debt. A negative balance is ``debt``, never a negative lot.
  * A purchase while in debt: the ledger shows the full purchase amount; the debt is paid
    first and the lot keeps ``amount - debt_settled`` as its remainder (possibly zero).
  * Usage writes one ``usage`` entry per lot drawn (``lot_id`` set) plus one without a lot
    for the part that became debt, so the ledger shows which money paid for each call.
  * ``Adjustment``: positive grants a lot (source ``adjustment``, pays debt first, expires
    like a purchase); negative removes existing credits FIFO and is refused with
    ``insufficient_balance`` beyond the positive balance (it never creates debt).

Calls, rating and licensing
  * Each started minute is billed. Plan minutes first: monthly pools per country (the
    user's usage location) shared by all users holding the plan (domestic pool fed by
    domestic and international plans, international pool by international plans,
    conference dial-out pool by Audio Conferencing users for the destinations listed in
    ``plans.yaml``). Pools reset at each month boundary and are sized from the licenses
    held at rating time. The rest is priced at the per-minute rate plus the connection fee
    once, and the call's price is rounded half up to the minor unit once per call.
  * Licenses: outbound user calls need Phone System and a calling plan (domestic,
    international or pay-as-you-go; ``payg_outbound`` needs pay-as-you-go); conference
    dial-out needs Audio Conferencing; drawing on credits needs Communications Credits
    (E5 included). Toll-free dial-in is charged to the meeting organizer (``user_id``), who
    needs Audio Conferencing and, because toll-free minutes are always paid from credits,
    Communications Credits.
  * A refused call is a successful decision with a ``CallRefused`` event (code + params),
    no ledger change; only a malformed command (unknown user, bad values, no rate for a
    priced destination) raises ``DomainError``. A call is refused at start when its first
    minute needs credits and the license is missing (``license_missing``) or a prepaid
    balance is zero or below (``balance_not_positive``). A call starting on plan minutes is
    not credit-funded at start; if it outlasts the pool and credits are unusable it is cut
    when the pool runs out (``CallRated.cut_reason``). Otherwise a call is charged in full
    at its end, even below zero. A zero-priced credit part never needs credits.
  * ``PlaceCall.charge`` replaces rating (replaying priced usage): no pool, no fee.

Auto-recharge and notifications
  * Only debits (usage, expiry, negative adjustment) trigger auto-recharge. While armed,
    a debit leaving the balance below the trigger makes exactly one attempt after that
    debit and disarms. The recharge is a lot like a purchase (it pays debt first). An
    expired card (after the last day of its expiry month) fails: ``recharge_failed`` entry
    of amount 0, ``AutoRechargeFailed`` and a ``recharge_failed`` notification, no funds.
  * No retry while the balance stays below the trigger. Re-armed when the balance is back
    at or above the trigger, or when the admin sets a card, buys credits or saves the
    auto-recharge settings; the next debit below the trigger then tries again. Saving the
    settings while already below the trigger does not recharge by itself.
  * Enabling auto-recharge, manual purchase and setting a card require a card that is not
    expired (``card_missing``, ``card_expired``).
  * ``balance_not_positive`` is queued when a change takes the balance from above zero to
    zero or below, judged after the recharge that change triggered (``credits_used_up`` for
    NCE tenants, whose calls are never refused); ``recharge_succeeded`` and
    ``recharge_failed`` once per attempt, hence once per crossing.

NCE
  * NCE tenants cannot buy credits or enable auto-recharge (``nce_cannot_purchase``).
    ``SwitchToNce`` is refused while auto-recharge is on (``auto_recharge_must_be_off``),
    while the balance is negative (``debt_outstanding``: pay the debt first) and when
    already NCE (``already_nce``).
  * After the switch calls use remaining credits first; the rest accrues as overage on the
    open billing period and is recorded as an ``overage`` ledger entry with amount 0 and
    ``invoiced`` set, so credits never go negative and NCE calls are never refused for
    balance. Billing periods are calendar months (the first starts at the switch); each
    close appends an ``Invoice`` to the state and emits ``BillingPeriodClosed`` with the
    overage total, zero included.
  * Due events are processed in time order as the clock passes them and before every
    command: at one instant the month boundary (NCE close, pool reset) comes first, then
    lot expiries; an expiry may trigger a recharge whose lot later expires in the same
    advance.
"""

from .cards import PaymentCard
from .clock import add_months, month_start, next_month_start
from .commands import (
    AddFunds,
    AddUser,
    Adjustment,
    AdvanceClock,
    AssignLicenses,
    CallKind,
    Command,
    ConfigureAutoRecharge,
    PlaceCall,
    SetPaymentCard,
    SwitchToNce,
)
from .compaction import DEFAULT_RETENTION, Retention, compact
from .engine import Decision, apply, apply_all
from .errors import DomainError, ErrorCode
from .events import (
    Adjusted,
    AutoRechargeConfigured,
    AutoRechargeFailed,
    AutoRechargeSucceeded,
    BillingPeriodClosed,
    CallRated,
    CallRefused,
    ClockAdvanced,
    Event,
    FundsAdded,
    LicensesAssigned,
    LotExpired,
    NotificationKind,
    NotificationQueued,
    PaymentCardSet,
    PlanMinutesReset,
    SwitchedToNce,
    UserAdded,
)
from .horizon import HORIZON, MAX_ADVANCE_DAYS, MAX_ADVANCE_MONTHS, clock_steps
from .ledger import EntryType, LedgerEntry
from .lots import Lot, LotSource
from .money import Money
from .ratedata import RateDataError, load_sample_tariff, load_tariff, parse_tariff
from .state import (
    AutoRecharge,
    CommerceModel,
    Folded,
    Invoice,
    NceBilling,
    PoolBucket,
    PoolKey,
    TenantState,
    new_tenant,
)
from .tariff import NumberType, Rate, Tariff
from .users import CallingPlan, License, Licenses, User

__all__ = [
    "DEFAULT_RETENTION",
    "Folded",
    "HORIZON",
    "MAX_ADVANCE_DAYS",
    "MAX_ADVANCE_MONTHS",
    "Retention",
    "clock_steps",
    "compact",
    "AddFunds",
    "AddUser",
    "Adjusted",
    "Adjustment",
    "AdvanceClock",
    "AssignLicenses",
    "AutoRecharge",
    "AutoRechargeConfigured",
    "AutoRechargeFailed",
    "AutoRechargeSucceeded",
    "BillingPeriodClosed",
    "CallKind",
    "CallRated",
    "CallRefused",
    "CallingPlan",
    "ClockAdvanced",
    "Command",
    "CommerceModel",
    "ConfigureAutoRecharge",
    "Decision",
    "DomainError",
    "EntryType",
    "ErrorCode",
    "Event",
    "FundsAdded",
    "Invoice",
    "LedgerEntry",
    "License",
    "Licenses",
    "LicensesAssigned",
    "Lot",
    "LotExpired",
    "LotSource",
    "Money",
    "NceBilling",
    "NotificationKind",
    "NotificationQueued",
    "NumberType",
    "PaymentCard",
    "PaymentCardSet",
    "PlaceCall",
    "PlanMinutesReset",
    "PoolBucket",
    "PoolKey",
    "Rate",
    "RateDataError",
    "SetPaymentCard",
    "SwitchToNce",
    "SwitchedToNce",
    "Tariff",
    "TenantState",
    "User",
    "UserAdded",
    "add_months",
    "apply",
    "apply_all",
    "load_sample_tariff",
    "load_tariff",
    "month_start",
    "new_tenant",
    "next_month_start",
    "parse_tariff",
]
