from pshv.lab.base import GiB, TiB
from pshv.lab.default import default_lab, vm_id_for
from pshv.lab.enums import ProcessorVendor, VMState, WindowsServerVersion
from pshv.lab.filesystem import FileSystem
from pshv.lab.invariants import check_invariants
from pshv.lab.ops import vhd_file
from pshv.lab.versions import default_vm_version, supports_vm_version


def test_default_lab_is_consistent(lab):
    assert check_invariants(lab) == []
    assert lab.console_host == "HV01"
    assert [h.name for h in lab.hosts] == ["HV01", "HV02", "HV03", "HV04", "FS01", "HVC01", "HVC02"]


def test_vms_are_where_design_puts_them(lab):
    placement = {vm.name: host.name for host, vm in lab.iter_vms()}
    assert placement == {"web01": "HV01", "sql01": "HV01", "app01": "HV01", "test01": "HV01",
                         "dc01": "HV02", "crm01": "HVC01"}
    memory = {vm.name: (vm.memory.startup_bytes // GiB, vm.processor.count) for _, vm in lab.iter_vms()}
    assert memory == {"web01": (4, 2), "sql01": (16, 4), "app01": (8, 2), "test01": (2, 1),
                      "dc01": (2, 2), "crm01": (8, 4)}
    assert lab.vm("test01").state == VMState.Off
    assert all(vm.version == "10.0" for _, vm in lab.iter_vms())
    assert all(vm.network_adapters[0].switch_name == "External" for _, vm in lab.iter_vms())


def test_disks_have_the_stated_sizes(lab):
    sql01 = lab.vm("sql01")
    sizes = [(d.path, vhd_file(lab, sql01, d).vhd.max_size_bytes // GiB) for d in sql01.hard_drives]
    assert sizes == [("D:\\Hyper-V\\Virtual Hard Disks\\sql01.vhdx", 200),
                     ("D:\\Hyper-V\\Virtual Hard Disks\\sql01-data.vhdx", 500)]
    web01 = lab.vm("web01")
    disk = vhd_file(lab, web01, web01.hard_drives[0])
    assert (disk.vhd.max_size_bytes, disk.size_bytes) == (60 * GiB, 20 * GiB)
    assert lab.vm("app01").hard_drives[0].path == "\\\\FS01\\VMs\\app01\\app01.vhdx"
    assert lab.vm("crm01").path == "C:\\ClusterStorage\\Volume1\\crm01"


def test_hosts_match_the_table(lab):
    hv01, hv03, hv04 = lab.host("HV01"), lab.host("HV03"), lab.host("hv04.contoso.local")
    assert [v.letter for v in hv01.volumes] == ["C", "D", "E"]
    assert hv01.volume("D").capacity_bytes == 2 * TiB and hv01.volume("E").capacity_bytes == 4 * TiB
    assert any(n.rdma and n.subnet == "192.168.10.0/24" for n in hv01.nics)
    assert hv03.processor.vendor == ProcessorVendor.AMD
    assert hv04.os == WindowsServerVersion.WS2016 and [s.name for s in hv04.switches] == ["Production"]
    assert not supports_vm_version(hv04.os, "10.0") and default_vm_version(hv04.os) == "8.0"
    standalone = ["HV01", "HV02", "HV03", "HV04"]
    assert not any(lab.host(n).migration.enabled for n in standalone)
    assert all(lab.host(n).migration.enabled for n in ("HVC01", "HVC02"))
    settings = hv01.migration
    assert (settings.maximum_vm_migrations, settings.maximum_storage_migrations, settings.use_any_network,
            settings.authentication.name, settings.performance.name, settings.networks) == (
        2, 2, True, "CredSSP", "Compression", [])


def test_shares_and_cluster(lab):
    share = lab.find_share("fs01", "vms")
    assert share.full_access == ["HV01", "HV02"]
    cluster = lab.find_cluster("CLU01")
    assert [n.name for n in cluster.nodes] == ["HVC01", "HVC02"]
    assert cluster.shared_volumes[0].path == "C:\\ClusterStorage\\Volume1"
    assert cluster.maximum_parallel_migrations == 1
    assert cluster.groups[0].vm_id == lab.vm("crm01").id and lab.vm("crm01").is_clustered
    fs = FileSystem(lab)
    assert fs.is_file("HVC02", "C:\\ClusterStorage\\Volume1\\crm01\\crm01.vhdx")


def test_identities_and_times_are_reproducible(lab):
    other = default_lab()
    assert lab.model_dump() == other.model_dump()
    assert lab.vm("web01").id == vm_id_for("web01")
    macs = [vm.network_adapters[0].mac_address for _, vm in lab.iter_vms()]
    assert len(set(macs)) == len(macs) and all(m.startswith("00155D") for m in macs)
    web01 = lab.vm("web01")
    assert 12 * 86400 < web01.uptime_seconds(lab.clock) < 13 * 86400
    assert lab.vm("test01").uptime_seconds(lab.clock) == 0
    assert lab.clock.now().isoformat() == "2025-03-10T09:00:00"


def test_running_vms_hold_memory(lab):
    hv01 = lab.host("HV01")
    assert hv01.running_vm_memory_bytes() == (4 + 16 + 8) * GiB
    assert lab.vm("test01").memory.assigned_bytes == 0


def test_touched_memory_per_workload(lab):
    touched = {vm.name: vm.memory.touched_bytes / GiB for _, vm in lab.iter_vms()}
    assert touched == {"web01": 2, "sql01": 16, "app01": 6, "test01": 0, "dc01": 1, "crm01": 6}
    assert all(vm.workload.writable_working_set_bytes <= vm.memory.touched_bytes
               for _, vm in lab.iter_vms() if vm.state == VMState.Running)
