"""Argumentation scheme names, and the rules about them.

A relation's ``scheme`` names the pattern of argument it follows, in the names of
Walton, Reed and Macagno, *Argumentation Schemes* (Cambridge University Press,
2008): argument from expert opinion, from position to know, ad hominem, tu
quoque ... Spelling does not matter: "Ad Hominem", "ad_hominem" and "argument
from ad hominem" are all ``ad-hominem`` once :func:`normalise_scheme` has read
them.

A ``rebuts`` that follows an attack on the person says nothing about the claim:
it belongs as an undercut of that party's testimony, or as a move that denies
nothing (W112). A name outside the known list is reported with the closest known
one (W115).

Example:
    >>> normalise_scheme("Argument from Expert Opinion")
    'expert-opinion'
    >>> closest_scheme("expert opnion")
    'expert-opinion'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from argmap.checks import Context, Finding, rule
from argmap.checks._tools import relation_label
from argmap.diagnostics import Severity
from argmap.model import RelationType

__all__ = ["KNOWN_SCHEMES", "PERSON_ATTACK_SCHEMES", "closest_scheme", "normalise_scheme"]

#: The attacks on the person (Walton 1998, *Ad Hominem Arguments*): they question the
#: arguer, not what the arguer says.
PERSON_ATTACK_SCHEMES = frozenset(
    {
        "ad-hominem",
        "abusive-ad-hominem",
        "circumstantial-ad-hominem",
        "bias",
        "tu-quoque",
        "poisoning-the-well",
        "insult",
        "abusive",
    }
)

#: Scheme names argmap knows, as :func:`normalise_scheme` writes them.
KNOWN_SCHEMES: tuple[str, ...] = (
    # sources: who says it
    "expert-opinion",
    "position-to-know",
    "witness-testimony",
    "popular-opinion",
    "popular-practice",
    "ethotic",
    # attacks on the person
    *sorted(PERSON_ATTACK_SCHEMES),
    # causes and signs
    "cause-to-effect",
    "effect-to-cause",
    "correlation-to-cause",
    "sign",
    "evidence-to-hypothesis",
    "abduction",
    "perception",
    "memory",
    # actions and their outcomes
    "consequences",
    "positive-consequences",
    "negative-consequences",
    "practical-reasoning",
    "values",
    "sunk-costs",
    "waste",
    "alternatives",
    "slippery-slope",
    "threat",
    "fear-appeal",
    "danger-appeal",
    "need-for-help",
    "distress",
    # cases, rules and words
    "analogy",
    "precedent",
    "example",
    "established-rule",
    "exceptional-case",
    "verbal-classification",
    "definition-to-verbal-classification",
    "vagueness",
    "arbitrariness",
    "composition",
    "division",
    "oppositions",
    "gradualism",
    "ignorance",
    "commitment",
    "inconsistent-commitment",
    "interaction-of-act-and-person",
)

_KNOWN = frozenset(KNOWN_SCHEMES)

#: Other names for known schemes.
_ALIASES = {
    "ad-hominem-abusive": "abusive-ad-hominem",
    "direct-ad-hominem": "abusive-ad-hominem",
    "ad-hominem-circumstantial": "circumstantial-ad-hominem",
    "ad-hominem-bias": "bias",
    "bias-ad-hominem": "bias",
    "personal-attack": "ad-hominem",
    "attack-on-the-person": "ad-hominem",
    "you-too": "tu-quoque",
    "authority": "expert-opinion",
    "expert": "expert-opinion",
    "fear": "fear-appeal",
    "danger": "danger-appeal",
    "witness": "witness-testimony",
    "popularity": "popular-opinion",
    "cause": "cause-to-effect",
    "inconsistency": "inconsistent-commitment",
}

_SEPARATORS = re.compile(r"[^\w']+|_+")
_PREFIX = re.compile(r"^(?:(?:the-)?arguments?-(?:from|to|by)-(?:the-|an?-)?|appeal-to-(?:the-)?)")


def normalise_scheme(name: str) -> str:
    """Return a scheme name in argmap's spelling: lower case, words joined by '-',
    without "argument from" or "appeal to", and known other names replaced.

    Example:
        >>> [normalise_scheme(n) for n in ["Ad Hominem", "ad_hominem", "tu quoque"]]
        ['ad-hominem', 'ad-hominem', 'tu-quoque']
        >>> normalise_scheme("Appeal to authority"), normalise_scheme("Made Up")
        ('expert-opinion', 'made-up')
    """
    words = _SEPARATORS.sub("-", name.casefold().replace("’", "'")).strip("-")
    words = _PREFIX.sub("", words)
    return _ALIASES.get(words, words)


def closest_scheme(name: str) -> str:
    """Return the known scheme name closest to ``name`` (its own, when it is known).

    Example:
        >>> closest_scheme("Argument from analogie"), closest_scheme("Tu Quoque")
        ('analogy', 'tu-quoque')
    """
    key = normalise_scheme(name)
    if key in _KNOWN:
        return key
    found = process.extractOne(key, KNOWN_SCHEMES, scorer=fuzz.ratio)
    return str(found[0]) if found is not None else KNOWN_SCHEMES[0]


def _attacks_the_person(scheme: str) -> bool:
    key = normalise_scheme(scheme)
    return key in PERSON_ATTACK_SCHEMES or "hominem" in key


@rule(
    "W112",
    "attacks-the-arguer",
    Severity.WARNING,
    "A 'rebuts' follows an attack on the person (ad hominem, tu quoque, insult...).",
)
def _attacks_the_arguer(ctx: Context) -> Iterator[Finding]:
    for i, rel in enumerate(ctx.map.relations):
        if rel.type is RelationType.REBUTS and rel.scheme and _attacks_the_person(rel.scheme):
            yield Finding(
                "attacks the arguer, not the claim: make it undercut that party's testimony "
                "(or a move that denies nothing)",
                relation_label(rel),
                f"relations[{i}].type",
            )


@rule(
    "W115",
    "unknown-scheme",
    Severity.WARNING,
    "A relation names an argumentation scheme that is not among Walton's.",
)
def _unknown_scheme(ctx: Context) -> Iterator[Finding]:
    for i, rel in enumerate(ctx.map.relations):
        if rel.scheme is None or normalise_scheme(rel.scheme) in _KNOWN:
            continue
        yield Finding(
            f"unknown scheme {rel.scheme!r} (closest known: {closest_scheme(rel.scheme)!r}): "
            "use one of Walton's scheme names, or leave it out",
            relation_label(rel),
            f"relations[{i}].scheme",
        )
