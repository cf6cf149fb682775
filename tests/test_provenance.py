"""Quotes are proven against their sources; only typography is tolerated."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.provenance import find_quote, line_col, normalise

ALPHABET = st.sampled_from(
    [*"abcdeéèà ILMOS,.;:!?-", "'", "’", '"', "«", "»", "\u00a0", "\u202f", "\n", "…", "e\u0301"]
)
texts = st.lists(ALPHABET, min_size=1, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_any_passage_of_a_text_is_found_where_it_stands(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    quote = text[a:b]
    assume(normalise(quote)[0].strip(' "'))
    # A cut inside a letter (between 'e' and its combining accent) changes the letter.
    assume(not unicodedata.combining(quote[0]))
    assume(b == len(text) or not unicodedata.combining(text[b]))
    m = find_quote(text, quote)
    assert m.found and m.span is not None
    start, end = m.span
    assert normalise(quote)[0].strip() in normalise(text[start:end])[0]
    assert m.span in m.occurrences


TYPOGRAPHY = [
    ("'", "’"),
    ("’", "'"),
    (" ", "\u00a0 "),
    ("...", "…"),
    ("…", "..."),
    ('"', "«\u202f"),
    ("é", "e\u0301"),
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["l'IA", "dit", "...", "« open source »", "été", "  ", "Musk", "’"]),
        min_size=1,
        max_size=10,
    ).map(" ".join),
    st.sampled_from(TYPOGRAPHY),
)
def test_typographic_variants_are_found_at_the_same_place(
    quote: str, swap: tuple[str, str]
) -> None:
    text = "Avant. " + quote + " Après."
    variant = quote.replace(*swap)
    assume(normalise(quote)[0].strip())
    plain, typo = find_quote(text, quote), find_quote(text, variant)
    assert typo.found and typo.span == plain.span


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_a_changed_word_is_not_found(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    quote = text[a:b] + "Z"  # 'Z' is not in the alphabet, so the quote cannot occur
    m = find_quote(text, quote)
    assert not m.found and m.span is None


@pytest.mark.parametrize(
    ("text", "quote", "found"),
    [
        ("l’humanité", "l'humanité", True),
        ("« open source »", '"open source"', True),
        ("un  milliard\u00a0de dollars", "un milliard de dollars", True),
        ("pas si lointain…", "pas si lointain...", True),
        ("Humanité", "humanité", False),  # case is not typography
        ("milliard", "milliards", False),
        ("bénéfique", "benefique", False),  # accents are letters
        ("l'IA", "l IA", False),  # an apostrophe is not a space
    ],
)
def test_tolerance_table(text: str, quote: str, found: bool) -> None:
    assert find_quote(text, quote).found is found


def test_closest_passage_and_similarity() -> None:
    text = "Il écrivait : « Tesla est la seule voie permettant de tenir la dragée haute »."
    m = find_quote(text, "Tesla est la seule voix permettant de tenir la dragée haute")
    assert not m.found and m.closest is not None
    assert m.closest.startswith("Tesla est la seule voie") and 90 <= m.similarity < 100
    assert m.closest_span is not None and text[slice(*m.closest_span)] == m.closest


def test_span_hint_picks_the_occurrence() -> None:
    text = "oui non oui non"
    assert find_quote(text, "non").span == (4, 7)
    assert find_quote(text, "non", hint=(12, 15)).span == (12, 15)
    assert find_quote(text, "non", hint=(0, 3)).span == (4, 7)


def test_empty_quote_and_empty_text() -> None:
    assert not find_quote("abc", "   ").found
    assert not find_quote("", "abc").found


def test_line_col() -> None:
    assert line_col("a\nbc\nd", 0) == (1, 1)
    assert line_col("a\nbc\nd", 3) == (2, 2)
    assert line_col("a\nbc\nd", 5) == (3, 1)


def reference_normalise(text: str) -> tuple[str, list[int]]:
    """The definition of the normal form, one character at a time (slow, obviously right)."""
    from argmap.provenance import _clusters, _fold_cluster

    chars: list[str] = []
    index: list[int] = []
    for offset, cluster in _clusters(text):
        for ch in _fold_cluster(cluster):
            if ch == " ":
                if chars and chars[-1] in ' "':
                    continue
            elif ch == '"' and chars and chars[-1] == " ":
                chars.pop()
                index.pop()
            chars.append(ch)
            index.append(offset)
    return "".join(chars), index


TRICKY = st.lists(
    st.sampled_from(
        [
            *"ab é.",
            "  ",
            "\t",
            "\n",
            "\u00a0",
            "\u202f",
            "'",
            "’",
            '"',
            "«",
            "»",
            "…",
            "e\u0301",
            "\u0301",
            "ﬁ",
            "①",
            "\u2007",
            "x\u0327\u0301",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(TRICKY)
def test_fast_normalise_equals_the_definition(text: str) -> None:
    assert normalise(text) == reference_normalise(text)
