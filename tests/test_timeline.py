"""The dated events of a map (argmap.timeline) and ``argmap timeline``."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.loader import load
from argmap.model import ArgumentMap
from argmap.timeline import TimelineEvent, date_period, sort_key, timeline, within
from conftest import ROOT, write_map

Capsys = pytest.CaptureFixture[str]
DISPUTE = ROOT / "tests" / "data" / "v2" / "dispute.json"


@pytest.fixture(scope="module")
def events() -> list[TimelineEvent]:
    return timeline(load(DISPUTE))


def test_fixture_events_in_order(events: list[TimelineEvent]) -> None:
    assert [(e.date, e.kind, e.id) for e in events] == [
        ("2015", "claim", "bridge-opened"),
        ("2015", "claim", "cheap-cables"),
        ("2015", "quote", "ev-cheap-cables"),
        ("2019-03", "claim", "lenoir-pushed-out"),
        ("2019-03", "quote", "ev-lenoir"),
        ("2023-09", "claim", "cables-corroded"),
        ("2023-09", "quote", "ev-weber"),
        ("2023-10", "source", "batiroc-release"),
        ("2023-10-02", "claim", "bridge-closed"),
        ("2023-11-14", "source", "marchand-2023"),
    ]


def test_fixture_event_details(events: list[TimelineEvent]) -> None:
    found = {e.id: e for e in events}
    assert found["lenoir-pushed-out"].dated_by == ["ev-lenoir"]
    assert found["cheap-cables"].dated_by == []  # a date of its own
    assert found["cheap-cables"].text.startswith("According to Claire Dumas (reportedly): ")
    weber = found["ev-weber"]
    assert weber.supports == ["cables-corroded"]
    assert weber.credit == "Julie Marchand, reporting Hans Weber (translated)"
    assert weber.translation is not None and weber.text.startswith("« Les câbles porteurs")
    release = found["batiroc-release"]
    assert release.inferred and release.note is not None and "two weeks ago" in release.note
    assert not found["marchand-2023"].inferred and found["marchand-2023"].credit == "Julie Marchand"


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2023-12", "2023-12-01", "2023-12-31"),
        ("2023-10-02", "2023-10-02", "2023-10-02"),
    ],
)
def test_date_period(date: str, first: str, last: str) -> None:
    assert [d.isoformat() for d in date_period(date)] == [first, last]


@pytest.mark.parametrize("bad", ["", "24", "2024-13", "2024-00", "2023-02-29", "2024/01", "2024-1"])
def test_date_period_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"):
        date_period(bad)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2018", "2018-01"),
        ("2018-01", "2018-01-01"),
        ("2018", "2018-03"),
        ("2017-12-31", "2018"),
        ("2018-03-31", "2018-04"),
        ("2018-12", "2019"),
    ],
)
def test_sort_key(earlier: str, later: str) -> None:
    assert sort_key(earlier) < sort_key(later)


@pytest.mark.parametrize(
    ("date", "start", "end", "kept"),
    [
        ("2019", "2019-06", None, True),
        ("2019", "2020", None, False),
        ("2019-05", None, "2019-04", False),
        ("2019-05-01", None, "2019-05", True),
        ("2019-05-01", "2019-05-01", "2019-05-01", True),
        ("2018-12-31", "2019", "2019", False),
        ("2020", None, None, True),
    ],
)
def test_within(date: str, start: str | None, end: str | None, kept: bool) -> None:
    assert within(date, start, end) is kept


def test_same_date_claims_then_quotes_then_sources_and_earliest_quote_dates() -> None:
    m = ArgumentMap.model_validate(
        {
            "sources": [{"id": "s", "title": "S", "text": "x y z", "published": "2020"}],
            "claims": [{"id": "c", "text": "C"}, {"id": "d", "text": "D", "date": "2020"}],
            "evidence": [
                {"id": "e1", "source": "s", "quote": "x", "date": "2021"},
                {"id": "e2", "source": "s", "quote": "y", "date": "2020"},
                {"id": "e3", "source": "s", "quote": "z", "date": "2020"},
            ],
            "relations": [
                {"from": "e1", "to": "c", "type": "supports"},
                {"from": "e2", "to": "c", "type": "supports"},
                {"from": "e3", "to": "c", "type": "rebuts"},  # a rebuttal dates nothing
            ],
        }
    )
    got = [(e.date, e.kind, e.id, e.dated_by) for e in timeline(m)]
    assert got == [
        ("2020", "claim", "c", ["e2"]),
        ("2020", "claim", "d", []),
        ("2020", "quote", "e2", []),
        ("2020", "quote", "e3", []),
        ("2020", "source", "s", []),
        ("2021", "quote", "e1", []),
    ]


_DATES = st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]])
)
_MAYBE = st.none() | _DATES


@st.composite
def dated_maps(draw: st.DrawFn) -> ArgumentMap:
    claims = [
        {"id": f"c{k}", "text": f"claim {k}", "date": d}
        for k, d in enumerate(draw(st.lists(_MAYBE, max_size=6)))
    ]
    evidence = [
        {"id": f"e{k}", "source": "s", "quote": "x", "date": d}
        for k, d in enumerate(draw(st.lists(_MAYBE, max_size=6)))
    ]
    ids = [c["id"] for c in claims] + [e["id"] for e in evidence]
    relations = []
    if ids:
        pick = st.sampled_from(ids)
        for u, v, t in draw(
            st.lists(st.tuples(pick, pick, st.sampled_from(["supports", "rebuts"])), max_size=8)
        ):
            relations.append({"from": u, "to": v, "type": t})
    data: dict[str, Any] = {
        "sources": [{"id": "s", "title": "S", "text": "x", "published": draw(_MAYBE)}],
        "claims": claims,
        "evidence": evidence,
        "relations": relations,
    }
    return ArgumentMap.model_validate(data)


@settings(max_examples=80, deadline=None)
@given(dated_maps())
def test_timeline_sorted_and_loses_no_dated_item(m: ArgumentMap) -> None:
    events = timeline(m)
    keys = [sort_key(e.date) for e in events]
    assert keys == sorted(keys)
    expected = {("claim", c.id, c.date) for c in m.claims if c.date}
    expected |= {("quote", e.id, e.date) for e in m.evidence if e.date}
    expected |= {("source", s.id, s.published) for s in m.sources if s.published}
    got = {(e.kind, e.id, e.date) for e in events if not e.dated_by}
    assert got == expected
    evidence = m.evidence_by_id()
    for e in events:
        if e.dated_by:  # a claim with no date of its own, at its earliest quote's date
            quotes = [
                evidence[r.source].date
                for r in m.relations
                if r.type == "supports" and r.target == e.id and r.source in evidence
            ]
            dates = [d for d in quotes if d]
            assert e.date == min(dates, key=sort_key)
            assert all(evidence[q].date == e.date for q in e.dated_by)
    undated = {
        c.id
        for c in m.claims
        if not c.date
        and any(
            r.type == "supports"
            and r.target == c.id
            and evidence.get(r.source, None) is not None
            and evidence[r.source].date
            for r in m.relations
        )
    }
    assert {e.id for e in events if e.dated_by} == undated
    assert len(events) == len(expected) + len(undated)


# The command line.


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_every_line_starts_with_its_date(capsys: Capsys) -> None:
    code, out, err = run(capsys, "timeline", str(DISPUTE))
    assert code == 0 and err == ""
    lines = out.splitlines()
    starts = [line[:12].strip() for line in lines if not line.startswith(" ")]
    assert starts == [
        "2015",
        "2015",
        "2015",
        "2019-03",
        "2019-03",
        "2023-09",
        "2023-09",
        "2023-10",
        "2023-10-02",
        "2023-11-14",
    ]
    assert all(re.match(r"^(\d{4}(-\d\d){0,2} +| {12})\S", line) for line in lines)
    assert max(len(line) for line in lines) <= 88
    text = " ".join(out.split())
    assert "(dated by its quote ev-lenoir) [lenoir-pushed-out]" in text
    assert "2023-10 published (date inferred): Communiqué de Batiroc, by Batiroc." in text
    assert "— Julie Marchand, reporting Hans Weber (translated); supports cables-corroded" in text


def test_cli_range(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "timeline", str(DISPUTE), "--from", "2019", "--to", "2023-09")
    starts = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert code == 0 and starts == ["2019-03", "2019-03", "2023-09", "2023-09"]
    code, out, _ = run(capsys, "timeline", str(DISPUTE), "--from", "2030")
    assert code == 0 and out.endswith(
        "dispute.json: no dated claims, quotes or sources in that range\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--from", "2019-13"],
            "--from: '2019-13' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (["--to", "March 2019"], "--to: 'March 2019' is not a date"),
        (["--from", "2020", "--to", "2019-12"], "--from 2020 is after --to 2019-12"),
    ],
)
def test_cli_bad_range(argv: list[str], message: str, capsys: Capsys) -> None:
    code, out, err = run(capsys, "timeline", str(DISPUTE), *argv)
    assert code == 2 and out == ""
    assert err.startswith("argmap timeline: error: " + message) and err.count("\n") == 1


def test_cli_json_to_file(tmp_path: Path, capsys: Capsys) -> None:
    target = tmp_path / "t.json"
    code, out, _ = run(
        capsys, "timeline", str(DISPUTE), "--format", "json", "-o", str(target), "--to", "2019"
    )
    assert code == 0 and out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["from"], data["to"]) == (None, "2019")
    assert [e["id"] for e in data["events"]] == [
        "bridge-opened",
        "cheap-cables",
        "ev-cheap-cables",
        "lenoir-pushed-out",
        "ev-lenoir",
    ]
    assert data["events"][3]["dated_by"] == ["ev-lenoir"]


def test_cli_undated_map(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    code, out, _ = run(capsys, "timeline", str(path))
    assert code == 0 and out == f"{path}: no dated claims, quotes or sources\n"


def test_cli_bad_map_and_help(tmp_path: Path, capsys: Capsys) -> None:
    path = write_map(tmp_path, "{ not json")
    code, out, err = run(capsys, "timeline", str(path))
    assert code == 2 and out == "" and "E001" in err and "Traceback" not in err
    code, out, _ = run(capsys, "timeline", "--help")
    assert code == 0 and "examples:\n  argmap timeline data/claims.json" in out


def test_fixture_checks_clean(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "check", str(DISPUTE))
    assert code == 0 and "; 0 errors, " in out.splitlines()[-1]
    assert "W101 [knew-corrosion]" in out  # the one claim nothing quotes, on purpose
