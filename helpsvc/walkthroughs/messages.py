"""What the walkthroughs say: input labels, options, errors and page text in en/de/zh.

German and Chinese follow the project's glossary: Kommunikationsguthaben / 通信信用额度,
automatische Aufladung / 自动充值, Auslösebetrag / 触发金额, Aufladebetrag / 充值金额.
"""

from __future__ import annotations

from typing import Any

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
        "zh": "要分配通信信用额度许可证的用户",
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
        "en": "Phone System and a Domestic Calling Plan",
        "de": "Telefonsystem und Inlandsanrufplan",
        "zh": "电话系统和国内通话套餐",
    },
    "phone_system_international": {
        "en": "Phone System and an International Calling Plan",
        "de": "Telefonsystem und Inlands- und Auslandsanrufplan",
        "zh": "电话系统和国内和国际通话套餐",
    },
    "phone_system_payg": {
        "en": "Phone System and a pay-as-you-go Calling Plan",
        "de": "Telefonsystem und Anrufplan mit nutzungsbasierter Bezahlung",
        "zh": "电话系统和即用即付通话套餐",
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
        "en": "Enter an amount greater than zero with at most {digits} decimal places, e.g. 50.00.",
        "de": "Geben Sie einen Betrag größer als null mit höchstens {digits} "
        "Nachkommastellen ein, z. B. 50.00.",
        "zh": "请输入大于零的金额，最多 {digits} 位小数，例如 50.00。",
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
        "zh": "所有用户都已拥有通信信用额度许可证。",
    },
}


def _pick(entry: dict[str, str], lang: str) -> str:
    return entry.get(lang) or entry["en"]


def label(name: str, lang: str) -> str:
    return _pick(LABELS[name], lang) if name in LABELS else name


def option(value: str, lang: str) -> str:
    return _pick(OPTIONS[value], lang) if value in OPTIONS else value


def text(key: str, lang: str, /, **params: Any) -> str:
    message = _pick(TEXT[key], lang)
    return message.format(**params) if params else message
