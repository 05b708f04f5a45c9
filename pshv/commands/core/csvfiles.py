"""Export-Csv and Import-Csv on the lab's file systems and the sandbox's real folders.

The CSV text follows Windows PowerShell 5.1: a `#TYPE <type name>` first line unless
-NoTypeInformation, a quoted header, every value quoted (quotes doubled), `$null` as an
empty field, CRLF line ends, ASCII on a real drive unless -Encoding says otherwise. The CSV
conversion is private to this module (no ConvertTo-Csv existed when it was written).
"""

from __future__ import annotations

from ...lab import filesystem as F
from ...runtime import errors as E
from ...runtime.objects import PSObject
from ...runtime.params import ValidateSet, cmdlet, p
from .content import split_lines
from .fserrors import fs_error, path_not_found
from .itemcmdlet import ItemCmdlet
from .locations import expand_paths, resolve_path
from .vfs import backend_for

UTILITY = "Microsoft.PowerShell.Commands"
_ENCODINGS = ("Unicode", "UTF7", "UTF8", "ASCII", "UTF32", "BigEndianUnicode", "Default", "OEM")


def _type_name(obj: object) -> str:
    from ...runtime.formatting.properties import type_names

    return type_names(obj)[0]


def _field(value: object, ctx, delimiter: str) -> str:
    if value is None:
        return ""
    text = ctx.to_string(value)
    return '"' + text.replace('"', '""') + '"'


def csv_lines(objects: list, ctx, *, delimiter: str, type_information: bool, header: bool) -> list[str]:
    """5.1's ConvertTo-Csv: the #TYPE line, the header, one line per object."""
    from ...runtime.members import get_member, property_names

    if not objects:
        return []
    names = property_names(objects[0])
    lines = []
    if type_information:
        lines.append(f"#TYPE {_type_name(objects[0])}")
    if header:
        lines.append(delimiter.join('"' + name.replace('"', '""') + '"' for name in names))
    for obj in objects:
        values = []
        for name in names:
            try:
                value = get_member(ctx, obj, name)
            except E.PSException:
                value = None
            values.append(_field(value, ctx, delimiter))
        lines.append(delimiter.join(values))
    return lines


def parse_csv(text: str, delimiter: str) -> list[list[str | None]]:
    """Rows of fields; quoted fields may hold delimiters, doubled quotes and line breaks."""
    rows: list[list[str | None]] = []
    row: list[str | None] = []
    field: list[str] = []
    in_quotes = False
    index = 0
    started = False
    while index < len(text):
        char = text[index]
        if in_quotes:
            if char == '"':
                if text.startswith('"', index + 1):
                    field.append('"')
                    index += 1
                else:
                    in_quotes = False
            else:
                field.append(char)
        elif char == '"':
            in_quotes = started = True
        elif char == delimiter:
            row.append("".join(field))
            field, started = [], True
        elif char in "\r\n":
            if char == "\r" and text.startswith("\n", index + 1):
                index += 1
            if started or field or row:
                row.append("".join(field))
                rows.append(row)
            row, field, started = [], [], False
        else:
            field.append(char)
            started = True
        index += 1
    if started or field or row:
        row.append("".join(field))
        rows.append(row)
    return rows


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
        delimiter = str(self.params.get("Delimiter") or ",")
        lines = csv_lines(self.items, self.ctx, delimiter=delimiter,
                          type_information=not self.param("NoTypeInformation") and not appending,
                          header=not appending)
        text = "".join(line + "\r\n" for line in lines)
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
                try:
                    content = backend_for(self.ctx, path).read_text(path)
                except F.FsError as error:
                    self.report(error, path)
                    continue
                self._emit(content)

    def _emit(self, content: str) -> None:
        delimiter = str(self.params.get("Delimiter") or ",")
        type_names = None
        first = split_lines(content)[:1]
        if first and first[0].startswith("#TYPE "):
            type_name = first[0][6:].strip()
            type_names = [f"CSV:{type_name}", *PSObject.DEFAULT_TYPE_NAMES]
            content = content[len(first[0]):].lstrip("\r\n")
        rows = parse_csv(content, delimiter)
        header = self.param("Header")
        if not header:
            if not rows:
                return
            header, rows = [name or "" for name in rows[0]], rows[1:]
        for row in rows:
            values = row + [None] * (len(header) - len(row))
            self.write(PSObject(zip(header, values), type_names=type_names))

