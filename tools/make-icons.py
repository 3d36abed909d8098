#!/usr/bin/env python3
"""Draws the theme's small icons (theme/assets/icons/): favicon.ico (one
32 px PNG inside) and the 180 px apple-touch-icon, the same drawing as icon-192.png and icon-512.png:
a white ring and dot on #0b5394. Standard library only; the output is the same bytes every run.

    python3 tools/make-icons.py theme/assets/icons
"""
import os
import struct
import sys
import zlib

BLUE = (0x0B, 0x53, 0x94)
WHITE = (0xFF, 0xFF, 0xFF)
# The 512 px icon's circles, as fractions of its side: ring from 128 to 174 px, dot 56 px.
RING_INNER, RING_OUTER, DOT = 128 / 512, 174 / 512, 56 / 512
SAMPLES = 4  # 4 x 4 samples a pixel, for smooth edges at small sizes


def coverage(size, x, y):
    """How much of pixel (x, y) is white, from 0 to 1."""
    white = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            px = (x + (sx + 0.5) / SAMPLES) / size - 0.5
            py = (y + (sy + 0.5) / SAMPLES) / size - 0.5
            r = (px * px + py * py) ** 0.5
            if r <= DOT or RING_INNER <= r <= RING_OUTER:
                white += 1
    return white / (SAMPLES * SAMPLES)


def png(size):
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            c = coverage(size, x, y)
            rows += bytes(round(b + (w - b) * c) for b, w in zip(BLUE, WHITE))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + chunk(b"IEND", b""))


def ico(image, size):
    """An ICO file holding one PNG image (every browser reads PNG inside ICO)."""
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + entry + image


def main(folder):
    favicon = png(32)
    files = {"favicon.ico": ico(favicon, 32), "icon-180.png": png(180)}
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "theme/assets/icons")
