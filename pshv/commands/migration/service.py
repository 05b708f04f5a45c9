"""The shell's side of the migration core: one `MigrationService` per lab, kept in
`ctx.services['migration']`, the `on_sleep` hook that lets background migrations run while the
script sleeps, where a move is run from, synchronous waiting (paced for the REPL), and the
start / completion events each migration leaves in the VMMS log."""

from __future__ import annotations

import time
from typing import Any

from ...lab.compat import Incompatibility, check_migration
from ...lab.enums import EventLevel
from ...lab.model import Lab, VirtualMachine
from ...migration.adapter import log
from ...migration.service import Migration, MigrationService
from ...migration.trace import ProgressEvent

PACING_STEP_SECONDS = 0.5
"""Lab seconds a paced (REPL) migration advances between two real-time pauses."""

EVENT_MIGRATION_STARTED = 20413
EVENT_MIGRATION_COMPLETED = 20415
# Ids of the VMMS "initiated" and "completed" live-migration events; the lab uses them for every
# kind of move (quick and storage moves have no published ids of their own).

_WHAT = {"Live": "live migration", "SharedNothing": "live migration", "Quick": "quick migration",
         "Storage": "storage migration"}


class CheckRecorder:
    """The service's checker: runs the lab's compatibility checks and keeps the last findings,
    so the cmdlet can show them the way Hyper-V does."""

    def __init__(self) -> None:
        self.last: list[Incompatibility] = []

    def __call__(self, lab: Lab, vm: VirtualMachine, destination_host: str, **options: Any) -> list[Incompatibility]:
        self.last = check_migration(lab, vm, destination_host, **options)
        return self.last


def migration_service(ctx) -> MigrationService:
    """The lab's migration service, created on first use (and again if the lab was replaced)."""
    lab = ctx.services["lab"].lab
    service = ctx.services.get("migration")
    if service is None or service.lab is not lab:
        service = MigrationService(lab, checker=CheckRecorder())
        ctx.services["migration"] = service
        ctx.services["on_sleep"] = lambda seconds: migration_service(ctx).advance(seconds)
    return service


def last_findings(service: MigrationService) -> list[Incompatibility]:
    checker = service.checker
    return list(checker.last) if isinstance(checker, CheckRecorder) else []


def run_from_host(ctx) -> str:
    """Where the command runs: the remote session's host, else this computer."""
    remote = ctx.services.get("remote_host")
    if remote:
        return str(getattr(remote, "name", remote))
    return ctx.env.get("COMPUTERNAME") or ctx.services["lab"].lab.console_host


def wait(ctx, service: MigrationService, migration: Migration) -> None:
    """Run the lab clock until the migration ends; in the REPL (``ctx.services['pacing']``, real
    seconds per lab second) in small steps, so the move runs at a visible speed."""
    pacing = ctx.services.get("pacing")
    try:
        if not isinstance(pacing, (int, float)) or pacing <= 0:
            service.wait(migration)
            return
        while not migration.done:
            service.wait(migration, timeout=PACING_STEP_SECONDS)
            if not migration.done:
                time.sleep(PACING_STEP_SECONDS * pacing)
    except KeyboardInterrupt:  # Ctrl+C in the console cancels the move as Stop-Job would
        service.cancel(migration)
        raise


class EventJournal:
    """A migration's progress callback that logs its start and completion in the VMMS log and
    passes progress on (to Write-Progress) while a cmdlet is listening."""

    def __init__(self, service: MigrationService, sink=None) -> None:
        self.service = service
        self.sink = sink
        self.migration: Migration | None = None
        self._logged_end = False

    def started(self, migration: Migration) -> None:
        """Called once the service accepted the move (checks passed)."""
        self.migration = migration
        if migration.done:
            return
        trace = migration.trace
        target = (f"to destination host '{trace.Destination}'" if trace.Kind != "Storage"
                  else f"on host '{trace.Source}'")
        log(self.service.lab, trace.Source, EVENT_MIGRATION_STARTED,
            f"The Virtual Machine Management service initiated the {_WHAT[trace.Kind]} of virtual machine "
            f"'{trace.VMName}' {target} (Virtual machine ID {_vm_id(migration)}).", EventLevel.Information)

    def __call__(self, event: ProgressEvent) -> None:
        migration = self.migration
        if migration is not None and migration.trace.Result == "Completed" and not self._logged_end:
            self._logged_end = True
            self._log_completion(migration)
        if self.sink is not None:
            self.sink(event)

    def _log_completion(self, migration: Migration) -> None:
        trace = migration.trace
        if trace.Kind in ("Live", "SharedNothing"):
            from ...migration import texts

            if trace.BlackoutSeconds > texts.LONG_BLACKOUT_SECONDS:
                return  # the core logged event 20417 instead
            detail = f" with a blackout time of {trace.BlackoutSeconds:.1f} seconds"
        else:
            detail = ""
        log(self.service.lab, trace.Destination, EVENT_MIGRATION_COMPLETED,
            f"The Virtual Machine Management service successfully completed the {_WHAT[trace.Kind]} of virtual "
            f"machine '{trace.VMName}'{detail} (Virtual machine ID {_vm_id(migration)}).", EventLevel.Information)


def _vm_id(migration: Migration) -> str:
    return str(migration.vm.id).upper()
