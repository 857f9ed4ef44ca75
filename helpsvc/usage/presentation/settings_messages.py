"""What the simulation says about its settings, in English, German and Simplified Chinese.

Options that do not parse (``option.<kind>`` of ``options.OptionError``, worded without the
option's name: the CLI and the API put it in front as each spells it), a card that expired
before the replay, the advisor's recharge-delay margin, and the command line's own lines.
Same conventions as ``messages`` (glossary terms, "Sie", plural forms).
"""

from __future__ import annotations

from helpsvc.catalog.entries import Message, entry, plural_entry

SETTINGS_MESSAGES: dict[str, Message] = {
    # -- options that do not parse ------------------------------------------------------
    "option.invalid": entry("usage.option.invalid", "“{value}” is not a valid value"),
    "option.not_amount": entry(
        "usage.option.not_amount", "“{value}” is not an amount (e.g. 250 or 250.00)"
    ),
    "option.zero_recharge": entry(
        "usage.option.zero_recharge",
        "a recharge amount of {value} recharges nothing; give an amount "
        "above zero. To replay without auto-recharge, use {switch}.",
    ),
    "option.zero_trigger": entry(
        "usage.option.zero_trigger",
        "a trigger amount of {value} recharges only after a call has taken "
        "the balance below zero, and a balance of exactly zero refuses every "
        "call without ever recharging; give an amount above zero.",
    ),
    "option.zero_funds": entry(
        "usage.option.zero_funds",
        "with starting funds of {value} every call is refused and "
        "auto-recharge never starts, because only a charge sets it off. Give "
        "funds above zero, or replay without auto-recharge ({switch}).",
    ),
    "option.not_month": entry(
        "usage.option.not_month", "“{value}” is not a month (YYYY-MM or MM/YY)"
    ),
    "option.bad_month": entry("usage.option.bad_month", "“{value}”: there is no month {month}"),
    "option.not_date": entry("usage.option.not_date", "“{value}” is not a date (YYYY-MM-DD)"),
    "option.not_recharge_cap": entry(
        "usage.option.not_recharge_cap", "“{value}” is not a number of recharges a month"
    ),
    "option.not_delay": entry(
        "usage.option.not_delay",
        "“{value}” is not a number of days from 0 to {most} (e.g. 0.5, 1 or 2)",
    ),
    "option.not_lang": entry("usage.option.not_lang", "“{value}”: use en, de or zh"),
    # -- a card that expired before the replay --------------------------------------------
    "report.card_expired": entry(
        "usage.report.card_expired", "{card} (expired before the start: every recharge fails)"
    ),
    "note.card_expired": entry(
        "usage.note.card_expired",
        "The payment card expired before the replay starts ({card}). An "
        "expired card buys nothing, so the starting funds count as the "
        "balance you already hold, and every auto-recharge fails on the card.",
    ),
    # -- the advisor's recharge-delay margin ----------------------------------------------
    "advice.margin": plural_entry(
        "days",
        "usage.advice.margin",
        "A real recharge may take up to a day to arrive (in the simulator it "
        "is instant), so no trigger amount was tried below the most "
        "credit-funded spend within any 24 hours: {spend}, from {start}.",
        "A real recharge may take up to {days} days to arrive (in the "
        "simulator it is instant), so no trigger amount was tried below the "
        "most credit-funded spend within any {days} days: {spend}, from "
        "{start}.",
    ),
    "advice.margin_none": entry(
        "usage.advice.margin_none",
        "Recharges were taken to arrive at once, as in the simulator (a "
        "recharge delay of 0 days), so trigger amounts were tried from the "
        "smallest up. A real recharge takes a while: a trigger this low can "
        "let the balance run out before it arrives.",
    ),
    "advice.margin_setting": entry(
        "usage.advice.margin_setting",
        "Set how long a recharge may take with --recharge-delay-days.",
    ),
    # -- the upload page's field for the margin ----------------------------------------
    "page.recharge_delay": entry("usage.page.recharge_delay", "Days a recharge may take to arrive"),
    "page.recharge_delay_hint": entry(
        "usage.page.recharge_delay_hint",
        "For the advice: no trigger amount below the busiest spend within "
        "that many days is recommended. Empty: 1; 0: recharges arrive at "
        "once.",
    ),
    # -- the command line's own lines ---------------------------------------------------
    "cli.error": entry("usage.cli.error", "error"),
    "cli.note": entry("usage.cli.note", "note"),
    "cli.report_written": entry("usage.cli.report_written", "Report written to {path}"),
    "cli.calls_written": plural_entry(
        "count",
        "usage.cli.calls_written",
        "1 call written to {path}",
        "{count} calls written to {path}",
    ),
}
