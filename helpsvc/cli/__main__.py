"""``python -m helpsvc.cli``, as the test servers start the service."""

from helpsvc.cli import main

main()
