"""Verdicts on claims (status) and their explanations, library and command line."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.explain import dispute_tree, explain
from argmap.semantics import Framework, acceptance, grounded, grounded_labelling
from argmap.status import SEMANTICS, VERDICT_WORDS, base_scores, claim_statuses, node_statuses
from conftest import ROOT, tangled_maps, write_map

BUNDLED = ROOT / "data" / "claims.json"
Data = dict[str, Any]


def verdicts(data: Data, **kw: Any) -> dict[str, str]:
    m = argmap.ArgumentMap.model_validate(data)
    return {s.id: s.verdict for s in claim_statuses(m, **kw)}


def test_rebuttal_of_a_rebuttal_reinstates(base: Data) -> None:
    assert verdicts(base) == {"betrayal": "answered", "control": "holds"}
    base["relations"].append({"from": "ev-betrayal", "to": "control", "type": "rebuts"})
    assert verdicts(base) == {"betrayal": "holds", "control": "answered"}


def test_mutual_rebuttal_is_contested_and_in_some_reading(base: Data) -> None:
    base["relations"].append({"from": "betrayal", "to": "control", "type": "rebuts"})
    m = argmap.ArgumentMap.model_validate(base)
    statuses = claim_statuses(m, semantics="preferred")
    assert {s.verdict for s in statuses} == {"contested"}
    assert all(s.some_reading and not s.every_reading for s in statuses)
    assert "answered in turn" in statuses[0].reason
    with pytest.raises(ValueError, match="unknown semantics"):
        claim_statuses(m, semantics="naive")


def test_strength_uses_source_reliability(base: Data) -> None:
    m = argmap.ArgumentMap.model_validate(base)
    assert base_scores(m)["ev-note"] == 0.3 and base_scores(m)["ev-control"] == 0.8
    by_id = {s.id: s for s in claim_statuses(m, with_strength=True)}
    assert by_id["control"].strength is not None and by_id["betrayal"].strength is not None
    assert by_id["control"].strength > 0.5 > by_id["betrayal"].strength


# --- the behaviour the model exists for --------------------------------------------------

JOURNALISM: Data = {
    "parties": [
        {"id": "cc", "name": "Christophe Charlot", "kind": "author"},
        {"id": "musk", "name": "Elon Musk"},
        {"id": "oai", "name": "OpenAI's leaders", "kind": "group"},
    ],
    "sources": [
        {
            "id": "press",
            "title": "Article",
            "kind": "news-article",
            "language": "fr",
            "reporter": "cc",
            "text": "OpenAI agit comme une entreprise lucrative. "
            "Selon OpenAI, Musk aurait voulu diriger OpenAI.",
        }
    ],
    "claims": [
        {"id": "mission", "text": "OpenAI abandoned its mission.", "asserted_by": ["musk"]},
        {"id": "control", "text": "Musk wanted to run OpenAI.", "asserted_by": ["oai"]},
    ],
    "evidence": [
        {
            "id": "q-profit",
            "source": "press",
            "quote": "OpenAI agit comme une entreprise lucrative",
        },
        {
            "id": "q-control",
            "source": "press",
            "quote": "Musk aurait voulu diriger OpenAI",
            "speaker": ["oai"],
            "hedge": "alleges",
        },
    ],
    "relations": [
        {"id": "r-basis", "from": "q-profit", "to": "mission", "type": "supports"},
        {"id": "r-musk", "from": "musk", "to": "mission", "type": "supports"},
        {"from": "q-control", "to": "control", "type": "supports"},
    ],
}


def journalism(extra: list[Data]) -> argmap.ArgumentMap:
    data = copy.deepcopy(JOURNALISM)
    data["relations"] = [r for r in data["relations"] if r["from"] != "musk"]
    data["relations"].extend(extra)
    return argmap.ArgumentMap.model_validate(data)


def test_press_evidence_holds_against_an_ad_hominem_modelled_as_an_undercut() -> None:
    # The attack on Musk's motives undercuts the weight of his word, not the claim;
    # the claim rests on the journalist's own statement, so it holds.
    m = journalism(
        [
            {"id": "r-testimony", "from": "q-profit", "to": "mission", "type": "supports"},
            {"from": "control", "to": "r-testimony", "type": "undercuts", "scheme": "ad-hominem"},
        ]
    )
    by_id = {s.id: s for s in claim_statuses(m)}
    assert by_id["mission"].verdict == "holds"
    assert by_id["control"].verdict == "holds"


def test_the_same_ad_hominem_as_a_rebuttal_brings_the_claim_down() -> None:
    m = journalism([{"from": "control", "to": "mission", "type": "rebuts", "scheme": "ad-hominem"}])
    by_id = {s.id: s for s in claim_statuses(m)}
    assert by_id["mission"].verdict == "answered"
    assert by_id["mission"].reason == "answered by control, which holds"
    # ... and the check says what is wrong with the model.
    (w,) = [d for d in argmap.check(m) if d.code == "W112"]
    assert w.message.startswith("attacks the arguer, not the claim: make it undercut")
    undercut = journalism(
        [
            {"id": "r-testimony", "from": "q-profit", "to": "mission", "type": "supports"},
            {"from": "control", "to": "r-testimony", "type": "undercuts", "scheme": "ad-hominem"},
        ]
    )
    assert not [d for d in argmap.check(undercut) if d.code == "W112"]


def test_moves_that_deny_nothing_do_not_count() -> None:
    for move in ("counter-accuses", "insults", "contrasts"):
        m = journalism([{"from": "control", "to": "mission", "type": move}])
        by_id = {s.id: s for s in claim_statuses(m)}
        assert by_id["mission"].verdict == "holds" and by_id["mission"].unrebutted
        assert f"control ({move})" in explain(m, "mission")


def test_a_claim_nothing_supports_is_unsupported() -> None:
    data = copy.deepcopy(JOURNALISM)
    data["claims"].append({"id": "bare", "text": "Musk is a genius.", "asserted_by": ["musk"]})
    m = argmap.ArgumentMap.model_validate(data)
    s = {s.id: s for s in claim_statuses(m)}["bare"]
    assert (s.verdict, s.label, s.quotes) == ("unsupported", "out", 0)
    assert s.reason == "nothing supports it: no quote or claim backs it"
    # An attack from an unsupported claim does not count.
    data["relations"].append({"from": "bare", "to": "control", "type": "rebuts"})
    m = argmap.ArgumentMap.model_validate(data)
    assert {s.id: s.verdict for s in claim_statuses(m)}["control"] == "holds"
    # Read as argmap 0.1 did (Dung's framework of the rebuttals), it stands.
    assert {s.id: s.verdict for s in claim_statuses(m, support=False)}["bare"] == "holds"


def test_a_hedged_allegation_prints_with_its_asserter_and_hedge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = journalism([])
    s = {s.id: s for s in claim_statuses(m)}["control"]
    assert s.line == "According to OpenAI's leaders (reportedly): Musk wanted to run OpenAI."
    assert s.hedge == "alleges" and s.asserted_by == ["oai"]
    path = write_map(tmp_path, m.to_json_data())
    assert main(["status", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  According to OpenAI's leaders (reportedly): Musk wanted to run OpenAI." in out
    assert main(["explain", str(path), "control"]) == 0
    out = capsys.readouterr().out
    assert "« Musk aurait voulu diriger OpenAI » — Christophe Charlot, reporting OpenAI's" in out
    tree = dispute_tree(m, "control")
    quote = tree["children"][0]["node"]
    assert quote["credit"] == "Christophe Charlot, reporting OpenAI's leaders (reportedly)"
    assert quote["hedge"] == "alleges" and quote["where"] == "press:1:59"


def test_preference_by_reliability_changes_what_it_should() -> None:
    data = copy.deepcopy(JOURNALISM)
    data["sources"].append(
        {"id": "note", "title": "Note", "kind": "ai-generated", "text": "Non, pas du tout."}
    )
    data["claims"].append({"id": "denial", "text": "It did not.", "asserted_by": ["oai"]})
    data["evidence"].append({"id": "q-denial", "source": "note", "quote": "pas du tout"})
    data["relations"] += [
        {"from": "q-denial", "to": "denial", "type": "supports"},
        {"from": "denial", "to": "mission", "type": "rebuts"},
    ]
    m = argmap.ArgumentMap.model_validate(data)
    plain = {s.id: s for s in claim_statuses(m)}
    weighed = {s.id: s for s in claim_statuses(m, preference="reliability")}
    assert plain["mission"].verdict == "answered"
    assert weighed["mission"].verdict == "holds"  # 0.3 (AI note) cannot defeat 0.8 (press)
    assert not weighed["mission"].unrebutted  # it is still rebutted, only not defeated


def test_bundled_map_verdicts() -> None:
    statuses = {s.id: s for s in claim_statuses(argmap.load(BUNDLED))}
    assert {s.verdict for s in statuses.values()} <= set(VERDICT_WORDS)
    # The two accounts of the departure answer each other: contested.
    assert statuses["musk-departure-was-mutual"].verdict == "contested"
    assert statuses["musk-was-pushed-out"].verdict == "contested"
    # Every claim that holds is backed by at least one quote.
    assert all(s.quotes > 0 for s in statuses.values() if s.verdict == "holds")


def test_explain_is_short_by_default_and_whole_on_request() -> None:
    m = argmap.load(BUNDLED)
    for claim in m.claims:
        short = explain(m, claim.id).splitlines()
        assert len(short) <= 14, claim.id
        assert short[1].startswith(f"  {statuses_word(m, claim.id).upper()}: ")
        # each quote at most once
        quotes = [ln for ln in short if "« " in ln]
        assert len(quotes) == len(set(quotes))
    full = explain(m, "musk-was-pushed-out", full=True).splitlines()
    assert full[1].startswith("  CONTESTED")
    assert any(
        ln.startswith("  + supported by ev-note-pushed-out [holds]: «")
        and ln.endswith("grok-note-2025:17:430")
        for ln in full
    )
    assert any("- attacked by musk-departure-was-mutual [contested]" in ln for ln in full)
    assert any("(a cycle: it is already on this path)" in ln for ln in full)
    with pytest.raises(KeyError):
        explain(m, "no-such-claim")


def statuses_word(m: argmap.ArgumentMap, claim_id: str) -> str:
    return node_statuses(m)[claim_id].verdict


def test_status_cli(tmp_path: Path, base: Data, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_map(tmp_path, base)
    assert main(["status", str(path), "--strength"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: 1 holds, 1 answered of 2 claims (grounded semantics)")
    assert "not whether a claim is true" in out
    assert "control  [HOLDS, unrebutted, 2 quotes, strength " in out
    assert "  According to OpenAI: Musk wanted to control OpenAI." in out
    assert "  why: answered by control, which holds" in out
    assert main(["status", str(path), "--format", "json", "--semantics", "stable"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["verdict"], c["in_every_reading"]) for c in data["claims"]] == [
        ("betrayal", "answered", False),
        ("control", "holds", True),
    ]
    assert set(data["verdicts"]) == set(VERDICT_WORDS)


def test_status_cli_on_a_framework_file_speaks_of_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    af = tmp_path / "f.af"
    af.write_text("p af 2\n1 2\n")
    assert main(["status", str(af)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{af}: 1 holds, 1 answered of 2 arguments")
    assert main(["status", str(af), "--preference", "reliability"]) == 2
    assert "--preference needs a map" in capsys.readouterr().err


def test_explain_cli(tmp_path: Path, base: Data, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_map(tmp_path, base)
    assert main(["explain", str(path), "betrayal"]) == 0
    out = capsys.readouterr().out
    assert "ANSWERED: answered by control, which holds." in out
    assert main(["explain", str(path), "betray"]) == 2
    assert "did you mean: betrayal" in capsys.readouterr().err
    assert main(["explain", str(path), "betrayal", "--format", "json"]) == 0
    tree = json.loads(capsys.readouterr().out)["tree"]
    assert tree["verdict"] == "answered"
    assert [c["relation"] for c in tree["children"]] == ["supported by", "attacked by"]


# --- properties ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(tangled_maps(), st.sampled_from(SEMANTICS))
def test_statuses_are_the_semantics_of_the_maps_graph(
    m: argmap.ArgumentMap, semantics: str
) -> None:
    # The statuses are worked out from plain lists; they must be what the semantics say
    # of the map's networkx graph (repeated ids, dangling, repeated and undercut
    # relations, self-rebuttals included) ...
    G = argmap.to_graph(m)
    fw = Framework.from_graph(G)
    labels = grounded(fw).by_name()
    statuses = claim_statuses(m, semantics=semantics)
    assert [s.id for s in statuses] == [n for n, k in G.nodes(data="kind") if k == "claim"]
    for s in statuses:
        assert s.text == G.nodes[s.id]["text"]
        assert s.label == labels[s.id].value
        assert s.unrebutted == all(
            G.edges[u, s.id]["type"] != "rebuts" for u in G.predecessors(s.id)
        )
    # ... and, read without support, with no undercut, Dung's semantics of the rebuttals.
    if not any(r.type.value == "undercuts" for r in m.relations):
        dung = grounded_labelling(G)
        accepted = acceptance(G, semantics)
        for s in claim_statuses(m, semantics=semantics, support=False):
            assert s.label == dung[s.id].value
            assert (s.some_reading, s.every_reading) == (
                accepted[s.id].credulous,
                accepted[s.id].sceptical,
            )


@settings(max_examples=150, deadline=None)
@given(tangled_maps())
def test_explain_any_node_states_its_verdict(m: argmap.ArgumentMap) -> None:
    statuses = node_statuses(m)
    for node, s in statuses.items():
        lines = explain(m, node, full=True, max_depth=3).splitlines()
        assert lines[1] == f"  {s.verdict.upper()}: {s.reason}."
        assert all(
            line.lstrip().startswith(("+ supported by", "- attacked by", "~ that link", "· "))
            for line in lines[2:]
        )
        short = explain(m, node).splitlines()
        assert short[1] == lines[1]


# --- the fast routes give what the plain definitions give --------------------------------


def _from_links(m: argmap.ArgumentMap) -> Framework:
    """A map's framework built from ``Links``, as it was before the one-pass build."""
    from argmap.graph import CLAIM, Links

    links = Links(m)
    index = {a: i for i, a in enumerate(links.kind, 1)}
    attacks, supports, support_keys = [], [], []
    number: dict[tuple[str, str], int] = {}
    for key, t in links.edges.items():
        if t == "rebuts":
            number[key] = len(attacks)
            attacks.append((index[key[0]], index[key[1]]))
        elif t == "supports":
            support_keys.append(key)
            supports.append((index[key[0]], index[key[1]]))
    for k, key in enumerate(support_keys):
        number[key] = len(attacks) + k
    undercuts = [(index[u], number[edge]) for u, edge in links.undercuts]
    kinds = {index[a]: k for a, k in links.kind.items()}
    needs = frozenset(i for i, k in kinds.items() if k == CLAIM)
    return Framework(list(index), attacks, supports, undercuts, needs, kinds)


