"""Development helpers for the report: a screenshot of a page in headless Chromium, and a tiny
PNG reader to check the picture (size, distinct colours) without imaging libraries.

Used by scripts/make_docs_pictures.py and the report tests; the shell itself never runs a
browser (scripts cannot reach real processes).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
INSTALL_HINT = "apt-get install -y --no-install-recommends chromium"


def find_browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 900, timeout: float = 60.0) -> None:
    """Render `page` (a local HTML file) into `png`, offline, with a throw-away profile."""
    browser = find_browser()
    if browser is None:
        raise FileNotFoundError(f"No Chromium found; install it with: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="pshv-chromium-") as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={png}",
             f"--window-size={width},{height}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=timeout,
        )


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of raw pixel bytes) of an 8-bit RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset, idat = 8, b""
    width = height = channels = 0
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unsupported PNG (bit depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + _paeth(left, up, up_left)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(_rgb(row, channels)) for row in rows]


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _rgb(row: bytes, channels: int) -> bytes:
    return row if channels == 3 else bytes(b for i, b in enumerate(row) if i % 4 != 3)


def distinct_colours(rows: list[bytes]) -> int:
    return len({row[i:i + 3] for row in rows for i in range(0, len(row), 3)})
