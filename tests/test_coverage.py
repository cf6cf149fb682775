"""What the map quotes of each source: shares, unquoted passages, ``argmap coverage``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.coverage import _merge, source_coverage
from argmap.model import ArgumentMap
from conftest import ROOT

DISPUTE = ROOT / "tests" / "data" / "v2" / "dispute.json"


def test_coverage_of_the_dispute_fixture() -> None:
    by_id = {c.source: c for c in source_coverage(argmap.load(DISPUTE))}
    article, release = by_id["marchand-2023"], by_id["batiroc-release"]
    assert (article.quotes, round(article.share, 2)) == (11, 0.68)
    assert (release.quotes, round(release.share, 2)) == (3, 0.40)
    texts = [p.text for p in release.unquoted]
    assert texts[0] == "Communiqué de Batiroc"  # the title line is not quoted
    assert "Sa fermeture est une décision politique." in texts
    assert (article.unquoted[0].line, article.unquoted[0].column) == (1, 1)


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="ab .\n«»", min_size=1, max_size=80),
    st.lists(st.tuples(st.integers(0, 79), st.integers(1, 20)), max_size=6),
)
def test_passages_and_quotes_never_overlap(text: str, cuts: list[tuple[int, int]]) -> None:
    quotes = [text[a : a + n] for a, n in cuts if text[a : a + n].strip()]
    m = ArgumentMap.model_validate(
        {
            "sources": [{"id": "s", "title": "S", "text": text}],
            "evidence": [{"id": f"e{k}", "source": "s", "quote": q} for k, q in enumerate(quotes)],
        }
    )
    (c,) = source_coverage(m, min_words=1)
    assert 0.0 <= c.share <= 1.0
    assert c.quoted == _merge(c.quoted)  # sorted, disjoint
    for p in c.unquoted:
        assert text[p.start : p.end] == p.text == p.text.strip() and "\n" not in p.text
        assert all(p.end <= a or b <= p.start for a, b in c.quoted)
    # what no quote covers and no passage lists holds no word
    covered = [False] * len(text)
    for a, b in [*c.quoted, *((p.start, p.end) for p in c.unquoted)]:
        covered[a:b] = [True] * (b - a)
    rest = "".join(ch if not hit else " " for ch, hit in zip(text, covered, strict=True))
    assert not any(ch.isalnum() for ch in rest)


def test_cli_lists_the_unquoted_passages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", str(DISPUTE)]) == 0
    out = capsys.readouterr().out
    assert "marchand-2023: Pont de Valmont" in out
    assert "11 quotes cover 68% of its text; 8 passages unquoted:" in out
    assert "  1:1     Communiqué de Batiroc" in out


def test_cli_json_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", str(DISPUTE), "--format", "json", "--min-words", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    sources = {s["source"]: s for s in data["sources"]}
    assert sources["batiroc-release"]["quotes"] == 3
    words = [len(re.findall(r"\w+", p["text"])) for s in sources.values() for p in s["unquoted"]]
    assert words and min(words) >= 5
    assert main(["coverage", str(DISPUTE), "--min-words", "0"]) == 2
    assert "--min-words must be 1 or more" in capsys.readouterr().err
    assert main(["coverage", "missing.json"]) == 2
    assert "missing.json" in capsys.readouterr().err


def test_cli_writes_its_output_file_and_never_the_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "coverage.txt"
    assert main(["coverage", str(DISPUTE), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert "marchand-2023: Pont de Valmont" in out.read_text(encoding="utf-8")
    before = DISPUTE.read_bytes()
    assert main(["coverage", str(DISPUTE), "-o", str(DISPUTE)]) == 2
    assert "overwrite the input" in capsys.readouterr().err
    assert DISPUTE.read_bytes() == before


def test_an_unreadable_source_says_why() -> None:
    m = ArgumentMap.model_validate({"sources": [{"id": "s", "title": "S", "path": "../x.txt"}]})
    (c,) = source_coverage(m)
    assert c.problem is not None and "leaves the map's folder" in c.problem and c.unquoted == []
