"""Rules about the claims themselves: near-duplicate texts, claims nobody asserts.

Example:
    >>> from argmap.checks import check
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [
    ...     {"id": "a", "text": "OpenAI betrayed its mission."},
    ...     {"id": "b", "text": "OpenAI betrayed its mission!"}]})
    >>> sorted({d.code for d in check(m, select=["W106", "W109"])})
    ['W106', 'W109']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, repeat
from operator import ge

from rapidfuzz import fuzz, process

from argmap.checks import Context, Finding, rule
from argmap.diagnostics import Severity

__all__ = ["FULL_COMPARISON_LIMIT", "MAX_NEAR_DUPLICATE_FINDINGS", "NEAR_DUPLICATE_THRESHOLD"]

_WORD = re.compile(r"\w+")
#: Two claim texts at least this similar (rapidfuzz ratio, 0..100) are near-duplicates.
NEAR_DUPLICATE_THRESHOLD = 90.0
#: Up to this many claims, every pair is compared; above it, sorted neighbours only.
FULL_COMPARISON_LIMIT = 2000
_WINDOW = 6
#: At most this many claims are reported as near-duplicates, one finding each; a last
#: finding counts the others.
MAX_NEAR_DUPLICATE_FINDINGS = 200


@rule("W106", "near-duplicate-claims", Severity.WARNING, "Two claims have nearly the same text.")
def _near_duplicates(ctx: Context) -> Iterator[Finding]:
    claims = ctx.map.claims
    keys = [" ".join(_WORD.findall(c.text.casefold())) for c in claims]
    n = len(claims)
    hits: dict[tuple[int, int], float] = {}
    if n <= FULL_COMPARISON_LIMIT:
        # Every pair, each text against all later ones in one call.
        for a in range(n - 1):
            for _, score, k in process.extract(
                keys[a],
                keys[a + 1 :],
                scorer=fuzz.ratio,
                score_cutoff=NEAR_DUPLICATE_THRESHOLD,
                limit=None,
            ):
                hits[a, a + 1 + k] = score
    else:
        # Sorted-neighbourhood blocking: compare each text with its neighbours in two
        # orders (by text and by reversed text), so a difference near either end is caught
        # in O(n log n) instead of comparing every pair.
        reversed_keys = [k[::-1] for k in keys]
        for order in (
            sorted(range(n), key=keys.__getitem__),
            sorted(range(n), key=reversed_keys.__getitem__),
        ):
            texts = [keys[i] for i in order]
            for step in range(1, _WINDOW + 1):
                # Every score of the step in one pass through map (a score at or above
                # the threshold is the one a cutoff would give), the hits picked out by
                # compress: no Python-level loop over the hundreds of thousands of pairs.
                scores = list(map(fuzz.ratio, texts, texts[step:]))
                close = map(ge, scores, repeat(NEAR_DUPLICATE_THRESHOLD))
                for pos in compress(range(len(scores)), close):
                    a, b = order[pos], order[pos + step]
                    hits[(a, b) if a < b else (b, a)] = scores[pos]
    # One finding per claim that repeats an earlier one, naming the closest earlier
    # claim and how many more it repeats: n claims give at most n - 1 findings, not one
    # per pair, and past MAX_NEAR_DUPLICATE_FINDINGS one more finding counts the rest.
    earlier: dict[int, tuple[float, int, int]] = {}  # b -> (-score, a, how many)
    for (a, b), score in hits.items():
        if claims[a].id == claims[b].id:
            continue
        best = earlier.get(b)
        if best is None:
            earlier[b] = (-score, a, 1)
        else:
            earlier[b] = (*min(best[:2], (-score, a)), best[2] + 1)
    for shown, b in enumerate(sorted(earlier)):
        if shown == MAX_NEAR_DUPLICATE_FINDINGS:
            rest = len(earlier) - shown
            yield Finding(
                f"and {rest} more claims from here on repeat earlier ones (not listed: "
                "merge the near-duplicates above first)",
                claims[b].id,
                f"claims[{b}].text",
            )
            return
        score, a, count = earlier[b]
        others = f" (and {count - 1} other claim{'s' * (count > 2)})" if count > 1 else ""
        yield Finding(
            f"text is {-score:.0f}% similar to claim {claims[a].id!r}{others}: merge them "
            "or make the difference explicit",
            claims[b].id,
            f"claims[{b}].text",
        )


@rule("W109", "unasserted-claim", Severity.WARNING, "Nobody is named as asserting the claim.")
def _unasserted_claim(ctx: Context) -> Iterator[Finding]:
    for i, c in enumerate(ctx.map.claims):
        if not c.asserted_by:
            yield Finding("no party asserts this claim (fill 'asserted_by')", c.id, f"claims[{i}]")
