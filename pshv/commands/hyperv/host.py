"""Get-VMHost, Set-VMHost, Enable-VMMigration, Disable-VMMigration."""

from __future__ import annotations

from datetime import timedelta

from ...lab import filesystem as F
from ...lab.model import Host
from ...runtime.params import cmdlet, p
from .common import COMMANDS, HyperVCmdlet, fs_message, hv_error
from .objects import VMHost

CIM = "Microsoft.Management.Infrastructure.CimSession[]"
CREDENTIAL = "System.Management.Automation.PSCredential[]"


def _host_sets(*, names_by_value: bool = False, session_by_property: bool = True) -> list:
    """The ComputerName (default) and CimSession sets shared by the host cmdlets."""
    return [
        p("ComputerName", "System.String[]", sets={"ComputerName": dict(position=0, pipeline=names_by_value)}),
        p("Credential", CREDENTIAL, sets={"ComputerName": dict(position=1, pipeline=names_by_value)}),
        p("CimSession", CIM, sets={"CimSession": dict(position=0, mandatory=True,
                                                      by_property_name=session_by_property)}),
    ]


class _HostCmdlet(HyperVCmdlet):
    def host_view(self, host: Host) -> VMHost:
        return VMHost(self.lab, host, self.host_settings(host))


class GetVMHost(_HostCmdlet):
    spec = cmdlet("Get-VMHost", _host_sets(names_by_value=True), default_set="ComputerName")
    dotnet_class = f"{COMMANDS}.GetVMHost"

    def process(self) -> None:
        for host in self.target_hosts():
            self.write(self.host_view(host))


_MIGRATION_FIELDS = {
    "MaximumStorageMigrations": "maximum_storage_migrations",
    "MaximumVirtualMachineMigrations": "maximum_vm_migrations",
    "VirtualMachineMigrationAuthenticationType": "authentication",
    "UseAnyNetworkForMigration": "use_any_network",
    "VirtualMachineMigrationPerformanceOption": "performance",
}
_SESSION_SETTINGS = (
    "ResourceMeteringSaveInterval", "MacAddressMaximum", "MacAddressMinimum", "FibreChannelWwnn",
    "FibreChannelWwpnMaximum", "FibreChannelWwpnMinimum", "NumaSpanningEnabled", "EnableEnhancedSessionMode",
)


class SetVMHost(_HostCmdlet):
    spec = cmdlet("Set-VMHost", [
        *_host_sets(),
        p("MaximumStorageMigrations", "System.UInt32"),
        p("MaximumVirtualMachineMigrations", "System.UInt32"),
        p("VirtualMachineMigrationAuthenticationType", "Microsoft.HyperV.PowerShell.MigrationAuthenticationType"),
        p("UseAnyNetworkForMigration", "System.Boolean"),
        p("VirtualMachineMigrationPerformanceOption", "Microsoft.HyperV.PowerShell.VMMigrationPerformance"),
        p("ResourceMeteringSaveInterval", "System.TimeSpan"),
        p("VirtualHardDiskPath", "System.String"),
        p("VirtualMachinePath", "System.String"),
        p("MacAddressMaximum", "System.String"),
        p("MacAddressMinimum", "System.String"),
        p("FibreChannelWwnn", "System.String"),
        p("FibreChannelWwpnMaximum", "System.String"),
        p("FibreChannelWwpnMinimum", "System.String"),
        p("NumaSpanningEnabled", "System.Boolean"),
        p("EnableEnhancedSessionMode", "System.Boolean"),
        p("Passthru", "switch"),
    ], default_set="ComputerName", should_process=True)
    dotnet_class = f"{COMMANDS}.SetVMHost"

    def process(self) -> None:
        problem = self._invalid_value()
        if problem is not None:
            raise self.fail(hv_error(f"Failed to modify service settings.\n{problem}", "InvalidParameter",
                                     "InvalidArgument"))
        for host in self.target_hosts():
            if not self.should_process(host.name):
                continue
            try:
                self._apply(host)
            except F.FsError as error:
                self.error(hv_error(f"Failed to modify service settings.\n{fs_message(error)}", "OperationFailed",
                                    "NotSpecified", host.name))
                continue
            if self.params.get("Passthru"):
                self.write(self.host_view(host))

    def _invalid_value(self) -> str | None:
        for name in ("MaximumStorageMigrations", "MaximumVirtualMachineMigrations"):
            value = self.params.get(name)
            if value is not None and value < 1:
                return f"The value {value} of {name} is out of range: it must be at least 1."
        interval = self.params.get("ResourceMeteringSaveInterval")
        if interval is not None and not timedelta(hours=1) <= interval <= timedelta(hours=24):
            return ("The value of ResourceMeteringSaveInterval is out of range: it must be between 01:00:00 "
                    "and 1.00:00:00.")
        return None

    def _apply(self, host: Host) -> None:
        fs = F.FileSystem(self.lab)
        paths = {name: self.params.get(name) for name in ("VirtualMachinePath", "VirtualHardDiskPath")}
        for path in paths.values():
            if path is not None:
                fs.resolve(host, path)
        if paths["VirtualMachinePath"] is not None:
            host.virtual_machine_path = F.normalize_path(paths["VirtualMachinePath"])
        if paths["VirtualHardDiskPath"] is not None:
            host.virtual_hard_disk_path = F.normalize_path(paths["VirtualHardDiskPath"])
        for name, field in _MIGRATION_FIELDS.items():
            value = self.params.get(name)
            if value is not None:
                setattr(host.migration, field, int(value) if field.startswith("maximum") else value)
        settings = self.host_settings(host)
        for name in _SESSION_SETTINGS:
            if self.params.get(name) is not None:
                settings.values[name] = self.params[name]


class _MigrationSwitch(_HostCmdlet):
    enable: bool

    def process(self) -> None:
        for host in self.target_hosts():
            if not self.should_process(host.name):
                continue
            host.migration.enabled = self.enable
            if self.params.get("Passthru"):
                self.write(self.host_view(host))


class EnableVMMigration(_MigrationSwitch):
    spec = cmdlet("Enable-VMMigration", [*_host_sets(session_by_property=False), p("Passthru", "switch")], default_set="ComputerName",
                  should_process=True)
    dotnet_class = f"{COMMANDS}.EnableVMMigration"
    enable = True


class DisableVMMigration(_MigrationSwitch):
    spec = cmdlet("Disable-VMMigration", [*_host_sets(session_by_property=False), p("Passthru", "switch")], default_set="ComputerName",
                  should_process=True)
    dotnet_class = f"{COMMANDS}.DisableVMMigration"
    enable = False
