"""Prove quotes against their source texts.

A quote matches its source when the two are equal once typography is set
aside, and nothing else: Unicode normalisation (NFKC), the apostrophe family
(' ’ ‘ ʼ), quote marks (« » “ ” „ " and the spaces a French typesetter puts
inside guillemets), runs of white space (including non-breaking and thin
spaces) and the ellipsis (… against ...). Letters, words, punctuation and
case must be as printed.

Every match is reported as character offsets ``[start, end)`` into the source
text exactly as it is stored in its file, so ``text[start:end]`` is the
passage as printed.

Example:
    >>> src = "Il a dit : « Je le plains. » Puis il est parti…"
    >>> m = find_quote(src, '"Je le plains."')
    >>> m.span, src[m.span[0]:m.span[1]]
    ((11, 28), '« Je le plains. »')
    >>> find_quote(src, "Il est parti...").found
    False
    >>> find_quote(src, "il est parti...").span
    (34, 47)
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from argmap.loader import line_starts

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "CLOSEST_SEARCH_LIMIT",
    "MAX_SOURCE_BYTES",
    "QuoteMatch",
    "QuoteProof",
    "SourceText",
    "SourceTextError",
    "find_quote",
    "line_col",
    "normalise",
    "prove_quotes",
    "read_source_text",
    "sha256_of",
    "source_texts",
]

#: Source text files larger than this are not read (E021): proving quotes holds the
#: text and an index of it in memory, some 40 bytes per character.
MAX_SOURCE_BYTES = 16 * 1024 * 1024
#: When a quote is not found, its closest passage is searched for fuzzily while the
#: quote's length squared times the text's stays under this (a fraction of a second);
#: beyond, the passage is where the longest opening or ending of the quote stands.
CLOSEST_SEARCH_LIMIT = 100_000_000_000

_APOSTROPHES = "'’‘ʼ`´′"
_QUOTES = '"«»“”„‟″‹›'
_SPACE_CHARS = {
    " ",
    "\t",
    "\n",
    "\r",
    "\f",
    "\v",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\u2007",
    "\u2002",
    "\u2003",
    "\u200a",
    "\u3000",
}


@functools.lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> str:
    """Return the typographic normal form of one base character and its marks."""
    if cluster in _SPACE_CHARS or cluster.isspace():
        return " "
    if cluster in _APOSTROPHES:
        return "'"
    if cluster in _QUOTES:
        return '"'
    if cluster == "…":
        return "..."
    return unicodedata.normalize("NFKC", cluster)


def _clusters(text: str) -> list[tuple[int, str]]:
    """Return (offset, cluster) pairs: a base character with its combining marks."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if out and unicodedata.combining(ch):
            start, cl = out[-1]
            out[-1] = (start, cl + ch)
        else:
            out.append((i, ch))
    return out


def normalise(text: str) -> tuple[str, list[int]]:
    """Return the typographic normal form of ``text`` and, for each of its characters, the offset
    in ``text`` of the character it comes from.

    White space runs become one space and white space next to a quote mark is
    dropped, so « x », "x" and «x» all read '"x"'.

    Example:
        >>> normalise("l’IA  « open source »")[0]
        'l\\'IA"open source"'
    """
    normal, index = _normalise(text)
    return normal, list(index)


def _normalise(text: str) -> tuple[str, Sequence[int]]:
    """:func:`normalise`, with a ``range`` for the offsets when they are the identity."""
    # One-for-one replacements keep offsets, so they go through str.translate (C speed);
    # only what changes length (space runs, space beside quotes, the ellipsis, combining
    # marks, compatibility characters) goes through the per-character fold.
    if _ALREADY_NORMAL.fullmatch(text) and "  " not in text:
        return text, range(len(text))
    table: dict[int, str] = {}
    unstable: set[str] = set()
    for ch in set(text):
        kind = _CHAR_KIND.get(ch)
        if kind is None:
            kind = _CHAR_KIND[ch] = _char_kind(ch)
        if kind == _ONE_FOR_ONE:
            table[ord(ch)] = _fold_cluster(ch)
        elif kind == _UNSTABLE:
            unstable.add(ch)
    t = _replace_chars(text, table)
    if not unstable and "  " not in t and '"' not in t:
        return t, range(len(t))
    combining = "".join(sorted(re.escape(c) for c in unstable if unicodedata.combining(c)))
    others = "".join(sorted(re.escape(c) for c in unstable if not unicodedata.combining(c)))
    parts = [r' *" *', r" {2,}"]
    if others:
        parts.append(f"[{others}]")
    if combining:
        # A mark belongs to the character before it: every run takes the marks that follow.
        parts = [f"(?:{p})[{combining}]*" for p in parts] + [f".[{combining}]+"]
    pattern = re.compile("|".join(parts), re.DOTALL)
    chars: list[str] = []
    index: list[int] = []
    pos = 0
    for m in pattern.finditer(t):
        start, end = m.span()
        if start > pos:
            _extend_plain(t, pos, start, chars, index)
        _fold_run(text, start, end, chars, index)
        pos = end
    if pos < len(t):
        _extend_plain(t, pos, len(t), chars, index)
    return "".join(chars), index


