"""The execution context: scopes, streams, preferences, the command table and the edges.

The runtime reaches the world only through what is injected here (`host` for text,
`services` for the clock, file system and whatever the command modules bring), the way
mvdan/sh's interpreter reaches the OS only through its handlers.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterator

from . import errors as E
from .host import Host
from .objects import VOID, Hashtable, Invocable
from .scopes import MISSING, Scope

PREFERENCE_DEFAULTS = {
    "erroractionpreference": "Continue",
    "warningpreference": "Continue",
    "verbosepreference": "SilentlyContinue",
    "debugpreference": "SilentlyContinue",
    "informationpreference": "SilentlyContinue",
    "progresspreference": "Continue",
    "confirmpreference": "High",
    "whatifpreference": False,
    "formatenumerationlimit": 4,
    "maximumhistorycount": 4096,
    "errorview": "NormalView",
}


@dataclass
class CommandFrame:
    """What one running command contributes to stream decisions (its common parameters)."""

    name: str | None = None
    error_action: str | None = None
    warning_action: str | None = None
    verbose: bool | None = None
    debug: bool | None = None
    whatif: bool | None = None
    confirm: bool | None = None
    error_variable: list | None = None
    wrote_error: bool = False
    parent: "CommandFrame | None" = None
    routes: dict = field(default_factory=dict)  # stream number -> callable(record) from redirections


class SimulatedClock:
    """The default clock when no lab is attached: starts at a fixed instant, moves only when told."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 23, 8, 0, 0)

    def now(self) -> datetime:
        return self.current


