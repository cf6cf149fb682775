"""Write output files safely: atomically to regular files, directly to devices and pipes.

A regular file is written through a temporary file in its folder, then renamed over
it, so a failed run leaves no half-written file. Devices, pipes and sockets
(``/dev/stdout``, ``/dev/null``, a named pipe) cannot be replaced that way: renaming
over them would put a regular file where the special one was, so they are written
in place. A symbolic link is followed: the file it leads to is written, the link
stays.

Example:
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> write_output(p, "done\\n")
    >>> p.read_text()
    'done\\n'
    >>> is_special(p), is_special("/dev/null")
    (False, True)
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = [
    "MAX_INPUT_BYTES",
    "InputTooLarge",
    "is_special",
    "read_input",
    "same_file",
    "write_atomic",
    "write_output",
]

#: The largest input file (map, framework, file to import) argmap reads; the limit
#: also ends reading from an endless device such as ``/dev/zero``.
MAX_INPUT_BYTES = 256 * 1024 * 1024


class InputTooLarge(OSError):
    """An input file holds more than :data:`MAX_INPUT_BYTES`."""


def read_input(path: str | Path, limit: int | None = None) -> bytes:
    """Return the bytes of the file at ``path``, read in one go up to ``limit`` (default
    :data:`MAX_INPUT_BYTES`); a longer file raises :class:`InputTooLarge`.

    Example:
        >>> read_input("/dev/zero", limit=10)
        Traceback (most recent call last):
        ...
        argmap.fileio.InputTooLarge: more than 10 bytes: argmap reads inputs of at most 10
    """
    limit = MAX_INPUT_BYTES if limit is None else limit
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(f"more than {limit:,} bytes: argmap reads inputs of at most {limit:,}")
    return data


# Paths in these trees are never renamed over: /dev/stdout is a link to /proc/self/fd/1,
# which leads to whatever standard output is (a terminal, a pipe, a file the shell opened).
_SPECIAL_TREES = ("/dev/", "/proc/")


def is_special(path: str | Path) -> bool:
    """Return True when ``path`` is (or leads to) a device, pipe or socket, or lies in
    ``/dev`` or ``/proc``: a file to write in place, never to replace.

    Example:
        >>> is_special("/dev/stdout"), is_special("no-such-file.txt")
        (True, False)
    """
    text = os.path.abspath(path)
    if text.startswith(_SPECIAL_TREES):
        return True
    try:
        mode = os.stat(text).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def same_file(a: str | Path, b: str | Path) -> bool:
    """Return True when paths ``a`` and ``b`` name one file (after ``..``, symbolic and
    hard links); False when either cannot be looked at.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "m.json").write_text("{}")
        >>> same_file(d / "m.json", d / "sub" / ".." / "m.json"), same_file(d / "m.json", d)
        (True, False)
    """
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
        return os.path.samefile(a, b)
    except (OSError, ValueError, RuntimeError):
        return False


def write_output(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path``: in place when it is special (see :func:`is_special`),
    else atomically (see :func:`write_atomic`) to the file a symbolic link leads to.

    Raises:
        OSError: the file cannot be written (its folder is missing or is a file, the
            file system is read-only or full, permission is denied).
        UnicodeEncodeError: ``data`` holds a lone surrogate, which UTF-8 cannot store.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if is_special(path):
        with open(path, "wb") as fh:
            fh.write(payload)
            fh.flush()
        return
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    write_atomic(target, payload)


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    Text is written as UTF-8 with ``\\n`` line ends. The rename is atomic on POSIX and
    Windows, so readers see the old file or the new one, never a part.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
