"""New-LabHost, Set-LabHost, Remove-LabHost: add, reshape and remove the lab's hosts.

Hardware is described the way an administrator orders it: processor vendor and model, logical
processors, memory in GB, Windows Server version, volumes (`-Volume @{D=2TB; E=4TB}`: drive
letter to size in bytes), one management NIC (10 GbE on 10.0.0.0/24, bound to the external
switch) plus `-NicCount` migration NICs of `-MigrationNicGbps` (optionally RDMA) on
192.168.10.0/24.  A new host joins the lab's domain (or the one named with -Domain, created
when the lab does not know it yet) with Hyper-V's default migration settings: migration
disabled, 2 + 2 simultaneous migrations, CredSSP, Compression, any network.

Every change is first tried on a copy of the lab and refused, with nothing changed, when the
result would break one of the lab's invariants (memory below what running VMs use, a volume
smaller than its files, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lab import filesystem as F
from ...lab.enums import ProcessorVendor, WindowsServerVersion
from ...lab.model import (
    Domain,
    Host,
    Lab,
    NetworkInterface,
    Processor,
    VirtualSwitch,
    Volume,
)
from ...runtime import errors as E
from ...runtime.convert import to_integer
from ...runtime.objects import Hashtable
from ...runtime.params import ValidateRange, ValidateSet, cmdlet, p
from ..hyperv.objects import VMHost
from .labcmdlet import (
    GB,
    LAB_COMMANDS,
    LabCmdlet,
    host_not_found,
    inconsistent,
    lab_error,
    violations_after,
)

PROCESSOR_MODELS = {
    "Intel": "Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz",
    "AMD": "AMD EPYC 7313 16-Core Processor",
}
DEFAULT_FEATURE_LEVEL = 10
OS_VERSIONS = [version.value for version in WindowsServerVersion]
MANAGEMENT_SUBNET = ("10.0.0", 11)
MIGRATION_SUBNET = ("192.168.10", 11)
BOOT_VOLUME_MINIMUM = 32 * GB
MANAGEMENT_NIC = "Ethernet"
COMPUTER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,14}$")


def _hardware_parameters() -> list:
    """The parameters New-LabHost and Set-LabHost share."""
    return [
        p("ProcessorVendor", "System.String", validate=[ValidateSet("Intel", "AMD")]),
        p("ProcessorModel", "System.String"),
        p("ProcessorFeatureLevel", "System.Int32", validate=[ValidateRange(0, 100)]),
        p("LogicalProcessors", "System.Int32", validate=[ValidateRange(1, 2048)]),
        p("MemoryGB", "System.Int32", validate=[ValidateRange(1, 49152)]),
        p("OSVersion", "System.String", validate=[ValidateSet(*OS_VERSIONS)]),
        p("MigrationNicGbps", "System.Double", validate=[ValidateRange(0.1, 400.0)]),
        p("Rdma", "switch"),
        p("NicCount", "System.Int32", validate=[ValidateRange(1, 8)]),
        p("Domain", "System.String"),
        p("Volume", "System.Collections.Hashtable"),
        p("SwitchName", "System.String"),
        p("Passthru", "switch"),
    ]


@dataclass
class Hardware:
    """What a New-LabHost or Set-LabHost call asks for (None: not given)."""

    vendor: str | None = None
    model: str | None = None
    feature_level: int | None = None
    logical_processors: int | None = None
    memory_bytes: int | None = None
    os: WindowsServerVersion | None = None
    nic_gbps: float | None = None
    rdma: bool | None = None
    nic_count: int | None = None
    domain: str | None = None
    volumes: dict[str, int] = field(default_factory=dict)
    switch_name: str | None = None
    delegation: list[str] | None = None


# --------------------------------------------------------------------------- building hosts


def _free_address(lab: Lab, subnet: tuple[str, int], taken_here: list[str]) -> str:
    prefix, first = subnet
    used = {n.address for h in lab.hosts for n in h.nics} | set(taken_here)
    number = next(i for i in range(first, 255) if f"{prefix}.{i}" not in used)
    return f"{prefix}.{number}"


def _migration_nic_name(index: int) -> str:
    return "Migration" if index == 0 else f"Migration {index + 1}"


def _set_migration_nics(lab: Lab, host: Host, wanted: Hardware) -> None:
    """Speed, RDMA and number of the host's NICs after the management NIC."""
    extra = host.nics[1:]
    if wanted.nic_gbps is None and wanted.rdma is None and wanted.nic_count is None:
        return
    count = wanted.nic_count if wanted.nic_count is not None else max(len(extra), 1)
    speed = wanted.nic_gbps or (extra[0].speed_gbps if extra else 10.0)
    rdma = wanted.rdma if wanted.rdma is not None else (extra[0].rdma if extra else False)
    nics = []
    for index in range(count):
        if index < len(extra):
            nic = extra[index]
            if wanted.nic_gbps is not None:
                nic.speed_gbps = speed
            if wanted.rdma is not None:
                nic.rdma = rdma
        else:
            subnet = extra[0].subnet if extra else f"{MIGRATION_SUBNET[0]}.0/24"
            prefix = (subnet.split("/")[0].rsplit(".", 1)[0], MIGRATION_SUBNET[1])
            address = _free_address(lab, prefix, [n.address for n in nics])
            nic = NetworkInterface(name=_migration_nic_name(index), speed_gbps=speed, rdma=rdma, subnet=subnet,
                                   address=address)
        nics.append(nic)
    host.nics = [*host.nics[:1], *nics]


