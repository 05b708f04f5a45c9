"""The event core: a clock, a heap of timed callbacks, generator processes and fluid flows.

Processes are generators that yield :class:`Event` objects (a :class:`Timeout`, a
:class:`Transfer`, another :class:`Process`) and are resumed with the event's value, or have the
event's error thrown into them.  Flows progress at their fair rates between events; rates are
recomputed whenever a flow starts or ends (see :mod:`pshv.migration.fluid`).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Generator, Iterable
from typing import Any

from pshv.migration.fluid import EPSILON_BYTES, Flow, Resource, allocate

ProcessGenerator = Generator["Event", Any, Any]
MIN_STEP_SECONDS = 1e-9
"""A flow due to end sooner than this is complete (the clock cannot resolve less)."""


class Timer:
    """A scheduled callback; cancel() makes the engine skip it."""

    __slots__ = ("time", "fn", "cancelled")

    def __init__(self, time: float, fn: Callable[[], None]) -> None:
        self.time, self.fn, self.cancelled = time, fn, False

    def cancel(self) -> None:
        self.cancelled = True


class Event:
    """A one-shot occurrence that processes can wait for."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.triggered = False
        self.value: Any = None
        self.error: BaseException | None = None
        self._callbacks: list[Callable[[Event], None]] = []

    def succeed(self, value: Any = None) -> None:
        self._trigger(value, None)

    def fail(self, error: BaseException) -> None:
        self._trigger(None, error)

    def subscribe(self, callback: Callable[[Event], None]) -> None:
        if self.triggered:
            self.engine.call_later(0.0, lambda: callback(self))
        else:
            self._callbacks.append(callback)

    def unsubscribe(self, callback: Callable[[Event], None]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def abandon(self) -> None:
        """Called when the only waiter gives up on the event (releases what it holds)."""

    def _trigger(self, value: Any, error: BaseException | None) -> None:
        if self.triggered:
            return
        self.triggered, self.value, self.error = True, value, error
        callbacks, self._callbacks = self._callbacks, []
        for cb in callbacks:
            self.engine.call_later(0.0, lambda cb=cb: cb(self))


class Timeout(Event):
    """Fires after ``delay`` seconds of simulated time."""

    def __init__(self, engine: Engine, delay: float) -> None:
        super().__init__(engine)
        self._timer = engine.call_later(max(delay, 0.0), self.succeed)

    def abandon(self) -> None:
        self._timer.cancel()


class Transfer(Event):
    """A group of flows moving together; succeeds when all are done, fails if one fails."""

    def __init__(self, engine: Engine, flows: Iterable[Flow]) -> None:
        super().__init__(engine)
        self.flows = list(flows)
        self._pending = len(self.flows)
        for f in self.flows:
            f.on_done = self._one_done
            f.on_fail = self._one_failed
        engine.start_flows(self.flows)
        if not self.flows:
            self.succeed()

    @property
    def transferred(self) -> float:
        self.engine.settle()
        return sum(f.transferred for f in self.flows)

    @property
    def size(self) -> float:
        return sum(f.size for f in self.flows)

    def _one_done(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.succeed()

    def _one_failed(self, error: BaseException) -> None:
        self.abandon()
        self.fail(error)

    def abandon(self) -> None:
        self.engine.stop_flows(self.flows)


class Process(Event):
    """Runs a generator; the process itself is an event that fires with its return value."""

    def __init__(self, engine: Engine, generator: ProcessGenerator, name: str = "") -> None:
        super().__init__(engine)
        self.name = name
        self._gen = generator
        self._target: Event | None = None
        self._interrupted = False
        engine.call_later(0.0, lambda: self._step(None, None))

    def interrupt(self, error: BaseException) -> None:
        """Throw ``error`` into the process at its current wait (no-op once finished)."""
        if self.triggered or self._interrupted:
            return
        self._interrupted = True
        if self._target is not None:
            self._target.unsubscribe(self._on_target)
            self._target.abandon()
            self._target = None
        self.engine.call_later(0.0, lambda: self._step(None, error))

    def _on_target(self, event: Event) -> None:
        if event is self._target:
            self._target = None
            self._step(event.value, event.error)

    def _step(self, value: Any, error: BaseException | None) -> None:
        if self.triggered:
            return
        if error is not None:
            self._interrupted = False
        try:
            nxt = self._gen.throw(error) if error is not None else self._gen.send(value)
        except StopIteration as stop:
            self.succeed(stop.value)
            return
        except Exception as exc:  # the process ended with an error: it is the process's result
            self.fail(exc)
            return
        if not isinstance(nxt, Event):
            raise TypeError(f"process {self.name!r} yielded {nxt!r}, not an Event")
        self._target = nxt
        nxt.subscribe(self._on_target)


class Engine:
    """Simulated time, timed callbacks, processes, and the fluid network they share."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self._heap: list[tuple[float, int, Timer]] = []
        self._seq = itertools.count()
        self.resources: dict[object, Resource] = {}
        self.flows: list[Flow] = []
        self._settled_at = start
        self._completion: Timer | None = None
        self.time_observers: list[Callable[[float], None]] = []
        self.flow_guards: list[Callable[[Flow], BaseException | None]] = []
        """Checks run on every new flow; an error returned fails the flow at once."""

    # ---- timed callbacks -------------------------------------------------------------
    def call_at(self, time: float, fn: Callable[[], None]) -> Timer:
        timer = Timer(max(time, self.now), fn)
        heapq.heappush(self._heap, (timer.time, next(self._seq), timer))
        return timer

    def call_later(self, delay: float, fn: Callable[[], None]) -> Timer:
        return self.call_at(self.now + delay, fn)

    def timeout(self, delay: float) -> Timeout:
        return Timeout(self, delay)

    def process(self, generator: ProcessGenerator, name: str = "") -> Process:
        return Process(self, generator, name)

    def peek(self) -> float:
        """Time of the next pending callback (inf when idle)."""
        while self._heap and self._heap[0][2].cancelled:
            heapq.heappop(self._heap)
        return self._heap[0][0] if self._heap else float("inf")

    def run(self, until: float | None = None, stop: Callable[[], bool] | None = None) -> None:
        """Process events up to time ``until`` (then set the clock to it), or until ``stop()``."""
        while True:
            if stop is not None and stop():
                return
            t = self.peek()
            if t == float("inf") or (until is not None and t > until):
                break
            _, _, timer = heapq.heappop(self._heap)
            self._set_time(timer.time)
            timer.fn()
        if until is not None and until > self.now:
            self._set_time(until)

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` of simulated time pass, running whatever happens meanwhile."""
        self.run(until=self.now + seconds)

    def _set_time(self, t: float) -> None:
        if t > self.now:
            self.now = t
            for observer in self.time_observers:
                observer(t)

    # ---- fluid network -------------------------------------------------------------
    def resource(self, key: object, capacity: float) -> Resource:
        """The resource named ``key`` (created with ``capacity`` on first use)."""
        res = self.resources.get(key)
        if res is None:
            res = self.resources[key] = Resource(key, capacity)
        return res

    def settle(self) -> None:
        """Bring every flow's remaining bytes up to the current time."""
        dt = self.now - self._settled_at
        if dt > 0:
            for f in self.flows:
                f.remaining = max(f.remaining - f.rate * dt, 0.0)
        self._settled_at = self.now

    def start_flows(self, flows: list[Flow]) -> None:
        self.settle()
        for f in flows:
            self.flows.append(f)
            for r, _ in f.uses:
                r.flows.add(f)
        self._reallocate()
        for f in flows:
            for guard in self.flow_guards:
                error = guard(f)
                if error is not None:
                    self.call_later(0.0, lambda f=f, e=error: self.fail_flows([f], e))
                    break

    def stop_flows(self, flows: list[Flow]) -> None:
        """Remove flows without completing them (cancellation, failure)."""
        self.settle()
        for f in flows:
            self._detach(f)
        self._reallocate()

    def fail_flows(self, flows: list[Flow], error: BaseException) -> None:
        """Remove flows and report ``error`` to their owners."""
        flows = [f for f in flows if f in self.flows]
        self.stop_flows(flows)
        for f in flows:
            if f.on_fail is not None:
                f.on_fail(error)

    def _detach(self, f: Flow) -> None:
        if f in self.flows:
            self.flows.remove(f)
            for r, _ in f.uses:
                r.flows.discard(f)

    def _reallocate(self) -> None:
        allocate(self.flows)
        if self._completion is not None:
            self._completion.cancel()
            self._completion = None
        soonest = min(
            (f.remaining / f.rate for f in self.flows if f.rate > 0), default=float("inf")
        )
        if soonest < float("inf"):
            self._completion = self.call_later(soonest, self._complete_flows)

    def _complete_flows(self) -> None:
        self._completion = None
        self.settle()
        done = [
            f for f in self.flows
            if f.remaining <= EPSILON_BYTES + 1e-9 * f.size
            or (f.rate > 0 and f.remaining / f.rate < MIN_STEP_SECONDS)
        ]
        for f in done:
            f.remaining = 0.0
            self._detach(f)
        self._reallocate()
        for f in done:
            if f.on_done is not None:
                f.on_done()
