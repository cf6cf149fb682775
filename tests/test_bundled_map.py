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
from argmap.attribution import Attribution
from argmap.checks.schemes import PERSON_ATTACK_SCHEMES
from argmap.diagnostics import Severity
from argmap.model import ID_PATTERN, ArgumentMap, Evidence, Hedge, RelationType, SourceKind
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


def test_every_quote_has_translation_reporter_and_hedge() -> None:
    m = bundled()
    parties = m.party_by_id()
    for ev in m.evidence:
        assert ev.translation, ev.id
        assert ev.hedge is not None, ev.id
        assert set(ev.speaker) <= set(parties), ev.id
        assert m.reporter_of(ev) == {ARTICLE: "christophe-charlot", NOTE: "grok-note"}[ev.source]
        # The reporter is never also the speaker: narration names no speaker.
        assert m.reporter_of(ev) not in ev.speaker, ev.id


def test_the_note_is_marked_translated_and_so_are_musks_emails() -> None:
    m = bundled()
    assert all(e.translated for e in m.evidence if e.source == NOTE)
    quotes = m.evidence_by_id()
    for ev in ("ev-charlot-billion-email", "ev-charlot-tesla-only-path-email"):
        assert quotes[ev].translated and quotes[ev].speaker == ["elon-musk"], ev
    assert not quotes["ev-charlot-white-knight"].translated


def test_the_conditional_is_kept_as_an_allegation() -> None:
    m = bundled()
    conditional = re.compile(r"\b(?:aurait|n’aurait|serait|seraient|se déduiraient|prétendument)\b")
    hedged = {e.id for e in m.evidence if conditional.search(e.quote)}
    assert len(hedged) >= 9
    quotes = m.evidence_by_id()
    for ev in hedged:
        assert quotes[ev].hedge is Hedge.ALLEGES, ev
    # ... and so are the claims that rest on them, in English as in French.
    words = Attribution(m)
    for cid in (
        "musk-wanted-to-run-openai",
        "musk-not-against-openai-making-money",
        "musk-did-not-oppose-becoming-company-2017",
        "musk-wanted-to-be-main-shareholder-and-head",
        "musk-motives-not-altruistic",
    ):
        assert words.claim_hedge(cid) is Hedge.ALLEGES, cid
        assert "(reportedly)" in words.claim_line(cid), cid
    assert words.claim_line("musk-wanted-to-run-openai") == (
        "According to Sam Altman and OpenAI's leaders (reportedly): Musk wanted to run OpenAI."
    )


def test_translations_keep_the_french_meaning() -> None:
    quotes = bundled().evidence_by_id()
    assert "trillions" in (quotes["ev-charlot-altman-emblematic"].translation or "")
    assert "no part at all" in (quotes["ev-charlot-stranger-to-evolution"].translation or "")
    assert "let one imagine" in (quotes["ev-charlot-altman-reveals"].translation or "")
    assert "reportedly" in (quotes["ev-charlot-musk-wanted-to-run-openai"].translation or "")
    assert "allegedly" in (quotes["ev-note-apple-rankings"].translation or "")


def test_both_sources_are_quoted() -> None:
    used = Counter(e.source for e in bundled().evidence)
    assert used[ARTICLE] >= 30
    assert used[NOTE] >= 30
    assert set(used) == {ARTICLE, NOTE}


# --- parties, questions and claims -----------------------------------------------------------


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


def test_every_party_reference_exists_and_every_claim_is_asserted_and_hedged() -> None:
    m = bundled()
    known = set(m.party_by_id())
    for c in m.claims:
        assert c.asserted_by, c.id
        assert set(c.asserted_by) <= known, c.id
        assert c.original is not None and c.original.lang == "fr", c.id
        assert c.hedge is not None, c.id
    for p in m.parties:
        assert set(p.members) <= known, p.id


def test_every_claim_answers_a_question_and_both_camps_answer_each() -> None:
    m = bundled()
    questions = {q.id for q in m.questions}
    assert len(questions) >= 6
    camps: dict[str, set[str]] = {q: set() for q in questions}
    for c in m.claims:
        assert c.answers, c.id
        for a in c.answers:
            assert a.question in questions, c.id
            camps[a.question] |= party_sides(c.asserted_by[:1])
    for q, sides in camps.items():
        assert {"musk", "openai"} <= sides, q
    for q in m.questions:
        assert q.original is not None and q.original.lang == "fr" and q.text.endswith("?")


def test_every_party_asserts_or_speaks() -> None:
    m = bundled()
    used = {p for c in m.claims for p in c.asserted_by} | {p for e in m.evidence for p in e.speaker}
    used |= {s.reporter for s in m.sources if s.reporter}
    # A party may also be one a claim names (a defendant of the suit).
    named = {p.id for p in m.parties if any(p.name in c.text for c in m.claims)}
    assert set(m.party_by_id()) <= used | named


