"""Assemble a shell: a runtime session with the command modules and the edges attached.

This is the one place that knows both the runtime and the commands; the CLI, the REPL
and `pshv.run` all start here.
"""

from __future__ import annotations

from .runtime.host import Host
from .runtime.session import Session

CONSOLE_ENV = {
    "COMPUTERNAME": "HV01",
    "USERNAME": "Administrator",
    "USERDOMAIN": "CONTOSO",
    "USERPROFILE": "C:\\Users\\Administrator",
    "HOMEDRIVE": "C:",
    "HOMEPATH": "\\Users\\Administrator",
    "SystemRoot": "C:\\Windows",
    "windir": "C:\\Windows",
    "TEMP": "C:\\Users\\Administrator\\AppData\\Local\\Temp",
    "TMP": "C:\\Users\\Administrator\\AppData\\Local\\Temp",
    "OS": "Windows_NT",
    "PROCESSOR_ARCHITECTURE": "AMD64",
    "NUMBER_OF_PROCESSORS": "32",
    "PSModulePath": "C:\\Users\\Administrator\\Documents\\WindowsPowerShell\\Modules;"
                    "C:\\Program Files\\WindowsPowerShell\\Modules;C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules",
    "Path": "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\",
}


def create_session(host: Host | None = None, *, interactive: bool = False, lab_path: str | None = None,
                   output_directory: str | None = None) -> Session:
    """A shell; `output_directory` is the real folder mounted as the writable drive X:."""
    from .commands import register_all
    from .commands.labstate import LabClock, LabHandle

    handle = LabHandle(lab_path)
    session = Session(host, services={"env": dict(CONSOLE_ENV), "lab": handle, "clock": LabClock(handle),
                                      "script_resolver": _resolve_script, "redirect_writer": _redirect_writer})
    register_all(session.ctx.commands)
    if output_directory is not None:
        from .commands.core.sandbox import mount_output_directory

        mount_output_directory(session.ctx, output_directory)
    session.ctx.host.interactive = interactive
    return session


def _resolve_script(ctx, name: str):
    from .commands.core.sandbox import resolve_script

    return resolve_script(ctx, name)


def _redirect_writer(ctx, path: str, append: bool, stream: str):
    from .commands.core.content import redirect_writer

    return redirect_writer(ctx, path, append, stream)