@settings(max_examples=300, deadline=None)
@given(tangled_maps())
def test_a_maps_framework_follows_the_rules_of_links(m: argmap.ArgumentMap) -> None:
    fw, ref = Framework.from_map(m), _from_links(m)
    assert (fw.names, fw.attacks, fw.supports, fw.undercuts) == (
        ref.names,
        ref.attacks,
        ref.supports,
        ref.undercuts,
    )
    assert (fw.kinds, fw.needs_support) == (ref.kinds, ref.needs_support)


_NAME = st.text(st.sampled_from('ab -\u00e9"\\\n\t\u2028'), min_size=0, max_size=12)


@st.composite
def plain_frameworks(draw: st.DrawFn, names: st.SearchStrategy[Any] = _NAME) -> Framework:
    if draw(st.booleans()):  # as an ICCMA file numbers them
        args: list[Any] = list(range(1, draw(st.integers(0, 9)) + 1))
    else:
        args = draw(st.lists(names, max_size=9, unique=True))
    if not args:
        return Framework.from_attacks([], [])
    pairs = st.tuples(st.sampled_from(args), st.sampled_from(args))
    return Framework.from_attacks(args, draw(st.lists(pairs, max_size=20)))


@settings(max_examples=300, deadline=None)
@given(plain_frameworks(st.integers(1, 12)))
def test_verdicts_of_a_plain_framework_are_their_definition(fw: Framework) -> None:
    from argmap.status import verdicts

    node = grounded(fw).nodes
    found = verdicts(fw)
    assert len(found) == fw.n + 1
    for i in range(1, fw.n + 1):
        attackers = [u for u, v in fw.attacks if v == i]
        v = found[i]
        assert (v.word, str(v.label)) == {
            1: ("holds", "in"),
            2: ("answered", "out"),
            0: ("contested", "undec"),
        }[node[i]]
        if node[i] == 1:
            assert v.deciders == ()
            assert v.reason == (
                "every attack on it is answered" if attackers else "nothing that counts attacks it"
            )
            continue
        deciders = [u for u in attackers if node[u] == (1 if node[i] == 2 else 0)]
        assert v.deciders == tuple(deciders) and deciders
        names = [str(fw.name(u)) for u in deciders]
        who = names[0] if len(names) == 1 else ", ".join(names[:3][:-1]) + " and " + names[:3][-1]
        if len(names) > 3:
            who = ", ".join(names[:3]) + f" and {len(names) - 3} more"
        assert v.reason == (
            f"answered by {who}, which {'holds' if len(names) == 1 else 'hold'}"
            if node[i] == 2
            else f"left open by {who}, answered in turn (a cycle)"
        )


