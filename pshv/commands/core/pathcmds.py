"""Path cmdlets: Join-Path, Split-Path, Resolve-Path, Convert-Path, Get-PSDrive."""

from __future__ import annotations

from ...lab.filesystem import FsError
from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject, Int64
from ...runtime.params import cmdlet, p
from . import paths as P
from .fserrors import drive_not_found, path_not_found
from .itemcmdlet import CREDENTIAL, MANAGEMENT, TRANSACTION, ItemCmdlet, path_sets
from .locations import expand_paths, location_of, path_info, resolve_path
from .vfs import LabBackend, drives_of


def _check_drive(ctx, text: str) -> None:
    """5.1's path cmdlets refuse a drive that does not exist."""
    drive = P.drive_of(P.strip_provider(text))
    if drive is not None and drive not in drives_of(ctx).drive_names(ctx):
        raise drive_not_found(drive)


class JoinPath(Cmdlet):
    spec = cmdlet("Join-Path", [
        p("Path", "string[]", aliases=["PSPath"], position=0, mandatory=True, pipeline=True, by_property_name=True),
        p("ChildPath", "string", position=1, mandatory=True, by_property_name=True, allow_empty_string=True),
        p("Resolve", "switch"), CREDENTIAL, TRANSACTION,
    ])
    dotnet_class = f"{MANAGEMENT}.JoinPathCommand"

    def process(self) -> None:
        child = (self.param("ChildPath") or "").replace("/", "\\")
        for text in self.params["Path"]:
            text = self.ctx.to_string(text)
            try:
                _check_drive(self.ctx, text)
            except E.PSException as error:
                self.error(error)
                continue
            base = text.replace("/", "\\")
            joined = base.rstrip("\\") + "\\" + child.lstrip("\\") if child else base
            if base.endswith(":") and len(base) == 2:
                joined = base + "\\" + child.lstrip("\\")
            if not self.param("Resolve"):
                self.write(joined)
                continue
            matches = expand_paths(self.ctx, joined)
            if not matches or not _all_exist(self.ctx, matches):
                self.error(path_not_found(resolve_path(self.ctx, joined)))
                continue
            self.write([location_of(self.ctx).display(m) for m in matches], enumerate_collection=True)


def _all_exist(ctx, paths: list[str]) -> bool:
    from .vfs import backend_for

    try:
        for path in paths:
            backend_for(ctx, path).stat(path)
    except FsError:
        return False
    return True


class SplitPath(Cmdlet):
    spec = cmdlet("Split-Path", [
        p("Path", "string[]", sets={name: dict(position=0, mandatory=True, pipeline=True, by_property_name=True)
                                    for name in ("ParentSet", "LeafSet", "QualifierSet", "NoQualifierSet",
                                                 "IsAbsoluteSet")}),
        p("LiteralPath", "string[]", aliases=["PSPath"], sets={"LiteralPathSet": dict(mandatory=True,
                                                                                       by_property_name=True)}),
        p("Parent", "switch", sets="ParentSet"),
        p("Leaf", "switch", sets={"LeafSet": dict(mandatory=True)}),
        p("Qualifier", "switch", sets={"QualifierSet": dict(position=1, mandatory=True)}),
        p("NoQualifier", "switch", sets={"NoQualifierSet": dict(mandatory=True)}),
        p("IsAbsolute", "switch", sets={"IsAbsoluteSet": dict()}),
        p("Resolve", "switch"), CREDENTIAL, TRANSACTION,
    ], default_set="ParentSet")
    dotnet_class = f"{MANAGEMENT}.SplitPathCommand"

    def process(self) -> None:
        values = self.params.get("LiteralPath") or self.params.get("Path") or []
        for text in values:
            text = self.ctx.to_string(text)
            paths = [text]
            if self.param("Resolve"):
                paths = [location_of(self.ctx).display(m) for m in expand_paths(self.ctx, text)]
                if not paths or not _all_exist(self.ctx, [resolve_path(self.ctx, m) for m in paths]):
                    self.error(path_not_found(resolve_path(self.ctx, text)))
                    continue
            for path in paths:
                result = self._split(path)
                if result is not None:
                    self.write(result)

    def _split(self, path: str) -> object:
        body = P.strip_provider(path).replace("/", "\\")
        if self.param("IsAbsolute"):
            return P.is_absolute(body)
        drive = P.drive_of(body)
        if self.param("Qualifier"):
            if drive is None:
                self.error(E.PSArgumentException(
                    f"Cannot parse path because path '{path}' does not have a qualifier specified.",
                    error_id="ParsePathQualifier", category="InvalidArgument", target=path))
                return None
            return body[:2]
        if self.param("NoQualifier"):
            return body[2:] if drive is not None else body
        trimmed = body.rstrip("\\") if len(body.rstrip("\\")) > 2 or not drive else body
        cut = trimmed.rfind("\\")
        if self.param("Leaf"):
            return trimmed[cut + 1:] if cut >= 0 else (trimmed[2:] if drive and len(trimmed) > 2 else trimmed)
        if cut < 0:
            return body[:2] if drive and len(body) > 2 else ""
        if P.is_unc(trimmed) and trimmed.count("\\") <= 3:
            return ""
        parent = trimmed[:cut]
        if drive is not None and len(parent) == 2:
            return parent + "\\" if len(trimmed) > 3 else ""
        return parent


