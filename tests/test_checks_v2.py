"""The rules of map version 2: undercuts, relation ids, questions, reporters, schemes,
hedges and speakers. Each rule has a map that triggers it and maps that look alike
and do not."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
import argmap.checks
from argmap.checks import (
    KNOWN_SCHEMES,
    PERSON_ATTACK_SCHEMES,
    RULES,
    closest_scheme,
    normalise_scheme,
)
from argmap.model import MOVES
from conftest import tangled_maps, write_map

Data = dict[str, Any]

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Par Julie Marchand. La maire, Claire Dumas, a fermé le pont de Valmont. "
    "« Le pont était dangereux », affirme-t-elle. "
    "Selon Batiroc, le rapport ne serait pas indépendant. "
    "Claire Dumas répond en tentant de démontrer que Batiroc a mal construit le pont. "
    "Paul Verdier traite la maire d’incompétente. "
    "Je suis fier de ce pont, dit Paul Verdier. "
    "Dumas a fermé le pont sans attendre. "
    "Selon son directeur général, Paul Verdier, le pont est sûr. "
    "Le rapport aurait été relu par un laboratoire public."
)

BASE: Data = {
    "argmap": "2",
    "title": "The Valmont bridge",
    "sources": [
        {
            "id": "press",
            "title": "Pont de Valmont",
            "kind": "news-article",
            "language": "fr",
            "reporter": "marchand",
            "text": TEXT,
        }
    ],
    "parties": [
        {"id": "marchand", "name": "Julie Marchand", "kind": "author"},
        {"id": "dumas", "name": "Claire Dumas", "side": "city"},
        {"id": "batiroc", "name": "Batiroc", "kind": "organisation", "side": "builder"},
        {"id": "verdier", "name": "Paul Verdier", "side": "builder"},
    ],
    "questions": [{"id": "q-safe", "text": "Was the bridge dangerous?"}],
    "claims": [
        {
            "id": "dangerous",
            "text": "The bridge was dangerous.",
            "asserted_by": ["dumas"],
            "answers": [{"question": "q-safe", "stance": "yes"}],
        },
        {
            "id": "report-biased",
            "text": "The report is not independent.",
            "asserted_by": ["batiroc"],
        },
        {"id": "dumas-incompetent", "text": "Dumas is incompetent.", "asserted_by": ["verdier"]},
    ],
    "evidence": [
        {
            "id": "ev-dangerous",
            "source": "press",
            "quote": "« Le pont était dangereux », affirme-t-elle",
            "speaker": ["dumas"],
        },
        {
            "id": "ev-biased",
            "source": "press",
            "quote": "Selon Batiroc, le rapport ne serait pas indépendant",
            "speaker": ["batiroc"],
            "hedge": "alleges",
        },
        {
            "id": "ev-insult",
            "source": "press",
            "quote": "Paul Verdier traite la maire d’incompétente",
        },
    ],
    "relations": [
        {"id": "r-dangerous", "from": "ev-dangerous", "to": "dangerous", "type": "supports"},
        {"from": "ev-biased", "to": "report-biased", "type": "supports"},
        {"from": "report-biased", "to": "r-dangerous", "type": "undercuts"},
        {"from": "ev-insult", "to": "dumas-incompetent", "type": "supports"},
        {"from": "dumas-incompetent", "to": "dangerous", "type": "insults"},
    ],
}


@pytest.fixture
def v2() -> Data:
    """Return a fresh copy of a clean version 2 map's data."""
    return copy.deepcopy(BASE)


def diagnostics(data: Data) -> list[argmap.Diagnostic]:
    return argmap.check(argmap.ArgumentMap.model_validate(data))


def codes(data: Data) -> list[str]:
    return [d.code for d in diagnostics(data)]


def only(data: Data, code: str) -> argmap.Diagnostic:
    (d,) = [d for d in diagnostics(data) if d.code == code]
    return d


def test_base_map_is_clean(v2: Data) -> None:
    assert codes(v2) == []


