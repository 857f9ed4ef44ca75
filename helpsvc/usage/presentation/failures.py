"""Why a simulation could not run, worded once for the command line and the API.

Each error users can fix (a file that is not the export, a bad row under ``strict``, an
option or amount that does not work) becomes a ``Failure``: a stable code, the message in
the user's language, and the file, row and option when they are known. The CLI prints it
(as JSON with ``--json``), the API answers it as a problem document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..options import OptionError
from ..problems import BadRowError, ExportError
from ..replay import ConfigError
from ..simulate import AmountError
from .messages import describe_file_error, describe_option, describe_row, t

SimulationError = ExportError | BadRowError | AmountError | ConfigError | OptionError
SIMULATION_ERRORS = (ExportError, BadRowError, AmountError, ConfigError, OptionError)


@dataclass(frozen=True, slots=True)
class Failure:
    code: str
    message: str
    file: str | None = None
    row: int | None = None
    option: str | None = None
    """As the caller spells it: ``--recharge`` on the command line, ``recharge`` in the API."""
    value: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def describe_failure(error: SimulationError, lang: str, *, cli: bool) -> Failure:
    """``error`` for users; ``cli`` spells options as flags (``--no-auto-recharge``)."""

    def spelled(option: str) -> str:
        return "--" + option.replace("_", "-") if cli else option

    if isinstance(error, ExportError):
        message = describe_file_error(error.code, error.source, error.params, lang)
        return Failure(error.code, message, error.source, error.params.get("row"))
    if isinstance(error, BadRowError):
        p = error.problem
        message = f"{p.where()}: {describe_row(p.code, p.params, lang)}"
        return Failure(f"row_{p.code}", message, p.source, p.row)
    if isinstance(error, OptionError):
        name = spelled(error.option)
        reason = describe_option(error, lang, switch=spelled("no_auto_recharge"))
        return Failure(error.code, f"{name}: {reason}", option=name, value=error.value)
    if isinstance(error, AmountError):
        name = spelled(error.option)
        message = t("config.amount", lang, option=name, value=error.value, currency=error.currency)
        return Failure("invalid_amount", message, option=name, value=error.value)
    return Failure(error.code, t("config.invalid", lang, code=error.code))
