"""The service on the default lab: kinds, lab changes, checks, limits, queueing, traces, events."""

from __future__ import annotations

import pytest

from pshv.lab.enums import VMState
from pshv.lab.filesystem import FileSystem
from pshv.lab.invariants import check_invariants
from pshv.lab.ops import create_vm, set_vm_state
from pshv.migration.service import MigrationService

WEB01_TARGET = "D:\\VMs\\web01"


def test_live_migration_moves_the_vm_and_writes_a_trace(lab, service):
    progress, verbose = [], []
    start = lab.clock.seconds
    m = service.move_vm("app01", "HV02", progress=progress.append, verbose=verbose.append)
    t = service.wait(m)
    assert t.Result == "Completed" and t.Error is None
    assert lab.host_of(lab.vm("app01")).name == "HV02"
    assert lab.vm("app01").state == VMState.Running
    assert not lab.host("HV02").memory_reservations
    assert lab.clock.seconds == pytest.approx(start + t.TotalSeconds)
    assert (t.Kind, t.Source, t.Destination) == ("Live", "HV01", "HV02")
    assert [p.Name for p in t.Phases] == [
        "Setup", "MemoryCopy", "StopAndCopy", "StorageHandover", "Resume", "NetworkCleanup"]
    assert t.Rounds[0].Pages == 6 * 1024**3 // 4096 and t.Rounds[-1].StopAndCopy  # touched memory
    assert 0 < t.BlackoutSeconds < 1 and t.WireBytes < t.MemoryBytesTransferred
    assert sum(p.Seconds for p in t.Phases) == pytest.approx(t.TotalSeconds)
    percents = [e.PercentComplete for e in progress]
    assert percents == sorted(percents) and percents[-1] == 100
    assert any("Memory pass 0" in e.Message for e in verbose)
    assert check_invariants(lab) == []


def test_shared_nothing_copies_mirrors_then_migrates(lab, service):
    vm = lab.vm("web01")
    old_disk = vm.disk_paths()[0]
    t = service.wait(service.move_vm("web01", "HV02", include_storage=True,
                                     destination_storage_path=WEB01_TARGET))
    assert t.Result == "Completed" and t.Kind == "SharedNothing"
    assert [p.Name for p in t.Phases][:2] == ["StorageCopy", "Setup"]
    assert t.StorageVerified is True
    assert t.StorageBytesTransferred >= 20 * 1024**3
    fs = FileSystem(lab)
    assert not fs.exists("HV01", old_disk)
    assert vm.disk_paths() == [WEB01_TARGET + "\\Virtual Hard Disks\\web01.vhdx"]
    assert fs.exists("HV02", vm.disk_paths()[0])
    assert check_invariants(lab) == []


def test_storage_migration_of_a_running_vm_verifies_the_copy(lab, service):
    t = service.wait(service.move_storage("sql01", destination_storage_path="E:\\sql01"))
    assert t.Result == "Completed" and t.Kind == "Storage" and t.StorageVerified
    # copy speed: the slower of D: read (2000 MB/s) and E: write (1500 MB/s)
    used = sum(FileSystem(lab).size_of("HV01", p) for p in lab.vm("sql01").disk_paths())
    assert t.TotalSeconds == pytest.approx(used / 1500e6, rel=0.05)
    assert all(p.startswith("E:\\sql01") for p in lab.vm("sql01").disk_paths())
    assert check_invariants(lab) == []


def test_quick_migration_of_a_vm_that_is_off(lab, service):
    t = service.wait(service.move_vm("test01", "HV02", include_storage=True,
                                     destination_storage_path="D:\\VMs\\test01"))
    assert (t.Kind, t.Result) == ("Quick", "Completed")
    assert lab.host_of(lab.vm("test01")).name == "HV02" and not t.Rounds
    assert check_invariants(lab) == []


