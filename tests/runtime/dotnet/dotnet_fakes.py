"""A tiny stand-in for the interpreter's execution context (now / get_variable / call)."""

from __future__ import annotations

import random
from datetime import datetime

from pshv.runtime.objects import Invocable


class FakeContext:
    def __init__(self, now: datetime = datetime(2025, 1, 1, 8, 0, 0)) -> None:
        self.current = now
        self.variables: dict[str, object] = {"env:computername": "HV01"}
        self.services = {"random": random.Random(42)}

    def now(self) -> datetime:
        return self.current

    def get_variable(self, name: str) -> object:
        return self.variables.get(name.casefold())

    def call(self, block: Invocable, args: list | None = None, *, dollar_under: object = ...) -> list:
        return block.call(args or [], dollar_under=dollar_under)


class Block(Invocable):
    """A script block standing in for `{ ... }`: a Python function of $_ (and args)."""

    def __init__(self, body) -> None:
        self.body = body

    def call(self, args=None, *, dollar_under=...):
        result = self.body(dollar_under, *(args or []))
        return result if isinstance(result, list) else [result]
