"""Reading script files the way Windows PowerShell does: BOM first, UTF-8 by default."""

from __future__ import annotations

import codecs
from os import PathLike

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_script(data: bytes) -> str:
    """Text of a script file's bytes: by its byte-order mark, else UTF-8, else Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_script_file(path: str | PathLike[str]) -> str:
    """Read a .ps1/.psm1 file: UTF-8 with or without BOM, UTF-16/32 LE or BE with BOM."""
    with open(path, "rb") as handle:
        return decode_script(handle.read())
