"""AIF JSON, the Argument Interchange Format of OVA and the AIFdb corpora.

An AIF file is a graph: ``nodes`` (``nodeID``, ``text``, ``type``,
``timestamp``), ``edges`` (``edgeID``, ``fromID``, ``toID``), ``locutions``
(``nodeID`` of an L-node, ``personID``) and ``participants`` (``participantID``,
``firstname``, ``surname``). I-nodes are propositions; RA nodes inferences
(premises -> RA -> conclusion); CA nodes conflicts (attacker -> CA -> target);
L-nodes locutions, tied to what they assert through YA (illocution) nodes;
MA (rephrase), PA (preference) and TA (transition) nodes complete the format.

**Export** (:func:`to_aif`). Node and edge ids are numbers written as strings
("1", "2", ...), as AIFdb writes them. A claim becomes an I-node. A quote
becomes an I-node too, and also an L-node ``"Speaker: quote"`` linked to its
I-node through a YA node "Asserting" (L -> YA -> I), with one ``locutions``
entry per speaker. A ``supports`` relation becomes an RA node "Default
Inference" (from -> RA -> to), a ``rebuts`` relation a CA node "Default
Conflict" (from -> CA -> to); parties become ``participants`` (the name split
into first name and surname). What AIF has no place for rides in ``argmap``
keys, which AIF tools ignore: every field of a claim or quote on its I-node,
a relation's rationale on its RA or CA node, the whole party on its
participant, and the map's title, description, language and sources at the
top level. A relation whose end the map does not define (an error that
``argmap check`` reports) gets no edge on that side.

**Import** (:func:`from_aif`) of any AIF file, bare or wrapped in an ``AIF`` or
``aif`` key (OVA, xAIF); ids may be numbers or strings, unknown keys are ignored:

- an I-node becomes a claim, with the id ``aif-<nodeID>`` (made a slug, unique);
- each premise of an RA node supports each of its conclusions; each attacker of
  a CA node rebuts each of its targets;
- an L-node that reaches an I-node through a YA node becomes a quote, spoken by
  the participants its ``locutions`` name (or, when none is named, by the name
  before the colon, ``"Name: text"``, as AIFdb writes). The quote supports the
  I-node's claim, and its speaker asserts that claim, when the illocution is an
  assertion (Asserting, Agreeing, Restating, Conceding, ...); a questioning,
  challenging or disagreeing illocution keeps the quote but no link, with a
  warning. Quotes come without a source text, so the import makes one source
  (kind ``other``) whose inline text is the quotes, one per line, and records
  each quote's span in it: every quote is proven;
- participants become parties, their id a slug of their name.

What argmap cannot hold is counted in :attr:`ImportResult.warnings`, never
dropped silently: undercuts (a CA node aimed at an RA node), MA, PA and TA
nodes, YA nodes other than L -> YA -> I, L-nodes anchored to no I-node,
nodes without an id, edges to missing nodes, RA or CA nodes missing a side,
and any other edge that argmap has no relation for.

A node or participant carrying an ``argmap`` key (as :func:`to_aif` writes) is
read back from it, with the AIF text winning over the saved one, so a file
exported, edited in OVA and imported again keeps its ids and fields, and
map -> AIF -> map gives back an equal map.

Example:
    >>> data = {"nodes": [
    ...     {"nodeID": 1, "text": "It rains", "type": "I"},
    ...     {"nodeID": 2, "text": "The street is wet", "type": "I"},
    ...     {"nodeID": 3, "text": "Default Inference", "type": "RA"}],
    ...     "edges": [{"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1}]}
    >>> r = from_aif(data)
    >>> [(x.source, x.type.value, x.target) for x in r.map.relations], r.warnings
    ([('aif-2', 'supports', 'aif-1')], [])
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

from argmap.formats import FormatError, ImportResult, map_from_data, reader, writer
from argmap.model import ArgumentMap

__all__ = ["ARGMAP_KEY", "from_aif", "to_aif"]

#: The key under which argmap's own fields ride in AIF nodes, participants and file.
ARGMAP_KEY = "argmap"
#: AIF wants a timestamp on every node; argmap keeps its dates in its own fields.
TIMESTAMP = "1970-01-01 00:00:00"

_MAP_LISTS = ("parties", "claims", "evidence", "relations")


def to_aif(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as AIF JSON data: ``nodes``, ``edges``, ``locutions``,
    ``participants`` and, for argmap, the ``argmap`` key.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "s", "title": "S", "text": "No."}],
        ...     "parties": [{"id": "bo", "name": "Bo Li"}],
        ...     "claims": [{"id": "a", "text": "A"}],
        ...     "evidence": [{"id": "q", "source": "s", "quote": "No", "speaker": ["bo"]}],
        ...     "relations": [{"from": "q", "to": "a", "type": "rebuts"}]})
        >>> aif = to_aif(m)
        >>> [(n["nodeID"], n["type"], n["text"]) for n in aif["nodes"]]
        [('1', 'I', 'A'), ('2', 'I', 'No'), ('3', 'L', 'Bo Li: No'), ('4', 'YA', 'Asserting'), \
('5', 'CA', 'Default Conflict')]
        >>> [(e["fromID"], e["toID"]) for e in aif["edges"]]
        [('3', '4'), ('4', '2'), ('2', '5'), ('5', '1')]
        >>> aif["participants"][0]["firstname"], aif["locutions"][0]["personID"]
        ('Bo', '1')
    """
    data = m.to_json_data()
    numbers = itertools.count(1)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    node_of: dict[str, str] = {}  # argmap id -> nodeID (the first element wins on duplicates)

    def add_node(kind: str, text: str, extra: dict[str, Any]) -> str:
        nid = str(next(numbers))
        nodes.append(
            {"nodeID": nid, "text": text, "type": kind, "timestamp": TIMESTAMP, ARGMAP_KEY: extra}
        )
        return nid

    def add_edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    participants: list[dict[str, Any]] = []
    person: dict[str, str] = {}
    names: dict[str, str] = {}
    for k, party in enumerate(data.get("parties", []), 1):
        person.setdefault(party["id"], str(k))
        names.setdefault(party["id"], party["name"])
        first, _, last = " ".join(party["name"].split()).rpartition(" ")
        participants.append(
            {
                "participantID": str(k),
                "firstname": first or last,
                "surname": last if first else "",
                ARGMAP_KEY: party,
            }
        )
    for claim in data.get("claims", []):
        fields = {k: v for k, v in claim.items() if k != "text"}
        node_of.setdefault(claim["id"], add_node("I", claim["text"], {"kind": "claim", **fields}))
    for ev in data.get("evidence", []):
        fields = {k: v for k, v in ev.items() if k != "quote"}
        nid = add_node("I", ev["quote"], {"kind": "evidence", **fields})
        node_of.setdefault(ev["id"], nid)
        speakers = ev.get("speaker", [])
        who = ", ".join(names.get(p, p) for p in speakers)
        mark = {"locution_of": ev["id"]}
        lid = add_node("L", f"{who}: {ev['quote']}" if who else ev["quote"], mark)
        yid = add_node("YA", "Asserting", dict(mark))
        add_edge(lid, yid)
        add_edge(yid, nid)
        locutions += [
            {
                "nodeID": lid,
                "personID": person.get(p, p),
                "timestamp": TIMESTAMP,
                "start": None,
                "end": None,
                "source": None,
            }
            for p in speakers
        ]
    for rel in data.get("relations", []):
        supports = rel["type"] == "supports"
        extra = {k: v for k, v in rel.items() if k not in ("from", "to", "type")}
        sid = add_node(
            "RA" if supports else "CA",
            "Default Inference" if supports else "Default Conflict",
            extra,
        )
        if rel["from"] in node_of:
            add_edge(node_of[rel["from"]], sid)
        if rel["to"] in node_of:
            add_edge(sid, node_of[rel["to"]])
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
        ARGMAP_KEY: {k: v for k, v in data.items() if k not in _MAP_LISTS},
    }


