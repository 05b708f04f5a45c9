"""What every Hyper-V cmdlet shares: the lab, host resolution from -ComputerName/-CimSession,
VM lookup by name or object, confirmation prompts and the standard error records."""

from __future__ import annotations

from typing import NoReturn

from ...lab import filesystem as F
from ...lab.model import Host, Lab, VirtualMachine as LabVM
from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.operators import like
from ...runtime.params import p
from .cim import register_cim_types
from .enums import register_enums
from .objects import HostSettings, VirtualMachine, register_types
from .views import register_views

register_enums()
register_types()
register_cim_types()

COMMANDS = "Microsoft.HyperV.PowerShell.Commands"
VM_TYPE = "Microsoft.HyperV.PowerShell.VirtualMachine"
WILDCARD_CHARS = set("*?[")

NON_INTERACTIVE = "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): '


def remote(sets: str | None = None) -> list:
    """-CimSession, -ComputerName and -Credential, in `sets` (default: every set)."""
    return [
        p("CimSession", "Microsoft.Management.Infrastructure.CimSession[]", sets=sets),
        p("ComputerName", "System.String[]", sets=sets),
        p("Credential", "System.Management.Automation.PSCredential[]", sets=sets),
    ]


def hv_error(message: str, reason: str, category: str, target: object = None) -> E.PSException:
    """A VirtualizationException record: FullyQualifiedErrorId `<reason>,<cmdlet class>`."""
    return E.VirtualizationException(message, error_id=reason, category=category, target=target)


def has_wildcard(text: str) -> bool:
    return any(char in WILDCARD_CHARS for char in text)


def name_matches(name: str, pattern: str) -> bool:
    return like(name, pattern) if has_wildcard(pattern) else name.casefold() == pattern.casefold()


def fs_message(error: F.FsError, *, missing_file: bool = True) -> str:
    """The Win32 text Hyper-V shows for a file-system failure (a missing file, or a missing folder
    when not `missing_file`)."""
    if isinstance(error, F.VolumeFull):
        return "There is not enough space on the disk. (0x80070070)"
    if isinstance(error, F.PathExists):
        return "The file exists. (0x80070050)"
    if isinstance(error, F.AccessDenied):
        return "General access denied error (0x80070005)."
    if isinstance(error, F.FileInUse):
        return "The process cannot access the file because it is being used by another process. (0x80070020)"
    if isinstance(error, F.InvalidPath):
        return "The filename, directory name, or volume label syntax is incorrect. (0x8007007B)"
    if isinstance(error, (F.NotAFile, F.NotAFolder)):
        return "The directory name is invalid. (0x8007010B)"
    if isinstance(error, F.PathNotFound) and missing_file and not isinstance(error, F.DriveNotFound):
        return "The system cannot find the file specified. (0x80070002)"
    return "The system cannot find the path specified. (0x80070003)"


