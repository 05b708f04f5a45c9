"""Show-LabMigration: a finished migration drawn as text (totals, memory passes, time line).

Traces come from the pipeline (`Get-LabMigrationTrace -Last 2 | Show-LabMigration`) or from
the lab itself: the migrations of -VMName, the last -Last of them (default: the last one).
`TraceInputCmdlet` is that input handling, shared with Export-LabReport.
"""

from __future__ import annotations

from ...report.model import Migration, is_trace, migration_of
from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import ValidateRange, cmdlet, p
from .labcmdlet import LAB_COMMANDS

NOT_A_TRACE = ("The input object is not a migration trace. Pipe the output of Get-LabMigrationTrace to "
               "{command}.")


def selection_params(*, names_position: int | None) -> list:
    """-InputObject (pipeline) or -VMName/-Last (the lab's own traces)."""
    return [
        p("InputObject", "System.Management.Automation.PSObject[]",
          sets={"InputObject": {"mandatory": True, "pipeline": True}}),
        p("VMName", "System.String[]", aliases=["Name"], sets={"Lab": {"position": names_position}}),
        p("Last", "System.Int32", sets="Lab", validate=[ValidateRange(1, 2147483647)]),
    ]


class TraceInputCmdlet(Cmdlet):
    """Gathers the migrations to draw: piped traces, or the lab's (by -VMName, -Last)."""

    default_last: int | None = None
    """How many of the lab's migrations to take when -Last is not given (None: all)."""

    def begin(self) -> None:
        self.migrations: list[Migration] = []

    def process(self) -> None:
        if self.parameter_set != "InputObject":
            return
        for item in self.params.get("InputObject") or []:
            if is_trace(item):
                self.migrations.append(migration_of(item))
            else:
                self.error(E.PSArgumentException(NOT_A_TRACE.format(command=self.name),
                                                 error_id="InputNotMigrationTrace", category="InvalidArgument"),
                           item)

    def lab_migrations(self) -> list[Migration]:
        """The lab's traces named by -VMName, the last -Last of them; errors when none match."""
        from ..hyperv.common import name_matches
        from ..migration.service import migration_service

        traces = migration_service(self.ctx).traces()
        patterns = self.params.get("VMName")
        for pattern in patterns or []:
            if not any(name_matches(t.VMName, pattern) for t in traces):
                self.error(E.ItemNotFoundException(
                    f"No migration of a virtual machine named '{pattern}' has been traced in the lab.",
                    error_id="MigrationTraceNotFound", category="ObjectNotFound", target=pattern))
        if patterns:
            traces = [t for t in traces if any(name_matches(t.VMName, pattern) for pattern in patterns)]
        elif not traces:
            self.error(E.ItemNotFoundException("No migration has run in the lab yet.",
                                               error_id="MigrationTraceNotFound", category="ObjectNotFound"))
        last = self.params.get("Last") or (None if patterns else self.default_last)
        if last:
            traces = traces[-last:]
        return [migration_of(t) for t in traces]

    def selected(self) -> list[Migration]:
        return self.migrations if self.parameter_set == "InputObject" else self.lab_migrations()


class ShowLabMigration(TraceInputCmdlet):
    spec = cmdlet("Show-LabMigration", [
        *selection_params(names_position=0),
        p("Width", "System.Int32", validate=[ValidateRange(72, 1000)]),
    ], default_set="Lab")
    dotnet_class = f"{LAB_COMMANDS}.ShowLabMigration"
    default_last = 1

    def end(self) -> None:
        from ...lessons import observed
        from ...report.terminal import picture

        width = self.params.get("Width") or min(self.ctx.host.width - 1, 100)
        migrations = self.selected()
        for index, migration in enumerate(migrations):
            if index:
                self.write("")
            for line in picture(migration, width):
                self.write(line)
        if migrations:
            observed.note(self.ctx, self.name, [m.vm for m in migrations])
