"""What the usage replay says, in English, German and Simplified Chinese.

The reader, the replay and the advisor speak in codes with parameters; the CLI, the HTML
report, the API and the upload page word them here. Terms follow the project's glossary:
Communications Credits = Kommunikationsguthaben / 通信点数, auto-recharge = automatische
Aufladung / 自动充值, trigger amount = Auslösebetrag / 触发金额, recharge amount =
Aufladebetrag / 充值金额, balance = Saldo / 余额, PSTN usage report = PSTN-Nutzungsbericht /
PSTN 使用情况报告, funds = Guthaben / 资金. German says "Sie", Chinese "你".

Counts: a message that holds one says so with ``"plural": "<param>"`` and gives English and
German as ``{"one": ..., "other": ...}`` (CLDR: "one" is exactly 1 written without decimals;
Chinese has no plural forms and gives one text). A message holds at most one count, so
each form is a whole sentence a translator can inflect ("1 Aufladung", "bei 2
Aufladungen"); two counts are two messages. The settings' own messages (options, the
card, the advisor's margin) are in ``settings_messages``.
"""

from __future__ import annotations

from typing import Any

from ..options import OptionError
from .settings_messages import SETTINGS_MESSAGES

LANGUAGES = ("en", "de", "zh")
Text = str | dict[str, str]

