"""Text stored compressed: raw deflate with a preset dictionary.

A row of a few hundred bytes compressed on its own has nothing to refer back to but
itself; deflate can also look back into a preset dictionary, so one holding the field
names and common values of the rows stored (most frequent last) halves small JSON rows
against plain zlib. Each kind of row has its own preset (store/schema.py, deals/store.py);
changing one makes the rows stored before it unreadable, so the store's schema version
goes with it.
"""

from __future__ import annotations

import zlib

LEVEL = 6  # deflate's default: level 9 saves under 1% on these rows, at twice the time


def pack(text: str, preset: bytes) -> bytes:
    """`text` compressed with `preset` (unpack with the same one)."""
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY, preset)
    return packer.compress(text.encode()) + packer.flush()


def unpack(packed: bytes, preset: bytes) -> str:
    unpacker = zlib.decompressobj(-15, preset)
    return (unpacker.decompress(packed) + unpacker.flush()).decode()