def _rel(d: Data, **rel: Any) -> None:
    d["relations"].append(rel)


def _quote(d: Data, quote: str, **ev: Any) -> None:
    d["evidence"].append(
        {"id": f"ev-{len(d['evidence'])}", "source": "press", "quote": quote, **ev}
    )
    _rel(d, **{"from": d["evidence"][-1]["id"], "to": "dangerous", "type": "supports"})


# --- what each rule finds --------------------------------------------------------------------

TRIGGERS: dict[str, Callable[[Data], None]] = {
    "E010": lambda d: d["questions"].append({"id": "q-safe", "text": "Again?"}),
    "E013": lambda d: d["evidence"][0].update(reporter="nobody"),
    "E016": lambda d: _rel(d, **{"from": "report-biased", "to": "r-ghost", "type": "undercuts"}),
    "E017": lambda d: _rel(d, **{"from": "report-biased", "to": "dangerous", "type": "undercuts"}),
    "E018": lambda d: d["relations"][1].update(id="r-dangerous"),
    "E019": lambda d: d["claims"][1].update(answers=[{"question": "q-ghost", "stance": "no"}]),
    "W111": lambda d: d["questions"].append({"id": "q-cost", "text": "Who pays?"}),
    "W112": lambda d: _rel(
        d,
        **{
            "from": "dumas-incompetent",
            "to": "dangerous",
            "type": "rebuts",
            "scheme": "ad hominem",
        },
    ),
    "W113": lambda d: d["claims"][1].update(hedge="states"),
    "W114": lambda d: _quote(
        d,
        "Claire Dumas répond en tentant de démontrer que Batiroc a mal construit le pont",
        speaker=["dumas"],
    ),
    "W115": lambda d: d["relations"][0].update(scheme="expert opnion"),
}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_triggers(v2: Data, code: str) -> None:
    TRIGGERS[code](v2)
    assert codes(v2) == [code]


def test_every_rule_has_a_trigger() -> None:
    from test_checks import TRIGGERS as V1_TRIGGERS

    by_file = {"E021", "E022", "E023", "E025"}  # tests with source files in test_checks
    assert set(RULES) == set(TRIGGERS) | set(V1_TRIGGERS) | by_file


MESSAGES = {
    "E016": "undercut aims at 'r-ghost', which is no relation id: give the relation it means "
    "an id and aim at that",
    "E017": "'dangerous' is a claim, not a relation: undercuts aim at a relation; give the "
    "relation an id and aim at it",
    "E018": "relation id 'r-dangerous' is already used at relations[0]: give each relation its "
    "own id",
    "W112": "attacks the arguer, not the claim: make it undercut that party's testimony (or a "
    "move that denies nothing)",
    "W113": "the source only alleges this (ev-biased): hedge the claim",
    "W114": "this reads as the reporter's narration about Claire Dumas: clear `speaker` "
    "(narration) or quote their words",
    "W115": "unknown scheme 'expert opnion' (closest known: 'expert-opinion'): use one of "
    "Walton's scheme names, or leave it out",
}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_messages_say_what_to_do(v2: Data, code: str) -> None:
    TRIGGERS[code](v2)
    assert only(v2, code).message == MESSAGES[code]


@pytest.mark.parametrize(
    ("code", "path"),
    [
        ("E013", "evidence[0].reporter"),
        ("E016", "relations[5].to"),
        ("E017", "relations[5].to"),
        ("E018", "relations[1].id"),
        ("E019", "claims[1].answers[0].question"),
        ("W111", "questions[1]"),
        ("W112", "relations[5].type"),
        ("W113", "claims[1].hedge"),
        ("W114", "evidence[3].speaker"),
        ("W115", "relations[0].scheme"),
    ],
)
def test_findings_are_located(v2: Data, tmp_path: Path, code: str, path: str) -> None:
    TRIGGERS[code](v2)
    file = write_map(tmp_path, v2)
    (d,) = [d for d in argmap.check(argmap.load(file)) if d.code == code]
    assert d.path == path and d.line is not None and d.column is not None


