"""Problems the service answers before or beside any use case: a body over the limit, a
malformed request, an unknown address or method, an unexpected failure.

Kept apart from the site's messages so the limits of the HTTP edge read in one place.
"""

from __future__ import annotations

from typing import Any

from helpsvc.i18n.lookup import message

MESSAGES: dict[str, dict[str, str]] = {
    "body_too_large.title": {
        "en": "Request body too large",
        "de": "Anfragetext zu groß",
        "zh": "请求正文过大",
    },
    "body_too_large": {
        "en": "The request body is larger than {limit} bytes, the most this address accepts. "
        "Send a smaller body.",
        "de": "Der Anfragetext ist größer als {limit} Byte, das Maximum für diese Adresse. "
        "Senden Sie einen kleineren Anfragetext.",
        "zh": "请求正文超过了此地址可接受的上限 {limit} 字节。请发送较小的请求正文。",
    },
    "bad_content_length.title": {
        "en": "Invalid Content-Length",
        "de": "Ungültige Content-Length",
        "zh": "Content-Length 无效",
    },
    "bad_content_length": {
        "en": "The Content-Length header “{value}” is not one whole number of bytes.",
        "de": "Der Header „Content-Length“ mit dem Wert „{value}“ ist keine ganze Zahl von Bytes.",
        "zh": "Content-Length 标头的值“{value}”不是一个表示字节数的整数。",
    },
    "bad_body.title": {
        "en": "Unreadable request body",
        "de": "Anfragetext nicht lesbar",
        "zh": "无法读取请求正文",
    },
    "bad_body": {
        "en": "The request body could not be read as JSON: it is nested more than {depth} "
        "levels deep.",
        "de": "Der Anfragetext konnte nicht als JSON gelesen werden: Er ist tiefer als "
        "{depth} Ebenen verschachtelt.",
        "zh": "无法将请求正文读取为 JSON：其嵌套层级超过 {depth} 层。",
    },
    "not_found.title": {
        "en": "Not found",
        "de": "Nicht gefunden",
        "zh": "未找到",
    },
    "not_found": {
        "en": "There is no API address “{path}”. The OpenAPI document at /api/openapi.json "
        "lists every address.",
        "de": "Es gibt keine API-Adresse „{path}“. Das OpenAPI-Dokument unter "
        "/api/openapi.json führt alle Adressen auf.",
        "zh": "不存在 API 地址“{path}”。/api/openapi.json 中的 OpenAPI 文档列出了所有地址。",
    },
    "method_not_allowed.title": {
        "en": "Method not allowed",
        "de": "Methode nicht zulässig",
        "zh": "不允许使用此方法",
    },
    "method_not_allowed": {
        "en": "“{path}” does not accept {method}. It accepts: {allowed}.",
        "de": "„{path}“ nimmt keine {method}-Anfragen an. Zulässig sind: {allowed}.",
        "zh": "“{path}”不接受 {method} 请求。可使用的方法：{allowed}。",
    },
    "internal_error.title": {
        "en": "Internal error",
        "de": "Interner Fehler",
        "zh": "内部错误",
    },
    "internal_error": {
        "en": "The service could not complete this request. The error is logged under the "
        "reference {reference}; quote it when you report the problem.",
        "de": "Der Dienst konnte diese Anfrage nicht abschließen. Der Fehler ist unter der "
        "Kennung {reference} protokolliert; geben Sie sie an, wenn Sie das Problem melden.",
        "zh": "服务无法完成此请求。该错误已记录，参考编号为 {reference}；报告问题时请提供此编号。",
    },
}


def t(key: str, lang: str, /, **params: Any) -> str:
    return message(MESSAGES, key, lang, **params)
