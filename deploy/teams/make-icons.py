#!/usr/bin/env python3
"""Draws Briefingbot's Teams icons deterministically (no image libraries): color.png 192x192 (a white letter on the
accent colour) and outline.png 32x32 (white outline on transparent, as Teams requires). Run from this folder; the
PNGs are committed, so this only documents how they were made."""
import struct
import zlib

ACCENT = (0x15, 0x42, 0x73, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, pixels):
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + b"".join(bytes(p) for p in row) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def document(size, x0, y0, w, h, stroke, lines):
    """A letter: a rectangle (outline of width `stroke`) with `lines` text lines inside."""
    cells = set()
    for y in range(y0, y0 + h):
        for x in range(x0, x0 + w):
            if x < x0 + stroke or x >= x0 + w - stroke or y < y0 + stroke or y >= y0 + h - stroke:
                cells.add((x, y))
    gap = (h - 2 * stroke) // (lines + 1)
    for i in range(1, lines + 1):
        ly = y0 + stroke + i * gap
        right = x0 + w - 2 * stroke - (w // 4 if i == lines else 0)
        for y in range(ly, ly + stroke):
            for x in range(x0 + 2 * stroke, right):
                cells.add((x, y))
    return cells


def color_icon():
    size = 192
    marks = document(size, 52, 36, 88, 120, 8, 4)
    return [[WHITE if (x, y) in marks else ACCENT for x in range(size)] for y in range(size)]


def outline_icon():
    size = 32
    marks = document(size, 8, 4, 16, 24, 2, 3)
    return [[WHITE if (x, y) in marks else CLEAR for x in range(size)] for y in range(size)]


png("color.png", color_icon())
png("outline.png", outline_icon())