class ExecutionContext:
    def __init__(self, host: Host | None = None, services: dict | None = None) -> None:
        from .commands import CommandTable

        self.host = host or Host()
        self.services: dict = services or {}
        self.global_scope = Scope(kind="global")
        self.scope = self.global_scope
        self.commands = CommandTable()
        self.errors: list = []  # $Error, newest first
        self.last_success = True
        self.handler_depth = 0  # enclosing try/trap blocks (dynamic)
        self.call_depth = 0
        self.frame = CommandFrame()
        self.strict_version = 0
        self.using_values: dict | None = None
        self.env: dict[str, str] = _CaseInsensitiveEnv(self.services.get("env", {}))
        self.out_default = None  # set by the top-level runner
        self.invocations: list = []  # InvocationInfo of the running functions and scripts, innermost last
        for name, value in PREFERENCE_DEFAULTS.items():
            self.global_scope.values[name] = value
        self.global_scope.values["home"] = "C:\\Users\\Administrator"
        self.global_scope.values["pshome"] = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0"
        self.global_scope.values["pid"] = 4242
        self.global_scope.values["psculture"] = "en-US"
        self.global_scope.values["psuiculture"] = "en-US"
        self.global_scope.values["psedition"] = "Desktop"
        self.global_scope.values["psversiontable"] = _version_table()
        self.global_scope.values["lastexitcode"] = 0
        self.global_scope.values["nestedpromptlevel"] = 0

    # ------------------------------------------------------------------ the edges

    def now(self) -> datetime:
        clock = self.services.get("clock")
        return clock.now() if clock is not None else self._default_clock().now()

    def _default_clock(self) -> SimulatedClock:
        clock = self.services.get("_default_clock")
        if clock is None:
            clock = self.services["_default_clock"] = SimulatedClock()
        return clock

    # ------------------------------------------------------------------ variables

    def get_variable(self, name: str) -> object:
        value = self.scope.lookup(name.casefold())
        return None if value is MISSING or value is VOID else value

    def set_variable(self, name: str, value: object, scope: Scope | None = None) -> None:
        (scope or self.scope).values[name.casefold()] = value

    def preference(self, name: str) -> object:
        value = self.scope.lookup(name.casefold())
        return PREFERENCE_DEFAULTS.get(name.casefold()) if value is MISSING else value

    def missing_variable(self, name: str, code, node) -> None:
        if self.strict_version >= 1:
            raise E.locate_at(
                E.RuntimeException(
                    f"The variable '${name}' cannot be retrieved because it has not been set.",
                    error_id="VariableIsUndefined", category="InvalidOperation", target=name),
                code, node)
        return None

    def missing_property(self, obj: object, name: str, code, node) -> None:
        if self.strict_version >= 2 and obj is not None:
            raise E.locate_at(
                E.PropertyNotFoundException(
                    f"The property '{name}' cannot be found on this object. Verify that the property exists.",
                    error_id="PropertyNotFoundStrict", category="InvalidOperation", target=name),
                code, node)
        return None

    def find_function_block(self, name: str) -> object:
        found = self.scope.find_function(name.casefold())
        return getattr(found, "block", None)

    def read_drive_variable(self, drive: str, name: str, code, node) -> object:
        reader = self.services.get("drive_variable_reader")
        if reader is None:
            raise E.locate_at(
                E.DriveNotFoundException(
                    f"Cannot find drive. A drive with the name '{drive}' does not exist.",
                    error_id="DriveNotFound", category="ObjectNotFound", target=drive),
                code, node)
        return reader(self, drive, name)

    def write_drive_variable(self, drive: str, name: str, value: object, code, node) -> None:
        writer = self.services.get("drive_variable_writer")
        if writer is None:
            raise E.locate_at(
                E.DriveNotFoundException(
                    f"Cannot find drive. A drive with the name '{drive}' does not exist.",
                    error_id="DriveNotFound", category="ObjectNotFound", target=drive),
                code, node)
        writer(self, drive, name, value)

    @contextlib.contextmanager
    def child_scope(self, kind: str = "local") -> Iterator[Scope]:
        scope = Scope(self.scope, kind)
        saved = self.scope
        self.scope = scope
        try:
            yield scope
        finally:
            self.scope = saved

    # ------------------------------------------------------------------ values

    def to_string(self, value: object) -> str:
        from .convert import to_string

        return to_string(value, self)

    @staticmethod
    def collapse(items: list) -> object:
        from .compiler import collapse

        return collapse(items)

    def call(self, block: Invocable, args: list | None = None, *, dollar_under: object = ...,
             new_scope: bool = True, input_objects: list | None = None) -> list:
        """Run a script block (or any Invocable) and return its output."""
        runner = getattr(block, "run", None)
        if runner is not None:
            return runner(self, args or [], dollar_under=dollar_under, new_scope=new_scope, input_objects=input_objects)
        return block.call(args or [], dollar_under=dollar_under)

    def apply_match(self, op: str, left: object, right: object) -> object:
        """-match and friends: the result, and $Matches set for a scalar match."""
        from .operators import match

        result, matches = match(op, left, right)
        if matches is not None:
            self.scope.values["matches"] = matches
        return result

    def match_and_set(self, text: str, pattern: object, case_sensitive: bool) -> bool:
        return bool(self.apply_match("-cmatch" if case_sensitive else "-match", text, pattern))

    # ------------------------------------------------------------------ errors and streams

    def record_error(self, record: E.ErrorRecord) -> None:
        if not self.errors or self.errors[0] is not record:
            self.errors.insert(0, record)
            del self.errors[256:]

    def error_action(self) -> str:
        frame = self.frame
        if frame.error_action is not None:
            return frame.error_action
        return str(self.preference("ErrorActionPreference"))

    def write_error_record(self, record: E.ErrorRecord, *, already_recorded: bool = False,
                           action: str | None = None) -> None:
        """A non-terminating error: recorded, shown or routed according to -ErrorAction."""
        action = (action or self.error_action()).casefold()
        self.frame.wrote_error = True
        if action == "ignore":
            return
        if action == "stop":
            record.exception.script_terminating = True
            raise record.exception
        if not already_recorded:
            self.record_error(record)
        if self.frame.error_variable is not None:
            self.frame.error_variable.append(record)
        if action in ("silentlycontinue",):
            return
        route = self._route("2")
        if route is not None:
            route(record)
            return
        self.show_error(record)

    def show_error(self, record: E.ErrorRecord) -> None:
        from .formatting import render_error

        self.host.write_error_text(render_error(record, self.host.width))

    def handle_statement_error(self, error: E.PSException) -> None:
        """An error left a statement: re-raise it when someone handles it, else report it."""
        self.last_success = False
        if error.script_terminating or self.handler_depth > 0:
            raise error
        if str(self.preference("ErrorActionPreference")).casefold() == "stop":
            error.script_terminating = True
            raise error
        self.record_error(error.record)
        route = self._route("2")
        if route is not None:
            route(error.record)
            return
        self.show_error(error.record)

    def _route(self, stream: str):
        frame = self.frame
        while frame is not None:
            route = frame.routes.get(stream) or frame.routes.get("*")
            if route is not None:
                return route
            frame = frame.parent
        return None

    def _stream_enabled(self, preference: str, frame_flag: bool | None, action: str | None = None) -> str:
        if action is not None:
            return action.casefold()
        if frame_flag is not None:
            return "continue" if frame_flag else "silentlycontinue"
        return str(self.preference(preference)).casefold()

    def write_warning(self, text: str) -> None:
        action = self._stream_enabled("WarningPreference", None, self.frame.warning_action)
        if action in ("silentlycontinue", "ignore"):
            return
        route = self._route("3")
        if route is not None:
            route(text)
            return
        self.host.write_stream("WARNING: ", text)
        if action == "stop":
            raise E.ActionPreferenceStopException(
                'The running command stopped because the preference variable "WarningPreference" or common '
                f"parameter is set to Stop: {text}", error_id="ActionPreferenceStop", category="OperationStopped")

    def write_verbose(self, text: str) -> None:
        if self._stream_enabled("VerbosePreference", self.frame.verbose) in ("silentlycontinue", "ignore"):
            return
        route = self._route("4")
        if route is not None:
            route(text)
            return
        self.host.write_stream("VERBOSE: ", text)

    def write_debug(self, text: str) -> None:
        if self._stream_enabled("DebugPreference", self.frame.debug) in ("silentlycontinue", "ignore"):
            return
        route = self._route("5")
        if route is not None:
            route(text)
            return
        self.host.write_stream("DEBUG: ", text)

    def write_information(self, text: str, *, from_host: bool = False, newline: bool = True,
                          foreground: str | None = None, background: str | None = None) -> None:
        route = self._route("6")
        if route is not None:
            route(text)
            return
        if from_host:
            self.host.write_host(text, newline=newline, foreground=foreground, background=background)
            return
        if str(self.preference("InformationPreference")).casefold() in ("continue",):
            self.host.write_host(text)

    def whatif_enabled(self) -> bool:
        if self.frame.whatif is not None:
            return self.frame.whatif
        from .convert import to_bool

        return to_bool(self.preference("WhatIfPreference"))

    @contextlib.contextmanager
    def command_frame(self, frame: CommandFrame) -> Iterator[CommandFrame]:
        frame.parent = self.frame
        self.frame = frame
        try:
            yield frame
        finally:
            self.frame = frame.parent


