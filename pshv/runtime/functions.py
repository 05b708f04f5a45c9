"""Script blocks, functions and scripts: compilation, parameter specs, invocation.

A script block compiles once (`ScriptBlockInfo`) and is instantiated as a value each time
its literal is evaluated (`ScriptBlockValue`). Script blocks are not closures: they run in
a child of the scope that *calls* them (or in it, when dot-sourced), as in PowerShell.
"""

from __future__ import annotations

from typing import Callable

from ..syntax import ast as A
from . import errors as E
from .compiler import Compiler, _lazy
from .context import CommandFrame
from .objects import DotNetObject, Hashtable, Invocable, PSObject
from .scopes import MISSING, Scope, restore_value

_PARAMETER_FLAGS = {
    "mandatory": "mandatory",
    "valuefrompipeline": "pipeline",
    "valuefrompipelinebypropertyname": "by_property_name",
    "valuefromremainingarguments": "remaining",
}


class ScriptBlockInfo:
    """A compiled script block: its named blocks, its param block, its source."""

    def __init__(self, compiler: Compiler, node: A.ScriptBlock, *, is_filter: bool = False) -> None:
        self.code = compiler.code
        self.node = node
        self.text = node.text
        self.help = node.help
        self.begin = compiler.block(node.begin) if node.begin else None
        body = node.end
        if is_filter and node.process is None and body is not None:
            self.process = compiler.block(body)
            self.end = None
        else:
            self.process = compiler.block(node.process) if node.process else None
            self.end = compiler.block(body) if body else None
        self.param_block = node.param_block
        self.defaults: dict[str, Callable] = {}
        if node.param_block is not None:
            for parameter in node.param_block.parameters:
                if parameter.default is not None:
                    self.defaults[parameter.name.casefold()] = compiler.expr(parameter.default)
        self.attribute_values = _AttributeEvaluator(compiler)
        self.simple = self.param_block is None and self.begin is None and self.process is None
        self._spec = None
        self.name = "<ScriptBlock>"

    def instantiate(self, ctx) -> "ScriptBlockValue":
        return ScriptBlockValue(self, ctx)

    @property
    def advanced(self) -> bool:
        block = self.param_block
        if block is None:
            return False
        if any(a.name.casefold() == "cmdletbinding" for a in block.attributes):
            return True
        return any(a.name.casefold() == "parameter" for p in block.parameters for a in p.attributes)

    def spec(self, ctx):
        if self._spec is None:
            self._spec = build_spec(self, ctx)
        return self._spec


class _AttributeEvaluator:
    """Evaluates attribute arguments (`[ValidateSet('a','b')]`) once, when the spec is built."""

    def __init__(self, compiler: Compiler) -> None:
        self.compiler = compiler

    def value(self, ctx, node: A.Expr | None) -> object:
        if node is None:
            return True
        return self.compiler.expr(node)(ctx)


def _attribute_named(ctx, info: ScriptBlockInfo, attribute: A.Attribute) -> dict[str, object]:
    return {name.casefold(): info.attribute_values.value(ctx, value) for name, value in attribute.named}