# --- undercuts -------------------------------------------------------------------------------


def test_undercut_of_a_relation_id_is_no_dangling_endpoint(v2: Data) -> None:
    # The base map's undercut ends at 'r-dangerous', a relation id: E011 says nothing.
    assert "E011" not in codes(v2)


def test_undercut_from_a_missing_node_is_still_dangling(v2: Data) -> None:
    _rel(v2, **{"from": "ghost", "to": "r-dangerous", "type": "undercuts"})
    d = only(v2, "E011")
    assert d.path == "relations[5].from" and codes(v2) == ["E011"]


def test_undercut_to_a_source_id_says_what_it_is(v2: Data) -> None:
    _rel(v2, **{"from": "report-biased", "to": "press", "type": "undercuts"})
    assert "('press' is a source)" in only(v2, "E016").message


@pytest.mark.parametrize(
    ("aim", "words"),
    [
        ("ev-dangerous", "'ev-dangerous' is evidence, not a relation"),
        (
            "r-insult",
            "relation 'r-insult' (insults) denies nothing, so there is nothing to undercut",
        ),
        (
            "r-undercut",
            "relation 'r-undercut' is itself an undercut, which cannot be undercut: "
            "rebut 'report-biased', where it starts, instead",
        ),
    ],
)
def test_undercut_at_what_cannot_be_undercut(v2: Data, aim: str, words: str) -> None:
    v2["relations"][2]["id"] = "r-undercut"
    v2["relations"][4]["id"] = "r-insult"
    _rel(v2, **{"from": "dumas-incompetent", "to": aim, "type": "undercuts"})
    assert codes(v2) == ["E017"] and only(v2, "E017").message.startswith(words)


def test_undercut_aimed_at_itself_is_one_error(v2: Data) -> None:
    _rel(v2, id="r-self", **{"from": "report-biased", "to": "r-self", "type": "undercuts"})
    assert codes(v2) == ["E017"]


def test_undercut_aimed_at_a_rebuts_is_fine(v2: Data) -> None:
    _rel(v2, id="r-rebut", **{"from": "report-biased", "to": "dangerous", "type": "rebuts"})
    _rel(v2, **{"from": "dumas-incompetent", "to": "r-rebut", "type": "undercuts"})
    assert codes(v2) == []


@settings(max_examples=200, deadline=None)
@given(tangled_maps())
def test_every_undercut_that_misses_gets_one_error(m: argmap.ArgumentMap) -> None:
    diags = argmap.check(m, select=["E011", "E016", "E017"])
    at = {(d.code, d.path) for d in diags}
    nodes = {c.id for c in m.claims} | {e.id for e in m.evidence}
    first: dict[str, argmap.Relation] = {}
    for rel in m.relations:
        if rel.id is not None:
            first.setdefault(rel.id, rel)
    for i, rel in enumerate(m.relations):
        if rel.type is not argmap.RelationType.UNDERCUTS:
            continue
        path = f"relations[{i}].to"
        errors = {c for c, p in at if p == path}
        aimed = first.get(rel.target)
        if aimed is not None and aimed.type.value in ("supports", "rebuts"):
            assert errors == set()
        elif aimed is None and rel.target not in nodes:
            assert errors == {"E016"}
        else:
            assert errors == {"E017"}


# --- relation ids, questions, parties --------------------------------------------------------


@pytest.mark.parametrize(
    ("ident", "other"),
    [("dangerous", "claims[0]"), ("ev-biased", "evidence[1]"), ("q-safe", "questions[0]")],
)
def test_relation_id_may_not_be_another_elements_id(v2: Data, ident: str, other: str) -> None:
    v2["relations"][1]["id"] = ident
    assert codes(v2) == ["E018"]
    assert f"is also the id of {other}" in only(v2, "E018").message


