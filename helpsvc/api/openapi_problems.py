"""The error answers every operation can give, written into the OpenAPI document.

The routes declare the problems of their own logic (401, 404, 409, ...). The edge of the app
adds more to every operation: a malformed ``Content-Length`` (400), a body over the limit
(413), invalid parameters (422, sent as ``application/problem+json`` although FastAPI's
default documents ``application/json``), a rate limit (429), an unexpected failure (500)
and a database or site that is not available (503). This module adds those to each
operation of the document, with the problem schema, so that the document lists every
status code and content type the service can send.
"""

from __future__ import annotations

from typing import Any

from helpsvc.api.problems import MEDIA_TYPE

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
VALIDATION_REF = {"$ref": "#/components/schemas/ValidationProblem"}

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details; `code` is a stable machine-readable reason.",
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "code": {"type": "string"},
    },
    "additionalProperties": True,
}
VALIDATION_SCHEMA: dict[str, Any] = {
    "title": "ValidationProblem",
    "description": "A problem naming each invalid field, its label in the caller's language "
    "and what is wrong with it.",
    "allOf": [
        PROBLEM_REF,
        {
            "type": "object",
            "properties": {
                "errors": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["field", "label", "message"],
                        "properties": {
                            "field": {"type": "string"},
                            "label": {"type": "string"},
                            "message": {"type": "string"},
                        },
                    },
                }
            },
        },
    ],
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "string"},
    }
}
# status: (description, response headers); added to every operation that lacks them.
EDGE_PROBLEMS: dict[int, tuple[str, dict[str, Any]]] = {
    400: ("Malformed request: headers or body that cannot be read", {}),
    413: ("Request body larger than this address accepts", {}),
    422: ("Invalid values, field by field", {}),
    429: ("Too many requests from this client; try again later", RETRY_AFTER),
    500: ("Unexpected failure, logged under the reference the problem names", {}),
    503: ("Not available now (database or built site); try again later", RETRY_AFTER),
}
BODY_PROBLEMS: dict[int, tuple[str, dict[str, Any]]] = {
    415: ("Request body in a media type this operation does not take", {}),
}


def _is_page(operation: dict[str, Any]) -> bool:
    return "text/html" in operation.get("responses", {}).get("200", {}).get("content", {})


def _content(operation: dict[str, Any], status: int) -> dict[str, Any]:
    schema = VALIDATION_REF if status == 422 else PROBLEM_REF
    content: dict[str, Any] = {MEDIA_TYPE: {"schema": schema}}
    if _is_page(operation):
        # A page route answers its own refusals as the page, with the error shown on it.
        content["text/html"] = {"schema": {"type": "string"}}
    return content


def _as_problem(response: dict[str, Any], operation: dict[str, Any], status: int) -> None:
    """Declare the problem media type (FastAPI's default 422 says application/json)."""
    content = response.setdefault("content", {})
    content.pop("application/json", None)
    for media, declared in _content(operation, status).items():
        entry = content.setdefault(media, {})
        entry.setdefault("schema", declared["schema"])


def document_operation(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    wanted = dict(EDGE_PROBLEMS)
    if "requestBody" in operation:
        wanted.update(BODY_PROBLEMS)
    if operation.get("security"):
        wanted[401] = ("No or invalid credentials", {})
    if any(p.get("in") == "path" for p in operation.get("parameters", [])):
        wanted[404] = ("No such resource", {})
    if _is_page(operation) and "requestBody" in operation:
        wanted[403] = ("The form's CSRF token is missing or does not match the session", {})
    for status, (description, headers) in sorted(wanted.items()):
        response = responses.setdefault(str(status), {"description": description})
        if headers:
            response.setdefault("headers", {}).update(headers)
    for status, response in responses.items():
        if status.isdigit() and int(status) >= 400:
            _as_problem(response, operation, int(status))


def document_problems(document: dict[str, Any]) -> dict[str, Any]:
    """Add the edge problems to every operation of ``document`` (changed in place)."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas["ValidationProblem"] = VALIDATION_SCHEMA
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                document_operation(operation)
    return document
