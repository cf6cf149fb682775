"""Rules about quotes and the source texts they are proven against.

Example:
    >>> from argmap.checks import check
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "sources": [{"id": "s", "title": "S", "text": "Le ciel est bleu."}],
    ...     "evidence": [{"id": "e", "source": "s", "quote": "Le ciel est vert"}]})
    >>> [d.code for d in check(m, select=["E02"])]
    ['E020']
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import Context, Finding, rule
from argmap.checks._tools import shorten
from argmap.diagnostics import Severity
from argmap.provenance import SourceText, SourceTextError

__all__: list[str] = []


@rule(
    "E020",
    "quote-not-found",
    Severity.ERROR,
    "An evidence quote does not occur in its source text (typography aside).",
)
def _quote_not_found(ctx: Context) -> Iterator[Finding]:
    for i, ev in enumerate(ctx.map.evidence):
        proof = ctx.proofs.get(ev.id)
        if proof is None or proof.match is None or proof.match.found:
            continue
        match = proof.match
        if match.closest is not None:
            closest = shorten(" ".join(match.closest.split()), 90)
            msg = (
                f'quote not found in source {ev.source} (closest: "{closest}", '
                f"{match.similarity:.0f}% similar)"
            )
        else:
            msg = f"quote not found in source {ev.source}"
        yield Finding(msg, ev.id, f"evidence[{i}].quote")


@rule(
    "E021",
    "source-missing",
    Severity.ERROR,
    "A source's text file is missing or unreadable, or the source has no text at all.",
)
def _source_missing(ctx: Context) -> Iterator[Finding]:
    yield from _source_problems(ctx, "E021")


@rule(
    "E022",
    "source-outside",
    Severity.ERROR,
    "A source path is absolute or leaves the map's folder (it is not read).",
)
def _source_outside(ctx: Context) -> Iterator[Finding]:
    yield from _source_problems(ctx, "E022")


def _source_problems(ctx: Context, code: str) -> Iterator[Finding]:
    for i, src in enumerate(ctx.map.sources):
        st = ctx.texts.get(src.id)
        if isinstance(st, SourceTextError) and st.code == code:
            field = "path" if src.path is not None else ""
            yield Finding(str(st), src.id, f"sources[{i}].{field}" if field else f"sources[{i}]")


@rule(
    "E023",
    "hash-mismatch",
    Severity.ERROR,
    "A source's recorded sha256 differs from its text's: the text has changed.",
)
def _hash_mismatch(ctx: Context) -> Iterator[Finding]:
    for i, src in enumerate(ctx.map.sources):
        st = ctx.texts.get(src.id)
        if src.sha256 and isinstance(st, SourceText) and st.sha256 != src.sha256:
            yield Finding(
                f"sha256 of the text is {st.sha256[:12]}..., the map records "
                f"{src.sha256[:12]}...: the source has changed since it was quoted",
                src.id,
                f"sources[{i}].sha256",
            )


@rule(
    "E024", "span-mismatch", Severity.ERROR, "An evidence's recorded span does not hold its quote."
)
def _span_mismatch(ctx: Context) -> Iterator[Finding]:
    for i, ev in enumerate(ctx.map.evidence):
        proof = ctx.proofs.get(ev.id)
        if ev.span is None or proof is None or not proof.found or proof.match is None:
            continue
        if tuple(ev.span) not in proof.match.occurrences:
            found = proof.match.span
            assert found is not None
            yield Finding(
                f"recorded span [{ev.span[0]}, {ev.span[1]}] does not hold the quote; "
                f"it stands at [{found[0]}, {found[1]}]",
                ev.id,
                f"evidence[{i}].span",
            )


@rule("E025", "source-not-utf8", Severity.ERROR, "A source's text file is not UTF-8.")
def _source_not_utf8(ctx: Context) -> Iterator[Finding]:
    yield from _source_problems(ctx, "E025")


@rule(
    "W107",
    "ambiguous-quote",
    Severity.WARNING,
    "A quote occurs several times in its source and no span says which one is meant.",
)
def _ambiguous_quote(ctx: Context) -> Iterator[Finding]:
    for i, ev in enumerate(ctx.map.evidence):
        proof = ctx.proofs.get(ev.id)
        if ev.span is None and proof and proof.match and len(proof.match.occurrences) > 1:
            yield Finding(
                f"quote occurs {len(proof.match.occurrences)} times in source {ev.source}: "
                "lengthen it or record its span",
                ev.id,
                f"evidence[{i}].quote",
            )


@rule("W108", "unused-source", Severity.WARNING, "No evidence quotes the source.")
def _unused_source(ctx: Context) -> Iterator[Finding]:
    used = {e.source for e in ctx.map.evidence}
    for i, s in enumerate(ctx.map.sources):
        if s.id not in used:
            yield Finding("no evidence quotes this source", s.id, f"sources[{i}]")
