"""Pause the cyclic garbage collector while a large map is built or checked.

Loading or checking a map of a hundred thousand claims allocates millions of
objects that live on; every few thousand allocations CPython's collector walks
them all again, which costs more than the work itself (a 40 MB map: 1 s to load
without the collector's passes, 3 s with them). argmap's own structures hold no
reference cycles, so nothing is lost by running the collector once afterwards
instead, as it then does of its own accord.

Example:
    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector inside the block, and enable it again after
    unless it was already disabled on entry."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
