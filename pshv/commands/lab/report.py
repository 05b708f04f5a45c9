"""Export-LabReport: migrations side by side in one self-contained HTML page.

`Get-LabMigrationTrace -Last 3 | Export-LabReport -Path X:\\report.html`; without piped traces
it reports the lab's migrations (-VMName, -Last; default: all of them). On X: (the folder given
with `pshv -OutputDirectory`) the page lands in the real folder; anywhere else it is a file in
the lab's file system, which Get-Content can read back.
"""

from __future__ import annotations

from ...lab import filesystem as F
from ...runtime import errors as E
from ...runtime.params import cmdlet, p
from ..core.fserrors import fs_error
from ..core.locations import resolve_path
from ..core.vfs import backend_for
from .labcmdlet import LAB_COMMANDS
from .pictures import TraceInputCmdlet, selection_params

DEFAULT_TITLE = "Migration report"


class ExportLabReport(TraceInputCmdlet):
    spec = cmdlet("Export-LabReport", [
        p("Path", "System.String", position=0, mandatory=True),
        *selection_params(names_position=None),
        p("Title", "System.String"),
    ], default_set="Lab", should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.ExportLabReport"

    def end(self) -> None:
        from ...lessons import observed
        from ...report.html import report

        path = resolve_path(self.ctx, self.params["Path"])
        migrations = self.selected()
        if not self.should_process(path):
            return
        subtitle = f"Lab time {self.ctx.to_string(self.ctx.services['clock'].now())}"
        page = report(migrations, self.param("Title", DEFAULT_TITLE), subtitle)
        try:
            backend_for(self.ctx, path).write_text(path, page, encoding="utf8", append=False)
        except F.DriveNotFound as error:
            raise self.fail(fs_error(error, path, "FileOpenFailure")) from None
        except F.PathNotFound:
            raise self.fail(E.DirectoryNotFoundException(
                f"Could not find a part of the path '{path}'.", error_id="FileOpenFailure", category="OpenError",
                target=path)) from None
        except F.FsError as error:
            raise self.fail(fs_error(error, path, "FileOpenFailure")) from None
        observed.note(self.ctx, self.name, [m.vm for m in migrations])
