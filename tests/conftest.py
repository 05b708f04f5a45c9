"""Shared test helpers: run PowerShell text through the public surfaces."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import pshv


def ps(text: str, width: int = 120):
    """Run `text` with `pshv.run` (in-process) and return the RunResult."""
    return pshv.run(text, width=width)


def cli(*args: str, input_text: str | None = None, cwd: str | None = None, env: dict | None = None):
    """Run the real `pshv` command line in a subprocess; returns CompletedProcess (text mode)."""
    return subprocess.run(
        [sys.executable, "-m", "pshv.cli", *args], input=input_text, capture_output=True, text=True,
        cwd=cwd, env={**os.environ, **(env or {})}, timeout=120,
    )


@pytest.fixture
def run_ps():
    return ps
