"""Item cmdlets on the lab's file systems (and the sandbox's real folders): Get-Item,
Get-ChildItem, Test-Path, New-Item, Remove-Item, Copy-Item, Move-Item, Rename-Item."""

from __future__ import annotations

from ...lab import filesystem as F
from ...runtime import errors as E
from ...runtime.params import ValidateSet, cmdlet, p
from . import paths as P
from .fserrors import directory_exists, file_exists, fs_error
from .fsitems import item_object
from .itemcmdlet import CREDENTIAL, FILTERS, MANAGEMENT, TRANSACTION, ItemCmdlet, part_of_path_missing, path_sets
from .locations import resolve_path
from .vfs import Entry, copy_across, drives_of


def _unsupported(parameter: str, command: str) -> E.PSException:
    return E.PSNotSupportedException(
        f"The emulator does not support the -{parameter} parameter of {command}.", error_id="NotSupported",
        category="NotImplemented", target=parameter)


class GetItem(ItemCmdlet):
    spec = cmdlet("Get-Item", [*path_sets(), *FILTERS, p("Force", "switch"), CREDENTIAL, TRANSACTION,
                               p("Stream", "string[]")], default_set="Path")
    dotnet_class = f"{MANAGEMENT}.GetItemCommand"
    error_kind = "GetItem"

    def process(self) -> None:
        if self.given("Stream"):
            raise self.fail(_unsupported("Stream", "Get-Item"))
        for text in self.arguments():
            targets = self.targets(text)
            if not targets:
                continue
            for path in targets:
                entry = self.stat(path)
                if entry is not None and self.name_matches(entry.name):
                    self.write(item_object(entry))


class GetChildItem(ItemCmdlet):
    spec = cmdlet("Get-ChildItem", [
        p("Path", "string[]", sets={"Items": dict(position=0, pipeline=True, by_property_name=True)}),
        p("LiteralPath", "string[]", aliases=["PSPath"], sets={"LiteralItems": dict(mandatory=True,
                                                                                     by_property_name=True)}),
        p("Filter", "string", position=1),
        p("Include", "string[]"), p("Exclude", "string[]"),
        p("Recurse", "switch", aliases=["s"]),
        p("Depth", "uint32"),
        p("Force", "switch"),
        p("Name", "switch"),
        p("Attributes", "string[]"),
        p("Directory", "switch", aliases=["ad", "d"]),
        p("File", "switch", aliases=["af"]),
        p("Hidden", "switch", aliases=["ah", "h"]),
        p("ReadOnly", "switch", aliases=["ar"]),
        p("System", "switch", aliases=["as"]),
        TRANSACTION,
    ], default_set="Items")
    dotnet_class = f"{MANAGEMENT}.GetChildItemCommand"
    error_kind = "GetChildItem"

    @property
    def literal(self) -> bool:
        return self.parameter_set == "LiteralItems"

    def process(self) -> None:
        if self.given("Attributes"):
            raise self.fail(_unsupported("Attributes", "Get-ChildItem"))
        depth = self.params.get("Depth")
        recurse = bool(self.param("Recurse")) or depth is not None
        for text in self.arguments() or ["."]:
            wildcard = not self.literal and P.has_wildcard(text)
            targets = self.targets(text)
            if not targets and not wildcard:
                continue
            for path in targets:
                entry = self.stat(path)
                if entry is None:
                    continue
                if entry.is_dir and not wildcard:
                    self._list(entry, root=entry.path, recurse=recurse, depth=depth,
                               include_applies=recurse)
                else:
                    self._emit(entry, P.parent_of(entry.path), short=False, include_applies=True)
                    if entry.is_dir and recurse:
                        self._list(entry, root=P.parent_of(entry.path), recurse=True, depth=depth,
                                   include_applies=True)

    def _list(self, folder: Entry, *, root: str, recurse: bool, depth: int | None, include_applies: bool,
              level: int = 0) -> None:
        try:
            entries = self.backend(folder.path).list(folder.path)
        except F.FsError as error:
            self.report(error, folder.path)
            return
        for entry in entries:
            self._emit(entry, root, short=True, include_applies=include_applies)
        if not recurse or (depth is not None and level >= depth):
            return
        for entry in entries:
            if entry.is_dir:
                self._list(entry, root=root, recurse=True, depth=depth, include_applies=include_applies,
                           level=level + 1)

    def _emit(self, entry: Entry, root: str, *, short: bool, include_applies: bool) -> None:
        if self.param("Directory") and not entry.is_dir or self.param("File") and entry.is_dir:
            return
        if self.given("Include") and not include_applies:
            return  # 5.1: -Include selects nothing without -Recurse or a wildcard in the path
        if not self.name_matches(entry.name):
            return
        if self.param("Name"):
            relative = entry.path[len(root):].lstrip("\\") if entry.path.startswith(root) else entry.name
            self.write(relative or entry.name)
        else:
            self.write(item_object(entry, short_text=short))


