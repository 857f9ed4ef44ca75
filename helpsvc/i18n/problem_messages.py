"""Problems the service answers before or beside any use case: a body over the limit, a
malformed request, an unknown address or method, an unexpected failure.

Kept apart from the site's messages so the limits of the HTTP edge read in one place.
"""

from __future__ import annotations

from typing import Any

from helpsvc.catalog.entries import Entry, entry
from helpsvc.i18n.lookup import message

MESSAGES: dict[str, Entry] = {
    "body_too_large.title": entry("problem.body_too_large.title", "Request body too large"),
    "body_too_large": entry(
        "problem.body_too_large",
        "The request body is larger than {limit} bytes, the most this "
        "address accepts. Send a smaller body.",
    ),
    "bad_content_length.title": entry("problem.bad_content_length.title", "Invalid Content-Length"),
    "bad_content_length": entry(
        "problem.bad_content_length",
        "The Content-Length header “{value}” is not one whole number of bytes.",
    ),
    "bad_body.title": entry("problem.bad_body.title", "Unreadable request body"),
    "bad_body": entry(
        "problem.bad_body",
        "The request body could not be read as JSON: it is nested more than {depth} levels deep.",
    ),
    "not_found.title": entry("problem.not_found.title", "Not found"),
    "not_found": entry(
        "problem.not_found",
        "There is no API address “{path}”. The OpenAPI document at "
        "/api/openapi.json lists every address.",
    ),
    "method_not_allowed.title": entry("problem.method_not_allowed.title", "Method not allowed"),
    "method_not_allowed": entry(
        "problem.method_not_allowed", "“{path}” does not accept {method}. It accepts: {allowed}."
    ),
    "internal_error.title": entry("problem.internal_error.title", "Internal error"),
    "internal_error": entry(
        "problem.internal_error",
        "The service could not complete this request. The error is logged "
        "under the reference {reference}; quote it when you report the "
        "problem.",
    ),
}


def t(key: str, lang: str, /, **params: Any) -> str:
    return message(MESSAGES, key, lang, **params)
