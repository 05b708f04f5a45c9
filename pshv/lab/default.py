"""The embedded default lab (DESIGN.md, "The default lab").

Built with the same operations the cmdlets use, so it satisfies the lab's invariants by
construction.  Ids and MAC addresses are fixed (uuid5 of the VM name, a MAC table), and the
clock starts at Monday 10 March 2025, 09:00, so every run prints the same values.

Workloads (what the migration core reads); "touched" is the share of a running VM's memory its
guest has ever written (`VMMemory.touched_bytes`, what pass 0 of a live migration sends):

===========  ==========  =============  =========  ========  ===============  ===========  =======
kind         dirty MB/s  writable WSS   pattern    hot set   compressibility  disk MB/s    touched
===========  ==========  =============  =========  ========  ===============  ===========  =======
light        5           256 MiB        Hotspot    0.10      2.5              1            50 %
medium       40          1.5 GiB        Hotspot    0.30      2.0              10           75 %
heavy        200         6 GiB          Random     —         1.6              60           100 %
none (off)   0           0              Random     —         2.0              0            —
===========  ==========  =============  =========  ========  ===============  ===========  =======

Light guests (web01 4 GiB, dc01 2 GiB) have used about half their memory for code and file
cache; medium ones (app01, crm01, 8 GiB) three quarters; the heavy database (sql01, 16 GiB)
all of it, as SQL Server's buffer pool grows into every page it is given.  Each share covers the
workload's writable working set.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from pshv.lab.base import GiB, MiB, TiB
from pshv.lab.clock import SimClock, to_seconds
from pshv.lab.enums import (
    AccessPattern,
    ProcessorVendor,
    VhdType,
    VMState,
    WindowsServerVersion,
)
from pshv.lab.filesystem import FileSystem
from pshv.lab.fstree import Folder
from pshv.lab.model import (
    ID_NAMESPACE,
    Cluster,
    ClusterGroup,
    ClusterNode,
    ClusterSharedVolume,
    Domain,
    DvdDrive,
    Host,
    Lab,
    MigrationSettings,
    NetworkInterface,
    Processor,
    SmbShare,
    VirtualSwitch,
    Volume,
    Workload,
)
from pshv.lab.ops import add_hard_disk, create_vm, set_vm_state

DOMAIN = "contoso.local"
CONSOLE_HOST = "HV01"
LAB_START = datetime(2025, 3, 10, 9, 0, 0)
HOUR = 3600.0
DAY = 24 * HOUR

LIGHT = Workload(
    dirty_rate_mb_per_s=5, writable_working_set_bytes=256 * MiB, access_pattern=AccessPattern.Hotspot,
    hot_set_fraction=0.10, compressibility=2.5, disk_write_mb_per_s=1,
)
MEDIUM = Workload(
    dirty_rate_mb_per_s=40, writable_working_set_bytes=1536 * MiB, access_pattern=AccessPattern.Hotspot,
    hot_set_fraction=0.30, compressibility=2.0, disk_write_mb_per_s=10,
)
HEAVY = Workload(
    dirty_rate_mb_per_s=200, writable_working_set_bytes=6 * GiB, access_pattern=AccessPattern.Random,
    compressibility=1.6, disk_write_mb_per_s=60,
)
IDLE = Workload()
TOUCHED_SHARE = {"light": 0.5, "medium": 0.75, "heavy": 1.0}
WORKLOADS = {"light": LIGHT, "medium": MEDIUM, "heavy": HEAVY, "idle": IDLE}

XEON = Processor(vendor=ProcessorVendor.Intel, model="Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz", feature_level=10)
XEON_OLD = Processor(vendor=ProcessorVendor.Intel, model="Intel(R) Xeon(R) CPU E5-2630 v3 @ 2.40GHz", feature_level=6)
EPYC = Processor(vendor=ProcessorVendor.AMD, model="AMD EPYC 7313 16-Core Processor", feature_level=10)
XEON_SILVER = Processor(vendor=ProcessorVendor.Intel, model="Intel(R) Xeon(R) Silver 4310 CPU @ 2.10GHz", feature_level=10)

HYPERV_FOLDER = "D:\\Hyper-V"
DISK_FOLDER = "D:\\Hyper-V\\Virtual Hard Disks"


def _boot_volume(capacity: int = 256 * GiB) -> Volume:
    return Volume(letter="C", label="OS", capacity_bytes=capacity, read_mb_per_s=1500, write_mb_per_s=1000)


def _data_volume(letter: str, capacity: int, label: str = "VMs") -> Volume:
    return Volume(letter=letter, label=label, capacity_bytes=capacity, read_mb_per_s=2000, write_mb_per_s=1500)


def _hyperv_host(
    name: str,
    *,
    os: WindowsServerVersion = WindowsServerVersion.WS2022,
    processor: Processor = XEON,
    logical_processors: int = 32,
    memory: int = 256 * GiB,
    data_volumes: list[Volume],
    nics: list[NetworkInterface],
    switch: str = "External",
    migration_enabled: bool = False,
) -> Host:
    has_d = any(v.letter == "D" for v in data_volumes)
    return Host(
        name=name,
        domain=DOMAIN,
        os=os,
        processor=processor,
        logical_processors=logical_processors,
        memory_bytes=memory,
        volumes=[_boot_volume(), *data_volumes],
        nics=nics,
        switches=[VirtualSwitch(name=switch, net_adapter=nics[0].name)],
        migration=MigrationSettings(enabled=migration_enabled),
        **({"virtual_machine_path": HYPERV_FOLDER, "virtual_hard_disk_path": DISK_FOLDER} if has_d else {}),
    )


def _nic(name: str, gbps: float, subnet: str, address: str, rdma: bool = False) -> NetworkInterface:
    return NetworkInterface(name=name, speed_gbps=gbps, rdma=rdma, subnet=subnet, address=address)


def _hosts() -> list[Host]:
    management = "10.0.0.0/24"
    migration = "192.168.10.0/24"
    return [
        _hyperv_host(
            "HV01",
            data_volumes=[_data_volume("D", 2 * TiB), _data_volume("E", 4 * TiB, "Data")],
            nics=[_nic("Ethernet", 10, management, "10.0.0.11"),
                  _nic("Migration", 10, migration, "192.168.10.11", rdma=True)],
        ),
        _hyperv_host(
            "HV02",
            data_volumes=[_data_volume("D", 2 * TiB)],
            nics=[_nic("Ethernet", 10, management, "10.0.0.12"),
                  _nic("Migration", 10, migration, "192.168.10.12", rdma=True)],
        ),
        _hyperv_host(
            "HV03",
            processor=EPYC,
            data_volumes=[_data_volume("D", 2 * TiB)],
            nics=[_nic("Ethernet", 10, management, "10.0.0.13")],
        ),
        _hyperv_host(
            "HV04",
            os=WindowsServerVersion.WS2016,
            processor=XEON_OLD,
            logical_processors=16,
            memory=128 * GiB,
            data_volumes=[_data_volume("D", 1 * TiB)],
            nics=[_nic("Ethernet", 1, management, "10.0.0.14")],
            switch="Production",
        ),
        Host(
            name="FS01",
            domain=DOMAIN,
            hyperv_installed=False,
            processor=XEON_SILVER,
            logical_processors=24,
            memory_bytes=64 * GiB,
            volumes=[_boot_volume(), _data_volume("D", 4 * TiB, "Shares")],
            nics=[_nic("Ethernet", 10, management, "10.0.0.20"),
                  _nic("Storage", 10, migration, "192.168.10.20", rdma=True)],
        ),
        *[
            _hyperv_host(
                name,
                data_volumes=[],
                nics=[_nic("Ethernet", 10, management, f"10.0.0.{31 + i}"),
                      _nic("Cluster", 10, "192.168.20.0/24", f"192.168.20.{31 + i}", rdma=True)],
                migration_enabled=True,
            )
            for i, name in enumerate(("HVC01", "HVC02"))
        ],
    ]


def _windows_files(lab: Lab) -> None:
    """The folders and files every Windows host starts with (the page file holds the space)."""
    fs = FileSystem(lab)
    for host in lab.hosts:
        fs.make_folder(host, "C:\\Windows\\System32")
        fs.write_file(host, "C:\\Windows\\System32\\ntoskrnl.exe", size_bytes=11 * MiB)
        fs.write_file(host, "C:\\pagefile.sys", size_bytes=16 * GiB)
        fs.make_folder(host, "C:\\Users\\Administrator\\Documents")
        fs.make_folder(host, "C:\\Users\\Public\\Documents")
        fs.make_folder(host, "C:\\Program Files")
        if host.hyperv_installed:
            for path in (host.virtual_machine_path, host.virtual_hard_disk_path):
                fs.make_folder(host, path, exist_ok=True)


# (name, host, state, memory, vCPUs, config folder, [(disk path, max size, used)], workload kind,
#  MAC address, uptime at lab start)
VM_TABLE = [
    ("web01", "HV01", VMState.Running, 4 * GiB, 2, "D:\\Hyper-V\\web01",
     [(f"{DISK_FOLDER}\\web01.vhdx", 60 * GiB, 20 * GiB)], "light", "00155D0A0B01", 12 * DAY + 3 * HOUR),
    ("sql01", "HV01", VMState.Running, 16 * GiB, 4, "D:\\Hyper-V\\sql01",
     [(f"{DISK_FOLDER}\\sql01.vhdx", 200 * GiB, 120 * GiB),
      (f"{DISK_FOLDER}\\sql01-data.vhdx", 500 * GiB, 350 * GiB)], "heavy", "00155D0A0B02", 12 * DAY + 2 * HOUR),
    ("app01", "HV01", VMState.Running, 8 * GiB, 2, "\\\\FS01\\VMs\\app01",
     [("\\\\FS01\\VMs\\app01\\app01.vhdx", 80 * GiB, 30 * GiB)], "medium", "00155D0A0B03", 5 * DAY + 7 * HOUR),
    ("test01", "HV01", VMState.Off, 2 * GiB, 1, "D:\\Hyper-V\\test01",
     [(f"{DISK_FOLDER}\\test01.vhdx", 40 * GiB, 12 * GiB)], "idle", "00155D0A0B04", None),
    ("dc01", "HV02", VMState.Running, 2 * GiB, 2, "D:\\Hyper-V\\dc01",
     [(f"{DISK_FOLDER}\\dc01.vhdx", 60 * GiB, 18 * GiB)], "light", "00155D0A0C01", 30 * DAY + 1 * HOUR),
    ("crm01", "HVC01", VMState.Running, 8 * GiB, 4, "C:\\ClusterStorage\\Volume1\\crm01",
     [("C:\\ClusterStorage\\Volume1\\crm01\\crm01.vhdx", 100 * GiB, 45 * GiB)], "medium", "00155D0A0D01",
     9 * DAY + 4 * HOUR),
]


def vm_id_for(name: str) -> uuid.UUID:
    """The fixed id of a default-lab VM."""
    return uuid.uuid5(ID_NAMESPACE, f"default-vm/{name}")


def default_lab() -> Lab:
    """A fresh copy of the default lab."""
    start = to_seconds(LAB_START)
    lab = Lab(
        console_host=CONSOLE_HOST,
        domains=[Domain(name=DOMAIN, netbios_name="CONTOSO")],
        hosts=_hosts(),
        shares=[SmbShare(server="FS01", name="VMs", path="D:\\Shares\\VMs",
                         full_access=["HV01", "HV02"], description="Hyper-V virtual machines (SMB 3)")],
        clusters=[
            Cluster(
                name="CLU01",
                domain=DOMAIN,
                nodes=[ClusterNode(name="HVC01"), ClusterNode(name="HVC02")],
                shared_volumes=[ClusterSharedVolume(name="Volume1", owner_node="HVC01", label="CSV1",
                                                    capacity_bytes=4 * TiB, read_mb_per_s=2500,
                                                    write_mb_per_s=2000)],
            )
        ],
        # the VMs were created on 3 February 2025; the lab starts five weeks later
        clock=SimClock(seconds=start - 35 * DAY),
    )
    _windows_files(lab)
    fs = FileSystem(lab)
    fs.make_folder("FS01", "D:\\Shares\\VMs")
    for cluster_node in ("HVC01", "HVC02"):
        # the CSV's mount point: an empty folder on C: that paths below it pass through
        fs.make_folder(cluster_node, "C:\\ClusterStorage").add_child(Folder(name="Volume1"))
        host = lab.host(cluster_node)
        host.virtual_machine_path = host.virtual_hard_disk_path = "C:\\ClusterStorage\\Volume1"

    for name, host, state, memory, cpus, folder, disks, workload, mac, uptime in VM_TABLE:
        vm = create_vm(
            lab, host, name,
            memory_startup_bytes=memory,
            version="10.0",
            path=folder,
            processor_count=cpus,
            switch_name="External",
            vm_id=vm_id_for(name),
            mac_address=mac,
        )
        vm.network_adapters[0].id = uuid.uuid5(ID_NAMESPACE, f"default-nic/{name}")
        for path, max_size, used in disks:
            add_hard_disk(lab, vm, path, max_size_bytes=max_size, used_bytes=used, vhd_type=VhdType.Dynamic)
        vm.dvd_drives.append(DvdDrive(controller_location=len(vm.hard_drives)))
        vm.workload = WORKLOADS[workload].model_copy(deep=True)
        if state == VMState.Running:
            lab.clock.seconds = start - uptime
            set_vm_state(lab, vm, VMState.Running)
            vm.memory.touched_bytes = int(memory * TOUCHED_SHARE[workload])
            lab.clock.seconds = start - 35 * DAY
        if host == "HVC01":
            vm.is_clustered = True
            lab.clusters[0].groups.append(ClusterGroup(name=name, vm_id=vm.id, owner_node=host))
    lab.clock.seconds = start
    return lab
