"""Messages the service shows or answers with, in English, German and Simplified Chinese.

German and Chinese use the terms of the project's glossary (Kommunikationsguthaben,
通信信用额度). A missing translation falls back to English rather than to a key.
"""

from __future__ import annotations

from typing import Any

from helpsvc.i18n.lookup import in_language, message

MESSAGES: dict[str, dict[str, str]] = {
    "f1.not_found.title": {
        "en": "No help page for this keyword",
        "de": "Keine Hilfeseite zu diesem Schlüsselwort",
        "zh": "找不到此关键字的帮助页面",
    },
    "f1.not_found.detail": {
        "en": "No guide is registered for the F1 keyword “{keyword}”.",
        "de": "Für das F1-Schlüsselwort „{keyword}“ ist keine Anleitung hinterlegt.",
        "zh": "没有为 F1 关键字“{keyword}”登记任何指南。",
    },
    "f1.not_found.detail_none": {
        "en": "The request named no F1 keyword that could be looked up.",
        "de": "Die Anfrage enthält kein F1-Schlüsselwort, nach dem gesucht werden kann.",
        "zh": "请求中没有可供查找的 F1 关键字。",
    },
    "f1.suggestions": {
        "en": "Did you mean one of these guides?",
        "de": "Meinten Sie eine dieser Anleitungen?",
        "zh": "你要找的是否是以下指南之一？",
    },
    "f1.no_suggestions": {
        "en": "No similar guide was found. Try a search instead.",
        "de": "Es wurde keine ähnliche Anleitung gefunden. Versuchen Sie es mit einer Suche.",
        "zh": "没有找到相似的指南。请尝试搜索。",
    },
    "search.label": {
        "en": "Search the guides",
        "de": "Anleitungen durchsuchen",
        "zh": "搜索指南",
    },
    "search.button": {"en": "Search", "de": "Suchen", "zh": "搜索"},
    "search.title": {
        "en": "Search results for “{query}”",
        "de": "Suchergebnisse für „{query}“",
        "zh": "“{query}”的搜索结果",
    },
    "search.none": {
        "en": "No guide matches your search.",
        "de": "Keine Anleitung passt zu Ihrer Suche.",
        "zh": "没有与搜索内容匹配的指南。",
    },
    "search.fallback": {
        "en": "English only",
        "de": "nur auf Englisch",
        "zh": "仅提供英文版",
    },
    "site.home": {
        "en": "All guides",
        "de": "Alle Anleitungen",
        "zh": "所有指南",
    },
    "site.name": {
        "en": "Communications Credits Help",
        "de": "Hilfe zum Kommunikationsguthaben",
        "zh": "通信信用额度帮助",
    },
    "page.skip": {"en": "Skip to content", "de": "Zum Inhalt springen", "zh": "跳到正文"},
    "page.dashboard": {"en": "Dashboard", "de": "Dashboard", "zh": "仪表板"},
    "signin.title": {
        "en": "Sign in to the credit simulator",
        "de": "Beim Guthabensimulator anmelden",
        "zh": "登录通信信用额度模拟器",
    },
    "signin.try_title": {
        "en": "Try it without preparation",
        "de": "Ohne Vorbereitung ausprobieren",
        "zh": "无需准备即可试用",
    },
    "signin.try_text": {
        "en": "Create a sandbox organization with simulated credits. Nothing is charged, and "
        "the sandbox belongs to this browser only.",
        "de": "Legen Sie eine Sandbox-Organisation mit simuliertem Kommunikationsguthaben an. "
        "Es fallen keine Kosten an, und die Sandbox gehört nur zu diesem Browser.",
        "zh": "创建一个带有模拟通信信用额度的沙盒组织。不会产生任何费用，该沙盒仅属于此浏览器。",
    },
    "signin.try_button": {
        "en": "Try it in a sandbox",
        "de": "In einer Sandbox ausprobieren",
        "zh": "在沙盒中试用",
    },
    "signin.key_title": {
        "en": "Sign in with an API key",
        "de": "Mit einem API-Schlüssel anmelden",
        "zh": "使用 API 密钥登录",
    },
    "signin.key_label": {
        "en": "API key of the simulated organization",
        "de": "API-Schlüssel der simulierten Organisation",
        "zh": "模拟组织的 API 密钥",
    },
    "signin.button": {"en": "Sign in", "de": "Anmelden", "zh": "登录"},
    "signin.invalid": {
        "en": "This API key is not valid.",
        "de": "Dieser API-Schlüssel ist ungültig.",
        "zh": "此 API 密钥无效。",
    },
    "signin.csrf": {
        "en": "The form has expired. Reload the page and try again.",
        "de": "Das Formular ist abgelaufen. Laden Sie die Seite neu, und versuchen Sie es erneut.",
        "zh": "表单已过期。请重新加载页面后重试。",
    },
    "dash.title": {
        "en": "Simulated organization",
        "de": "Simulierte Organisation",
        "zh": "模拟组织",
    },
    "dash.clock": {"en": "Simulated time", "de": "Simulierte Zeit", "zh": "模拟时间"},
    "dash.balance": {"en": "Balance", "de": "Saldo", "zh": "余额"},
    "dash.chart": {
        "en": "Balance over simulated time; green lines mark recharges",
        "de": "Saldo im Verlauf der simulierten Zeit; grüne Linien markieren Aufladungen",
        "zh": "余额随模拟时间的变化；绿线表示充值",
    },
    "dash.auto_recharge": {"en": "Auto-recharge", "de": "Automatische Aufladung", "zh": "自动充值"},
    "dash.status": {"en": "Status", "de": "Status", "zh": "状态"},
    "dash.on": {"en": "On", "de": "Aktiviert", "zh": "已启用"},
    "dash.off": {"en": "Off", "de": "Deaktiviert", "zh": "已关闭"},
    "dash.trigger": {"en": "Trigger amount", "de": "Auslösebetrag", "zh": "触发金额"},
    "dash.recharge": {"en": "Recharge amount", "de": "Aufladebetrag", "zh": "充值金额"},
    "dash.card": {"en": "Credit card", "de": "Kreditkarte", "zh": "信用卡"},
    "dash.lots": {
        "en": "Purchases and their expiry",
        "de": "Käufe und ihr Verfall",
        "zh": "购买记录及其过期时间",
    },
    "dash.lot": {"en": "Purchase", "de": "Kauf", "zh": "购买"},
    "dash.amount": {"en": "Amount", "de": "Betrag", "zh": "金额"},
    "dash.remaining": {"en": "Remaining", "de": "Verbleibend", "zh": "剩余"},
    "dash.expires": {"en": "Expires", "de": "Verfällt am", "zh": "过期日期"},
    "dash.expired": {"en": "expired", "de": "verfallen", "zh": "已过期"},
    "dash.ledger": {"en": "Ledger", "de": "Buchungen", "zh": "账目"},
    "dash.when": {"en": "When", "de": "Zeitpunkt", "zh": "时间"},
    "dash.type": {"en": "Type", "de": "Art", "zh": "类型"},
    "dash.balance_after": {"en": "Balance after", "de": "Saldo danach", "zh": "之后余额"},
    "dash.outbox": {
        "en": "Notifications (e-mail outbox)",
        "de": "Benachrichtigungen (E-Mail-Postausgang)",
        "zh": "通知（电子邮件发件箱）",
    },
    "dash.none": {"en": "None yet.", "de": "Noch keine.", "zh": "暂无。"},
    "dash.walkthroughs": {
        "en": "Guided walkthroughs",
        "de": "Geführte Schritte",
        "zh": "引导式操作",
    },
    "ledger.purchase": {"en": "Purchase", "de": "Kauf", "zh": "购买"},
    "ledger.auto_recharge": {
        "en": "Auto-recharge",
        "de": "Automatische Aufladung",
        "zh": "自动充值",
    },
    "ledger.usage": {"en": "Usage", "de": "Nutzung", "zh": "使用量"},
    "ledger.expiry": {"en": "Expiry", "de": "Verfall", "zh": "过期"},
    "ledger.recharge_failed": {
        "en": "Recharge failed",
        "de": "Aufladung fehlgeschlagen",
        "zh": "充值失败",
    },
    "ledger.adjustment": {"en": "Adjustment", "de": "Korrektur", "zh": "调整"},
    "ledger.overage": {"en": "Overage", "de": "Mehrnutzung", "zh": "超额使用"},
    "problem.keyword_invalid": {
        "en": "The keyword is empty, too long or contains control characters.",
        "de": "Das Schlüsselwort ist leer, zu lang oder enthält Steuerzeichen.",
        "zh": "关键字为空、过长或包含控制字符。",
    },
    "problem.page_not_found": {
        "en": "There is no page “{page_id}”.",
        "de": "Es gibt keine Seite „{page_id}“.",
        "zh": "不存在页面“{page_id}”。",
    },
    "problem.tenant_key_missing.title": {
        "en": "Not signed in",
        "de": "Nicht angemeldet",
        "zh": "未登录",
    },
    "problem.tenant_key_missing": {
        "en": "Send the tenant's API key as “Authorization: Bearer <key>”.",
        "de": "Senden Sie den API-Schlüssel der Organisation als "
        "„Authorization: Bearer <Schlüssel>“.",
        "zh": "请以“Authorization: Bearer <密钥>”的形式发送组织的 API 密钥。",
    },
    "problem.tenant_key_invalid": {
        "en": "The API key is not valid. Keys are shown once, when the tenant is created.",
        "de": "Der API-Schlüssel ist ungültig. Schlüssel werden nur einmal angezeigt: "
        "beim Anlegen der Organisation.",
        "zh": "API 密钥无效。密钥只在创建组织时显示一次。",
    },
    "problem.tenant_not_found.title": {
        "en": "Tenant not found",
        "de": "Organisation nicht gefunden",
        "zh": "找不到组织",
    },
    "problem.tenant_not_found": {
        "en": "There is no tenant “{tenant_id}” for this API key.",
        "de": "Zu diesem API-Schlüssel gibt es keine Organisation „{tenant_id}“.",
        "zh": "此 API 密钥下没有组织“{tenant_id}”。",
    },
    "problem.idempotency_reused.title": {
        "en": "Idempotency key reused",
        "de": "Idempotenzschlüssel wiederverwendet",
        "zh": "幂等键被重复使用",
    },
    "problem.idempotency_reused": {
        "en": "The Idempotency-Key “{key}” was already used for a different request. "
        "Use a new key for a new request.",
        "de": "Der Idempotency-Key „{key}“ wurde bereits für eine andere Anfrage verwendet. "
        "Verwenden Sie für jede neue Anfrage einen neuen Schlüssel.",
        "zh": "Idempotency-Key“{key}”已用于另一个请求。新请求请使用新的键。",
    },
    "problem.validation.title": {
        "en": "Invalid request",
        "de": "Ungültige Anfrage",
        "zh": "请求无效",
    },
    "problem.validation": {
        "en": "Check these fields: {fields}.",
        "de": "Prüfen Sie diese Felder: {fields}.",
        "zh": "请检查以下字段：{fields}。",
    },
    "problem.walkthrough_not_found.title": {
        "en": "Walkthrough not found",
        "de": "Geführte Schritte nicht gefunden",
        "zh": "找不到引导",
    },
    "problem.walkthrough_not_found": {
        "en": "There is no walkthrough “{session_id}” for this tenant.",
        "de": "Für diese Organisation gibt es keine geführten Schritte „{session_id}“.",
        "zh": "此组织没有引导“{session_id}”。",
    },
    "search.term_note": {
        "en": "The guides say “{preferred}”, not “{used}”.",
        "de": "Die Anleitungen sagen „{preferred}“, nicht „{used}“.",
        "zh": "指南中使用“{preferred}”，而不是“{used}”。",
    },
    "problem.unauthorized": {
        "en": "This endpoint needs the admin token in an Authorization: Bearer header.",
        "de": "Dieser Endpunkt erfordert das Admin-Token im Header „Authorization: Bearer“.",
        "zh": "此端点需要在 Authorization: Bearer 标头中提供管理员令牌。",
    },
}


def t(key: str, lang: str, /, **params: Any) -> str:
    return message(MESSAGES, key, lang, **params)


def catalog(lang: str) -> dict[str, str]:
    return in_language(MESSAGES, lang)