class ResolvePath(ItemCmdlet):
    spec = cmdlet("Resolve-Path", [*path_sets(), p("Relative", "switch"), CREDENTIAL, TRANSACTION],
                  default_set="Path")
    dotnet_class = f"{MANAGEMENT}.ResolvePathCommand"
    error_kind = "ResolvePath"

    def process(self) -> None:
        for text in self.arguments():
            matches = [m for m in self.targets(text) if self.exists(m) is not None]
            if not matches:
                self.error(path_not_found(resolve_path(self.ctx, text) if self.literal or not P.has_wildcard(text)
                                          else text))
                continue
            for path in matches:
                if self.param("Relative"):
                    self.write(_relative(location_of(self.ctx).current, path))
                else:
                    self.write(path_info(self.ctx, path))


def _relative(base: str, path: str) -> str:
    base_root, base_parts = P.split_root(base)
    root, parts = P.split_root(path)
    if base_root.casefold() != root.casefold():
        return path
    common = 0
    while common < min(len(base_parts), len(parts)) and base_parts[common].casefold() == parts[common].casefold():
        common += 1
    ups = [".."] * (len(base_parts) - common)
    rest = parts[common:]
    if not ups:
        return ".\\" + "\\".join(rest) if rest else "."
    return "\\".join(ups + rest)


class ConvertPath(ResolvePath):
    spec = cmdlet("Convert-Path", [*path_sets(), TRANSACTION], default_set="Path")
    dotnet_class = f"{MANAGEMENT}.ConvertPathCommand"

    def process(self) -> None:
        for text in self.arguments():
            matches = [m for m in self.targets(text) if self.exists(m) is not None]
            if not matches:
                self.error(path_not_found(resolve_path(self.ctx, text)))
                continue
            self.write(matches, enumerate_collection=True)


class PSDriveInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.PSDriveInfo", "System.Object")
    ps_properties = ("Used", "Free", "CurrentLocation", "Name", "Provider", "Root", "Description", "MaximumSize",
                     "Credential", "DisplayRoot")

    def __init__(self, name: str, used: int, free: int, current: str, description: str) -> None:
        self.Name = name
        self.Used = Int64(used)
        self.Free = Int64(free)
        self.CurrentLocation = current
        self.Provider = P.PROVIDER
        self.Root = f"{name}:\\"
        self.Description = description
        self.MaximumSize = None
        self.Credential = None
        self.DisplayRoot = None

    def ps_to_string(self) -> str:
        return self.Name


def _gigabytes(name: str):
    def read(drive: PSDriveInfo) -> str:
        value = getattr(drive, name)
        return f"{value / 2**30:.2f}" if drive.Used or drive.Free else ""

    return read


def _register_drive_view() -> None:
    from ...runtime.formatting.views import Column, register_table_view

    register_table_view("System.Management.Automation.PSDriveInfo", [
        Column("Name", "Name", width=10), Column("Used (GB)", _gigabytes("Used"), width=13, alignment="right"),
        Column("Free (GB)", _gigabytes("Free"), width=13, alignment="right"),
        Column("Provider", lambda d: "FileSystem", width=13), Column("Root", "Root", width=35),
        Column("CurrentLocation", "CurrentLocation", width=30, alignment="right"),
    ])


_register_drive_view()


class GetPSDrive(Cmdlet):
    spec = cmdlet("Get-PSDrive", [
        p("Name", "string[]", sets={"Name": dict(position=0, by_property_name=True)}),
        p("LiteralName", "string[]", sets={"LiteralName": dict(position=0, mandatory=True, by_property_name=True)}),
        p("Scope", "string", by_property_name=True),
        p("PSProvider", "string[]", by_property_name=True),
        TRANSACTION,
    ], default_set="Name")
    dotnet_class = f"{MANAGEMENT}.GetPSDriveCommand"

    def process(self) -> None:
        providers = self.param("PSProvider")
        if providers and not any(P.wildcard_match("FileSystem", name) for name in providers):
            return
        drives = self._drives()
        literal = self.parameter_set == "LiteralName"
        for name in self.param("LiteralName" if literal else "Name") or ["*"]:
            name = name.rstrip(":")
            found = [d for d in drives if (d.Name.casefold() == name.casefold() if literal
                                           else P.wildcard_match(d.Name, name))]
            if not found and (literal or not P.has_wildcard(name)):
                error = drive_not_found(name)
                error.record.error_id = "GetLocationNoMatchingDrive"
                self.error(error)
            self.write(found, enumerate_collection=True)

    def _drives(self) -> list[PSDriveInfo]:
        location = location_of(self.ctx)
        lab = LabBackend(self.ctx)
        mounts = drives_of(self.ctx).mounts
        result = []
        for name in drives_of(self.ctx).drive_names(self.ctx):
            current = location.by_drive.get(name, f"{name}:\\")[3:]
            if name in mounts:
                used, free = mounts[name].used_and_free()
                description = "pshv output folder" if name == "X" else "pshv script folder (read-only)"
            else:
                used, free = lab.volume_space(name)
                description = ""
            result.append(PSDriveInfo(name, used, free, current, description))
        return result