def test_distinct_relation_ids_are_fine(v2: Data) -> None:
    for k, rel in enumerate(v2["relations"][1:]):
        rel["id"] = f"r-{k}"
    assert codes(v2) == []


def test_answered_question_is_not_reported(v2: Data) -> None:
    v2["questions"].append({"id": "q-cost", "text": "Who pays?"})
    v2["claims"][1]["answers"] = [{"question": "q-cost", "stance": "the city"}]
    assert codes(v2) == []


@pytest.mark.parametrize("where", ["source", "evidence"])
def test_unknown_reporter(v2: Data, where: str) -> None:
    if where == "source":
        v2["sources"][0]["reporter"] = "nobody"
        path = "sources[0].reporter"
    else:
        v2["evidence"][2]["reporter"] = "nobody"
        path = "evidence[2].reporter"
    d = only(v2, "E013")
    assert d.path == path and d.message == "unknown party 'nobody'"


def test_known_reporter_is_fine(v2: Data) -> None:
    v2["evidence"][2]["reporter"] = "marchand"
    assert codes(v2) == []


# --- schemes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "scheme",
    [
        "ad hominem",
        "Ad Hominem",
        "ad-hominem",
        "ad_hominem",
        "circumstantial ad hominem",
        "Ad hominem (abusive)",
        "tu quoque",
        "Tu-Quoque",
        "bias",
        "insult",
        "abusive",
        "poisoning the well",
    ],
)
def test_rebuttal_that_attacks_the_person_is_reported(v2: Data, scheme: str) -> None:
    _rel(v2, **{"from": "dumas-incompetent", "to": "dangerous", "type": "rebuts", "scheme": scheme})
    assert codes(v2) == ["W112"]


def test_the_same_attack_as_an_undercut_of_the_testimony_is_fine(v2: Data) -> None:
    # "Dumas is incompetent" says her word is not to be trusted: it undercuts the link
    # from her quote to her claim, and the rule is quiet.
    _rel(
        v2,
        **{
            "from": "dumas-incompetent",
            "to": "r-dangerous",
            "type": "undercuts",
            "scheme": "ad-hominem",
        },
    )
    assert codes(v2) == []


@pytest.mark.parametrize("kind", sorted(m.value for m in MOVES))
def test_the_same_attack_as_a_move_is_fine(v2: Data, kind: str) -> None:
    v2["relations"][4].update(type=kind, scheme="tu quoque")
    assert codes(v2) == []


def test_rebuttal_of_another_scheme_is_fine(v2: Data) -> None:
    _rel(
        v2,
        **{
            "from": "report-biased",
            "to": "dangerous",
            "type": "rebuts",
            "scheme": "Expert Opinion",
        },
    )
    assert codes(v2) == []


@pytest.mark.parametrize(
    ("scheme", "closest"),
    [
        ("expert opnion", "expert-opinion"),
        ("argument from analogie", "analogy"),
        ("cause to efect", "cause-to-effect"),
        ("tu quoqe", "tu-quoque"),
        ("position to knwo", "position-to-know"),
    ],
)
def test_unknown_scheme_suggests_the_closest(v2: Data, scheme: str, closest: str) -> None:
    v2["relations"][0]["scheme"] = scheme
    assert f"(closest known: {closest!r})" in only(v2, "W115").message


@pytest.mark.parametrize(
    "scheme",
    [
        "Argument from Expert Opinion",
        "argument from position to know",
        "Appeal to popular opinion",
        "witness_testimony",
        "Verbal Classification",
        "established rule",
        "inconsistent commitment",
    ],
)
def test_known_schemes_in_any_spelling_are_fine(v2: Data, scheme: str) -> None:
    v2["relations"][0]["scheme"] = scheme
    assert codes(v2) == []


def test_person_attacks_are_known_schemes() -> None:
    assert set(KNOWN_SCHEMES) >= PERSON_ATTACK_SCHEMES
    assert len(set(KNOWN_SCHEMES)) == len(KNOWN_SCHEMES)
    assert all(normalise_scheme(s) == s and closest_scheme(s) == s for s in KNOWN_SCHEMES)


