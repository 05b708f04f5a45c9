"""Get-Random: numbers and picks from a generator seeded once per session (reproducible runs)."""

from __future__ import annotations

import random

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import ValidateRange, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
SESSION_SEED = 20251101
"""The lab has no seed of its own: every shell starts from this one, so a script draws the same numbers each run."""


def generator(ctx) -> random.Random:
    found = ctx.services.get("random")
    if found is None:
        found = ctx.services["random"] = random.Random(SESSION_SEED)
    return found


class GetRandom(Cmdlet):
    spec = cmdlet("Get-Random", [
        p("SetSeed", "System.Int32"),
        p("Maximum", "System.Object", sets={"RandomNumberParameterSet": dict(position=0)}),
        p("Minimum", "System.Object", sets="RandomNumberParameterSet"),
        p("InputObject", "System.Object[]", sets={"RandomListItemParameterSet": dict(
            position=0, mandatory=True, pipeline=True)}),
        p("Count", "System.Int32", sets="RandomListItemParameterSet", validate=[ValidateRange(1, 2147483647)],
          default=1),
    ], default_set="RandomNumberParameterSet")
    dotnet_class = f"{UTILITY}.GetRandomCommand"

    def begin(self) -> None:
        if self.given("SetSeed"):
            self.ctx.services["random"] = random.Random(int(self.params["SetSeed"]))
        self._pool: list[object] = []

    def process(self) -> None:
        if self.parameter_set == "RandomListItemParameterSet":
            value = self.params.get("InputObject")
            self._pool.extend(value if isinstance(value, list) else [value])

    def end(self) -> None:
        rng = generator(self.ctx)
        if self.parameter_set == "RandomListItemParameterSet":
            count = min(int(self.params.get("Count") or 1), len(self._pool))
            self.write(rng.sample(self._pool, count), enumerate_collection=True)
            return
        self.write(self._number(rng))

    def _number(self, rng: random.Random) -> object:
        from ...runtime.convert import to_double, to_number

        maximum, minimum = self.params.get("Maximum"), self.params.get("Minimum")
        numbers = [to_number(value) if isinstance(value, str) else value for value in (maximum, minimum)
                   if value is not None]
        if any(isinstance(value, float) for value in numbers):
            high = to_double(maximum) if maximum is not None else 1.7976931348623157e308
            low = to_double(minimum) if minimum is not None else 0.0
            self._check(low, high, minimum, maximum)
            return low + rng.random() * (high - low)
        high = int(maximum) if maximum is not None else 2147483647
        low = int(minimum) if minimum is not None else 0
        self._check(low, high, minimum, maximum)
        return rng.randrange(low, high)

    def _check(self, low: float, high: float, minimum: object, maximum: object) -> None:
        if low >= high:
            shown_max = self.ctx.to_string(maximum if maximum is not None else high)
            raise self.fail(E.PSArgumentException(
                f"The Minimum value ({self.ctx.to_string(minimum if minimum is not None else low)}) cannot be greater "
                f"than or equal to the Maximum value ({shown_max}).",
                error_id="MinGreaterThanOrEqualMax", category="InvalidArgument"))
