"""CSV text as Windows PowerShell 5.1 writes it (ConvertTo-Csv, Export-Csv) and reads it
(ConvertFrom-Csv, Import-Csv): one converter for all four cmdlets.

Writing: a `#TYPE <type name>` first line unless -NoTypeInformation, a quoted header, every
value quoted (quotes doubled) in its ToString() form, `$null` as an empty field. Reading: a
`#TYPE` first line types the objects `CSV:<name>`; quoted fields may hold delimiters,
doubled quotes and line breaks.
"""

from __future__ import annotations

import re

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import PSObject

_FIRST_LINE = re.compile(r"[^\r\n]*")


def delimiter_of(cmdlet_: Cmdlet) -> str:
    """The field separator a CSV cmdlet uses: -Delimiter, or with -UseCulture en-US's comma."""
    if cmdlet_.params.get("UseCulture"):
        return ","  # en-US list separator
    value = cmdlet_.params.get("Delimiter")
    return "," if value is None else str(value)[:1] or ","


def quote(text: str) -> str:
    """A CSV field as 5.1 writes it: always quoted, quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


class CsvWriter:
    """CSV lines for a stream of objects; the first object fixes the columns and the #TYPE name."""

    def __init__(self, ctx, delimiter: str, *, type_information: bool, header: bool = True) -> None:
        self.ctx = ctx
        self.delimiter = delimiter
        self.type_information = type_information
        self.header = header
        self.names: list[str] | None = None

    def lines(self, obj: object) -> list[str]:
        """The line for `obj`, after the #TYPE and header lines when it is the first object."""
        from ...runtime.members import property_names

        lines = []
        if self.names is None:
            from ...runtime.formatting.properties import type_names

            self.names = property_names(obj)
            if self.type_information:
                lines.append(f"#TYPE {type_names(obj)[0]}")
            if self.header:
                lines.append(self.delimiter.join(quote(name) for name in self.names))
        lines.append(self.delimiter.join(self._field(obj, name) for name in self.names))
        return lines

    def _field(self, obj: object, name: str) -> str:
        from ...runtime.convert import element_string
        from ...runtime.members import get_member

        try:
            value = get_member(self.ctx, obj, name)
        except E.PSException:
            value = None
        return "" if value is None else quote(element_string(value))


def parse_records(text: str, delimiter: str) -> list[list[str]]:
    """CSV text into records of fields; blank lines give no record."""
    records: list[list[str]] = []
    field: list[str] = []
    record: list[str] = []
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
        elif char == delimiter:
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


def read_objects(text: str, delimiter: str, header: list[str] | None = None) -> list[PSObject]:
    """The objects CSV text describes: a `#TYPE` first line types them `CSV:<name>`; without
    -Header the first record names the properties (an empty name reads as 'H'); missing
    trailing fields are $null."""
    type_names = None
    first = _FIRST_LINE.match(text).group()  # type: ignore[union-attr]
    if first.startswith("#TYPE "):
        type_name = first[6:].strip()
        if type_name:
            type_names = [f"CSV:{type_name}", *PSObject.DEFAULT_TYPE_NAMES]
        text = text[len(first):]
    records: list[list[str | None]] = parse_records(text, delimiter)  # type: ignore[assignment]
    names = [str(name) for name in header or []]
    if not names:
        if not records:
            return []
        names = [name or "H" for name in records.pop(0)]  # type: ignore[misc]
    return [PSObject(zip(names, record + [None] * (len(names) - len(record))), type_names=type_names)
            for record in records]
