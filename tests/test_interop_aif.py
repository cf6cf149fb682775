"""AIF JSON: hand-written fixtures of each AIF construct, the exact round trip, and
import of any AIF-shaped data without a crash or an unproven quote."""

from __future__ import annotations

import contextlib
import copy
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.attribution import Attribution
from argmap.cli import main
from argmap.formats import FormatError
from argmap.interop import ARGMAP_KEY, from_aif, to_aif
from argmap.model import MOVES
from conftest import BASE
from test_interop import ANY_JSON, BUNDLED, maps

AIF = Path(__file__).parent / "data" / "aif"
EXPECTED: dict[str, dict[str, Any]] = json.loads((AIF / "expected.json").read_text())
#: Checks an imported map must pass: ids, endpoints, parties, sources, quotes and spans,
#: undercuts aimed at relation ids that exist, relation ids that clash with nothing.
SOUND = ["E010", "E011", "E012", "E013", "E014", "E016", "E018", "E020", "E021", "E024"]


def _fixture(name: str) -> Any:
    return json.loads((AIF / name).read_text(encoding="utf-8"))


def test_every_fixture_has_expectations() -> None:
    assert sorted(EXPECTED) == sorted(
        p.name for p in AIF.glob("*.json") if p.name != "expected.json"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_with_expected_counts_and_warnings(name: str) -> None:
    result = from_aif(_fixture(name))
    m = result.map
    types = [r.type.value for r in m.relations]
    got = {
        "claims": len(m.claims),
        "evidence": len(m.evidence),
        "supports": types.count("supports"),
        "rebuts": types.count("rebuts"),
        "undercuts": types.count("undercuts"),
        "moves": sum(t in MOVES for t in types),
        "parties": len(m.parties),
        "warnings": result.warnings,
    }
    assert got == EXPECTED[name]
    assert [d.format() for d in argmap.check(m, select=SOUND)] == []  # every quote proven


def test_ids_are_readable_slugs_of_numeric_and_string_node_ids() -> None:
    assert [c.id for c in from_aif(_fixture("simple.json")).map.claims] == [
        "aif-1",
        "aif-2",
        "aif-3",
    ]
    assert [c.id for c in from_aif(_fixture("conflict.json")).map.claims] == ["aif-a1", "aif-a2"]
    m = from_aif(_fixture("wrapped.json")).map  # xAIF: in an "AIF" key, ids from 0
    assert [c.id for c in m.claims] == ["aif-2", "aif-4"]
    assert [e.id for e in m.evidence] == ["aif-0", "aif-1"]


def test_slugs_stay_unique() -> None:
    nodes = [
        {"nodeID": nid, "text": f"T{k}", "type": "I"}
        for k, nid in enumerate(["A b", "a-b", "a_b", "Ünï", "!!", "aif"])
    ]
    ids = [c.id for c in from_aif({"nodes": nodes}).map.claims]
    assert ids == ["aif-a-b", "aif-a-b-2", "aif-a-b-3", "aif-uni", "aif-x", "aif-aif"]


def test_locutions_become_quotes_spoken_by_their_participant() -> None:
    m = from_aif(_fixture("locutions.json")).map
    alice = next(p for p in m.parties if p.name == "Alice Martin")
    assert alice.id == "alice-martin"
    ev = {e.quote: e for e in m.evidence}
    assert ev["Taxes should fall"].speaker == [alice.id]
    claim = next(c for c in m.claims if c.text == "Taxes should fall")
    assert claim.asserted_by == [alice.id]
    (source,) = m.sources
    assert (
        source.kind.value == "other" and source.text == "Taxes should fall\nTaxes must not fall\n"
    )
    assert [e.span for e in m.evidence] == [(0, 17), (18, 37)]


def test_speaker_named_only_in_the_text_becomes_a_party() -> None:
    m = from_aif(_fixture("speaker-in-text.json")).map
    assert [(p.id, p.name) for p in m.parties] == [("carol", "Carol")]
    assert m.evidence[0].quote == "Nuclear power is safe"
    assert m.claims[0].asserted_by == ["carol"]


def test_dialogue_keeps_questions_as_quotes_without_a_link() -> None:
    m = from_aif(_fixture("dialogue.json")).map
    asserted = {c.text: c.asserted_by for c in m.claims}
    assert asserted == {
        "We should ban cars downtown": ["ann-lee"],  # Ben only asks "Why?"
        "The air downtown is unhealthy": ["ann-lee"],
        "Children play downtown": ["ann-lee"],
        "The air downtown is fine": ["ben-ford"],
    }
    why = next(e for e in m.evidence if e.quote == "Why?")
    assert why.speaker == ["ben-ford"]
    assert not any(r.source == why.id for r in m.relations)
    # the linked argument: each premise supports the conclusion
    links = {
        (r.source, r.type.value, r.target) for r in m.relations if r.source.startswith("aif-11")
    }
    assert links == {
        ("aif-111", "supports", "aif-110"),
        ("aif-112", "supports", "aif-110"),
        ("aif-113", "rebuts", "aif-111"),
    }


def test_locution_prefix_is_kept_when_it_is_not_the_speaker() -> None:
    data = {
        "nodes": [
            {"nodeID": 1, "text": "Note: rents rose", "type": "I"},
            {"nodeID": 2, "text": "Note: rents rose", "type": "L"},
            {"nodeID": 3, "text": "Asserting", "type": "YA"},
        ],
        "edges": [{"fromID": 2, "toID": 3}, {"fromID": 3, "toID": 1}],
        "locutions": [{"nodeID": 2, "personID": 5}],
        "participants": [{"participantID": 5, "firstname": "Dana", "surname": "Wu"}],
    }
    m = from_aif(data).map
    assert m.evidence[0].quote == "Note: rents rose" and m.evidence[0].speaker == ["dana-wu"]


def _relation_view(m: argmap.ArgumentMap) -> list[tuple[Any, ...]]:
    return [(r.id, r.source, r.type.value, r.target, r.scheme) for r in m.relations]


def test_undercut_aims_at_the_relation_its_inference_became() -> None:
    m = from_aif(_fixture("undercut.json")).map
    assert _relation_view(m) == [
        ("aif-3", "aif-2", "supports", "aif-1", None),  # the RA node's id, for the undercut
        (None, "aif-4", "undercuts", "aif-3", None),
    ]


def test_schemes_and_undercuts_of_conflicts_and_linked_arguments() -> None:
    m = from_aif(_fixture("schemes.json")).map
    assert _relation_view(m) == [
        ("aif-3", "aif-2", "supports", "aif-1", "Argument From Expert Opinion"),
        (None, "aif-4", "undercuts", "aif-3", "Conflict From Bias"),
        ("aif-7", "aif-6", "rebuts", "aif-1", None),  # "Default Conflict" names no scheme
        (None, "aif-8", "undercuts", "aif-7", None),  # a CA node aimed at a CA node
        ("aif-12", "aif-10", "supports", "aif-6", None),
        ("aif-12-2", "aif-11", "supports", "aif-6", None),
        # the undercut of a linked argument undercuts each support it was read as
        (None, "aif-13", "undercuts", "aif-12", None),
        (None, "aif-13", "undercuts", "aif-12-2", None),
    ]
    assert argmap.check(m, select=["E016", "E017", "E018"]) == []


def test_araucaria_scheme_key_and_speaker_who_says() -> None:
    m = from_aif(_fixture("araucaria.json")).map
    assert [r.scheme for r in m.relations] == ["PositionToKnow", None, None, None]
    (quote,) = m.evidence
    assert (quote.quote, quote.speaker) == ("the library should open on Sundays", ["dean"])
    assert [p.name for p in m.parties] == ["Dean"]


def test_long_scheme_names_are_left_out_with_a_warning() -> None:
    data = _fixture("undercut.json")
    data["nodes"][2]["text"] = "Argument from " + "x" * 80
    result = from_aif(data)
    assert [r.scheme for r in result.map.relations] == [None, None]
    assert result.warnings == ["1 scheme name(s) longer than 80 characters left out"]


def test_moves_are_transitions_with_an_illocution_that_names_them() -> None:
    m = from_aif(_fixture("moves.json")).map
    moves = [(r.source, r.type.value, r.target, r.scheme) for r in m.relations if r.type in MOVES]
    assert moves == [
        ("aif-2", "counter-accuses", "aif-1", "tu-quoque"),
        ("aif-5", "insults", "aif-1", None),
    ]
    assert not [r for r in m.relations if r.type.value == "rebuts"]


def test_reported_speech_gives_the_quote_its_reporter() -> None:
    m = from_aif(_fixture("reported.json")).map
    quotes = {e.quote: (e.speaker, e.reporter) for e in m.evidence}
    assert quotes == {
        "The board pushed him out": (["dan-roy"], "carla-dubois"),
        "He left of his own will": (["carla-dubois"], None),
    }
    claim = next(c for c in m.claims if c.text == "The board pushed him out")
    assert claim.asserted_by == ["dan-roy"]  # the reporter reports it, and does not assert it
    assert Attribution(m).quote_credit("aif-4") == "Carla Dubois, reporting Dan Roy"


def test_dialogue_quotes_have_no_reporter() -> None:
    m = from_aif(_fixture("dialogue.json")).map
    assert {e.reporter for e in m.evidence} == {None}
    assert {m.hedge_of(e).value for e in m.evidence} == {"reports"}


V2: dict[str, Any] = {
    "sources": [{"id": "news", "title": "News", "text": "x", "reporter": "cc", "language": "fr"}],
    "parties": [
        {"id": "cc", "name": "Christophe Charlot", "kind": "author"},
        {"id": "musk", "name": "Elon Musk"},
        {"id": "oai", "name": "OpenAI", "kind": "organisation"},
    ],
    "claims": [
        {"id": "betrayal", "text": "OpenAI betrayed its mission.", "asserted_by": ["musk"]},
        {"id": "sour", "text": "Musk's suit is sour grapes.", "asserted_by": ["oai"]},
        {"id": "scam", "text": "Scam Altman.", "asserted_by": ["musk"]},
    ],
    "evidence": [
        {"id": "q-musk", "source": "news", "quote": "a trahi sa mission", "speaker": ["musk"]},
        {"id": "q-cc", "source": "news", "quote": "Musk attaque OpenAI"},
    ],
    "relations": [
        {"id": "r-quote", "from": "q-musk", "to": "betrayal", "type": "supports"},
        {"from": "sour", "to": "r-quote", "type": "undercuts", "scheme": "ad-hominem"},
        {"from": "scam", "to": "sour", "type": "insults"},
        {"from": "q-cc", "to": "betrayal", "type": "contrasts"},
    ],
}


def _by_type(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for n in data["nodes"]:
        out.setdefault(n["type"], []).append(n)
    return out


def test_export_of_undercuts_moves_schemes_and_reported_speech() -> None:
    m = argmap.ArgumentMap.model_validate(copy.deepcopy(V2))
    data = to_aif(m)
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    edges = {(nodes[e["fromID"]]["text"], nodes[e["toID"]]["text"]) for e in data["edges"]}
    by_type = _by_type(data)
    (ra,) = by_type["RA"]
    (ca,) = by_type["CA"]
    assert (ca["text"], ca["scheme"]) == ("ad-hominem", "ad-hominem")
    assert ("Musk's suit is sour grapes.", "ad-hominem") in edges
    assert any(e["fromID"] == ca["nodeID"] and e["toID"] == ra["nodeID"] for e in data["edges"])
    # moves: the node answered -> TA -> YA naming the move -> the answering node
    assert {n["text"] for n in by_type["TA"]} == {"Default Transition"}
    assert ("Musk's suit is sour grapes.", "Default Transition") in edges
    assert ("Insulting", "Scam Altman.") in edges
    assert ("Contrasting", "Musk attaque OpenAI") in edges
    # the journalist reports Musk: L reporter -> YA -> L speaker -> YA -> I
    assert ("Christophe Charlot: a trahi sa mission", "Asserting") in edges
    assert ("Asserting", "Elon Musk: a trahi sa mission") in edges
    assert ("Asserting", "a trahi sa mission") in edges
    # narration is the reporter's own locution
    assert ("Christophe Charlot: Musk attaque OpenAI", "Asserting") in edges
    person = {p["participantID"]: p["firstname"] for p in data["participants"]}
    spoken = [(nodes[loc["nodeID"]]["text"], person[loc["personID"]]) for loc in data["locutions"]]
    assert spoken == [
        ("Christophe Charlot: a trahi sa mission", "Christophe"),
        ("Elon Musk: a trahi sa mission", "Elon"),
        ("Christophe Charlot: Musk attaque OpenAI", "Christophe"),
    ]
    _assert_well_formed(data, m)
    assert from_aif(json.loads(json.dumps(data))).map == m


def test_plain_aif_of_a_version_2_map_keeps_undercuts_moves_and_voices() -> None:
    m = argmap.ArgumentMap.model_validate(copy.deepcopy(V2))
    result = from_aif(_strip_argmap_keys(to_aif(m)))
    plain = result.map
    assert result.warnings == []
    text = {c.id: c.text for c in plain.claims}
    rels = {r.id: r for r in plain.relations if r.id is not None}
    got = [
        (text[r.source], r.type.value, r.scheme)
        + ((text[rels[r.target].source], text[rels[r.target].target]) if r.target in rels else ())
        for r in plain.relations
        if r.source in text and r.type.value != "supports"
    ]
    assert got == [
        ("Musk's suit is sour grapes.", "undercuts", "ad-hominem", "a trahi sa mission",
         "OpenAI betrayed its mission."),
        ("Scam Altman.", "insults", None),
        ("Musk attaque OpenAI", "contrasts", None),
    ]  # fmt: skip
    names = {p.id: p.name for p in plain.parties}
    voices = {
        e.quote: ([names[s] for s in e.speaker], names.get(e.reporter or ""))
        for e in plain.evidence
    }
    assert voices == {
        "a trahi sa mission": (["Elon Musk"], "Christophe Charlot"),
        # AIF has one voice for a locution: the narrator's own words come back as spoken
        "Musk attaque OpenAI": (["Christophe Charlot"], None),
    }
    assert argmap.check(plain, select=SOUND) == []


def _readable(m: argmap.ArgumentMap) -> argmap.ArgumentMap:
    """Return ``m`` with distinct plain texts and names, so that what another AIF tool
    reads can be matched with the map by text."""
    out = m.model_copy(deep=True)
    for i, party in enumerate(out.parties):
        party.name = f"Person {i}"
    for i, claim in enumerate(out.claims):
        claim.text = f"Claim {i}"
    for i, ev in enumerate(out.evidence):
        ev.quote = f"Quote {i}"
    return out


def _described(m: argmap.ArgumentMap, text: dict[str, str]) -> dict[int, tuple[Any, ...]]:
    """Return each relation that plain AIF keeps, by position, as texts and types:
    a repeated link or a self-loop is read once or not at all, and an undercut stays
    when what it aims at does."""
    by_id = m.relation_by_id()
    out: dict[int, tuple[Any, ...]] = {}
    seen: set[tuple[str, str, str]] = set()
    for i, r in enumerate(m.relations):
        if r.source not in text:  # a quote's locution asserting its proposition
            continue
        key = (r.source, r.target, r.type.value)
        if r.type.value != "undercuts" and r.source != r.target and key not in seen:
            out[i] = (text[r.source], r.type.value, r.scheme, text[r.target])
        seen.add(key)

    def aim(r: Any, depth: int) -> Any:
        target = by_id[r.target]
        if target.type.value != "undercuts":
            j = m.relations.index(target)
            return out.get(j, "lost")
        return (
            "undercuts",
            text[target.source],
            target.scheme,
            "…" if depth > 2 else aim(target, depth + 1),
        )

    for i, r in enumerate(m.relations):
        if r.type.value == "undercuts" and r.source in text:
            out[i] = (text[r.source], "undercuts", r.scheme, aim(r, 0))
    return {i: d for i, d in out.items() if "lost" not in str(d)}


@settings(max_examples=60, deadline=None)
@given(maps())
def test_any_map_read_as_plain_aif_keeps_what_aif_carries(m: argmap.ArgumentMap) -> None:
    """Without argmap's keys, AIF still carries each relation's type and scheme, which
    relation each undercut aims at, and who speaks and who reports each quote."""
    m = _readable(m)
    plain = from_aif(_strip_argmap_keys(json.loads(json.dumps(to_aif(m))))).map
    old_text = {c.id: c.text for c in m.claims} | {e.id: e.quote for e in m.evidence}
    assert sorted(c.text for c in plain.claims) == sorted(old_text.values())
    text = {c.id: c.text for c in plain.claims}
    assert sorted(map(str, _described(plain, text).values())) == sorted(
        map(str, _described(m, old_text).values())
    )
    names = {p.id: p.name for p in m.parties}
    want: dict[str, tuple[list[str], str | None]] = {}
    for ev in m.evidence:
        reporter = m.reporter_of(ev)
        speakers = [names[p] for p in ev.speaker if p != reporter]
        if reporter is not None and speakers:
            want[ev.quote] = (speakers, names[reporter])
        else:  # one voice
            want[ev.quote] = (speakers or ([names[reporter]] if reporter else []), None)
    plain_names = {p.id: p.name for p in plain.parties}
    assert {
        e.quote: ([plain_names[s] for s in e.speaker], plain_names.get(e.reporter or ""))
        for e in plain.evidence
    } == want
    assert argmap.check(plain, select=SOUND) == []


def test_bundled_map_survives_aif() -> None:
    m = argmap.load(BUNDLED)
    data = json.loads(json.dumps(to_aif(m)))
    types = Counter(n["type"] for n in data["nodes"])
    # a quote that conveys a speaker's words has two locutions: its reporter's, which
    # asserts the speaker's (reported speech)
    reporters = {e.id: m.reporter_of(e) for e in m.evidence}
    reported = [
        e
        for e in m.evidence
        if reporters[e.id] is not None and any(p != reporters[e.id] for p in e.speaker)
    ]
    assert 0 < len(reported) < len(m.evidence)
    kinds = Counter(r.type.value for r in m.relations)
    moves = sum(kinds[t.value] for t in MOVES)
    assert moves and kinds["undercuts"]
    assert types == {
        "I": len(m.claims) + len(m.evidence),
        "L": len(m.evidence) + len(reported),
        # each locution's illocution, and each move's (a TA node answered by a YA)
        "YA": len(m.evidence) + len(reported) + moves,
        "RA": kinds["supports"],
        "CA": kinds["rebuts"] + kinds["undercuts"],
        "TA": moves,
    }
    result = from_aif(data)
    assert result.warnings == []
    assert result.map.model_dump() == m.model_dump()


def _assert_well_formed(data: dict[str, Any], m: argmap.ArgumentMap) -> None:
    """Assert what AIF tools expect: unique string ids, edges between existing nodes,
    locutions of listed participants on L-nodes."""
    ids = [n["nodeID"] for n in data["nodes"]]
    assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    assert all(e["fromID"] in types and e["toID"] in types for e in data["edges"])
    people = {p["participantID"] for p in data["participants"]}
    known = {p.id for p in m.parties}
    for loc in data["locutions"]:
        assert types[loc["nodeID"]] == "L"
        assert loc["personID"] in people or loc["personID"] not in known
    for n in data["nodes"]:
        scheme = {"scheme"} if n["type"] in ("RA", "CA", "TA") and "scheme" in n else set()
        assert set(n) == {"nodeID", "text", "type", "timestamp", ARGMAP_KEY, *scheme}


@settings(max_examples=60, deadline=None)
@given(maps())
def test_any_map_survives_aif(m: argmap.ArgumentMap) -> None:
    data = json.loads(json.dumps(to_aif(m)))
    _assert_well_formed(data, m)
    result = from_aif(data)
    assert result.warnings == []
    assert result.map.model_dump() == m.model_dump()


def _strip_argmap_keys(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_argmap_keys(v) for k, v in data.items() if k != ARGMAP_KEY}
    if isinstance(data, list):
        return [_strip_argmap_keys(v) for v in data]
    return data


def test_export_read_as_plain_aif_keeps_the_argument() -> None:
    """Another AIF tool drops the argmap keys: what is left is still the argument."""
    m = argmap.ArgumentMap.model_validate(copy.deepcopy(BASE))
    result = from_aif(_strip_argmap_keys(to_aif(m)))
    plain = result.map
    assert result.warnings == []
    # every claim and quote is a proposition; every quote is also a locution
    assert sorted(c.text for c in plain.claims) == sorted(
        [c.text for c in m.claims] + [e.quote for e in m.evidence]
    )
    assert sorted(e.quote for e in plain.evidence) == sorted(e.quote for e in m.evidence)
    assert sorted(p.name for p in plain.parties) == sorted(p.name for p in m.parties)
    text_of = {c.id: c.text for c in plain.claims}
    quote_of = {e.id: e.quote for e in plain.evidence}
    old_text = {c.id: c.text for c in m.claims} | {e.id: e.quote for e in m.evidence}
    argument = {
        (text_of[r.source], r.type.value, text_of[r.target])
        for r in plain.relations
        if r.source in text_of
    }
    assert argument == {(old_text[r.source], r.type.value, old_text[r.target]) for r in m.relations}
    spoken = {
        (quote_of[r.source], text_of[r.target]) for r in plain.relations if r.source in quote_of
    }
    assert spoken == {(e.quote, e.quote) for e in m.evidence}
    assert argmap.check(plain, select=SOUND) == []


def test_export_edited_in_another_tool_keeps_ids_and_fields() -> None:
    m = argmap.ArgumentMap.model_validate(copy.deepcopy(BASE))
    data = to_aif(m)
    betrayal = next(n for n in data["nodes"] if n[ARGMAP_KEY].get("id") == "betrayal")
    betrayal["text"] = "OpenAI betrayed its mission."  # edited
    data["nodes"] += [
        {"nodeID": "900", "text": "OpenAI is now a company", "type": "I"},
        {"nodeID": "901", "text": "Default Inference", "type": "RA"},
        {"nodeID": "902", "text": "Default Transition", "type": "TA"},
    ]
    data["edges"] += [
        {"edgeID": "900", "fromID": "900", "toID": "901"},
        {"edgeID": "901", "fromID": "901", "toID": betrayal["nodeID"]},
    ]
    result = from_aif(data)
    back = result.map
    assert result.warnings == ["1 TA node(s) not carried over"]
    assert [c.id for c in back.claims] == ["betrayal", "control", "aif-900"]
    assert back.claims[0].text == "OpenAI betrayed its mission."
    assert back.claims[0].asserted_by == ["musk"]
    assert back.evidence == m.evidence and back.sources == m.sources
    assert back.relations[-1].model_dump(by_alias=True, exclude_none=True) == {
        "from": "aif-900",
        "to": "betrayal",
        "type": "supports",
    }


def test_ids_of_generated_nodes_never_clash_with_map_ids() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": [{"id": i, "text": i} for i in ("1", "2", "ra-1", "ca-1", "l-1", "ya-1")],
            "relations": [
                {"from": "1", "to": "2", "type": "supports"},
                {"from": "ra-1", "to": "ca-1", "type": "rebuts"},
            ],
        }
    )
    data = to_aif(m)
    _assert_well_formed(data, m)
    assert from_aif(data).map == m


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"edges": []}, "no 'nodes' list"),
        ({"AIF": {"edges": []}}, "no 'nodes' list"),
        ({"nodes": {}}, "no 'nodes' list"),
        ({"nodes": [], "locutions": "x"}, "'locutions' is not a list"),
        ({"nodes": [], "argmap": {"sources": 3}}, "argmap.sources: must be a list"),
        (
            {
                "nodes": [
                    {
                        "nodeID": 1,
                        "type": "I",
                        "text": "A",
                        "argmap": {"kind": "claim", "id": "Bad Id"},
                    }
                ]
            },
            r"not a valid map: claims\[0\]\.id",
        ),
    ],
)
def test_aif_errors(data: Any, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        from_aif(data)


NODE_TYPES = ["I", "I", "I", "L", "L", "YA", "YA", "RA", "CA", "MA", "PA", "TA", "", "xx"]
NODE_ID = st.one_of(st.integers(0, 12), st.from_regex(r"[a-zA-Z0-9 _.-]{1,5}", fullmatch=True))
L_TEXT = st.one_of(
    st.text(max_size=15),
    st.builds(
        lambda a, b: f"{a}: {b}",
        st.sampled_from(["Ann", "Bo Li", "Speaker 1"]),
        st.text(max_size=10),
    ),
    st.none(),
)


@st.composite
def aif_graphs(draw: st.DrawFn) -> dict[str, Any]:
    """Draw AIF-shaped data: typed nodes with repeated ids, edges to missing nodes,
    locutions naming listed and unlisted participants."""
    ids = draw(st.lists(NODE_ID, max_size=12))
    nodes = [
        {"nodeID": i, "type": draw(st.sampled_from(NODE_TYPES)), "text": draw(L_TEXT)} for i in ids
    ]
    pool = st.sampled_from([*ids, "missing"])
    edge = st.builds(lambda a, b: {"fromID": a, "toID": b}, pool, pool)
    participants = [
        {"participantID": k, "firstname": draw(st.text(max_size=6)), "surname": "Li"}
        for k in range(draw(st.integers(0, 3)))
    ]
    locution = st.builds(lambda a, p: {"nodeID": a, "personID": p}, pool, st.integers(0, 4))
    return {
        "nodes": nodes,
        "edges": draw(st.lists(edge, max_size=25)),
        "participants": participants,
        "locutions": draw(st.lists(locution, max_size=6)),
    }


@settings(max_examples=200, deadline=None)
@given(aif_graphs())
def test_any_aif_graph_imports_into_a_sound_map(data: dict[str, Any]) -> None:
    m = from_aif(data).map
    assert [d.format() for d in argmap.check(m, select=SOUND)] == []
    first: dict[str, str] = {}  # nodeID -> type of its first node (the one kept)
    for n in data["nodes"]:
        first.setdefault(str(n["nodeID"]), n["type"])
    assert len(m.claims) == list(first.values()).count("I")


@settings(max_examples=150, deadline=None)
@given(ANY_JSON)
def test_aif_reader_fails_only_with_format_error(data: Any) -> None:
    with contextlib.suppress(FormatError):
        from_aif(data)


def test_import_command_prints_each_warning_with_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.json"
    fixture = AIF / "dialogue.json"
    assert main(["import", "aif", str(fixture), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{fixture}: warning: {w}" for w in EXPECTED["dialogue.json"]["warnings"]]
    m = argmap.load(out)
    assert len(m.claims) == 4 and len(m.evidence) == 4
    assert main(["check", str(out), "--select", "E"]) == 0
