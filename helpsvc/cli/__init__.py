"""The ``helpsvc`` command: serve, build, check and index the Communications Credits help.

One module per command group: ``docs`` (serve, build, check, index, misses, reload),
``i18n`` (stamp, status), ``glossary`` (glossary check/export/import, check terms),
``usage`` (simulate, usage generate, with ``simulation_view`` printing a simulation);
``consoles`` and ``progress`` are what they share. The commands import the heavy parts
(the API, the server, matplotlib) only when they run, so the command starts fast.
"""

from __future__ import annotations

import typer

from helpsvc.cli import docs, glossary, i18n, usage

app = typer.Typer(
    help="Help service for Communications Credits: guide site, F1 lookups and checks.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
# In this order ``helpsvc --help`` lists the commands, then the groups.
docs.register(app)
i18n.register(app)
usage.register(app)
glossary.register(app)


def main() -> None:
    app()


__all__ = ["app", "main"]