class TestPath(ItemCmdlet):
    spec = cmdlet("Test-Path", [
        *path_sets(), *FILTERS,
        p("PathType", "string", aliases=["Type"], validate=[ValidateSet("Any", "Container", "Leaf")]),
        p("IsValid", "switch"),
        p("OlderThan", "datetime"), p("NewerThan", "datetime"),
        CREDENTIAL, TRANSACTION,
    ], default_set="Path")
    dotnet_class = f"{MANAGEMENT}.TestPathCommand"

    def process(self) -> None:
        for text in self.arguments():
            self.write(self._test(text))

    def _test(self, text: str) -> bool:
        if self.param("IsValid"):
            return _is_valid_path(text)
        try:
            paths = self.targets_quiet(text)
        except F.FsError:
            return False
        kind = (self.param("PathType") or "Any").casefold()
        for path in paths:
            entry = self.exists(path)
            if entry is None or not self.name_matches(entry.name):
                continue
            if kind == "container" and not entry.is_dir or kind == "leaf" and entry.is_dir:
                continue
            older, newer = self.params.get("OlderThan"), self.params.get("NewerThan")
            if older is not None and not entry.modified < older or newer is not None and not entry.modified > newer:
                continue
            return True
        return False

    def targets_quiet(self, text: str) -> list[str]:
        from .locations import expand_paths

        return expand_paths(self.ctx, text, literal=self.literal)


def _is_valid_path(text: str) -> bool:
    body = P.strip_provider(text)
    if P.drive_of(body) is not None:
        body = body[2:]
    elif P.is_unc(body):
        body = body[2:]
    return not any(char in '<>:"|' or ord(char) < 32 for char in body)


class NewItem(ItemCmdlet):
    spec = cmdlet("New-Item", [
        p("Path", "string[]", sets={"pathSet": dict(position=0, mandatory=True, by_property_name=True),
                                    "nameSet": dict(position=0, by_property_name=True)}),
        p("Name", "string", sets={"nameSet": dict(mandatory=True, by_property_name=True)}, allow_null=True,
          allow_empty_string=True),
        p("ItemType", "string", aliases=["Type"], by_property_name=True),
        p("Value", "object", aliases=["Target"], pipeline=True, by_property_name=True),
        p("Force", "switch"),
        CREDENTIAL, TRANSACTION,
    ], default_set="pathSet", should_process=True)
    dotnet_class = f"{MANAGEMENT}.NewItemCommand"
    error_kind = "NewItem"

    def process(self) -> None:
        kind = (self.param("ItemType") or "File").casefold()
        if kind in ("symboliclink", "junction", "hardlink"):
            raise self.fail(_unsupported(f"ItemType {self.param('ItemType')}", "New-Item"))
        if kind not in ("file", "directory"):
            raise self.fail(E.PSArgumentException(
                'The type is not a known type for the file system. Only "file","directory" or "symboliclink" can be '
                "specified.", error_id="Argument", category="InvalidArgument", target=self.param("ItemType")))
        name = self.param("Name")
        for text in self.params.get("Path") or ["."]:
            text = self.ctx.to_string(text)
            path = resolve_path(self.ctx, P.child(text, name) if name else text)
            path = P.unescape_wildcards(path)
            self._create(path, kind == "directory")

    def _create(self, path: str, directory: bool) -> None:
        action = "Create Directory" if directory else "Create File"
        existing = self.exists(path)
        force = bool(self.param("Force"))
        if existing is not None and not force:
            self.error(directory_exists(path) if directory else file_exists(path, "NewItem"))
            return
        if not self.should_process(f"Destination: {path}", action):
            return
        backend = self.backend(path)
        try:
            if directory:
                if existing is None:
                    self._make_folders(path)
            else:
                parent = P.parent_of(path)
                if self.exists(parent) is None:
                    if not force:
                        self.error(part_of_path_missing(path, "NewItem"))
                        return
                    self._make_folders(parent)
                value = self.params.get("Value")
                backend.write_text(path, "" if value is None else self.ctx.to_string(value), encoding="default",
                                   append=False)
            entry = backend.stat(path)
        except F.FsError as error:
            self.report(error, path)
            return
        self.write(item_object(entry))

    def _make_folders(self, path: str) -> None:
        root, parts = P.split_root(path)
        for index in range(1, len(parts) + 1):
            current = P.join_parts(root, parts[:index])
            if self.exists(current) is None:
                self.backend(current).make_dir(current)


