"""Show maps in Jupyter: a picture fitted to the cell's width, and a short text form.

A notebook shows an object through its ``_repr_html_`` or ``_repr_svg_`` method.
:class:`ArgumentMap` draws itself through the functions here; :func:`show` draws a
part of it, one question or what lies near one claim, as a :class:`MapPicture`.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"title": "T", "claims": [{"id": "a", "text": "A"}]})
    >>> summary(m)
    "<ArgumentMap 'T': 1 claim, 0 quotes, 0 relations, 0 questions>"
    >>> html = show(m, focus="a")._repr_html_()
    >>> 'style="max-width:100%' in html, "<svg" in html
    (True, True)
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass
from typing import Any

from argmap.model import ArgumentMap

__all__ = ["MapPicture", "fit_svg", "show", "summary"]


def _n(k: int, word: str) -> str:
    return f"{k} {word}{'s' * (k != 1)}"


def summary(m: ArgumentMap) -> str:
    """Return a one-line description of the map: its title and its counts.

    Example:
        >>> summary(ArgumentMap())
        '<ArgumentMap (untitled): 0 claims, 0 quotes, 0 relations, 0 questions>'
    """
    title = repr(m.title) if m.title else "(untitled)"
    counts = ", ".join(
        (
            _n(len(m.claims), "claim"),
            _n(len(m.evidence), "quote"),
            _n(len(m.relations), "relation"),
            _n(len(m.questions), "question"),
        )
    )
    return f"<ArgumentMap {title}: {counts}>"


def fit_svg(svg: str) -> str:
    """Return the SVG picture sized to its container's width (never wider than it is
    drawn), its height following, so a notebook cell shows all of it.

    Example:
        >>> fit_svg('<svg width="300pt" height="100pt" viewBox="0 0 300 100"></svg>')
        '<svg width="100%" style="max-width:300pt;height:auto" viewBox="0 0 300 100"></svg>'
    """
    head, sep, rest = svg.partition("<svg")
    end = rest.find(">")
    tag = rest[:end]
    found = re.search(r'\bwidth="([^"]+)"', tag)
    natural = found.group(1) if found else "100%"
    tag = re.sub(r'\s*\bheight="[^"]*"', "", tag)
    tag = re.sub(
        r'\bwidth="[^"]*"', f'width="100%" style="max-width:{natural};height:auto"', tag, count=1
    )
    return head + sep + tag + rest[end:]


@dataclass(frozen=True)
class MapPicture:
    """A map, or a part of it, drawn for a notebook.

    Attributes:
        m: the map.
        options: what :func:`argmap.render.render` draws (``question``, ``focus``,
            ``depth``, ``claims_only``, ``lang``, ``engine`` ...).
    """

    m: ArgumentMap
    options: dict[str, Any]

    def svg(self) -> str:
        """Return the picture as SVG text, as drawn."""
        from argmap.render import render

        return render(self.m, "svg", **self.options).decode("utf-8")

    def _repr_svg_(self) -> str:
        return fit_svg(self.svg())

    def _repr_html_(self) -> str:
        part = ""
        if self.options.get("question"):
            part = f" · question {self.options['question']}"
        elif self.options.get("focus"):
            part = f" · around {self.options['focus']}"
        caption = _html.escape(summary(self.m) + part)
        return (
            '<figure style="max-width:100%;overflow-x:auto;margin:0">'
            f"{fit_svg(_strip_prolog(self.svg()))}"
            f'<figcaption style="color:#555;font-size:12px">{caption}</figcaption></figure>'
        )

    def __repr__(self) -> str:
        return f"<MapPicture of {summary(self.m)[1:-1]}, {self.options}>"


def _strip_prolog(svg: str) -> str:
    """Return the SVG without its XML declaration and doctype, to sit inside HTML."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def show(
    m: ArgumentMap,
    *,
    question: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    **options: Any,
) -> MapPicture:
    """Return the map, one question of it (``question``) or what lies within ``depth``
    links of one claim or quote (``focus``), ready to show in a notebook cell.

    Args:
        m: the map.
        question: the id of a question of the map.
        focus: the id of a claim or quote.
        depth: with ``focus``, how many links away to go.
        **options: passed to :func:`argmap.render.render` (``claims_only``, ``lang``,
            ``engine``, ``legend`` ...).

    Raises:
        ValueError: both ``question`` and ``focus``, or an id not in the map.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "A"}]})
        >>> show(m, question="nope")
        Traceback (most recent call last):
        ...
        ValueError: no question 'nope' in the map
    """
    if question is not None and focus is not None:
        raise ValueError("give question or focus, not both")
    if question is not None and question not in m.question_by_id():
        raise ValueError(f"no question {question!r} in the map")
    if focus is not None and focus not in {c.id for c in m.claims} | {e.id for e in m.evidence}:
        raise ValueError(f"no claim or quote {focus!r} in the map")
    chosen: dict[str, Any] = dict(options)
    if question is not None:
        chosen["question"] = question
    if focus is not None:
        chosen["focus"] = focus
        chosen["depth"] = depth
    return MapPicture(m, chosen)
