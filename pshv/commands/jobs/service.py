"""The shell's job repository, `ctx.services['jobs']`, and how jobs move with the lab clock.

Hooks other commands use:
* `migration_job(ctx, migration, cmdlet_name, cmdlet=...)` — Move-VM / Move-VMStorage -AsJob hand
  their started (or already failed) migration over and write the Job it returns.
* `ctx.services['jobs.collector']` (`JOB_COLLECTOR`) — set while a Start-Job / Start-ThreadJob
  script block runs: `collector(migration, cmdlet)`.  Move-VM / Move-VMStorage inside the block
  register their migration with the job instead of waiting for it, so the moves of several jobs
  run concurrently in the migration core; the job stays Running until they end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ...runtime import errors as E
from ..migration.service import migration_service
from .model import AUTOMATION, FINISHED, Job, JobWork, Pending

JOB_COLLECTOR = "jobs.collector"
MIGRATION_JOB_TYPE = "VirtualMachineMigration"
"""PSJobTypeName of -AsJob migration jobs: no public transcript shows the Hyper-V module's name
for it, so the emulator names it after what the job does."""
JOB_TYPE_NAMES = (f"{AUTOMATION}.Job", "System.Object")


class JobService:
    """Every job of the shell, in creation order, with session-wide ids."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.jobs: list[Job] = []
        self._last_id = 0

    # ------------------------------------------------------------------ ids and time

    def next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def now_seconds(self) -> float:
        return self.ctx.services["lab"].lab.clock.seconds

    # ------------------------------------------------------------------ creating jobs

    def add(self, job: Job) -> Job:
        self.jobs.append(job)
        return job

    def work(self, *, fail_on_migration_error: bool = False) -> JobWork:
        return JobWork(self.now_seconds(), fail_on_migration_error=fail_on_migration_error)

    def parent_with_child(self, name: str | None, command: str, location: str, job_type: str,
                          type_names: tuple[str, ...], work: JobWork) -> Job:
        """A job and the one child job that holds its results (ids n and n+1)."""
        parent_id = self.next_id()
        child_id = self.next_id()
        child = Job(child_id, f"Job{child_id}", command, location, "", work, JOB_TYPE_NAMES)
        return self.add(Job(parent_id, name or f"Job{parent_id}", command, location, job_type, work,
                            type_names, [child]))

    def migration_job(self, ctx, migration, cmdlet_name: str, *, cmdlet=None) -> Job:
        """The Job of a Move-VM / Move-VMStorage -AsJob: Running while the migration runs, then
        Completed, Failed (its error record in the job's Error stream) or Stopped."""
        from ..migration import errors

        work = self.work(fail_on_migration_error=True)
        work.script_end_seconds = work.begin_seconds
        work.pending.append(Pending(migration, _failure(cmdlet, lambda: errors.run_failure(migration))))
        return self.parent_with_child(None, cmdlet_name, "localhost", MIGRATION_JOB_TYPE, JOB_TYPE_NAMES, work)

    def failed_job(self, cmdlet_name: str, error: E.PSException) -> Job:
        """An -AsJob command whose work was refused at once: a job that is already Failed."""
        work = self.work(fail_on_migration_error=True)
        work.script_end_seconds = work.begin_seconds
        work.errors.append(error.record)
        work.reason = error
        return self.parent_with_child(None, cmdlet_name, "localhost", MIGRATION_JOB_TYPE, JOB_TYPE_NAMES, work)

    # ------------------------------------------------------------------ time passing

    def wait_until(self, done: Callable[[], bool], timeout: float | None = None) -> bool:
        """Let lab time pass (migrations run) until `done()` or `timeout` lab seconds; whether done."""
        if done():
            return True
        if not self._waiting_on_migrations():
            return done()
        service = migration_service(self.ctx)
        service.advance(0)
        until = None if timeout is None else service.engine.now + timeout
        service.engine.run(until=until, stop=done)
        return done()

    def _waiting_on_migrations(self) -> bool:
        return any(not entry.migration.done for job in self.jobs for entry in job.work.pending)

    def stop(self, job: Job) -> None:
        """Stop-Job: cancel the job's migrations (the VMs stay on their source) and mark it Stopped."""
        if job.finished:
            return
        pending = [entry.migration for entry in job.work.pending if not entry.migration.done]
        job.work.stop(self.now_seconds())
        if pending:
            service = migration_service(self.ctx)
            for migration in pending:
                service.cancel(migration)
            service.advance(0)

    # ------------------------------------------------------------------ queries

    def top_level(self) -> list[Job]:
        return list(self.jobs)

    def remove(self, job: Job) -> None:
        self.jobs = [j for j in self.jobs if j is not job]

    @staticmethod
    def all_finished(jobs: Iterable[Job]) -> bool:
        return all(job.State in FINISHED for job in jobs)


def _failure(cmdlet, make: Callable[[], E.PSException]) -> Callable[[], E.PSException]:
    """The error of a failed move, stamped with the command that started it (name, position)."""
    if cmdlet is None:
        return make
    return lambda: cmdlet.fail(make())


def job_service(ctx) -> JobService:
    """The shell's job service, created on first use."""
    service = ctx.services.get("jobs")
    if service is None:
        service = ctx.services["jobs"] = JobService(ctx)
    return service