_SPELLING = st.sampled_from(KNOWN_SCHEMES).flatmap(
    lambda s: st.tuples(
        st.just(s),
        st.lists(
            st.sampled_from([" ", "_", "-", " - "]), min_size=s.count("-"), max_size=s.count("-")
        ),
        st.lists(st.booleans(), min_size=len(s), max_size=len(s)),
    )
)


@given(_SPELLING)
def test_spelling_never_matters(spelling: tuple[str, list[str], list[bool]]) -> None:
    name, separators, upper = spelling
    parts = name.split("-")
    written = parts[0] + "".join(
        sep + part for sep, part in zip(separators, parts[1:], strict=True)
    )
    written = "".join(c.upper() if upper[k % len(upper)] else c for k, c in enumerate(written))
    assert normalise_scheme(written) == name
    assert normalise_scheme(normalise_scheme(written)) == name


# --- hedges ----------------------------------------------------------------------------------


@pytest.mark.parametrize("hedge", ["alleges", "reports", "implies"])
def test_hedged_claim_is_fine(v2: Data, hedge: str) -> None:
    v2["claims"][1]["hedge"] = hedge
    assert codes(v2) == []


def test_claim_stated_as_fact_on_an_implying_quote(v2: Data) -> None:
    v2["claims"][1]["hedge"] = "states"
    v2["evidence"][1]["hedge"] = "implies"
    assert only(v2, "W113").message == "the source only implies this (ev-biased): hedge the claim"


@pytest.mark.parametrize("hedge", ["states", "reports", None])
def test_claim_stated_as_fact_on_a_surer_quote_is_fine(v2: Data, hedge: str | None) -> None:
    v2["claims"][1]["hedge"] = "states"
    v2["evidence"][1]["hedge"] = hedge  # None: 'reports', as it conveys Batiroc's words
    assert codes(v2) == []


def test_one_surer_quote_is_enough(v2: Data) -> None:
    v2["claims"][1]["hedge"] = "states"
    v2["evidence"].append(
        {"id": "ev-lab", "source": "press", "quote": "relu par un laboratoire public"}
    )
    _rel(v2, **{"from": "ev-lab", "to": "report-biased", "type": "supports"})
    assert codes(v2) == []


def test_claim_stated_as_fact_on_quotes_of_two_sources(v2: Data) -> None:
    v2["sources"].append(
        {"id": "note", "title": "Note", "language": "fr", "text": "Batiroc aurait triché."}
    )
    v2["evidence"].append(
        {"id": "ev-note", "source": "note", "quote": "Batiroc aurait triché", "hedge": "alleges"}
    )
    _rel(v2, **{"from": "ev-note", "to": "report-biased", "type": "supports"})
    v2["claims"][1]["hedge"] = "states"
    assert only(v2, "W113").message == (
        "the sources only allege this (ev-biased, ev-note): hedge the claim"
    )


# --- narration given a speaker ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        # the reporter's own narration, with no speaker: fine
        ("Claire Dumas répond en tentant de démontrer que Batiroc a mal construit le pont", []),
        # the speaker is the reporter
        ("Claire Dumas répond en tentant de démontrer", ["marchand"]),
        # the speaker's words in quotation marks
        ("« Le pont était dangereux », affirme-t-elle", ["dumas"]),
        # the speaker is not named
        ("Le rapport aurait été relu par un laboratoire public", ["dumas"]),
        # the quote gives what follows as the speaker's: "selon X"
        ("Selon Batiroc, le rapport ne serait pas indépendant", ["batiroc"]),
        # a verb of saying or thinking reports the speaker's position
        ("Claire Dumas reproche à Batiroc de ne pas respecter le contrat", ["dumas"]),
        ("Paul Verdier estimait que le rapport était faux", ["verdier"]),
        ("Batiroc a décrit la fermeture comme abusive", ["batiroc"]),
        ("Claire Dumas a accusé Batiroc de négligence", ["dumas"]),
        ("Paul Verdier met en garde contre une fermeture hâtive", ["verdier"]),
        # ... also when the name comes a few words later, and has several words
        ("Selon son directeur général, Paul Verdier, le pont est sûr", ["verdier"]),
        # first person: the speaker's own words
        ("Je suis fier de ce pont, dit Paul Verdier", ["verdier"]),
    ],
)
def test_quotes_that_are_not_narration_given_a_speaker(
    v2: Data, quote: str, speaker: list[str]
) -> None:
    _quote(v2, quote, speaker=speaker)
    assert "W114" not in codes(v2)