def _ensure_domain(lab: Lab, name: str) -> str:
    """The lab's spelling of the domain, adding it to the lab when it is new."""
    known = lab.find_domain(name)
    if known is not None:
        return known.name
    lab.domains.append(Domain(name=name, netbios_name=name.split(".")[0].upper()[:15]))
    return name


def _set_volumes(host: Host, sizes: dict[str, int]) -> None:
    for letter, size in sizes.items():
        volume = host.volume(letter)
        if volume is None:
            label = "OS" if letter == "C" else "VMs"
            host.volumes.append(Volume(letter=letter, label=label, capacity_bytes=size, read_mb_per_s=2000,
                                       write_mb_per_s=1500))
        else:
            volume.capacity_bytes = size
    host.volumes.sort(key=lambda v: v.letter)


def _rename_switch(host: Host, name: str) -> None:
    """The host's first switch takes the name (VM adapters connected to it follow); a host
    without a switch gets an External one on its management NIC."""
    if not host.switches:
        host.switches.append(VirtualSwitch(name=name, net_adapter=host.nics[0].name if host.nics else None))
        return
    old = host.switches[0].name
    host.switches[0].name = name
    for vm in host.vms:
        for adapter in vm.network_adapters:
            if adapter.switch_name is not None and adapter.switch_name.casefold() == old.casefold():
                adapter.switch_name = name


def apply_hardware(lab: Lab, host_name: str, wanted: Hardware) -> None:
    """Set-LabHost's change, applied to the host named `host_name` of `lab`."""
    host = lab.host(host_name)
    if wanted.vendor is not None or wanted.model is not None or wanted.feature_level is not None:
        vendor = ProcessorVendor(wanted.vendor) if wanted.vendor else host.processor.vendor
        model = wanted.model or (PROCESSOR_MODELS[vendor.value] if wanted.vendor else host.processor.model)
        level = wanted.feature_level if wanted.feature_level is not None else host.processor.feature_level
        host.processor = Processor(vendor=vendor, model=model, feature_level=level)
    if wanted.logical_processors is not None:
        host.logical_processors = wanted.logical_processors
    if wanted.memory_bytes is not None:
        host.memory_bytes = wanted.memory_bytes
    if wanted.os is not None:
        host.os = wanted.os
    if wanted.domain is not None:
        host.domain = _ensure_domain(lab, wanted.domain)
    _set_volumes(host, wanted.volumes)
    _set_migration_nics(lab, host, wanted)
    if wanted.switch_name is not None:
        _rename_switch(host, wanted.switch_name)
    if wanted.delegation is not None:
        host.delegation_targets = [lab.host(name).name for name in wanted.delegation]


