import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from pshv.lab.base import GiB, MiB
from pshv.lab.default import default_lab
from pshv.lab.enums import ClusterGroupState, ClusterNodeState, HostState, VMState
from pshv.lab.filesystem import FileSystem, FsError, PathExists
from pshv.lab.invariants import InvariantError, assert_invariants, check_invariants
from pshv.lab.ops import (
    ClusteredVM,
    HostDown,
    InsufficientMemory,
    LabOperationError,
    add_hard_disk,
    apply_storage_plan,
    create_vm,
    fail_host,
    place_vm,
    release_memory,
    remove_vm,
    reserve_memory,
    set_vm_state,
)
from pshv.lab.storage import plan_storage_move


def test_create_start_and_remove_a_vm(lab):
    vm = create_vm(lab, "HV02", "new01", memory_startup_bytes=2 * GiB, switch_name="External")
    assert vm.path == "D:\\Hyper-V" and vm.version == "10.0"
    add_hard_disk(lab, vm, "D:\\Hyper-V\\Virtual Hard Disks\\new01.vhdx", max_size_bytes=40 * GiB)
    set_vm_state(lab, vm, VMState.Running)
    assert vm.memory.assigned_bytes == 2 * GiB and vm.started_at == lab.clock.seconds
    lab.clock.advance(60)
    assert vm.uptime_seconds(lab.clock) == 60
    assert check_invariants(lab) == []
    remove_vm(lab, vm)
    fs = FileSystem(lab)
    assert fs.exists("HV02", "D:\\Hyper-V\\Virtual Hard Disks\\new01.vhdx")
    assert not fs.exists("HV02", vm.configuration_files()[0])
    assert check_invariants(lab) == []


def test_touched_memory_follows_the_vm_state(lab):
    test01 = lab.vm("test01")
    set_vm_state(lab, test01, VMState.Running)
    assert test01.memory.touched_bytes == test01.memory.assigned_bytes == 2 * GiB
    set_vm_state(lab, test01, VMState.Paused)
    assert test01.memory.touched_bytes == 2 * GiB
    set_vm_state(lab, test01, VMState.Off)
    assert test01.memory.touched_bytes == test01.memory.assigned_bytes == 0


def test_a_failed_host_runs_nothing_and_refuses_work(lab):
    reserve_memory(lab, "HV01", "incoming", GiB)
    fail_host(lab, "HV01")
    hv01 = lab.host("HV01")
    assert hv01.state == HostState.Down and hv01.memory_reservations == []
    assert {vm.state for vm in hv01.vms} == {VMState.Off} and hv01.running_vm_memory_bytes() == 0
    assert check_invariants(lab) == []
    with pytest.raises(HostDown):
        set_vm_state(lab, lab.vm("web01"), VMState.Running)
    with pytest.raises(HostDown):
        reserve_memory(lab, "HV01", "incoming", GiB)
    with pytest.raises(HostDown):
        create_vm(lab, "HV01", "new01")
    with pytest.raises(HostDown):
        place_vm(lab, lab.vm("dc01"), "HV01")


def test_a_failed_cluster_node_is_down_and_its_roles_failed(lab):
    fail_host(lab, "HVC01")
    cluster = lab.find_cluster("CLU01")
    assert cluster.node("HVC01").state == ClusterNodeState.Down
    assert cluster.groups[0].state == ClusterGroupState.Failed and lab.vm("crm01").state == VMState.Off
    assert check_invariants(lab) == []


def test_memory_reservations(lab):
    hv02 = lab.host("HV02")
    free = hv02.free_memory_bytes()
    reserve_memory(lab, "HV02", "web01", 4 * GiB)
    reserve_memory(lab, "HV02", "web01", 4 * GiB)
    assert hv02.free_memory_bytes() == free - 4 * GiB
    with pytest.raises(InsufficientMemory):
        reserve_memory(lab, "HV02", "huge", free)
    release_memory(lab, "HV02", "web01")
    assert hv02.free_memory_bytes() == free


def test_place_vm_and_move_its_storage(lab):
    web01 = lab.vm("web01")
    plan = plan_storage_move(lab, web01, "HV02", destination_storage_path="D:\\VMs\\web01")
    assert plan.total_bytes == 20 * GiB + 72 * 1024 + 48 * 1024 + MiB
    apply_storage_plan(lab, web01, plan)
    assert lab.host_of(web01).name == "HV02"
    assert web01.hard_drives[0].path == "D:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx"
    assert check_invariants(lab) == []
    crm01 = lab.vm("crm01")
    with pytest.raises(ClusteredVM):
        place_vm(lab, crm01, "HV01")
    place_vm(lab, crm01, "HVC02")
    assert lab.find_cluster("CLU01").groups[0].owner_node == "HVC02"
    assert check_invariants(lab) == []


def test_storage_move_of_two_disks_with_one_file_name_changes_nothing():
    """Hypothesis's falsifying sequence: web01 ends up with two disks called a1.vhdx, whose
    move into one folder used to fail halfway and leave web01 without its files."""
    machine = LabMachine()
    machine.write_text(folder="D:\\Hyper-V", host="HV01", name="a1", text="")
    machine.move_vm_storage(folder="D:\\Hyper-V", host="HV01", index=0)
    machine.add_disk(folder="D:\\Hyper-V", index=0, name="a1", size=1)
    machine.move_vm_storage(folder="D:\\Hyper-V", host="HV01", index=0)
    machine.add_disk(folder="D:\\Hyper-V", index=0, name="a1", size=1)
    web01 = machine.lab.vm("web01")
    before = web01.model_dump()
    machine.move_vm_storage(folder="D:\\Hyper-V", host="HV02", index=0)
    assert check_invariants(machine.lab) == []
    assert machine.lab.host_of(web01).name == "HV01" and web01.model_dump() == before
    plan = plan_storage_move(machine.lab, web01, "HV02", destination_storage_path="D:\\Hyper-V\\web01")
    with pytest.raises(PathExists):
        apply_storage_plan(machine.lab, web01, plan)


