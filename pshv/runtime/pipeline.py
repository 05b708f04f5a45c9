"""Pipelines: commands resolved and bound at run time, objects pushed element to element.

Every element is a processor with `begin`, `process(item)` and `end`; an element's output
sink pushes each object straight into the next element's `process`, so objects stream
through the pipeline one at a time as in PowerShell. The first element, when it is an
expression, feeds its (enumerated) value in.
"""

from __future__ import annotations

from typing import Callable

from ..syntax import ast as A
from . import errors as E
from .compiler import locate, unroll_into
from .context import CommandFrame
from .objects import VOID, Hashtable

NO_INPUT = object()


class Pipe:
    """The sink of one element: appending an object runs the next element's `process`."""

    __slots__ = ("target",)

    def __init__(self, target) -> None:
        self.target = target

    def append(self, item: object) -> None:
        self.target.process(item)


def _source_reader(compiler, expression):
    """How a pipeline's first element is read: a plain variable keeps AutomationNull."""
    if isinstance(expression, A.Variable) and not expression.splatted:
        from .variables import raw_variable_reader

        raw = raw_variable_reader(compiler, expression)
        if raw is not None:
            return raw
    return compiler.expr(expression)


def enumerate_input(value: object) -> list:
    if isinstance(value, list):
        return value
    if value is VOID:
        return []
    enumerate_items = getattr(value, "ps_enumerate", None)
    if enumerate_items is not None:
        return list(enumerate_items())
    return [value]


# --------------------------------------------------------------------------- compile


def compile_pipeline(compiler, node: A.Pipeline):
    elements = node.elements
    code = compiler.code
    first = elements[0]
    if len(elements) == 1 and isinstance(first, A.CommandExpression) and not first.redirections:
        expression = first.expression
        value = _source_reader(compiler, expression)
        if isinstance(expression, A.Unary) and expression.op in ("++", "--", "post++", "post--"):
            return lambda ctx, out: value(ctx) and None
        if isinstance(expression, A.Paren) and isinstance(expression.pipeline, A.Assignment):
            return lambda ctx, out: unroll_into(value(ctx), out)

        def run_expression(ctx, out):
            unroll_into(value(ctx), out)

        return run_expression

    source = None
    source_routes = None
    makers = []
    for position, element in enumerate(elements):
        if isinstance(element, A.CommandExpression):
            if position > 0:
                error = E.ParseException("Expressions are only allowed as the first element of a pipeline.",
                                         error_id="ExpressionsMustBeFirstInPipeline", category="ParserError")
                raise locate(error, code, element)
            source = _source_reader(compiler, element.expression)
            source_routes = compile_redirections(compiler, element.redirections)
        else:
            makers.append(compile_command(compiler, element, position, len(elements)))

    def run_pipeline(ctx, out):
        processors = []
        try:
            for make in makers:
                processors.append(make(ctx, source is not None or bool(processors)))
        except E.PSException:
            raise
        for upstream, downstream in zip(processors, processors[1:]):
            upstream.out = Pipe(downstream)
        if processors:
            processors[-1].out = out
        for processor in processors:
            if processor.routes is not None:
                processor.route_table = processor.routes(ctx, processor.out)
                processor.out = redirected_output(processor.route_table, processor.out)
        ctx.last_success = True
        try:
            for processor in processors:
                processor.begin()
            if source is not None:
                sink = Pipe(processors[0]) if processors else out
                if source_routes:
                    table = source_routes(ctx, sink)
                    sink = redirected_output(table, sink)
                    with ctx.command_frame(CommandFrame(routes=table)):
                        value = source(ctx)
                else:
                    value = source(ctx)
                for item in enumerate_input(value):
                    if item is not VOID:
                        sink.append(item)
            elif processors:
                processors[0].process(NO_INPUT)
            for processor in processors:
                processor.end()
        except E.StopPipeline as stop:
            stopper = getattr(stop, "processor", None)
            index = next((i for i, p in enumerate(processors) if p is stopper or getattr(p, "cmdlet", None) is stopper), -1)
            for processor in processors[index + 1 if index >= 0 else len(processors):]:
                processor.end()
        ctx.last_success = not any(getattr(p, "failed", False) for p in processors)

    return run_pipeline