class RemoveItem(ItemCmdlet):
    spec = cmdlet("Remove-Item", [*path_sets(), *FILTERS, p("Recurse", "switch"), p("Force", "switch"),
                                  CREDENTIAL, TRANSACTION, p("Stream", "string[]")],
                  default_set="Path", should_process=True)
    dotnet_class = f"{MANAGEMENT}.RemoveItemCommand"
    error_kind = "RemoveFileSystemItem"

    def process(self) -> None:
        if self.given("Stream"):
            raise self.fail(_unsupported("Stream", "Remove-Item"))
        for _, entry in self.existing_items():
            self._remove(entry)

    def _remove(self, entry: Entry) -> None:
        recurse = bool(self.param("Recurse"))
        backend = self.backend(entry.path)
        if entry.is_dir and not recurse:
            try:
                has_children = bool(backend.list(entry.path))
            except F.FsError as error:
                self.report(error, entry.path)
                return
            if has_children:
                if not self._confirm_children(entry.path):
                    return
                recurse = True
        if not self.should_process(entry.path, "Remove Directory" if entry.is_dir else "Remove File"):
            return
        try:
            backend.delete(entry.path, recursive=recurse)
        except F.FsError as error:
            self.report(error, entry.path)

    def _confirm_children(self, path: str) -> bool:
        """5.1 asks before removing a folder with children without -Recurse (ShouldContinue)."""
        host = self.ctx.host
        if not getattr(host, "interactive", False):
            raise self.fail(E.PSInvalidOperationException(
                "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                error_id="InvalidOperation", category="InvalidOperation"))
        host.write(f"\nConfirm\nThe item at {path} has children and the Recurse parameter was not specified. If you "
                   "continue, all children will be removed with the item. Are you sure you want to continue?\n")
        answer = host.read_line('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help '
                                '(default is "Y"): ')
        return answer is not None and answer.strip().casefold() in ("", "y", "a")


class _TransferCmdlet(ItemCmdlet):
    """Copy-Item and Move-Item: a source item to a destination (into it when it is a folder)."""

    verb = "Copy"

    def destination_for(self, source: Entry) -> str:
        destination = resolve_path(self.ctx, self.ctx.to_string(self.param("Destination", ".")))
        target = self.exists(destination)
        if target is not None and target.is_dir and not P.is_root(source.path) and (
                target.path.casefold() != source.path.casefold()):
            return P.child(destination, source.name)
        return destination

    def process(self) -> None:
        for _, entry in self.existing_items():
            self.transfer(entry)

    def transfer(self, entry: Entry) -> None:
        raise NotImplementedError

    def done(self, path: str) -> None:
        if self.param("PassThru"):
            entry = self.exists(path)
            if entry is not None:
                self.write(item_object(entry))


_TRANSFER_PARAMS = [*path_sets(), p("Destination", "string", position=1, by_property_name=True), *FILTERS,
                    p("Force", "switch"), p("PassThru", "switch"), CREDENTIAL, TRANSACTION]


class CopyItem(_TransferCmdlet):
    spec = cmdlet("Copy-Item", [*_TRANSFER_PARAMS, p("Container", "switch"), p("Recurse", "switch"),
                                p("FromSession", "object"), p("ToSession", "object")],
                  default_set="Path", should_process=True)
    dotnet_class = f"{MANAGEMENT}.CopyItemCommand"
    error_kind = "CopyItem"

    def begin(self) -> None:
        super().begin()
        for name in ("FromSession", "ToSession"):
            if self.given(name):
                raise self.fail(_unsupported(name, "Copy-Item"))

    def transfer(self, entry: Entry) -> None:
        destination = self.destination_for(entry)
        if destination.casefold() == entry.path.casefold():
            self.error(E.IOException(f"Cannot overwrite the item {entry.path} with itself.",
                                     error_id="CopyError", category="WriteError", target=entry.path))
            return
        action = "Copy Directory" if entry.is_dir else "Copy File"
        if not self.should_process(f"Item: {entry.path} Destination: {destination}", action):
            return
        if self.exists(P.parent_of(destination)) is None:
            self.error(part_of_path_missing(destination, "CopyDirectoryInfoItem" if entry.is_dir
                                            else "CopyFileInfoItem"))
            return
        try:
            self._copy(entry, destination)
        except F.FsError as error:
            self.report(error, destination)
            return
        self.done(destination)

    def _copy(self, entry: Entry, destination: str) -> None:
        source_backend, target_backend = self.backend(entry.path), self.backend(destination)
        same = drives_of(self.ctx).same_store(entry.path, destination)
        existing = self.exists(destination)
        if not entry.is_dir:
            if existing is not None and existing.is_dir:
                raise F.PathExists(destination)
            if same:
                source_backend.copy(entry.path, destination, overwrite=True)
            else:
                copy_across(source_backend, entry.path, target_backend, destination)
            return
        if existing is None:
            target_backend.make_dir(destination)
        elif not existing.is_dir:
            raise F.PathExists(destination)
        if not self.param("Recurse"):
            return
        for item in source_backend.list(entry.path):
            self._copy(item, P.child(destination, item.name))


class MoveItem(_TransferCmdlet):
    spec = cmdlet("Move-Item", _TRANSFER_PARAMS, default_set="Path", should_process=True)
    dotnet_class = f"{MANAGEMENT}.MoveItemCommand"
    error_kind = "MoveFileInfoItem"

    def transfer(self, entry: Entry) -> None:
        destination = self.destination_for(entry)
        action = "Move Directory" if entry.is_dir else "Move File"
        if not self.should_process(f"Item: {entry.path} Destination: {destination}", action):
            return
        existing = self.exists(destination)
        if existing is not None and destination.casefold() != entry.path.casefold() and not self.param("Force"):
            self.error(E.IOException("Cannot create a file when that file already exists.",
                                     error_id=f"{'MoveDirectoryItem' if entry.is_dir else 'MoveFileInfoItem'}IOError",
                                     category="WriteError", target=entry.path))
            return
        if self.exists(P.parent_of(destination)) is None:
            self.error(part_of_path_missing(destination, "MoveFileInfoItem"))
            return
        try:
            if drives_of(self.ctx).same_store(entry.path, destination):
                self.backend(entry.path).move(entry.path, destination, overwrite=bool(self.param("Force")))
            else:
                copy_across(self.backend(entry.path), entry.path, self.backend(destination), destination)
                self.backend(entry.path).delete(entry.path, recursive=True)
        except F.FsError as error:
            self.report(error, entry.path)
            return
        self.done(destination)


class RenameItem(ItemCmdlet):
    spec = cmdlet("Rename-Item", [
        *path_sets(single=True),
        p("NewName", "string", position=1, mandatory=True, by_property_name=True),
        p("Force", "switch"), p("PassThru", "switch"), CREDENTIAL, TRANSACTION,
    ], default_set="Path", should_process=True)
    dotnet_class = f"{MANAGEMENT}.RenameItemCommand"
    error_kind = "RenameItem"

    def process(self) -> None:
        for text in self.arguments():
            targets = self.targets(text)
            if len(targets) != 1 or self.exists(targets[0]) is None:
                self.error(E.PSInvalidOperationException(
                    f"Cannot rename because item at '{text}' does not exist.", error_id="InvalidOperation",
                    category="InvalidOperation", target=text))
                continue
            self._rename(self.exists(targets[0]))

    def _rename(self, entry: Entry) -> None:
        new_name = self.ctx.to_string(self.params["NewName"])
        parent = P.parent_of(entry.path)
        if "\\" in new_name or "/" in new_name:
            if P.parent_of(resolve_path(self.ctx, new_name)).casefold() != parent.casefold():
                self.error(E.PSArgumentException(
                    "Cannot rename the specified target, because it represents a path or device name.",
                    error_id="Argument", category="InvalidArgument", target=new_name))
                return
            new_name = P.leaf_of(resolve_path(self.ctx, new_name))
        destination = P.child(parent, new_name)
        action = "Rename Directory" if entry.is_dir else "Rename File"
        if not self.should_process(f"Item: {entry.path} Destination: {destination}", action):
            return
        clash = self.exists(destination)
        if clash is not None and clash.path.casefold() != entry.path.casefold():
            self.error(E.IOException("Cannot create a file when that file already exists.",
                                     error_id="RenameItemIOError", category="WriteError", target=entry.path))
            return
        try:
            self.backend(entry.path).rename(entry.path, new_name)
        except F.FsError as error:
            self.error(fs_error(error, entry.path, "RenameItem"))
            return
        if self.param("PassThru"):
            self.write(item_object(self.exists(destination)))
