"""Start-VM, Stop-VM, Suspend-VM, Resume-VM, Restart-VM: a VM's power state."""

from __future__ import annotations

from ...lab import ops
from ...lab.enums import VMState
from ...lab.model import VirtualMachine as LabVM
from ...runtime.params import cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, hv_error, remote


def _state_sets(*extra, wait_sets: bool = False) -> list:
    """-Name (alias VMName) with -ComputerName/-CimSession, or -VM; plus AsJob/Passthru."""
    name_sets = "Name,NameWait" if wait_sets else "Name"
    object_sets = "VMObject,VMObjectWait" if wait_sets else "VMObject"
    return [
        p("Name", "System.String[]", aliases=["VMName"], sets=name_sets, position=0, mandatory=True, pipeline=True),
        p("VM", f"{VM_TYPE}[]", sets=object_sets, position=0, mandatory=True, pipeline=True),
        *remote(name_sets),
        *extra,
        p("AsJob", "switch"),
        p("Passthru", "switch"),
    ]


class _StateCmdlet(HyperVCmdlet):
    def process(self) -> None:
        for vm in self.selected_vms():
            if self.should_process(vm.name) and self.change(vm) and self.params.get("Passthru"):
                self.write(self.view(vm))

    def change(self, vm: LabVM) -> bool:
        """Change the VM's state; False when it could not be done (already reported)."""
        raise NotImplementedError

    def set_state(self, vm: LabVM, state: VMState) -> bool:
        try:
            ops.set_vm_state(self.lab, vm, state)
        except ops.InsufficientMemory:
            self.error(hv_error(f"'{vm.name}' failed to start.\nNot enough memory in the system to start the "
                                f"virtual machine {vm.name}.", "OutOfMemory", "ResourceUnavailable", vm.name))
            return False
        return True

    def invalid_state(self, vm: LabVM) -> bool:
        self.error(hv_error(f"'{vm.name}' failed to change state.\nThe operation cannot be performed while the "
                            "object is in its current state.", "InvalidState", "InvalidOperation", vm.name))
        return False

    def already(self, vm: LabVM) -> bool:
        self.warning(f"The virtual machine '{vm.name}' is already in the specified state.")
        return True


class StartVM(_StateCmdlet):
    spec = cmdlet("Start-VM", _state_sets(), default_set="Name", should_process=True)
    dotnet_class = f"{COMMANDS}.StartVM"

    def change(self, vm: LabVM) -> bool:
        if vm.state == VMState.Running:
            return self.already(vm)
        if vm.state not in (VMState.Off, VMState.Saved, VMState.Paused):
            return self.invalid_state(vm)
        return self.set_state(vm, VMState.Running)


class StopVM(_StateCmdlet):
    spec = cmdlet("Stop-VM", _state_sets(p("Save", "switch"), p("TurnOff", "switch"), p("Force", "switch")),
                  default_set="Name", should_process=True)
    dotnet_class = f"{COMMANDS}.StopVM"

    def change(self, vm: LabVM) -> bool:
        if self.params.get("Save"):
            if vm.state == VMState.Saved:
                return self.already(vm)
            if vm.state not in (VMState.Running, VMState.Paused):
                return self.invalid_state(vm)
            return self.set_state(vm, VMState.Saved)
        if vm.state == VMState.Off:
            return self.already(vm)
        if vm.state != VMState.Running and not self.params.get("TurnOff"):
            return self.invalid_state(vm)
        return self.set_state(vm, VMState.Off)


class SuspendVM(_StateCmdlet):
    spec = cmdlet("Suspend-VM", _state_sets(), default_set="Name", should_process=True)
    dotnet_class = f"{COMMANDS}.SuspendVM"

    def change(self, vm: LabVM) -> bool:
        if vm.state == VMState.Paused:
            return self.already(vm)
        if vm.state != VMState.Running:
            return self.invalid_state(vm)
        return self.set_state(vm, VMState.Paused)


class ResumeVM(_StateCmdlet):
    spec = cmdlet("Resume-VM", _state_sets(), default_set="Name", should_process=True)
    dotnet_class = f"{COMMANDS}.ResumeVM"

    def change(self, vm: LabVM) -> bool:
        if vm.state == VMState.Running:
            return self.already(vm)
        if vm.state != VMState.Paused:
            return self.invalid_state(vm)
        return self.set_state(vm, VMState.Running)


class RestartVM(_StateCmdlet):
    """A hard restart: the VM is reset and keeps running (its uptime starts again)."""

    spec = cmdlet("Restart-VM", _state_sets(
        p("Force", "switch"),
        p("Wait", "switch", sets="NameWait,VMObjectWait", mandatory=True),
        p("For", "Microsoft.HyperV.PowerShell.WaitVMTypes", sets="NameWait,VMObjectWait"),
        p("Delay", "System.UInt16", sets="NameWait,VMObjectWait"),
        p("Timeout", "System.Int32", aliases=["TimeoutSec"], sets="NameWait,VMObjectWait"),
        wait_sets=True), default_set="Name", should_process=True)
    dotnet_class = f"{COMMANDS}.RestartVM"
    unsupported = ("AsJob", "For")

    def change(self, vm: LabVM) -> bool:
        if vm.state != VMState.Running:
            return self.invalid_state(vm)
        if not self.confirm(f'Are you sure you want to restart virtual machine "{vm.name}"?'):
            return False
        vm.started_at = self.lab.clock.seconds
        return True