MESSAGES: dict[str, dict[str, Text]] = {
    # -- files that are not the export --------------------------------------------------
    "file.empty": {
        "en": "{source}: the file is empty. Export the Calling Plans tab of the PSTN usage "
        "report again.",
        "de": "{source}: Die Datei ist leer. Exportieren Sie die Registerkarte „Anrufpläne“ "
        "des PSTN-Nutzungsberichts erneut.",
        "zh": "{source}：文件为空。请重新导出 PSTN 使用情况报告的“通话套餐”选项卡。",
    },
    "file.not_csv": {
        "en": "{source}: this is not a CSV file. Use the CSV of the Calling Plans tab of the "
        "PSTN usage report, or the zip the admin center exports.",
        "de": "{source}: Dies ist keine CSV-Datei. Verwenden Sie die CSV-Datei der "
        "Registerkarte „Anrufpläne“ des PSTN-Nutzungsberichts oder die ZIP-Datei, die das "
        "Admin Center exportiert.",
        "zh": "{source}：这不是 CSV 文件。请使用 PSTN 使用情况报告“通话套餐”选项卡的 CSV "
        "文件，或管理中心导出的 zip 文件。",
    },
    "file.not_text": {
        "en": "{source}: the file is not text (UTF-8 or UTF-16). Use the CSV of the Calling "
        "Plans tab of the PSTN usage report, or the zip the admin center exports.",
        "de": "{source}: Die Datei ist keine Textdatei (UTF-8 oder UTF-16). Verwenden Sie die "
        "CSV-Datei der Registerkarte „Anrufpläne“ des PSTN-Nutzungsberichts oder die "
        "ZIP-Datei, die das Admin Center exportiert.",
        "zh": "{source}：该文件不是文本文件（UTF-8 或 UTF-16）。请使用 PSTN 使用情况报告"
        "“通话套餐”选项卡的 CSV 文件，或管理中心导出的 zip 文件。",
    },
    "file.not_utf8": {
        "en": "{source}:{row}: the byte {byte} at character {column} of the row is not "
        "UTF-8: the file was saved in another encoding, as Excel does with “CSV (Comma "
        "delimited)”. Save it as “CSV UTF-8 (Comma delimited)”, or use the zip the admin "
        "center exports.",
        "de": "{source}:{row}: Das Byte {byte} an Zeichen {column} der Zeile ist kein UTF-8: "
        "Die Datei wurde in einer anderen Codierung gespeichert, wie Excel es bei „CSV "
        "(Trennzeichen-getrennt)“ tut. Speichern Sie sie als „CSV UTF-8 (durch Trennzeichen "
        "getrennt)“ oder verwenden Sie die ZIP-Datei, die das Admin Center exportiert.",
        "zh": "{source}:{row}：该行第 {column} 个字符处的字节 {byte} 不是 UTF-8 编码，说明文件"
        "是以其他编码保存的（Excel 的“CSV (逗号分隔)”就是如此）。请将其另存为“CSV UTF-8 "
        "(逗号分隔)”，或使用管理中心导出的 zip 文件。",
    },
    "file.not_usage_export": {
        "en": "{source}: this is not the PSTN usage report. Its first columns are {found}; "
        "the export of the Calling Plans tab starts with UsageId, Call ID, Conference ID.",
        "de": "{source}: Dies ist nicht der PSTN-Nutzungsbericht. Die ersten Spalten lauten "
        "{found}; der Export der Registerkarte „Anrufpläne“ beginnt mit UsageId, Call ID, "
        "Conference ID.",
        "zh": "{source}：这不是 PSTN 使用情况报告。其前几列为 {found}；“通话套餐”选项卡的"
        "导出文件以 UsageId、Call ID、Conference ID 开头。",
    },
    "file.columns_missing": {
        "en": "{source}: columns needed for the replay are missing: {columns}. Export the "
        "report again without removing columns.",
        "de": "{source}: Für die Wiedergabe benötigte Spalten fehlen: {columns}. Exportieren "
        "Sie den Bericht erneut, ohne Spalten zu entfernen.",
        "zh": "{source}：缺少回放所需的列：{columns}。请重新导出报告，不要删除任何列。",
    },
    "file.direct_routing": {
        "en": "{source} is the Direct Routing file of the export. Direct Routing calls go "
        "through your own carrier and never draw on Communications Credits, so there is "
        "nothing to replay. Use the PSTN.calls file (Calling Plans) of the same zip.",
        "de": "{source} ist die Direct-Routing-Datei des Exports. Direct-Routing-Anrufe laufen "
        "über Ihren eigenen Netzbetreiber und belasten das Kommunikationsguthaben nie; es gibt "
        "also nichts wiederzugeben. Verwenden Sie die Datei PSTN.calls (Anrufpläne) aus "
        "derselben ZIP-Datei.",
        "zh": "{source} 是导出文件中的直接路由文件。直接路由通话通过你自己的运营商进行，"
        "从不使用通信点数，因此没有可回放的内容。请使用同一 zip 中的 PSTN.calls 文件"
        "（通话套餐）。",
    },
    "file.zip_direct_routing_only": {
        "en": "{source} holds only the Direct Routing file ({file}). Direct Routing calls "
        "never draw on Communications Credits; export the Calling Plans tab to replay "
        "credit-funded calls.",
        "de": "{source} enthält nur die Direct-Routing-Datei ({file}). Direct-Routing-Anrufe "
        "belasten das Kommunikationsguthaben nie; exportieren Sie die Registerkarte "
        "„Anrufpläne“, um guthabenfinanzierte Anrufe wiederzugeben.",
        "zh": "{source} 只包含直接路由文件（{file}）。直接路由通话从不使用通信点数；"
        "要回放由通信点数支付的通话，请导出“通话套餐”选项卡。",
    },
    "file.zip_without_calls": {
        "en": "{source} has no PSTN.calls file (found: {files}). Use the zip the admin "
        "center exports from the PSTN usage report.",
        "de": "{source} enthält keine Datei PSTN.calls (gefunden: {files}). Verwenden Sie die "
        "ZIP-Datei, die das Admin Center aus dem PSTN-Nutzungsbericht exportiert.",
        "zh": "{source} 中没有 PSTN.calls 文件（找到：{files}）。请使用管理中心从 PSTN "
        "使用情况报告导出的 zip 文件。",
    },
    "file.zip_empty": {
        "en": "{source} is an empty zip file. Export the PSTN usage report from the Teams "
        "admin center again and use the zip it downloads.",
        "de": "{source} ist eine leere ZIP-Datei. Exportieren Sie den PSTN-Nutzungsbericht "
        "erneut aus dem Teams Admin Center und verwenden Sie die heruntergeladene ZIP-Datei.",
        "zh": "{source} 是空的 zip 文件。请从 Teams 管理中心重新导出 PSTN 使用情况报告，并使用"
        "下载的 zip 文件。",
    },
    "file.bad_zip": {
        "en": "{source}: the zip file is damaged. Download the export again.",
        "de": "{source}: Die ZIP-Datei ist beschädigt. Laden Sie den Export erneut herunter.",
        "zh": "{source}：zip 文件已损坏。请重新下载导出文件。",
    },
    "file.excel_workbook": {
        "en": "{source} is an Excel workbook. Save it as CSV (UTF-8), or use the zip the "
        "admin center exports.",
        "de": "{source} ist eine Excel-Arbeitsmappe. Speichern Sie sie als CSV (UTF-8) oder "
        "verwenden Sie die ZIP-Datei, die das Admin Center exportiert.",
        "zh": "{source} 是 Excel 工作簿。请将其另存为 CSV（UTF-8），或使用管理中心导出的 "
        "zip 文件。",
    },
    "file.gzip": {
        "en": "{source} is gzip-compressed. Unpack it first, or use the zip the admin "
        "center exports.",
        "de": "{source} ist mit gzip komprimiert. Entpacken Sie die Datei zuerst oder "
        "verwenden Sie die ZIP-Datei, die das Admin Center exportiert.",
        "zh": "{source} 是 gzip 压缩文件。请先解压，或使用管理中心导出的 zip 文件。",
    },
    "file.file_missing": {
        "en": "{source}: no such file.",
        "de": "{source}: Die Datei ist nicht vorhanden.",
        "zh": "{source}：文件不存在。",
    },
    "file.is_directory": {
        "en": "{source} is a folder. Give the CSV file or the zip of the export.",
        "de": "{source} ist ein Ordner. Geben Sie die CSV-Datei oder die ZIP-Datei des Exports an.",
        "zh": "{source} 是文件夹。请指定导出的 CSV 文件或 zip 文件。",
    },
    "file.no_rows": {
        "en": "{source}: no call could be read. Check the problems listed above.",
        "de": "{source}: Es konnte kein Anruf gelesen werden. Prüfen Sie die oben "
        "aufgeführten Probleme.",
        "zh": "{source}：无法读取任何通话。请检查上面列出的问题。",
    },
    "file.header_only": {
        "en": "{source} has the columns of the PSTN usage report but no calls under them: "
        "nobody made a PSTN call in the period exported. Export a longer period, or one in "
        "which your users made calls.",
        "de": "{source} hat die Spalten des PSTN-Nutzungsberichts, aber keine Anrufe darunter: "
        "Im exportierten Zeitraum wurde kein PSTN-Anruf geführt. Exportieren Sie einen "
        "längeren Zeitraum oder einen, in dem Ihre Benutzer telefoniert haben.",
        "zh": "{source} 包含 PSTN 使用情况报告的列，但其中没有任何通话：所导出的时间段内没有"
        "PSTN 通话。请导出更长的时间段，或导出用户有通话的时间段。",
    },
    "file.no_currency": {
        "en": "{source}: the Currency column is empty; the replay needs the currency of the "
        "charges.",
        "de": "{source}: Die Spalte „Currency“ ist leer; für die Wiedergabe wird die Währung "
        "der Gebühren benötigt.",
        "zh": "{source}：Currency 列为空；回放需要费用所用的货币。",
    },
    "file.unknown_currency": {
        "en": "{source}: the currency {currency} is not one the simulator knows.",
        "de": "{source}: Die Währung {currency} kennt der Simulator nicht.",
        "zh": "{source}：模拟器不支持货币 {currency}。",
    },
    # -- bad rows ---------------------------------------------------------------------------
    "row.columns": {
        "en": "the row has {got} columns, the header {expected}",
        "de": "die Zeile hat {got} Spalten, die Kopfzeile {expected}",
        "zh": "该行有 {got} 列，标题行有 {expected} 列",
    },
    "row.missing_value": {
        "en": "{column} is empty",
        "de": "„{column}“ ist leer",
        "zh": "“{column}”为空",
    },
    "row.bad_time": {
        "en": "{column} “{value}” is not an ISO 8601 time (e.g. 2026-01-05T09:30:00Z)",
        "de": "„{column}“ „{value}“ ist keine Zeitangabe nach ISO 8601 "
        "(z. B. 2026-01-05T09:30:00Z)",
        "zh": "“{column}”的值“{value}”不是 ISO 8601 时间（例如 2026-01-05T09:30:00Z）",
    },
    "row.end_before_start": {
        "en": "End Time {end} is before Start Time {start}",
        "de": "„End Time“ {end} liegt vor „Start Time“ {start}",
        "zh": "结束时间 {end} 早于开始时间 {start}",
    },
    "row.bad_duration": {
        "en": "Duration Seconds “{value}” is not a whole number of seconds",
        "de": "„Duration Seconds“ „{value}“ ist keine ganze Zahl von Sekunden",
        "zh": "Duration Seconds 的值“{value}”不是整数秒",
    },
    "row.negative_duration": {
        "en": "Duration Seconds is negative ({value})",
        "de": "„Duration Seconds“ ist negativ ({value})",
        "zh": "Duration Seconds 为负数（{value}）",
    },
    "row.currency_mismatch": {
        "en": "Currency is {got}, the rest of the file is in {expected}",
        "de": "„Currency“ ist {got}, der Rest der Datei ist in {expected}",
        "zh": "货币为 {got}，而文件其余部分为 {expected}",
    },
    "row.bad_charge": {
        "en": "Charge “{value}” is not an amount",
        "de": "„Charge“ „{value}“ ist kein Betrag",
        "zh": "Charge 的值“{value}”不是金额",
    },
    "row.no_rate": {
        "en": "no Charge, and the rate data has no {currency} rate for {destination} "
        "({number_type})",
        "de": "keine Gebühr (Charge) angegeben, und die Tarifdaten enthalten keinen "
        "{currency}-Tarif für {destination} ({number_type})",
        "zh": "没有 Charge 值，且费率数据中没有 {destination}（{number_type}）的 {currency} 费率",
    },
    "row.not_csv": {
        "en": "the row cannot be read as CSV ({detail})",
        "de": "die Zeile kann nicht als CSV gelesen werden ({detail})",
        "zh": "无法将该行读取为 CSV（{detail}）",
    },
    "rows.more": {
        "plural": "count",
        "en": {"one": "… and 1 more bad row", "other": "… and {count} more bad rows"},
        "de": {
            "one": "… und 1 weitere fehlerhafte Zeile",
            "other": "… und {count} weitere fehlerhafte Zeilen",
        },
        "zh": "……另有 {count} 行有问题",
    },
    "rows.skipped": {
        "plural": "count",
        "en": {
            "one": "1 bad row was skipped (use --strict to stop at it).",
            "other": "{count} bad rows were skipped (use --strict to stop at the first).",
        },
        "de": {
            "one": "1 fehlerhafte Zeile wurde übersprungen (mit --strict bricht die "
            "Wiedergabe dort ab).",
            "other": "{count} fehlerhafte Zeilen wurden übersprungen (mit --strict bricht die "
            "Wiedergabe bei der ersten ab).",
        },
        "zh": "已跳过 {count} 行有问题的数据（使用 --strict 可在第一行出错时停止）。",
    },
    "rows.strict": {
        "en": "Stopped at the first bad row (--strict).",
        "de": "Bei der ersten fehlerhaften Zeile abgebrochen (--strict).",
        "zh": "已在第一行有问题的数据处停止（--strict）。",
    },
    # -- notes ------------------------------------------------------------------------------
    "note.direct_routing_skipped": {
        "plural": "calls",
        "en": {
            "one": "{file} (1 call) was not replayed: Direct Routing calls go through your "
            "own carrier and never draw on Communications Credits.",
            "other": "{file} ({calls} calls) was not replayed: Direct Routing calls go "
            "through your own carrier and never draw on Communications Credits.",
        },
        "de": {
            "one": "{file} (1 Anruf) wurde nicht wiedergegeben: Direct-Routing-Anrufe laufen "
            "über Ihren eigenen Netzbetreiber und belasten das Kommunikationsguthaben nie.",
            "other": "{file} ({calls} Anrufe) wurde nicht wiedergegeben: Direct-Routing-Anrufe "
            "laufen über Ihren eigenen Netzbetreiber und belasten das Kommunikationsguthaben "
            "nie.",
        },
        "zh": "未回放 {file}（{calls} 个通话）：直接路由通话通过你自己的运营商进行，"
        "从不使用通信点数。",
    },
    "note.several_pstn_files": {
        "en": "The zip holds several Calling Plans files; they were read one after the "
        "other: {files}.",
        "de": "Die ZIP-Datei enthält mehrere Dateien für Anrufpläne; sie wurden nacheinander "
        "gelesen: {files}.",
        "zh": "zip 中有多个通话套餐文件，已依次读取：{files}。",
    },
    "note.unsorted": {
        "en": "The calls were not in time order; they were sorted before the replay.",
        "de": "Die Anrufe waren nicht zeitlich sortiert; sie wurden vor der Wiedergabe sortiert.",
        "zh": "通话未按时间排序；已在回放前排序。",
    },
    "note.before_start": {
        "plural": "count",
        "en": {
            "one": "1 credit-funded call before the start date was not replayed.",
            "other": "{count} credit-funded calls before the start date were not replayed.",
        },
        "de": {
            "one": "1 guthabenfinanzierter Anruf vor dem Startdatum wurde nicht wiedergegeben.",
            "other": "{count} guthabenfinanzierte Anrufe vor dem Startdatum wurden nicht "
            "wiedergegeben.",
        },
        "zh": "开始日期之前的 {count} 个由通信点数支付的通话未回放。",
    },
    # -- configuration ------------------------------------------------------------------
    "config.amount": {
        "en": "{option}: “{value}” is not an amount in {currency} (e.g. 250 or 250.00).",
        "de": "{option}: „{value}“ ist kein Betrag in {currency} (z. B. 250 oder 250.00).",
        "zh": "{option}：“{value}”不是以 {currency} 表示的金额（例如 250 或 250.00）。",
    },
    "config.invalid": {
        "en": "This configuration is not allowed by the credits rules ({code}).",
        "de": "Diese Konfiguration ist nach den Regeln des Kommunikationsguthabens nicht "
        "zulässig ({code}).",
        "zh": "根据通信点数规则，不允许此配置（{code}）。",
    },
    # -- report -----------------------------------------------------------------------------
    "report.title": {
        "en": "Replay of the PSTN usage report",
        "de": "Wiedergabe des PSTN-Nutzungsberichts",
        "zh": "PSTN 使用情况报告回放",
    },
    "report.intro": {
        "plural": "rows",
        "en": {
            "one": "{source}: 1 call from {first} to {last}.",
            "other": "{source}: {rows} calls from {first} to {last}.",
        },
        "de": {
            "one": "{source}: 1 Anruf vom {first} bis {last}.",
            "other": "{source}: {rows} Anrufe vom {first} bis {last}.",
        },
        "zh": "{source}：{first} 至 {last} 共 {rows} 个通话。",
    },
    "report.intro_credit": {
        "plural": "credit",
        "en": {
            "one": "1 of them was paid from Communications Credits.",
            "other": "{credit} of them were paid from Communications Credits.",
        },
        "de": {
            "one": "Davon wurde 1 aus dem Kommunikationsguthaben bezahlt.",
            "other": "Davon wurden {credit} aus dem Kommunikationsguthaben bezahlt.",
        },
        "zh": "其中 {credit} 个由通信点数支付。",
    },
    "report.intro_engine": {
        "en": "Every balance change below was decided by the credit simulator's engine; "
        "amounts in {currency}.",
        "de": "Jede Änderung des Saldos unten hat die Engine des Guthabensimulators "
        "entschieden; Beträge in {currency}.",
        "zh": "下面余额的每一次变化都由通信点数模拟器的引擎决定；金额单位为 {currency}。",
    },
    "report.sample_rates": {
        "en": "Calls without a Charge were priced with the simulator's sample rates, which "
        "are not Microsoft prices.",
        "de": "Anrufe ohne Gebühr (Charge) wurden mit den Beispieltarifen des Simulators "
        "berechnet; das sind keine Preise von Microsoft.",
        "zh": "没有 Charge 值的通话按模拟器的示例费率计价，这些并非 Microsoft 的价格。",
    },
    "report.config": {
        "en": "Configuration",
        "de": "Konfiguration",
        "zh": "配置",
    },
    "report.summary": {"en": "Result", "de": "Ergebnis", "zh": "结果"},
    "report.funds": {"en": "Starting funds", "de": "Startbetrag", "zh": "起始资金"},
    "report.trigger": {"en": "Trigger amount", "de": "Auslösebetrag", "zh": "触发金额"},
    "report.recharge": {"en": "Recharge amount", "de": "Aufladebetrag", "zh": "充值金额"},
    "report.card": {
        "en": "Card expires",
        "de": "Karte gültig bis",
        "zh": "信用卡到期",
    },
    "report.card_never": {
        "en": "not during the replay",
        "de": "nicht während der Wiedergabe",
        "zh": "回放期间不到期",
    },
    "report.billing": {"en": "Billing", "de": "Abrechnung", "zh": "计费方式"},
    "report.prepaid": {"en": "prepaid", "de": "Vorauszahlung", "zh": "预付"},
    "report.nce": {
        "en": "NCE post-usage billing",
        "de": "Abrechnung nach Nutzung mit NCE",
        "zh": "NCE 使用后计费",
    },
    "report.auto_off": {
        "en": "auto-recharge off",
        "de": "automatische Aufladung aus",
        "zh": "自动充值已关闭",
    },
    "report.start": {"en": "Start", "de": "Beginn", "zh": "开始"},
    "report.defaulted": {
        "en": "from the rule of thumb",
        "de": "aus der Faustregel",
        "zh": "依据经验法则",
    },
    "report.spent": {
        "en": "Spent on credit-funded calls",
        "de": "Ausgaben für guthabenfinanzierte Anrufe",
        "zh": "由通信点数支付的通话支出",
    },
    "report.recharges": {
        "en": "Recharges",
        "de": "Aufladungen",
        "zh": "充值次数",
    },
    "report.recharged": {
        "en": "Recharged in total",
        "de": "Insgesamt aufgeladen",
        "zh": "充值总额",
    },
    "report.failed": {
        "en": "Failed recharges",
        "de": "Fehlgeschlagene Aufladungen",
        "zh": "充值失败次数",
    },
    "report.refused": {
        "en": "Refused calls",
        "de": "Abgelehnte Anrufe",
        "zh": "被拒绝的通话",
    },
    "report.first_refusal": {
        "en": "first refused",
        "de": "erste Ablehnung",
        "zh": "首次拒绝",
    },
    "report.expired": {
        "en": "Expired funds",
        "de": "Verfallenes Guthaben",
        "zh": "过期资金",
    },
    "report.overage": {
        "en": "Overage billed (NCE)",
        "de": "Als Mehrnutzung abgerechnet (NCE)",
        "zh": "超额使用计费（NCE）",
    },
    "report.notifications": {
        "en": "Notifications",
        "de": "Benachrichtigungen",
        "zh": "通知",
    },
    "report.final": {"en": "Final balance", "de": "Saldo am Ende", "zh": "最终余额"},
    "report.held": {
        "en": "Held in credits on average",
        "de": "Durchschnittlich im Guthaben gebunden",
        "zh": "平均占用在通信点数中的资金",
    },
    "report.lowest": {"en": "Lowest balance", "de": "Niedrigster Saldo", "zh": "最低余额"},
    "report.export": {"en": "Export", "de": "Export", "zh": "导出文件"},
    "report.balance_chart": {
        "en": "Balance over time",
        "de": "Saldo im Zeitverlauf",
        "zh": "余额随时间的变化",
    },
    "report.balance_axis": {"en": "Balance", "de": "Saldo", "zh": "余额"},
    "report.marker_recharge": {
        "en": "recharge",
        "de": "Aufladung",
        "zh": "充值",
    },
    "report.marker_failed": {
        "en": "failed recharge",
        "de": "fehlgeschlagene Aufladung",
        "zh": "充值失败",
    },
    "report.marker_refused": {
        "en": "refused calls",
        "de": "abgelehnte Anrufe",
        "zh": "被拒绝的通话",
    },
    "report.trigger_line": {
        "en": "trigger amount",
        "de": "Auslösebetrag",
        "zh": "触发金额",
    },
    "report.spend_chart": {
        "en": "Credit-funded spend by call type",
        "de": "Guthabenfinanzierte Ausgaben nach Anruftyp",
        "zh": "按通话类型划分的由通信点数支付的支出",
    },
    "report.calltype": {"en": "Call type", "de": "Anruftyp", "zh": "通话类型"},
    "report.calls": {"en": "Calls", "de": "Anrufe", "zh": "通话数"},
    "report.credit_calls": {
        "en": "Credit-funded calls",
        "de": "Guthabenfinanzierte Anrufe",
        "zh": "由通信点数支付的通话",
    },
    "report.credit_minutes": {
        "en": "Credit-funded minutes",
        "de": "Guthabenfinanzierte Minuten",
        "zh": "由通信点数支付的分钟数",
    },
    "report.spend": {"en": "Spend", "de": "Ausgaben", "zh": "支出"},
    "report.events": {
        "en": "Recharges, failed recharges and refusals",
        "de": "Aufladungen, fehlgeschlagene Aufladungen und Ablehnungen",
        "zh": "充值、充值失败和拒绝",
    },
    "report.when": {"en": "When", "de": "Zeitpunkt", "zh": "时间"},
    "report.what": {"en": "What", "de": "Ereignis", "zh": "事件"},
    "report.amount": {"en": "Amount", "de": "Betrag", "zh": "金额"},
    "report.balance_after": {
        "en": "Balance after",
        "de": "Saldo danach",
        "zh": "之后的余额",
    },
    "report.row": {
        "en": "row {row}, {user}",
        "de": "Zeile {row}, {user}",
        "zh": "第 {row} 行，{user}",
    },
    "report.events_more": {
        "plural": "count",
        "en": {"one": "Only the first is listed.", "other": "Only the first {count} are listed."},
        "de": {
            "one": "Nur der erste Eintrag ist aufgeführt.",
            "other": "Nur die ersten {count} sind aufgeführt.",
        },
        "zh": "仅列出前 {count} 项。",
    },
    "report.problems": {
        "en": "Rows that were skipped",
        "de": "Übersprungene Zeilen",
        "zh": "跳过的行",
    },
    "report.notes": {"en": "Notes", "de": "Hinweise", "zh": "说明"},
    # -- advice -------------------------------------------------------------------------
    "advice.title": {
        "en": "Funding advice",
        "de": "Empfehlung für die Finanzierung",
        "zh": "资金建议",
    },
    "advice.recommended": {
        "plural": "recharges",
        "en": {
            "one": "Trigger amount {trigger} and recharge amount {recharge} would have refused "
            "no credit-funded call over the period, with 1 recharge ({per_month} a month) and "
            "{held} held in credits on average — the least of all pairs tried that stay "
            "within the recharge limit ({cap} a month).",
            "other": "Trigger amount {trigger} and recharge amount {recharge} would have "
            "refused no credit-funded call over the period, with {recharges} recharges "
            "({per_month} a month) and {held} held in credits on average — the least of all "
            "pairs tried that stay within the recharge limit ({cap} a month).",
        },
        "de": {
            "one": "Mit dem Auslösebetrag {trigger} und dem Aufladebetrag {recharge} wäre im "
            "Zeitraum kein guthabenfinanzierter Anruf abgelehnt worden, bei 1 Aufladung "
            "({per_month} pro Monat) und durchschnittlich {held} im Guthaben gebunden – das "
            "wenigste aller geprüften Paare, die die Grenze für Aufladungen einhalten "
            "({cap} pro Monat).",
            "other": "Mit dem Auslösebetrag {trigger} und dem Aufladebetrag {recharge} wäre im "
            "Zeitraum kein guthabenfinanzierter Anruf abgelehnt worden, bei {recharges} "
            "Aufladungen ({per_month} pro Monat) und durchschnittlich {held} im Guthaben "
            "gebunden – das wenigste aller geprüften Paare, die die Grenze für Aufladungen "
            "einhalten ({cap} pro Monat).",
        },
        "zh": "触发金额 {trigger}、充值金额 {recharge} 在此期间不会拒绝任何由通信点数"
        "支付的通话，共充值 {recharges} 次（每月 {per_month} 次），平均占用 {held}——在所有"
        "每月充值不超过 {cap} 次的测试组合中占用最少。",
    },
    "advice.verified": {
        "en": "Checked by replaying every call of the export with this pair: {refused} refused.",
        "de": "Geprüft durch Wiedergabe aller Anrufe des Exports mit diesem Paar: {refused} "
        "abgelehnt.",
        "zh": "已用此组合回放导出文件中的每个通话进行验证：被拒绝 {refused} 个。",
    },
    "advice.starting_funds": {
        "en": "Start with at least the recharge amount ({funds}) as funds.",
        "de": "Beginnen Sie mit mindestens dem Aufladebetrag ({funds}) als Startbetrag.",
        "zh": "起始资金至少应为充值金额（{funds}）。",
    },
    "advice.no_credit_usage": {
        "en": "The export has no credit-funded calls, so there is no spend to size the "
        "funding from. Start small and review after the first month.",
        "de": "Der Export enthält keine guthabenfinanzierten Anrufe; es gibt also keine "
        "Ausgaben, an denen sich die Finanzierung bemessen ließe. Beginnen Sie mit einem "
        "kleinen Betrag und prüfen Sie nach dem ersten Monat erneut.",
        "zh": "导出文件中没有由通信点数支付的通话，因此没有可用于估算资金的支出。"
        "请从小额开始，并在第一个月后重新评估。",
    },
    "advice.nothing_feasible": {
        "en": "No pair tried avoided refusals while staying within the recharge limit ({cap} "
        "a month). Allow more recharges (--max-recharges) or fund more.",
        "de": "Kein geprüftes Paar vermied Ablehnungen und hielt zugleich die Grenze für "
        "Aufladungen ein ({cap} pro Monat). Lassen Sie mehr Aufladungen zu (--max-recharges) "
        "oder stellen Sie mehr Guthaben bereit.",
        "zh": "在每月充值不超过 {cap} 次的前提下，所有测试组合都无法避免拒绝通话。"
        "请允许更多充值次数（--max-recharges）或增加资金。",
    },
    "advice.rule": {
        "en": "Rule of thumb of the guides",
        "de": "Faustregel der Anleitungen",
        "zh": "指南中的经验法则",
    },
    "advice.rule_text": {
        "en": "Starting funds = one typical month of credit-funded spend plus about 20 % "
        "({funds}); trigger amount at least the credit-funded spend of the busiest week "
        "({trigger}); recharge amount about one month of credit-funded spend ({recharge}).",
        "de": "Startbetrag = guthabenfinanzierte Ausgaben eines typischen Monats plus etwa "
        "20 % ({funds}); Auslösebetrag mindestens so hoch wie die guthabenfinanzierten "
        "Ausgaben der stärksten Woche ({trigger}); Aufladebetrag etwa die "
        "guthabenfinanzierten Ausgaben eines Monats ({recharge}).",
        "zh": "起始资金 = 一个典型月份由通信点数支付的支出再加约 20%（{funds}）；"
        "触发金额至少为最繁忙一周由通信点数支付的支出（{trigger}）；充值金额约为"
        "一个月由通信点数支付的支出（{recharge}）。",
    },
    "advice.rule_result": {
        "plural": "recharges",
        "en": {
            "one": "Replayed, the rule of thumb holds {held} on average with 1 recharge and "
            "refuses no call.",
            "other": "Replayed, the rule of thumb holds {held} on average with {recharges} "
            "recharges and refuses no call.",
        },
        "de": {
            "one": "Wiedergegeben bindet die Faustregel durchschnittlich {held} bei 1 Aufladung "
            "und lehnt keinen Anruf ab.",
            "other": "Wiedergegeben bindet die Faustregel durchschnittlich {held} bei "
            "{recharges} Aufladungen und lehnt keinen Anruf ab.",
        },
        "zh": "按经验法则回放，平均占用 {held}，充值 {recharges} 次，没有拒绝任何通话。",
    },
    "advice.rule_refuses": {
        "en": "Replayed, the rule of thumb refuses calls, the first on {when}.",
        "de": "Wiedergegeben lehnt die Faustregel Anrufe ab, den ersten am {when}.",
        "zh": "按经验法则回放会拒绝通话，首次发生在 {when}。",
    },
    "advice.figures": {
        "en": "Typical month {month}, busiest week {week} (from {week_start}), busiest day {day}.",
        "de": "Typischer Monat {month}, stärkste Woche {week} (ab {week_start}), stärkster "
        "Tag {day}.",
        "zh": "典型月份 {month}，最繁忙的一周 {week}（自 {week_start} 起），最繁忙的一天 {day}。",
    },
    "advice.tradeoff": {
        "en": "Holding more or recharging more often",
        "de": "Mehr binden oder öfter aufladen",
        "zh": "占用更多资金还是更频繁地充值",
    },
    "advice.tradeoff_text": {
        "en": "For each recharge amount, the refusal-free trigger amount that holds the "
        "least. Smaller recharges hold less money but charge the card more often.",
        "de": "Für jeden Aufladebetrag der Auslösebetrag ohne Ablehnungen, der am wenigsten "
        "bindet. Kleinere Aufladungen binden weniger Geld, belasten die Karte aber öfter.",
        "zh": "针对每个充值金额，列出不会拒绝通话且占用最少的触发金额。充值金额越小，"
        "占用的资金越少，但信用卡扣款更频繁。",
    },
    "advice.per_month": {
        "en": "Recharges a month",
        "de": "Aufladungen pro Monat",
        "zh": "每月充值次数",
    },
    "advice.chart": {
        "en": "Money held against recharges a month",
        "de": "Gebundenes Geld und Aufladungen pro Monat",
        "zh": "占用资金与每月充值次数",
    },
    "advice.chart_refused": {
        "en": "refuses calls",
        "de": "lehnt Anrufe ab",
        "zh": "会拒绝通话",
    },
    "advice.chart_ok": {
        "en": "refuses nothing",
        "de": "lehnt nichts ab",
        "zh": "不拒绝任何通话",
    },
    "advice.chart_best": {"en": "recommended", "de": "empfohlen", "zh": "推荐"},
    "advice.none_yet": {
        "en": "Ask for advice to see the recommended trigger and recharge amounts.",
        "de": "Fordern Sie eine Empfehlung an, um den empfohlenen Auslöse- und Aufladebetrag "
        "zu sehen.",
        "zh": "请求建议即可查看推荐的触发金额和充值金额。",
    },
    # -- call types of the export, as words ----------------------------------------------
    "calltype.user_out": {
        "en": "Outbound calls of users",
        "de": "Ausgehende Anrufe von Benutzern",
        "zh": "用户拨出的通话",
    },
    "calltype.user_in": {
        "en": "Inbound calls to users",
        "de": "Eingehende Anrufe bei Benutzern",
        "zh": "用户接听的来电",
    },
    "calltype.user_out_transfer": {
        "en": "Transferred calls",
        "de": "Übertragene Anrufe",
        "zh": "转接的通话",
    },
    "calltype.user_out_forwarding": {
        "en": "Forwarded calls",
        "de": "Weitergeleitete Anrufe",
        "zh": "转移的通话",
    },
    "calltype.conf_in": {
        "en": "Dial-in to meetings",
        "de": "Einwahl in Besprechungen",
        "zh": "拨入会议",
    },
    "calltype.conf_out": {
        "en": "Dial-out from meetings",
        "de": "Anrufe aus Besprechungen",
        "zh": "从会议拨出",
    },
    "calltype.ucap_in": {
        "en": "Inbound calls to auto attendants and call queues",
        "de": "Eingehende Anrufe bei automatischen Telefonzentralen und Anrufwarteschleifen",
        "zh": "自动助理和呼叫队列的来电",
    },
    "calltype.ucap_out": {
        "en": "Outbound calls of auto attendants and call queues",
        "de": "Ausgehende Anrufe von automatischen Telefonzentralen und Anrufwarteschleifen",
        "zh": "自动助理和呼叫队列拨出的通话",
    },
    "calltype.other": {
        "en": "Other calls ({code})",
        "de": "Sonstige Anrufe ({code})",
        "zh": "其他通话（{code}）",
    },
    "calltype.none": {
        "en": "Calls without a call type",
        "de": "Anrufe ohne Anruftyp",
        "zh": "未注明通话类型的通话",
    },
    "report.labelled": {
        "en": "{what}: {reason}",
        "de": "{what}: {reason}",
        "zh": "{what}：{reason}",
    },
    "report.axis_amount": {
        "en": "{label} in {currency}",
        "de": "{label} in {currency}",
        "zh": "{label}（{currency}）",
    },
    # -- upload page --------------------------------------------------------------------
    "page.title": {
        "en": "Replay your PSTN usage report",
        "de": "PSTN-Nutzungsbericht wiedergeben",
        "zh": "回放你的 PSTN 使用情况报告",
    },
    "page.intro": {
        "en": "Upload the Calling Plans CSV of the PSTN usage report, or the zip the Teams "
        "admin center exports. The simulator replays the calls against the settings below "
        "and shows what would have happened to your Communications Credits. Leave an "
        "amount empty to use the guides' rule of thumb. Nothing is bought or changed.",
        "de": "Laden Sie die CSV-Datei „Anrufpläne“ des PSTN-Nutzungsberichts hoch oder die "
        "ZIP-Datei, die das Teams Admin Center exportiert. Der Simulator gibt die Anrufe mit "
        "den Einstellungen unten wieder und zeigt, was mit Ihrem Kommunikationsguthaben "
        "geschehen wäre. Lassen Sie einen Betrag leer, um die Faustregel der Anleitungen zu "
        "verwenden. Es wird nichts gekauft oder geändert.",
        "zh": "上传 PSTN 使用情况报告的“通话套餐”CSV 文件，或 Teams 管理中心导出的 zip 文件。"
        "模拟器会按下面的设置回放这些通话，并显示你的通信点数会发生什么变化。金额留空"
        "则使用指南中的经验法则。不会购买或更改任何内容。",
    },
    "page.file": {
        "en": "Export file (CSV or zip, up to {limit})",
        "de": "Exportdatei (CSV oder ZIP, bis {limit})",
        "zh": "导出文件（CSV 或 zip，最大 {limit}）",
    },
    "page.funds": {
        "en": "Starting funds",
        "de": "Startbetrag",
        "zh": "起始资金",
    },
    "page.trigger": {
        "en": "Trigger amount (recharge when the balance falls below)",
        "de": "Auslösebetrag (aufladen, wenn der Saldo darunter fällt)",
        "zh": "触发金额（余额低于此值时充值）",
    },
    "page.recharge": {
        "en": "Recharge amount",
        "de": "Aufladebetrag",
        "zh": "充值金额",
    },
    "page.amount_hint": {
        "en": "In the currency of the export, written like {example}; empty: rule of thumb.",
        "de": "In der Währung des Exports, geschrieben wie {example}; leer: Faustregel.",
        "zh": "使用导出文件的货币，格式如 {example}；留空：按经验法则。",
    },
    "page.no_auto": {
        "en": "Replay without auto-recharge",
        "de": "Ohne automatische Aufladung wiedergeben",
        "zh": "不使用自动充值进行回放",
    },
    "page.delay": {
        "en": "Recharge delay (days)",
        "de": "Dauer bis zur Aufladung (Tage)",
        "zh": "充值到账时间（天）",
    },
    "page.delay_hint": {
        "en": "Days from the balance falling below the trigger amount until the recharged "
        "funds can be used. Empty: the advisor assumes {days} day and recommends no trigger "
        "amount below the highest credit-funded spend within that time. 0: recharges arrive "
        "at once.",
        "de": "Tage vom Unterschreiten des Auslösebetrags, bis das aufgeladene Guthaben "
        "verfügbar ist. Leer: Die Empfehlung rechnet mit {days} Tag und schlägt keinen "
        "Auslösebetrag unter den höchsten guthabenfinanzierten Ausgaben innerhalb dieser "
        "Zeit vor. 0: Aufladungen sind sofort verfügbar.",
        "zh": "从余额低于触发金额到充值资金可以使用所需的天数。留空：建议按 {days} 天计算，"
        "不会推荐低于这段时间内最高的由通信点数支付的支出的触发金额。0：充值立即到账。",
    },
    "page.not_amount": {
        "en": "“{value}” is not an amount. Enter it like {example}.",
        "de": "„{value}“ ist kein Betrag. Geben Sie ihn z. B. als {example} ein.",
        "zh": "“{value}”不是金额。请按 {example} 这样的格式输入。",
    },
    "page.negative": {
        "en": "“{value}” is below zero. Enter an amount above zero, such as {example}.",
        "de": "„{value}“ liegt unter null. Geben Sie einen Betrag über null ein, z. B. {example}.",
        "zh": "“{value}”小于零。请输入大于零的金额，例如 {example}。",
    },
    "page.decimals": {
        "en": "“{value}” is not an amount in {currency}, the currency of the export: use at "
        "most {digits} decimal places, such as {example}.",
        "de": "„{value}“ ist kein Betrag in {currency}, der Währung des Exports: Verwenden "
        "Sie höchstens {digits} Nachkommastellen, z. B. {example}.",
        "zh": "“{value}”不是以导出文件的货币 {currency} 表示的金额：最多使用 {digits} 位小数，"
        "例如 {example}。",
    },
    "page.not_delay": {
        "en": "“{value}” is not a number of days from 0 to {most}. Enter, for example, "
        "{half}, 1 or 2.",
        "de": "„{value}“ ist keine Anzahl von Tagen zwischen 0 und {most}. Geben Sie z. B. "
        "{half}, 1 oder 2 ein.",
        "zh": "“{value}”不是 0 到 {most} 之间的天数。请输入例如 {half}、1 或 2。",
    },
    "page.no_file": {
        "en": "Choose the export file (CSV or zip) to replay.",
        "de": "Wählen Sie die Exportdatei (CSV oder ZIP) aus, die wiedergegeben werden soll.",
        "zh": "请选择要回放的导出文件（CSV 或 zip）。",
    },
    "page.file_again": {
        "en": "Browsers do not keep a chosen file after an error: choose the export again.",
        "de": "Nach einem Fehler behält der Browser die gewählte Datei nicht: Wählen Sie den "
        "Export erneut aus.",
        "zh": "出错后浏览器不会保留已选择的文件：请重新选择导出文件。",
    },
    "page.csrf": {
        "en": "This form could not be verified, so nothing was replayed: it may come from an "
        "older tab or from another site. Check the values and send the form again.",
        "de": "Dieses Formular ließ sich nicht bestätigen, daher wurde nichts wiedergegeben: "
        "Es stammt vielleicht aus einem älteren Tab oder von einer anderen Website. Prüfen "
        "Sie die Werte und senden Sie das Formular erneut.",
        "zh": "无法验证此表单，因此未进行回放：它可能来自较早打开的标签页或其他网站。"
        "请检查各项值后重新提交表单。",
    },
    "page.form_error": {
        "en": "Settings",
        "de": "Einstellungen",
        "zh": "设置",
    },
    "page.card": {
        "en": "Card expires (month)",
        "de": "Karte gültig bis (Monat)",
        "zh": "信用卡到期（月份）",
    },
    "page.card_hint": {
        "en": "Empty: the card does not expire during the replay.",
        "de": "Leer: Die Karte läuft während der Wiedergabe nicht ab.",
        "zh": "留空：信用卡在回放期间不会到期。",
    },
    "page.start": {
        "en": "Start date",
        "de": "Startdatum",
        "zh": "开始日期",
    },
    "page.start_hint": {
        "en": "Empty: the day of the first call.",
        "de": "Leer: der Tag des ersten Anrufs.",
        "zh": "留空：第一个通话的日期。",
    },
    "page.nce": {
        "en": "NCE post-usage billing instead of prepaid credits",
        "de": "Abrechnung nach Nutzung mit NCE statt Vorauszahlung",
        "zh": "使用 NCE 使用后计费，而不是预付通信点数",
    },
    "page.advise": {
        "en": "Recommend a trigger amount and a recharge amount",
        "de": "Auslösebetrag und Aufladebetrag empfehlen",
        "zh": "推荐触发金额和充值金额",
    },
    "page.submit": {"en": "Replay", "de": "Wiedergeben", "zh": "回放"},
    "page.again": {
        "en": "Replay another export",
        "de": "Anderen Export wiedergeben",
        "zh": "回放其他导出文件",
    },
    "page.guide": {
        "en": "How to export the report and read the result",
        "de": "So exportieren Sie den Bericht und lesen das Ergebnis",
        "zh": "如何导出报告并解读结果",
    },
    "page.error_title": {
        "en": "The export could not be replayed",
        "de": "Der Export konnte nicht wiedergegeben werden",
        "zh": "无法回放导出文件",
    },
    "problem.too_large.title": {
        "en": "Upload too large",
        "de": "Datei zu groß",
        "zh": "上传的文件过大",
    },
    "problem.too_large": {
        "en": "The upload is larger than {limit}. Export a shorter period, or run "
        "`helpsvc simulate` on your own computer, which has no size limit.",
        "de": "Die Datei ist größer als {limit}. Exportieren Sie einen kürzeren Zeitraum oder "
        "führen Sie `helpsvc simulate` auf Ihrem eigenen Computer aus; dort gibt es keine "
        "Größenbeschränkung.",
        "zh": "上传的文件大于 {limit}。请导出较短的时间段，或在你自己的计算机上运行 "
        "`helpsvc simulate`，那里没有大小限制。",
    },
    "problem.not_export.title": {
        "en": "Not a PSTN usage report",
        "de": "Kein PSTN-Nutzungsbericht",
        "zh": "不是 PSTN 使用情况报告",
    },
    "problem.bad_row.title": {
        "en": "Bad row in the export",
        "de": "Fehlerhafte Zeile im Export",
        "zh": "导出文件中有错误的行",
    },
    "problem.config.title": {
        "en": "Settings not possible",
        "de": "Einstellungen nicht möglich",
        "zh": "无法使用这些设置",
    },
    "problem.no_file": {
        "en": "Send the export as the form field “file” (multipart/form-data), or send JSON "
        '{{"tenant_id": ...}} with the tenant\'s API key to replay its own usage.',
        "de": "Senden Sie den Export als Formularfeld „file“ (multipart/form-data) oder JSON "
        '{{"tenant_id": ...}} mit dem API-Schlüssel der Organisation, um deren eigene '
        "Nutzung wiederzugeben.",
        "zh": "请以表单字段“file”（multipart/form-data）发送导出文件，或发送 JSON "
        '{{"tenant_id": ...}} 并附上组织的 API 密钥以回放其自身的使用情况。',
    },
}


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (English when missing), filled with ``params``."""
    entry = MESSAGES[key]
    text = _form(entry, lang, params)
    return text.format(**params) if params else text


def _form(entry: dict[str, Text], lang: str, params: dict[str, Any]) -> str:
    """The text of ``entry`` in ``lang``, in the plural form its count asks for."""
    text = entry.get(lang) or entry["en"]
    if isinstance(text, str):
        return text
    count = params.get(str(entry.get("plural", "count")))
    return text["one"] if is_one(count) else text["other"]


def is_one(count: Any) -> bool:
    """CLDR "one" of English and German: exactly 1, written without decimals."""
    return isinstance(count, int | str) and not isinstance(count, bool) and str(count) == "1"


def catalog(lang: str) -> dict[str, str]:
    """Messages without a count, for templates (a count is filled in by ``t``)."""
    found = {key: entry.get(lang) or entry["en"] for key, entry in MESSAGES.items()}
    return {key: text for key, text in found.items() if isinstance(text, str)}


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
    text = _form(MESSAGES[key], lang, params)
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


MESSAGES.update(SETTINGS_MESSAGES)