def _old_listing(statuses: list[argmap.ClaimStatus], semantics: str) -> list[str]:
    """The listing as it was written status by status, with textwrap-faithful wraps."""
    from argmap.cli.common import wrap

    out: list[str] = []
    for s in statuses:
        tags = [s.verdict.upper()]
        if s.unrebutted:
            tags.append("unrebutted")
        if s.kind == "claim":
            tags.append(f"{s.quotes} quote" + ("" if s.quotes == 1 else "s"))
        if semantics != "grounded":
            tags.append(
                "in every reading"
                if s.every_reading
                else "in some reading"
                if s.some_reading
                else "in no reading"
            )
        if s.strength is not None:
            tags.append(f"strength {s.strength:.2f}")
        out.append(f"{s.id}  [{', '.join(tags)}]")
        out.extend(wrap(s.line, 88, "  ", "  "))
        out.extend(wrap(f"why: {s.reason}", 88, "  ", "    "))
    return out


_LONG = st.text(st.sampled_from("ab  -\u00e9\t"), min_size=0, max_size=200)


@settings(max_examples=200, deadline=None)
@given(plain_frameworks(_NAME | _LONG), st.sampled_from(SEMANTICS), st.booleans())
def test_listing_and_json_of_a_framework_are_those_of_its_statuses(
    fw: Framework, semantics: str, scored: bool
) -> None:
    from argmap.cli.common import dump_json
    from argmap.cli.status_cmd import _json, _listing
    from argmap.status import StatusTable, status_table, statuses_of

    scores = [k / 7 for k in range(fw.n)] if scored else None
    table = status_table(fw, semantics=semantics, scores=scores)
    statuses = statuses_of(fw, semantics=semantics, scores=scores)
    assert table.rows() == statuses and StatusTable.of(statuses) == table._replace(
        asserted_by=[[] for _ in statuses]
    )
    assert "\n".join(_listing(table, semantics)) == "\n".join(_old_listing(statuses, semantics))
    head = {"file": "f.af", "semantics": semantics, "preference": None, "verdicts": {"x": "y"}}
    whole = dump_json({**head, "arguments": [s.to_dict() for s in statuses]})
    assert _json(head, "arguments", table) == whole