def test_storage_move_refuses_a_file_on_the_way(lab):
    web01 = lab.vm("web01")
    fs = FileSystem(lab)
    fs.make_folder("HV02", "D:\\VMs\\web01")
    fs.write_text("HV02", "D:\\VMs\\web01\\Virtual Hard Disks", "a file where the disks' folder goes")
    plan = plan_storage_move(lab, web01, "HV02", destination_storage_path="D:\\VMs\\web01")
    with pytest.raises(PathExists):
        apply_storage_plan(lab, web01, plan)
    assert lab.host_of(web01).name == "HV01" and check_invariants(lab) == []


def test_violations_name_their_json_path(lab):
    lab.host("HV01").vms[0].hard_drives[0].path = "D:\\missing.vhdx"
    lab.host("HV02").vms.append(lab.vm("sql01").model_copy())
    with pytest.raises(InvariantError) as error:
        assert_invariants(lab)
    text = str(error.value)
    assert "hosts[0].vms[0].hard_drives[0].path" in text and "hosts[1].vms[1].id" in text


def test_violations_of_touched_memory_and_down_hosts(lab):
    lab.vm("web01").memory.touched_bytes = 5 * GiB
    lab.host("HVC01").state = HostState.Down
    where = {v.location for v in check_invariants(lab)}
    assert where == {"hosts[0].vms[0].memory.touched_bytes", "hosts[5].vms[0].state",
                     "clusters[0].nodes[0].state", "clusters[0].groups[0].state"}


NAMES = st.sampled_from(["a1", "b2", "c3", "web01"])
FILE_NAMES = st.sampled_from(["a1", "b2", "web01", "Virtual Hard Disks"])
HOSTS = st.sampled_from(["HV01", "HV02", "HV03", "HVC01"])
FOLDERS = st.sampled_from(["D:\\Hyper-V", "D:\\Other", "\\\\FS01\\VMs", "C:\\ClusterStorage\\Volume1",
                           "E:\\Stuff"])


class LabMachine(RuleBasedStateMachine):
    """Random model operations; the lab's invariants must hold after each."""

    def __init__(self):
        super().__init__()
        self.lab = default_lab()
        self.fs = FileSystem(self.lab)

    def attempt(self, action):
        try:
            action()
        except (FsError, LabOperationError, LookupError):
            pass

    def vms(self):
        return [vm for _, vm in self.lab.iter_vms()]

    @rule(host=HOSTS, name=NAMES, folder=FOLDERS, memory=st.integers(1, 64))
    def create(self, host, name, folder, memory):
        self.attempt(lambda: create_vm(self.lab, host, name, memory_startup_bytes=memory * GiB,
                                       path=f"{folder}\\{name}"))

    @rule(index=st.integers(0, 20))
    def remove(self, index):
        vms = self.vms()
        if vms:
            remove_vm(self.lab, vms[index % len(vms)])

    @rule(index=st.integers(0, 20), folder=FOLDERS, size=st.integers(1, 3000), name=NAMES)
    def add_disk(self, index, folder, size, name):
        vms = self.vms()
        if vms:
            vm = vms[index % len(vms)]
            self.attempt(lambda: add_hard_disk(self.lab, vm, f"{folder}\\{name}.vhdx",
                                               max_size_bytes=size * GiB, used_bytes=size * GiB // 2))

    @rule(host=HOSTS, folder=FOLDERS, name=NAMES, size=st.integers(0, 5000))
    def write_file(self, host, folder, name, size):
        self.attempt(lambda: self.fs.write_file(host, f"{folder}\\{name}.bin", size_bytes=size * GiB))

    @rule(host=HOSTS, folder=FOLDERS, name=FILE_NAMES, text=st.text(max_size=20))
    def write_text(self, host, folder, name, text):
        self.attempt(lambda: self.fs.write_text(host, f"{folder}\\{name}", text))

    @rule(host=HOSTS, folder=FOLDERS, name=NAMES, recursive=st.booleans())
    def delete(self, host, folder, name, recursive):
        target = folder if name == "web01" else f"{folder}\\{name}"
        self.attempt(lambda: self.fs.delete(host, target, recursive=recursive))

    @rule(host=HOSTS, source=FOLDERS, destination=FOLDERS)
    def move_folder(self, host, source, destination):
        self.attempt(lambda: self.fs.move(host, source, f"{destination}\\moved"))

    @rule(index=st.integers(0, 20), folder=FOLDERS, host=HOSTS, own_folder=st.booleans())
    def move_vm_storage(self, index, folder, host, own_folder=True):
        vms = self.vms()
        if vms:
            vm = vms[index % len(vms)]
            target = f"{folder}\\{vm.name}" if own_folder else folder

            def move():
                plan = plan_storage_move(self.lab, vm, host, destination_storage_path=target)
                apply_storage_plan(self.lab, vm, plan)

            self.attempt(move)

    @rule(host=HOSTS)
    def fail(self, host):
        fail_host(self.lab, host)

    @rule(index=st.integers(0, 20), running=st.booleans())
    def toggle(self, index, running):
        vms = self.vms()
        if vms:
            state = VMState.Running if running else VMState.Off
            self.attempt(lambda: set_vm_state(self.lab, vms[index % len(vms)], state))

    @invariant()
    def consistent(self):
        assert check_invariants(self.lab) == []


LabMachine.TestCase.settings = settings(
    max_examples=30, stateful_step_count=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_random_operations_keep_the_invariants = LabMachine.TestCase