# --------------------------------------------------------------------------- arguments


def compile_arguments(compiler, elements: list) -> Callable[[object], list]:
    """A function building the binder's argument list from the command's syntax elements."""
    from .binder import BoundArgument, NO_VALUE

    builders: list[Callable[[object, list], None]] = []
    for element in elements:
        if isinstance(element, A.CommandParameter):
            name = element.name
            extent = (element.start, element.end)
            if element.argument is not None:
                value = compiler.expr(element.argument)
                value_extent = (element.argument.start, element.argument.end)

                def add_colon(ctx, args, name=name, value=value, extent=extent, value_extent=value_extent):
                    args.append(BoundArgument.named(name, value(ctx), colon=True, name_extent=extent,
                                                    value_extent=value_extent))

                builders.append(add_colon)
            else:
                def add_named(ctx, args, name=name, extent=extent):
                    args.append(BoundArgument.named(name, NO_VALUE, name_extent=extent))

                builders.append(add_named)
        elif isinstance(element, A.Variable) and element.splatted:
            read = compiler.expr(A.Variable(name=element.name, scope=element.scope, start=element.start,
                                            end=element.end, line=element.line, col=element.col))
            extent = (element.start, element.end)

            def add_splat(ctx, args, read=read, extent=extent):
                value = read(ctx)
                if isinstance(value, Hashtable):
                    for key, item in value.items():
                        args.append(BoundArgument.named(str(key), item, colon=True, name_extent=extent,
                                                        value_extent=extent))
                elif isinstance(value, list):
                    for item in value:
                        args.append(BoundArgument.positional(item, extent))
                elif value is not None:
                    args.append(BoundArgument.positional(value, extent))

            builders.append(add_splat)
        else:
            value = compiler.expr(element)
            extent = (element.start, element.end)

            def add_positional(ctx, args, value=value, extent=extent):
                args.append(BoundArgument.positional(value(ctx), extent))

            builders.append(add_positional)

    def build(ctx) -> list:
        args: list = []
        for builder in builders:
            builder(ctx, args)
        return args

    return build


def compile_redirections(compiler, redirections: list[A.Redirection]):
    """Stream routes for a command: `2>&1`, `2>$null`, `> file`, `*> $null`..."""
    if not redirections:
        return None
    compiled = []
    for redirection in redirections:
        target = None
        if redirection.target is not None:
            target = compiler.expr(redirection.target)
        compiled.append((redirection.stream, redirection.merge_to, target, redirection.append, redirection))

    def routes(ctx, out) -> dict:
        table: dict = {}
        for stream, merge_to, target, append, node in compiled:
            if merge_to is not None:
                table[stream] = out.append
                continue
            path = target(ctx) if target is not None else None
            if path is None:
                table[stream] = _discard
                continue
            writer = ctx.services.get("redirect_writer")
            if writer is None:
                raise locate(E.NotSupportedException(
                    "Redirection to a file is not available here.", error_id="RedirectionNotSupported",
                    category="NotImplemented"), compiler.code, node)
            table[stream] = writer(ctx, ctx.to_string(path), append, stream)
        return table

    return routes


def _discard(item: object) -> None:
    return None


class RouteSink:
    """An output sink that sends objects where a redirection (`> file`, `> $null`) points."""

    __slots__ = ("append",)

    def __init__(self, route) -> None:
        self.append = route


def redirected_output(table: dict, out):
    """The sink for a command's output stream once its redirections are applied."""
    route = table.get("1") or table.get("*")
    if route is None or route == out.append:
        return out
    return RouteSink(route)


# --------------------------------------------------------------------------- commands