class HyperVCmdlet(Cmdlet):
    """Base of the Hyper-V cmdlets: the lab, target hosts, VM lookup, prompts, errors."""

    unsupported: tuple[str, ...] = ("AsJob",)
    """Parameters the emulator refuses (with a NotSupported error) when given."""
    unsupported_reason = ""

    def begin(self) -> None:
        register_views()
        for name in self.unsupported:
            value = self.params.get(name)
            if self.given(name) and value is not None and value is not False:
                self.refuse(name, self.unsupported_reason)
        self._confirm_all: bool | None = None

    # ------------------------------------------------------------------ the lab

    @property
    def lab(self) -> Lab:
        return self.ctx.services["lab"].lab

    def local_name(self) -> str:
        return self.ctx.env.get("COMPUTERNAME") or self.lab.console_host

    def host_settings(self, host: Host) -> HostSettings:
        store = self.ctx.services.setdefault("hyperv.host_settings", {})
        key = (id(self.lab), host.name.casefold())
        if key not in store:
            store[key] = HostSettings(host)
        return store[key]

    def resolve_host(self, name: str) -> Host | None:
        """A host by NetBIOS name, FQDN or IP address; '.', 'localhost' and '' mean this computer."""
        if name in ("", ".") or name.casefold() == "localhost":
            name = self.local_name()
        found = self.lab.find_host(name)
        if found is None:
            found = next((h for h in self.lab.hosts if any(n.address == name for n in h.nics)), None)
        return found

    def target_hosts(self, cim_param: str = "CimSession", name_param: str = "ComputerName") -> list[Host]:
        """The Hyper-V hosts the cmdlet acts on; unknown hosts and hosts without Hyper-V are
        reported (non-terminating) and skipped."""
        sessions = self.params.get(cim_param)
        if sessions:
            names = [session.ComputerName for session in sessions]
        else:
            names = list(self.params.get(name_param) or [self.local_name()])
        hosts: list[Host] = []
        for name in names:
            host = self.resolve_host(name)
            if host is None:
                self.error(hv_error(
                    f"The computer '{name}' could not be resolved. Make sure you typed the machine name correctly "
                    "and that you have network access.", "ObjectNotFound", "ObjectNotFound", name))
                continue
            if not host.hyperv_installed:
                self.error(hv_error(
                    f"The Hyper-V Management Tools could not access an expected WMI class on computer '{name}'. "
                    "This may indicate that the Hyper-V Platform is not installed on the computer or that the "
                    "version of the Hyper-V Platform is incompatible with these management tools.",
                    "Unspecified", "NotSpecified"))
                continue
            if not any(h is host for h in hosts):
                hosts.append(host)
        return hosts

    # ------------------------------------------------------------------ virtual machines

    def vm_not_found(self, name: str, by_vm_name: bool) -> E.PSException:
        message = f'Hyper-V was unable to find a virtual machine with name "{name}".'
        if by_vm_name:
            return hv_error(message, "ObjectNotFound", "ObjectNotFound")
        return hv_error(message, "InvalidParameter", "InvalidArgument", name)

    def vms_named(self, names: list[str], hosts: list[Host], *, by_vm_name: bool = False) -> list[LabVM]:
        """VMs on `hosts` matching each name (wildcards allowed); a plain name that matches
        nothing is reported."""
        found: list[LabVM] = []
        for name in names:
            matched = [vm for host in hosts for vm in host.vms if name_matches(vm.name, name)]
            if not matched and not has_wildcard(name):
                self.error(self.vm_not_found(name, by_vm_name))
            found.extend(vm for vm in matched if not any(vm is seen for seen in found))
        return found

    def live_vms(self, views: list[VirtualMachine]) -> list[LabVM]:
        """The lab VMs behind -VM objects; deleted ones are reported."""
        found = []
        for view in views:
            if self.lab.vm_by_id(view.vm.id) is None:
                self.error(self.vm_not_found(view.vm.name, True))
            else:
                found.append(view.vm)
        return found

    def selected_vms(self, *, name_param: str = "Name", by_vm_name: bool = False) -> list[LabVM]:
        """The VMs of a Name/VMName set (with -ComputerName/-CimSession) or a VMObject set."""
        views = self.params.get("VM")
        if views is not None:
            return self.live_vms(views)
        return self.vms_named(self.params.get(name_param) or [], self.target_hosts(), by_vm_name=by_vm_name)

    def refuse_snapshot_set(self) -> None:
        """The VMSnapshot sets of the hardware cmdlets: the lab keeps no hardware per checkpoint."""
        if self.parameter_set == "VMSnapshot":
            self.refuse("VMSnapshot", "the lab does not record the hardware of a checkpoint")

    def view(self, vm: LabVM) -> VirtualMachine:
        return VirtualMachine(self.lab, vm)

    def host_of(self, vm: LabVM) -> Host:
        return self.lab.host_of(vm)

    # ------------------------------------------------------------------ prompts and refusals

    def confirm(self, question: str) -> bool:
        """ShouldContinue: -Force answers yes; a host that cannot prompt is a terminating error."""
        if self.params.get("Force"):
            return True
        if self._confirm_all is not None:
            return self._confirm_all
        host = self.ctx.host
        if not host.interactive:
            raise self.fail(E.HostException(NON_INTERACTIVE, error_id="HostInNonInteractiveMode",
                                            category="InvalidOperation"))
        host.write(f"\nConfirm\n{question}\n")
        while True:
            answer = host.read_line(CHOICES)
            choice = (answer if answer is not None else "n").strip().casefold() or "y"
            if choice in ("y", "n"):
                return choice == "y"
            if choice in ("a", "l"):
                self._confirm_all = choice == "a"
                return self._confirm_all

    def refuse(self, parameter: str, why: str = "") -> NoReturn:
        reason = why or "the emulator has no model for it"
        raise self.fail(E.PSNotSupportedException(
            f"The pshv emulator does not support the -{parameter} parameter of {self.name}: {reason}.",
            error_id="NotSupported", category="NotImplemented"))
