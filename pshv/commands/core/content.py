"""File content: Get-Content, Set-Content, Add-Content, Clear-Content, Out-File, and the
`redirect_writer` service behind `> file`, `>> file` and `2> file`.

Lines are written with Windows line endings. On the real output drive (X:) text is encoded
as 5.1 encodes it: Set-Content/Add-Content in the ANSI code page ('Default'), Out-File and
redirection in UTF-16LE with a byte-order mark ('Unicode'), unless -Encoding says otherwise.
"""

from __future__ import annotations

import re

from ...lab import filesystem as F
from ...runtime import errors as E
from ...runtime.params import ValidateSet, cmdlet, p
from . import paths as P
from .fserrors import fs_error
from .itemcmdlet import CREDENTIAL, FILTERS, MANAGEMENT, TRANSACTION, ItemCmdlet, path_sets
from .locations import resolve_path
from .vfs import backend_for

ENCODINGS = ("Unknown", "String", "Unicode", "Byte", "BigEndianUnicode", "UTF8", "UTF7", "UTF32", "Ascii",
             "Default", "Oem", "BigEndianUTF32")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def split_lines(text: str) -> list[str]:
    """Lines as Get-Content reads them (a final line break does not start another line)."""
    if not text:
        return []
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _encoding_param(default: str) -> object:
    return p("Encoding", "string", validate=[ValidateSet(*ENCODINGS)], default=default)


def _check_encoding(cmdlet_obj, name: str) -> str:
    encoding = str(cmdlet_obj.param("Encoding") or name)
    if encoding.casefold() == "byte":
        raise cmdlet_obj.fail(E.PSNotSupportedException(
            "The emulator does not support -Encoding Byte: lab files hold text only.", error_id="NotSupported",
            category="NotImplemented"))
    return encoding


