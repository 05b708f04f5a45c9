"""The migration service: what Move-VM, Move-VMStorage, Start-Sleep, Stop-Job,
Get-LabMigrationTrace and Set-LabFault call.

One service per lab.  It owns the event engine (whose clock drives the lab clock), the fault
injector, the limits, the guests' dirty-page generators and the disks' block fingerprints, and
runs every migration as a process: checks and limits first, then the kind's phases, then either
the documented lab changes (switch-over) or a rollback that leaves the VM where it was.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from pshv.lab.enums import EventLevel
from pshv.lab.filesystem import FileSystem, FsError
from pshv.lab.fstree import File
from pshv.lab.model import Lab, VirtualMachine
from pshv.lab.ops import HostDown, InsufficientMemory, LabOperationError, apply_storage_plan, place_vm
from pshv.lab.storage import StoragePlan, plan_storage_move
from pshv.migration import adapter, texts
from pshv.migration.engine import Engine, Event, Process, Transfer
from pshv.migration.faults import Fault, FaultInjector, MigrationCancelled, MigrationError, volume_key
from pshv.migration.fluid import Flow
from pshv.migration.live import LiveJob, PrecopyPolicy, QuickJob, precopy, quick
from pshv.migration.scheduler import LimitReached, Scheduler, Slot
from pshv.migration.storage import DiskImage, DiskWriter, Mirror, copy_disk
from pshv.migration.trace import (
    MigrationKind,
    MigrationTrace,
    ProgressCallback,
    TraceRecorder,
    VerboseCallback,
)
from pshv.migration.transports import Channel, TransportSettings, make_channel, nic_resources
from pshv.migration.workloads import PAGE_SIZE, DirtyGenerator, WorkloadSpec

Checker = Callable[..., list[Any]]
Body = Generator[Event, Any, None]
FINISHED = ("Completed", "Failed", "Cancelled")


@dataclass(eq=False)
class Migration:
    """A handle on one migration (what a job object wraps)."""

    id: int
    vm: VirtualMachine
    kind: MigrationKind
    source: str
    destination: str
    recorder: TraceRecorder
    footprint: adapter.Footprint
    slot: Slot | None = None
    process: Process | None = None
    committed: bool = False
    mirrors: list[Mirror] = field(default_factory=list)

    @property
    def trace(self) -> MigrationTrace:
        return self.recorder.trace

    @property
    def done(self) -> bool:
        return self.trace.Result in FINISHED


def _default_checker(lab: Lab, vm: VirtualMachine, destination_host: str, **options: Any) -> list[Any]:
    from pshv.lab.compat import check_migration

    return check_migration(lab, vm, destination_host, **options)


def _detail(issue: Any) -> str:
    return str(getattr(issue, "message", issue))


class MigrationService:
    """Runs migrations on a lab in simulated time."""

    def __init__(
        self,
        lab: Lab,
        *,
        policy: PrecopyPolicy | None = None,
        transport: TransportSettings | None = None,
        checker: Checker = _default_checker,
        progress: ProgressCallback | None = None,
        verbose: VerboseCallback | None = None,
        seed: int = 0,
    ) -> None:
        self.lab = lab
        self.policy = policy or PrecopyPolicy()
        self.transport = transport or TransportSettings()
        self.checker = checker
        self.progress, self.verbose = progress, verbose
        self.seed = seed
        self.engine = Engine(start=lab.clock.seconds)
        self.engine.time_observers.append(self._tick)
        self.faults = FaultInjector(self.engine, self._host_failed, self.cancel_vm)
        self.scheduler = Scheduler(
            lambda host, category: adapter.limit_of(lab, host, category),
            lambda hosts: adapter.same_cluster(lab, hosts),
        )
        self.migrations: list[Migration] = []
        self._memory: dict[uuid.UUID, DirtyGenerator] = {}
        self._disks: dict[tuple[uuid.UUID, str], DiskImage] = {}

    # ---- time --------------------------------------------------------------------------
    def _tick(self, now: float) -> None:
        if now > self.lab.clock.seconds:
            self.lab.clock.seconds = now

    def _catch_up(self) -> None:
        """Let the engine run up to the lab clock if something else moved the clock."""
        if self.lab.clock.seconds > self.engine.now:
            self.engine.run(until=self.lab.clock.seconds)

    def advance(self, seconds: float) -> None:
        """Start-Sleep / Wait-Job: ``seconds`` of lab time pass while migrations run."""
        self._catch_up()
        self.engine.advance(seconds)
        for m in self.running():
            m.recorder.report()

    def wait(self, migration: Migration, timeout: float | None = None) -> MigrationTrace:
        """Run the clock until ``migration`` ends (or ``timeout`` lab seconds pass)."""
        self._catch_up()
        until = None if timeout is None else self.engine.now + timeout
        self.engine.run(until=until, stop=lambda: migration.done)
        return migration.trace

    def run(self) -> None:
        """Run every migration (running and queued) to its end."""
        self._catch_up()
        self.engine.run()

    # ---- queries -----------------------------------------------------------------------
    def running(self) -> list[Migration]:
        return [m for m in self.migrations if not m.done]

    def traces(self, vm_name: str | None = None) -> list[MigrationTrace]:
        """Get-LabMigrationTrace: every migration's trace, oldest first."""
        key = vm_name.casefold() if vm_name else None
        return [m.trace for m in self.migrations if key is None or m.trace.VMName.casefold() == key]

    def volume_name(self, host: str, path: str) -> str:
        """The name a VolumeFull fault uses for the volume holding ``path`` on ``host``."""
        return adapter.volume_of(self.lab, host, path)[0]

    # ---- faults and cancellation ----------------------------------------------------------
    def add_fault(self, fault: Fault) -> None:
        """Set-LabFault: arm a fault (at a lab time, or when a migration enters a phase)."""
        self._catch_up()
        self.faults.add(fault)

    def cancel(self, migration: Migration) -> bool:
        """Stop-Job: cancel before the switch-over; False when it is too late or finished."""
        if migration.done or migration.committed:
            return False
        if migration.slot is not None and self.scheduler.withdraw(migration.slot):
            migration.recorder.finish("Cancelled", texts.cancelled(migration.vm.name))
            return True
        if migration.process is not None:
            migration.process.interrupt(MigrationCancelled())
        return True

    def cancel_vm(self, vm_name: str) -> None:
        for m in self.running():
            if m.vm.name.casefold() == vm_name.casefold():
                self.cancel(m)

    def _host_failed(self, host: str) -> None:
        adapter.host_failed(self.lab, host)
        for m in self.running():
            if m.committed or m.process is None:
                continue
            if m.destination.casefold() == host.casefold():
                m.process.interrupt(MigrationError(texts.connection_failed(m.destination)))
            elif m.source.casefold() == host.casefold():
                m.process.interrupt(MigrationError(texts.receive_timeout(), "destination"))

    # ---- starting migrations --------------------------------------------------------------
    def move_vm(
        self,
        vm: VirtualMachine | str,
        destination_host: str,
        *,
        include_storage: bool = False,
        destination_storage_path: str | None = None,
        virtual_machine_path: str | None = None,
        snapshot_file_path: str | None = None,
        smart_paging_file_path: str | None = None,
        vhds: dict[str, str] | None = None,
        run_from_host: str | None = None,
        progress: ProgressCallback | None = None,
        verbose: VerboseCallback | None = None,
    ) -> Migration:
        """Move-VM: live (running VM), shared nothing (with storage) or quick (off / saved)."""
        self._catch_up()
        vm = self.lab.vm(vm) if isinstance(vm, str) else vm
        source = self.lab.host_of(vm).name
        destination = self.lab.host(destination_host).name
        live = vm.state in adapter.RUNNING_STATES
        moves_storage = bool(
            include_storage or destination_storage_path or virtual_machine_path
            or snapshot_file_path or smart_paging_file_path or vhds
        )
        kind: MigrationKind = ("SharedNothing" if moves_storage else "Live") if live else "Quick"
        m = self._new(vm, kind, source, destination, progress, verbose)
        # the checks see the very plan made below
        issues = self.checker(
            self.lab, vm, destination,
            include_storage=include_storage,
            destination_storage_path=destination_storage_path,
            virtual_machine_path=virtual_machine_path,
            snapshot_file_path=snapshot_file_path,
            smart_paging_file_path=smart_paging_file_path,
            vhd_destinations=vhds,
            run_from_host=run_from_host or self.lab.console_host,
            live=live,
        )
        if issues:
            self._fail(m, "\n".join(_detail(i) for i in issues))
            return m
        plan = None
        if moves_storage:
            plan = plan_storage_move(
                self.lab, vm, destination,
                destination_storage_path=destination_storage_path,
                virtual_machine_path=virtual_machine_path,
                snapshot_file_path=snapshot_file_path,
                smart_paging_file_path=smart_paging_file_path,
                vhd_destinations=vhds,
                use_host_defaults=include_storage and not destination_storage_path,
            )
        body = self._live(m, plan) if live else self._quick(m, plan)
        self._admit(m, Slot((source, destination), "live"), body)
        return m

    def move_storage(
        self,
        vm: VirtualMachine | str,
        *,
        destination_storage_path: str | None = None,
        virtual_machine_path: str | None = None,
        snapshot_file_path: str | None = None,
        smart_paging_file_path: str | None = None,
        vhds: dict[str, str] | None = None,
        progress: ProgressCallback | None = None,
        verbose: VerboseCallback | None = None,
    ) -> Migration:
        """Move-VMStorage: copy (and mirror, if running) the VM's files to new paths.

        Storage migration needs no host setting (it is always enabled); destination space and
        access are checked when the destination files are created.
        """
        self._catch_up()
        vm = self.lab.vm(vm) if isinstance(vm, str) else vm
        host = self.lab.host_of(vm).name
        m = self._new(vm, "Storage", host, host, progress, verbose)
        live = vm.state in adapter.RUNNING_STATES
        plan = plan_storage_move(
            self.lab, vm, host,
            destination_storage_path=destination_storage_path,
            virtual_machine_path=virtual_machine_path,
            snapshot_file_path=snapshot_file_path,
            smart_paging_file_path=smart_paging_file_path,
            vhd_destinations=vhds,
        )
        self._admit(m, Slot((host,), "storage"), self._storage(m, plan, live))
        return m

    def _new(
        self,
        vm: VirtualMachine,
        kind: MigrationKind,
        source: str,
        destination: str,
        progress: ProgressCallback | None,
        verbose: VerboseCallback | None,
    ) -> Migration:
        option = adapter.performance_option(self.lab.host(source)) if kind != "Storage" else ""
        trace = MigrationTrace(vm.name, kind, source, destination, option, Result="Queued")
        mid = len(self.migrations) + 1
        rec = TraceRecorder(
            mid, trace, lambda: self.engine.now,
            progress or self.progress, verbose or self.verbose, self.faults.phase_started,
        )
        m = Migration(mid, vm, kind, source, destination, rec, adapter.Footprint(self.lab))
        self.migrations.append(m)
        return m

    def _admit(self, m: Migration, slot: Slot, body: Body) -> None:
        m.slot = slot
        try:
            started = self.scheduler.request(slot, lambda: self._start(m, body))
        except LimitReached as limit:
            m.slot = None
            detail = texts.limit_reached(m.vm.name, limit.limit, limit.category == "storage")
            adapter.log(self.lab, m.source, texts.EVENT_LIMIT_REACHED, detail, EventLevel.Error)
            self._fail(m, detail, log=False)
            return
        if not started:
            m.recorder.say("Queued: the cluster runs MaximumParallelMigrations moves at a time.")

    def _start(self, m: Migration, body: Body) -> None:
        m.trace.Result = "Running"
        m.trace.StartTime = self.engine.now
        m.process = self.engine.process(self._run(m, body), name=f"migration {m.id}")

    def _fail(self, m: Migration, detail: str, side: str = "source", log: bool = True) -> None:
        host = m.source if side == "source" else m.destination
        message = texts.failed_at(m.vm.name, host, str(m.vm.id).upper(), side) + "\n" + detail
        if log:
            adapter.log(self.lab, m.source, texts.EVENT_MIGRATION_FAILED, message, EventLevel.Error)
        m.recorder.finish("Failed", message)

    def _run(self, m: Migration, body: Body) -> Body:
        try:
            yield from body
        except MigrationCancelled:
            m.footprint.undo()
            m.recorder.finish("Cancelled", texts.cancelled(m.vm.name))
        except MigrationError as err:
            m.footprint.undo()
            self._fail(m, err.detail, err.side)
        except (FsError, LabOperationError) as err:
            m.footprint.undo()
            self._fail(m, str(err), "destination")
        else:
            m.recorder.finish("Completed")
            if m.trace.BlackoutSeconds > texts.LONG_BLACKOUT_SECONDS:
                text = texts.long_blackout(m.vm.name, m.trace.BlackoutSeconds)
                adapter.log(self.lab, m.destination, texts.EVENT_LONG_BLACKOUT, text, EventLevel.Warning)
        finally:
            if m.slot is not None:
                self.scheduler.release(m.slot)

    # ---- kinds ---------------------------------------------------------------------------
    def _channel(self, m: Migration, spec: WorkloadSpec) -> Channel:
        source, destination = self.lab.host(m.source), self.lab.host(m.destination)
        pairs = adapter.nic_pairs(source, destination)
        if not pairs:
            raise MigrationError(texts.connection_failed(m.destination))
        option = adapter.performance_option(source)
        channel = make_channel(
            self.engine,
            option,  # type: ignore[arg-type]
            pairs,
            compressibility=spec.compressibility,
            spare_lps=adapter.spare_logical_processors(source),
            settings=self.transport,
        )
        m.trace.PerformanceOption = option  # the host's setting; channel.mode says how it ran
        return channel

    def _generator(self, vm: VirtualMachine) -> DirtyGenerator:
        spec = adapter.workload_spec(vm)
        gen = self._memory.get(vm.id)
        if gen is None or gen.spec != spec:
            gen = self._memory[vm.id] = DirtyGenerator(spec, self.seed ^ vm.id.int & 0xFFFFFFFF)
        return gen

    def _live(self, m: Migration, plan: StoragePlan | None) -> Body:
        vm = m.vm
        if plan is not None:
            yield from self._copy_storage(m, plan, running=True)
        gen = self._generator(vm)
        pages = adapter.memory_pages(vm)

        def setup() -> None:
            m.footprint.reserve(m.destination, f"migration {m.id}: {vm.name}", pages * PAGE_SIZE)

        def commit() -> None:
            m.committed = True
            if plan is not None:
                self._switch_storage(m, plan)
            m.footprint.release_memory()
            place_vm(self.lab, vm, m.destination)

        def cleanup() -> None:
            macs = ", ".join(a.mac_address for a in vm.network_adapters) or "none"
            m.recorder.say(f"Network cleanup: MAC {macs} announced on {m.destination}.")

        job = LiveJob(
            pages, adapter.utilized_pages(vm), gen, self._channel(m, gen.spec), self.policy,
            on_setup=self._guarded(m, setup), on_commit=commit, on_cleanup=cleanup,
        )
        yield from precopy(self.engine, job, m.recorder)

    def _quick(self, m: Migration, plan: StoragePlan | None) -> Body:
        vm = m.vm
        if plan is not None:
            yield from self._copy_storage(m, plan, running=False)
        state = sum(self._size(m.source, f) for f in vm.configuration_files())
        if vm.state.name == "Saved":
            state += vm.memory.startup_bytes

        def commit() -> None:
            m.committed = True
            if plan is not None:
                self._switch_storage(m, plan)
            place_vm(self.lab, vm, m.destination)

        channel = self._channel(m, WorkloadSpec(compressibility=1.0))
        job = QuickJob(state, channel, self.policy.setup_seconds, on_commit=commit)
        yield from quick(self.engine, job, m.recorder)

    def _storage(self, m: Migration, plan: StoragePlan, running: bool) -> Body:
        yield from self._copy_storage(m, plan, running)
        m.recorder.begin_phase("StorageSwitch")
        m.committed = True
        self._switch_storage(m, plan)

    # ---- storage ----------------------------------------------------------------------------
    def _size(self, host: str, path: str) -> int:
        try:
            return FileSystem(self.lab).size_of(host, path)
        except FsError:
            return 0

    def _disk(self, vm: VirtualMachine, path: str, used: int) -> DiskImage:
        key = (vm.id, path.casefold())
        image = self._disks.get(key)
        if image is None:
            image = self._disks[key] = DiskImage.filled(path, used, zlib.crc32(key[1].encode()))
        return image

    def _route(self, m: Migration, source_path: str, destination_path: str) -> Callable[[float], list[Flow]]:
        """Flows for a file copy: source read, destination write and, across hosts, the NICs."""
        destination = m.destination
        read_name, read_rate, _ = adapter.volume_of(self.lab, m.source, source_path)
        write_name, _, write_rate = adapter.volume_of(self.lab, destination, destination_path)
        uses = [
            (self.engine.resource(("vol-r", read_name), read_rate), 1.0),
            (self.engine.resource(volume_key(write_name), write_rate), 1.0),
        ]
        link: tuple[str, ...] = ()
        if m.source != destination:
            pairs = adapter.nic_pairs(self.lab.host(m.source), self.lab.host(destination))
            if not pairs:
                raise MigrationError(texts.connection_failed(destination))
            tx, rx = nic_resources(self.engine, *pairs[0])
            weight = 1.0 / self.transport.tcp_efficiency
            uses += [(tx, weight), (rx, weight)]
            link = (m.source, destination)
        return lambda size: [Flow(size, tuple(uses), tag=m.id, link=link)]

    def _copy_storage(self, m: Migration, plan: StoragePlan, running: bool) -> Body:
        """Create the destination files (space accounted), then copy them; disks are mirrored."""
        fs = FileSystem(self.lab)
        rec = m.recorder
        rec.begin_phase("StorageCopy")
        disks = {p.casefold() for p in m.vm.disk_paths()}
        for move in plan.moves:
            like = fs.get_item(m.source, move.source)
            m.footprint.create_file(
                plan.destination_host, move.destination, like if isinstance(like, File) else None,
                move.size_bytes,
            )
            rec.planned_bytes += move.size_bytes
        disk_rate = m.vm.workload.disk_write_mb_per_s * 1e6 / max(len(disks), 1) if running else 0.0
        for n, move in enumerate(plan.moves):
            route = self._route(m, move.source, move.destination)
            before = m.trace.StorageBytesTransferred
            if move.source.casefold() in disks:
                source = self._disk(m.vm, move.source, move.size_bytes)
                target = DiskImage.empty_like(move.destination, source)
                writer = DiskWriter(disk_rate, self.seed + n) if disk_rate > 0 else None
                mirror = yield from copy_disk(self.engine, source, target, writer, route, rec)
                m.mirrors.append(mirror)
            else:
                transfer = Transfer(self.engine, route(move.size_bytes))
                rec.in_flight = lambda t=transfer: t.transferred
                yield transfer
                rec.in_flight = lambda: 0.0
                rec.done_bytes += move.size_bytes
                m.trace.StorageBytesTransferred += move.size_bytes
            if m.source != m.destination:
                m.trace.WireBytes += m.trace.StorageBytesTransferred - before

    def _switch_storage(self, m: Migration, plan: StoragePlan) -> None:
        """The switch-over: disks verified identical, files moved, source files deleted."""
        verified = True
        for mirror in m.mirrors:
            mirror.apply(self.engine.now)
            verified = verified and mirror.identical()
        m.trace.StorageVerified = verified
        m.footprint.remove_placeholders()
        apply_storage_plan(self.lab, m.vm, plan)
        for mirror in m.mirrors:
            old = (m.vm.id, mirror.source.path.casefold())
            self._disks.pop(old, None)
            self._disks[(m.vm.id, mirror.destination.path.casefold())] = mirror.destination
        m.recorder.say(f"Switched to the destination files (verified identical: {verified}).")

    @staticmethod
    def _guarded(m: Migration, action: Callable[[], None]) -> Callable[[], None]:
        """Turn the lab's refusals during setup into migration errors at the destination."""

        def run() -> None:
            try:
                action()
            except InsufficientMemory as err:
                raise MigrationError(texts.out_of_memory(m.vm.name), "destination") from err
            except HostDown as err:
                raise MigrationError(texts.connection_failed(m.destination)) from err

        return run
