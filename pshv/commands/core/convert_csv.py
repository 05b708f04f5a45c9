"""ConvertTo-Csv and ConvertFrom-Csv as Windows PowerShell 5.1 writes and reads CSV.

5.1 writes a `#TYPE <type name>` line unless -NoTypeInformation, quotes every value, and
writes $null as nothing. Reading, a `#TYPE` line names the objects' type (`CSV:<name>`).
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import PSObject
from ...runtime.params import cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"


def _delimiter(cmdlet_: Cmdlet) -> str:
    if cmdlet_.params.get("UseCulture"):
        return ","  # en-US list separator
    value = cmdlet_.params.get("Delimiter")
    return "," if value is None else str(value)[:1] or ","


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class ConvertToCsv(Cmdlet):
    spec = cmdlet("ConvertTo-Csv", [
        p("InputObject", "System.Management.Automation.PSObject", position=0, mandatory=True, pipeline=True),
        p("Delimiter", "System.Char", sets={"Delimiter": dict(position=1)}),
        p("UseCulture", "switch", sets={"UseCulture": dict(mandatory=True)}),
        p("NoTypeInformation", "switch", aliases=["NTI"]),
    ], default_set="Delimiter")
    dotnet_class = f"{UTILITY}.ConvertToCsvCommand"

    def begin(self) -> None:
        self._names: list[str] | None = None

    def process(self) -> None:
        from ...runtime.members import property_names

        item = self.params.get("InputObject")
        separator = _delimiter(self)
        if self._names is None:
            from ...runtime.formatting.properties import type_names

            self._names = property_names(item)
            if not self.params.get("NoTypeInformation"):
                self.out.append(f"#TYPE {type_names(item)[0]}")
            self.out.append(separator.join(_quote(name) for name in self._names))
        self.out.append(separator.join(self._field(item, name) for name in self._names))

    def _field(self, item: object, name: str) -> str:
        from ...runtime.convert import element_string
        from ...runtime.members import get_member

        try:
            value = get_member(self.ctx, item, name)
        except E.PSException:
            value = None
        return "" if value is None else _quote(element_string(value))


def parse_records(text: str, separator: str) -> list[list[str | None]]:
    """CSV text into records; a field is None when it was not quoted and empty at the line end."""
    records: list[list[str | None]] = []
    field: list[str] = []
    record: list[str | None] = []
    quoted = in_quotes = False
    index = 0
    while index < len(text):
        char = text[index]
        if in_quotes:
            if char == '"':
                if text[index + 1:index + 2] == '"':
                    field.append('"')
                    index += 1
                else:
                    in_quotes = False
            else:
                field.append(char)
        elif char == '"':
            in_quotes = quoted = True
        elif char == separator:
            record.append("".join(field))
            field, quoted = [], False
        elif char in "\r\n":
            if char == "\r" and text[index + 1:index + 2] == "\n":
                index += 1
            if record or field or quoted:
                record.append("".join(field))
                records.append(record)
            record, field, quoted = [], [], False
        else:
            field.append(char)
        index += 1
    if record or field or quoted:
        record.append("".join(field))
        records.append(record)
    return records


class ConvertFromCsv(Cmdlet):
    spec = cmdlet("ConvertFrom-Csv", [
        p("InputObject", "System.Management.Automation.PSObject[]", position=0, mandatory=True, pipeline=True),
        p("Delimiter", "System.Char", sets={"Delimiter": dict(position=1)}),
        p("UseCulture", "switch", sets={"UseCulture": dict(mandatory=True)}),
        p("Header", "System.String[]"),
    ], default_set="Delimiter")
    dotnet_class = f"{UTILITY}.ConvertFromCsvCommand"

    def begin(self) -> None:
        self._lines: list[str] = []

    def process(self) -> None:
        value = self.params.get("InputObject")
        for item in value if isinstance(value, list) else [value]:
            self._lines.append(self.ctx.to_string(item))

    def end(self) -> None:
        records = parse_records("\n".join(self._lines), _delimiter(self))
        type_name = None
        if records and len(records[0]) == 1 and (records[0][0] or "").startswith("#TYPE "):
            type_name = (records.pop(0)[0] or "")[6:].strip()
        records = [record for record in records if not (len(record) == 1 and (record[0] or "").startswith("#"))]
        header = [str(name) for name in self.params.get("Header") or []]
        if not header:
            if not records:
                return
            header = [name or "H" for name in records.pop(0)]
        type_names = [f"CSV:{type_name}", *PSObject.DEFAULT_TYPE_NAMES] if type_name else None
        for record in records:
            values = record + [None] * (len(header) - len(record))
            self.out.append(PSObject(zip(header, values), type_names=type_names))