def compile_command(compiler, node: A.Command, position: int, count: int):
    code = compiler.code
    name_element = node.elements[0]
    arguments = compile_arguments(compiler, node.elements[1:])
    routes = compile_redirections(compiler, node.redirections)
    dot_source = node.invocation == "."
    if isinstance(name_element, A.StringConstant) and node.invocation is None:
        static_name = name_element.value
        name_value = None
    else:
        static_name = None
        name_value = compiler.expr(name_element)
    invocation_text = static_name

    def make(ctx, has_input: bool):
        target = static_name if static_name is not None else name_value(ctx)
        invocation = E.InvocationInfo(
            command_name=static_name if static_name is not None else _display_name(target),
            position=code.position(node),
        )
        args = arguments(ctx)
        try:
            processor = create_processor(ctx, target, args, invocation, has_input, dot_source, code)
        except E.PSException as error:
            _position_binding_error(error, code, node, invocation)
            raise
        if routes is not None:
            processor.routes = routes
        return processor

    make.name = invocation_text
    return make


def _display_name(target: object) -> str:
    if isinstance(target, str):
        return target
    return getattr(target, "Name", None) or ""


def _position_binding_error(error: E.PSException, code, node: A.Command, invocation: E.InvocationInfo) -> None:
    record = error.record
    if record.invocation.command_name is None:
        record.invocation.command_name = invocation.command_name
        record.invocation.command_type = invocation.command_type
    if record.invocation.position is None:
        extent = getattr(error, "position", None)
        if extent:
            record.invocation.position = code.position_at(extent[0], extent[1])
        else:
            record.invocation.position = invocation.position


