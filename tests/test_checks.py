"""Every rule has a test that triggers it and one that does not."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

import argmap
from argmap.checks import (
    FULL_COMPARISON_LIMIT,
    NEAR_DUPLICATE_THRESHOLD,
    RULES,
    Context,
    Finding,
    rule,
)
from argmap.diagnostics import Severity
from conftest import NEWS_TEXT, write_map

Data = dict[str, Any]


def codes(data: Data, folder: Path | None = None) -> list[str]:
    if folder is None:
        m = argmap.ArgumentMap.model_validate(data)
    else:
        m = argmap.load(write_map(folder, data))
    return [d.code for d in argmap.check(m)]


def test_base_map_is_clean(base: Data) -> None:
    assert codes(base) == []


def _add_claim(data: Data, **claim: Any) -> None:
    data["claims"].append({"text": "Something else entirely happened.", **claim})


def _dup_id(d: Data) -> None:
    _add_claim(d, id="betrayal", asserted_by=["musk"])


def _dangling(d: Data) -> None:
    d["relations"].append({"from": "control", "to": "ghost", "type": "rebuts"})


def _unknown_source(d: Data) -> None:
    d["evidence"][0]["source"] = "nowhere"


def _unknown_party(d: Data) -> None:
    d["claims"][0]["asserted_by"] = ["nobody"]


def _self_loop(d: Data) -> None:
    d["relations"].append({"from": "betrayal", "to": "betrayal", "type": "supports"})


def _supports_and_rebuts(d: Data) -> None:
    d["relations"].append({"from": "control", "to": "betrayal", "type": "supports"})


def _quote_changed(d: Data) -> None:
    d["evidence"][0]["quote"] = "OpenAI a respecté sa mission initiale"


def _span_wrong(d: Data) -> None:
    d["evidence"][0]["span"] = [0, 10]


def _unsupported(d: Data) -> None:
    _add_claim(d, id="lonely", asserted_by=["musk"])
    d["relations"].append({"from": "lonely", "to": "control", "type": "rebuts"})


def _orphan_evidence(d: Data) -> None:
    d["evidence"].append({"id": "ev-orphan", "source": "news", "quote": "Musk affirme"})


def _support_cycle(d: Data) -> None:
    _add_claim(d, id="mission", text="OpenAI had a founding mission.", asserted_by=["musk"])
    d["relations"] += [
        {"from": "betrayal", "to": "mission", "type": "supports"},
        {"from": "mission", "to": "betrayal", "type": "supports"},
    ]


def _self_contradiction(d: Data) -> None:
    d["claims"][1]["asserted_by"] = ["openai", "musk"]


def _ai_only(d: Data) -> None:
    d["relations"] = [r for r in d["relations"] if r["from"] != "ev-control"]
    d["relations"].append({"from": "ev-control", "to": "betrayal", "type": "supports"})


def _near_duplicate(d: Data) -> None:
    _add_claim(
        d, id="betrayal-2", text="OpenAI betrayed its founding mission!", asserted_by=["musk"]
    )
    d["relations"].append({"from": "ev-betrayal", "to": "betrayal-2", "type": "supports"})


def _ambiguous(d: Data) -> None:
    d["evidence"][0]["quote"] = "OpenAI"


def _unused_source(d: Data) -> None:
    d["sources"].append({"id": "extra", "title": "Unused", "text": "rien"})


def _unasserted(d: Data) -> None:
    d["claims"][0]["asserted_by"] = []


def _duplicate_relation(d: Data) -> None:
    d["relations"].append({"from": "control", "to": "betrayal", "type": "rebuts"})


TRIGGERS: dict[str, Callable[[Data], None]] = {
    "E010": _dup_id,
    "E011": _dangling,
    "E012": _unknown_source,
    "E013": _unknown_party,
    "E014": _self_loop,
    "E015": _supports_and_rebuts,
    "E020": _quote_changed,
    "E024": _span_wrong,
    "W101": _unsupported,
    "W102": _orphan_evidence,
    "W103": _support_cycle,
    "W104": _self_contradiction,
    "W105": _ai_only,
    "W106": _near_duplicate,
    "W107": _ambiguous,
    "W108": _unused_source,
    "W109": _unasserted,
    "W110": _duplicate_relation,
}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_triggers(base: Data, code: str) -> None:
    TRIGGERS[code](base)
    assert code in codes(base)


# Near misses: maps that look like the trigger but are fine.
def _typographic_quote(d: Data) -> None:
    d["evidence"][0]["quote"] = "OpenAI  a trahi sa mission initiale"
    d["evidence"][1]["quote"] = 'Selon OpenAI, "Musk voulait être le dirigeant"'


def _right_span(d: Data) -> None:
    start = NEWS_TEXT.index("OpenAI a trahi")
    d["evidence"][0]["span"] = [start, start + len("OpenAI a trahi sa mission initiale")]


def _chain_support(d: Data) -> None:
    _add_claim(d, id="mission", text="OpenAI had a founding mission.", asserted_by=["musk"])
    d["relations"].append({"from": "mission", "to": "betrayal", "type": "supports"})
    d["relations"].append({"from": "ev-betrayal", "to": "mission", "type": "supports"})


def _different_claims(d: Data) -> None:
    _add_claim(d, id="other", text="OpenAI kept its founding mission.", asserted_by=["openai"])
    d["relations"].append({"from": "ev-control", "to": "other", "type": "supports"})


def _ambiguous_with_span(d: Data) -> None:
    d["evidence"][0]["quote"] = "OpenAI"
    start = NEWS_TEXT.index("OpenAI a trahi")
    d["evidence"][0]["span"] = [start, start + 6]


def _supported_through_claim(d: Data) -> None:
    _add_claim(d, id="sub", text="Musk left the board in 2018.", asserted_by=["musk"])
    d["relations"].append({"from": "sub", "to": "betrayal", "type": "supports"})
    d["relations"].append({"from": "ev-betrayal", "to": "sub", "type": "supports"})


def _relation_between_evidence(d: Data) -> None:
    d["relations"].append({"from": "ev-note", "to": "ev-control", "type": "supports"})


NEAR_MISSES: dict[str, Callable[[Data], None]] = {
    "E020": _typographic_quote,
    "E024": _right_span,
    "W103": _chain_support,
    "W106": _different_claims,
    "W107": _ambiguous_with_span,
    "W101": _supported_through_claim,
    "E011": _relation_between_evidence,
}


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_does_not_trigger_on_clean_map(base: Data, code: str) -> None:
    assert code not in codes(base)


@pytest.mark.parametrize("code", sorted(NEAR_MISSES))
def test_rule_does_not_trigger_on_near_miss(base: Data, code: str) -> None:
    NEAR_MISSES[code](base)
    assert codes(base) == []


# Rules about source files need a folder.


def _file_source(d: Data, path: str, sha: str | None = None) -> None:
    d["sources"][0].pop("text")
    d["sources"][0]["path"] = path
    if sha:
        d["sources"][0]["sha256"] = sha


def test_file_source_is_clean(base: Data, tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(NEWS_TEXT, encoding="utf-8")
    sha = hashlib.sha256(NEWS_TEXT.encode()).hexdigest()
    _file_source(base, "news.txt", sha)
    assert codes(base, tmp_path) == []


def test_missing_source_file(base: Data, tmp_path: Path) -> None:
    _file_source(base, "absent.txt")
    assert "E021" in codes(base, tmp_path)


def test_source_without_text(base: Data) -> None:
    base["sources"][0].pop("text")
    assert "E021" in codes(base)


@pytest.mark.parametrize(
    "path", ["../secret.txt", "/etc/passwd", "sub/../../secret.txt", "link.txt"]
)
def test_source_outside_folder_is_refused_and_never_printed(
    base: Data, tmp_path: Path, path: str
) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET " + NEWS_TEXT, encoding="utf-8")
    (inner / "link.txt").symlink_to(secret)
    _file_source(base, path)
    m = argmap.load(write_map(inner, base))
    diags = argmap.check(m)
    assert "E022" in [d.code for d in diags]
    assert "E020" not in [d.code for d in diags]  # the file was not read, so not searched
    assert all("TOPSECRET" not in d.format() and "root:" not in d.format() for d in diags)


def test_hash_mismatch(base: Data, tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(NEWS_TEXT, encoding="utf-8")
    _file_source(base, "news.txt", "0" * 64)
    assert "E023" in codes(base, tmp_path)


def test_source_not_utf8(base: Data, tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_bytes(NEWS_TEXT.encode("latin-1", "replace"))
    _file_source(base, "news.txt")
    assert "E025" in codes(base, tmp_path)


def test_quote_not_found_shows_closest_passage(base: Data) -> None:
    _quote_changed(base)
    d = next(d for d in argmap.check(argmap.ArgumentMap.model_validate(base)) if d.code == "E020")
    assert "closest:" in d.message and "OpenAI a trahi sa mission initiale" in d.message
    assert "% similar" in d.message and d.subject == "ev-betrayal"


def test_diagnostics_are_located_in_the_file(base: Data, tmp_path: Path) -> None:
    _dangling(base)
    path = write_map(tmp_path, base)
    (d,) = argmap.check(argmap.load(path))
    lines = path.read_text().splitlines()
    assert d.file == str(path) and d.line is not None and d.column is not None
    assert lines[d.line - 1][d.column - 1 :].startswith('"to": "ghost"')


def test_select_and_ignore(base: Data) -> None:
    _unsupported(base)
    _dangling(base)
    m = argmap.ArgumentMap.model_validate(base)
    assert {d.code for d in argmap.check(m, select=["E"])} == {"E011"}
    assert {d.code for d in argmap.check(m, ignore=["W101"])} == {"E011"}


def test_adding_a_rule_is_one_function(base: Data) -> None:
    @rule("X999", "title-required", Severity.INFO, "The map has a title.")
    def _title(ctx: Any) -> Any:
        if not ctx.map.title:
            yield Finding("the map has no title", path="")

    try:
        base.pop("title")
        assert "X999" in codes(base)
        with pytest.raises(ValueError, match="twice"):
            rule("X999", "again", Severity.INFO, "dup")(_title)
    finally:
        del RULES["X999"]


def test_every_rule_is_documented() -> None:
    for r in RULES.values():
        assert r.description.endswith(".") and len(r.description) < 100
        assert r.code[0] in "EW" and r.severity is (
            Severity.ERROR if r.code[0] == "E" else Severity.WARNING
        )


def _near_duplicate_pairs(texts: list[str]) -> set[tuple[str, str]]:
    m = argmap.ArgumentMap.model_validate(
        {"claims": [{"id": f"c{i}", "text": t} for i, t in enumerate(texts)]}
    )
    ctx = Context(m)
    return {
        (f.subject or "", f.message.split("claim ")[1].split("'")[1])
        for f in RULES["W106"].func(ctx)
    }


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["open", "ai", "musk", "mission", "profit"]), min_size=1, max_size=8
        ).map(" ".join),
        max_size=25,
    )
)
def test_near_duplicates_are_the_pairs_above_the_threshold(texts: list[str]) -> None:
    # Each claim repeating an earlier one is reported once, naming the most similar
    # earlier claim (the first of those on a tie).
    keys = [" ".join(re.findall(r"\w+", t.casefold())) for t in texts]
    expected = set()
    for b in range(len(keys)):
        scores = [(fuzz.ratio(keys[a], keys[b]), -a) for a in range(b)]
        close = [s for s in scores if s[0] >= NEAR_DUPLICATE_THRESHOLD]
        if close:
            expected.add((f"c{b}", f"c{-max(close)[1]}"))
    assert _near_duplicate_pairs(texts) == expected


def test_near_duplicates_in_a_large_map_differing_at_either_end() -> None:
    # Above the full-comparison limit, texts are compared with their neighbours in
    # sorted order and in reversed-text order: a change at the start or at the end of
    # a text leaves its twin next to it in one of them.
    # Hundreds of texts sort between "surely ..." and "truly ..." (those starting with
    # "tesla" or "tout"), and as many between the reversed "... alpha" and "... zulu",
    # so each pair meets in one order only.
    words = ["accord", "mission", "profit", "conseil", "secret", "tesla", "tout"]
    rng = random.Random(5)
    texts = [
        " ".join(rng.choices(words, k=3)) + f" {i} " + " ".join(rng.choices(words, k=3))
        for i in range(FULL_COMPARISON_LIMIT + 300)
    ]
    base = "the nonprofit was meant to be open and to benefit all of humanity"
    texts[10] = base + " alpha"
    texts[2200] = base + " zulu"  # differs at the end
    texts[50] = "surely " + base
    texts[2100] = "truly " + base  # differs at the start
    found = _near_duplicate_pairs(texts)
    assert ("c2200", "c10") in found and ("c2100", "c50") in found
    # Only pairs that the full comparison would also report.
    keys = [" ".join(re.findall(r"\w+", t.casefold())) for t in texts]
    for b, a in found:
        assert fuzz.ratio(keys[int(a[1:])], keys[int(b[1:])]) >= NEAR_DUPLICATE_THRESHOLD
