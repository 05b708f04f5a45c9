"""Tee-Object (to a variable, or to a file through the shell's redirection writer) and
Out-GridView, which has no grid to show in the emulator."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.params import ValidateSet, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
_INPUT = p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True)


class TeeObject(Cmdlet):
    spec = cmdlet("Tee-Object", [
        _INPUT,
        p("FilePath", "System.String", aliases=["Path"], sets={"File": dict(position=0, mandatory=True)}),
        p("LiteralPath", "System.String", aliases=["PSPath"], sets={"LiteralFile": dict(mandatory=True)}),
        p("Append", "switch", sets="File"),
        p("Variable", "System.String", sets={"Variable": dict(mandatory=True)}),
    ], default_set="File")
    dotnet_class = f"{UTILITY}.TeeObjectCommand"

    def begin(self) -> None:
        self._collected: list[object] = []
        self._file_writer = None
        if self.parameter_set != "Variable":
            opener = self.ctx.services.get("redirect_writer")
            if opener is None:
                raise self.fail(E.PSNotSupportedException(
                    "Tee-Object cannot write files: this shell has no file system attached.",
                    error_id="FileSystemNotAvailable", category="NotImplemented"))
            target = self.params.get("FilePath") or self.params.get("LiteralPath")
            self._file_writer = opener(self.ctx, str(target), bool(self.params.get("Append")), "1")

    def process(self) -> None:
        if not self.has_input:
            return
        item = self.params.get("InputObject")
        if self._file_writer is not None:
            self._file_writer(item)
        else:
            self._collected.append(item)
        self.out.append(item)

    def end(self) -> None:
        if self.parameter_set == "Variable":
            self.ctx.set_variable(str(self.params["Variable"]), list(self._collected))


class OutGridView(Cmdlet):
    spec = cmdlet("Out-GridView", [
        _INPUT,
        p("Title", "System.String"),
        p("PassThru", "switch", sets="PassThru"),
        p("Wait", "switch", sets="Wait"),
        p("OutputMode", "System.String", sets="OutputMode", validate=[ValidateSet("None", "Single", "Multiple")]),
    ], default_set="PassThru")
    dotnet_class = f"{UTILITY}.OutGridViewCommand"

    def begin(self) -> None:
        self._items: list[object] = []

    def process(self) -> None:
        if self.has_input:
            self._items.append(self.params.get("InputObject"))

    def end(self) -> None:
        mode = str(self.params.get("OutputMode") or "None").casefold()
        passes = bool(self.params.get("PassThru")) or mode in ("single", "multiple")
        if not passes:
            self.warning("Out-GridView: the emulator has no grid window; the objects were not shown.")
            return
        chosen = self._items[:1] if mode == "single" else self._items
        self.warning("Out-GridView: the emulator has no grid window; passing "
                     + ("the first object" if mode == "single" else "every object") + " through as if selected.")
        self.write(chosen, enumerate_collection=True)