@settings(max_examples=100, deadline=None)
@given(tangled_maps(), st.booleans())
def test_listing_and_json_of_a_map_are_those_of_its_statuses(
    m: argmap.ArgumentMap, scored: bool
) -> None:
    from argmap.cli.common import dump_json
    from argmap.cli.status_cmd import _json, _listing
    from argmap.status import StatusTable

    # Asserters with odd names, hedges and long texts, for the lines that wrap.
    parties = [{"id": "p", "name": "A  B"}, {"id": "q", "name": "Q\u00e9 " * 20}]
    claims = [
        {**c.model_dump(by_alias=True, exclude_none=True), "asserted_by": ["p", "q"][: k % 3]}
        | ({"hedge": "alleges"} if k % 2 else {"text": c.text * 9})
        for k, c in enumerate(m.claims)
    ]
    data = {**m.to_json_data(), "parties": parties, "claims": claims}
    m = argmap.ArgumentMap.model_validate(data)
    statuses = claim_statuses(m, with_strength=scored)
    table = StatusTable.of(statuses)
    assert table.rows() == statuses
    assert "\n".join(_listing(table, "grounded")) == "\n".join(_old_listing(statuses, "grounded"))
    head = {"file": "m.json", "semantics": "grounded", "preference": None, "verdicts": {}}
    whole = dump_json({**head, "claims": [s.to_dict() for s in statuses]})
    assert _json(head, "claims", table) == whole