def _windows_files(lab: Lab, host: Host) -> None:
    """The folders and files a fresh Windows Server install has (the page file holds space)."""
    fs = F.FileSystem(lab)
    fs.make_folder(host, "C:\\Windows\\System32")
    fs.write_file(host, "C:\\Windows\\System32\\ntoskrnl.exe", size_bytes=11 * 1024**2)
    fs.write_file(host, "C:\\pagefile.sys", size_bytes=16 * GB)
    fs.make_folder(host, "C:\\Users\\Administrator\\Documents")
    fs.make_folder(host, "C:\\Users\\Public\\Documents")
    fs.make_folder(host, "C:\\Program Files")
    for path in (host.virtual_machine_path, host.virtual_hard_disk_path):
        fs.make_folder(host, path, exist_ok=True)


def add_host(lab: Lab, name: str, wanted: Hardware) -> None:
    """New-LabHost's change: a Hyper-V host with the requested hardware and default settings."""
    vendor = wanted.vendor or "Intel"
    host = Host(
        name=name,
        domain=_ensure_domain(lab, wanted.domain or lab.host(lab.console_host).domain),
        os=wanted.os or WindowsServerVersion.WS2022,
        processor=Processor(vendor=ProcessorVendor(vendor), model=wanted.model or PROCESSOR_MODELS[vendor],
                            feature_level=DEFAULT_FEATURE_LEVEL if wanted.feature_level is None
                            else wanted.feature_level),
        logical_processors=wanted.logical_processors or 32,
        memory_bytes=wanted.memory_bytes or 256 * GB,
        nics=[NetworkInterface(name=MANAGEMENT_NIC, speed_gbps=10, subnet=f"{MANAGEMENT_SUBNET[0]}.0/24",
                               address=_free_address(lab, MANAGEMENT_SUBNET, []))],
        switches=[VirtualSwitch(name=wanted.switch_name or "External", net_adapter=MANAGEMENT_NIC)],
    )
    _set_volumes(host, {"C": 256 * GB, **(wanted.volumes or {"D": 2 * 1024 * GB})})
    if host.volume("D") is not None:
        host.virtual_machine_path = "D:\\Hyper-V"
        host.virtual_hard_disk_path = "D:\\Hyper-V\\Virtual Hard Disks"
    _set_migration_nics(lab, host, wanted)
    lab.hosts.append(host)
    _windows_files(lab, host)


def remove_host(lab: Lab, host_name: str) -> None:
    """Remove-LabHost's change: the host, its VMs and shares, and every reference to it."""
    host = lab.host(host_name)
    key = host.name.casefold()
    lab.hosts = [h for h in lab.hosts if h is not host]
    lab.shares = [s for s in lab.shares if s.server.casefold() != key]
    for other in lab.hosts:
        other.delegation_targets = [t for t in other.delegation_targets if t.casefold() != key]
    for share in lab.shares:
        share.full_access = [a for a in share.full_access if a.casefold() != key]


# --------------------------------------------------------------------------- the cmdlets


