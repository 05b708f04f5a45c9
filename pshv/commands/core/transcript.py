"""Start-Transcript and Stop-Transcript: the console's text copied into a file.

Start-Transcript wraps the session's host in a `TranscriptHost` that passes everything on
and appends the same text to the transcript file (in the lab's file system, or a folder
the sandbox mounted), so the file is complete even if the script never stops it.
"""

from __future__ import annotations

import zlib

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.host import Host
from ...runtime.params import cmdlet, p

HOST_COMMANDS = "Microsoft.PowerShell.Commands"
_STARS = "**********************"


class TranscriptHost(Host):
    """A host that forwards to `inner` and records what is shown into a transcript file."""

    def __init__(self, inner: Host, ctx, path: str) -> None:
        self.inner = inner
        self.ctx = ctx
        self.path = path

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    @property
    def interactive(self) -> bool:  # type: ignore[override]
        return self.inner.interactive

    @interactive.setter
    def interactive(self, value: bool) -> None:
        self.inner.interactive = value

    @property
    def width(self) -> int:  # type: ignore[override]
        return self.inner.width

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.inner.name

    def record(self, text: str) -> None:
        append_text(self.ctx, self.path, text, append=True)

    def write(self, text: str) -> None:
        self.inner.write(text)
        self.record(text)

    def write_error_text(self, text: str) -> None:
        self.inner.write_error_text(text)
        self.record(text)

    def write_host(self, text: str, *, newline: bool = True, foreground: str | None = None,
                   background: str | None = None) -> None:
        self.inner.write_host(text, newline=newline, foreground=foreground, background=background)
        self.record(text + ("\n" if newline else ""))

    def write_stream(self, prefix: str, text: str, *, to_error: bool = False) -> None:
        self.inner.write_stream(prefix, text, to_error=to_error)
        self.record(f"{prefix}{text}\n")

    def read_line(self, prompt: str) -> str | None:
        return self.inner.read_line(prompt)

    def progress(self, record: object) -> None:
        self.inner.progress(record)

    def clear(self) -> None:
        self.inner.clear()


def append_text(ctx, path: str, text: str, *, append: bool) -> None:
    from .vfs import backend_for

    backend_for(ctx, path).write_text(path, text.replace("\r\n", "\n").replace("\n", "\r\n"), encoding="utf8",
                                      append=append)


def _stamp(ctx) -> str:
    return ctx.now().strftime("%Y%m%d%H%M%S")


def header(ctx) -> str:
    """The block 5.1 writes when a transcript starts."""
    table = ctx.global_scope.values["psversiontable"]
    version = ".".join(str(table["PSVersion"].get(part)) for part in ("Major", "Minor", "Build", "Revision"))
    user = f"{ctx.env.get('USERDOMAIN')}\\{ctx.env.get('USERNAME')}"
    return "\n".join([
        _STARS,
        "Windows PowerShell transcript start",
        f"Start time: {_stamp(ctx)}",
        f"Username: {user}",
        f"RunAs User: {user}",
        "Configuration Name: ",
        f"Machine: {ctx.env.get('COMPUTERNAME')} (Microsoft Windows NT 10.0.20348.0)",
        "Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        f"Process ID: {ctx.global_scope.values.get('pid')}",
        f"PSVersion: {version}",
        f"PSEdition: {table['PSEdition']}",
        f"PSCompatibleVersions: {', '.join(table['PSCompatibleVersions'])}",
        f"BuildVersion: {table['BuildVersion']}",
        f"CLRVersion: {table['CLRVersion']}",
        f"WSManStackVersion: {table['WSManStackVersion']}",
        f"PSRemotingProtocolVersion: {table['PSRemotingProtocolVersion']}",
        f"SerializationVersion: {table['SerializationVersion']}",
        _STARS,
        "",
    ])


def _default_path(ctx, folder: str | None = None) -> str:
    stamp = _stamp(ctx)
    tag = f"{zlib.crc32(stamp.encode()) & 0xFFFFFFFF:08x}"
    base = folder or (ctx.env.get("USERPROFILE") or "C:\\Users\\Administrator") + "\\Documents"
    return base.rstrip("\\") + f"\\PowerShell_transcript.{ctx.env.get('COMPUTERNAME')}.{tag}.{stamp}.txt"


class StartTranscript(Cmdlet):
    spec = cmdlet("Start-Transcript", [
        p("Path", "System.String", sets={"ByPath": dict(position=0)}),
        p("LiteralPath", "System.String", aliases=["PSPath"], sets={"ByLiteralPath": dict(position=0)}),
        p("OutputDirectory", "System.String", sets={"ByOutputDirectory": dict(position=0)}),
        p("Append", "switch"),
        p("Force", "switch"),
        p("NoClobber", "switch", aliases=["NoOverwrite"]),
        p("IncludeInvocationHeader", "switch"),
    ], default_set="ByPath", should_process=True)
    dotnet_class = f"{HOST_COMMANDS}.StartTranscriptCommand"

    def process(self) -> None:
        from ...lab import filesystem as F
        from .locations import resolve_path
        from .vfs import backend_for

        ctx = self.ctx
        if self.params.get("IncludeInvocationHeader"):
            raise self.fail(E.PSNotSupportedException(
                "Start-Transcript -IncludeInvocationHeader is not supported by this emulator: it does not see where "
                "each command starts.", error_id="NotSupported", category="NotImplemented"))
        given = self.params.get("Path") or self.params.get("LiteralPath")
        if given:
            path = resolve_path(ctx, str(given))
        elif self.params.get("OutputDirectory"):
            path = _default_path(ctx, resolve_path(ctx, str(self.params["OutputDirectory"])))
        else:
            path = _default_path(ctx)
        backend = backend_for(ctx, path)
        exists = _exists(backend, path)
        if exists and self.params.get("NoClobber") and not self.params.get("Append"):
            raise self.fail(E.IOException(
                f"Transcription cannot be started due to the error: The file '{path}' already exists.",
                error_id="NoClobber", category="ResourceExists", target=path))
        if not self.should_process(path):
            return
        try:
            append_text(ctx, path, header(ctx), append=bool(self.params.get("Append")) and exists)
        except F.FsError as error:
            from .fserrors import fs_error

            raise self.fail(fs_error(error, path, "CannotStartTranscription")) from None
        ctx.host = TranscriptHost(ctx.host, ctx, path)
        self.write(f"Transcript started, output file is {path}")


def _exists(backend, path: str) -> bool:
    from ...lab import filesystem as F

    try:
        backend.stat(path)
    except F.FsError:
        return False
    return True


class StopTranscript(Cmdlet):
    spec = cmdlet("Stop-Transcript", [])
    dotnet_class = f"{HOST_COMMANDS}.StopTranscriptCommand"

    def process(self) -> None:
        ctx = self.ctx
        host = ctx.host
        if not isinstance(host, TranscriptHost):
            raise self.fail(E.PSInvalidOperationException(
                "An error occurred stopping transcription: The host is not currently transcribing.",
                error_id="InvalidOperation", category="InvalidOperation"))
        ctx.host = host.inner
        append_text(ctx, host.path, "\n".join([
            _STARS, "Windows PowerShell transcript end", f"End time: {_stamp(ctx)}", _STARS, ""]), append=True)
        self.write(f"Transcript stopped, output file is {host.path}")