def test_every_dated_event_is_dated_and_inferred_dates_say_how() -> None:
    m = bundled()
    year = re.compile(r"\b20[12]\d\b")
    behind = {c.id: evidence_behind(c.id) for c in m.claims}
    quotes = m.evidence_by_id()
    for ev in m.evidence:
        if year.search(ev.quote):
            assert ev.date is not None, ev.id
    for c in m.claims:
        dated = [quotes[e].date for e in behind[c.id] if quotes[e].date]
        if year.search(c.original.text if c.original else "") or (
            dated and len(behind[c.id]) == len(dated)
        ):
            assert c.date is not None, c.id
    for item in [*m.claims, *m.evidence]:
        if item.date_inferred:
            assert item.date and item.date_note, item.id
    # A 2024 statement and one of October 2025 are two claims, not one.
    claims = m.claim_by_id()
    assert claims["relations-broke-down-2024"].date == "2024-02"
    assert claims["relationship-openly-hostile"].date == "2025-10"
    # The resignation (a fact) and its reason (Musk's account) are two claims.
    assert claims["musk-resigned-from-board-2018"].asserted_by == ["grok-note"]
    assert claims["musk-disagreed-with-for-profit-turn"].asserted_by == ["elon-musk"]


# --- relations -------------------------------------------------------------------------------


def test_every_relation_endpoint_exists() -> None:
    m = bundled()
    nodes = set(m.claim_by_id()) | set(m.evidence_by_id())
    ids = {r.id for r in m.relations if r.id}
    for r in m.relations:
        assert r.source in nodes, r.source
        if r.type is RelationType.UNDERCUTS:
            assert r.target in ids, r.target
        else:
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
    for r in bundled().relations:
        assert r.target not in evidence, r


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


def test_no_rebuttal_attacks_the_arguer() -> None:
    for r in bundled().relations:
        if r.type is RelationType.REBUTS:
            assert r.scheme not in PERSON_ATTACK_SCHEMES, r
    cuts = [r for r in bundled().relations if r.type is RelationType.UNDERCUTS]
    assert cuts and all(r.scheme == "circumstantial-ad-hominem" for r in cuts)


@pytest.mark.parametrize("side", SIDES)
def test_each_side_is_answered_by_the_other(side: str) -> None:
    other = next(s for s in SIDES if s != side)
    answered = {
        b
        for a, b in relations(RelationType.REBUTS)
        if side in node_sides(b) and other in node_sides(a) and side not in node_sides(a)
    }
    assert len(answered) >= 3, answered


def test_bundled_map_checks_clean_but_for_ai_only_claims() -> None:
    m = argmap.load(MAP_PATH)
    found = argmap.check(m)
    assert [d.format() for d in found if d.severity is Severity.ERROR] == []
    # The only warnings say what the dispute itself is: claims that only the
    # AI-generated note reports.
    assert {d.code for d in found} == {"W105"}


# --- the verdicts that matter ----------------------------------------------------------------


@cache
def statuses() -> dict[str, argmap.ClaimStatus]:
    return {s.id: s for s in argmap.claim_statuses(bundled())}


def test_the_mission_claim_holds_on_what_openais_own_side_reports() -> None:
    m = bundled()
    c = m.claim_by_id()["openai-abandoned-nonprofit-mission"]
    assert c.asserted_by == ["elon-musk"] and "betrayed its original nonprofit mission" in c.text
    st = statuses()[c.id]
    assert st.verdict == "holds"
    assert "undercut" in st.reason
    # Nothing denies it: the answers about Musk's motives aim at his word, not at it.
    assert not {a for a, b in relations(RelationType.REBUTS) if b == c.id}
    cut = {r.source: r.target for r in m.relations if r.type is RelationType.UNDERCUTS}
    assert cut["musk-motives-not-altruistic"] == "musk-word-on-the-mission"
    word = m.relation_by_id()["musk-word-on-the-mission"]
    assert (word.source, word.target) == (
        "ev-note-betrayed-nonprofit-mission",
        c.id,
    )
    # What still holds it up: the 2017 change that OpenAI's leaders report.
    assert ("openai-became-company-2017", c.id) in relations(RelationType.SUPPORTS)
    assert m.claim_by_id()["openai-became-company-2017"].asserted_by == ["openai-leaders"]
    assert statuses()["openai-became-company-2017"].verdict == "holds"
    text = argmap.explain(m, c.id)
    assert len(text.splitlines()) <= 16
    assert "openai-became-company-2017 [holds]" in text
    assert "undercut by musk-motives-not-altruistic [holds]" in text


def test_sour_grapes_aims_at_the_suits_charge_not_its_truth() -> None:
    m = bundled()
    cut = {
        r.target
        for r in m.relations
        if r.source == "openai-sour-grapes" and r.type.value == "undercuts"
    }
    assert cut == {"complaint-charge-in-article", "complaint-charge-in-note"}
    assert statuses()["openai-violated-founding-agreement"].verdict == "holds"
    assert statuses()["openai-sour-grapes"].verdict == "holds"


