"""Build the guide site with MkDocs, in a child process.

A child process keeps MkDocs' logging and plugin state out of the service and the tests,
and ``--strict`` turns every MkDocs warning (broken link, missing nav file) into a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_site(config: Path, site_dir: Path, *, strict: bool = True, quiet: bool = False) -> int:
    """Run ``mkdocs build``; returns its exit code (0 when the site was built)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    if quiet:
        command.append("--quiet")
    # The project pins MkDocs 1.x on purpose; its banner about MkDocs 2 is noise here.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, check=False, env=env).returncode
