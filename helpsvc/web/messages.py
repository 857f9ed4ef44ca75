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
    "problem.unauthorized": {
        "en": "This endpoint needs the admin token in an Authorization: Bearer header.",
        "de": "Dieser Endpunkt erfordert das Admin-Token im Header „Authorization: Bearer“.",
        "zh": "此端点需要在 Authorization: Bearer 标头中提供管理员令牌。",
    },
}


def t(key: str, lang: str, **params: Any) -> str:
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text


def catalog(lang: str) -> dict[str, str]:
    return {key: (entry.get(lang) or entry["en"]) for key, entry in MESSAGES.items()}
