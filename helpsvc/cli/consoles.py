"""Where the commands write: results on stdout, messages and progress on stderr."""

from __future__ import annotations

from rich.console import Console

out = Console()
err = Console(stderr=True)

# The usage commands never hard-wrap a message, so a terminal or grep sees one line each.
out_unwrapped = Console(soft_wrap=True)
err_unwrapped = Console(stderr=True, soft_wrap=True)