def build_spec(info: ScriptBlockInfo, ctx):
    """The binder's CommandSpec for a param block."""
    from . import params as P

    block = info.param_block
    parameters = []
    default_set = None
    should_process = False
    positional_binding = True
    for attribute in block.attributes if block else []:
        if attribute.name.casefold() == "cmdletbinding":
            named = _attribute_named(ctx, info, attribute)
            default_set = named.get("defaultparametersetname")
            should_process = bool(named.get("supportsshouldprocess", False))
            if "positionalbinding" in named:
                positional_binding = bool(named["positionalbinding"])
    for parameter in block.parameters if block else []:
        sets: dict[str, dict] = {}
        aliases: list[str] = []
        validators = []
        allow_null = allow_empty = False
        for attribute in parameter.attributes:
            kind = attribute.name.casefold()
            positional = [info.attribute_values.value(ctx, a) for a in attribute.positional]
            if kind == "parameter":
                named = _attribute_named(ctx, info, attribute)
                options: dict = {}
                for key, option in _PARAMETER_FLAGS.items():
                    if key in named:
                        options[option] = bool(named[key])
                if "position" in named:
                    options["position"] = int(named["position"])
                if "helpmessage" in named:
                    options["help_message"] = str(named["helpmessage"])
                sets[str(named.get("parametersetname", P.ALL_SETS))] = options
            elif kind == "alias":
                aliases.extend(str(a) for a in _flatten(positional))
            elif kind == "validateset":
                validators.append(P.ValidateSet(*[str(v) for v in _flatten(positional)]))
            elif kind == "validatenotnullorempty":
                validators.append(P.ValidateNotNullOrEmpty())
            elif kind == "validatenotnull":
                validators.append(P.ValidateNotNull())
            elif kind == "validaterange":
                validators.append(P.ValidateRange(*positional[:2]))
            elif kind == "validatepattern":
                validators.append(P.ValidatePattern(str(positional[0])))
            elif kind == "validatelength":
                validators.append(P.ValidateLength(*[int(v) for v in positional[:2]]))
            elif kind == "validatecount":
                validators.append(P.ValidateCount(*[int(v) for v in positional[:2]]))
            elif kind == "validatescript":
                validators.append(P.ValidateScript(positional[0]))
            elif kind == "allownull":
                allow_null = True
            elif kind in ("allowemptystring", "allowemptycollection"):
                allow_empty = True
        type_name = parameter.type.name if parameter.type is not None else "System.Object"
        memberships = {name: P._membership(options) for name, options in sets.items()} or {
            P.ALL_SETS: P.SetMembership()}
        parameters.append(P.ParameterSpec(
            name=parameter.name, type=type_name, aliases=tuple(aliases), sets=memberships,
            validators=tuple(validators), allow_null=allow_null, allow_empty_string=allow_empty,
            allow_empty_collection=allow_empty))
    return P.CommandSpec(
        name=info.name, parameters=parameters, default_parameter_set=default_set,
        supports_should_process=should_process, advanced=info.advanced, is_cmdlet=False,
        positional_binding=positional_binding)


def _flatten(values: list) -> list:
    flat: list = []
    for value in values:
        flat.extend(value if isinstance(value, list) else [value])
    return flat


class ScriptBlockValue(DotNetObject, Invocable):
    """A script block as a value ([scriptblock])."""

    ps_type_names = ("System.Management.Automation.ScriptBlock", "System.Object")
    ps_properties = ("Ast", "StartPosition", "File", "IsFilter", "Module")

    def __init__(self, info: ScriptBlockInfo, ctx) -> None:
        self.info = info
        self.ctx = ctx

    @property
    def File(self) -> str | None:
        return self.info.code.path

    @property
    def IsFilter(self) -> bool:
        return False

    Module = None
    StartPosition = None

    @property
    def Ast(self) -> str:
        return self.info.text

    def spec(self):
        return self.info.spec(self.ctx)

    def ps_to_string(self) -> str:
        return self.info.text

    def ps_method(self, name: str):
        folded = name.casefold()
        if folded == "invoke":
            return lambda *args: self.ctx.collapse(self.run(self.ctx, [_positional(a) for a in args]))
        if folded == "invokereturnasis":
            return lambda *args: self.ctx.collapse(self.run(self.ctx, [_positional(a) for a in args]))
        if folded == "getnewclosure":
            return lambda: self
        if folded == "tostring":
            return lambda: self.info.text
        return None

    def call(self, args: list | None = None, *, dollar_under: object = ...) -> list:
        return self.run(self.ctx, [_positional(a) for a in (args or [])], dollar_under=dollar_under)

    def run(self, ctx, args: list, *, dollar_under: object = ..., new_scope: bool = True,
            input_objects: list | None = None) -> list:
        """Run with already-built binder arguments (or plain values) and return the output."""
        info = self.info
        out: list = []
        if info.simple and not args and input_objects is None:
            if new_scope:
                scope = Scope(ctx.scope)
                values = scope.values
                saved_scope, ctx.scope = ctx.scope, scope
            else:
                values = ctx.scope.values
                saved_scope = None
            saved = values.get("_", MISSING)
            if dollar_under is not ...:
                values["_"] = dollar_under
            try:
                if info.end is not None:
                    info.end(ctx, out)
            except E.ReturnSignal:
                pass
            finally:
                restore_value(values, "_", saved)
                if saved_scope is not None:
                    ctx.scope = saved_scope
            return out
        bound_args = [a if _is_bound_argument(a) else _positional(a) for a in args]
        invocation = E.InvocationInfo(command_name=None)
        processor = ScriptProcessor(ctx, self, bound_args, invocation, input_objects is not None,
                                    dot_source=not new_scope, dollar_under=dollar_under)
        processor.out = out
        processor.begin()
        for item in input_objects or []:
            processor.process(item)
        processor.end()
        return out


