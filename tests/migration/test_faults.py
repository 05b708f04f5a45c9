"""Faults and cancellation: before the switch-over the VM stays on the source exactly as before
(no skeleton, no partial files); after it the move completes.  Lab invariants hold after every
fault, and every disk switch-over finds the destination blocks equal to the source's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pshv.lab.enums import AccessPattern, HostState, VMState
from pshv.lab.invariants import check_invariants
from pshv.lab.model import Lab
from pshv.lab.ops import fail_host
from pshv.migration.faults import Fault
from pshv.migration.service import MigrationService

from .conftest import enabled_lab

TARGET = "D:\\VMs\\web01"
PHASES = ["StorageCopy", "Setup", "MemoryCopy", "StopAndCopy", "StorageHandover", "Resume",
          "NetworkCleanup"]
BEFORE_SWITCH = {"StorageCopy", "Setup", "MemoryCopy", "StopAndCopy"}


def snapshot(lab: Lab, vm: str):
    return (
        lab.host_of(lab.vm(vm)).name,
        lab.vm(vm).model_dump(),
        [h.volumes[i].root.model_dump() for h in lab.hosts for i in range(len(h.volumes))],
        [h.memory_reservations for h in lab.hosts],
    )


def shared_nothing(service: MigrationService):
    return service.move_vm("web01", "HV02", include_storage=True, destination_storage_path=TARGET)


def assert_untouched(lab: Lab, before, trace) -> None:
    assert trace.Result in ("Failed", "Cancelled")
    assert snapshot(lab, trace.VMName) == before
    assert check_invariants(lab) == []


def test_network_down_during_memory_copy_leaves_vm_on_source(lab, service):
    before = snapshot(lab, "app01")
    service.add_fault(Fault("NetworkDown", ("HV01", "HV02"), phase="MemoryCopy"))
    t = service.wait(service.move_vm("app01", "HV02"))
    assert "(0x80072746)" in t.Error and "failed at migration source 'HV01'" in t.Error
    assert_untouched(lab, before, t)


def test_network_down_at_a_time_during_storage_copy(lab, service):
    before = snapshot(lab, "web01")
    service.add_fault(Fault("NetworkDown", "HV02", at=lab.clock.seconds + 3.0))
    t = service.wait(shared_nothing(service))
    assert t.Phases[-1].Name == "StorageCopy"
    assert_untouched(lab, before, t)


def failed(lab: Lab, *hosts: str) -> Lab:
    """A copy of `lab` in which `hosts` failed (what a migration's rollback must come back to)."""
    copy = lab.model_copy(deep=True)
    for host in hosts:
        fail_host(copy, host)
    return copy


def test_destination_host_failure(lab, service):
    before = snapshot(failed(lab, "HV02"), "web01")
    service.add_fault(Fault("HostFailure", "HV02", phase="Setup"))
    t = service.wait(shared_nothing(service))
    assert "(0x8007274C)" in t.Error
    assert_untouched(lab, before, t)
    assert lab.host("HV02").state == HostState.Down and lab.vm("dc01").state == VMState.Off


def test_source_host_failure_fails_at_destination(lab, service):
    before = snapshot(failed(lab, "HV01"), "app01")
    service.add_fault(Fault("HostFailure", "HV01", phase="MemoryCopy"))
    t = service.wait(service.move_vm("app01", "HV02"))
    assert "failed at migration destination 'HV02'" in t.Error and "(0x800705B4)" in t.Error
    assert_untouched(lab, before, t)
    assert lab.host("HV01").state == HostState.Down and lab.vm("app01").state == VMState.Off


def test_a_migration_to_a_failed_host_cannot_connect(lab, service):
    service.add_fault(Fault("HostFailure", "HV02"))
    service.advance(0.0)
    t = service.wait(service.move_vm("app01", "HV02"))
    assert t.Result == "Failed" and "(0x8007274C)" in t.Error
    assert lab.host_of(lab.vm("app01")).name == "HV01" and check_invariants(lab) == []


def test_destination_volume_full(lab, service):
    before = snapshot(lab, "web01")
    service.add_fault(Fault("VolumeFull", service.volume_name("HV02", TARGET), at=lab.clock.seconds + 1))
    t = service.wait(shared_nothing(service))
    assert "There is not enough space on the disk. (0x80070070)" in t.Error
    assert_untouched(lab, before, t)


def test_cancel_before_switch_over(lab, service):
    before = snapshot(lab, "web01")
    m = shared_nothing(service)
    service.advance(5.0)
    assert service.cancel(m)
    t = service.wait(m)
    assert t.Result == "Cancelled"
    assert_untouched(lab, before, t)


def test_cancel_fault_during_blackout_still_rolls_back(lab, service):
    before = snapshot(lab, "app01")
    service.add_fault(Fault("Cancel", "app01", phase="StopAndCopy"))
    t = service.wait(service.move_vm("app01", "HV02"))
    assert_untouched(lab, before, t)


def test_faults_after_switch_over_let_the_move_complete(lab, service):
    service.add_fault(Fault("HostFailure", "HV01", phase="Resume"))
    service.add_fault(Fault("Cancel", "web01", phase="NetworkCleanup"))
    m = shared_nothing(service)
    t = service.wait(m)
    assert t.Result == "Completed" and t.StorageVerified
    assert not service.cancel(m)
    assert lab.host_of(lab.vm("web01")).name == "HV02"
    assert check_invariants(lab) == []


def test_storage_migration_with_heavy_writes_stays_identical(lab, service):
    lab.vm("sql01").workload.disk_write_mb_per_s = 400.0
    m = service.move_storage("sql01", destination_storage_path="E:\\sql01")
    t = service.wait(m)
    assert t.StorageVerified is True
    written_during_copy = t.StorageBytesTransferred - sum(
        m.mirrors[i].source.used_bytes for i in range(len(m.mirrors)))
    assert written_during_copy > 0  # tracked blocks were replicated


faults = st.one_of(
    st.builds(lambda t: Fault("NetworkDown", ("HV01", "HV02"), at=t), st.floats(0, 40)),
    st.builds(lambda p: Fault("NetworkDown", "HV02", phase=p), st.sampled_from(PHASES)),
    st.builds(lambda t: Fault("HostFailure", "HV02", at=t), st.floats(0, 40)),
    st.builds(lambda t: Fault("HostFailure", "HV01", at=t), st.floats(0, 40)),
    st.builds(lambda t: Fault("VolumeFull", "HV02 D:", at=t), st.floats(0, 40)),
    st.builds(lambda p: Fault("Cancel", "web01", phase=p), st.sampled_from(PHASES)),
    st.builds(lambda t: Fault("Cancel", "web01", at=t), st.floats(0, 40)),
)
workloads = st.fixed_dictionaries({
    "access_pattern": st.sampled_from(list(AccessPattern)),
    "dirty_rate_mb_per_s": st.floats(0, 3000),
    "writable_working_set_bytes": st.integers(0, 4 * 1024**3),
    "compressibility": st.floats(1.0, 4.0),
    "disk_write_mb_per_s": st.floats(0, 500),
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schedule=st.lists(faults, max_size=3), workload=workloads, storage=st.booleans())
def test_random_faults_and_workloads_keep_the_lab_consistent(schedule, workload, storage):
    lab = enabled_lab()
    vm = lab.vm("web01")
    vm.workload = vm.workload.model_copy(update=workload)
    if not storage:  # put web01's files on the share both hosts reach, for a plain live move
        MigrationService(lab).wait(MigrationService(lab).move_storage(
            "web01", destination_storage_path="\\\\FS01\\VMs\\web01"))
    service = MigrationService(lab)
    original = lab.model_copy(deep=True)
    start = lab.clock.seconds
    for fault in schedule:
        if fault.at is not None:
            fault = Fault(fault.kind, fault.target, at=start + fault.at)
        service.add_fault(fault)
    m = shared_nothing(service) if storage else service.move_vm("web01", "HV02")
    t = service.wait(m)
    assert check_invariants(lab) == []
    if t.Result == "Completed":
        assert lab.host_of(vm).name == "HV02"
        assert t.StorageVerified in ((True,) if storage else (None,))
        switch = start + next(p.StartSeconds for p in t.Phases if p.Name == "StorageHandover")
        fatal = {"NetworkDown", "HostFailure", "Cancel"}
        assert all(at >= switch - 1e-9 for at, f in service.faults.fired if f.kind in fatal)
    else:
        crashed = [str(f.target) for _, f in service.faults.fired if f.kind == "HostFailure"]
        assert_untouched(lab, snapshot(failed(original, *crashed), "web01"), t)
