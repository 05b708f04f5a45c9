"""ConvertTo-Csv and ConvertFrom-Csv as Windows PowerShell 5.1 writes and reads CSV
(the CSV text itself is `csvtext`'s, shared with Export-Csv and Import-Csv).

5.1 writes a `#TYPE <type name>` line unless -NoTypeInformation, quotes every value, and
writes $null as nothing. Reading, a `#TYPE` line names the objects' type (`CSV:<name>`).
"""

from __future__ import annotations

from ...runtime.cmdlet import Cmdlet
from ...runtime.params import cmdlet, p
from .csvtext import CsvWriter, delimiter_of, read_objects

UTILITY = "Microsoft.PowerShell.Commands"


class ConvertToCsv(Cmdlet):
    spec = cmdlet("ConvertTo-Csv", [
        p("InputObject", "System.Management.Automation.PSObject", position=0, mandatory=True, pipeline=True),
        p("Delimiter", "System.Char", sets={"Delimiter": dict(position=1)}),
        p("UseCulture", "switch", sets={"UseCulture": dict(mandatory=True)}),
        p("NoTypeInformation", "switch", aliases=["NTI"]),
    ], default_set="Delimiter")
    dotnet_class = f"{UTILITY}.ConvertToCsvCommand"

    def begin(self) -> None:
        self._writer = CsvWriter(self.ctx, delimiter_of(self),
                                 type_information=not self.params.get("NoTypeInformation"))

    def process(self) -> None:
        for line in self._writer.lines(self.params.get("InputObject")):
            self.out.append(line)


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
        for obj in read_objects("\n".join(self._lines), delimiter_of(self), self.params.get("Header")):
            self.out.append(obj)