def from_aif(data: Any) -> ImportResult:
    """Return the map in AIF JSON data, with a warning for each kind of thing argmap
    cannot hold (see the module's documentation for what becomes what).

    Raises:
        FormatError: the data has no ``nodes`` list, a list is of the wrong type, or
            what the file gives cannot form a valid map.

    Example:
        >>> r = from_aif({"nodes": [
        ...     {"nodeID": "1", "text": "Tweety flies", "type": "I"},
        ...     {"nodeID": "2", "text": "Ann: Tweety flies", "type": "L"},
        ...     {"nodeID": "3", "text": "Asserting", "type": "YA"},
        ...     {"nodeID": "4", "text": "Default Transition", "type": "TA"}],
        ...     "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"},
        ...               {"fromID": "2", "toID": "4"}, {"fromID": "9", "toID": "1"}]})
        >>> [(e.id, e.quote, e.speaker) for e in r.map.evidence], r.map.claims[0].asserted_by
        ([('aif-2', 'Tweety flies', ['ann'])], ['ann'])
        >>> r.warnings
        ['1 edge(s) to or from missing nodes skipped', '1 TA node(s) not carried over']
    """
    return _Importer(_unwrap(data)).run()


def _unwrap(data: Any) -> dict[str, Any]:
    """Return the AIF graph itself, out of an OVA or xAIF wrapper if it is in one."""
    if isinstance(data, dict) and "nodes" not in data:
        data = next((data[k] for k in ("AIF", "aif") if isinstance(data.get(k), dict)), data)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise FormatError("not AIF: no 'nodes' list")
    return data


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError(f"not AIF: '{key}' is not a list")
    return value


