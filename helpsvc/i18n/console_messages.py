"""Text of the admin's pages around the walkthroughs: dashboard, sandbox, notices, codes.

Every code the simulator stores (commerce model, ledger entry types, lot sources, call
kinds, notification kinds, licenses) has words here, so a page never shows "PREPAID" or
"recharge_failed". German and Chinese use the glossary's terms (Kommunikationsguthaben,
automatische Aufladung, Auslösebetrag, Aufladebetrag, Saldo / 通信点数, 自动充值,
触发金额, 充值金额, 余额).
"""

from __future__ import annotations

from typing import Any

from helpsvc.i18n.lookup import in_language, message

MESSAGES: dict[str, dict[str, str]] = {
    # -- codes as words -------------------------------------------------------------------
    "model.prepaid": {
        "en": "Prepaid Communications Credits",
        "de": "Vorausbezahltes Kommunikationsguthaben",
        "zh": "预付通信点数",
    },
    "model.nce": {
        "en": "NCE post-usage billing",
        "de": "NCE mit Abrechnung nach Nutzung",
        "zh": "NCE 使用后计费",
    },
    "source.purchase": {"en": "Purchase", "de": "Kauf", "zh": "购买"},
    "source.auto_recharge": {
        "en": "Auto-recharge",
        "de": "Automatische Aufladung",
        "zh": "自动充值",
    },
    "source.adjustment": {"en": "Credit note", "de": "Gutschrift", "zh": "补偿额度"},
    "notification.recharge_succeeded": {
        "en": "Recharge succeeded",
        "de": "Aufladung erfolgreich",
        "zh": "充值成功",
    },
    "notification.recharge_failed": {
        "en": "Recharge failed",
        "de": "Aufladung fehlgeschlagen",
        "zh": "充值失败",
    },
    "notification.balance_not_positive": {
        "en": "Balance at or below zero",
        "de": "Saldo bei null oder darunter",
        "zh": "余额为零或以下",
    },
    "notification.credits_used_up": {
        "en": "Remaining credits used up",
        "de": "Restguthaben aufgebraucht",
        "zh": "剩余额度已用完",
    },
    "license.audio_conferencing": {
        "en": "Audio Conferencing",
        "de": "Audiokonferenzen",
        "zh": "音频会议",
    },
    "license.phone_system": {
        "en": "Teams Phone Standard",
        "de": "Teams Phone Standard",
        "zh": "Teams Phone Standard",
    },
    "plan.domestic": {
        "en": "Domestic Calling Plan",
        "de": "Inlandsanrufplan",
        "zh": "国内通话套餐",
    },
    "plan.international": {
        "en": "Domestic and International Calling Plan",
        "de": "Inlands- und Auslandsanrufplan",
        "zh": "国内和国际通话套餐",
    },
    "plan.pay_as_you_go": {
        "en": "Pay-as-you-go Calling Plan",
        "de": "Anrufplan mit nutzungsbasierter Bezahlung",
        "zh": "即用即付通话套餐",
    },
    "license.communications_credits": {
        "en": "Communications Credits",
        "de": "Kommunikationsguthaben",
        "zh": "通信点数",
    },
    # -- dashboard ---------------------------------------------------------------------
    "dash.model": {"en": "Billing", "de": "Abrechnung", "zh": "计费方式"},
    "dash.card_expired": {
        "en": "expired",
        "de": "abgelaufen",
        "zh": "已过期",
    },
    "dash.purchased": {"en": "Purchased", "de": "Gekauft am", "zh": "购买日期"},
    "dash.source": {"en": "Source", "de": "Herkunft", "zh": "来源"},
    "dash.users": {
        "en": "Users and licenses",
        "de": "Benutzer und Lizenzen",
        "zh": "用户和许可证",
    },
    "dash.user": {"en": "User", "de": "Benutzer", "zh": "用户"},
    "dash.licenses": {"en": "Licenses", "de": "Lizenzen", "zh": "许可证"},
    "dash.no_users": {
        "en": "No users yet. The set-up walkthrough adds the first one.",
        "de": "Noch keine Benutzer. Die geführte Einrichtung legt den ersten an.",
        "zh": "还没有用户。引导式设置会添加第一个用户。",
    },
    "dash.kind": {"en": "Notification", "de": "Benachrichtigung", "zh": "通知"},
    "dash.sandbox": {"en": "Sandbox", "de": "Sandbox", "zh": "沙盒"},
    "dash.fix": {"en": "Fix it: {flow}", "de": "Beheben: {flow}", "zh": "解决：{flow}"},
    "dash.why": {
        "en": "Why this happens and what to do",
        "de": "Ursache und Lösung",
        "zh": "原因和解决办法",
    },
    "dash.read": {"en": "Read: {page}", "de": "Lesen: {page}", "zh": "阅读：{page}"},
    "dash.table_scroll": {
        "en": "{table} (scrolls sideways)",
        "de": "{table} (seitlich scrollbar)",
        "zh": "{table}（可横向滚动）",
    },
    "chart.time": {"en": "Simulated time", "de": "Simulierte Zeit", "zh": "模拟时间"},
    "chart.balance": {
        "en": "Balance in {currency}",
        "de": "Saldo in {currency}",
        "zh": "余额（{currency}）",
    },
    # -- notices: the real cause, and what fixes it -------------------------------------
    "notice.recharge_failed_card": {
        "en": "The auto-recharge on {at} failed: the credit card ending in {last4} expired at "
        "the end of {expiry}. No funds were added. Enter a valid card so that the next "
        "recharge works.",
        "de": "Die automatische Aufladung am {at} ist fehlgeschlagen: Die Kreditkarte mit den "
        "Endziffern {last4} ist Ende {expiry} abgelaufen. Es wurde kein Guthaben "
        "hinzugefügt. Hinterlegen Sie eine gültige Karte, damit die nächste Aufladung "
        "gelingt.",
        "zh": "{at} 的自动充值失败：尾号为 {last4} 的信用卡已于 {expiry}底到期，未添加任何资金。"
        "请输入有效的信用卡，以便下次充值成功。",
    },
    "notice.recharge_failed": {
        "en": "The auto-recharge on {at} failed. No funds were added. Check the payment card.",
        "de": "Die automatische Aufladung am {at} ist fehlgeschlagen. Es wurde kein Guthaben "
        "hinzugefügt. Prüfen Sie die Zahlungskarte.",
        "zh": "{at} 的自动充值失败，未添加任何资金。请检查付款卡。",
    },
    "notice.card_expired": {
        "en": "The credit card ending in {last4} expired at the end of {expiry}. The next "
        "auto-recharge will fail unless you enter a valid card.",
        "de": "Die Kreditkarte mit den Endziffern {last4} ist Ende {expiry} abgelaufen. Die "
        "nächste automatische Aufladung schlägt fehl, wenn Sie keine gültige Karte "
        "hinterlegen.",
        "zh": "尾号为 {last4} 的信用卡已于 {expiry}底到期。除非你输入有效的卡，"
        "否则下次自动充值将失败。",
    },
    "notice.balance_after_failure": {
        "en": "The balance is {balance}, so credit-funded calls are refused until funds are added.",
        "de": "Der Saldo beträgt {balance}. Anrufe, die über Kommunikationsguthaben "
        "abgerechnet werden, werden abgelehnt, bis Guthaben hinzugefügt wird.",
        "zh": "余额为 {balance}，在添加资金之前，由通信点数支付的通话将被拒绝。",
    },
    "notice.balance": {
        "en": "The balance is {balance}, so credit-funded calls are refused. Add funds, or "
        "turn on auto-recharge so that this does not happen again.",
        "de": "Der Saldo beträgt {balance}, daher werden Anrufe, die über "
        "Kommunikationsguthaben abgerechnet werden, abgelehnt. Fügen Sie Guthaben hinzu, "
        "oder aktivieren Sie die automatische Aufladung, damit das nicht wieder passiert.",
        "zh": "余额为 {balance}，因此由通信点数支付的通话将被拒绝。请添加资金，"
        "或启用自动充值以免再次发生。",
    },
    "notice.balance_with_recharge": {
        "en": "The balance is {balance}, so credit-funded calls are refused. Add funds now; "
        "auto-recharge only starts when a charge takes the balance below the trigger amount.",
        "de": "Der Saldo beträgt {balance}, daher werden Anrufe, die über "
        "Kommunikationsguthaben abgerechnet werden, abgelehnt. Fügen Sie jetzt Guthaben "
        "hinzu; die automatische Aufladung startet erst, wenn eine Belastung den Saldo unter "
        "den Auslösebetrag senkt.",
        "zh": "余额为 {balance}，因此由通信点数支付的通话将被拒绝。请立即添加资金；"
        "只有当某笔扣费使余额低于触发金额时，才会开始自动充值。",
    },
    "notice.license_missing": {
        "en": "These users cannot draw on credits because they lack the Communications "
        "Credits license: {users}.",
        "de": "Diese Benutzer können kein Kommunikationsguthaben nutzen, weil ihnen die "
        "Kommunikationsguthaben-Lizenz fehlt: {users}.",
        "zh": "以下用户缺少通信点数许可证，因此无法使用通信点数：{users}。",
    },
    "notice.nce": {
        "en": "Your organization uses NCE post-usage billing: Communications Credits can no "
        "longer be bought. The remaining balance is used first; after that, usage is billed "
        "as overage per billing period.",
        "de": "Ihre Organisation verwendet NCE mit Abrechnung nach Nutzung: "
        "Kommunikationsguthaben lässt sich nicht mehr kaufen. Der verbleibende Saldo wird "
        "zuerst verbraucht; danach wird die Nutzung je Abrechnungszeitraum als Mehrnutzung "
        "abgerechnet.",
        "zh": "你的组织使用 NCE 使用后计费：无法再购买通信点数。剩余余额将首先被使用；"
        "之后，使用量将按计费周期作为超额使用计费。",
    },
    # -- sandbox -----------------------------------------------------------------------
    "sandbox.title": {
        "en": "Your sandbox organization",
        "de": "Ihre Sandbox-Organisation",
        "zh": "你的沙盒组织",
    },
    "sandbox.intro": {
        "en": "This browser is signed in to a simulated organization. Nothing is charged. "
        "Every “try it” link of the guides uses this organization, so the walkthroughs "
        "build on each other.",
        "de": "Dieser Browser ist bei einer simulierten Organisation angemeldet. Es fallen "
        "keine Kosten an. Alle „Ausprobieren“-Links der Anleitungen verwenden diese "
        "Organisation, sodass die geführten Schritte aufeinander aufbauen.",
        "zh": "此浏览器已登录到一个模拟组织，不会产生任何费用。指南中的所有“试用”链接都使用此组织，"
        "因此各个引导可以相互衔接。",
    },
    "sandbox.time": {"en": "Simulated time", "de": "Simulierte Zeit", "zh": "模拟时间"},
    "sandbox.time_text": {
        "en": "Time moves only when you advance it. Purchases expire, plan minutes reset and "
        "billing periods end as the clock passes them.",
        "de": "Die Zeit läuft nur weiter, wenn Sie sie vorstellen. Käufe verfallen, "
        "Planminuten werden zurückgesetzt und Abrechnungszeiträume enden, sobald die Uhr "
        "diese Zeitpunkte erreicht.",
        "zh": "只有在你推进时间时，时间才会前进。时钟经过相应时间点时，购买的额度会过期、"
        "套餐分钟数会重置、计费周期会结束。",
    },
    "sandbox.advance": {"en": "Advance the clock", "de": "Uhr vorstellen", "zh": "推进时间"},
    "sandbox.day": {"en": "by 1 day", "de": "um 1 Tag", "zh": "1 天"},
    "sandbox.week": {"en": "by 1 week", "de": "um 1 Woche", "zh": "1 周"},
    "sandbox.month": {"en": "by 1 month", "de": "um 1 Monat", "zh": "1 个月"},
    "sandbox.calls": {"en": "Sample calls", "de": "Beispielanrufe", "zh": "示例通话"},
    "sandbox.calls_text": {
        "en": "Place five 20-minute calls to your toll-free number, charged to credits at "
        "the sample rates (not Microsoft prices).",
        "de": "Fünf Anrufe von je 20 Minuten bei Ihrer gebührenfreien Nummer, abgerechnet "
        "über Kommunikationsguthaben zu Beispieltarifen (keine Microsoft-Preise).",
        "zh": "向你的免费电话号码拨打五通各 20 分钟的电话，按示例费率（并非 Microsoft 价格）"
        "从通信点数中扣费。",
    },
    "sandbox.place": {
        "en": "Place 5 sample calls",
        "de": "5 Beispielanrufe tätigen",
        "zh": "拨打 5 通示例电话",
    },
    "sandbox.sign_out": {"en": "Sign out", "de": "Abmelden", "zh": "退出登录"},
    "sandbox.sign_out_text": {
        "en": "The sandbox stays stored; sign in again with its API key or start a new one "
        "from any guide.",
        "de": "Die Sandbox bleibt gespeichert. Melden Sie sich mit ihrem API-Schlüssel wieder "
        "an, oder starten Sie aus einer beliebigen Anleitung eine neue.",
        "zh": "沙盒会保留。你可以使用其 API 密钥重新登录，或从任一指南开始新的沙盒。",
    },
    "sandbox.done.clock": {
        "en": "The clock now shows {now}.",
        "de": "Die Uhr zeigt jetzt {now}.",
        "zh": "当前时间为 {now}。",
    },
    "sandbox.done.calls": {
        "en": "{placed} calls placed, {refused} refused. Balance now {balance}.",
        "de": "{placed} Anrufe getätigt, {refused} abgelehnt. Saldo jetzt {balance}.",
        "zh": "已拨打 {placed} 通电话，{refused} 通被拒绝。当前余额为 {balance}。",
    },
    "sandbox.no_caller": {
        "en": "Sample calls need a user with the Communications Credits license. Run the "
        "set-up walkthrough first.",
        "de": "Für Beispielanrufe brauchen Sie einen Benutzer mit der "
        "Kommunikationsguthaben-Lizenz. Führen Sie zuerst die geführte Einrichtung durch.",
        "zh": "示例通话需要一个拥有通信点数许可证的用户。请先完成引导式设置。",
    },
    "sandbox.signed_out": {
        "en": "You are signed out.",
        "de": "Sie sind abgemeldet.",
        "zh": "你已退出登录。",
    },
    # -- not found -----------------------------------------------------------------------
    "missing.flow.title": {
        "en": "No such walkthrough",
        "de": "Diese geführten Schritte gibt es nicht",
        "zh": "没有此引导",
    },
    "missing.flow": {
        "en": "There is no walkthrough “{flow}”. These are available:",
        "de": "Geführte Schritte „{flow}“ gibt es nicht. Verfügbar sind:",
        "zh": "没有名为“{flow}”的引导。可用的引导如下：",
    },
    "missing.tenant.title": {
        "en": "Organization not found",
        "de": "Organisation nicht gefunden",
        "zh": "找不到组织",
    },
}


def ct(key: str, lang: str, /, **params: Any) -> str:
    return message(MESSAGES, key, lang, **params)


def console_catalog(lang: str) -> dict[str, str]:
    return in_language(MESSAGES, lang)
