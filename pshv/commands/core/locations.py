"""The current location and the location stacks (`ctx.services['location']`), path
resolution against them, and Set-Location, Get-Location, Push-Location, Pop-Location.

Every file-system cmdlet turns its path arguments into absolute paths with `resolve_path`
(relative to the current location, `X:rest` relative to drive X's last location, `\\rest`
relative to the current drive's root, `~` for the home folder) and `expand_paths` (which also
expands wildcards against the file systems).
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject
from ...runtime.params import cmdlet, p
from . import paths as P

HOME = "C:\\Users\\Administrator"
DEFAULT_STACK = "default"
MANAGEMENT = "Microsoft.PowerShell.Commands"


class LocationService:
    """Where the shell is: the current path, each drive's last path, the named stacks."""

    def __init__(self, start: str = HOME) -> None:
        self.current = start
        self.by_drive: dict[str, str] = {}
        self.stacks: dict[str, list[str]] = {DEFAULT_STACK: []}
        self.default_stack = DEFAULT_STACK
        self.move_to(start)

    def move_to(self, path: str) -> None:
        self.current = path
        drive = P.drive_of(path)
        if drive is not None and not P.is_unc(path):
            self.by_drive[drive] = path

    def display(self, path: str | None = None) -> str:
        """The location as Get-Location and the prompt show it (UNC paths provider-qualified)."""
        path = self.current if path is None else path
        return P.provider_qualified(path) if P.is_unc(path) else path

    def resolve(self, text: str) -> str:
        """An absolute, normalised path for a path argument (wildcards are kept)."""
        text = P.strip_provider(text).replace("/", "\\")
        if text in ("", "."):
            return self.current
        if text == "~" or text.startswith("~\\"):
            return P.normalize(HOME + text[1:])
        if P.is_unc(text):
            return P.normalize(text)
        drive = P.drive_of(text)
        if drive is not None:
            rest = text[2:]
            if rest.startswith("\\"):
                return P.normalize(f"{drive}:{rest}")
            base = self.by_drive.get(drive, f"{drive}:\\")
            return P.normalize(P.child(base, rest)) if rest else base
        if text.startswith("\\"):
            root, _ = P.split_root(self.current)
            return P.normalize(root + text.lstrip("\\"))
        return P.normalize(P.child(self.current, text))


def location_of(ctx) -> LocationService:
    service = ctx.services.get("location")
    if service is None:
        service = ctx.services["location"] = LocationService()
    return service


def resolve_path(ctx, text: str) -> str:
    return location_of(ctx).resolve(text)


def expand_paths(ctx, text: str, *, literal: bool = False) -> list[str]:
    """The existing paths a -Path argument names (wildcards expanded), or the one path a
    -LiteralPath (or a -Path without wildcards) names, whether or not it exists."""
    absolute = resolve_path(ctx, text)
    if literal or not P.has_wildcard(absolute):
        return [absolute if literal else P.unescape_wildcards(absolute)]
    from .vfs import backend_for

    root, parts = P.split_root(absolute)
    candidates = [P.join_parts(root, [])]
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        found: list[str] = []
        for folder in candidates:
            if P.has_wildcard(part):
                try:
                    entries = backend_for(ctx, folder).list(folder)
                except Exception as error:  # a missing folder matches nothing
                    if _is_fs_error(error):
                        continue
                    raise
                found.extend(e.path for e in entries if P.wildcard_match(e.name, part) and (last or e.is_dir))
            else:
                found.append(P.child(folder, P.unescape_wildcards(part)))
        candidates = found
    return [path for path in candidates if _exists(ctx, path)]


def _is_fs_error(error: Exception) -> bool:
    from ...lab.filesystem import DriveNotFound, FsError

    return isinstance(error, FsError) and not isinstance(error, DriveNotFound)


def _exists(ctx, path: str) -> bool:
    from ...lab.filesystem import FsError
    from .vfs import backend_for

    try:
        backend_for(ctx, path).stat(path)
    except FsError:
        return False
    return True


class PathInfo(DotNetObject):
    """System.Management.Automation.PathInfo (what Get-Location returns)."""

    ps_type_names = ("System.Management.Automation.PathInfo", "System.Object")
    ps_properties = ("Drive", "Provider", "ProviderPath", "Path")

    def __init__(self, path: str, display: str) -> None:
        self.ProviderPath = path
        self.Path = display
        drive = P.drive_of(path)
        self.Drive = None if drive is None or P.is_unc(path) else drive
        self.Provider = P.PROVIDER

    def ps_to_string(self) -> str:
        return self.Path


def path_info(ctx, path: str) -> PathInfo:
    return PathInfo(path, location_of(ctx).display(path))


# --------------------------------------------------------------------------- cmdlets


