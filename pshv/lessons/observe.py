"""What a step's check can look at: the lab, the migrations that ran since the step began,
the pictures the learner drew, and the learner's variables."""

from __future__ import annotations

from ..migration.trace import MigrationTrace
from . import observed


def trace_count(ctx) -> int:
    from ..commands.migration.service import migration_service

    return len(migration_service(ctx).traces())


class Observation:
    def __init__(self, ctx, first_trace: int) -> None:
        self.ctx = ctx
        self.first_trace = first_trace

    @property
    def lab(self):
        return self.ctx.services["lab"].lab

    def traces(self, vm: str | None = None, result: str | None = None) -> list[MigrationTrace]:
        """Migrations started since the step began (of `vm`, ending with `result`), oldest first."""
        from ..commands.migration.service import migration_service

        found = migration_service(self.ctx).traces()[self.first_trace:]
        return [t for t in found
                if (vm is None or t.VMName.casefold() == vm.casefold()) and (result is None or t.Result == result)]

    def completed(self, vm: str, kind: str | None = None, option: str | None = None) -> MigrationTrace | None:
        """The last completed migration of `vm` since the step began (of that kind and option)."""
        matches = [t for t in self.traces(vm, "Completed")
                   if (kind is None or t.Kind == kind) and (option is None or t.PerformanceOption == option)]
        return matches[-1] if matches else None

    def vm(self, name: str):
        return self.lab.find_vm(name)

    def host_of(self, vm: str) -> str | None:
        """The host `vm` is registered on (None when the lab has no such VM)."""
        found = self.lab.find_vm(vm)
        return None if found is None else self.lab.host_of(found).name

    def drawn(self, command: str) -> list[str]:
        """The VMs `command` (Show-LabMigration, Export-LabReport) drew since the step began."""
        return observed.drawn(self.ctx, command) or []

    def variable(self, name: str) -> object:
        return self.ctx.get_variable(name)

    def member(self, obj: object, *names: str) -> object:
        """`$obj.A.B` as PowerShell reads it (member enumeration included)."""
        from ..runtime.members import get_member

        for name in names:
            obj = get_member(self.ctx, obj, name)
        return obj
