from pshv.lab import compat
from pshv.lab.base import GiB
from pshv.lab.compat import check_migration, compare_vm, migration_paths, recheck
from pshv.lab.enums import MigrationAuthenticationType, OperationType, VMState
from pshv.lab.model import MigrationNetwork
from pshv.lab.ops import set_vm_state


def codes(report):
    return [i.code for i in report.incompatibilities]


def enable_migration(lab, *names):
    for name in names:
        lab.host(name).migration.enabled = True


def test_migration_disabled_blocks_live_moves(lab):
    report = compare_vm(lab, lab.vm("app01"), "HV02")
    assert codes(report) == ["MigrationDisabledSource", "MigrationDisabledDestination"]
    first = report.incompatibilities[0]
    assert first.message.startswith("The source host is not configured for live migration.")
    assert first.source is lab.host("HV01")
    enable_migration(lab, "HV01", "HV02")
    assert recheck(lab, report).incompatibilities == []


def test_shared_storage_on_a_granted_share_needs_no_storage_move(lab):
    enable_migration(lab, "HV01", "HV02", "HV03")
    assert codes(compare_vm(lab, lab.vm("app01"), "HV02")) == []
    report = compare_vm(lab, lab.vm("app01"), "HV03")
    assert "StorageAccessDenied" in codes(report)
    lab.find_share("FS01", "VMs").full_access.append("HV03")
    assert "StorageAccessDenied" not in codes(recheck(lab, report))


def test_local_storage_must_move_with_the_vm(lab):
    enable_migration(lab, "HV01", "HV02")
    report = compare_vm(lab, lab.vm("web01"), "HV02")
    assert set(codes(report)) == {"StorageUnreachable"}
    assert report.operation_type == OperationType.MoveVirtualMachine
    moved = compare_vm(lab, lab.vm("web01"), "HV02", include_storage=True,
                       destination_storage_path="D:\\VMs\\web01")
    assert moved.incompatibilities == [] and moved.operation_type == OperationType.MoveVirtualMachineAndStorage


def test_processor_vendor(lab):
    enable_migration(lab, "HV01", "HV03")
    report = compare_vm(lab, lab.vm("web01"), "HV03", include_storage=True)
    assert codes(report) == ["ProcessorVendor"]
    assert report.incompatibilities[0].source is lab.vm("web01").processor
    off = compare_vm(lab, lab.vm("test01"), "HV03", include_storage=True)
    assert off.incompatibilities == []


def test_hv04_lacks_the_switch_and_the_version(lab):
    report = compare_vm(lab, lab.vm("test01"), "HV04", include_storage=True)
    assert codes(report) == ["VersionNotSupported", "SwitchNotFound"]
    switch = report.incompatibilities[1]
    assert (switch.message, switch.message_id) == ("Could not find Ethernet switch 'External'.", 33012)
    assert switch.source is lab.vm("test01").network_adapters[0]
    switch.source.switch_name = "Production"
    lab.vm("test01").version = "8.0"
    assert recheck(lab, report).incompatibilities == []


def test_processor_features_need_compatibility_mode(lab):
    enable_migration(lab, "HV01", "HV04")
    vm = lab.vm("web01")
    vm.version, vm.network_adapters[0].switch_name = "8.0", None
    assert codes(compare_vm(lab, vm, "HV04", include_storage=True)) == ["ProcessorFeatures"]
    vm.processor.compatibility_for_migration_enabled = True
    assert codes(compare_vm(lab, vm, "HV04", include_storage=True)) == []


def test_domain_must_match_or_trust(lab):
    from pshv.lab.model import Domain, Trust

    lab.domains.append(Domain(name="fabrikam.local", netbios_name="FABRIKAM"))
    lab.host("HV02").domain = "fabrikam.local"
    enable_migration(lab, "HV01", "HV02")
    report = compare_vm(lab, lab.vm("app01"), "HV02")
    assert codes(report) == ["DomainNotTrusted"]
    lab.trusts.append(Trust(first="contoso.local", second="FABRIKAM.local"))
    assert recheck(lab, report).incompatibilities == []


def test_pass_through_disks_block_moves_between_standalone_hosts(lab):
    from pshv.lab.model import HardDiskDrive

    enable_migration(lab, "HV01", "HV02")
    vm = lab.vm("app01")
    vm.hard_drives.append(HardDiskDrive(controller_location=5, pass_through_disk_number=3))
    report = compare_vm(lab, vm, "HV02")
    assert codes(report) == ["PassThroughDisk"] and report.incompatibilities[0].source is vm.hard_drives[-1]