def _positional(value: object):
    from .binder import BoundArgument

    return BoundArgument.positional(value)


def _is_bound_argument(value: object) -> bool:
    from .binder import BoundArgument

    return isinstance(value, BoundArgument)


class PSCmdletValue(DotNetObject):
    """`$PSCmdlet` inside an advanced function."""

    ps_type_names = ("System.Management.Automation.PSScriptCmdlet", "System.Management.Automation.PSCmdlet",
                     "System.Object")
    ps_properties = ("ParameterSetName", "MyInvocation", "CommandRuntime", "SessionState")

    def __init__(self, ctx, name: str, parameter_set: str, my_invocation: object) -> None:
        self.ctx = ctx
        self.name = name
        self.ParameterSetName = parameter_set
        self.MyInvocation = my_invocation
        self.CommandRuntime = name
        self.SessionState = None

    def ps_method(self, name: str):
        folded = name.casefold()
        if folded == "shouldprocess":
            return self._should_process
        if folded == "shouldcontinue":
            return lambda *args: True
        if folded == "throwterminatingerror":
            return self._throw
        if folded == "writeerror":
            return lambda record: self.ctx.write_error_record(record)
        if folded == "writeverbose":
            return lambda text: self.ctx.write_verbose(self.ctx.to_string(text))
        if folded == "writewarning":
            return lambda text: self.ctx.write_warning(self.ctx.to_string(text))
        if folded == "writedebug":
            return lambda text: self.ctx.write_debug(self.ctx.to_string(text))
        return None

    def _throw(self, record: object):
        exception = record.exception if isinstance(record, E.ErrorRecord) else record
        if isinstance(exception, E.PSException):
            exception.script_terminating = True
            raise exception
        raise E.RuntimeException(self.ctx.to_string(record))

    def _should_process(self, *args: object) -> bool:
        texts = [self.ctx.to_string(a) for a in args]
        if len(texts) >= 3:
            message = texts[0]
        elif len(texts) == 2:
            message = f'Performing the operation "{texts[1]}" on target "{texts[0]}".'
        else:
            target = texts[0] if texts else ""
            message = f'Performing the operation "{self.name}" on target "{target}".'
        if self.ctx.whatif_enabled():
            self.ctx.write_information(f"What if: {message}", from_host=True)
            return False
        self.ctx.write_verbose(message)
        return True


class MyInvocationValue(DotNetObject):
    ps_type_names = ("System.Management.Automation.InvocationInfo", "System.Object")
    ps_properties = ("MyCommand", "BoundParameters", "UnboundArguments", "ScriptName", "ScriptLineNumber",
                     "InvocationName", "Line", "PSScriptRoot", "PSCommandPath")

    def __init__(self, name: str, bound: Hashtable, unbound: list, script_path: str | None,
                 position: E.Position | None) -> None:
        self.MyCommand = PSObject([("Name", name), ("Path", script_path or "")])
        self.BoundParameters = bound
        self.UnboundArguments = unbound
        self.ScriptName = script_path or ""
        self.ScriptLineNumber = position.line if position else 0
        self.InvocationName = name
        self.Line = position.line_text if position else ""
        self.PSScriptRoot = _parent_folder(script_path)
        self.PSCommandPath = script_path or ""