def _key(value: Any) -> str | None:
    """Return an AIF id as a string (ids may be numbers or strings), None if unusable."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def _extra(item: dict[str, Any]) -> dict[str, Any]:
    extra = item.get(ARGMAP_KEY)
    return extra if isinstance(extra, dict) else {}


def _text(node: dict[str, Any]) -> str:
    text = node.get("text")
    return text if isinstance(text, str) else "" if text is None else str(text)


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# "Name: text", as AIFdb writes locutions; the name is short and is not a sentence.
_SPEAKER = re.compile(r"^\s*([^:\n.!?]{1,60}?)\s*:\s+(?=\S)")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:80].strip("-")


def _assertive(illocution: str) -> bool:
    """Return True when a YA node's text names an illocution committing the speaker."""
    text = illocution.casefold()
    if "challeng" in text or "disagree" in text:
        return False
    if "question" in text:  # assertive and rhetorical questions commit the speaker
        return "assertive" in text or "rhetorical" in text
    return True


class _Importer:
    """One import: the file's graph, the ids handed out so far and what was skipped."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.counts: Counter[str] = Counter()
        self.other_types: Counter[str] = Counter()
        self.unexplained: Counter[str] = Counter()
        self.non_assertive: Counter[str] = Counter()
        self.nodes: dict[str, dict[str, Any]] = {}
        self.type: dict[str, str] = {}
        self.succs: dict[str, list[str]] = defaultdict(list)
        self.preds: dict[str, list[str]] = defaultdict(list)
        self.edges: list[tuple[str, str]] = []
        self.explained: set[tuple[str, str]] = set()
        self.reported: set[str] = set()  # nodes whose skipping a warning already counts
        self.used_ids: set[str] = set()
        self.meta = _extra(data)

    # -- ids ---------------------------------------------------------------

    def new_id(self, text: str, prefix: str = "", fallback: str = "x") -> str:
        base = prefix + (_slug(text) or fallback)
        out, k = base, 2
        while out in self.used_ids:
            out, k = f"{base}-{k}", k + 1
        self.used_ids.add(out)
        return out

    # -- reading the graph ---------------------------------------------------

    def read_graph(self) -> None:
        for node in _list(self.data, "nodes"):
            nid = _key(node.get("nodeID")) if isinstance(node, dict) else None
            if nid is None:
                self.counts["no-id"] += 1
            elif nid in self.nodes:
                self.counts["repeated-id"] += 1
            else:
                self.nodes[nid] = node
                self.type[nid] = str(node.get("type") or "").strip().upper()
        seen: set[tuple[str, str]] = set()
        for edge in _list(self.data, "edges"):
            if not isinstance(edge, dict):
                self.counts["bad-edge"] += 1
                continue
            a, b = _key(edge.get("fromID")), _key(edge.get("toID"))
            if a is None or b is None or a not in self.nodes or b not in self.nodes:
                self.counts["missing-end"] += 1
                continue
            if (a, b) in seen:  # the same edge twice says nothing more
                continue
            seen.add((a, b))
            self.edges.append((a, b))
            self.succs[a].append(b)
            self.preds[b].append(a)

    def of_type(self, kind: str) -> list[str]:
        return [nid for nid, t in self.type.items() if t == kind]

    # -- the import ----------------------------------------------------------

    def run(self) -> ImportResult:
        self.read_graph()
        self.reserve_saved_ids()
        source_id = self.new_id("aif") if self.needs_source() else "aif"
        parties, party_of, name_of, by_name = self.read_participants()
        claims, evidence, id_of, is_claim = self.read_i_nodes()
        speakers_of = self.read_locutions(party_of)
        relations = self.read_schemes(id_of)
        quotes, quote_relations, lines = self.read_l_nodes(
            id_of, is_claim, speakers_of, parties, name_of, by_name, source_id
        )
        for nid in self.nodes:
            kind = self.type[nid]
            if kind not in ("I", "L", "YA", "RA", "CA"):
                self.other_types[kind or "untyped"] += 1
                self.reported.add(nid)
        for a, b in self.edges:
            if (a, b) not in self.explained and not {a, b} & self.reported:
                self.unexplained[f"{self.type[a] or '?'}->{self.type[b] or '?'}"] += 1
        out: dict[str, Any] = {k: v for k, v in self.meta.items() if k not in _MAP_LISTS}
        if not self.meta:  # a file argmap did not write
            out["title"] = "Imported from AIF"
        sources = out.pop("sources", None) or []
        if not isinstance(sources, list):
            raise FormatError(f"{ARGMAP_KEY}.sources: must be a list")
        if quotes:
            sources = [
                *sources,
                {
                    "id": source_id,
                    "title": "Locutions of the AIF file",
                    "kind": "other",
                    "text": "".join(line + "\n" for line in lines),
                },
            ]
        if sources:
            out["sources"] = sources
        out |= {
            "parties": parties,
            "claims": claims,
            "evidence": evidence + quotes,
            "relations": relations + quote_relations,
        }
        return ImportResult(map_from_data(out), self.warnings())

    def reserve_saved_ids(self) -> None:
        saved = [_extra(n) for nid, n in self.nodes.items() if self.type[nid] == "I"]
        saved += [_extra(p) for p in _list(self.data, "participants") if isinstance(p, dict)]
        sources = self.meta.get("sources")
        saved += [s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []
        self.used_ids |= {x["id"] for x in saved if isinstance(x.get("id"), str)}

    def needs_source(self) -> bool:
        return any(self.type[n] == "L" and not self.is_saved_locution(n) for n in self.nodes)

    def is_saved_locution(self, nid: str) -> bool:
        """Return True for the L-node that :func:`to_aif` wrote for a quote still in the file."""
        of = _extra(self.nodes[nid]).get("locution_of")
        return of is not None and any(
            self.type[y] == "YA"
            and any(
                self.type[i] == "I"
                and _extra(self.nodes[i]).get("kind") == "evidence"
                and _extra(self.nodes[i]).get("id") == of
                for i in self.succs[y]
            )
            for y in self.succs[nid]
        )

    def read_participants(
        self,
    ) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str], dict[str, str]]:
        parties: list[dict[str, Any]] = []
        party_of: dict[str, str] = {}  # participantID -> party id
        name_of: dict[str, str] = {}  # party id -> name
        by_name: dict[str, str] = {}  # normalised name -> party id
        for p in _list(self.data, "participants"):
            pid = _key(p.get("participantID")) if isinstance(p, dict) else None
            if pid is None or pid in party_of:
                self.counts["bad-participant"] += 1
                continue
            saved = _extra(p)
            if isinstance(saved.get("id"), str):
                party = dict(saved)
            else:
                parts = (str(p.get(k) or "") for k in ("firstname", "surname"))
                name = " ".join(" ".join(parts).split()) or f"Participant {pid}"
                party = {"id": self.new_id(name, fallback="participant"), "name": name}
            parties.append(party)
            party_of[pid] = party["id"]
            name_of[party["id"]] = str(party.get("name", ""))
            by_name.setdefault(_norm(name_of[party["id"]]), party["id"])
        return parties, party_of, name_of, by_name

    def read_i_nodes(
        self,
    ) -> tuple[
        list[dict[str, Any]], list[dict[str, Any]], dict[str, str], dict[str, dict[str, Any]]
    ]:
        claims: list[dict[str, Any]] = []
        evidence: list[dict[str, Any]] = []
        id_of: dict[str, str] = {}  # I nodeID -> claim or evidence id
        is_claim: dict[str, dict[str, Any]] = {}  # I nodeID -> its claim
        for nid in self.of_type("I"):
            node = self.nodes[nid]
            saved, text = _extra(node), _text(node)
            if saved.get("kind") in ("claim", "evidence") and isinstance(saved.get("id"), str):
                fields = {k: v for k, v in saved.items() if k != "kind"}
                field = "text" if saved["kind"] == "claim" else "quote"
                if text:
                    fields[field] = text
                (claims if saved["kind"] == "claim" else evidence).append(fields)
                id_of[nid] = fields["id"]
                if saved["kind"] == "claim":
                    is_claim[nid] = fields
            else:
                if not text.strip():
                    self.counts["no-text"] += 1
                    text = f"I-node {nid}"
                fields = {"id": self.new_id(nid, "aif-"), "text": text.strip(), "asserted_by": []}
                claims.append(fields)
                id_of[nid] = fields["id"]
                is_claim[nid] = fields
        return claims, evidence, id_of, is_claim

    def read_locutions(self, party_of: dict[str, str]) -> dict[str, list[str]]:
        speakers_of: dict[str, list[str]] = defaultdict(list)
        for loc in _list(self.data, "locutions"):
            if not isinstance(loc, dict):
                self.counts["bad-locution"] += 1
                continue
            lid, person = _key(loc.get("nodeID")), _key(loc.get("personID"))
            if lid is None or person is None or person not in party_of:
                self.counts["bad-locution"] += 1
                continue
            if party_of[person] not in speakers_of[lid]:
                speakers_of[lid].append(party_of[person])
        return speakers_of

    def read_schemes(self, id_of: dict[str, str]) -> list[dict[str, Any]]:
        relations: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        for nid in (n for n, t in self.type.items() if t in ("RA", "CA")):  # in file order
            kind = self.type[nid]
            saved = ARGMAP_KEY in self.nodes[nid]
            extra = {k: v for k, v in _extra(self.nodes[nid]).items() if k not in ("from", "to")}
            premises = [p for p in self.preds[nid] if p in id_of]
            conclusions = [c for c in self.succs[nid] if c in id_of]
            undercut = [c for c in self.succs[nid] if kind == "CA" and self.type[c] == "RA"]
            if undercut:
                self.counts["undercut"] += 1
                self.explained |= {(nid, c) for c in undercut}
            if not premises or not conclusions:
                self.reported.add(nid)
                if not undercut:
                    self.counts["incomplete"] += 1
                continue
            if len(premises) > 1 and kind == "RA" and not saved:
                self.counts["linked"] += 1
            rtype = "supports" if kind == "RA" else "rebuts"
            self.explained |= {(p, nid) for p in premises} | {(nid, c) for c in conclusions}
            for p in premises:
                for c in conclusions:
                    a, b = id_of[p], id_of[c]
                    if not saved and a == b:
                        self.counts["self-loop"] += 1
                        continue
                    if not saved and (a, b, rtype) in seen:
                        self.counts["repeated"] += 1
                        continue
                    seen.add((a, b, rtype))
                    relations.append({**extra, "from": a, "to": b, "type": rtype})
        return relations

    def read_l_nodes(
        self,
        id_of: dict[str, str],
        is_claim: dict[str, dict[str, Any]],
        speakers_of: dict[str, list[str]],
        parties: list[dict[str, Any]],
        name_of: dict[str, str],
        by_name: dict[str, str],
        source_id: str,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
        quotes: list[dict[str, Any]] = []
        relations: list[dict[str, Any]] = []
        lines: list[str] = []
        offset = 0
        used_ya: set[str] = set()
        for nid in self.of_type("L"):
            anchors = [
                (y, i)
                for y in self.succs[nid]
                if self.type[y] == "YA"
                for i in self.succs[y]
                if i in id_of
            ]
            if self.is_saved_locution(nid):
                used_ya |= {y for y, _ in anchors}
                self.explained |= {(nid, y) for y, _ in anchors} | set(anchors)
                continue
            if not anchors:
                self.counts["unanchored"] += 1
                self.reported.add(nid)
                continue
            text = _text(self.nodes[nid])
            speakers = list(speakers_of.get(nid, []))
            named = _SPEAKER.match(text)
            quote = text
            if named and speakers:
                names = {_norm(name_of[s]) for s in speakers}
                names.add(_norm(", ".join(name_of[s] for s in speakers)))
                if _norm(named.group(1)) in names:
                    quote = text[named.end() :]
            elif named:  # AIFdb often names the speaker only in the text
                name = " ".join(named.group(1).split())
                if _norm(name) not in by_name:
                    party = {"id": self.new_id(name, fallback="participant"), "name": name}
                    parties.append(party)
                    name_of[party["id"]] = name
                    by_name[_norm(name)] = party["id"]
                speakers = [by_name[_norm(name)]]
                quote = text[named.end() :]
            quote = quote.strip()
            if not quote:
                self.counts["empty-locution"] += 1
                self.reported |= {nid, *(y for y, _ in anchors)}
                used_ya |= {y for y, _ in anchors}
                continue
            ev_id = self.new_id(nid, "aif-")
            quotes.append(
                {
                    "id": ev_id,
                    "source": source_id,
                    "quote": quote,
                    "span": [offset, offset + len(quote)],
                    "speaker": speakers,
                }
            )
            lines.append(quote)
            offset += len(quote) + 1
            for y, i in anchors:
                used_ya.add(y)
                self.explained |= {(nid, y), (y, i)}
                illocution = _text(self.nodes[y]).strip()
                if not _assertive(illocution):
                    self.non_assertive[illocution] += 1
                    continue
                relations.append({"from": ev_id, "to": id_of[i], "type": "supports"})
                claim = is_claim.get(i)
                if claim is not None:
                    asserted: list[str] = claim.setdefault("asserted_by", [])
                    asserted += [s for s in speakers if s not in asserted]
        for y in self.of_type("YA"):
            if y not in used_ya:
                self.counts["other-ya"] += 1
                self.reported.add(y)
        return quotes, relations, lines

    # -- warnings ------------------------------------------------------------

    def warnings(self) -> list[str]:
        c = self.counts
        messages = [
            (c["no-id"], "node(s) without a nodeID skipped"),
            (c["repeated-id"], "node(s) repeating an earlier nodeID skipped"),
            (c["bad-edge"], "edge(s) that are not objects skipped"),
            (c["missing-end"], "edge(s) to or from missing nodes skipped"),
            (
                c["bad-participant"],
                "participant(s) without a participantID, or repeating one, skipped",
            ),
            (c["bad-locution"], "locution(s) naming no listed participant ignored"),
            (c["no-text"], "I-node(s) without text named after their nodeID"),
            (c["unanchored"], "L-node(s) anchored to no I-node through a YA node not carried over"),
            (c["empty-locution"], "L-node(s) without text (a speaker's name aside) skipped"),
            (c["other-ya"], "YA node(s) not linking an L-node to an I-node not carried over"),
            (c["undercut"], "undercut(s) (a CA node aimed at an RA node) not carried over"),
            (
                c["incomplete"],
                "RA or CA node(s) without a premise or a conclusion not carried over",
            ),
            (
                c["linked"],
                "RA node(s) with several premises (linked arguments) carried over as one "
                "support per premise",
            ),
            (c["self-loop"], "relation(s) from a node to itself skipped"),
            (c["repeated"], "repeated relation(s) given once"),
        ]
        out = [f"{n} {text}" for n, text in messages if n]
        if self.non_assertive:
            kinds = ", ".join(
                f"{k or 'untitled'}: {n}" for k, n in sorted(self.non_assertive.items())
            )
            out.append(
                f"{self.non_assertive.total()} locution(s) that do not assert their proposition "
                f"({kinds}) kept as quotes, not linked to it"
            )
        out += [
            f"{n} {kind} node(s) not carried over" for kind, n in sorted(self.other_types.items())
        ]
        out += [
            f"{n} {pair} edge(s) not carried over" for pair, n in sorted(self.unexplained.items())
        ]
        return out


@writer("aif", extensions=(".aif.json", ".aif"), description="AIF JSON (OVA, AIFdb)")
def _write(m: ArgumentMap, **_: Any) -> str:
    return json.dumps(to_aif(m), indent=2, ensure_ascii=False) + "\n"


@reader("aif", extensions=(".aif.json", ".aif"), description="AIF JSON (OVA, AIFdb)")
def _read(text: str, **_: Any) -> ImportResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    return from_aif(data)
