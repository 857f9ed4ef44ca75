"""What the walkthroughs say: input labels, options, errors and page text in en/de/zh.

German and Chinese follow the project's glossary: Kommunikationsguthaben / 通信点数,
automatische Aufladung / 自动充值, Auslösebetrag / 触发金额, Aufladebetrag / 充值金额.
"""

from __future__ import annotations

from typing import Any

from helpsvc.i18n.lookup import pick

LABELS: dict[str, dict[str, str]] = {
    "user_id": {
        "en": "User (sign-in address)",
        "de": "Benutzer (Anmeldeadresse)",
        "zh": "用户（登录地址）",
    },
    "license_path": {
        "en": "Licenses to assign",
        "de": "Zuzuweisende Lizenzen",
        "zh": "要分配的许可证",
    },
    "amount": {
        "en": "Add funds (amount)",
        "de": "Guthaben aufladen (Betrag)",
        "zh": "添加资金（金额）",
    },
    "auto_recharge": {
        "en": "Turn on auto-recharge",
        "de": "Automatische Aufladung aktivieren",
        "zh": "启用自动充值",
    },
    "recharge_amount": {"en": "Recharge amount", "de": "Aufladebetrag", "zh": "充值金额"},
    "trigger_amount": {
        "en": "Trigger amount (when the balance falls below)",
        "de": "Auslösebetrag (wenn der Saldo unter diesen Wert fällt)",
        "zh": "触发金额（余额低于此值时）",
    },
    "card_last4": {
        "en": "Credit card: last 4 digits",
        "de": "Kreditkarte: letzte 4 Ziffern",
        "zh": "信用卡：后 4 位数字",
    },
    "card_exp_month": {"en": "Expiry month", "de": "Ablaufmonat", "zh": "到期月份"},
    "card_exp_year": {"en": "Expiry year", "de": "Ablaufjahr", "zh": "到期年份"},
    "users": {
        "en": "Users who get the Communications Credits license",
        "de": "Benutzer, die die Kommunikationsguthaben-Lizenz erhalten",
        "zh": "要分配通信点数许可证的用户",
    },
    "confirm": {
        "en": "I have read this step",
        "de": "Ich habe diesen Schritt gelesen",
        "zh": "我已阅读此步骤",
    },
}

OPTIONS: dict[str, dict[str, str]] = {
    "audio_conferencing": {"en": "Audio Conferencing", "de": "Audiokonferenzen", "zh": "音频会议"},
    "phone_system_domestic": {
        "en": "Teams Phone Standard and a Domestic Calling Plan",
        "de": "Teams Phone Standard und Inlandsanrufplan",
        "zh": "Teams Phone Standard 与国内通话套餐",
    },
    "phone_system_international": {
        "en": "Teams Phone Standard and a Domestic and International Calling Plan",
        "de": "Teams Phone Standard und Inlands- und Auslandsanrufplan",
        "zh": "Teams Phone Standard 与国内和国际通话套餐",
    },
    "phone_system_payg": {
        "en": "Teams Phone Standard and a pay-as-you-go Calling Plan",
        "de": "Teams Phone Standard und Anrufplan mit nutzungsbasierter Bezahlung",
        "zh": "Teams Phone Standard 与即用即付通话套餐",
    },
}

