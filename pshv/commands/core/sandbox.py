"""The sandbox: the only two ways a script reaches the real machine.

1. **The script's own folder, read-only, as drive `S:`.** `pshv path/to/run.ps1` mounts the
   real folder holding `run.ps1` as `S:\\`, runs the script as `S:\\run.ps1` (so `$PSScriptRoot`
   is `S:` and `$PSCommandPath` is `S:\\run.ps1`) and starts it in `S:\\`, as an administrator
   who typed `cd C:\\Scripts; .\\run.ps1` would. So `. .\\helper.ps1`,
   `. "$PSScriptRoot\\helper.ps1"`, `Import-Csv .\\vms.csv` and `Get-Content (Join-Path
   $PSScriptRoot data.txt)` work unchanged. Nothing can be written there: writes are refused
   with an error naming -OutputDirectory.
2. **The output folder, read-write, as drive `X:`** (`pshv -OutputDirectory DIR`): reads and
   writes go to DIR and nothing outside it.

Both mounts map `S:\\a\\b` to `<folder>/a/b`, matching names case-insensitively as Windows does,
and refuse every path whose real location (after resolving `..` and symbolic links) is not
inside the folder. Everything else a script could use to reach the machine is refused:
native programs (`native.py`), Start-Process, web requests, Add-Type, and the .NET types for
files, processes and sockets (the type registry refuses those).
"""

from __future__ import annotations

import os
from datetime import datetime

from ...lab.filesystem import FsError, NotAFile, NotAFolder, PathExists, PathNotFound
from . import paths as P
from .vfs import Entry

SCRIPT_DRIVE = "S"
OUTPUT_DRIVE = "X"


class SandboxRefusal(FsError):
    """A path the sandbox will not touch (outside the folder, or a write to a read-only drive)."""


_CODECS = {
    "unicode": ("utf-16-le", b"\xff\xfe"), "string": ("utf-16-le", b"\xff\xfe"), "unknown": ("utf-16-le", b"\xff\xfe"),
    "bigendianunicode": ("utf-16-be", b"\xfe\xff"), "utf8": ("utf-8", b"\xef\xbb\xbf"),
    "utf32": ("utf-32-le", b"\xff\xfe\x00\x00"), "bigendianutf32": ("utf-32-be", b"\x00\x00\xfe\xff"),
    "utf7": ("utf-7", b""), "ascii": ("ascii", b""), "default": ("cp1252", b""), "oem": ("cp437", b""),
}


def encode_text(text: str, encoding: str, *, with_preamble: bool) -> bytes:
    """Bytes as Windows PowerShell 5.1 writes them with -Encoding `encoding` (its default names)."""
    codec, preamble = _CODECS.get(encoding.casefold(), _CODECS["default"])
    return (preamble if with_preamble else b"") + text.encode(codec, errors="replace")


