"""Running a Start-Job / Start-ThreadJob script block inside the emulator.

The block runs at once, in a child scope of the global scope, with `$using:` values taken from
the caller; its streams go to the job (not the console).  Moves it starts are registered with the
job through the `jobs.collector` hook instead of being waited for, so the job stays Running while
they run on the lab clock.  Limitation: the statements after a move in the same block run before
the move has ended, and Start-Sleep inside a block lets lab time pass for the whole shell.
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.context import CommandFrame
from ...runtime.scopes import Scope
from ..core.remoting import using_values
from .model import JobWork, Pending
from .service import JOB_COLLECTOR


def run_job_script(ctx, work: JobWork, block, init_block, arguments: list, input_objects: list | None) -> None:
    """Run `init_block` then `block` for `work`, capturing its streams and migrations."""
    from ..migration import errors

    def collect(migration, cmdlet) -> None:
        work.pending.append(Pending(migration, lambda: cmdlet.fail(errors.run_failure(migration))))

    routes = {
        "2": work.errors.append, "3": work.warnings.append, "4": work.verbose.append,
        "5": work.debug.append, "6": work.information.append,
    }
    using = using_values(ctx, block)
    saved = (ctx.scope, ctx.using_values, ctx.handler_depth, ctx.services.get(JOB_COLLECTOR))
    ctx.scope = Scope(ctx.global_scope, "script")
    ctx.using_values = using
    ctx.handler_depth = 0
    ctx.services[JOB_COLLECTOR] = collect
    try:
        with ctx.command_frame(CommandFrame(routes=routes)):
            if init_block is not None:
                work.output.extend(ctx.call(init_block, [], new_scope=False))
            work.output.extend(ctx.call(block, arguments, new_scope=False, input_objects=input_objects))
    except E.PSException as error:
        work.errors.append(error.record)
        work.reason = error
    except E.FlowSignal:
        pass
    finally:
        ctx.scope, ctx.using_values, ctx.handler_depth = saved[0], saved[1], saved[2]
        if saved[3] is None:
            ctx.services.pop(JOB_COLLECTOR, None)
        else:
            ctx.services[JOB_COLLECTOR] = saved[3]
        work.script_end_seconds = ctx.services["lab"].lab.clock.seconds
