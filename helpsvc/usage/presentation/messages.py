"""What the usage replay says: the English of every message, by key.

The reader, the replay and the advisor speak in codes with parameters; the CLI, the HTML
report, the API and the upload page word them here. German and Chinese are in the message
catalog (``helpsvc/locale``), worded with the glossary's terms.

Counts: a message that holds one is a ``plural_entry`` naming the parameter with the count;
gettext picks the form each language's plural rule asks for (Chinese has one). A message
holds at most one count, so each form is a whole sentence a translator can inflect ("1
Aufladung", "bei 2 Aufladungen"); two counts are two messages. The settings' own messages
(options, the card, the advisor's margin) are in ``settings_messages``.
"""

from __future__ import annotations

from typing import Any

from helpsvc.catalog.entries import Message, PluralEntry, entry, plural_entry
from helpsvc.i18n.lookup import in_language, message

from ..options import OptionError
from .settings_messages import SETTINGS_MESSAGES

LANGUAGES = ("en", "de", "zh")

MESSAGES: dict[str, Message] = {
    # -- files that are not the export --------------------------------------------------
    "file.empty": entry(
        "usage.file.empty",
        "{source}: the file is empty. Export the Calling Plans tab of the PSTN usage report again.",
    ),
    "file.not_csv": entry(
        "usage.file.not_csv",
        "{source}: this is not a CSV file. Use the CSV of the Calling Plans "
        "tab of the PSTN usage report, or the zip the admin center exports.",
    ),
    "file.not_text": entry(
        "usage.file.not_text",
        "{source}: the file is not text (UTF-8 or UTF-16). Use the CSV of "
        "the Calling Plans tab of the PSTN usage report, or the zip the "
        "admin center exports.",
    ),
    "file.not_utf8": entry(
        "usage.file.not_utf8",
        "{source}:{row}: the byte {byte} at character {column} of the row is "
        "not UTF-8: the file was saved in another encoding, as Excel does "
        "with “CSV (Comma delimited)”. Save it as “CSV UTF-8 (Comma "
        "delimited)”, or use the zip the admin center exports.",
    ),
    "file.not_usage_export": entry(
        "usage.file.not_usage_export",
        "{source}: this is not the PSTN usage report. Its first columns are "
        "{found}; the export of the Calling Plans tab starts with UsageId, "
        "Call ID, Conference ID.",
    ),
    "file.columns_missing": entry(
        "usage.file.columns_missing",
        "{source}: columns needed for the replay are missing: {columns}. "
        "Export the report again without removing columns.",
    ),
    "file.direct_routing": entry(
        "usage.file.direct_routing",
        "{source} is the Direct Routing file of the export. Direct Routing "
        "calls go through your own carrier and never draw on Communications "
        "Credits, so there is nothing to replay. Use the PSTN.calls file "
        "(Calling Plans) of the same zip.",
    ),
    "file.zip_direct_routing_only": entry(
        "usage.file.zip_direct_routing_only",
        "{source} holds only the Direct Routing file ({file}). Direct "
        "Routing calls never draw on Communications Credits; export the "
        "Calling Plans tab to replay credit-funded calls.",
    ),
    "file.zip_without_calls": entry(
        "usage.file.zip_without_calls",
        "{source} has no PSTN.calls file (found: {files}). Use the zip the "
        "admin center exports from the PSTN usage report.",
    ),
    "file.zip_empty": entry(
        "usage.file.zip_empty",
        "{source} is an empty zip file. Export the PSTN usage report from "
        "the Teams admin center again and use the zip it downloads.",
    ),
    "file.bad_zip": entry(
        "usage.file.bad_zip", "{source}: the zip file is damaged. Download the export again."
    ),
    "file.excel_workbook": entry(
        "usage.file.excel_workbook",
        "{source} is an Excel workbook. Save it as CSV (UTF-8), or use the "
        "zip the admin center exports.",
    ),
    "file.gzip": entry(
        "usage.file.gzip",
        "{source} is gzip-compressed. Unpack it first, or use the zip the admin center exports.",
    ),
    "file.file_missing": entry("usage.file.file_missing", "{source}: no such file."),
    "file.is_directory": entry(
        "usage.file.is_directory",
        "{source} is a folder. Give the CSV file or the zip of the export.",
    ),
    "file.no_rows": entry(
        "usage.file.no_rows", "{source}: no call could be read. Check the problems listed above."
    ),
    "file.header_only": entry(
        "usage.file.header_only",
        "{source} has the columns of the PSTN usage report but no calls "
        "under them: nobody made a PSTN call in the period exported. Export "
        "a longer period, or one in which your users made calls.",
    ),
    "file.no_currency": entry(
        "usage.file.no_currency",
        "{source}: the Currency column is empty; the replay needs the currency of the charges.",
    ),
    "file.unknown_currency": entry(
        "usage.file.unknown_currency",
        "{source}: the currency {currency} is not one the simulator knows.",
    ),
    # -- bad rows ---------------------------------------------------------------------------
    "row.columns": entry("usage.row.columns", "the row has {got} columns, the header {expected}"),
    "row.missing_value": entry("usage.row.missing_value", "{column} is empty"),
    "row.bad_time": entry(
        "usage.row.bad_time",
        "{column} “{value}” is not an ISO 8601 time (e.g. 2026-01-05T09:30:00Z)",
    ),
    "row.end_before_start": entry(
        "usage.row.end_before_start", "End Time {end} is before Start Time {start}"
    ),
    "row.bad_duration": entry(
        "usage.row.bad_duration", "Duration Seconds “{value}” is not a whole number of seconds"
    ),
    "row.negative_duration": entry(
        "usage.row.negative_duration", "Duration Seconds is negative ({value})"
    ),
    "row.currency_mismatch": entry(
        "usage.row.currency_mismatch", "Currency is {got}, the rest of the file is in {expected}"
    ),
    "row.bad_charge": entry("usage.row.bad_charge", "Charge “{value}” is not an amount"),
    "row.no_rate": entry(
        "usage.row.no_rate",
        "no Charge, and the rate data has no {currency} rate for {destination} ({number_type})",
    ),
    "row.not_csv": entry("usage.row.not_csv", "the row cannot be read as CSV ({detail})"),
    "rows.more": plural_entry(
        "count", "usage.rows.more", "… and 1 more bad row", "… and {count} more bad rows"
    ),
    "rows.skipped": plural_entry(
        "count",
        "usage.rows.skipped",
        "1 bad row was skipped (use --strict to stop at it).",
        "{count} bad rows were skipped (use --strict to stop at the first).",
    ),
    "rows.strict": entry("usage.rows.strict", "Stopped at the first bad row (--strict)."),
    # -- notes ------------------------------------------------------------------------------
    "note.direct_routing_skipped": plural_entry(
        "calls",
        "usage.note.direct_routing_skipped",
        "{file} (1 call) was not replayed: Direct Routing calls go through "
        "your own carrier and never draw on Communications Credits.",
        "{file} ({calls} calls) was not replayed: Direct Routing calls go "
        "through your own carrier and never draw on Communications Credits.",
    ),
    "note.several_pstn_files": entry(
        "usage.note.several_pstn_files",
        "The zip holds several Calling Plans files; they were read one after the other: {files}.",
    ),
    "note.unsorted": entry(
        "usage.note.unsorted",
        "The calls were not in time order; they were sorted before the replay.",
    ),
    "note.before_start": plural_entry(
        "count",
        "usage.note.before_start",
        "1 credit-funded call before the start date was not replayed.",
        "{count} credit-funded calls before the start date were not replayed.",
    ),
    # -- configuration ------------------------------------------------------------------
    "config.amount": entry(
        "usage.config.amount",
        "{option}: “{value}” is not an amount in {currency} (e.g. 250 or 250.00).",
    ),
    "config.invalid": entry(
        "usage.config.invalid", "This configuration is not allowed by the credits rules ({code})."
    ),
    # -- report -----------------------------------------------------------------------------
    "report.title": entry("usage.report.title", "Replay of the PSTN usage report"),
    "report.intro": plural_entry(
        "rows",
        "usage.report.intro",
        "{source}: 1 call from {first} to {last}.",
        "{source}: {rows} calls from {first} to {last}.",
    ),
    "report.intro_credit": plural_entry(
        "credit",
        "usage.report.intro_credit",
        "1 of them was paid from Communications Credits.",
        "{credit} of them were paid from Communications Credits.",
    ),
    "report.intro_engine": entry(
        "usage.report.intro_engine",
        "Every balance change below was decided by the credit simulator's "
        "engine; amounts in {currency}.",
    ),
    "report.sample_rates": entry(
        "usage.report.sample_rates",
        "Calls without a Charge were priced with the simulator's sample "
        "rates, which are not Microsoft prices.",
    ),
    "report.config": entry("usage.report.config", "Configuration"),
    "report.summary": entry("usage.report.summary", "Result"),
    "report.funds": entry("usage.report.funds", "Starting funds"),
    "report.trigger": entry("usage.report.trigger", "Trigger amount"),
    "report.recharge": entry("usage.report.recharge", "Recharge amount"),
    "report.card": entry("usage.report.card", "Card expires"),
    "report.card_never": entry("usage.report.card_never", "not during the replay"),
    "report.billing": entry("usage.report.billing", "Billing"),
    "report.prepaid": entry("usage.report.prepaid", "prepaid"),
    "report.nce": entry("usage.report.nce", "NCE post-usage billing"),
    "report.auto_off": entry("usage.report.auto_off", "auto-recharge off"),
    "report.start": entry("usage.report.start", "Start"),
    "report.defaulted": entry("usage.report.defaulted", "from the rule of thumb"),
    "report.spent": entry("usage.report.spent", "Spent on credit-funded calls"),
    "report.recharges": entry("usage.report.recharges", "Recharges"),
    "report.recharged": entry("usage.report.recharged", "Recharged in total"),
    "report.failed": entry("usage.report.failed", "Failed recharges"),
    "report.refused": entry("usage.report.refused", "Refused calls"),
    "report.first_refusal": entry("usage.report.first_refusal", "first refused"),
    "report.expired": entry("usage.report.expired", "Expired funds"),
    "report.overage": entry("usage.report.overage", "Overage billed (NCE)"),
    "report.notifications": entry("usage.report.notifications", "Notifications"),
    "report.final": entry("usage.report.final", "Final balance"),
    "report.held": entry("usage.report.held", "Held in credits on average"),
    "report.lowest": entry("usage.report.lowest", "Lowest balance"),
    "report.export": entry("usage.report.export", "Export"),
    "report.balance_chart": entry("usage.report.balance_chart", "Balance over time"),
    "report.balance_axis": entry("usage.report.balance_axis", "Balance"),
    "report.marker_recharge": entry("usage.report.marker_recharge", "recharge"),
    "report.marker_failed": entry("usage.report.marker_failed", "failed recharge"),
    "report.marker_refused": entry("usage.report.marker_refused", "refused calls"),
    "report.trigger_line": entry("usage.report.trigger_line", "trigger amount"),
    "report.spend_chart": entry("usage.report.spend_chart", "Credit-funded spend by call type"),
    "report.calltype": entry("usage.report.calltype", "Call type"),
    "report.calls": entry("usage.report.calls", "Calls"),
    "report.credit_calls": entry("usage.report.credit_calls", "Credit-funded calls"),
    "report.credit_minutes": entry("usage.report.credit_minutes", "Credit-funded minutes"),
    "report.spend": entry("usage.report.spend", "Spend"),
    "report.events": entry("usage.report.events", "Recharges, failed recharges and refusals"),
    "report.when": entry("usage.report.when", "When"),
    "report.what": entry("usage.report.what", "What"),
    "report.amount": entry("usage.report.amount", "Amount"),
    "report.balance_after": entry("usage.report.balance_after", "Balance after"),
    "report.row": entry("usage.report.row", "row {row}, {user}"),
    "report.events_more": plural_entry(
        "count",
        "usage.report.events_more",
        "Only the first is listed.",
        "Only the first {count} are listed.",
    ),
    "report.problems": entry("usage.report.problems", "Rows that were skipped"),
    "report.notes": entry("usage.report.notes", "Notes"),
    # -- advice -------------------------------------------------------------------------
    "advice.title": entry("usage.advice.title", "Funding advice"),
    "advice.recommended": plural_entry(
        "recharges",
        "usage.advice.recommended",
        "Trigger amount {trigger} and recharge amount {recharge} would have "
        "refused no credit-funded call over the period, with 1 recharge "
        "({per_month} a month) and {held} held in credits on average — the "
        "least of all pairs tried that stay within the recharge limit ({cap} "
        "a month).",
        "Trigger amount {trigger} and recharge amount {recharge} would have "
        "refused no credit-funded call over the period, with {recharges} "
        "recharges ({per_month} a month) and {held} held in credits on "
        "average — the least of all pairs tried that stay within the "
        "recharge limit ({cap} a month).",
    ),
    "advice.verified": entry(
        "usage.advice.verified",
        "Checked by replaying every call of the export with this pair: {refused} refused.",
    ),
    "advice.starting_funds": entry(
        "usage.advice.starting_funds", "Start with at least the recharge amount ({funds}) as funds."
    ),
    "advice.no_credit_usage": entry(
        "usage.advice.no_credit_usage",
        "The export has no credit-funded calls, so there is no spend to size "
        "the funding from. Start small and review after the first month.",
    ),
    "advice.nothing_feasible": entry(
        "usage.advice.nothing_feasible",
        "No pair tried avoided refusals while staying within the recharge "
        "limit ({cap} a month). Allow more recharges (--max-recharges) or "
        "fund more.",
    ),
    "advice.rule": entry("usage.advice.rule", "Rule of thumb of the guides"),
    "advice.rule_text": entry(
        "usage.advice.rule_text",
        "Starting funds = one typical month of credit-funded spend plus "
        "about 20 % ({funds}); trigger amount at least the credit-funded "
        "spend of the busiest week ({trigger}); recharge amount about one "
        "month of credit-funded spend ({recharge}).",
    ),
    "advice.rule_result": plural_entry(
        "recharges",
        "usage.advice.rule_result",
        "Replayed, the rule of thumb holds {held} on average with 1 recharge and refuses no call.",
        "Replayed, the rule of thumb holds {held} on average with "
        "{recharges} recharges and refuses no call.",
    ),
    "advice.rule_refuses": entry(
        "usage.advice.rule_refuses",
        "Replayed, the rule of thumb refuses calls, the first on {when}.",
    ),
    "advice.figures": entry(
        "usage.advice.figures",
        "Typical month {month}, busiest week {week} (from {week_start}), busiest day {day}.",
    ),
    "advice.tradeoff": entry("usage.advice.tradeoff", "Holding more or recharging more often"),
    "advice.tradeoff_text": entry(
        "usage.advice.tradeoff_text",
        "For each recharge amount, the refusal-free trigger amount that "
        "holds the least. Smaller recharges hold less money but charge the "
        "card more often.",
    ),
    "advice.per_month": entry("usage.advice.per_month", "Recharges a month"),
    "advice.chart": entry("usage.advice.chart", "Money held against recharges a month"),
    "advice.chart_refused": entry("usage.advice.chart_refused", "refuses calls"),
    "advice.chart_ok": entry("usage.advice.chart_ok", "refuses nothing"),
    "advice.chart_best": entry("usage.advice.chart_best", "recommended"),
    "advice.none_yet": entry(
        "usage.advice.none_yet",
        "Ask for advice to see the recommended trigger and recharge amounts.",
    ),
    # -- call types of the export, as words ----------------------------------------------
    "calltype.user_out": entry("usage.calltype.user_out", "Outbound calls of users"),
    "calltype.user_in": entry("usage.calltype.user_in", "Inbound calls to users"),
    "calltype.user_out_transfer": entry("usage.calltype.user_out_transfer", "Transferred calls"),
    "calltype.user_out_forwarding": entry("usage.calltype.user_out_forwarding", "Forwarded calls"),
    "calltype.conf_in": entry("usage.calltype.conf_in", "Dial-in to meetings"),
    "calltype.conf_out": entry("usage.calltype.conf_out", "Dial-out from meetings"),
    "calltype.ucap_in": entry(
        "usage.calltype.ucap_in", "Inbound calls to auto attendants and call queues"
    ),
    "calltype.ucap_out": entry(
        "usage.calltype.ucap_out", "Outbound calls of auto attendants and call queues"
    ),
    "calltype.other": entry("usage.calltype.other", "Other calls ({code})"),
    "calltype.none": entry("usage.calltype.none", "Calls without a call type"),
    "report.labelled": entry("usage.report.labelled", "{what}: {reason}"),
    "report.axis_amount": entry("usage.report.axis_amount", "{label} in {currency}"),
    # -- upload page --------------------------------------------------------------------
    "page.title": entry("usage.page.title", "Replay your PSTN usage report"),
    "page.intro": entry(
        "usage.page.intro",
        "Upload the Calling Plans CSV of the PSTN usage report, or the zip "
        "the Teams admin center exports. The simulator replays the calls "
        "against the settings below and shows what would have happened to "
        "your Communications Credits. Leave an amount empty to use the "
        "guides' rule of thumb. Nothing is bought or changed.",
    ),
    "page.file": entry("usage.page.file", "Export file (CSV or zip, up to {limit})"),
    "page.funds": entry("usage.page.funds", "Starting funds"),
    "page.trigger": entry(
        "usage.page.trigger", "Trigger amount (recharge when the balance falls below)"
    ),
    "page.recharge": entry("usage.page.recharge", "Recharge amount"),
    "page.amount_hint": entry(
        "usage.page.amount_hint",
        "In the currency of the export, written like {example}; empty: rule of thumb.",
    ),
    "page.no_auto": entry("usage.page.no_auto", "Replay without auto-recharge"),
    "page.delay": entry("usage.page.delay", "Recharge delay (days)"),
    "page.delay_hint": entry(
        "usage.page.delay_hint",
        "Days from the balance falling below the trigger amount until the "
        "recharged funds can be used. Empty: the advisor assumes {days} day "
        "and recommends no trigger amount below the highest credit-funded "
        "spend within that time. 0: recharges arrive at once.",
    ),
    "page.not_amount": entry(
        "usage.page.not_amount", "“{value}” is not an amount. Enter it like {example}."
    ),
    "page.negative": entry(
        "usage.page.negative",
        "“{value}” is below zero. Enter an amount above zero, such as {example}.",
    ),
    "page.decimals": entry(
        "usage.page.decimals",
        "“{value}” is not an amount in {currency}, the currency of the "
        "export: use at most {digits} decimal places, such as {example}.",
    ),
    "page.not_delay": entry(
        "usage.page.not_delay",
        "“{value}” is not a number of days from 0 to {most}. Enter, for example, {half}, 1 or 2.",
    ),
    "page.no_file": entry("usage.page.no_file", "Choose the export file (CSV or zip) to replay."),
    "page.file_again": entry(
        "usage.page.file_again",
        "Browsers do not keep a chosen file after an error: choose the export again.",
    ),
    "page.csrf": entry(
        "usage.page.csrf",
        "This form could not be verified, so nothing was replayed: it may "
        "come from an older tab or from another site. Check the values and "
        "send the form again.",
    ),
    "page.form_error": entry("usage.page.form_error", "Settings"),
    "page.card": entry("usage.page.card", "Card expires (month)"),
    "page.card_hint": entry(
        "usage.page.card_hint", "Empty: the card does not expire during the replay."
    ),
    "page.start": entry("usage.page.start", "Start date"),
    "page.start_hint": entry("usage.page.start_hint", "Empty: the day of the first call."),
    "page.nce": entry("usage.page.nce", "NCE post-usage billing instead of prepaid credits"),
    "page.advise": entry("usage.page.advise", "Recommend a trigger amount and a recharge amount"),
    "page.submit": entry("usage.page.submit", "Replay"),
    "page.again": entry("usage.page.again", "Replay another export"),
    "page.guide": entry("usage.page.guide", "How to export the report and read the result"),
    "page.error_title": entry("usage.page.error_title", "The export could not be replayed"),
    "problem.too_large.title": entry("usage.problem.too_large.title", "Upload too large"),
    "problem.too_large": entry(
        "usage.problem.too_large",
        "The upload is larger than {limit}. Export a shorter period, or run "
        "`helpsvc simulate` on your own computer, which has no size limit.",
    ),
    "problem.not_export.title": entry("usage.problem.not_export.title", "Not a PSTN usage report"),
    "problem.bad_row.title": entry("usage.problem.bad_row.title", "Bad row in the export"),
    "problem.config.title": entry("usage.problem.config.title", "Settings not possible"),
    "problem.no_file": entry(
        "usage.problem.no_file",
        "Send the export as the form field “file” (multipart/form-data), or "
        'send JSON {{"tenant_id": ...}} with the tenant\'s API key to replay '
        "its own usage.",
    ),
}


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (English when missing), filled with ``params``."""
    return message(MESSAGES, key, lang, **params)


def catalog(lang: str) -> dict[str, str]:
    """Messages without a count, for templates (a count is filled in by ``t``)."""
    return in_language(MESSAGES, lang)


def describe_file_error(code: str, source: str, params: dict[str, Any], lang: str) -> str:
    key = f"file.{code}"
    if key not in MESSAGES:
        key = "file.not_usage_export"
        params = {"found": "?", **params}
    return _fill(key, lang, {"source": source, **params})


def describe_option(error: OptionError, lang: str, *, switch: str) -> str:
    """What is wrong with an option's value, without the option's name (the caller spells
    it); ``switch`` is how the caller spells "no auto-recharge"."""
    key = f"option.{error.kind}"
    if key not in MESSAGES:
        key = "option.invalid"
    return _fill(key, lang, {**error.params, "value": error.value, "switch": switch})


def describe_row(code: str, params: dict[str, Any], lang: str) -> str:
    key = f"row.{code}"
    if key not in MESSAGES:
        return code
    return _fill(key, lang, params)


def describe_note(code: str, params: dict[str, Any], lang: str) -> str:
    key = f"note.{code}"
    return _fill(key, lang, params) if key in MESSAGES else code


def _fill(key: str, lang: str, params: dict[str, Any]) -> str:
    entry = MESSAGES[key]
    try:
        return entry.format(lang, **params)
    except (KeyError, IndexError):
        # A parameter the reader did not send: the text without it rather than an error.
        return (
            entry.text(lang, params.get(entry.count))
            if isinstance(entry, PluralEntry)
            else entry.text(lang)
        )


MESSAGES.update(SETTINGS_MESSAGES)