def test_the_control_claim_holds_as_an_allegation() -> None:
    m = bundled()
    st = statuses()["musk-wanted-to-run-openai"]
    assert st.verdict == "holds" and st.hedge == "alleges"
    behind = evidence_behind("musk-wanted-to-run-openai")
    quotes = " ".join(m.evidence_by_id()[e].quote for e in behind)
    for fact in ("principal actionnaire", "Tesla est la seule voie", "intégrer à Tesla"):
        assert fact in quotes, fact


def test_the_2018_departure_accounts_answer_each_other() -> None:
    reb = relations(RelationType.REBUTS)
    pairs = [
        ("musk-departure-was-mutual", "musk-was-pushed-out"),
        ("musk-did-not-oppose-becoming-company-2017", "musk-disagreed-with-for-profit-turn"),
    ]
    for a, b in pairs:
        assert (a, b) in reb and (b, a) in reb
        assert statuses()[a].verdict == statuses()[b].verdict == "contested"
    assert statuses()["musk-resigned-from-board-2018"].verdict == "holds"


def test_the_white_knight_framing_is_answered_by_the_motives_claim() -> None:
    st = statuses()["musk-lawsuit-casts-him-as-white-knight"]
    assert st.verdict == "answered" and "musk-motives-not-altruistic" in st.reason
    assert statuses()["musk-motives-not-altruistic"].verdict == "holds"


def test_moves_that_deny_nothing_are_typed_as_such() -> None:
    m = bundled()
    kinds = {(r.source, r.target): r.type.value for r in m.relations}
    assert kinds[("altman-is-scam-altman", "musk-manipulates-x-for-his-companies")] == "insults"
    assert kinds[
        ("musk-manipulates-x-for-his-companies", "apple-favours-openai-in-app-rankings")
    ] == ("counter-accuses")
    assert kinds[("altman-goes-after-musk-empire", "openai-stole-xai-trade-secrets")] == (
        "counter-accuses"
    )
    assert kinds[("grok-unveiled-as-chatgpt-rival", "xai-grok-failed-to-rival-chatgpt")] == (
        "contrasts"
    )
    for cid in (
        "musk-manipulates-x-for-his-companies",
        "apple-favours-openai-in-app-rankings",
        "openai-stole-xai-trade-secrets",
        "grok-unveiled-as-chatgpt-rival",
        "xai-grok-failed-to-rival-chatgpt",
    ):
        assert statuses()[cid].verdict == "holds", cid


def test_the_founding_status_is_a_difference_between_texts() -> None:
    m = bundled()
    limited, nonprofit = "openai-founded-as-limited-profit", "openai-founded-as-nonprofit"
    kinds = {(r.source, r.target): r.type.value for r in m.relations}
    assert kinds[(limited, nonprofit)] == "contrasts"
    assert (nonprofit, limited) not in kinds
    assert "slip" in (m.claim_by_id()[limited].notes or "")
    sources_of = lambda cid: {m.evidence_by_id()[e].source for e in evidence_behind(cid)}  # noqa: E731
    assert sources_of(limited) == {ARTICLE}
    assert NOTE in sources_of(nonprofit) and ARTICLE in sources_of(nonprofit)


@pytest.mark.parametrize(
    ("claim_id", "date", "fragment"),
    [
        ("musk-bid-97-billion-rejected", "2025-02", "97,4 milliards"),
        ("altman-is-scam-altman", "2025-08", "Scam Altman"),
        ("altman-is-little-finger", None, "Little Finger"),
        ("openai-stole-xai-trade-secrets", "2025-09", "secrets commerciaux"),
        ("openai-closed-source-subsidiary-of-microsoft", "2024", "filiale de facto"),
        ("musk-criticism-stems-from-insecurity", "2025", "Je le plains"),
        ("openai-sour-grapes", "2024", "raisins trop verts"),
        ("musk-tesla-only-path-2018", "2018", "écrivait-il en 2018"),
        ("openai-became-company-2017", "2017", "véritable société"),
    ],
)
def test_key_allegations_are_quoted(claim_id: str, date: str | None, fragment: str) -> None:
    m = bundled()
    claim = m.claim_by_id()[claim_id]
    assert claim.date == date
    quotes = [m.evidence_by_id()[e].quote for e in evidence_behind(claim_id)]
    assert any(fragment in q for q in quotes), quotes


def test_claims_reported_by_both_texts_quote_both() -> None:
    m = bundled()
    for cid in (
        "musk-cofounded-openai-2015",
        "openai-founding-mission-beneficial-open-source",
        "openai-violated-founding-agreement",
        "musk-sued-openai-and-founders",
        "musk-launched-xai-2023",
        "openai-abandoned-nonprofit-mission",
    ):
        sources = {m.evidence_by_id()[e].source for e in evidence_behind(cid)}
        assert sources == {ARTICLE, NOTE}, cid