def _parent_folder(path: str | None) -> str:
    if not path:
        return ""
    cut = max(path.rfind("\\"), path.rfind("/"))
    return path[:cut] if cut > 0 else ""


class ScriptProcessor:
    """Runs a function, script or script block as a pipeline element."""

    def __init__(self, ctx, block: ScriptBlockValue, args: list, invocation: E.InvocationInfo,
                 has_input: bool, *, dot_source: bool = False, script_scope: bool = False,
                 dollar_under: object = ...) -> None:
        from .binder import bind

        self.ctx = ctx
        self.info = block.info
        self.invocation = invocation
        self.dot_source = dot_source
        self.script_scope = script_scope
        self.dollar_under = dollar_under
        self.out = None
        self.routes = None  # the compiled redirections, if any
        self.route_table: dict | None = None  # their targets for this run
        self.failed = False
        self.input: list = []
        if invocation.command_name and invocation.command_type is None:
            invocation.command_type = invocation.command_name  # a function's errors end their FQID with its name
        spec = block.spec()
        self.binding = bind(spec, args, ctx, pipeline_expected=has_input)
        self.advanced = spec.advanced
        self.frame = _frame_for(self.binding.common, invocation.command_name) if spec.advanced else None
        self.scope: Scope | None = None
        self.caller: Scope | None = None
        self.has_input = has_input

    # ------------------------------------------------------------------ scope handling

    def _enter(self):
        ctx = self.ctx
        self.caller = ctx.scope
        ctx.scope = self.scope
        frame = self.frame
        if frame is not None or self.route_table is not None:
            frame = frame or CommandFrame(name=self.invocation.command_name)
            if self.route_table is not None and not frame.routes:
                frame.routes = self.route_table
            frame.parent = ctx.frame
            ctx.frame = frame
            self.frame = frame
        ctx.call_depth += 1
        ctx.invocations.append(self.invocation)
        if ctx.call_depth > 100:
            ctx.invocations.pop()
            ctx.call_depth -= 1
            ctx.scope = self.caller
            if self.frame is not None:
                ctx.frame = self.frame.parent
            raise E.ScriptCallDepthException("The script failed due to call depth overflow.",
                                             error_id="CallDepthOverflow", category="InvalidOperation")

    def _leave(self) -> None:
        ctx = self.ctx
        ctx.invocations.pop()
        ctx.call_depth -= 1
        ctx.scope = self.caller
        if self.frame is not None:
            ctx.frame = self.frame.parent
            if self.frame.wrote_error:
                self.failed = True

    def _run(self, block, dollar_under: object = ...) -> None:
        if block is None:
            return
        self._enter()
        values = self.scope.values
        if dollar_under is not ...:
            values["_"] = dollar_under
        try:
            block(self.ctx, self.out)
        except E.ReturnSignal:
            pass
        except E.PSException as error:
            if error.record.invocation.command_name is None and self.invocation.command_name:
                error.record.invocation.command_name = None
            raise
        finally:
            self._leave()

    # ------------------------------------------------------------------ life cycle

    def begin(self) -> None:
        ctx = self.ctx
        if self.dot_source:
            self.scope = ctx.scope
        else:
            self.scope = Scope(ctx.scope, "script" if self.script_scope else "function")
        self._initialise_variables()
        if self.dollar_under is not ...:
            self.scope.values["_"] = self.dollar_under
        self._run(self.info.begin)

    def _initialise_variables(self) -> None:
        ctx = self.ctx
        binding = self.binding
        values = self.scope.values
        bound = binding.bound
        params = self.info.param_block.parameters if self.info.param_block else []
        self._enter()
        try:
            for parameter in params:
                folded = parameter.name.casefold()
                if parameter.name in bound:
                    values[folded] = bound[parameter.name]
                elif folded in self.info.defaults:
                    values[folded] = self.info.defaults[folded](ctx)
                else:
                    values[folded] = binding.get(parameter.name)
                if parameter.type is not None and parameter.type.name.casefold() not in ("switch", "object"):
                    pstype = _lazy("types").resolve_type(parameter.type.name)
                    if pstype is not None:
                        convert_to = _lazy("convert").convert_to
                        self.scope.constraints[folded] = lambda v, t=pstype: convert_to(v, t)
        finally:
            self._leave()
        values["args"] = list(binding.args)
        values["psboundparameters"] = bound
        path = self.info.code.path
        my_invocation = MyInvocationValue(self.invocation.command_name or "", bound, list(binding.args), path,
                                          self.invocation.position)
        values["myinvocation"] = my_invocation
        if self.script_scope:
            values["psscriptroot"] = _parent_folder(path)
            values["pscommandpath"] = path or ""
        if self.advanced:
            values["pscmdlet"] = PSCmdletValue(ctx, self.invocation.command_name or "", binding.parameter_set,
                                               my_invocation)
            common = binding.common
            if "ErrorAction" in common:
                values["erroractionpreference"] = common["ErrorAction"]
            if "WarningAction" in common:
                values["warningpreference"] = common["WarningAction"]
            if common.get("Verbose"):
                values["verbosepreference"] = "Continue"
            if common.get("Debug"):
                values["debugpreference"] = "Continue"
            if "WhatIf" in common:
                values["whatifpreference"] = bool(common["WhatIf"])

    def process(self, item: object) -> None:
        from .pipeline import NO_INPUT

        if item is NO_INPUT:
            if self.info.process is not None:
                self._run(self.info.process)
            return
        if self.info.process is None:
            self.input.append(item)
            return
        if self.binding.spec.parameters and any(
            m.takes_pipeline for p in self.binding.spec.parameters for m in p.sets.values()
        ):
            from .binder import bind_pipeline

            bind_pipeline(self.binding, item)
            for name in self.binding.pipeline_bound:
                self.scope.values[name.casefold()] = self.binding.bound[name]
        self._run(self.info.process, item)

    def end(self) -> None:
        self.scope.values["input"] = list(self.input)
        if self.info.process is None and self.input and self.has_input:
            self.scope.values["_"] = self.input[-1]
        self._run(self.info.end)