class _HostCmdlet(LabCmdlet):
    def hardware(self) -> Hardware:
        """The requested hardware, with -Volume and -KerberosDelegationTo checked."""
        params = self.params
        memory = params.get("MemoryGB")
        os_name = params.get("OSVersion")
        return Hardware(
            vendor=next((v for v in PROCESSOR_MODELS if params.get("ProcessorVendor") and
                         v.casefold() == params["ProcessorVendor"].casefold()), None),
            model=params.get("ProcessorModel"),
            feature_level=params.get("ProcessorFeatureLevel"),
            logical_processors=params.get("LogicalProcessors"),
            memory_bytes=None if memory is None else memory * GB,
            os=None if os_name is None else next(v for v in WindowsServerVersion
                                                 if v.value.casefold() == os_name.casefold()),
            nic_gbps=params.get("MigrationNicGbps"),
            rdma=bool(params["Rdma"]) if self.given("Rdma") else None,
            nic_count=params.get("NicCount"),
            domain=params.get("Domain"),
            volumes=self._volumes(),
            switch_name=params.get("SwitchName"),
            delegation=self._delegation(),
        )

    def _volumes(self) -> dict[str, int]:
        table = self.params.get("Volume")
        if table is None:
            return {}
        assert isinstance(table, Hashtable)
        sizes: dict[str, int] = {}
        for key, value in table.items():
            letter = str(key).rstrip(":").upper()
            if len(letter) != 1 or not letter.isalpha():
                raise self.fail(lab_error(f"'{key}' is not a drive letter: -Volume takes drive letters and sizes, "
                                          "for example @{D=2TB; E=4TB}.", "InvalidVolume", target=key))
            try:
                size = to_integer(value, "System.Int64")
            except E.PSException:
                raise self.fail(lab_error(f"'{self.ctx.to_string(value)}' is not a size: give volume {letter}: a "
                                          "number of bytes, such as 2TB.", "InvalidVolume", target=key)) from None
            minimum = BOOT_VOLUME_MINIMUM if letter == "C" else GB
            if size < minimum:
                raise self.fail(lab_error(f"Volume {letter}: must be at least {minimum // GB} GB; {size / GB:g} GB is "
                                          "too small.", "InvalidVolume", target=key))
            sizes[letter] = size
        return sizes

    def _delegation(self) -> list[str] | None:
        names = self.params.get("KerberosDelegationTo")
        if names is None:
            return None
        found = []
        for name in names:
            host = self.find_host(name)
            if host is None:
                raise self.fail(host_not_found(name))
            found.append(host.name)
        return found

    def change(self, change, target: str) -> bool:
        """Apply `change(lab)` if the lab keeps its invariants; else report and change nothing."""
        problems = violations_after(self.lab, change)
        if problems:
            self.error(lab_error(inconsistent(problems), "LabInvariantViolated", "InvalidOperation", target,
                                 E.InvalidOperationException))
            return False
        change(self.lab)
        return True

    def passthru(self, host_name: str) -> None:
        if self.params.get("Passthru"):
            host = self.lab.host(host_name)
            self.write(VMHost(self.lab, host, self.host_settings(host)))