class GetContent(ItemCmdlet):
    spec = cmdlet("Get-Content", [
        *path_sets(pipeline_value=False),
        p("ReadCount", "long", by_property_name=True, default=1),
        p("TotalCount", "long", aliases=["First", "Head"], by_property_name=True, default=-1),
        p("Tail", "int", aliases=["Last"]),
        *FILTERS, p("Force", "switch"), CREDENTIAL, TRANSACTION,
        p("Delimiter", "string"), p("Wait", "switch"), p("Raw", "switch"), _encoding_param("Default"),
        p("Stream", "string"),
    ], default_set="Path")
    dotnet_class = f"{MANAGEMENT}.GetContentCommand"
    error_kind = "GetContentReader"

    def begin(self) -> None:
        super().begin()
        for name in ("Wait", "Stream"):
            if self.given(name):
                raise self.fail(E.PSNotSupportedException(
                    f"The emulator does not support the -{name} parameter of Get-Content.", error_id="NotSupported",
                    category="NotImplemented"))
        if self.given("TotalCount") and self.given("Tail"):
            raise self.fail(E.PSArgumentException(
                "The parameters TotalCount and Tail cannot be used together. Please specify only one parameter.",
                error_id="TailAndHeadCannotCoexist", category="InvalidOperation"))
        _check_encoding(self, "Default")

    def process(self) -> None:
        for path, entry in self.existing_items():
            if entry.is_dir:
                self.error(E.UnauthorizedAccessException(
                    f"Access to the path '{path}' is denied.", error_id="GetContentReaderUnauthorizedAccessError",
                    category="PermissionDenied", target=path))
                continue
            content = self.read_text(path)
            if content is not None:
                self._emit(content)

    def _emit(self, content: str) -> None:
        if self.param("Raw"):
            self.write(content)
            return
        delimiter = self.param("Delimiter")
        if delimiter:
            pieces = content.split(delimiter)
            lines = [piece + delimiter for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
        else:
            lines = split_lines(content)
        total = int(self.param("TotalCount", -1))
        if total >= 0:
            lines = lines[:total]
        tail = self.params.get("Tail")
        if tail is not None and int(tail) >= 0:
            lines = lines[len(lines) - min(int(tail), len(lines)):]
        count = int(self.param("ReadCount", 1))
        if count == 1 or count < 0:
            self.write(lines, enumerate_collection=True)
        elif count == 0:
            if lines:
                self.write(lines)
        else:
            for start in range(0, len(lines), count):
                self.write(lines[start:start + count])


class _WriteContent(ItemCmdlet):
    """Set-Content and Add-Content: gather -Value from every input, write at the end."""

    append = False
    action = "Set Content"

    def begin(self) -> None:
        super().begin()
        if self.given("Stream"):
            raise self.fail(E.PSNotSupportedException(
                f"The emulator does not support the -Stream parameter of {self.name}.", error_id="NotSupported",
                category="NotImplemented"))
        self.encoding = _check_encoding(self, "Default")
        self.values: list = []
        self.paths: list[str] | None = None

    def process(self) -> None:
        value = self.params.get("Value")
        self.values.extend(value if isinstance(value, list) else [value])
        if self.paths is None:
            self.paths = self.arguments()

    def end(self) -> None:
        texts = ["" if value is None else self.ctx.to_string(value) for value in self.values]
        if self.param("NoNewline"):
            text = "".join(texts)
        else:
            text = "".join(t + "\r\n" for t in texts)
        for argument in self.paths or []:
            wildcard = not self.literal and P.has_wildcard(argument)
            targets = self.targets(argument)
            if wildcard and not targets:
                self.missing(resolve_path(self.ctx, argument))
            for path in targets:
                self._write(path, text)

    def _write(self, path: str, text: str) -> None:
        if not self.should_process(f"Path: {path}", self.action):
            return
        backend = backend_for(self.ctx, path)
        try:
            backend.write_text(path, text, encoding=self.encoding, append=self.append)
        except F.DriveNotFound as error:
            self.error(fs_error(error, path, "GetContentWriter"))
            return
        except F.PathNotFound:
            self.error(E.DirectoryNotFoundException(
                f"Could not find a part of the path '{path}'.", error_id="GetContentWriterDirectoryNotFoundError",
                category="ObjectNotFound", target=path))
            return
        except F.FsError as error:
            self.error(fs_error(error, path, "GetContentWriter"))
            return
        if self.param("PassThru"):
            self.write(self.values, enumerate_collection=True)


_WRITE_PARAMS = [
    *path_sets(pipeline_value=False),
    p("Value", "object[]", position=1, mandatory=True, pipeline=True, by_property_name=True, allow_null=True,
      allow_empty_collection=True),
    p("PassThru", "switch"), *FILTERS, p("Force", "switch"), CREDENTIAL, TRANSACTION,
    p("NoNewline", "switch"), _encoding_param("Default"), p("Stream", "string"),
]


class SetContent(_WriteContent):
    spec = cmdlet("Set-Content", _WRITE_PARAMS, default_set="Path", should_process=True)
    dotnet_class = f"{MANAGEMENT}.SetContentCommand"


class AddContent(_WriteContent):
    spec = cmdlet("Add-Content", _WRITE_PARAMS, default_set="Path", should_process=True)
    dotnet_class = f"{MANAGEMENT}.AddContentCommand"
    append = True
    action = "Add Content"


class ClearContent(ItemCmdlet):
    spec = cmdlet("Clear-Content", [*path_sets(pipeline_value=False), *FILTERS, p("Force", "switch"), CREDENTIAL,
                                    TRANSACTION, p("Stream", "string")], default_set="Path", should_process=True)
    dotnet_class = f"{MANAGEMENT}.ClearContentCommand"
    error_kind = "ClearContent"

    def process(self) -> None:
        for path, entry in self.existing_items():
            if entry.is_dir or not self.should_process(f"Item: {path}", "Clear Content"):
                continue
            try:
                backend_for(self.ctx, path).write_text(path, "", encoding="Default", append=False)
            except F.FsError as error:
                self.report(error, path)


class OutFile(ItemCmdlet):
    spec = cmdlet("Out-File", [
        p("FilePath", "string", aliases=["Path"], sets={"ByPath": dict(position=0, mandatory=True)}),
        p("LiteralPath", "string", aliases=["PSPath", "LP"], sets={"ByLiteralPath": dict(mandatory=True)}),
        p("Encoding", "string", position=1, validate=[ValidateSet(
            "unknown", "string", "unicode", "bigendianunicode", "utf8", "utf7", "utf32", "ascii", "default", "oem")]),
        p("Append", "switch"), p("Force", "switch"), p("NoClobber", "switch", aliases=["NoOverwrite"]),
        p("Width", "int"), p("NoNewline", "switch"),
        p("InputObject", "psobject", pipeline=True, allow_null=True),
    ], default_set="ByPath", should_process=True)
    dotnet_class = "Microsoft.PowerShell.Commands.OutFileCommand"
    error_kind = "OutFile"

    def begin(self) -> None:
        text = self.params.get("LiteralPath") or self.params.get("FilePath")
        matches = [resolve_path(self.ctx, self.ctx.to_string(text))]
        if not self.literal and P.has_wildcard(matches[0]):
            from .locations import expand_paths

            matches = expand_paths(self.ctx, self.ctx.to_string(text))
            if len(matches) != 1:
                raise self.fail(E.PSArgumentException(
                    f"Cannot perform operation because the wildcard path {text} did not resolve to a file.",
                    error_id="FileOpenFailure", category="OpenError", target=text))
        self.path = matches[0]
        self.writer = None
        if self.param("NoClobber") and not self.param("Append") and self._exists():
            raise self.fail(E.IOException(f"The file '{self.path}' already exists.", error_id="NoClobber",
                                          category="ResourceExists", target=self.path))
        if not self.should_process(self.path, "Output to File"):
            return
        self.writer = FileWriter(self.ctx, self.path, append=bool(self.param("Append")),
                                 encoding=self.param("Encoding") or "unicode", width=self.param("Width"),
                                 no_newline=bool(self.param("NoNewline")))
        try:
            self.writer.start()
        except F.FsError as error:
            self.writer = None
            raise self.fail(_open_error(error, self.path)) from None

    def _exists(self) -> bool:
        return self.exists(self.path) is not None

    def process(self) -> None:
        if self.writer is not None and (self.has_input or self.given("InputObject")):
            try:
                self.writer.add(self.params.get("InputObject"))
            except F.FsError as error:
                raise self.fail(_open_error(error, self.path)) from None


def _open_error(error: F.FsError, path: str) -> E.PSException:
    if isinstance(error, F.PathNotFound) and not isinstance(error, F.DriveNotFound):
        return E.DirectoryNotFoundException(f"Could not find a part of the path '{path}'.",
                                            error_id="FileOpenFailure", category="OpenError", target=path)
    return fs_error(error, path, "FileOpenFailure")


class FileWriter:
    """Writes formatted objects to a file as they arrive (Out-File, redirection).

    Each new object re-renders everything received so far and rewrites the file (after what
    it held before, when appending), so the file is complete whenever the pipeline stops and
    tables keep one header, without needing a close step."""

    def __init__(self, ctx, path: str, *, append: bool, encoding: str, width: int | None = None,
                 no_newline: bool = False) -> None:
        self.ctx = ctx
        self.path = path
        self.append = append
        self.encoding = encoding
        self.width = width or ctx.host.width
        self.no_newline = no_newline
        self.items: list = []
        self.prefix = ""

    def start(self) -> None:
        backend = backend_for(self.ctx, self.path)
        if self.append:
            try:
                self.prefix = backend.read_text(self.path)
            except F.PathNotFound:
                self.prefix = ""
        backend.write_text(self.path, self.prefix, encoding=self.encoding, append=False)

    def add(self, item: object) -> None:
        from ...runtime.formatting import out_string

        self.items.append(item)
        text = out_string(self.items, self.ctx, self.width)
        if self.no_newline:
            text = "".join(out_string(self.items, self.ctx, self.width, stream=True))
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        backend_for(self.ctx, self.path).write_text(self.path, self.prefix + text, encoding=self.encoding,
                                                    append=False)


def redirect_writer(ctx, target: str, append: bool, stream: str):
    """The runtime's `redirect_writer` service: a callable receiving each redirected object."""
    path = resolve_path(ctx, target)
    writer = FileWriter(ctx, path, append=append, encoding="unicode")
    try:
        writer.start()
    except F.FsError as error:
        raise _open_error(error, path) from None

    def write(item: object) -> None:
        try:
            writer.add(item)
        except F.FsError as error:
            raise _open_error(error, path) from None

    return write