def _frame_for(common: dict, name: str | None) -> CommandFrame:
    from .pipeline import frame_from_common

    frame = frame_from_common(common, name)
    frame.error_action = None  # functions carry -ErrorAction as $ErrorActionPreference instead
    return frame


# --------------------------------------------------------------------------- definitions


def compile_scriptblock(compiler: Compiler, node: A.ScriptBlock, *, is_filter: bool = False) -> ScriptBlockInfo:
    return ScriptBlockInfo(compiler, node, is_filter=is_filter)


def compile_function_definition(compiler: Compiler, node: A.FunctionDefinition):
    from .commands import CommandInfo

    info = compile_scriptblock(compiler, node.body, is_filter=node.is_filter)
    info.name = node.name
    info.help = node.help or node.body.help
    kind = "Filter" if node.is_filter else "Function"
    name = node.name
    folded = name.casefold()
    if folded.startswith(("global:", "script:", "local:")):
        prefix, _, name = name.partition(":")
        folded = name.casefold()
    else:
        prefix = ""

    def define(ctx, out):
        scope = ctx.scope
        if prefix.casefold() == "global":
            scope = ctx.global_scope
        elif prefix.casefold() == "script":
            scope = ctx.scope.nearest("script")
        scope.functions[folded] = CommandInfo(name, kind, "", block=info.instantiate(ctx))

    return define
