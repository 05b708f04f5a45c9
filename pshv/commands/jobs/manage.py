"""Get-Job, Wait-Job, Receive-Job, Stop-Job, Remove-Job: choosing jobs the way JobCmdletBase
does (by id, name, instance id, state, command or object, with its 'not found' errors) and acting
on them on the lab clock."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.operators import like
from ...runtime.params import cmdlet, p
from .model import FINISHED, Job
from .service import JobService, job_service

COMMANDS = "Microsoft.PowerShell.Commands"
JOB_ARRAY = "System.Management.Automation.Job[]"
STATE = "System.Management.Automation.JobState"
ID_SET, NAME_SET, INSTANCE_SET = "SessionIdParameterSet", "NameParameterSet", "InstanceIdParameterSet"
STATE_SET, COMMAND_SET, FILTER_SET, JOB_SET = (
    "StateParameterSet", "CommandParameterSet", "FilterParameterSet", "JobParameterSet")


def _selectors(*, job_set: bool = True, command_set: bool = False, id_mandatory: bool = True) -> list:
    """The parameters every job cmdlet selects jobs with (JobCmdletBase)."""
    selectors = [
        p("Id", "System.Int32[]", sets={ID_SET: dict(position=0, mandatory=id_mandatory, by_property_name=True)}),
        p("Name", "System.String[]", sets={NAME_SET: dict(position=0, mandatory=True, by_property_name=True)}),
        p("InstanceId", "System.Guid[]", sets={INSTANCE_SET: dict(position=0, mandatory=True,
                                                                 by_property_name=True)}),
        p("State", STATE, sets={STATE_SET: dict(position=0, mandatory=True, by_property_name=True)}),
        p("Filter", "System.Collections.Hashtable", sets={FILTER_SET: dict(position=0, mandatory=True,
                                                                          by_property_name=True)}),
    ]
    if job_set:
        selectors.append(p("Job", JOB_ARRAY, sets={JOB_SET: dict(position=0, mandatory=True, pipeline=True,
                                                                by_property_name=True)}))
    if command_set:
        selectors.append(p("Command", "System.String[]", sets={COMMAND_SET: dict(by_property_name=True)}))
    return selectors


def _not_found(message: str, error_id: str, target: object) -> E.PSException:
    return E.PSArgumentException(message, error_id=error_id, category="ObjectNotFound", target=target)


class JobCmdlet(Cmdlet):
    """Selection of jobs by the chosen parameter set."""

    def begin(self) -> None:
        if self.parameter_set == FILTER_SET:
            raise self.fail(E.PSNotSupportedException(
                f"The pshv emulator does not support the -Filter parameter of {self.name}: it applies to custom "
                "job types (workflow and scheduled jobs), which the emulator does not have.",
                error_id="NotSupported", category="NotImplemented"))

    @property
    def service(self) -> JobService:
        return job_service(self.ctx)

    def everything(self) -> list[Job]:
        """Top-level jobs, then every child job (the search order for ids and names)."""
        found: list[Job] = []
        pending = self.service.top_level()
        while pending:
            found.extend(pending)
            pending = [child for job in pending for child in job.children]
        return found

    def selected(self, *, removable: bool = False) -> list[Job]:
        """The jobs the command names; 'not found' and 'not finished' are non-terminating errors."""
        chosen = self._chosen()
        if not removable:
            return chosen
        return [job for job in chosen if self._removable(job)]

    def _chosen(self) -> list[Job]:
        set_name = self.parameter_set
        top = self.service.top_level()
        if set_name == JOB_SET:
            return list(self.params.get("Job") or [])
        if set_name == ID_SET:
            ids = self.params.get("Id")
            if ids is None:
                return top
            chosen = []
            for job_id in ids:
                match = next((j for j in self.everything() if j.Id == job_id), None)
                if match is None:
                    self.error(_not_found(
                        f"The command cannot find a job with the job ID {job_id}. Verify the value of the Id "
                        "parameter and then try the command again.", "JobWithSpecifiedSessionNotFound", job_id))
                else:
                    chosen.append(match)
            return chosen
        if set_name == NAME_SET:
            chosen = []
            for name in self.params["Name"]:
                matches = [j for j in self.everything() if like(j.Name, name)]
                if not matches and not any(c in name for c in "*?["):
                    self.error(_not_found(
                        f"The command cannot find the job because the job name {name} was not found. Verify the "
                        "value of the Name parameter, and then try the command again.",
                        "JobWithSpecifiedNameNotFound", name))
                chosen.extend(j for j in matches if j not in chosen)
            return chosen
        if set_name == INSTANCE_SET:
            chosen = []
            for instance_id in self.params["InstanceId"]:
                match = next((j for j in self.everything() if j.InstanceId == instance_id), None)
                if match is None:
                    self.error(_not_found(
                        f"The command cannot find a job with the instance identifier {instance_id}. Verify the "
                        "value of the InstanceId parameter, and then try the command again.",
                        "JobWithSpecifiedInstanceIdNotFound", instance_id))
                else:
                    chosen.append(match)
            return chosen
        if set_name == STATE_SET:
            return [j for j in top if j.State == self.params["State"]]
        if set_name == COMMAND_SET:
            commands = self.params.get("Command") or []
            return [j for j in top if any(j.Command.strip().casefold() == c.strip().casefold()
                                          or like(j.Command.strip(), c) for c in commands)]
        return top

    def _removable(self, job: Job) -> bool:
        if self.params.get("Force") or job.State in FINISHED:
            return True
        if self.parameter_set == NAME_SET:
            message = (f"The command cannot remove the job with the job ID {job.Id} and the name {job.Name} because "
                       "the job is not finished. To remove the job, first stop the job, or use the Force parameter.")
            parameter = "Name"
        elif self.parameter_set == INSTANCE_SET:
            message = (f"The command cannot remove the job with the job ID {job.Id} and the instance identifier "
                       f"{job.InstanceId} because the job is not finished. To remove the job, first stop the job "
                       "or use the Force parameter.")
            parameter = "InstanceId"
        else:
            message = (f"The command cannot remove the job with the job ID {job.Id} because the job is not finished. "
                       "To remove the job, first stop the job, or use the Force parameter.")
            parameter = "Job" if self.parameter_set == JOB_SET else "SessionId"
        self.error(E.ArgumentException(f"{message}\nParameter name: {parameter}",
                                       error_id="JobObjectNotFinishedCannotBeRemoved", category="InvalidOperation",
                                       target=job))
        return False


class GetJob(JobCmdlet):
    spec = cmdlet("Get-Job", [
        *_selectors(job_set=False, command_set=True, id_mandatory=False),
        p("IncludeChildJob", "switch", sets=f"{ID_SET},{NAME_SET},{INSTANCE_SET},{STATE_SET},{COMMAND_SET}"),
        p("ChildJobState", STATE, sets=f"{ID_SET},{NAME_SET},{INSTANCE_SET},{STATE_SET},{COMMAND_SET}"),
        p("HasMoreData", "System.Boolean", sets=f"{ID_SET},{NAME_SET},{INSTANCE_SET},{STATE_SET},{COMMAND_SET}"),
        p("Before", "System.DateTime", sets=f"{ID_SET},{NAME_SET},{INSTANCE_SET},{STATE_SET},{COMMAND_SET}"),
        p("After", "System.DateTime", sets=f"{ID_SET},{NAME_SET},{INSTANCE_SET},{STATE_SET},{COMMAND_SET}"),
        p("Newest", "System.Int32", sets=f"{ID_SET},{NAME_SET},{INSTANCE_SET},{STATE_SET},{COMMAND_SET}"),
    ], default_set=ID_SET)
    dotnet_class = f"{COMMANDS}.GetJobCommand"

    def process(self) -> None:
        jobs = self.selected()
        if self.params.get("IncludeChildJob"):
            child_state = self.params.get("ChildJobState")
            jobs = [item for job in jobs for item in [job, *[c for c in job.children
                                                             if child_state is None or c.State == child_state]]]
        if self.params.get("HasMoreData") is not None:
            jobs = [j for j in jobs if j.HasMoreData == bool(self.params["HasMoreData"])]
        if self.params.get("Before") is not None:
            jobs = [j for j in jobs if j.PSEndTime is not None and j.PSEndTime < self.params["Before"]]
        if self.params.get("After") is not None:
            jobs = [j for j in jobs if j.PSEndTime is not None and j.PSEndTime > self.params["After"]]
        if self.params.get("Newest") is not None:
            jobs = sorted(jobs, key=lambda j: (j.PSBeginTime, j.Id), reverse=True)[: int(self.params["Newest"])]
        for job in jobs:
            self.write(job)


class WaitJob(JobCmdlet):
    spec = cmdlet("Wait-Job", [
        *_selectors(),
        p("Any", "switch"),
        p("Timeout", "System.Int32", aliases=["TimeoutSec"]),
        p("Force", "switch"),
    ], default_set=ID_SET)
    dotnet_class = f"{COMMANDS}.WaitJobCommand"

    def begin(self) -> None:
        super().begin()
        self.waiting: list[Job] = []

    def process(self) -> None:
        self.waiting.extend(j for j in self.selected() if j not in self.waiting)

    def end(self) -> None:
        jobs = self.waiting
        if not jobs:
            return
        timeout = self.params.get("Timeout")
        seconds = None if timeout is None or int(timeout) < 0 else float(timeout)
        if self.params.get("Any"):
            self.service.wait_until(lambda: any(j.finished for j in jobs), seconds)
            first = next((j for j in jobs if j.finished), None)
            if first is not None:
                self.write(first)
            return
        if self.service.wait_until(lambda: all(j.finished for j in jobs), seconds):
            for job in jobs:
                self.write(job)


class ReceiveJob(JobCmdlet):
    spec = cmdlet("Receive-Job", [
        p("Job", JOB_ARRAY, sets={s: dict(position=0, mandatory=True, pipeline=True, by_property_name=True)
                                  for s in ("Location", "ComputerName", "Session")}),
        p("Location", "System.String[]", sets={"Location": dict(position=1)}),
        p("ComputerName", "System.String[]", aliases=["Cn"], sets={"ComputerName": dict(position=1,
                                                                                        by_property_name=True)}),
        p("Session", "System.Management.Automation.Runspaces.PSSession[]", sets={"Session": dict(position=1)}),
        *[sel for sel in _selectors(job_set=False) if sel.name in ("Id", "Name", "InstanceId")],
        p("Keep", "switch"),
        p("NoRecurse", "switch"),
        p("Force", "switch"),
        p("Wait", "switch"),
        p("AutoRemoveJob", "switch"),
        p("WriteEvents", "switch"),
        p("WriteJobInResults", "switch"),
    ], default_set="Location")
    dotnet_class = f"{COMMANDS}.ReceiveJobCommand"

    def begin(self) -> None:
        super().begin()
        if self.parameter_set in ("ComputerName", "Session"):
            raise self.fail(E.PSNotSupportedException(
                f"The pshv emulator does not support the -{self.parameter_set} parameter of Receive-Job: the "
                "emulator's jobs run in this session.", error_id="NotSupported", category="NotImplemented"))
        if self.params.get("Wait") and self.params.get("Keep"):
            raise self.fail(E.PSArgumentException(
                "The Wait and Keep parameters cannot be used together in the same command.",
                error_id="BlockCannotBeUsedWithKeep", category="InvalidArgument"))
        if self.params.get("AutoRemoveJob") and not self.params.get("Wait"):
            raise self.fail(E.PSArgumentException(
                "The AutoRemoveJob parameter cannot be used without the Wait parameter.",
                error_id="AutoRemoveCannotBeUsedWithoutWait", category="InvalidArgument"))
        if self.params.get("WriteEvents") and not self.params.get("Wait"):
            raise self.fail(E.PSArgumentException(
                "The WriteEvents parameter cannot be used without the Wait parameter.",
                error_id="WriteEventsCannotBeUsedWithoutWait", category="InvalidArgument"))

    def _chosen(self) -> list[Job]:
        if self.parameter_set == "Location":
            jobs = list(self.params.get("Job") or [])
            locations = self.params.get("Location")
            return [j for j in jobs if locations is None or any(like(j.Location, loc) for loc in locations)]
        return super()._chosen()

    def process(self) -> None:
        for job in self.selected():
            if self.params.get("Wait"):
                self.service.wait_until(lambda job=job: job.finished)
            if self.params.get("WriteJobInResults"):
                self.write(job)
            holders = [job] if self.params.get("NoRecurse") else job.result_holders()
            for holder in holders:
                if holder.holds_results:
                    self._emit(holder)
            if self.params.get("AutoRemoveJob") and job.finished:
                self.service.remove(job)

    def _emit(self, job: Job) -> None:
        work = job.work
        work.refresh()
        keep = bool(self.params.get("Keep"))
        output, errors = list(work.output), list(work.errors)
        warnings, verbose, debug, information = (list(work.warnings), list(work.verbose), list(work.debug),
                                                 list(work.information))
        if not keep:
            for stream in (work.output, work.errors, work.warnings, work.verbose, work.debug, work.information):
                stream.clear()
        for item in output:
            self.write(item)
        for record in errors:
            self.ctx.write_error_record(record)
        for text in warnings:
            self.ctx.write_warning(str(text))
        for text in verbose:
            self.ctx.write_verbose(str(text))
        for text in debug:
            self.ctx.write_debug(str(text))
        for text in information:
            self.ctx.write_information(str(text), from_host=True)


class StopJob(JobCmdlet):
    spec = cmdlet("Stop-Job", [*_selectors(), p("PassThru", "switch")], default_set=ID_SET, should_process=True)
    dotnet_class = f"{COMMANDS}.StopJobCommand"

    def process(self) -> None:
        for job in self.selected():
            if not self.should_process(f'Command: {job.Command}, associated with a job that has an ID of "{job.Id}".',
                                       "Stop"):
                continue
            self.service.stop(job)
            if self.params.get("PassThru"):
                self.write(job)


class RemoveJob(JobCmdlet):
    spec = cmdlet("Remove-Job", [
        *_selectors(command_set=True),
        p("Force", "switch", aliases=["F"], sets=f"{ID_SET},{JOB_SET},{NAME_SET},{INSTANCE_SET},{FILTER_SET}"),
    ], default_set=ID_SET, should_process=True)
    dotnet_class = f"{COMMANDS}.RemoveJobCommand"

    def process(self) -> None:
        for job in self.selected(removable=True):
            target = f'Remote Command: {job.Command}, associated with a job that has an ID of "{job.Id}".'
            if not self.should_process(target, "Remove"):
                continue
            if job not in self.service.top_level():
                self.error(E.ArgumentException(
                    "The command cannot remove the job because it does not exist or because it is a child job. "
                    "Child jobs can be removed only by removing the parent job.",
                    error_id="CannotRemoveJob", category="InvalidOperation", target=job))
                continue
            if not job.finished:
                self.service.stop(job)
            self.service.remove(job)

