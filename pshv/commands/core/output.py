"""Out-Null, Out-String, Out-Host, Out-Default, Format-Table, Format-List."""

from __future__ import annotations

from ...runtime.cmdlet import Cmdlet
from ...runtime.params import cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
_INPUT = p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True)


class _Collecting(Cmdlet):
    """Cmdlets that gather their whole input before acting (as the formatters do)."""

    def begin(self) -> None:
        self.items: list = []

    def process(self) -> None:
        if self.has_input or self.given("InputObject"):
            self.items.append(self.params.get("InputObject"))


class OutNull(Cmdlet):
    spec = cmdlet("Out-Null", [_INPUT])
    dotnet_class = f"{UTILITY}.OutNullCommand"


class OutString(_Collecting):
    spec = cmdlet("Out-String", [p("Stream", "switch"), p("Width", "System.Int32"), _INPUT])
    dotnet_class = f"{UTILITY}.OutStringCommand"

    def end(self) -> None:
        from ...runtime.formatting import out_string

        width = self.params.get("Width") or self.ctx.host.width
        result = out_string(self.items, self.ctx, width, stream=bool(self.params.get("Stream")))
        if isinstance(result, list):
            self.write(result, enumerate_collection=True)
        else:
            self.write(result)


class OutHost(_Collecting):
    spec = cmdlet("Out-Host", [p("Paging", "switch"), _INPUT])
    dotnet_class = f"{UTILITY}.OutHostCommand"

    def end(self) -> None:
        from ...runtime.formatting import out_default

        text = out_default(self.items, self.ctx, self.ctx.host.width)
        if text:
            self.ctx.host.write(text)


class OutDefault(OutHost):
    spec = cmdlet("Out-Default", [p("Transcript", "switch"), _INPUT])
    dotnet_class = f"{UTILITY}.OutDefaultCommand"


_FORMAT_COMMON = [
    p("GroupBy", "System.Object"),
    p("View", "System.String"),
    p("ShowError", "switch"),
    p("DisplayError", "switch"),
    p("Force", "switch"),
    p("Expand", "System.String"),
    _INPUT,
]


class FormatTable(_Collecting):
    spec = cmdlet("Format-Table", [
        p("Property", "System.Object[]", position=0),
        p("AutoSize", "switch"),
        p("HideTableHeaders", "switch"),
        p("Wrap", "switch"),
        *_FORMAT_COMMON,
    ])
    dotnet_class = f"{UTILITY}.FormatTableCommand"

    def end(self) -> None:
        from ...runtime.formatting import format_table

        properties = self.params.get("Property")
        records = format_table(
            self.items, self.ctx, list(properties) if properties else None,
            autosize=bool(self.params.get("AutoSize")), hide_table_headers=bool(self.params.get("HideTableHeaders")),
            wrap=bool(self.params.get("Wrap")), group_by=self.params.get("GroupBy"))
        self.write(records, enumerate_collection=True)


class FormatList(_Collecting):
    spec = cmdlet("Format-List", [p("Property", "System.Object[]", position=0), *_FORMAT_COMMON])
    dotnet_class = f"{UTILITY}.FormatListCommand"

    def end(self) -> None:
        from ...runtime.formatting import format_list

        properties = self.params.get("Property")
        records = format_list(self.items, self.ctx, list(properties) if properties else None,
                              group_by=self.params.get("GroupBy"))
        self.write(records, enumerate_collection=True)
