"""The event core: clock, processes, advancing time, interrupts, flow guards."""

from __future__ import annotations

import pytest

from pshv.migration.engine import Engine, Transfer
from pshv.migration.fluid import Flow


def test_processes_wait_on_timeouts_and_other_processes():
    engine = Engine()
    log = []

    def child():
        yield engine.timeout(2.0)
        return "done"

    def parent():
        value = yield engine.process(child())
        log.append((engine.now, value))

    engine.process(parent())
    engine.run()
    assert log == [(2.0, "done")]


def test_advance_moves_time_and_flows_progress_fluidly():
    engine = Engine(start=100.0)
    seen = []
    engine.time_observers.append(seen.append)
    link = engine.resource("link", 10.0)
    transfer = Transfer(engine, [Flow(100.0, ((link, 1.0),))])
    engine.advance(4.0)
    assert engine.now == 104.0 and seen[-1] == 104.0
    assert transfer.transferred == pytest.approx(40.0)
    engine.advance(10.0)
    assert transfer.triggered and engine.now == 114.0


def test_interrupt_abandons_the_wait_and_frees_the_link():
    engine = Engine()
    link = engine.resource("link", 10.0)
    caught = []

    def mover():
        try:
            yield Transfer(engine, [Flow(100.0, ((link, 1.0),))])
        except KeyError as err:
            caught.append((engine.now, err.args[0]))

    proc = engine.process(mover())
    engine.advance(3.0)
    proc.interrupt(KeyError("stop"))
    engine.run()
    assert caught == [(3.0, "stop")]
    assert not link.flows and not engine.flows


def test_flow_guard_fails_new_flows():
    engine = Engine()
    link = engine.resource("link", 10.0)
    engine.flow_guards.append(lambda f: RuntimeError("down"))

    def mover():
        yield Transfer(engine, [Flow(10.0, ((link, 1.0),))])

    proc = engine.process(mover())
    engine.run()
    assert isinstance(proc.error, RuntimeError)


def test_simultaneous_completions_at_a_large_clock_value():
    engine = Engine(start=5.9e6)
    link = engine.resource("link", 1.5e9)
    transfers = [Transfer(engine, [Flow(float(1 << 30), ((link, 1.0),))]) for _ in range(3)]
    engine.run()
    assert all(t.triggered for t in transfers)
    assert engine.now == pytest.approx(5.9e6 + 3 * (1 << 30) / 1.5e9)