class _LocationCmdlet(Cmdlet):
    def _target(self) -> str | None:
        """The one container the Path / LiteralPath argument names; reports errors itself."""
        from ...lab.filesystem import FsError
        from .fserrors import fs_error, path_not_found
        from .vfs import backend_for

        literal = "LiteralPath" in self.params and self.params["LiteralPath"] is not None
        text = self.params["LiteralPath"] if literal else self.param("Path", HOME)
        text = self.ctx.to_string(text)
        matches = expand_paths(self.ctx, text, literal=literal)
        if not matches:
            raise self.fail(path_not_found(text))
        if len(matches) > 1:
            raise self.fail(E.PSArgumentException(
                f"Cannot set the location because path '{text}' resolved to multiple containers. You can only the "
                "set the same location to a single container.", error_id="PathResolvedToMultiple",
                category="InvalidArgument", target=text))
        target = matches[0]
        try:
            entry = backend_for(self.ctx, target).stat(target)
        except FsError as error:
            raise self.fail(fs_error(error, target if not P.drive_of(text) else text, "SetLocation")) from None
        if not entry.is_dir:
            raise self.fail(path_not_found(target))
        return target


_PATH_SETS = [
    p("Path", "string", sets={"Path": dict(position=0, pipeline=True, by_property_name=True)}),
    p("LiteralPath", "string", aliases=["PSPath"], sets={"LiteralPath": dict(mandatory=True, by_property_name=True)}),
    p("PassThru", "switch"),
    p("UseTransaction", "switch", aliases=["usetx"]),
]


class SetLocation(_LocationCmdlet):
    spec = cmdlet("Set-Location", [*_PATH_SETS, p("StackName", "string", sets={"Stack": dict(by_property_name=True)})],
                  default_set="Path")
    dotnet_class = f"{MANAGEMENT}.SetLocationCommand"

    def process(self) -> None:
        service = location_of(self.ctx)
        if self.parameter_set == "Stack":
            name = self.param("StackName") or DEFAULT_STACK
            service.stacks.setdefault(name, [])
            service.default_stack = name
            return
        target = self._target()
        service.move_to(target)
        if self.param("PassThru"):
            self.write(path_info(self.ctx, target))


class GetLocation(Cmdlet):
    spec = cmdlet("Get-Location", [
        p("PSProvider", "string[]", sets={"Location": dict(by_property_name=True)}),
        p("PSDrive", "string[]", sets={"Location": dict(by_property_name=True)}),
        p("Stack", "switch", sets={"Stack": {}}),
        p("StackName", "string[]", sets={"Stack": dict(by_property_name=True)}),
        p("UseTransaction", "switch", aliases=["usetx"]),
    ], default_set="Location")
    dotnet_class = f"{MANAGEMENT}.GetLocationCommand"

    def process(self) -> None:
        service = location_of(self.ctx)
        if self.parameter_set == "Stack":
            for name in self.param("StackName") or [service.default_stack]:
                stack = service.stacks.get(name)
                if stack is None:
                    self.error(_stack_not_found(name))
                    continue
                for path in reversed(stack):
                    self.write(path_info(self.ctx, path))
            return
        drives = self.param("PSDrive")
        if drives:
            for drive in drives:
                letter = drive.rstrip(":").upper()
                self.write(path_info(self.ctx, service.by_drive.get(letter, f"{letter}:\\")))
            return
        self.write(path_info(self.ctx, service.current))


class PushLocation(_LocationCmdlet):
    spec = cmdlet("Push-Location", [*_PATH_SETS, p("StackName", "string", by_property_name=True)], default_set="Path")
    dotnet_class = f"{MANAGEMENT}.PushLocationCommand"

    def process(self) -> None:
        service = location_of(self.ctx)
        name = self.param("StackName") or service.default_stack
        target = self._target() if (self.given("Path") or self.given("LiteralPath")) else None
        service.stacks.setdefault(name, []).append(service.current)
        if target is not None:
            service.move_to(target)
            if self.param("PassThru"):
                self.write(path_info(self.ctx, target))


class PopLocation(Cmdlet):
    spec = cmdlet("Pop-Location", [
        p("PassThru", "switch"),
        p("StackName", "string", by_property_name=True),
        p("UseTransaction", "switch", aliases=["usetx"]),
    ])
    dotnet_class = f"{MANAGEMENT}.PopLocationCommand"

    def process(self) -> None:
        service = location_of(self.ctx)
        name = self.param("StackName") or service.default_stack
        stack = service.stacks.get(name)
        if stack is None:
            raise self.fail(_stack_not_found(name))
        if not stack:
            return
        target = stack.pop()
        service.move_to(target)
        if self.param("PassThru"):
            self.write(path_info(self.ctx, target))


def _stack_not_found(name: str) -> E.PSException:
    return E.PSArgumentException(f"Cannot find location stack '{name}'. It does not exist or it is not a container.",
                                 error_id="Argument", category="InvalidArgument", target=name)