def test_failed_check_gives_hyperv_text(lab, service):
    t = service.wait(service.move_vm("dc01", "HV03"))
    assert t.Result == "Failed"
    first = t.Error.splitlines()[0]
    assert first.startswith("Virtual machine migration operation for 'dc01' failed at migration "
                            "source 'HV02'. (Virtual machine ID ")
    assert lab.host_of(lab.vm("dc01")).name == "HV02"
    assert lab.events[-1].event_id == 21502


def test_standalone_limit_fails_at_once(lab, service):
    lab.host("HV01").migration.maximum_vm_migrations = 2
    a = service.move_vm("sql01", "HV02", include_storage=True, destination_storage_path="D:\\VMs\\sql01")
    b = service.move_vm("web01", "HV02", include_storage=True, destination_storage_path=WEB01_TARGET)
    c = service.move_vm("app01", "HV02")
    assert c.trace.Result == "Failed"
    assert ('Failed to perform migration on virtual machine "app01" because virtual machine '
            'migration limit "2" was reached, please wait for completion of an ongoing migration '
            'operation.') in c.trace.Error
    assert lab.events[-1].event_id == 21501
    service.run()
    assert a.trace.Result == b.trace.Result == "Completed"
    d = service.wait(service.move_vm("app01", "HV02"))
    assert d.Result == "Completed"


def test_storage_and_live_limits_are_counted_separately(lab, service):
    lab.host("HV01").migration.maximum_vm_migrations = 1
    lab.host("HV01").migration.maximum_storage_migrations = 1
    live = service.move_vm("app01", "HV02")
    storage = service.move_storage("sql01", destination_storage_path="E:\\sql01")
    second = service.move_storage("test01", destination_storage_path="E:\\test01")
    assert live.trace.Result == storage.trace.Result == "Running"
    assert "storage migration limit \"1\"" in second.trace.Error
    service.run()


def test_cluster_moves_queue_and_run_maximum_parallel_migrations_at_a_time(lab):
    cluster = lab.clusters[0]
    cluster.maximum_parallel_migrations = 1
    for name in ("crm02", "crm03"):
        vm = create_vm(lab, "HVC01", name, memory_startup_bytes=2 * 1024**3,
                       path=f"C:\\ClusterStorage\\Volume1\\{name}", switch_name="External")
        set_vm_state(lab, vm, VMState.Running)
    service = MigrationService(lab)
    moves = [service.move_vm(n, "HVC02") for n in ("crm01", "crm02", "crm03")]
    assert [m.trace.Result for m in moves] == ["Running", "Queued", "Queued"]
    service.run()
    traces = [m.trace for m in moves]
    assert all(t.Result == "Completed" for t in traces), [t.Error for t in traces]
    for before, after in zip(traces, traces[1:]):
        assert after.StartTime >= before.EndTime - 1e-9
    assert check_invariants(lab) == []


def test_concurrent_migrations_share_the_link_and_slow_each_other(lab):
    alone = MigrationService(enabled_copy := lab.model_copy(deep=True))
    t_alone = alone.wait(alone.move_vm("app01", "HV02"))
    service = MigrationService(lab)
    a = service.move_vm("app01", "HV02")
    b = service.move_vm("sql01", "HV02", include_storage=True, destination_storage_path="D:\\VMs\\sql01")
    service.run()
    assert a.trace.Result == b.trace.Result == "Completed"
    assert a.trace.TotalSeconds > 1.3 * t_alone.TotalSeconds
    assert enabled_copy is not lab


def test_advance_runs_background_migrations_and_the_lab_clock(lab, service):
    m = service.move_vm("app01", "HV02")
    start = lab.clock.seconds
    service.advance(1.5)
    assert lab.clock.seconds == pytest.approx(start + 1.5)
    assert m.trace.Result == "Running" and m.recorder.phase == "MemoryCopy"
    service.advance(60)
    assert m.trace.Result == "Completed"
    assert service.traces("APP01") == [m.trace]
