"""What the item cmdlets share: the Path / LiteralPath parameter sets, turning their
arguments into absolute paths, name filters (-Filter, -Include, -Exclude) and error reports."""

from __future__ import annotations

from typing import Iterator

from ...lab.filesystem import FsError
from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import p
from . import paths as P
from .fserrors import fs_error, path_not_found
from .locations import expand_paths
from .vfs import Backend, Entry, backend_for

MANAGEMENT = "Microsoft.PowerShell.Commands"


def path_sets(*, mandatory: bool = True, single: bool = False, pipeline_value: bool = True) -> list:
    """-Path (position 0, from the pipeline) and -LiteralPath (alias PSPath, by property name)."""
    kind = "string" if single else "string[]"
    return [
        p("Path", kind, sets={"Path": dict(position=0, mandatory=mandatory, pipeline=pipeline_value,
                                           by_property_name=True)}),
        p("LiteralPath", kind, aliases=["PSPath"], sets={"LiteralPath": dict(mandatory=True, by_property_name=True)}),
    ]


FILTERS = [p("Filter", "string"), p("Include", "string[]"), p("Exclude", "string[]")]
CREDENTIAL = p("Credential", "pscredential", by_property_name=True)
TRANSACTION = p("UseTransaction", "switch", aliases=["usetx"])


class ItemCmdlet(Cmdlet):
    """Base of the cmdlets that act on file-system items."""

    error_kind = "Item"  # the prefix of 5.1's error ids (e.g. 'RemoveItem' -> 'RemoveItemIOError')

    def begin(self) -> None:
        if self.param("Credential") is not None:
            raise self.fail(E.PSNotSupportedException(
                "The FileSystem provider supports credentials only on the New-PSDrive cmdlet. Perform the operation "
                "again without specifying credentials.", error_id="NotSupported", category="NotImplemented"))

    @property
    def literal(self) -> bool:
        return self.parameter_set.startswith("Literal") if self.parameter_set else False

    def arguments(self) -> list[str]:
        value = self.params.get("LiteralPath") if self.literal else self.params.get("Path")
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        return [self.ctx.to_string(item) for item in values]

    def targets(self, text: str) -> list[str]:
        """Absolute paths for one argument; a -Path with wildcards gives only what exists."""
        try:
            return expand_paths(self.ctx, text, literal=self.literal)
        except FsError as error:
            self.report(error, text)
            return []

    def existing_items(self) -> Iterator[tuple[str, Entry]]:
        """(path, entry) for each argument's paths that exist and pass -Filter, -Include and
        -Exclude; a missing path is reported unless its argument had wildcards."""
        for text in self.arguments():
            wildcard = not self.literal and P.has_wildcard(text)
            for path in self.targets(text):
                entry = self.exists(path)
                if entry is None:
                    if not wildcard:
                        self.missing(path)
                    continue
                if self.name_matches(entry.name):
                    yield path, entry

    def backend(self, path: str) -> Backend:
        return backend_for(self.ctx, path)

    def stat(self, path: str) -> Entry | None:
        """The entry at `path`, or None after reporting it missing."""
        try:
            return self.backend(path).stat(path)
        except FsError as error:
            self.report(error, path)
            return None

    def exists(self, path: str) -> Entry | None:
        """The entry at `path`, or None; a path the sandbox refuses stops the cmdlet."""
        from .sandbox import SandboxRefusal

        try:
            return self.backend(path).stat(path)
        except SandboxRefusal as error:
            raise self.fail(fs_error(error, path, self.error_kind)) from None
        except FsError:
            return None

    def read_text(self, path: str) -> str | None:
        """The text of the file at `path`, or None after reporting why it cannot be read."""
        try:
            return self.backend(path).read_text(path)
        except FsError as error:
            self.report(error, path)
            return None

    def report(self, error: FsError, path: str) -> None:
        self.error(fs_error(error, path, self.error_kind))

    def missing(self, path: str) -> None:
        self.error(path_not_found(path))

    def name_matches(self, name: str) -> bool:
        pattern = self.param("Filter")
        if pattern and not P.wildcard_match(name, pattern):
            return False
        include = self.param("Include")
        if include and not any(P.wildcard_match(name, item) for item in include):
            return False
        exclude = self.param("Exclude")
        if exclude and any(P.wildcard_match(name, item) for item in exclude):
            return False
        return True


def part_of_path_missing(path: str, kind: str) -> E.PSException:
    return E.DirectoryNotFoundException(f"Could not find a part of the path '{path}'.", error_id=f"{kind}IOError",
                                        category="WriteError", target=path)