class NewLabHost(_HostCmdlet):
    """New-LabHost: add a Hyper-V host to the lab (Windows Server 2022, Intel, 32 logical
    processors, 256 GB, C: and a 2 TB D:, switch External, migration disabled, unless told)."""

    spec = cmdlet("New-LabHost", [
        p("Name", "System.String", position=0, mandatory=True),
        *_hardware_parameters(),
    ], should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.NewLabHost"

    def process(self) -> None:
        name = self.params["Name"]
        if not COMPUTER_NAME.match(name):
            raise self.fail(lab_error(f"'{name}' is not a valid computer name: use 1 to 15 letters, digits or "
                                      "hyphens.", "InvalidComputerName", target=name))
        if self.lab.find_host(name) is not None:
            raise self.fail(lab_error(f"The lab already has a host named '{name}'.", "HostExists",
                                      "ResourceExists", name))
        wanted = self.hardware()
        if not self.should_process(name):
            return
        if self.change(lambda lab: add_host(lab, name, wanted), name):
            self.passthru(name)


class SetLabHost(_HostCmdlet):
    """Set-LabHost: change the hardware, domain, switch or Kerberos delegation of lab hosts
    (`Set-LabHost HV01 -MemoryGB 512`, `Set-LabHost HV01 -KerberosDelegationTo HV02, HV03`)."""

    spec = cmdlet("Set-LabHost", [
        p("Name", "System.String[]", aliases=["ComputerName"], position=0, mandatory=True, by_property_name=True),
        *_hardware_parameters(),
        p("KerberosDelegationTo", "System.String[]", allow_empty_collection=True),
    ], should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.SetLabHost"

    def process(self) -> None:
        wanted = self.hardware()
        for host in self.hosts_named(self.params["Name"]):
            refusal = self._refusal(host, wanted)
            if refusal is not None:
                self.error(lab_error(refusal, "HostChangeRefused", "InvalidOperation", host.name,
                                     E.InvalidOperationException))
                continue
            if not self.should_process(host.name):
                continue
            name = host.name
            if self.change(lambda lab, name=name: apply_hardware(lab, name, wanted), name):
                self.passthru(name)

    @staticmethod
    def _refusal(host: Host, wanted: Hardware) -> str | None:
        """Why the change cannot be made, in an administrator's words (None: it can)."""
        from ...lab.versions import supports_vm_version

        if wanted.memory_bytes is not None:
            used = host.memory_bytes - host.free_memory_bytes()
            if wanted.memory_bytes < used:
                return (f"Cannot set the memory of {host.name} to {wanted.memory_bytes // GB} GB: its running "
                        f"virtual machines use {used / GB:.1f} GB.")
        for letter, size in wanted.volumes.items():
            volume = host.volume(letter)
            if volume is not None and size < volume.used_bytes():
                return (f"Cannot resize volume {letter}: of {host.name} to {size / GB:g} GB: "
                        f"{volume.used_bytes() / GB:.1f} GB of it are in use.")
        if wanted.os is not None:
            for vm in host.vms:
                if not supports_vm_version(wanted.os, vm.version):
                    return (f"Cannot change {host.name} to {wanted.os.caption}: virtual machine '{vm.name}' has "
                            f"configuration version {vm.version}, which {wanted.os.caption} cannot run.")
        return None


class RemoveLabHost(_HostCmdlet):
    """Remove-LabHost: take hosts out of the lab.

    Refused for the computer the shell runs on, for cluster nodes, for a host a migration is
    using, and for a file server whose shares hold files of VMs on other hosts.  A host that
    still has virtual machines or shares is removed only with -Force (they go with it), the
    way Remove-VM asks before deleting.
    """

    spec = cmdlet("Remove-LabHost", [
        p("Name", "System.String[]", aliases=["ComputerName"], position=0, mandatory=True, by_property_name=True),
        p("Force", "switch"),
        p("Passthru", "switch"),
    ], should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.RemoveLabHost"

    def process(self) -> None:
        for host in self.hosts_named(self.params["Name"]):
            refusal = self._refusal(host)
            if refusal is not None:
                self.error(lab_error(refusal, "HostRemovalRefused", "InvalidOperation", host.name,
                                     E.InvalidOperationException))
                continue
            if not self.should_process(host.name):
                continue
            name = host.name
            view = VMHost(self.lab, host, self.host_settings(host))
            if self.change(lambda lab, name=name: remove_host(lab, name), name) and self.params.get("Passthru"):
                self.write(view)

    def _refusal(self, host: Host) -> str | None:
        lab = self.lab
        if host.matches(lab.console_host) or host.matches(self.local_name()):
            return f"Cannot remove {host.name}: the shell runs on it."
        cluster = lab.cluster_of(host)
        if cluster is not None:
            return f"Cannot remove {host.name}: it is a node of cluster {cluster.name}."
        service = self.ctx.services.get("migration")
        if service is not None and service.lab is lab:
            for migration in service.running():
                if host.matches(migration.source) or host.matches(migration.destination):
                    return f"Cannot remove {host.name}: the migration of '{migration.vm.name}' is using it."
        shares = [s for s in lab.shares if host.matches(s.server)]
        for share in shares:
            users = self._share_users(host, share.unc)
            if users:
                return (f"Cannot remove {host.name}: share {share.unc} holds files of virtual machine "
                        f"'{users[0]}'.")
        content = [f"virtual machines ({', '.join(vm.name for vm in host.vms)})"] if host.vms else []
        if shares:
            content.append(f"shares ({', '.join(s.unc for s in shares)})")
        if content and not self.params.get("Force"):
            return (f"Cannot remove {host.name}: it still has {' and '.join(content)}. Move them away first, or use "
                    "-Force to remove them with the host.")
        return None

    def _share_users(self, server: Host, unc: str) -> list[str]:
        prefix = unc.casefold() + "\\"
        return [vm.name for owner, vm in self.lab.iter_vms() if owner is not server
                and any(path.casefold().startswith(prefix) for path in [*vm.referenced_files(), vm.path])]
