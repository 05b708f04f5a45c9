"""Export-Csv and Import-Csv on the lab's file systems and the sandbox's real folders.

The CSV text follows Windows PowerShell 5.1: a `#TYPE <type name>` first line unless
-NoTypeInformation, a quoted header, every value quoted (quotes doubled), `$null` as an
empty field, CRLF line ends, ASCII on a real drive unless -Encoding says otherwise. The CSV
text is `csvtext`'s, shared with ConvertTo-Csv and ConvertFrom-Csv.
"""

from __future__ import annotations

from ...lab import filesystem as F
from ...runtime import errors as E
from ...runtime.params import ValidateSet, cmdlet, p
from .csvtext import CsvWriter, delimiter_of, read_objects
from .fserrors import fs_error, path_not_found
from .itemcmdlet import ItemCmdlet
from .locations import expand_paths, resolve_path
from .vfs import backend_for

UTILITY = "Microsoft.PowerShell.Commands"
_ENCODINGS = ("Unicode", "UTF7", "UTF8", "ASCII", "UTF32", "BigEndianUnicode", "Default", "OEM")


class ExportCsv(ItemCmdlet):
    spec = cmdlet("Export-Csv", [
        p("InputObject", "psobject", mandatory=True, pipeline=True),
        p("Path", "string", position=0),
        p("LiteralPath", "string", aliases=["PSPath"]),
        p("Force", "switch"), p("NoClobber", "switch", aliases=["NoOverwrite"]),
        p("Encoding", "string", validate=[ValidateSet(*_ENCODINGS)]),
        p("Append", "switch"),
        p("Delimiter", "char", sets={"Delimiter": dict(position=1)}),
        p("UseCulture", "switch", sets={"UseCulture": dict(mandatory=True)}),
        p("NoTypeInformation", "switch", aliases=["NTI"]),
    ], default_set="Delimiter", should_process=True)
    dotnet_class = f"{UTILITY}.ExportCsvCommand"
    error_kind = "ExportCsv"

    def begin(self) -> None:
        text = self.params.get("LiteralPath") or self.params.get("Path")
        if text is None:
            raise self.fail(E.PSArgumentException(
                "You must specify either the -Path or -LiteralPath parameters, but not both.", error_id="CannotSpecifyPathAndLiteralPath", category="InvalidData"))
        self.path = resolve_path(self.ctx, self.ctx.to_string(text))
        self.items: list = []

    def process(self) -> None:
        if self.has_input or self.given("InputObject"):
            self.items.append(self.params.get("InputObject"))

    def end(self) -> None:
        existing = self.exists(self.path)
        if existing is not None and self.param("NoClobber") and not self.param("Append"):
            raise self.fail(E.IOException(f"The file '{self.path}' already exists.", error_id="NoClobber",
                                          category="ResourceExists", target=self.path))
        if not self.should_process(self.path, "Export-Csv"):
            return
        appending = bool(self.param("Append")) and existing is not None and existing.size > 0
        writer = CsvWriter(self.ctx, delimiter_of(self),
                           type_information=not self.param("NoTypeInformation") and not appending,
                           header=not appending)
        text = "".join(line + "\r\n" for item in self.items for line in writer.lines(item))
        try:
            backend_for(self.ctx, self.path).write_text(self.path, text, encoding=self.param("Encoding") or "ascii",
                                                        append=appending)
        except F.PathNotFound:
            raise self.fail(E.DirectoryNotFoundException(
                f"Could not find a part of the path '{self.path}'.", error_id="FileOpenFailure",
                category="OpenError", target=self.path)) from None
        except F.FsError as error:
            raise self.fail(fs_error(error, self.path, "FileOpenFailure")) from None


class ImportCsv(ItemCmdlet):
    spec = cmdlet("Import-Csv", [
        p("Path", "string[]", position=0, pipeline=True),
        p("LiteralPath", "string[]", aliases=["PSPath"], by_property_name=True),
        p("Delimiter", "char", sets={"Delimiter": dict(position=1)}),
        p("UseCulture", "switch", sets={"UseCulture": dict(mandatory=True)}),
        p("Header", "string[]"),
        p("Encoding", "string", validate=[ValidateSet(*_ENCODINGS)]),
    ], default_set="Delimiter")
    dotnet_class = f"{UTILITY}.ImportCsvCommand"
    error_kind = "ImportCsv"

    @property
    def literal(self) -> bool:
        return self.given("LiteralPath")

    def process(self) -> None:
        for text in self.arguments():
            matches = expand_paths(self.ctx, text, literal=self.literal)
            if not matches or self.exists(matches[0]) is None:
                self.error(path_not_found(resolve_path(self.ctx, text)))
                continue
            for path in matches:
                content = self.read_text(path)
                if content is None:
                    continue
                for obj in read_objects(content, delimiter_of(self), self.param("Header")):
                    self.write(obj)