TEXT: dict[str, dict[str, str]] = {
    "error.required": {
        "en": "Enter a value.",
        "de": "Geben Sie einen Wert ein.",
        "zh": "请输入一个值。",
    },
    "error.required_with": {
        "en": "Enter a value when auto-recharge is on.",
        "de": "Geben Sie einen Wert ein, wenn die automatische Aufladung aktiviert ist.",
        "zh": "启用自动充值时，请输入一个值。",
    },
    "error.email": {
        "en": "Enter a sign-in address such as ada@contoso.com.",
        "de": "Geben Sie eine Anmeldeadresse ein, z. B. ada@contoso.com.",
        "zh": "请输入登录地址，例如 ada@contoso.com。",
    },
    "error.money": {
        "en": "Enter an amount greater than zero with at most {digits} decimal places, "
        "e.g. {example}.",
        "de": "Geben Sie einen Betrag größer als null mit höchstens {digits} "
        "Nachkommastellen ein, z. B. {example}.",
        "zh": "请输入大于零的金额，最多 {digits} 位小数，例如 {example}。",
    },
    "error.last4": {
        "en": "Enter exactly four digits.",
        "de": "Geben Sie genau vier Ziffern ein.",
        "zh": "请输入正好四位数字。",
    },
    "error.month": {
        "en": "Enter a month from 1 to 12.",
        "de": "Geben Sie einen Monat von 1 bis 12 ein.",
        "zh": "请输入 1 到 12 之间的月份。",
    },
    "error.year": {
        "en": "Enter a four-digit year such as 2028.",
        "de": "Geben Sie ein vierstelliges Jahr ein, z. B. 2028.",
        "zh": "请输入四位数年份，例如 2028。",
    },
    "error.choice": {
        "en": "Choose one of the options.",
        "de": "Wählen Sie eine der Optionen.",
        "zh": "请选择其中一个选项。",
    },
    "error.users": {
        "en": "Choose at least one user.",
        "de": "Wählen Sie mindestens einen Benutzer aus.",
        "zh": "请至少选择一个用户。",
    },
    "error.confirm": {
        "en": "Confirm that you have read this step.",
        "de": "Bestätigen Sie, dass Sie diesen Schritt gelesen haben.",
        "zh": "请确认你已阅读此步骤。",
    },
    "progress": {
        "en": "Step {number} of {total}",
        "de": "Schritt {number} von {total}",
        "zh": "第 {number} 步，共 {total} 步",
    },
    "button.next": {"en": "Save and continue", "de": "Speichern und weiter", "zh": "保存并继续"},
    "button.back": {"en": "Back", "de": "Zurück", "zh": "上一步"},
    "button.cancel": {
        "en": "Cancel the walkthrough",
        "de": "Geführte Schritte abbrechen",
        "zh": "取消引导",
    },
    "status.done": {
        "en": "All steps are done.",
        "de": "Alle Schritte sind erledigt.",
        "zh": "所有步骤均已完成。",
    },
    "status.cancelled": {
        "en": "You cancelled this walkthrough. Nothing you saved was undone.",
        "de": "Sie haben die geführten Schritte abgebrochen. "
        "Bereits Gespeichertes bleibt erhalten.",
        "zh": "你已取消此引导。已保存的内容不会撤销。",
    },
    "skipped": {
        "en": "Already done, skipped: {steps}",
        "de": "Bereits erledigt und übersprungen: {steps}",
        "zh": "已完成并跳过：{steps}",
    },
    "already_done": {
        "en": "This step is already done. You can change it or go on.",
        "de": "Dieser Schritt ist bereits erledigt. Sie können ihn ändern oder fortfahren.",
        "zh": "此步骤已完成。你可以修改，也可以继续。",
    },
    "stopped": {
        "en": "This walkthrough cannot continue for your organization.",
        "de": "Diese geführten Schritte können für Ihre Organisation nicht fortgesetzt werden.",
        "zh": "你的组织无法继续此引导。",
    },
    "read_guide": {"en": "Read the guide", "de": "Zur Anleitung", "zh": "阅读指南"},
    "open_dashboard": {"en": "Open the dashboard", "de": "Dashboard öffnen", "zh": "打开仪表板"},
    "no_users": {
        "en": "Every user already has the Communications Credits license.",
        "de": "Alle Benutzer haben bereits die Kommunikationsguthaben-Lizenz.",
        "zh": "所有用户都已拥有通信点数许可证。",
    },
    "error.trigger_not_below_recharge": {
        "en": "Make the recharge amount larger than the trigger amount ({trigger}). With "
        "{recharge}, the balance falls below the trigger again after almost every call and "
        "only a little is added each time. The guide suggests about one month of spend.",
        "de": "Der Aufladebetrag muss größer sein als der Auslösebetrag ({trigger}). Mit "
        "{recharge} fällt der Saldo fast nach jedem Anruf wieder unter den Auslösebetrag, "
        "und jedes Mal wird nur wenig aufgeladen. Die Anleitung empfiehlt etwa die Ausgaben "
        "eines Monats.",
        "zh": "充值金额必须大于触发金额（{trigger}）。如果充值金额为 {recharge}，几乎每次通话后"
        "余额都会再次低于触发金额，而每次只充值很少的金额。指南建议设置为大约一个月的支出。",
    },
    "error.card_expired": {
        "en": "The card ending in {last4} expired at the end of {expiry}; the organization's "
        "date is {now}. Enter a card that is still valid.",
        "de": "Die Karte mit den Endziffern {last4} ist Ende {expiry} abgelaufen; das Datum "
        "der Organisation ist der {now}. Geben Sie eine noch gültige Karte ein.",
        "zh": "尾号为 {last4} 的卡已于 {expiry}底到期；组织的当前日期为 {now}。"
        "请输入仍然有效的卡。",
    },
    "confirm.large": {
        "en": "You are about to add {amount}. The guides advise starting with about one month "
        "of spend, and purchases expire after 12 months; this is more than {limit}. Add this "
        "amount anyway?",
        "de": "Sie sind dabei, {amount} aufzuladen. Die Anleitungen empfehlen als Startguthaben "
        "etwa die Ausgaben eines Monats, und Käufe verfallen nach 12 Monaten; dieser Betrag "
        "liegt über {limit}. Möchten Sie ihn trotzdem aufladen?",
        "zh": "你即将添加 {amount}。指南建议初始资金约为一个月的支出，且购买的额度在 12 个月后"
        "过期；此金额超过 {limit}。仍要添加此金额吗？",
    },
    "confirm.api": {
        "en": "Confirm this amount by sending {field} = {value} with the step.",
        "de": "Bestätigen Sie diesen Betrag, indem Sie {field} = {value} mit dem Schritt senden.",
        "zh": "请在提交此步骤时一并发送 {field} = {value} 以确认此金额。",
    },
    "confirm.title": {
        "en": "Confirm a large purchase",
        "de": "Großen Kauf bestätigen",
        "zh": "确认大额购买",
    },
    "confirm.yes": {
        "en": "Yes, add {amount}",
        "de": "Ja, {amount} aufladen",
        "zh": "是，添加 {amount}",
    },
    "confirm.change": {"en": "Change the amount", "de": "Betrag ändern", "zh": "修改金额"},
    "errors.title": {
        "en": "There is a problem",
        "de": "Bitte prüfen Sie Ihre Eingaben",
        "zh": "请检查你的输入",
    },
    "result.title": {
        "en": "Done: {flow}",
        "de": "Erledigt: {flow}",
        "zh": "已完成：{flow}",
    },
    "result.changed": {
        "en": "What changed",
        "de": "Was sich geändert hat",
        "zh": "所做的更改",
    },
    "result.nothing": {
        "en": "Nothing needed to change: every step was already done.",
        "de": "Es war nichts zu ändern: Alle Schritte waren bereits erledigt.",
        "zh": "无需任何更改：所有步骤均已完成。",
    },
    "result.restart": {
        "en": "Start this walkthrough again",
        "de": "Geführte Schritte erneut starten",
        "zh": "重新开始此引导",
    },
    "cancelled.title": {
        "en": "Walkthrough cancelled",
        "de": "Geführte Schritte abgebrochen",
        "zh": "引导已取消",
    },
    "stopped.read": {
        "en": "Read in the guide: {section}",
        "de": "In der Anleitung lesen: {section}",
        "zh": "在指南中阅读：{section}",
    },
    "change.card_saved": {
        "en": "Credit card ending in {last4} saved (valid through {expiry}).",
        "de": "Kreditkarte mit den Endziffern {last4} gespeichert (gültig bis {expiry}).",
        "zh": "已保存尾号为 {last4} 的信用卡（有效期至 {expiry}）。",
    },
    "change.funds_added": {
        "en": "{amount} added, balance now {balance}.",
        "de": "{amount} hinzugefügt, Saldo jetzt {balance}.",
        "zh": "已添加 {amount}，当前余额为 {balance}。",
    },
    "change.auto_recharge_on": {
        "en": "Auto-recharge is on: when the balance falls below {trigger}, {amount} is added.",
        "de": "Automatische Aufladung aktiviert: Fällt der Saldo unter {trigger}, werden "
        "{amount} aufgeladen.",
        "zh": "自动充值已启用：余额低于 {trigger} 时，将充值 {amount}。",
    },
    "change.auto_recharge_off": {
        "en": "Auto-recharge is off.",
        "de": "Automatische Aufladung deaktiviert.",
        "zh": "自动充值已关闭。",
    },
    "change.user_licensed": {
        "en": "{user}: {licenses} assigned.",
        "de": "{user}: {licenses} zugewiesen.",
        "zh": "{user}：已分配{licenses}。",
    },
    "change.credits_license": {
        "en": "Communications Credits license assigned to: {users}.",
        "de": "Kommunikationsguthaben-Lizenz zugewiesen an: {users}.",
        "zh": "已向以下用户分配通信点数许可证：{users}。",
    },
    "change.switched_to_nce": {
        "en": "Your organization now uses NCE post-usage billing. The remaining balance of "
        "{balance} is used first; after that, usage is billed as overage per billing period.",
        "de": "Ihre Organisation verwendet jetzt NCE mit Abrechnung nach Nutzung. Der "
        "verbleibende Saldo von {balance} wird zuerst verbraucht; danach wird die Nutzung "
        "je Abrechnungszeitraum als Mehrnutzung abgerechnet.",
        "zh": "你的组织现在使用 NCE 使用后计费。剩余余额 {balance} 将首先被使用；"
        "之后，使用量将按计费周期作为超额使用计费。",
    },
    "stale": {
        "en": "This form was already sent. Nothing was changed a second time.",
        "de": "Dieses Formular wurde bereits gesendet. Es wurde nichts ein zweites Mal geändert.",
        "zh": "此表单已提交过。没有进行第二次更改。",
    },
}


def label(name: str, lang: str) -> str:
    return pick(LABELS[name], lang) if name in LABELS else name


def option(value: str, lang: str) -> str:
    return pick(OPTIONS[value], lang) if value in OPTIONS else value


def text(key: str, lang: str, /, **params: Any) -> str:
    message = pick(TEXT[key], lang)
    return message.format(**params) if params else message
