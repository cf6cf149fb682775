"""Draw maps: DOT text, and SVG, PNG or PDF through Graphviz.

``to_dot`` builds the DOT text (the visual grammar is in :mod:`argmap.render.dot`);
``render`` lays it out with the system ``dot`` program or the embedded
WebAssembly Graphviz (:mod:`argmap.render.engines`). The formats are registered
in :mod:`argmap.formats` for ``argmap render``.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A & B"}]})
    >>> svg = render(m, format="svg", engine="wasm")
    >>> b"A &amp; B" in svg
    True
"""

from __future__ import annotations

from typing import Any

from argmap.formats import writer
from argmap.model import ArgumentMap
from argmap.render.dot import to_dot
from argmap.render.engines import ENGINES, FORMATS, RenderError, available_engines, run_dot

__all__ = [
    "ENGINES",
    "FORMATS",
    "RenderError",
    "available_engines",
    "render",
    "to_dot",
]

IMAGE_FORMATS = ("svg", "png", "pdf")


def render(
    m: ArgumentMap,
    format: str = "svg",
    *,
    engine: str = "auto",
    timeout: float = 120.0,
    **options: Any,
) -> bytes:
    """Return the map drawn as ``format`` ('dot', 'svg', 'png' or 'pdf').

    Args:
        m: the map.
        format: the output format.
        engine: 'auto' (system Graphviz if present, else embedded), 'system' or 'wasm'.
        timeout: seconds the system ``dot`` program may take.
        **options: passed to :func:`to_dot` (``lang``, ``claims_only``, ``focus``,
            ``depth``, ``rankdir``, ``legend``, ``title``).

    Raises:
        RenderError: the engine cannot make the format, or fails.
    """
    source = to_dot(m, **options)
    if format in ("dot", "gv"):
        return source.encode("utf-8")
    if format not in IMAGE_FORMATS:
        raise RenderError(f"unknown format {format!r}; choose dot, svg, png or pdf")
    return run_dot(source, format, engine=engine, timeout=timeout)


@writer("dot", extensions=(".dot", ".gv"), description="Graphviz DOT text")
def _write_dot(m: ArgumentMap, **options: Any) -> str:
    options.pop("engine", None)
    options.pop("timeout", None)
    return to_dot(m, **options)


def _image_writer(fmt: str) -> Any:
    def write(m: ArgumentMap, **options: Any) -> bytes:
        return render(m, fmt, **options)

    return write


for _fmt, _desc in (("svg", "SVG picture"), ("png", "PNG picture"), ("pdf", "PDF document")):
    writer(_fmt, extensions=(f".{_fmt}",), description=_desc, binary=True)(_image_writer(_fmt))


def _repr_svg(m: ArgumentMap) -> str:
    return render(m, "svg").decode("utf-8")
