"""Helpers of the migration command tests: a shell whose migration service a test can reach
(to arm faults), and comparison of outputs whose numbers come from the migration model."""

from __future__ import annotations

import re

from pshv.runtime.host import CaptureHost
from pshv.shell import create_session

ENABLE = "Enable-VMMigration -ComputerName HV01, HV02\n"


class ProgressHost(CaptureHost):
    """A capture host that keeps the progress records (as the REPL would draw them)."""

    def __init__(self, width: int = 120) -> None:
        super().__init__(width)
        self.records: list = []

    def progress(self, record: object) -> None:
        self.records.append(record)


class Shell:
    """One shell session on the default lab, run step by step."""

    def __init__(self) -> None:
        self.host = ProgressHost()
        self.session = create_session(self.host)
        self.ctx = self.session.ctx

    @property
    def lab(self):
        return self.ctx.services["lab"].lab

    @property
    def service(self):
        from pshv.commands.migration.service import migration_service

        return migration_service(self.ctx)

    def run(self, text: str):
        self.host.stdout.clear()
        self.host.stderr.clear()
        result = self.session.run_script(text, collect=True, new_scope=False)
        result.stdout, result.stderr = self.host.out_text, self.host.err_text
        return result


def like_template(text: str, template: str) -> bool:
    """True when `text` equals `template`, where each `#` in the template stands for a number."""
    pattern = "".join(r"[0-9.]+" if part == "#" else re.escape(part) for part in re.split(r"(#)", template))
    return re.fullmatch(pattern, text) is not None
