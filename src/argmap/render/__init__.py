"""Draw maps: DOT text, and SVG, PNG or PDF through Graphviz.

:func:`to_dot` builds the DOT text (the visual grammar is in
:mod:`argmap.render.dot`; :func:`iter_dot` gives it line by line); :func:`render`
lays it out with Graphviz's ``dot`` program or the embedded WebAssembly Graphviz
(:mod:`argmap.render.engines`).
The formats are registered in :mod:`argmap.formats` for ``argmap render``.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A & B"}]})
    >>> "A &amp; B" in to_dot(m)
    True
    >>> svg = render(m, "svg", engine="wasm")  # or "system": Graphviz's dot
    >>> b"A &amp; B" in svg
    True
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable
from typing import Any

from argmap._bulk import gc_paused
from argmap.formats import writer
from argmap.model import ArgumentMap
from argmap.render.dot import iter_dot, to_dot
from argmap.render.engines import (
    DEFAULT_TIMEOUT,
    ENGINES,
    FORMATS,
    RenderError,
    available_engines,
    resolve_engine,
)
from argmap.render.engines import run_dot as _run_dot
from argmap.render.html import to_html

__all__ = [
    "ENGINES",
    "FORMATS",
    "PICTURE_FORMATS",
    "RenderError",
    "available_engines",
    "iter_dot",
    "render",
    "resolve_engine",
    "to_dot",
    "to_html",
]

#: Formats :func:`render` writes.
PICTURE_FORMATS = ("dot", "svg", "png", "pdf", "html")


def render(
    m: ArgumentMap,
    format: str = "svg",
    *,
    engine: str = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    html: bool | None = None,
    **options: Any,
) -> bytes:
    """Return the map drawn as ``format``: 'svg', 'png', 'pdf', 'dot' (the DOT text) or
    'html' (an interactive page, see :func:`argmap.render.html.to_html`).

    Args:
        m: the map.
        format: the output format.
        engine: 'auto' (Graphviz's ``dot`` when it is on PATH, else the embedded
            engine), 'system' or 'wasm'. For 'dot' the engine only chooses the labels.
        timeout: seconds Graphviz's ``dot`` may take.
        html: HTML-like labels; by default, when the engine can draw them (the system
            one; for 'dot', unless the engine asked for is 'wasm').
        **options: passed to :func:`to_dot` (``lang``, ``claims_only``, ``focus``,
            ``depth``, ``rankdir``, ``legend``, ``title``).

    Raises:
        RenderError: the engine cannot make the format, fails or times out; or a
            bad option (unknown ``focus``, ``rankdir``).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A"}]})
        >>> render(m, "dot", engine="wasm")[:16]
        b'digraph argmap {'
    """
    if format == "html":
        return to_html(m, engine=engine, timeout=timeout, html=html, **options).encode()
    if format in ("dot", "gv"):
        if engine not in ENGINES:
            raise RenderError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        with gc_paused():  # the text's lines hold no cycles for the collector to look for
            return _utf8(iter_dot(m, html=engine != "wasm" if html is None else html, **options))
    if format not in PICTURE_FORMATS:
        raise RenderError(f"unknown format {format!r}; choose one of {', '.join(PICTURE_FORMATS)}")
    chosen = resolve_engine(engine, format)
    if html is None:
        html = chosen == "system"
    elif html and chosen == "wasm":
        raise RenderError(
            "the embedded (wasm) engine cannot draw HTML-like labels; use plain labels "
            "(--labels plain) or Graphviz's dot (--engine system)"
        )
    return _run_dot(to_dot(m, html=html, **options), format, engine=chosen, timeout=timeout)


def _utf8(lines: Iterable[str]) -> bytes:
    """Return ``lines`` joined and encoded as UTF-8, a few thousand at a time, so that
    a large text is held once, as bytes, rather than also whole as text."""
    out = io.BytesIO()
    lines = iter(lines)
    while chunk := "".join(itertools.islice(lines, 4096)):
        out.write(chunk.encode("utf-8"))
    return out.getvalue()


@writer("dot", extensions=(".dot", ".gv"), description="Graphviz DOT text")
def _write_dot(m: ArgumentMap, **options: Any) -> str:
    return render(m, "dot", **options).decode("utf-8")


def _image_writer(fmt: str) -> Any:
    def write(m: ArgumentMap, **options: Any) -> bytes:
        return render(m, fmt, **options)

    return write


for _fmt, _desc in (("svg", "SVG picture"), ("png", "PNG picture"), ("pdf", "PDF document")):
    writer(_fmt, extensions=(f".{_fmt}",), description=_desc, binary=True)(_image_writer(_fmt))
writer(
    "html",
    extensions=(".html", ".htm"),
    description="interactive HTML page, self-contained",
    binary=True,
)(_image_writer("html"))
