"""The bundled map of the Musk / Altman dispute: its quotes, sources and the links that matter."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap.diagnostics import Severity
from argmap.model import ID_PATTERN, ArgumentMap, Evidence, RelationType, SourceKind
from argmap.provenance import find_quote

DATA = Path(__file__).resolve().parents[1] / "data"
MAP_PATH = DATA / "claims.json"

ARTICLE = "charlot-2024"
NOTE = "grok-note-2025"
SIDES = ("musk", "openai")


@cache
def raw() -> dict:
    return json.loads(MAP_PATH.read_text(encoding="utf-8"))


@cache
def bundled() -> ArgumentMap:
    return ArgumentMap.model_validate(raw())


@cache
def source_text(source_id: str) -> str:
    src = bundled().source_by_id()[source_id]
    assert src.path is not None
    # bytes.decode keeps the text exactly as stored (no newline translation)
    return (DATA / src.path).read_bytes().decode("utf-8")


def party_sides(ids: list[str]) -> set[str]:
    parties = bundled().party_by_id()
    return {parties[p].side for p in ids if p in parties and parties[p].side}


def node_sides(node_id: str) -> set[str]:
    m = bundled()
    claims, evidence = m.claim_by_id(), m.evidence_by_id()
    if node_id in claims:
        return party_sides(claims[node_id].asserted_by)
    return party_sides(evidence[node_id].speaker)


def relations(kind: RelationType) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in bundled().relations if r.type is kind}


def evidence_behind(claim_id: str) -> set[str]:
    """Evidence from which a chain of 'supports' links leads to the claim."""
    m = bundled()
    G = nx.DiGraph(relations(RelationType.SUPPORTS))
    if claim_id not in G:
        return set()
    return nx.ancestors(G, claim_id) & set(m.evidence_by_id())


# --- the file and its sources ----------------------------------------------------------------


def test_map_validates_with_expected_header() -> None:
    data = raw()
    m = bundled()
    assert data["$schema"] == "../schema/argmap.schema.json"
    assert (MAP_PATH.parent / data["$schema"]).resolve().is_file()
    assert data["argmap"] == m.argmap == "2"
    assert m.language == "en"
    # Each source names the party whose voice its narration is.
    assert {s.id: s.reporter for s in m.sources} == {
        "charlot-2024": "christophe-charlot",
        "grok-note-2025": "grok-note",
    }
    assert m.title and m.description and len(m.description) > 200


def test_ids_are_unique_and_readable() -> None:
    m = bundled()
    for group in (m.sources, m.parties, [*m.claims, *m.evidence]):
        ids = [item.id for item in group]
        dups = [i for i, n in Counter(ids).items() if n > 1]
        assert not dups, dups
    for item in [*m.sources, *m.parties, *m.claims, *m.evidence]:
        assert re.fullmatch(ID_PATTERN, item.id), item.id


@pytest.mark.parametrize("source_id", [ARTICLE, NOTE])
def test_recorded_sha256_matches_file(source_id: str) -> None:
    src = bundled().source_by_id()[source_id]
    assert src.path is not None and not Path(src.path).is_absolute()
    data = (DATA / src.path).read_bytes()
    assert src.sha256 == hashlib.sha256(data).hexdigest()


def test_source_metadata() -> None:
    sources = bundled().source_by_id()
    assert set(sources) == {ARTICLE, NOTE}
    art, note = sources[ARTICLE], sources[NOTE]
    assert art.kind is SourceKind.NEWS_ARTICLE
    assert art.author == "Christophe Charlot"
    assert (art.published, art.published_inferred) == ("2024-03", True)
    assert art.date_note
    assert art.title == source_text(ARTICLE).splitlines()[0]
    assert note.kind is SourceKind.AI_GENERATED and note.is_ai_generated
    assert note.author is None
    assert note.translated is True
    assert (note.published, note.published_inferred) == ("2025-10", True)
    assert note.date_note
    assert note.generator and f"model: {note.generator}\n" in source_text(NOTE)
    assert f"title: {note.title}\n" in source_text(NOTE)
    assert art.language == note.language == "fr"
    assert note.effective_reliability < art.effective_reliability


def test_note_references_are_the_seven_listed() -> None:
    note = bundled().source_by_id()[NOTE]
    text = source_text(NOTE)
    listed = re.findall(r"^- \[(.+)\]\((https?://[^)]+)\)$", text, flags=re.MULTILINE)
    assert len(listed) == 7
    assert [(r.title, r.url) for r in note.references] == listed


# --- quotes ----------------------------------------------------------------------------------


def _evidence_ids() -> list[str]:
    return [e.id for e in bundled().evidence]


@pytest.mark.parametrize("evidence_id", _evidence_ids())
def test_quote_found_at_recorded_span(evidence_id: str) -> None:
    ev: Evidence = bundled().evidence_by_id()[evidence_id]
    text = source_text(ev.source)
    match = find_quote(text, ev.quote)
    assert match.found, f"{ev.id}: closest {match.closest!r}"
    assert ev.span is not None
    assert match.span == tuple(ev.span)
    assert len(match.occurrences) == 1, f"{ev.id}: quote is ambiguous"


def test_every_evidence_is_translated_and_attributed() -> None:
    parties = bundled().party_by_id()
    for ev in bundled().evidence:
        assert ev.translation, ev.id
        assert ev.speaker, ev.id
        assert set(ev.speaker) <= set(parties), ev.id


def test_both_sources_are_quoted() -> None:
    used = Counter(e.source for e in bundled().evidence)
    assert used[ARTICLE] >= 10
    assert used[NOTE] >= 10
    assert set(used) == {ARTICLE, NOTE}


# --- parties and claims ----------------------------------------------------------------------


def test_parties_and_sides() -> None:
    parties = bundled().party_by_id()
    expected = {
        "elon-musk": "musk",
        "musk-lawyers": "musk",
        "xai": "musk",
        "openai": "openai",
        "sam-altman": "openai",
        "openai-leaders": "openai",
        "christophe-charlot": "observers",
        "laurent-alexandre": "observers",
        "grok-note": "observers",
    }
    for pid, side in expected.items():
        assert parties[pid].side == side, pid
    assert {p.side for p in parties.values()} == {"musk", "openai", "observers"}
    assert parties["christophe-charlot"].kind == "author"
    assert parties["grok-note"].kind == "author"


def test_every_party_reference_exists_and_every_claim_is_asserted() -> None:
    m = bundled()
    known = set(m.party_by_id())
    for c in m.claims:
        assert c.asserted_by, c.id
        assert set(c.asserted_by) <= known, c.id
        assert c.original is not None and c.original.lang == "fr", c.id
    for p in m.parties:
        assert set(p.members) <= known, p.id


def test_every_party_asserts_or_speaks() -> None:
    m = bundled()
    used = {p for c in m.claims for p in c.asserted_by} | {p for e in m.evidence for p in e.speaker}
    assert set(m.party_by_id()) <= used


# --- relations -------------------------------------------------------------------------------


def test_every_relation_endpoint_exists() -> None:
    m = bundled()
    nodes = set(m.claim_by_id()) | set(m.evidence_by_id())
    for r in m.relations:
        assert r.source in nodes, r.source
        assert r.target in nodes, r.target
        assert r.source != r.target
        assert r.rationale


def test_no_pair_both_supports_and_rebuts_and_no_support_cycle() -> None:
    sup, reb = relations(RelationType.SUPPORTS), relations(RelationType.REBUTS)
    undirected = lambda pairs: {frozenset(p) for p in pairs}  # noqa: E731
    assert not undirected(sup) & undirected(reb)
    assert nx.is_directed_acyclic_graph(nx.DiGraph(sup))


def test_evidence_only_starts_relations() -> None:
    evidence = set(bundled().evidence_by_id())
    assert not {t for _, t in relations(RelationType.SUPPORTS)} & evidence
    assert not {t for _, t in relations(RelationType.REBUTS)} & evidence


def test_every_claim_rests_on_evidence_and_every_evidence_is_linked() -> None:
    m = bundled()
    for c in m.claims:
        assert evidence_behind(c.id), c.id
    linked = {r.source for r in m.relations} | {r.target for r in m.relations}
    for e in m.evidence:
        assert e.id in linked, e.id


def test_no_party_rebuts_its_own_claim() -> None:
    m = bundled()
    claims, evidence = m.claim_by_id(), m.evidence_by_id()
    for a, b in relations(RelationType.REBUTS):
        target = set(claims[b].asserted_by)
        source = set(claims[a].asserted_by) if a in claims else set(evidence[a].speaker)
        assert not source & target, (a, b)


@pytest.mark.parametrize("side", SIDES)
def test_each_side_is_answered_by_the_other(side: str) -> None:
    other = next(s for s in SIDES if s != side)
    answered = {
        b
        for a, b in relations(RelationType.REBUTS)
        if side in node_sides(b) and other in node_sides(a) and side not in node_sides(a)
    }
    assert len(answered) >= 3, answered


def test_bundled_map_has_no_check_errors() -> None:
    m = argmap.load(MAP_PATH)
    errors = [d.format() for d in argmap.check(m) if d.severity is Severity.ERROR]
    assert errors == []


# --- the facts that matter -------------------------------------------------------------------


def test_main_musk_allegation_is_supported_and_answered() -> None:
    claims = bundled().claim_by_id()
    c = claims["openai-abandoned-nonprofit-mission"]
    assert "elon-musk" in c.asserted_by
    assert "abandoned its nonprofit mission" in c.text
    evidence = bundled().evidence_by_id()
    assert {evidence[e].source for e in evidence_behind(c.id)} == {ARTICLE, NOTE}
    rebutters = {a for a, b in relations(RelationType.REBUTS) if b == c.id}
    assert {
        "musk-wanted-to-control-openai",
        "musk-not-against-openai-making-money",
        "openai-sour-grapes",
    } <= rebutters
    for a in rebutters:
        assert "openai" in node_sides(a) and "musk" not in node_sides(a)


def test_main_openai_allegation_is_supported_and_answered() -> None:
    m = bundled()
    c = m.claim_by_id()["musk-wanted-to-control-openai"]
    assert "Musk wanted to control OpenAI" in c.text
    assert {"sam-altman", "openai-leaders"} <= set(c.asserted_by)
    behind = evidence_behind(c.id)
    quotes = " ".join(m.evidence_by_id()[e].quote for e in behind)
    for fact in ("milliard", "100 millions", "principal actionnaire", "Tesla est la seule voie"):
        assert fact in quotes, fact
    rebutters = {a for a, b in relations(RelationType.REBUTS) if b == c.id}
    assert "musk-left-board-over-for-profit-turn" in rebutters
    assert all("musk" in node_sides(a) for a in rebutters)


def test_board_departure_accounts_rebut_each_other() -> None:
    reb = relations(RelationType.REBUTS)
    mutual = "musk-departure-was-mutual"
    for musk_account in ("musk-was-pushed-out", "musk-left-board-over-for-profit-turn"):
        assert (mutual, musk_account) in reb
        assert (musk_account, mutual) in reb
    claims = bundled().claim_by_id()
    assert claims[mutual].asserted_by == ["openai"]
    assert claims["musk-was-pushed-out"].asserted_by == ["elon-musk"]


def test_sources_disagree_on_founding_status() -> None:
    m = bundled()
    reb = relations(RelationType.REBUTS)
    limited, nonprofit = "openai-founded-as-limited-profit", "openai-founded-as-nonprofit"
    assert (limited, nonprofit) in reb and (nonprofit, limited) in reb
    sources_of = lambda cid: {m.evidence_by_id()[e].source for e in evidence_behind(cid)}  # noqa: E731
    assert ARTICLE in sources_of(limited)
    assert NOTE in sources_of(nonprofit)


@pytest.mark.parametrize(
    ("claim_id", "date", "fragment"),
    [
        ("musk-bid-97-billion-rejected", None, "97,4 milliards"),
        ("altman-is-scam-altman", "2025-08", "Scam Altman"),
        ("altman-is-little-finger", None, "Little Finger"),
        ("openai-stole-xai-trade-secrets", "2025-09", "secrets commerciaux"),
        ("openai-closed-source-subsidiary-of-microsoft", "2024", "filiale de facto"),
        ("musk-criticism-stems-from-insecurity", None, "Je le plains"),
        ("openai-sour-grapes", "2024", "raisins trop verts"),
        ("musk-considered-folding-openai-into-tesla", None, "écrivait-il en 2018"),
    ],
)
def test_key_allegations_are_quoted(claim_id: str, date: str | None, fragment: str) -> None:
    m = bundled()
    claim = m.claim_by_id()[claim_id]
    if date is not None:
        assert claim.date == date
    quotes = [m.evidence_by_id()[e].quote for e in evidence_behind(claim_id)]
    assert any(fragment in q for q in quotes), quotes


def test_claims_reported_by_both_texts_quote_both() -> None:
    m = bundled()
    for cid in (
        "musk-cofounded-openai-2015",
        "openai-founding-mission-beneficial-open-source",
        "openai-violated-founding-agreement",
        "openai-keeps-its-technology-secret",
        "musk-launched-xai-2023",
        "relationship-openly-hostile",
    ):
        sources = {m.evidence_by_id()[e].source for e in evidence_behind(cid)}
        assert sources == {ARTICLE, NOTE}, cid
