"""Messages the service shows or answers with, in English, German and Simplified Chinese.

German and Chinese use the terms of the project's glossary (Kommunikationsguthaben,
通信信用额度). A missing translation falls back to English rather than to a key.
"""

from __future__ import annotations

from typing import Any

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
    "problem.unauthorized": {
        "en": "This endpoint needs the admin token in an Authorization: Bearer header.",
        "de": "Dieser Endpunkt erfordert das Admin-Token im Header „Authorization: Bearer“.",
        "zh": "此端点需要在 Authorization: Bearer 标头中提供管理员令牌。",
    },
}


def t(message: str, lang: str, /, **params: Any) -> str:
    entry = MESSAGES[message]
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text


def catalog(lang: str) -> dict[str, str]:
    return {key: (entry.get(lang) or entry["en"]) for key, entry in MESSAGES.items()}
