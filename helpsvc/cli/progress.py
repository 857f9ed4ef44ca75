"""Progress bars for long CLI work: on stderr, gone when the work is done.

Callers decide whether a bar is worth it (a terminal, enough work): below that a bar only
flickers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


@contextmanager
def counting(label: str, total: int, console: Console) -> Iterator[Callable[[], None]]:
    """A bar over ``total`` items; yields the function that counts one more."""
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


@contextmanager
def reading(label: str, console: Console) -> Iterator[Callable[[int, int | None], None]]:
    """A bar over bytes read; yields ``update(bytes_done, bytes_total)``."""
    columns = (TextColumn(label), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            progress.update(task, completed=done, total=total)

        yield update