def test_destination_storage_must_be_reachable_and_large_enough(lab):
    enable_migration(lab, "HV01", "HV02", "HV04")
    sql01 = lab.vm("sql01")
    report = compare_vm(lab, sql01, "HV02", include_storage=True, destination_storage_path="E:\\VMs")
    assert set(codes(report)) == {"StorageUnreachable"}
    csv = compare_vm(lab, sql01, "HV02", include_storage=True,
                     destination_storage_path="C:\\ClusterStorage\\Volume1\\sql01")
    assert set(codes(csv)) == {"StorageUnreachable"}
    assert codes(compare_vm(lab, lab.vm("dc01"), "HV01", include_storage=True,
                            destination_storage_path="\\\\FS01\\VMs\\dc01", live=False)) == []
    denied = compare_vm(lab, lab.vm("web01"), "HV02", include_storage=True,
                        destination_storage_path="\\\\HV01\\E$\\x")
    assert set(codes(denied)) == {"StorageAccessDenied"}
    lab.host("HV02").volume("D").capacity_bytes = 400 * GiB
    small = compare_vm(lab, sql01, "HV02", include_storage=True, destination_storage_path="D:\\VMs\\sql01")
    assert codes(small) == ["StorageSpace"]
    vhds = {"D:\\Hyper-V\\Virtual Hard Disks\\sql01-data.vhdx": "\\\\FS01\\VMs\\sql01-data.vhdx"}
    check = check_migration(lab, sql01, "HV02", include_storage=False, destination_storage_path="D:\\VMs\\sql01",
                            vhd_destinations=vhds, run_from_host="HV01", live=True)
    assert check == []


def test_memory_on_the_destination(lab):
    enable_migration(lab, "HV01", "HV02")
    lab.host("HV02").memory_bytes = 8 * GiB
    report = compare_vm(lab, lab.vm("app01"), "HV02")
    assert codes(report) == ["InsufficientMemory"]
    assert "Ran out of memory (0x8007000E)" in report.incompatibilities[0].message
    assert compare_vm(lab, lab.vm("test01"), "HV02", include_storage=True).incompatibilities == []


def test_migration_network_must_exist(lab):
    enable_migration(lab, "HV01", "HV02")
    hv02 = lab.host("HV02")
    hv02.migration.use_any_network = False
    assert codes(compare_vm(lab, lab.vm("app01"), "HV02")) == ["MigrationNetwork"]
    hv02.migration.networks.append(MigrationNetwork(subnet="192.168.10.0/24", priority=1))
    assert codes(compare_vm(lab, lab.vm("app01"), "HV02")) == []
    (mine, theirs), *_ = migration_paths(lab.host("HV01"), hv02)
    assert (mine.name, theirs.name, theirs.rdma) == ("Migration", "Migration", True)


def test_authentication_from_where_the_command_runs(lab):
    enable_migration(lab, "HV01", "HV02")
    dc01 = lab.vm("dc01")
    report = compare_vm(lab, dc01, "HV01", include_storage=True, run_from_host="HV01")
    assert codes(report) == ["CredSSP"] and "0x8009030E" in report.incompatibilities[0].message
    assert codes(compare_vm(lab, dc01, "HV01", include_storage=True, run_from_host="HV02")) == []
    hv02 = lab.host("HV02")
    hv02.migration.authentication = MigrationAuthenticationType.Kerberos
    report = compare_vm(lab, dc01, "HV01", include_storage=True, run_from_host="HV01")
    assert codes(report) == ["KerberosDelegation"]
    hv02.delegation_targets.append("HV01")
    assert recheck(lab, report).incompatibilities == []


def test_cluster_nodes_move_clustered_vms_freely(lab):
    assert codes(compare_vm(lab, lab.vm("crm01"), "HVC02", run_from_host="HV01")) == []


def test_moves_that_make_no_sense(lab):
    assert codes(compare_vm(lab, lab.vm("web01"), "HV01")) == ["SameHost"]
    storage_only = compare_vm(lab, lab.vm("web01"), "HV01", include_storage=True,
                              destination_storage_path="Q:\\nowhere")
    assert [(i.code, i.message_id) for i in storage_only.incompatibilities] == [
        (compat.SAME_HOST_CODE, compat.SAME_HOST)]
    assert codes(compare_vm(lab, lab.vm("web01"), "FS01")) == ["HyperVNotInstalled"]


def test_offline_moves_skip_live_rules(lab):
    set_vm_state(lab, lab.vm("app01"), VMState.Off)
    assert codes(compare_vm(lab, lab.vm("app01"), "HV02")) == []
    assert compat.SWITCH_NOT_FOUND == 33012
