"""Files of data kept beside the index (the compiled tagger, the event reader's cues, the
compiled regular expressions), each valid only for the key it was written for: a header
line, the key, a digest of the data, then the data. A file cut short, changed, or
another program's reads as none, and costs its reader a compile, never a wrong answer.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def digest(data: bytes | memoryview) -> bytes:
    """The digest line of `data`."""
    return hashlib.blake2b(data, digest_size=16).hexdigest().encode()


def read_keyed(path: Path, header: bytes, key: str) -> bytes | None:
    """The data of a file `write_keyed` wrote with this header (its first line) and key;
    None if there is none, or it has another header or key, or its digest does not match
    (cut short, changed, another program's)."""
    try:
        content = path.read_bytes()
    except OSError:
        return None
    # Cut at the first three line ends, the rest copied once (a tagger's file is ~3 MB).
    key_at = len(header)
    digest_at = content.find(b"\n", key_at) + 1
    data_at = content.find(b"\n", digest_at) + 1
    if (
        not content.startswith(header)
        or not 0 < digest_at < data_at
        or content[key_at : digest_at - 1] != key.encode()
        or content[digest_at : data_at - 1] != digest(memoryview(content)[data_at:])
    ):
        return None
    return content[data_at:]


def write_keyed(path: Path, header: bytes, key: str, data: bytes) -> None:
    """Write `data` to `path` after its header, key and digest (`read_keyed` checks them),
    through a temporary file renamed over it: a reader sees the whole file or none. A
    folder that cannot be written keeps no file: each such command compiles again."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(b"".join((header, key.encode(), b"\n", digest(data), b"\n", data)))
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
