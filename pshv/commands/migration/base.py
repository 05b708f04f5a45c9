"""What Move-VM and Move-VMStorage share: -WhatIf/-Confirm, starting a move on the service with
progress, verbose and event-log callbacks, -AsJob hand-over, waiting, and the error records."""

from __future__ import annotations

from collections.abc import Callable

from ...lab import filesystem as F
from ...lab.compat import Incompatibility
from ...lab.model import UnknownObject
from ...lab.ops import LabOperationError
from ...migration.service import Migration, MigrationService
from ...runtime.objects import Hashtable
from ..hyperv.common import HyperVCmdlet, fs_message
from ..jobs.service import JOB_COLLECTOR, job_service
from . import errors
from .progress import progress_sink, verbose_sink
from .service import CheckRecorder, EventJournal, last_findings, migration_service, wait

Starter = Callable[..., Migration]
"""Starts a move on the service, given the `progress` and `verbose` callbacks."""


class MoveCmdlet(HyperVCmdlet):
    unsupported = ()

    @property
    def service(self) -> MigrationService:
        return migration_service(self.ctx)

    def approved(self, target: str) -> bool:
        """ShouldProcess: -WhatIf prints and refuses; -Confirm asks."""
        if not self.should_process(target):
            return False
        if self.ctx.frame.confirm:
            return self.confirm("Are you sure you want to perform this action?\n"
                                f'Performing the operation "{self.name}" on target "{target}".')
        return True

    def vhd_destinations(self) -> dict[str, str] | None:
        """-Vhds: @{SourceFilePath=...; DestinationFilePath=...} per disk."""
        tables: list[Hashtable] | None = self.params.get("Vhds")
        if not tables:
            return None
        found: dict[str, str] = {}
        for table in tables:
            keys = {str(k).casefold(): k for k in table}
            if "sourcefilepath" not in keys or "destinationfilepath" not in keys:
                raise self.fail(errors.refused_path(
                    "Each hashtable of the Vhds parameter must have the keys SourceFilePath and DestinationFilePath."))
            source = F.normalize_path(str(table[keys["sourcefilepath"]]))
            found[source] = F.normalize_path(str(table[keys["destinationfilepath"]]))
        return found

    def run_move(self, start: Starter, report_view: Callable[[list[Incompatibility], Migration], object]
                 ) -> Migration | None:
        """Start a move, then hand it to a job (-AsJob) or wait for it; failures become errors."""
        service = self.service
        if isinstance(service.checker, CheckRecorder):
            service.checker.last = []
        as_job = bool(self.params.get("AsJob"))
        collector = self.ctx.services.get(JOB_COLLECTOR)
        background = as_job or collector is not None
        sink = None if background else progress_sink(self, lambda mid: _finished(service, mid))
        journal = EventJournal(service, sink)
        try:
            migration = start(progress=journal, verbose=None if background else verbose_sink(self))
        except F.FsError as error:
            self.error(errors.refused_path(fs_message(error)))
            return None
        except (LabOperationError, UnknownObject) as error:
            self.error(errors.refused_path(str(error)))
            return None
        if migration.done:
            findings = last_findings(service)
            if findings:
                error = errors.check_failure(migration, findings, lambda: report_view(findings, migration))
            else:
                error = errors.run_failure(migration)
            if as_job:
                self.write(job_service(self.ctx).failed_job(self.name, self.fail(error)))
            else:
                self.error(error)
            return None
        journal.started(migration)
        if as_job:
            self.write(job_service(self.ctx).migration_job(self.ctx, migration, self.name, cmdlet=self))
            return None
        if collector is not None:
            collector(migration, self)
            return migration
        wait(self.ctx, service, migration)
        if migration.trace.Result != "Completed":
            self.error(errors.run_failure(migration))
            return None
        return migration


def _finished(service: MigrationService, migration_id: int) -> bool:
    return any(m.id == migration_id and m.done for m in service.migrations)