def _normal_text(text: str) -> str:
    """The first half of :func:`_normalise`: the normal form without the offsets."""
    if _ALREADY_NORMAL.fullmatch(text) and "  " not in text:
        return text
    return _normalise(text)[0]


def _replace_chars(text: str, table: dict[int, str]) -> str:
    """``text.translate(table)`` for a table of one-character replacements."""
    if len(table) > 4:
        return text.translate(table)
    # A few str.replace passes are several times faster than translate's lookups,
    # and give the same result: no replacement is itself replaced (folds are stable).
    for code, new in table.items():
        text = text.replace(chr(code), new)
    return text


# Text made only of these (letters, digits, punctuation other than quote marks, spaces)
# with no two spaces in a row is its own normal form: most quotes, checked at C speed
# (one character class is matched many times faster than a choice per character).
_ALREADY_NORMAL = re.compile(r"[!#-&(-_a-~À-ÖØ-öø-ÿŒœ ]*")
_PLAIN, _ONE_FOR_ONE, _UNSTABLE = 0, 1, 2
_CHAR_KIND: dict[str, int] = {}


def _char_kind(ch: str) -> int:
    folded = _fold_cluster(ch)
    if len(folded) == 1 and folded in " '\"" and ch != folded:
        return _ONE_FOR_ONE
    if unicodedata.combining(ch) or folded != ch:
        return _UNSTABLE
    return _PLAIN


def _extend_plain(t: str, start: int, end: int, chars: list[str], index: list[int]) -> None:
    if t[start] == " " and chars and chars[-1] in ' "':
        start += 1
    chars.extend(t[start:end])
    index.extend(range(start, end))


