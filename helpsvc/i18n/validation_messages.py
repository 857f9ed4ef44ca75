"""What a request that fails validation is told, field by field, in the reader's language.

FastAPI reports pydantic's errors in English ("Field required"). The common error types get
a sentence here, filled from the error's context (``min_length``, ``gt``, ``expected``);
a type without one, and our own validators' ``value_error`` texts, keep pydantic's message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from helpsvc.catalog.entries import Entry, entry

NUMBER = entry("validation.number", "Enter a number.")
WHOLE_NUMBER = entry("validation.whole_number", "Enter a whole number.")
DATE_TIME = entry("validation.date_time", "Enter a date and time such as 2026-11-29T09:00:00Z.")
BOOLEAN = entry("validation.boolean", "Enter true or false.")
CHOICE = entry("validation.choice", "Choose one of these values: {expected}.")

# pydantic's error type -> the sentence for it.
MESSAGES: dict[str, Entry] = {
    "missing": entry("validation.missing", "This field is required."),
    "string_type": entry("validation.string_type", "Enter text."),
    "string_too_short": entry(
        "validation.string_too_short", "Enter at least {min_length} characters."
    ),
    "string_too_long": entry(
        "validation.string_too_long", "Enter at most {max_length} characters."
    ),
    "int_parsing": WHOLE_NUMBER,
    "int_type": WHOLE_NUMBER,
    "int_from_float": WHOLE_NUMBER,
    "float_parsing": NUMBER,
    "float_type": NUMBER,
    "decimal_parsing": NUMBER,
    "decimal_type": NUMBER,
    "finite_number": NUMBER,
    "greater_than": entry("validation.greater_than", "Enter a number greater than {gt}."),
    "greater_than_equal": entry(
        "validation.greater_than_equal", "Enter a number of at least {ge}."
    ),
    "less_than": entry("validation.less_than", "Enter a number less than {lt}."),
    "less_than_equal": entry("validation.less_than_equal", "Enter a number of at most {le}."),
    "literal_error": CHOICE,
    "enum": CHOICE,
    "bool_parsing": BOOLEAN,
    "bool_type": BOOLEAN,
    "datetime_parsing": DATE_TIME,
    "datetime_from_date_parsing": DATE_TIME,
    "datetime_type": DATE_TIME,
    "json_invalid": entry("validation.json_invalid", "The request body is not valid JSON."),
    "extra_forbidden": entry("validation.extra_forbidden", "This field is not accepted here."),
    "dict_type": entry("validation.dict_type", "Send a JSON object here."),
    "model_type": entry("validation.model_type", "Send a JSON object here."),
    "list_type": entry("validation.list_type", "Send a list here."),
    "too_short": entry("validation.too_short", "Give at least {min_length} items."),
    "too_long": entry("validation.too_long", "Give at most {max_length} items."),
}


def validation_message(error: Mapping[str, Any], lang: str) -> str:
    """The sentence for one of pydantic's errors; pydantic's own text where none fits."""
    wording = MESSAGES.get(str(error.get("type")))
    if wording is None:
        return str(error.get("msg", ""))
    context = {name: str(value) for name, value in (error.get("ctx") or {}).items()}
    try:
        return wording.render(lang, context)
    except (KeyError, IndexError, ValueError):
        return str(error.get("msg", ""))
