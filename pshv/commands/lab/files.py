"""Save-Lab, Import-Lab, Reset-Lab: the lab as a JSON file, and back to the embedded default.

Lab files are real files, so they follow the sandbox: Save-Lab writes only into the folder
mounted as X: (`pshv -OutputDirectory DIR`); Import-Lab reads from X: or from the script's
own folder (S:).  Saving is atomic (`pshv.lab.files.save_lab`).  Importing validates the whole
file first and names the JSON path of every problem; the lab is replaced only when the file is
valid.  Replacing the lab (import or reset) also drops what belonged to the old one: its
migrations, scheduled faults and session-only host settings.
"""

from __future__ import annotations

from ...lab.filesystem import FsError, PathNotFound
from ...lab.model import Lab
from ...runtime import errors as E
from ...runtime.params import cmdlet, p
from ..core import paths as P
from ..core.fserrors import fs_error
from ..core.locations import resolve_path
from ..core.sandbox import OUTPUT_DRIVE, SCRIPT_DRIVE, RealFolder, SandboxRefusal
from ..core.vfs import drives_of
from .labcmdlet import LAB_COMMANDS, LabCmdlet


def sandbox_folder(ctx, path: str, *, write: bool) -> RealFolder:
    """The mounted real folder `path` is on; raises SandboxRefusal for any other path."""
    folder = drives_of(ctx).mounts.get(P.drive_of(path) or "")
    if not isinstance(folder, RealFolder) or (write and not folder.writable):
        if write:
            why = (f"Lab files are saved only to the folder given with pshv -OutputDirectory (drive {OUTPUT_DRIVE}:); "
                   f"'{path}' is not on it.")
        else:
            why = (f"Lab files are read only from the folder given with pshv -OutputDirectory (drive "
                   f"{OUTPUT_DRIVE}:) or the script's folder (drive {SCRIPT_DRIVE}:); '{path}' is on neither.")
        raise SandboxRefusal(path, why)
    return folder


def replace_lab(ctx, lab: Lab) -> None:
    """Make `lab` the shell's lab; the old lab's session-only host settings go with it (its
    migration service and fault schedule are replaced on next use, being tied to the lab)."""
    ctx.services["lab"].replace(lab)
    settings = ctx.services.get("hyperv.host_settings")
    if isinstance(settings, dict):
        settings.clear()


class SaveLab(LabCmdlet):
    """Save-Lab: write the lab to a JSON lab file on X: (atomically), the file `pshv -Lab`
    and Import-Lab read."""

    spec = cmdlet("Save-Lab", [
        p("Path", "System.String", position=0, mandatory=True),
    ], should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.SaveLab"

    def process(self) -> None:
        from ...lab.files import save_lab

        path = resolve_path(self.ctx, self.params["Path"])
        try:
            real = sandbox_folder(self.ctx, path, write=True).real_path(path)
        except FsError as error:
            raise self.fail(fs_error(error, path, "SaveLab")) from None
        if not self.should_process(path):
            return
        try:
            save_lab(self.lab, real)
        except FileNotFoundError:
            folder = P.parent_of(path)
            raise self.fail(fs_error(PathNotFound(folder), folder, "SaveLab")) from None
        except OSError as error:
            raise self.fail(E.IOException(f"Cannot save the lab to '{path}': {error.strerror}.",
                                          error_id="SaveLabIOError", category="WriteError", target=path)) from None


class ImportLab(LabCmdlet):
    """Import-Lab: replace the lab with the one in a lab file (from X: or S:)."""

    spec = cmdlet("Import-Lab", [
        p("Path", "System.String", position=0, mandatory=True),
    ], should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.ImportLab"

    def process(self) -> None:
        import json

        from ...lab.files import LabFileError, parse_lab

        path = resolve_path(self.ctx, self.params["Path"])
        try:
            text = sandbox_folder(self.ctx, path, write=False).read_text(path)
        except FsError as error:
            raise self.fail(fs_error(error, path, "ImportLab")) from None
        try:
            lab = parse_lab(json.loads(text), path)
        except json.JSONDecodeError as error:
            raise self.fail(_invalid(path, [f"line {error.lineno} column {error.colno}: {error.msg}"])) from None
        except LabFileError as error:
            raise self.fail(_invalid(path, error.problems)) from None
        if self.should_process(path):
            replace_lab(self.ctx, lab)


def _invalid(path: str, problems: list[str]) -> E.PSException:
    return E.FormatException(f"'{path}' is not a valid lab file: " + "; ".join(problems),
                             error_id="InvalidLabFile", category="InvalidData", target=path)


class ResetLab(LabCmdlet):
    """Reset-Lab: go back to the embedded default lab (hosts, VMs, clock and all)."""

    spec = cmdlet("Reset-Lab", [], should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.ResetLab"

    def process(self) -> None:
        from ...lab.default import default_lab

        if self.should_process("the lab", "Reset to the default lab"):
            replace_lab(self.ctx, default_lab())