def decode_bytes(data: bytes) -> str:
    """Text of a real file: by its byte-order mark, else UTF-8, else Windows-1252."""
    for mark, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                        (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(mark):
            return data[len(mark):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class RealFolder:
    """A real folder mounted as a drive: `X:\\a\\b` is `<root>/a/b`, and nothing outside root."""

    def __init__(self, letter: str, root: str, *, writable: bool) -> None:
        self.letter = letter.upper()
        self.root = os.path.realpath(root)
        self.writable = writable

    # ------------------------------------------------------------------ mapping

    def real_path(self, path: str) -> str:
        """The real path for a drive path; refuses anything that leaves the folder."""
        _, parts = P.split_root(P.normalize(path))
        current = self.root
        for part in parts:
            if part in (".", ".."):
                raise SandboxRefusal(path, f"'{path}' is outside the folder mounted as {self.letter}:")
            candidate = os.path.join(current, part)
            if not os.path.lexists(candidate) and os.path.isdir(current):
                folded = part.casefold()
                match = next((name for name in sorted(os.listdir(current)) if name.casefold() == folded), None)
                if match is not None:
                    candidate = os.path.join(current, match)
            current = candidate
        self._check_inside(path, current)
        return current

    def _check_inside(self, path: str, real: str) -> None:
        resolved = os.path.realpath(real)
        if resolved != self.root and not resolved.startswith(self.root + os.sep):
            raise SandboxRefusal(path, f"'{path}' leads outside the folder mounted as {self.letter}: (the emulator "
                                       "never touches other real files)")

    def _writable(self, path: str) -> None:
        if not self.writable:
            raise SandboxRefusal(path, f"Drive {self.letter}: is the script's folder, mounted read-only; the emulator "
                                       "writes real files only to the folder given with pshv -OutputDirectory "
                                       f"(drive {OUTPUT_DRIVE}:).")

    def _entry(self, path: str, real: str) -> Entry:
        info = os.stat(real)
        is_dir = os.path.isdir(real)
        name = P.leaf_of(path) or P.join_parts(P.split_root(path)[0], [])
        if os.path.basename(real) and P.leaf_of(path):
            name = os.path.basename(real)
            path = P.child(P.parent_of(path), name)
        return Entry(path, name, is_dir, 0 if is_dir else info.st_size, datetime.fromtimestamp(info.st_mtime),
                     datetime.fromtimestamp(info.st_ctime))

    def _existing(self, path: str) -> str:
        real = self.real_path(path)
        if not os.path.exists(real):
            raise PathNotFound(path)
        return real

    # ------------------------------------------------------------------ reading

    def stat(self, path: str) -> Entry:
        return self._entry(path, self._existing(path))

    def list(self, path: str) -> list[Entry]:
        real = self._existing(path)
        if not os.path.isdir(real):
            raise NotAFolder(path)
        entries = []
        for name in sorted(os.listdir(real), key=str.casefold):
            child = os.path.join(real, name)
            try:
                self._check_inside(P.child(path, name), child)
            except SandboxRefusal:
                continue  # a link pointing out of the folder is not shown
            entries.append(self._entry(P.child(path, name), child))
        folders = [e for e in entries if e.is_dir]
        return [*folders, *[e for e in entries if not e.is_dir]]

    def read_text(self, path: str) -> str:
        real = self._existing(path)
        if os.path.isdir(real):
            raise NotAFile(path)
        with open(real, "rb") as handle:
            return decode_bytes(handle.read())

    # ------------------------------------------------------------------ writing

    def _parent_ready(self, path: str) -> str:
        self._writable(path)
        real = self.real_path(path)
        if P.is_root(path):
            raise PathExists(path)
        parent = os.path.dirname(real)
        if not os.path.isdir(parent):
            raise PathNotFound(path)
        return real

    def write_text(self, path: str, text: str, *, encoding: str, append: bool) -> None:
        real = self._parent_ready(path)
        if os.path.isdir(real):
            raise NotAFile(path)
        existing = os.path.exists(real) and os.path.getsize(real) > 0
        data = encode_text(text, encoding, with_preamble=not (append and existing))
        with open(real, "ab" if append else "wb") as handle:
            handle.write(data)

    def make_dir(self, path: str) -> None:
        real = self._parent_ready(path)
        if os.path.lexists(real):
            raise PathExists(path)
        os.mkdir(real)

    def delete(self, path: str, *, recursive: bool) -> None:
        self._writable(path)
        real = self._existing(path)
        if P.is_root(path):
            raise SandboxRefusal(path, f"The root of drive {self.letter}: cannot be removed.")
        if os.path.isdir(real) and not os.path.islink(real):
            if os.listdir(real) and not recursive:
                from ...lab.filesystem import FolderNotEmpty

                raise FolderNotEmpty(path)
            import shutil

            shutil.rmtree(real)
        else:
            os.remove(real)

    def rename(self, path: str, new_name: str) -> None:
        self._writable(path)
        real = self._existing(path)
        target = self.real_path(P.child(P.parent_of(path), new_name))
        if os.path.lexists(target) and os.path.normcase(target) != os.path.normcase(real):
            raise PathExists(target)
        os.rename(real, target)

    def copy(self, source: str, destination: str, *, overwrite: bool) -> None:
        import shutil

        real = self._existing(source)
        target = self._parent_ready(destination)
        if os.path.isdir(real):
            raise NotAFile(source)
        if os.path.exists(target) and not overwrite:
            raise PathExists(destination)
        shutil.copyfile(real, target)

    def move(self, source: str, destination: str, *, overwrite: bool) -> None:
        self._writable(source)
        real = self._existing(source)
        target = self._parent_ready(destination)
        if os.path.lexists(target):
            if not overwrite:
                raise PathExists(destination)
            if os.path.isdir(target):
                raise PathExists(destination)
            os.remove(target)
        os.rename(real, target)

    def used_and_free(self) -> tuple[int, int]:
        import shutil

        usage = shutil.disk_usage(self.root)
        return usage.used, usage.free


# --------------------------------------------------------------------------- mounting


def mount_output_directory(ctx, folder: str) -> None:
    """-OutputDirectory: the real folder `folder` becomes the writable drive X:."""
    from .vfs import drives_of

    drives_of(ctx).mounts[OUTPUT_DRIVE] = RealFolder(OUTPUT_DRIVE, folder, writable=True)


def mount_script_folder(ctx, script_path: str) -> str:
    """Mount the folder of the script the user ran as S: (read-only), move there, and return
    the script's path inside the lab (`S:\\name.ps1`)."""
    from .locations import location_of
    from .vfs import drives_of

    folder, name = os.path.split(os.path.realpath(script_path))
    drives_of(ctx).mounts[SCRIPT_DRIVE] = RealFolder(SCRIPT_DRIVE, folder, writable=False)
    location_of(ctx).move_to(f"{SCRIPT_DRIVE}:\\")
    return f"{SCRIPT_DRIVE}:\\{name}"


# --------------------------------------------------------------------------- scripts by path


def resolve_script(ctx, name: str):
    """The `script_resolver` service: a `.ps1` path the shell can read, compiled; a native
    program refused; None for anything else (the runtime then reports CommandNotFound)."""
    from .native import is_native_command, refuse_native

    text = ctx.to_string(name)
    if is_native_command(ctx, text):
        raise refuse_native(text)
    if not text.casefold().endswith(".ps1"):
        return None
    if not ("\\" in text or "/" in text or ":" in text):
        return None  # PowerShell runs scripts from the current folder only with an explicit path
    from ...lab.filesystem import FsError
    from .locations import resolve_path
    from .vfs import backend_for

    path = resolve_path(ctx, text)
    try:
        source = backend_for(ctx, path).read_text(path)
    except FsError:
        return None
    return compile_script(ctx, source, path)


def compile_script(ctx, text: str, path: str):
    """Compile script text into a ScriptBlockValue (a parse error is reported as 5.1 does)."""
    from ...runtime.compiler import Code, Compiler
    from ...runtime.functions import ScriptBlockValue, compile_scriptblock
    from ...syntax import ParseError, parse

    try:
        tree = parse(text, path=path)
    except ParseError as error:
        from ...runtime import errors as E

        first = error.errors[0]
        raise E.ParseException(str(getattr(first, "message", error)), error_id=first.error_id,
                               category="ParserError") from None
    info = compile_scriptblock(Compiler(Code(text, path)), tree)
    info.name = path
    return ScriptBlockValue(info, ctx)