def command_not_found(name: str) -> E.PSException:
    error = E.CommandNotFoundException(
        f"The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable program. "
        "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        error_id="CommandNotFoundException", category="ObjectNotFound", target=name)
    error.record.activity = ""
    return error


def create_processor(ctx, target: object, args: list, invocation: E.InvocationInfo, has_input: bool,
                     dot_source: bool, code):
    """Bind `args` for whatever `target` names and return the processor that runs it."""
    from .functions import ScriptBlockValue, ScriptProcessor

    if isinstance(target, ScriptBlockValue):
        return ScriptProcessor(ctx, target, args, invocation, has_input, dot_source=dot_source)
    from .commands import CommandInfo

    info = target if isinstance(target, CommandInfo) else None
    if info is None:
        name = ctx.to_string(target)
        info = ctx.commands.resolve(name, ctx.scope)
        if info is None:
            script = ctx.services.get("script_resolver")
            block = script(ctx, name) if script is not None else None
            if block is not None:
                invocation.command_name = name
                return ScriptProcessor(ctx, block, args, invocation, has_input, dot_source=dot_source,
                                       script_scope=True)
            raise command_not_found(name)
    if info.CommandType == "Cmdlet":
        return CmdletProcessor(ctx, info, args, invocation, has_input)
    return ScriptProcessor(ctx, info.block, args, invocation, has_input, dot_source=dot_source)


def frame_from_common(common: dict, name: str | None) -> CommandFrame:
    def flag(key: str) -> bool | None:
        return bool(common[key]) if key in common else None

    frame = CommandFrame(
        name=name,
        error_action=common.get("ErrorAction"),
        warning_action=common.get("WarningAction"),
        verbose=flag("Verbose"),
        debug=flag("Debug"),
        whatif=flag("WhatIf"),
        confirm=flag("Confirm"),
    )
    if "ErrorVariable" in common:
        frame.error_variable = []
    return frame


def store_common_variables(ctx, common: dict, frame: CommandFrame, outputs: list | None) -> None:
    """-ErrorVariable / -OutVariable: `+name` appends, as in PowerShell."""
    for key, values in (("ErrorVariable", frame.error_variable), ("OutVariable", outputs)):
        name = common.get(key)
        if not name or values is None:
            continue
        name = str(name)
        if name.startswith("+"):
            name = name[1:]
            existing = ctx.get_variable(name)
            values = (existing if isinstance(existing, list) else ([] if existing is None else [existing])) + values
        ctx.set_variable(name, list(values))


class CollectingPipe:
    """Forwards objects downstream while keeping them (for -OutVariable)."""

    __slots__ = ("inner", "items")

    def __init__(self, inner) -> None:
        self.inner = inner
        self.items: list = []

    def append(self, item: object) -> None:
        self.items.append(item)
        self.inner.append(item)


_ANY_TYPES = frozenset({"system.object", "object", "psobject", "system.management.automation.psobject"})


def _direct_input_parameter(spec, binding) -> str | None:
    """The parameter every pipeline object goes to when binding cannot choose otherwise.

    When a command's only pipeline parameter takes any object by value (Where-Object's and
    ForEach-Object's InputObject), per-object binding always lands there, so the full
    per-object binder is skipped — the main cost of a simple pipeline.
    """
    takers = [p for p in spec.parameters if any(m.takes_pipeline for m in p.sets.values())]
    if len(takers) != 1 or binding._delayed:
        return None
    parameter = takers[0]
    memberships = list(parameter.sets.values())
    if any(m.value_from_pipeline_by_property_name for m in memberships):
        return None
    if parameter.type_name.casefold() not in _ANY_TYPES or parameter.name in binding.bound:
        return None
    return parameter.name


class CmdletProcessor:
    """Runs a Python cmdlet: binding, common parameters, its begin/process/end."""

    def __init__(self, ctx, info, args: list, invocation: E.InvocationInfo, has_input: bool) -> None:
        from .binder import bind

        cls = info.implementation
        invocation.command_type = cls.dotnet_class or None
        self.ctx = ctx
        self.spec = cls.spec
        self.binding = bind(cls.spec, args, ctx, pipeline_expected=has_input)
        self.frame = frame_from_common(self.binding.common, invocation.command_name)
        self.cmdlet = cls(ctx, invocation, self.binding.values(), self.binding.parameter_set,
                          set(self.binding.bound))
        self.cmdlet.bound_parameters = self.binding.bound
        self.direct_input = _direct_input_parameter(cls.spec, self.binding) if has_input else None
        self.out = None
        self.routes = None  # the compiled redirections, if any
        self.route_table: dict | None = None  # their targets for this run
        self.failed = False
        self.outputs: CollectingPipe | None = None

    def _enter(self):
        frame = self.frame
        frame.parent = self.ctx.frame
        self.ctx.frame = frame
        if self.route_table is not None and not frame.routes:
            frame.routes = self.route_table
        return frame

    def _leave(self, frame) -> None:
        self.ctx.frame = frame.parent
        if frame.wrote_error:
            self.failed = True

    def begin(self) -> None:
        if "OutVariable" in self.binding.common:
            self.outputs = CollectingPipe(self.out)
            self.cmdlet.out = self.outputs
        else:
            self.cmdlet.out = self.out
        frame = self._enter()
        try:
            self.cmdlet.begin()
        except E.PSException as error:
            self.failed = True
            raise self.cmdlet._stamp(error)
        finally:
            self._leave(frame)

    def process(self, item: object) -> None:
        frame = self._enter()
        try:
            cmdlet = self.cmdlet
            cmdlet.has_input = item is not NO_INPUT
            if item is not NO_INPUT and self.direct_input is not None:
                cmdlet.params[self.direct_input] = item
                cmdlet.input = item
            elif item is not NO_INPUT:
                from .binder import bind_pipeline

                try:
                    bind_pipeline(self.binding, item)
                except E.PSException as error:
                    self.ctx.write_error_record(cmdlet._stamp(error, item).record)
                    return
                params = cmdlet.params
                for name in self.binding.pipeline_bound:
                    params[name] = self.binding.bound[name]
                cmdlet.parameter_set = self.binding.parameter_set
                cmdlet.input = item
            cmdlet.process()
        except E.PSException as error:
            self.failed = True
            raise self.cmdlet._stamp(error)
        finally:
            self._leave(frame)

    def end(self) -> None:
        frame = self._enter()
        try:
            self.cmdlet.end()
        except E.PSException as error:
            self.failed = True
            raise self.cmdlet._stamp(error)
        finally:
            self._leave(frame)
            store_common_variables(self.ctx, self.binding.common, self.frame,
                                   self.outputs.items if self.outputs else None)
