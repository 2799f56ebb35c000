"""One build at a time per posts folder: a second one stops with a clear message.

The lock is an ``flock`` on ``.newsprint.lock`` in the posts folder, so it is
released when the process ends, however it ends (``kill -9`` included).  Taking
it again in the same process is allowed (the Pelican build holds it from
start to finish and calls the importer, which takes it too).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".newsprint.lock"
_held: dict[Path, tuple[int, int]] = {}  # lock file → (descriptor, how many holders)


class BuildLocked(RuntimeError):
    """Another build holds the lock of this posts folder."""


def acquire(posts_dir: Path) -> Path:
    """Take the lock of ``posts_dir`` or raise :class:`BuildLocked`; returns the lock file."""
    posts_dir.mkdir(parents=True, exist_ok=True)
    path = (posts_dir / LOCK_NAME).resolve()
    if path in _held:
        fd, count = _held[path]
        _held[path] = (fd, count + 1)
        return path
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise BuildLocked(
            f"another newsprint build is running on {posts_dir} (it holds {path}); "
            "wait for it to finish, then build again"
        ) from None
    _held[path] = (fd, 1)
    return path


def release(path: Path) -> None:
    """Give back a lock taken with :func:`acquire`."""
    fd, count = _held.pop(path)
    if count > 1:
        _held[path] = (fd, count - 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


@contextmanager
def build_lock(posts_dir: Path) -> Iterator[None]:
    """Hold the lock of ``posts_dir`` for the ``with`` block."""
    path = acquire(posts_dir)
    try:
        yield
    finally:
        release(path)