@pytest.mark.parametrize(
    ("quote", "speaker", "named"),
    [
        ("Claire Dumas répond en tentant de démontrer", ["dumas"], "Claire Dumas"),
        # the surname is enough
        ("Dumas a fermé le pont sans attendre", ["dumas"], "Claire Dumas"),
        ("a mal construit le pont. Paul Verdier traite", ["verdier", "dumas"], "Paul Verdier"),
        # an organisation
        ("que Batiroc a mal construit le pont", ["batiroc"], "Batiroc"),
        # two named speakers
        (
            "Claire Dumas répond en tentant de démontrer que Batiroc a mal construit le pont",
            ["dumas", "batiroc"],
            "Claire Dumas and Batiroc",
        ),
    ],
)
def test_narration_given_a_speaker(v2: Data, quote: str, speaker: list[str], named: str) -> None:
    _quote(v2, quote, speaker=speaker)
    assert f"narration about {named}:" in only(v2, "W114").message


def test_narration_by_someone_else_than_the_narrator_is_left_alone(v2: Data) -> None:
    # The quote's own reporter is not the source's narrator (an interview inside an
    # article, say): what it says of others is not the narrator's.
    _quote(v2, "Claire Dumas répond en tentant de démontrer", speaker=["dumas"], reporter="verdier")
    assert "W114" not in codes(v2)


def test_without_a_reporter_author_parties_are_the_narrators(v2: Data) -> None:
    del v2["sources"][0]["reporter"]
    _quote(v2, "Par Julie Marchand", speaker=["marchand"])
    assert "W114" not in codes(v2)
    _quote(v2, "Paul Verdier traite la maire", speaker=["verdier"])
    assert "W114" in codes(v2)


def test_possessive_names_someone_else() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "parties": [{"id": "lawyers", "name": "Elon Musk's lawyers", "kind": "group"}],
            "sources": [{"id": "s", "title": "S", "text": "Musk a parlé."}],
            "evidence": [
                {"id": "e", "source": "s", "quote": "Musk a parlé", "speaker": ["lawyers"]}
            ],
        }
    )
    assert not argmap.check(m, select=["W114"])


# --- moves that deny nothing are no attacks --------------------------------------------------


@pytest.mark.parametrize("kind", sorted(m.value for m in MOVES))
def test_a_move_beside_a_support_is_no_contradiction(v2: Data, kind: str) -> None:
    _rel(v2, **{"from": "ev-dangerous", "to": "dangerous", "type": kind})
    assert codes(v2) == []


@pytest.mark.parametrize("kind", sorted(m.value for m in MOVES))
def test_a_move_between_a_partys_claims_is_no_self_contradiction(v2: Data, kind: str) -> None:
    v2["claims"][2]["asserted_by"] = ["verdier", "dumas"]
    v2["relations"][4]["type"] = kind
    assert codes(v2) == []


def test_a_quote_that_only_undercuts_is_linked(v2: Data) -> None:
    v2["evidence"].append(
        {"id": "ev-lab", "source": "press", "quote": "relu par un laboratoire public"}
    )
    _rel(v2, **{"from": "ev-lab", "to": "r-dangerous", "type": "undercuts"})
    assert codes(v2) == []