# --- argmap status --extensions ------------------------------------------------------

_FIVE = """p af 5
# 1 and 2 attack each other; 2 attacks 3; 4 attacks itself and 5
1 2
2 1
2 3
4 4
4 5
"""


def _extension_block(out: str) -> list[str]:
    """The lines --extensions adds at the end of the text listing."""
    return out.rstrip("\n").split("\n\n")[-1].split("\n")


@pytest.mark.parametrize(
    ("semantics", "block"),
    [
        ("grounded", ["1 grounded extension:", "  {}"]),
        ("complete", ["3 complete extensions:", "  {2}", "  {1, 3}", "  {}"]),
        ("preferred", ["2 preferred extensions:", "  {2}", "  {1, 3}"]),
        ("stable", ["no stable extension"]),
    ],
)
def test_extensions_of_a_framework_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], semantics: str, block: list[str]
) -> None:
    af = tmp_path / "fw.i23"
    af.write_text(_FIVE)
    assert main(["status", str(af), "--semantics", semantics, "--extensions"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{af}: ")  # the statuses first, as without --extensions
    assert _extension_block(out) == block
    assert (
        main(["status", str(af), "--semantics", semantics, "--extensions", "--format", "json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    listed = [line.strip("{} ").split(", ") for line in block[1:]]
    assert data["extensions"] == [[a for a in ext if a] for ext in listed]
    assert data["extension_count"] == len(listed) and data["extensions_left_out"] == 0
    assert len(data["arguments"]) == 5


def test_extensions_are_limited_and_the_rest_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    af = tmp_path / "fw.af"  # three independent mutual attacks: 2 ** 3 preferred extensions
    af.write_text("p af 6\n1 2\n2 1\n3 4\n4 3\n5 6\n6 5\n")
    args = ["status", str(af), "--semantics", "preferred", "--extensions", "--limit", "3"]
    assert main(args) == 0
    block = _extension_block(capsys.readouterr().out)
    assert block[0] == "8 preferred extensions, the first 3 listed:"
    assert len(block) == 5 and all(line.startswith("  {") for line in block[1:4])
    assert block[4] == "  ... and 5 more, not listed (--limit N lists more)"
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["extensions"]) == 3
    assert (data["extension_count"], data["extensions_left_out"]) == (8, 5)
    assert main([*args[:-1], "0"]) == 0
    assert _extension_block(capsys.readouterr().out) == [
        "8 preferred extensions, none listed",
        "  ... and 8 more, not listed (--limit N lists more)",
    ]


def test_extensions_past_the_counting_budget_are_a_lower_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.status

    monkeypatch.setattr(argmap.status, "COUNT_BUDGET", 6)  # 4 arguments each: counts 2, then stops
    af = tmp_path / "fw.af"
    af.write_text("p af 8\n1 2\n2 1\n3 4\n4 3\n5 6\n6 5\n7 8\n8 7\n")  # 16 stable ones
    args = ["status", str(af), "--semantics", "stable", "--extensions", "--limit", "1"]
    assert main(args) == 0
    block = _extension_block(capsys.readouterr().out)
    assert block[0] == "more than 3 stable extensions, the first 1 listed:"
    assert (
        block[-1]
        == "  ... and more than 2 more (not counted further), not listed (--limit N lists more)"
    )
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["extension_count"], data["extensions_left_out"]) == (None, 3)


def test_extensions_name_arguments_as_the_file_does(capsys: pytest.CaptureFixture[str]) -> None:
    frameworks = ROOT / "tests" / "data" / "frameworks"
    path = frameworks / "floating.apx"
    assert main(["status", str(path), "--semantics", "complete", "--extensions"]) == 0
    assert _extension_block(capsys.readouterr().out) == [
        "3 complete extensions:",
        "  {a, d}",
        "  {b, d}",
        "  {}",
    ]
    path = frameworks / "named.af"  # names from comments; a name with quotes is quoted
    assert main(["status", str(path), "--extensions", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["extensions"] == [
        ["musk-control", 'Musk\'s "sour grapes"', "42"]
    ]
    assert main(["status", str(path), "--extensions"]) == 0
    assert _extension_block(capsys.readouterr().out)[1] == (
        '  {musk-control, "Musk\'s \\"sour grapes\\"", 42}'
    )


def test_extensions_of_a_map_are_those_of_its_framework(
    tmp_path: Path, base: Data, capsys: pytest.CaptureFixture[str]
) -> None:
    base["relations"].append({"from": "betrayal", "to": "control", "type": "rebuts"})
    path = write_map(tmp_path, base)
    assert (
        main(["status", str(path), "--semantics", "preferred", "--extensions", "--format", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    found = [set(ext) for ext in data["extensions"]]
    assert data["extension_count"] == len(found) == 2
    for claim in data["claims"]:
        assert claim["in_some_reading"] == any(claim["id"] in ext for ext in found)
        assert claim["in_every_reading"] == all(claim["id"] in ext for ext in found)


def test_extensions_options_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    af = tmp_path / "fw.af"
    af.write_text(_FIVE)
    assert main(["status", str(af), "--limit", "3"]) == 2
    assert "--limit goes with --extensions" in capsys.readouterr().err
    assert main(["status", str(af), "--extensions", "--limit", "-1"]) == 2
    assert "--limit must be 0 or more, not -1" in capsys.readouterr().err
    assert main(["status", str(af), "--format", "json"]) == 0  # no extension keys unasked
    assert not any(key.startswith("extension") for key in json.loads(capsys.readouterr().out))


@settings(max_examples=150, deadline=None)
@given(plain_frameworks(), st.sampled_from(SEMANTICS))
def test_extension_listing_agrees_with_the_readings(fw: Framework, semantics: str) -> None:
    from argmap.semantics.acceptance import accept
    from argmap.status import extension_listing

    listing = extension_listing(fw, semantics, limit=10_000)
    assert listing.total == len(listing.extensions) and listing.left_out == 0
    found = [set(ext) for ext in listing.extensions]
    assert len({frozenset(ext) for ext in found}) == len(found)
    for i, a in enumerate(accept(fw, semantics)[1:], 1):
        name = fw.name(i)
        assert a.credulous == any(name in ext for ext in found)
        if found:
            assert a.sceptical == all(name in ext for ext in found)
    few = extension_listing(fw, semantics, limit=1)
    assert few.extensions == listing.extensions[:1]
    assert few.left_out == len(found) - len(few.extensions) and few.total == len(found)