class _CaseInsensitiveEnv(dict):
    """$env: names are case-insensitive on Windows."""

    def __init__(self, initial: dict) -> None:
        super().__init__()
        self._names: dict[str, str] = {}
        for key, value in initial.items():
            self[key] = value

    def __setitem__(self, key: str, value: str) -> None:
        folded = key.casefold()
        original = self._names.setdefault(folded, key)
        super().__setitem__(original, value)

    def get(self, key: str, default: object = None) -> object:
        original = self._names.get(key.casefold())
        return default if original is None else super().get(original, default)

    def pop(self, key: str, default: object = None) -> object:
        original = self._names.pop(key.casefold(), None)
        return default if original is None else super().pop(original, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.casefold() in self._names


def _version_table() -> Hashtable:
    from .objects import PSObject

    version = PSObject([("Major", 5), ("Minor", 1), ("Build", 20348), ("Revision", 2849)],
                       type_names=["System.Version", "System.Object"])
    return Hashtable(
        [
            ("PSVersion", version),
            ("PSEdition", "Desktop"),
            ("PSCompatibleVersions", ["1.0", "2.0", "3.0", "4.0", "5.0", "5.1.20348.2849"]),
            ("BuildVersion", "10.0.20348.2849"),
            ("CLRVersion", "4.0.30319.42000"),
            ("WSManStackVersion", "3.0"),
            ("PSRemotingProtocolVersion", "2.3"),
            ("SerializationVersion", "1.1.0.1"),
        ]
    )


