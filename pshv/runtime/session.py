"""A session: one execution context and the top-level loop that runs script text in it.

`Session.run_script` parses, compiles and runs a script the way `powershell -File` does:
its output goes through Out-Default to the host; a parse error stops it before anything
runs; an uncaught terminating error ends it with exit code 1; `exit N` ends it with N.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import errors as E
from .context import ExecutionContext
from .host import Host


class OutDefaultSink:
    """Out-Default at the end of the top-level pipeline, streaming.

    Scalars print at once; a table waits for its group to end (another type, a scalar, or
    the end of the script), so `Write-Host` text can overtake it as in the real console.
    Objects are also kept in `collected` when asked (for `pshv.run`).
    """

    def __init__(self, ctx: ExecutionContext, collect: bool = False) -> None:
        from .formatting.formatters import AutoFormatter, expand
        from .formatting.layout import Renderer
        from .formatting.output import CONSOLE_RESERVED_COLUMNS

        width = ctx.host.width
        self.ctx = ctx
        self._expand = expand
        self.formatter = AutoFormatter(ctx, width)
        self.renderer = Renderer(width - CONSOLE_RESERVED_COLUMNS)
        self.collected: list | None = [] if collect else None

    def append(self, obj: object) -> None:
        if self.collected is not None:
            self.collected.append(obj)
        for item in self._expand([obj]):
            self.formatter.add(item)
        self._pump()

    def flush(self) -> None:
        self.formatter.close()
        self._pump()

    def _pump(self) -> None:
        records = self.formatter.out
        if not records:
            return
        for record in records:
            self.renderer.feed(record)
        records.clear()
        lines = self.renderer.lines
        if lines:
            self.ctx.host.write("".join(line + "\n" for line in lines))
            lines.clear()


@dataclass
class RunResult:
    output: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    exit_code: int = 0
    exited: bool = False  # the script ran `exit`
    stdout: str = ""
    stderr: str = ""


class Session:
    def __init__(self, host: Host | None = None, services: dict | None = None) -> None:
        self.ctx = ExecutionContext(host, services)

    def parse(self, text: str, path: str | None = None):
        from ..syntax import parse

        return parse(text, path=path)

    def report_parse_error(self, error, path: str | None = None) -> None:
        """Show a script's parse errors; a file's errors name the file, as `At S:\\x.ps1:1 char:8`."""
        from types import SimpleNamespace

        from .formatting import render_parse_error

        issues = [SimpleNamespace(error_id=issue.error_id, message=issue.message, line=issue.line, col=issue.col,
                                  length=issue.end_offset - issue.offset, script_path=path)
                  for issue in error.errors]
        self.ctx.host.write_error_text(render_parse_error(issues, error.text, self.ctx.host.width))
        record_error = E.ParseException(str(error), error_id=error.errors[0].error_id, category="ParserError")
        self.ctx.record_error(record_error.record)

    def run_script(self, text: str, *, path: str | None = None, args: list | None = None,
                   collect: bool = False, new_scope: bool = True) -> RunResult:
        """Run script text (a file's contents or a -Command string) and report the outcome."""
        from ..syntax import ParseError
        from .compiler import Code, Compiler
        from .functions import ScriptBlockValue, compile_scriptblock

        ctx = self.ctx
        sink = OutDefaultSink(ctx, collect)
        result = RunResult()
        errors_before = len(ctx.errors)
        try:
            tree = self.parse(text, path)
        except ParseError as error:
            self.report_parse_error(error, path)
            result.exit_code = 1
            result.errors = ctx.errors[: len(ctx.errors) - errors_before]
            return result
        except Exception as exc:  # a parser bug must still reach the user as a PowerShell error
            from .flow import internal_error

            self._report_terminating(internal_error(exc))
            result.exit_code = 1
            result.errors = ctx.errors[: len(ctx.errors) - errors_before]
            return result
        saved_sink, ctx.out_default = ctx.out_default, sink
        try:
            code = Code(text, path)
            compiler = Compiler(code)
            info = compile_scriptblock(compiler, tree)
            info.name = path or "<ScriptBlock>"
            block = ScriptBlockValue(info, ctx)
            result.exit_code, result.exited = self._execute(block, args or [], sink, new_scope)
        except E.PSException as error:  # a compile-time failure (e.g. an invalid assignment target)
            self._report_terminating(error)
            result.exit_code = 1
        except Exception as exc:  # a compiler bug: reported as a PowerShell error, never a traceback
            from .flow import internal_error

            self._report_terminating(internal_error(exc))
            result.exit_code = 1
        finally:
            sink.flush()
            ctx.out_default = saved_sink
        result.output = sink.collected or []
        result.errors = list(reversed(ctx.errors[: len(ctx.errors) - errors_before]))
        return result

    def _execute(self, block, args: list, sink: OutDefaultSink, new_scope: bool) -> tuple[int, bool]:
        from .binder import BoundArgument
        from .functions import ScriptProcessor
        from .pipeline import NO_INPUT

        ctx = self.ctx
        bound_args = [a if isinstance(a, BoundArgument) else BoundArgument.positional(a) for a in args]
        invocation = E.InvocationInfo(command_name=None)
        try:
            processor = ScriptProcessor(ctx, block, bound_args, invocation, False,
                                        dot_source=not new_scope, script_scope=True)
            processor.out = sink
            processor.begin()
            processor.process(NO_INPUT)
            processor.end()
        except E.ExitSignal as signal:
            return signal.code, True
        except (E.BreakSignal, E.ContinueSignal):
            return 0, False
        except E.PSException as error:
            self._report_terminating(error)
            return 1, False
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # a runtime bug: reported as a PowerShell error, never a traceback
            from .flow import internal_error

            self._report_terminating(internal_error(exc))
            return 1, False
        return 0, False

    def _report_terminating(self, error: E.PSException) -> None:
        ctx = self.ctx
        ctx.record_error(error.record)
        ctx.last_success = False
        ctx.show_error(error.record)