@st.composite
def maps_with_moves(draw: st.DrawFn) -> tuple[argmap.ArgumentMap, argmap.ArgumentMap]:
    m = draw(tangled_maps())
    nodes = [c.id for c in m.claims] + [e.id for e in m.evidence]
    if not nodes:
        return m, m
    moves = draw(
        st.lists(
            st.tuples(
                st.sampled_from(nodes), st.sampled_from(nodes), st.sampled_from(sorted(MOVES))
            ),
            max_size=6,
        )
    )
    data = m.to_json_data()
    data["relations"] = data.get("relations", []) + [
        {"from": u, "to": v, "type": t.value} for u, v, t in moves
    ]
    return m, argmap.ArgumentMap.model_validate(data)


#: The rules about attacks, support and what links what: a move changes none of them.
_ATTACK_RULES = ["E015", "E016", "E017", "W101", "W102", "W103", "W104", "W105", "W112", "W113"]


@settings(max_examples=200, deadline=None)
@given(maps_with_moves())
def test_moves_never_count_as_attacks(maps: tuple[argmap.ArgumentMap, argmap.ArgumentMap]) -> None:
    without, with_moves = maps

    def found(m: argmap.ArgumentMap) -> set[tuple[str, str | None, str | None]]:
        return {(d.code, d.subject, d.path) for d in argmap.check(m, select=_ATTACK_RULES)}

    extra = found(with_moves) - found(without)
    # Only W102 can go, never come: a quote linked by a move is linked.
    assert extra == set()
    assert {f for f in found(without) - found(with_moves) if f[0] != "W102"} == set()


# --- the bundled map -------------------------------------------------------------------------

_MARKS = re.compile(r"[«»“”„\"]|‘[^’]*’")


def test_bundled_map_narration_quotes() -> None:
    m = argmap.load(ROOT / "data" / "claims.json")
    assert [d.format() for d in argmap.check(m, select=["W114"])] == []
    quotes = {e.id: e for e in m.evidence}
    # The journalist's and the note's own narration names no speaker: a heading, an
    # account of someone's answer, a fact, the note's reading of someone's feelings.
    for ev in (
        "ev-charlot-altman-answers",
        "ev-charlot-musk-wanted-to-run-openai",
        "ev-note-cofounded-2015-nonprofit",
        "ev-note-musk-resigned-2018",
        "ev-note-still-angry",
        "ev-note-little-finger-implies",
    ):
        assert quotes[ev].speaker == [], ev
    # Reported words and positions do, with their reporter beside them.
    for ev, speaker in (
        ("ev-charlot-musk-reproach", "elon-musk"),
        ("ev-note-betrayed-nonprofit-mission", "elon-musk"),
        ("ev-charlot-less-avowed-intentions-2017", "openai-leaders"),
        ("ev-note-insecurity", "sam-altman"),
    ):
        assert speaker in quotes[ev].speaker, ev
        assert m.reporter_of(quotes[ev]) in {"christophe-charlot", "grok-note"}
    assert not _MARKS.search(quotes["ev-charlot-musk-reproach"].quote)


def test_bundled_map_has_no_errors_with_the_new_rules() -> None:
    m = argmap.load(ROOT / "data" / "claims.json")
    assert [d.format() for d in argmap.check(m, select=["E"])] == []


# --- the engine ------------------------------------------------------------------------------


def test_rules_are_listed_in_code_order() -> None:
    assert list(RULES) == sorted(RULES)


def test_public_names_are_importable_from_the_package() -> None:
    for name in argmap.checks.__all__:
        assert getattr(argmap.checks, name) is not None
    assert {"RULES", "Context", "Finding", "Rule", "check", "evidence_behind", "rule"} <= set(
        argmap.checks.__all__
    )


def test_example_map_of_the_readme() -> None:
    m = argmap.load(ROOT / "tests" / "data" / "checks-v2.json")
    assert [d.code for d in argmap.check(m)] == ["W113", "W114", "W112", "E017", "W115"]
