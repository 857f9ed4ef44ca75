"""What the simulation says about its settings, in English, German and Simplified Chinese.

Options that do not parse (``option.<kind>`` of ``options.OptionError``, worded without the
option's name: the CLI and the API put it in front as each spells it), a card that expired
before the replay, the advisor's recharge-delay margin, and the command line's own lines.
Same conventions as ``messages`` (glossary terms, "Sie", plural forms).
"""

from __future__ import annotations

SETTINGS_MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- options that do not parse ------------------------------------------------------
    "option.invalid": {
        "en": "“{value}” is not a valid value",
        "de": "„{value}“ ist kein gültiger Wert",
        "zh": "“{value}”不是有效的值",
    },
    "option.not_amount": {
        "en": "“{value}” is not an amount (e.g. 250 or 250.00)",
        "de": "„{value}“ ist kein Betrag (z. B. 250 oder 250.00)",
        "zh": "“{value}”不是金额（例如 250 或 250.00）",
    },
    "option.zero_recharge": {
        "en": "a recharge amount of {value} recharges nothing; give an amount above zero. "
        "To replay without auto-recharge, use {switch}.",
        "de": "Ein Aufladebetrag von {value} lädt nichts auf; geben Sie einen Betrag über null "
        "an. Um ohne automatische Aufladung wiederzugeben, verwenden Sie {switch}.",
        "zh": "充值金额为 {value} 时不会充值任何金额；请指定大于零的金额。如要在没有自动充值的"
        "情况下回放，请使用 {switch}。",
    },
    "option.zero_trigger": {
        "en": "a trigger amount of {value} recharges only after a call has taken the balance "
        "below zero, and a balance of exactly zero refuses every call without ever "
        "recharging; give an amount above zero.",
        "de": "Bei einem Auslösebetrag von {value} wird erst aufgeladen, wenn ein Anruf den "
        "Saldo unter null gebracht hat, und bei einem Saldo von genau null wird jeder Anruf "
        "abgelehnt, ohne dass je aufgeladen wird; geben Sie einen Betrag über null an.",
        "zh": "触发金额为 {value} 时，只有在通话使余额低于零之后才会充值；而余额恰好为零时，"
        "每个通话都会被拒绝且永远不会充值。请指定大于零的金额。",
    },
    "option.zero_funds": {
        "en": "with starting funds of {value} every call is refused and auto-recharge never "
        "starts, because only a charge sets it off. Give funds above zero, or replay "
        "without auto-recharge ({switch}).",
        "de": "Mit einem Startbetrag von {value} wird jeder Anruf abgelehnt, und die "
        "automatische Aufladung beginnt nie, weil nur eine Belastung sie auslöst. Geben Sie "
        "einen Betrag über null an oder geben Sie ohne automatische Aufladung wieder "
        "({switch}).",
        "zh": "起始资金为 {value} 时，每个通话都会被拒绝，自动充值也永远不会开始，因为只有"
        "扣费才会触发自动充值。请指定大于零的资金，或在没有自动充值的情况下回放（{switch}）。",
    },
    "option.not_month": {
        "en": "“{value}” is not a month (YYYY-MM or MM/YY)",
        "de": "„{value}“ ist kein Monat (JJJJ-MM oder MM/JJ)",
        "zh": "“{value}”不是月份（YYYY-MM 或 MM/YY）",
    },
    "option.bad_month": {
        "en": "“{value}”: there is no month {month}",
        "de": "„{value}“: Einen Monat {month} gibt es nicht",
        "zh": "“{value}”：不存在第 {month} 个月",
    },
    "option.not_date": {
        "en": "“{value}” is not a date (YYYY-MM-DD)",
        "de": "„{value}“ ist kein Datum (JJJJ-MM-TT)",
        "zh": "“{value}”不是日期（YYYY-MM-DD）",
    },
    "option.not_recharge_cap": {
        "en": "“{value}” is not a number of recharges a month",
        "de": "„{value}“ ist keine Anzahl von Aufladungen pro Monat",
        "zh": "“{value}”不是每月充值次数",
    },
    "option.not_delay": {
        "en": "“{value}” is not a number of days from 0 to {most} (e.g. 0.5, 1 or 2)",
        "de": "„{value}“ ist keine Anzahl von Tagen von 0 bis {most} (z. B. 0.5, 1 oder 2)",
        "zh": "“{value}”不是 0 到 {most} 之间的天数（例如 0.5、1 或 2）",
    },
    "option.not_lang": {
        "en": "“{value}”: use en, de or zh",
        "de": "„{value}“: Verwenden Sie en, de oder zh",
        "zh": "“{value}”：请使用 en、de 或 zh",
    },
    # -- a card that expired before the replay --------------------------------------------
    "report.card_expired": {
        "en": "{card} (expired before the start: every recharge fails)",
        "de": "{card} (schon vor dem Beginn abgelaufen: jede Aufladung schlägt fehl)",
        "zh": "{card}（回放开始前已到期：每次充值都会失败）",
    },
    "note.card_expired": {
        "en": "The payment card expired before the replay starts ({card}). An expired card "
        "buys nothing, so the starting funds count as the balance you already hold, and "
        "every auto-recharge fails on the card.",
        "de": "Die Zahlungskarte ist vor dem Beginn der Wiedergabe abgelaufen ({card}). Mit "
        "einer abgelaufenen Karte lässt sich nichts kaufen; der Startbetrag gilt daher als "
        "Saldo, den Sie bereits haben, und jede automatische Aufladung schlägt an der Karte "
        "fehl.",
        "zh": "付款卡在回放开始前已到期（{card}）。已到期的卡无法购买任何内容，因此起始资金"
        "视为你已有的余额，并且每次自动充值都会因该卡而失败。",
    },
    # -- the advisor's recharge-delay margin ----------------------------------------------
    "advice.margin": {
        "plural": "days",
        "en": {
            "one": "A real recharge may take up to a day to arrive (in the simulator it is "
            "instant), so no trigger amount was tried below the most credit-funded spend "
            "within any 24 hours: {spend}, from {start}.",
            "other": "A real recharge may take up to {days} days to arrive (in the simulator "
            "it is instant), so no trigger amount was tried below the most credit-funded "
            "spend within any {days} days: {spend}, from {start}.",
        },
        "de": {
            "one": "Eine echte Aufladung kann bis zu einem Tag dauern (im Simulator erfolgt "
            "sie sofort). Deshalb wurde kein Auslösebetrag unter den höchsten "
            "guthabenfinanzierten Ausgaben innerhalb von 24 Stunden geprüft: {spend}, ab "
            "{start}.",
            "other": "Eine echte Aufladung kann bis zu {days} Tage dauern (im Simulator "
            "erfolgt sie sofort). Deshalb wurde kein Auslösebetrag unter den höchsten "
            "guthabenfinanzierten Ausgaben innerhalb von {days} Tagen geprüft: {spend}, ab "
            "{start}.",
        },
        "zh": "实际充值最多可能需要 {days} 天才能到账（模拟器中即时到账），因此未测试低于"
        "任意 {days} 天内由通信点数支付的最高支出的触发金额：{spend}，自 {start} 起。",
    },
    "advice.margin_none": {
        "en": "Recharges were taken to arrive at once, as in the simulator (a recharge delay "
        "of 0 days), so trigger amounts were tried from the smallest up. A real recharge "
        "takes a while: a trigger this low can let the balance run out before it arrives.",
        "de": "Aufladungen wurden wie im Simulator als sofort verfügbar angenommen "
        "(Aufladedauer 0 Tage); Auslösebeträge wurden daher ab dem kleinsten geprüft. Eine "
        "echte Aufladung dauert etwas: Bei einem so niedrigen Auslösebetrag kann der Saldo "
        "aufgebraucht sein, bevor sie eintrifft.",
        "zh": "与模拟器一样，假定充值即时到账（充值延迟为 0 天），因此从最小的触发金额开始"
        "测试。实际充值需要一些时间：触发金额这么低，余额可能在充值到账前就已用完。",
    },
    "advice.margin_setting": {
        "en": "Set how long a recharge may take with --recharge-delay-days.",
        "de": "Wie lange eine Aufladung dauern darf, legen Sie mit --recharge-delay-days fest.",
        "zh": "可使用 --recharge-delay-days 设置充值到账可能需要的时间。",
    },
    # -- the upload page's field for the margin ----------------------------------------
    "page.recharge_delay": {
        "en": "Days a recharge may take to arrive",
        "de": "Tage, die eine Aufladung bis zum Eingang dauern kann",
        "zh": "充值到账可能需要的天数",
    },
    "page.recharge_delay_hint": {
        "en": "For the advice: no trigger amount below the busiest spend within that many "
        "days is recommended. Empty: 1; 0: recharges arrive at once.",
        "de": "Für die Empfehlung: Es wird kein Auslösebetrag unter den höchsten Ausgaben "
        "innerhalb so vieler Tage empfohlen. Leer: 1; 0: Aufladungen kommen sofort an.",
        "zh": "用于建议：不会推荐低于该天数内最高支出的触发金额。留空：1；0：充值即时到账。",
    },
    # -- the command line's own lines ---------------------------------------------------
    "cli.error": {"en": "error", "de": "Fehler", "zh": "错误"},
    "cli.note": {"en": "note", "de": "Hinweis", "zh": "注意"},
    "cli.report_written": {
        "en": "Report written to {path}",
        "de": "Bericht geschrieben nach {path}",
        "zh": "报告已写入 {path}",
    },
    "cli.calls_written": {
        "plural": "count",
        "en": {"one": "1 call written to {path}", "other": "{count} calls written to {path}"},
        "de": {
            "one": "1 Anruf geschrieben nach {path}",
            "other": "{count} Anrufe geschrieben nach {path}",
        },
        "zh": "已将 {count} 个通话写入 {path}",
    },
}