def _fold_run(text: str, start: int, end: int, chars: list[str], index: list[int]) -> None:
    for offset, cluster in _clusters(text[start:end]):
        for ch in _fold_cluster(cluster):
            if ch == " ":
                if chars and (chars[-1] == " " or chars[-1] == '"'):
                    continue
            elif ch == '"' and chars and chars[-1] == " ":
                chars.pop()
                index.pop()
            chars.append(ch)
            index.append(start + offset)


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote stands in its source, or the closest passage when it is not there.

    Attributes:
        found: whether the quote occurs in the source.
        span: ``(start, end)`` character offsets of the (first, or chosen) occurrence.
        occurrences: every occurrence, in order.
        closest: when not found, the closest passage of the source.
        closest_span: offsets of that passage.
        similarity: how similar the closest passage is, from 0 to 100.
    """

    found: bool
    span: tuple[int, int] | None = None
    occurrences: tuple[tuple[int, int], ...] = ()
    closest: str | None = None
    closest_span: tuple[int, int] | None = None
    similarity: float = 0.0


def _end_offset(index: Sequence[int], text: str, norm_end: int) -> int:
    """Return the offset in the original text just past normalised position ``norm_end - 1``."""
    last = index[norm_end - 1]
    # Extend over the whole cluster (combining marks) and the whole folded
    # character (an ellipsis that became three dots).
    end = last + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


def find_quote(text: str, quote: str, *, hint: tuple[int, int] | None = None) -> QuoteMatch:
    """Return where ``quote`` occurs in ``text``, tolerating typography only.

    Args:
        text: the source text, as stored.
        quote: the quote, as recorded in the map.
        hint: a recorded span; when the quote occurs several times, the occurrence
            starting there is chosen.

    Example:
        >>> find_quote("un deux trois deux", "deux").occurrences
        ((3, 7), (14, 18))
        >>> find_quote("un deux trois deux", "deux", hint=(14, 18)).span
        (14, 18)
        >>> m = find_quote("Nous devrions dire un milliard.", "nous devrions dire un million")
        >>> m.found, m.closest, round(m.similarity)
        (False, 'Nous devrions dire un milliard', 93)
    """
    ntext, index = _normalise(text)
    return _find_normalised(text, ntext, index, quote, hint)


def _find_normalised(
    text: str, ntext: str, index: Sequence[int], quote: str, hint: tuple[int, int] | None
) -> QuoteMatch:
    nquote = _normal_text(quote).strip()
    if not nquote:
        return QuoteMatch(found=False)
    occurrences: list[tuple[int, int]] = []
    start = ntext.find(nquote)
    size = len(nquote)
    while start != -1:
        occurrences.append((index[start], _end_offset(index, text, start + size)))
        start = ntext.find(nquote, start + 1)
    if occurrences:
        chosen = occurrences[0]
        if hint is not None:
            for occ in occurrences:
                if occ[0] == hint[0]:
                    chosen = occ
                    break
        return QuoteMatch(found=True, span=chosen, occurrences=tuple(occurrences))
    if not ntext:
        return QuoteMatch(found=False)
    a, b, score = _closest(nquote, ntext)
    if b <= a or score == 0:
        return QuoteMatch(found=False)
    start, end = index[a], _end_offset(index, text, b)
    # Trim punctuation at the edges, then widen to whole words, so the reader sees
    # words, not fragments.
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    span = (start, end)
    return QuoteMatch(
        found=False,
        closest=text[span[0] : span[1]],
        closest_span=span,
        similarity=float(score),
    )


def _closest(nquote: str, ntext: str) -> tuple[int, int, float]:
    """Return where in ``ntext`` the passage closest to ``nquote`` lies, and how similar
    it is (0 to 100); both are normalised.

    The fuzzy search costs about the quote's length squared times the text's, so past
    :data:`CLOSEST_SEARCH_LIMIT` (a long quote in a long text) the passage is where the
    longest opening or ending of the quote stands, and the similarity the share of the
    quote it covers.
    """
    if len(nquote) ** 2 * len(ntext) <= CLOSEST_SEARCH_LIMIT:
        alignment = fuzz.partial_ratio_alignment(nquote, ntext)
        if alignment is None:  # pragma: no cover - None only for empty input
            return 0, 0, 0.0
        return alignment.dest_start, alignment.dest_end, alignment.score
    n = len(nquote)
    head = _longest(lambda k: ntext.find(nquote[:k]), n)
    tail = _longest(lambda k: ntext.find(nquote[n - k :]), n)
    if head[0] >= tail[0]:
        k, at = head
        start = at
    else:
        k, at = tail
        start = max(at - (n - k), 0)
    if k == 0:
        return 0, 0, 0.0
    return start, min(start + n, len(ntext)), 100.0 * k / n


def _longest(find: Callable[[int], int], n: int) -> tuple[int, int]:
    """Return the largest ``k`` in 0..n with ``find(k) >= 0``, and ``find(k)``, by
    bisection (a part of a quote that occurs has shorter parts that occur)."""
    lo, hi, at = 0, n, 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        pos = find(mid)
        if pos >= 0:
            lo, at = mid, pos
        else:
            hi = mid - 1
    return lo, at


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of a character offset in ``text``.

    Example:
        >>> line_col("ab\\ncd", 4)
        (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def sha256_of(data: bytes) -> str:
    """Return the hex SHA-256 of ``data``.

    Example:
        >>> sha256_of(b"")[:12]
        'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


class SourceTextError(Exception):
    """A source text cannot be used: missing, outside the map folder, or unreadable.

    Attributes:
        code: the diagnostic code of the problem.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class SourceText:
    """A source's text with the hash of its bytes."""

    text: str
    sha256: str
    path: Path | None = None


def read_source_text(base_dir: Path, relpath: str) -> SourceText:
    """Return the text of a source file given relative to ``base_dir``.

    The file must lie inside ``base_dir`` once symbolic links are resolved; an
    absolute path or one that climbs out of the folder is refused before anything
    is read, so no content of such a file can leak into a message.

    Raises:
        SourceTextError: with code E022 (outside the folder), E021 (missing) or
            E025 (not UTF-8 text).

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("bonjour", encoding="utf-8")
        >>> read_source_text(d, "a.txt").text
        'bonjour'
        >>> read_source_text(d, "../etc/passwd")
        Traceback (most recent call last):
        ...
        argmap.provenance.SourceTextError: path '../etc/passwd' leaves the map's folder
    """
    shown = _shown_path(relpath)
    if "\0" in relpath:
        raise SourceTextError("E021", f"path {shown} holds a NUL character, which no file name can")
    rel = Path(relpath)
    drive = len(relpath) > 1 and relpath[1] == ":"
    if rel.is_absolute() or relpath.startswith(("/", "\\")) or drive:
        raise SourceTextError("E022", f"path {shown} is absolute; give it relative to the map")
    root = base_dir.resolve()
    candidate = base_dir / rel
    try:
        resolved = candidate.resolve()
        if not resolved.is_relative_to(root):
            raise SourceTextError("E022", f"path {shown} leaves the map's folder")
        if not resolved.is_file():
            raise SourceTextError("E021", f"source file {shown} not found")
        size = resolved.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceTextError(
                "E021",
                f"source file {shown} has {size:,} bytes; argmap reads source texts of at "
                f"most {MAX_SOURCE_BYTES:,}",
            )
        data = resolved.read_bytes()
    except (OSError, RuntimeError, ValueError) as exc:  # symlink loops, too long a name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise SourceTextError("E021", f"cannot read {shown}: {reason}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceTextError(
            "E025", f"source file {relpath!r} is not UTF-8 (byte {exc.start})"
        ) from None
    return SourceText(text=text, sha256=sha256_of(data), path=resolved)


