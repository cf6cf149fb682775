"""How much of each source the map quotes, and the passages it leaves unquoted.

Every quote is proven against its source (:func:`argmap.provenance.prove_quotes`),
so its span ``[start, end)`` in the text is known. The quoted spans of a source are
merged; what lies between them is cut at line breaks into passages, each trimmed of
white space, and a passage of fewer than ``min_words`` words (a stray "»." between
two quotes) is left aside. The share is the part of the text's non-blank characters
that some quote covers. An author reads the unquoted passages as a to-do list: what
the texts say that the map does not yet use.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "sources": [{"id": "s", "title": "S",
    ...                  "text": "Il pleut.\\nLe pont est fermé depuis lundi."}],
    ...     "evidence": [{"id": "e", "source": "s", "quote": "Il pleut."}]})
    >>> (c,) = source_coverage(m)
    >>> c.quoted, round(c.share, 2)
    ([(0, 9)], 0.24)
    >>> [(p.line, p.column, p.text) for p in c.unquoted]
    [(2, 1, 'Le pont est fermé depuis lundi.')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.model import ArgumentMap
from argmap.provenance import QuoteProof, SourceText, SourceTextError, prove_quotes, source_texts

__all__ = ["Passage", "SourceCoverage", "source_coverage"]

_WORD = re.compile(r"\w+")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Passage:
    """A passage of a source that no quote of the map covers.

    Attributes:
        start: its first character's offset in the source text.
        end: the offset just past its last character (``text[start:end]``).
        line: its 1-based line in the source text.
        column: its 1-based column there.
        text: the passage as printed.
    """

    start: int
    end: int
    line: int
    column: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the passage as JSON-ready data.

        Example:
            >>> Passage(0, 2, 1, 1, "Oui").to_dict()["line"]
            1
        """
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
        }


@dataclass(frozen=True)
class SourceCoverage:
    """What the map quotes of one source.

    Attributes:
        source: the source's id.
        title: its title.
        length: the number of characters of its text (0 when it cannot be read).
        quoted: the merged spans its quotes cover, in order.
        quotes: how many of the map's quotes were found in it.
        share: the part of its non-blank characters the quotes cover, 0 to 1.
        unquoted: the passages no quote covers, in order.
        problem: why its text cannot be read, when it cannot.
    """

    source: str
    title: str
    length: int
    quoted: list[tuple[int, int]] = field(default_factory=list)
    quotes: int = 0
    share: float = 0.0
    unquoted: list[Passage] = field(default_factory=list)
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the coverage as JSON-ready data.

        Example:
            >>> SourceCoverage("s", "S", 0).to_dict()["unquoted"]
            []
        """
        return {
            "source": self.source,
            "title": self.title,
            "length": self.length,
            "quotes": self.quotes,
            "share": round(self.share, 4),
            "quoted": [list(span) for span in self.quoted],
            "unquoted": [p.to_dict() for p in self.unquoted],
            "problem": self.problem,
        }


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans sorted and merged where they overlap or touch.

    Example:
        >>> _merge([(5, 9), (0, 3), (2, 4), (9, 10)])
        [(0, 4), (5, 10)]
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _non_blank(text: str, start: int, end: int) -> int:
    piece = text[start:end]
    return len(piece) - sum(piece.count(ch) for ch in " \t\r\n\u00a0\u202f")


def _passages(text: str, quoted: list[tuple[int, int]], min_words: int) -> list[Passage]:
    starts = [0] + [found.end() for found in re.finditer("\n", text)]
    gaps: list[tuple[int, int]] = []
    at = 0
    for start, end in quoted:
        if start > at:
            gaps.append((at, start))
        at = max(at, end)
    if at < len(text):
        gaps.append((at, len(text)))
    out = []
    for gap_start, gap_end in gaps:
        for found in _LINE.finditer(text, gap_start, gap_end):
            piece = found.group()
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if len(_WORD.findall(body)) < max(min_words, 1):
                continue
            start = found.start() + lead
            line = bisect.bisect_right(starts, start)
            out.append(Passage(start, start + len(body), line, start - starts[line - 1] + 1, body))
    return out


def source_coverage(
    m: ArgumentMap,
    *,
    min_words: int = 2,
    texts: dict[str, SourceText | SourceTextError] | None = None,
    proofs: dict[str, QuoteProof] | None = None,
) -> list[SourceCoverage]:
    """Return, for each source of ``m`` in map order, what its quotes cover of it and
    the passages they leave out.

    Args:
        m: the map.
        min_words: the fewest words an unquoted passage needs to be listed.
        texts: the sources' texts, as :func:`argmap.provenance.source_texts` gives
            them (read here when None).
        proofs: the quotes' proofs against those texts, as
            :func:`argmap.provenance.prove_quotes` gives them (made here when None).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"sources": [
        ...     {"id": "a", "title": "A", "text": "Rien n'est cité ici."},
        ...     {"id": "b", "title": "B", "path": "missing.txt"}]})
        >>> [(c.source, c.share, len(c.unquoted), c.problem) for c in source_coverage(m)]
        [('a', 0.0, 1, None), ('b', 0.0, 0, "source file 'missing.txt' not found")]
    """
    if texts is None:
        texts = source_texts(m)
    if proofs is None:
        proofs = prove_quotes(m, texts) if m.evidence else {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for proof in proofs.values():
        if proof.match is not None and proof.match.span is not None:
            spans.setdefault(proof.source, []).append(proof.match.span)
    out = []
    seen: set[str] = set()
    for src in m.sources:
        if src.id in seen:
            continue
        seen.add(src.id)
        st = texts.get(src.id)
        if st is None or isinstance(st, SourceTextError):
            problem = str(st) if st is not None else "no text"
            out.append(SourceCoverage(src.id, src.title, 0, problem=problem))
            continue
        found = spans.get(src.id, [])
        quoted = _merge(found)
        total = _non_blank(st.text, 0, len(st.text))
        covered = sum(_non_blank(st.text, a, b) for a, b in quoted)
        out.append(
            SourceCoverage(
                src.id,
                src.title,
                len(st.text),
                quoted,
                len(found),
                covered / total if total else 0.0,
                _passages(st.text, quoted, min_words),
            )
        )
    return out
