"""Start-Job (5.1 BackgroundJob) and Start-ThreadJob (ThreadJob module): script blocks run
as jobs inside the emulator (see `runner.py`)."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import cmdlet, p
from .model import AUTOMATION, Job, JobWork
from .runner import run_job_script
from .service import job_service

SCRIPT_BLOCK = "System.Management.Automation.ScriptBlock"
BACKGROUND_TYPE_NAMES = (f"{AUTOMATION}.PSRemotingJob", f"{AUTOMATION}.Job", "System.Object")
THREAD_TYPE_NAMES = ("ThreadJob.ThreadJob", f"{AUTOMATION}.Job2", f"{AUTOMATION}.Job", "System.Object")
LOCAL_SETS = "ComputerName,FilePathComputerName,LiteralFilePathComputerName"


class _StartJobBase(Cmdlet):
    """Collects pipeline input, then runs the job's script block once, at the end."""

    unsupported: tuple[tuple[str, str], ...] = ()

    def begin(self) -> None:
        for name, why in self.unsupported:
            if self.given(name) and self.params.get(name) not in (None, False):
                raise self.fail(E.PSNotSupportedException(
                    f"The pshv emulator does not support the -{name} parameter of {self.name}: {why}.",
                    error_id="NotSupported", category="NotImplemented"))
        self.inputs: list = []

    def process(self) -> None:
        if self.has_input:
            self.inputs.append(self.params.get("InputObject"))

    def run(self, work: JobWork) -> None:
        block = self.params["ScriptBlock"]
        arguments = list(self.params.get("ArgumentList") or [])
        inputs = self.inputs if self.given("InputObject") or self.inputs else None
        run_job_script(self.ctx, work, block, self.params.get("InitializationScript"), arguments, inputs)


class StartJob(_StartJobBase):
    spec = cmdlet("Start-Job", [
        p("ScriptBlock", SCRIPT_BLOCK, aliases=["Command"], sets={"ComputerName": dict(position=0, mandatory=True)}),
        p("FilePath", "System.String", sets={"FilePathComputerName": dict(position=0, mandatory=True)}),
        p("LiteralPath", "System.String", aliases=["PSPath", "LP"],
          sets={"LiteralFilePathComputerName": dict(mandatory=True)}),
        p("DefinitionName", "System.String", sets={"DefinitionName": dict(position=0, mandatory=True)}),
        p("DefinitionPath", "System.String", sets={"DefinitionName": dict(position=1)}),
        p("Type", "System.String", sets={"DefinitionName": dict(position=2)}),
        p("InitializationScript", SCRIPT_BLOCK, sets={s: dict(position=1) for s in LOCAL_SETS.split(",")}),
        p("Name", "System.String", sets=LOCAL_SETS, by_property_name=True),
        p("Credential", "System.Management.Automation.PSCredential", sets=LOCAL_SETS),
        p("Authentication", "System.Management.Automation.Runspaces.AuthenticationMechanism", sets=LOCAL_SETS),
        p("RunAs32", "switch", sets=LOCAL_SETS),
        p("PSVersion", "System.Version", sets=LOCAL_SETS),
        p("InputObject", "System.Management.Automation.PSObject", sets=LOCAL_SETS, pipeline=True),
        p("ArgumentList", "System.Object[]", aliases=["Args"], sets=LOCAL_SETS),
    ], default_set="ComputerName")
    dotnet_class = "Microsoft.PowerShell.Commands.StartJobCommand"
    unsupported = (
        ("FilePath", "run the script's text with -ScriptBlock ([scriptblock]::Create((Get-Content ... -Raw)))"),
        ("LiteralPath", "run the script's text with -ScriptBlock"),
        ("DefinitionName", "scheduled-job definitions are not modelled"),
        ("Credential", "jobs run as the current user"),
        ("Authentication", "jobs run in this session's lab"),
        ("RunAs32", "there is no 32-bit PowerShell in the lab"),
        ("PSVersion", "jobs run in Windows PowerShell 5.1"),
    )

    def end(self) -> None:
        service = job_service(self.ctx)
        work = service.work()
        block = self.params["ScriptBlock"]
        job = service.parent_with_child(self.params.get("Name"), self.ctx.to_string(block), "localhost",
                                        "BackgroundJob", BACKGROUND_TYPE_NAMES, work)
        self.run(work)
        self.write(job)


class StartThreadJob(_StartJobBase):
    spec = cmdlet("Start-ThreadJob", [
        p("ScriptBlock", SCRIPT_BLOCK, sets={"ScriptBlock": dict(position=0, mandatory=True)}),
        p("FilePath", "System.String", sets={"FilePath": dict(position=0, mandatory=True)}),
        p("Name", "System.String"),
        p("InitializationScript", SCRIPT_BLOCK),
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True),
        p("ArgumentList", "System.Object[]"),
        p("ThrottleLimit", "System.Int32"),
        p("StreamingHost", "System.Management.Automation.Host.PSHost"),
    ], default_set="ScriptBlock")
    dotnet_class = "ThreadJob.StartThreadJobCommand"
    unsupported = (
        ("FilePath", "run the script's text with -ScriptBlock"),
        ("ThrottleLimit", "thread jobs start at once; the migration limits of the hosts and clusters apply"),
        ("StreamingHost", "job output is kept for Receive-Job"),
    )

    def end(self) -> None:
        service = job_service(self.ctx)
        work = service.work()
        job_id = service.next_id()
        job = service.add(Job(job_id, self.params.get("Name") or f"Job{job_id}", self.ctx.to_string(
            self.params["ScriptBlock"]), "PowerShell", "ThreadJob", work, THREAD_TYPE_NAMES))
        self.run(work)
        self.write(job)