def _shown_path(relpath: str) -> str:
    text = repr(relpath)
    return text if len(text) <= 80 else text[:76] + "...'"


@dataclass(frozen=True)
class QuoteProof:
    """The outcome of proving one evidence quote against its source.

    Attributes:
        evidence: id of the evidence.
        source: id of its source.
        match: where the quote stands (``None`` when the source text is unusable).
        problem: why the source text is unusable, if it is.
        line: 1-based line of the quote in the source text, when found.
        column: 1-based column of the quote in the source text, when found.
    """

    evidence: str
    source: str
    match: QuoteMatch | None
    problem: SourceTextError | None = None
    line: int | None = None
    column: int | None = None

    @property
    def found(self) -> bool:
        """Return True when the quote was found in its source."""
        return self.match is not None and self.match.found


def source_texts(
    m: ArgumentMap, *, only: Collection[str] | None = None
) -> dict[str, SourceText | SourceTextError]:
    """Return each source's text (or why it cannot be had), keyed by source id; with
    ``only``, just those sources'.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"sources": [
        ...     {"id": "a", "title": "A", "text": "bonjour"},
        ...     {"id": "b", "title": "B", "path": "/etc/passwd"}]})
        >>> texts = source_texts(m)
        >>> texts["a"].text, texts["b"].code
        ('bonjour', 'E022')
    """
    out: dict[str, SourceText | SourceTextError] = {}
    for src in m.sources:
        if src.id in out or (only is not None and src.id not in only):
            continue
        if src.text is not None:
            # A lone surrogate cannot be UTF-8; the loader refuses it in files, and a
            # map built in Python still gets a hash.
            data = src.text.encode("utf-8", "surrogatepass")
            out[src.id] = SourceText(text=src.text, sha256=sha256_of(data))
        elif src.path is not None:
            try:
                out[src.id] = read_source_text(m.base_dir, src.path)
            except SourceTextError as exc:
                out[src.id] = exc
        else:
            out[src.id] = SourceTextError(
                "E021", "source has neither 'path' nor 'text': its quotes cannot be proven"
            )
    return out


def prove_quotes(
    m: ArgumentMap,
    texts: dict[str, SourceText | SourceTextError] | None = None,
    *,
    only: Collection[str] | None = None,
) -> dict[str, QuoteProof]:
    """Return, for each evidence id (or each one in ``only``), where its quote stands in
    its source. Only the sources those quotes come from are read.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "text": "Ligne un.\\nIl a dit non."}],
        ...     "evidence": [{"id": "e", "source": "s", "quote": "dit non"}]})
        >>> p = prove_quotes(m)["e"]
        >>> p.found, p.match.span, (p.line, p.column)
        (True, (15, 22), (2, 6))
        >>> prove_quotes(m, only=["e"]) == {"e": p}, prove_quotes(m, only=[])
        (True, {})
    """
    wanted = m.evidence if only is None else [ev for ev in m.evidence if ev.id in only]
    if texts is None:
        texts = source_texts(m, only=None if only is None else {ev.source for ev in wanted})
    proofs: dict[str, QuoteProof] = {}
    # One pass over each source text: its normal form and where its lines start.
    prepared: dict[str, tuple[str, str, Sequence[int], list[int]]] = {}
    for ev in wanted:
        eid, source = ev.id, ev.source
        if eid in proofs:
            continue
        st = texts.get(source)
        if st is None:
            proofs[eid] = QuoteProof(eid, source, None)
            continue
        if isinstance(st, SourceTextError):
            proofs[eid] = QuoteProof(eid, source, None, problem=st)
            continue
        prep = prepared.get(source)
        if prep is None:
            prep = prepared[source] = (st.text, *_normalise(st.text), line_starts(st.text))
        text, ntext, index, starts = prep
        match = _find_normalised(text, ntext, index, ev.quote, ev.span)
        if match.span is None:
            proofs[eid] = QuoteProof(eid, source, match)
        else:
            start = match.span[0]
            line = bisect.bisect_right(starts, start)
            column = start - starts[line - 1] + 1
            proofs[eid] = QuoteProof(eid, source, match, line=line, column=column)
    return proofs
