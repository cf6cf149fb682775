"""AIF JSON, the Argument Interchange Format of OVA and the AIFdb corpora.

An AIF file is a graph: ``nodes`` (``nodeID``, ``text``, ``type``,
``timestamp``), ``edges`` (``edgeID``, ``fromID``, ``toID``), ``locutions``
(``nodeID`` of an L-node, ``personID``) and ``participants`` (``participantID``,
``firstname``, ``surname``). I-nodes are propositions; RA nodes inferences
(premises -> RA -> conclusion); CA nodes conflicts (attacker -> CA -> target,
and a CA node whose target is an RA node attacks the inference itself: an
undercut); L-nodes locutions, tied to what they assert through YA (illocution)
nodes; TA nodes transitions from one move of a dialogue to the move that answers
it; MA (rephrase) and PA (preference) nodes complete the format. OVA and AIFdb
name an RA, CA or TA node's scheme in its ``text`` ("Argument From Expert
Opinion"; "Default Inference" when none is named); AraucariaDB files, and
Carneades, keep it in a ``scheme`` key beside a bare ``text`` ("RA").

**Export** (:func:`to_aif`). Node and edge ids are numbers written as strings
("1", "2", ...), as AIFdb writes them. A claim becomes an I-node. A quote
becomes an I-node too, and a locution that utters it: an L-node ``"Name:
quote"`` linked to its I-node through a YA node "Asserting" (L -> YA -> I), with
one ``locutions`` entry per party it names. The locution is the speaker's when
the quote conveys someone's words (its ``speaker``, leaving out its reporter), else
the reporter's (the journalist's own narration); when it has both, the
reporter's L-node asserts the speaker's (reported speech: L reporter -> YA -> L
speaker -> YA -> I). The reporter is the one in effect
(:meth:`argmap.ArgumentMap.reporter_of`). A relation becomes one S-node:

- ``supports``: an RA node (from -> RA -> to);
- ``rebuts``: a CA node (from -> CA -> to);
- ``undercuts``: a CA node whose target is the S-node of the relation it aims at
  (from -> CA -> RA of that support, or CA of that rebuttal): AIF's undercut;
- a move that denies nothing (``counter-accuses``, ``insults``, ``contrasts``): a
  TA node "Default Transition" from the node it answers, with a YA node anchored
  in it that names the move ("Counter-accusing", "Insulting", "Contrasting", see
  :data:`MOVE_ILLOCUTIONS`) and points at the answering node: to -> TA -> YA ->
  from. A transition is how AIF records that one move answers another without any
  inference or conflict between their contents, so no tool that evaluates the
  argument counts it; argmap's claims carry no locution of their own, so the
  transition links I-nodes.

An S-node's ``text`` is the relation's ``scheme`` when it has one (as OVA writes
scheme names), else "Default Inference", "Default Conflict" or "Default
Transition", and the scheme is also in a ``scheme`` key (as AraucariaDB writes it).
Parties become ``participants`` (the name split into first name and surname).
What AIF has no place for rides in ``argmap`` keys, which AIF tools ignore: every
field of a claim or quote on its I-node (hedges and translation marks among them),
a relation's id and rationale on its S-node, the whole party on its participant,
and the map's title, description, language, questions and sources at the top
level. A relation whose end the map does not define (an error that ``argmap
check`` reports) gets no edge on that side.

**Import** (:func:`from_aif`) of any AIF file, bare or wrapped in an ``AIF`` or
``aif`` key (OVA, xAIF); ids may be numbers or strings, unknown keys are ignored:

- an I-node becomes a claim, with the id ``aif-<nodeID>`` (made a slug, unique);
- each premise of an RA node supports each of its conclusions; each attacker of
  a CA node rebuts each of its I-node targets;
- a CA node aimed at an RA node, or at another CA or TA node that became a
  relation, becomes an ``undercuts`` relation for each relation that node became,
  and those relations get an id (``aif-<nodeID>``) for the undercut to aim at;
- a TA node with a YA node naming a move becomes that move; other TA nodes (the
  turns of a dialogue) are not carried over;
- an RA, CA or TA node's scheme (its ``scheme`` key, else its ``text`` unless that
  is a default name such as "Default Inference" or "RA") becomes the relation's
  ``scheme``; OVA's numeric ``schemefulfillments`` are ignored, as they only hold
  numbers from AIFdb's scheme table;
- an L-node that reaches an I-node through a YA node becomes a quote, spoken by
  the participants its ``locutions`` name (or, when none is named, by the name
  before the colon, ``"Name: text"``, as AIFdb writes, or before "says",
  ``"Name says 'text'"``, as AraucariaDB writes). An L-node asserting another
  L-node is reported speech: its speaker becomes the reported quote's
  ``reporter``. Otherwise the quote's reporter is left unknown (None): in a
  dialogue or a transcript every party speaks in its own voice and nobody narrates,
  so there is no reporter to name, and the quote's hedge is then 'reports' (a
  speaker's words, reported by the transcript). The quote supports the I-node's
  claim, and its speaker asserts that claim, when the illocution is an assertion
  (Asserting, Agreeing, Restating, Conceding, ...); a questioning, challenging or
  disagreeing illocution keeps the quote but no link, with a warning. Quotes come
  without a source text, so the import makes one source (kind ``other``) whose
  inline text is the quotes, one per line, and records each quote's span in it:
  every quote is proven;
- participants become parties, their id a slug of their name.

What argmap cannot hold is counted in :attr:`ImportResult.warnings`, never
dropped silently: MA and PA nodes, TA nodes that name no move, YA nodes other than
L -> YA -> I or L, L-nodes anchored to no I-node, nodes without an id, edges to
missing nodes, S-nodes missing a side, undercuts of nodes that carry no relation,
and any other edge that argmap has no relation for.

A node or participant carrying an ``argmap`` key (as :func:`to_aif` writes) is
read back from it, with the AIF text and scheme winning over the saved ones, so a
file exported, edited in OVA and imported again keeps its ids and fields, and
map -> AIF -> map gives back an equal map.

Example:
    >>> data = {"nodes": [
    ...     {"nodeID": 1, "text": "It rains", "type": "I"},
    ...     {"nodeID": 2, "text": "The street is wet", "type": "I"},
    ...     {"nodeID": 3, "text": "Argument From Sign", "type": "RA"},
    ...     {"nodeID": 4, "text": "The street was hosed", "type": "I"},
    ...     {"nodeID": 5, "text": "Default Conflict", "type": "CA"}],
    ...     "edges": [{"fromID": 2, "toID": 3}, {"fromID": 3, "toID": 1},
    ...               {"fromID": 4, "toID": 5}, {"fromID": 5, "toID": 3}]}
    >>> r = from_aif(data)
    >>> [(x.id, x.source, x.type.value, x.target, x.scheme) for x in r.map.relations]
    [('aif-3', 'aif-2', 'supports', 'aif-1', 'Argument From Sign'), \
(None, 'aif-4', 'undercuts', 'aif-3', None)]
    >>> r.warnings
    []
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

from argmap.formats import FormatError, ImportResult, map_from_data, reader, writer
from argmap.model import MOVES, ArgumentMap, Evidence, RelationType, quote_reporter

__all__ = ["ARGMAP_KEY", "MOVE_ILLOCUTIONS", "from_aif", "to_aif"]

#: The key under which argmap's own fields ride in AIF nodes, participants and file.
ARGMAP_KEY = "argmap"
#: AIF wants a timestamp on every node; argmap keeps its dates in its own fields.
TIMESTAMP = "1970-01-01 00:00:00"
#: The illocution (the text of the YA node anchored in a TA node) that names each
#: move that denies nothing.
MOVE_ILLOCUTIONS: dict[str, str] = {
    RelationType.COUNTER_ACCUSES.value: "Counter-accusing",
    RelationType.INSULTS.value: "Insulting",
    RelationType.CONTRASTS.value: "Contrasting",
}

_MAP_LISTS = ("parties", "claims", "evidence", "relations")
_S_NODE = {
    RelationType.SUPPORTS: "RA",
    RelationType.REBUTS: "CA",
    RelationType.UNDERCUTS: "CA",
    **{move: "TA" for move in MOVES},
}
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "TA": "Default Transition"}
# Texts that name no scheme: AIFdb's defaults and AraucariaDB's bare node types.
_NO_SCHEME = {
    *(t.casefold() for t in _DEFAULT_TEXT.values()),
    *("default rephrase", "default preference", "ra", "ca", "ta", "ma", "pa"),
}
_MOVE_OF = {
    **{text.casefold(): move for move, text in MOVE_ILLOCUTIONS.items()},
    **{move: move for move in MOVE_ILLOCUTIONS},
}
_SCHEME_MAX = 80  # Relation.scheme's longest name


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
        ...     "relations": [{"id": "r", "from": "q", "to": "a", "type": "rebuts"},
        ...                   {"from": "a", "to": "r", "type": "undercuts",
        ...                    "scheme": "ad-hominem"}]})
        >>> aif = to_aif(m)
        >>> [(n["nodeID"], n["type"], n["text"]) for n in aif["nodes"]]
        [('1', 'I', 'A'), ('2', 'I', 'No'), ('3', 'L', 'Bo Li: No'), ('4', 'YA', 'Asserting'), \
('5', 'CA', 'Default Conflict'), ('6', 'CA', 'ad-hominem')]
        >>> [(e["fromID"], e["toID"]) for e in aif["edges"]]
        [('3', '4'), ('4', '2'), ('2', '5'), ('5', '1'), ('1', '6'), ('6', '5')]
        >>> aif["participants"][0]["firstname"], aif["locutions"][0]["personID"]
        ('Bo', '1')
    """
    data = m.to_json_data()
    out = _Graph()
    participants, person, names = _participants(data.get("parties", []))
    node_of: dict[str, str] = {}  # argmap id -> nodeID (the first element wins on duplicates)
    for claim in data.get("claims", []):
        fields = {k: v for k, v in claim.items() if k != "text"}
        node_of.setdefault(claim["id"], out.node("I", claim["text"], {"kind": "claim", **fields}))
    sources, parties = m.source_by_id(), m.party_by_id()
    for ev, fields in zip(m.evidence, data.get("evidence", []), strict=True):
        rest = {k: v for k, v in fields.items() if k != "quote"}
        nid = out.node("I", ev.quote, {"kind": "evidence", **rest})
        node_of.setdefault(ev.id, nid)
        reporter = quote_reporter(ev, sources.get(ev.source), parties)
        _write_locutions(out, ev, reporter, nid, person, names)
    _write_relations(out, m, data.get("relations", []), node_of)
    return {
        "nodes": out.nodes,
        "edges": out.edges,
        "locutions": out.locutions,
        "participants": participants,
        ARGMAP_KEY: {k: v for k, v in data.items() if k not in _MAP_LISTS},
    }


class _Graph:
    """The nodes, edges and locutions of an AIF file being written."""

    def __init__(self) -> None:
        self.numbers = itertools.count(1)
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []

    def node(self, kind: str, text: str, extra: dict[str, Any], scheme: str | None = None) -> str:
        nid = str(next(self.numbers))
        node: dict[str, Any] = {"nodeID": nid, "text": text, "type": kind, "timestamp": TIMESTAMP}
        if scheme is not None:
            node["scheme"] = scheme
        node[ARGMAP_KEY] = extra
        self.nodes.append(node)
        return nid

    def edge(self, a: str, b: str) -> None:
        self.edges.append(
            {"edgeID": str(len(self.edges) + 1), "fromID": a, "toID": b, "formEdgeID": None}
        )

    def locution(self, lid: str, person: str) -> None:
        self.locutions.append(
            {
                "nodeID": lid,
                "personID": person,
                "timestamp": TIMESTAMP,
                "start": None,
                "end": None,
                "source": None,
            }
        )


def _participants(
    parties: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
    """Return the participants, the participantID of each party id and each party's name."""
    participants: list[dict[str, Any]] = []
    person: dict[str, str] = {}
    names: dict[str, str] = {}
    for k, party in enumerate(parties, 1):
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
    return participants, person, names


def _write_locutions(
    out: _Graph,
    ev: Evidence,
    reporter: str | None,
    i_node: str,
    person: dict[str, str],
    names: dict[str, str],
) -> None:
    """Write the locutions that utter a quote, outermost first: the reporter's asserting
    the speaker's when it has both, else the one of whoever utters it."""
    speakers = [p for p in ev.speaker if p != reporter]
    if reporter is not None and speakers:
        layers = [[reporter], speakers]
    else:
        layers = [speakers or ([reporter] if reporter is not None else [])]
    mark = {"locution_of": ev.id}
    anchors: list[str] = []
    for who in layers:
        names_said = ", ".join(names.get(p, p) for p in who)
        lid = out.node("L", f"{names_said}: {ev.quote}" if who else ev.quote, dict(mark))
        yid = out.node("YA", "Asserting", dict(mark))
        anchors += [lid, yid]
        for p in who:
            out.locution(lid, person.get(p, p))
    for a, b in itertools.pairwise([*anchors, i_node]):
        out.edge(a, b)


def _write_relations(
    out: _Graph, m: ArgumentMap, relations: list[dict[str, Any]], node_of: dict[str, str]
) -> None:
    """Write one S-node per relation (and a YA node naming each move), then their edges."""
    written: list[tuple[str, str | None]] = []  # (S-node, YA node of a move)
    for rel, fields in zip(m.relations, relations, strict=True):
        kind = _S_NODE[rel.type]
        extra = {k: v for k, v in fields.items() if k not in ("from", "to", "type")}
        sid = out.node(kind, rel.scheme or _DEFAULT_TEXT[kind], extra, rel.scheme)
        ya = out.node("YA", MOVE_ILLOCUTIONS[rel.type.value], {}) if kind == "TA" else None
        written.append((sid, ya))
    s_node_of: dict[str, str] = {}  # relation id -> its S-node (the first relation wins)
    for rel, (sid, _) in zip(m.relations, written, strict=True):
        if rel.id is not None:
            s_node_of.setdefault(rel.id, sid)
    for rel, (sid, ya) in zip(m.relations, written, strict=True):
        start = node_of.get(rel.source)
        end = (s_node_of if rel.type is RelationType.UNDERCUTS else node_of).get(rel.target)
        if ya is not None:  # a move: the node answered -> TA -> YA -> the answering node
            if end is not None:
                out.edge(end, sid)
            out.edge(sid, ya)
            if start is not None:
                out.edge(ya, start)
            continue
        if start is not None:
            out.edge(start, sid)
        if end is not None:
            out.edge(sid, end)


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
        >>> [(e.id, e.quote, e.speaker, e.reporter) for e in r.map.evidence]
        [('aif-2', 'Tweety flies', ['ann'], None)]
        >>> r.map.claims[0].asserted_by
        ['ann']
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
# "Name says 'text'", as AraucariaDB writes them.
_SAYS = re.compile(r"^\s*([^:\n.!?'\"‘“]{1,60}?)\s+says\s+(['\"‘“])(.*)['\"’”]\s*$", re.DOTALL)


def _named(text: str) -> tuple[str, str] | None:
    """Return the speaker's name a locution's text starts with, and the rest of it."""
    says = _SAYS.match(text)
    if says:
        return says.group(1), says.group(3)
    named = _SPEAKER.match(text)
    return (named.group(1), text[named.end() :]) if named else None


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
        self.carried: set[str] = set()  # TA and YA nodes that became moves
        self.used_ids: set[str] = set()
        self.meta = _extra(data)
        self.relations = _Relations(self)

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
        self.relations.read(id_of)
        voices = _Voices(self, speakers_of, parties, name_of, by_name)
        quotes, quote_relations, lines = self.read_l_nodes(id_of, is_claim, voices, source_id)
        relations = self.relations.resolve()
        self.count_leftovers()
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

    def count_leftovers(self) -> None:
        """Count the nodes of types argmap has no place for, and the edges nothing used."""
        for nid in self.nodes:
            kind = self.type[nid]
            if kind not in ("I", "L", "YA", "RA", "CA") and nid not in self.carried:
                self.other_types[kind or "untyped"] += 1
                self.reported.add(nid)
        for a, b in self.edges:
            if (a, b) not in self.explained and not {a, b} & self.reported:
                self.unexplained[f"{self.type[a] or '?'}->{self.type[b] or '?'}"] += 1

    def reserve_saved_ids(self) -> None:
        saved = [_extra(n) for nid, n in self.nodes.items() if self.type[nid] in _SAVED_ID_TYPES]
        saved += [_extra(p) for p in _list(self.data, "participants") if isinstance(p, dict)]
        sources = self.meta.get("sources")
        saved += [s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []
        self.used_ids |= {x["id"] for x in saved if isinstance(x.get("id"), str)}

    def needs_source(self) -> bool:
        return any(self.type[n] == "L" and not self.is_saved_locution(n) for n in self.nodes)

    def is_saved_locution(self, nid: str, depth: int = 0) -> bool:
        """Return True for an L-node that :func:`to_aif` wrote for a quote still in the
        file: it asserts the quote's I-node, or the quote's other saved L-node."""
        of = _extra(self.nodes[nid]).get("locution_of")
        if of is None or depth > 1:
            return False
        for y in self.succs[nid]:
            if self.type[y] != "YA":
                continue
            for i in self.succs[y]:
                saved, kind = _extra(self.nodes[i]), self.type[i]
                if kind == "I" and saved.get("kind") == "evidence" and saved.get("id") == of:
                    return True
                if kind == "L" and saved.get("locution_of") == of and i != nid:
                    return self.is_saved_locution(i, depth + 1)
        return False

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

    def anchors(self, nid: str, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
        """Return the ``(YA node, node)`` pairs through which an L-node asserts nodes of
        the given types."""
        return [
            (y, i)
            for y in self.succs[nid]
            if self.type[y] == "YA"
            for i in self.succs[y]
            if self.type[i] in kinds and i != nid
        ]

    def read_l_nodes(
        self,
        id_of: dict[str, str],
        is_claim: dict[str, dict[str, Any]],
        voices: _Voices,
        source_id: str,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
        quotes: list[dict[str, Any]] = []
        relations: list[dict[str, Any]] = []
        lines: list[str] = []
        offset = 0
        used_ya = set(self.carried)
        for nid in self.of_type("L"):
            anchors = [(y, i) for y, i in self.anchors(nid, ("I",)) if i in id_of]
            reported = self.anchors(nid, ("L",))  # reported speech: nid reports these
            if self.is_saved_locution(nid):
                used_ya |= {y for y, _ in anchors + reported}
                self.explained |= {(nid, y) for y, _ in anchors + reported}
                self.explained |= set(anchors + reported)
                continue
            used_ya |= {y for y, _ in reported}
            self.explained |= {(nid, y) for y, _ in reported} | set(reported)
            if not anchors:
                if not reported:
                    self.counts["unanchored"] += 1
                    self.reported.add(nid)
                continue
            speakers, quote = voices.of(nid)
            if not quote:
                self.counts["empty-locution"] += 1
                self.reported |= {nid, *(y for y, _ in anchors)}
                used_ya |= {y for y, _ in anchors}
                continue
            ev_id = self.new_id(nid, "aif-")
            ev: dict[str, Any] = {
                "id": ev_id,
                "source": source_id,
                "quote": quote,
                "span": [offset, offset + len(quote)],
                "speaker": speakers,
            }
            reporter = voices.reporter_of(nid)
            if reporter is not None:
                ev["reporter"] = reporter
            quotes.append(ev)
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
            (
                c["incomplete"],
                "RA or CA node(s) without a premise or a conclusion not carried over",
            ),
            (c["incomplete-move"], "move(s) (TA nodes) without both ends not carried over"),
            (
                c["undercut-of-nothing"],
                "undercut(s) of an S-node that carries no relation not carried over",
            ),
            (
                c["linked"],
                "RA node(s) with several premises (linked arguments) carried over as one "
                "support per premise",
            ),
            (c["self-loop"], "relation(s) from a node to itself skipped"),
            (c["repeated"], "repeated relation(s) given once"),
            (
                c["long-scheme"],
                f"scheme name(s) longer than {_SCHEME_MAX} characters left out",
            ),
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


_SAVED_ID_TYPES = frozenset({"I", "RA", "CA", "TA"})


class _Voices:
    """Who speaks in each L-node, what it says, and who reports it (speakers named only
    in the text become parties, in the order the L-nodes come)."""

    def __init__(
        self,
        importer: _Importer,
        speakers_of: dict[str, list[str]],
        parties: list[dict[str, Any]],
        name_of: dict[str, str],
        by_name: dict[str, str],
    ) -> None:
        self.importer = importer
        self.speakers_of = speakers_of
        self.parties = parties
        self.name_of = name_of
        self.by_name = by_name
        self.said: dict[str, tuple[list[str], str]] = {}
        self.reporter: dict[str, str] = {}  # reported L-node -> the reporting L-node's speaker
        for nid in importer.of_type("L"):
            if importer.is_saved_locution(nid):
                continue
            for _, inner in importer.anchors(nid, ("L",)):
                speakers = self.of(nid)[0]
                if speakers:
                    self.reporter.setdefault(inner, speakers[0])

    def of(self, nid: str) -> tuple[list[str], str]:
        """Return the speakers of an L-node and its text without their name."""
        if nid not in self.said:
            self.said[nid] = self._read(nid)
        return self.said[nid]

    def reporter_of(self, nid: str) -> str | None:
        return self.reporter.get(nid)

    def _read(self, nid: str) -> tuple[list[str], str]:
        text = _text(self.importer.nodes[nid])
        speakers = list(self.speakers_of.get(nid, []))
        named = _named(text)
        quote = text
        if named and speakers:
            names = {_norm(self.name_of[s]) for s in speakers}
            names.add(_norm(", ".join(self.name_of[s] for s in speakers)))
            if _norm(named[0]) in names:
                quote = named[1]
        elif named:  # AIFdb often names the speaker only in the text
            name = " ".join(named[0].split())
            if _norm(name) not in self.by_name:
                party = {"id": self.importer.new_id(name, fallback="participant"), "name": name}
                self.parties.append(party)
                self.name_of[party["id"]] = name
                self.by_name[_norm(name)] = party["id"]
            speakers = [self.by_name[_norm(name)]]
            quote = named[1]
        return speakers, quote.strip()


class _Relations:
    """The relations that RA, CA and TA nodes become: read in file order, then the
    undercuts resolved once every relation they may aim at is known."""

    def __init__(self, importer: _Importer) -> None:
        self.importer = importer
        self.of_node: dict[str, list[dict[str, Any]]] = {}  # S-node -> its relations
        self.aims: dict[str, list[tuple[str, str]]] = {}  # CA node -> (attacker, S-node)
        self.pending: dict[str, dict[str, Any]] = {}  # CA node -> its one undercut, unaimed
        self.order: list[str] = []  # S-nodes that carry relations, in file order
        self.extra: dict[str, dict[str, Any]] = {}
        self.seen: set[tuple[str, str, str]] = set()
        self.resolved: dict[str, list[dict[str, Any]]] = {}
        self.resolving: set[str] = set()

    def read(self, id_of: dict[str, str]) -> None:
        for nid, kind in self.importer.type.items():  # in file order
            if kind in ("RA", "CA"):
                self.read_inference_or_conflict(nid, kind, id_of)
            elif kind == "TA":
                self.read_move(nid, id_of)

    def fields(self, nid: str) -> dict[str, Any]:
        """Return what an S-node gives the relations it becomes: its saved fields, with
        the AIF's own scheme instead of the saved one."""
        if nid not in self.extra:
            node = self.importer.nodes[nid]
            skip = ("from", "to", "type", "id", "scheme")
            extra = {k: v for k, v in _extra(node).items() if k not in skip}
            scheme = self.scheme_of(node)
            if scheme is not None:
                extra["scheme"] = scheme
            self.extra[nid] = extra
        return self.extra[nid]

    def scheme_of(self, node: dict[str, Any]) -> str | None:
        """Return an S-node's scheme: its ``scheme`` key, else its text unless that names
        no scheme."""
        key = node.get("scheme")
        if isinstance(key, str) and key.strip():
            name = key
        else:
            name = _text(node).strip()
            if not name or name.casefold() in _NO_SCHEME:
                return None
        if len(name) > _SCHEME_MAX:
            self.importer.counts["long-scheme"] += 1
            return None
        return name

    def carry(self, nid: str, rels: list[dict[str, Any]]) -> None:
        """Record the relations of an S-node; the first takes the id saved on the node."""
        saved_id = _extra(self.importer.nodes[nid]).get("id")
        if rels and isinstance(saved_id, str):
            rels[0]["id"] = saved_id
        self.of_node[nid] = rels
        self.order.append(nid)

    def read_inference_or_conflict(self, nid: str, kind: str, id_of: dict[str, str]) -> None:
        imp = self.importer
        premises = [p for p in imp.preds[nid] if p in id_of]
        conclusions = [c for c in imp.succs[nid] if c in id_of]
        aims = [c for c in imp.succs[nid] if kind == "CA" and imp.type[c] in _S_TYPES]
        if not premises or not (conclusions or aims):
            imp.reported.add(nid)
            imp.counts["incomplete"] += 1
            return
        saved = ARGMAP_KEY in imp.nodes[nid]
        if len(premises) > 1 and kind == "RA" and not saved:
            imp.counts["linked"] += 1
        imp.explained |= {(p, nid) for p in premises} | {(nid, c) for c in conclusions + aims}
        rtype = "supports" if kind == "RA" else "rebuts"
        rels = [
            rel
            for p in premises
            for c in conclusions
            if (rel := self.relation(nid, id_of[p], id_of[c], rtype)) is not None
        ]
        self.aims[nid] = [(id_of[p], a) for p in premises for a in aims]
        if not rels and len(self.aims[nid]) == 1:
            # One undercut, whose id an undercut in a cycle back to it may need before
            # its own target is resolved.
            rels = [{**self.fields(nid), "from": self.aims[nid][0][0], "type": "undercuts"}]
            self.pending[nid] = rels[0]
        self.carry(nid, rels)

    def read_move(self, nid: str, id_of: dict[str, str]) -> None:
        """Read a TA node with a YA node naming a move: answered -> TA -> YA -> answering."""
        imp = self.importer
        named = [
            (y, _MOVE_OF[_text(imp.nodes[y]).strip().casefold()])
            for y in imp.succs[nid]
            if imp.type[y] == "YA" and _text(imp.nodes[y]).strip().casefold() in _MOVE_OF
        ]
        if not named:
            return  # a turn of a dialogue: counted with the other TA nodes
        y, move = named[0]
        imp.carried |= {nid, y}
        answered = [p for p in imp.preds[nid] if p in id_of]
        answering = [c for c in imp.succs[y] if c in id_of]
        if not answered or not answering:
            imp.reported |= {nid, y}
            imp.counts["incomplete-move"] += 1
            return
        imp.explained |= {(p, nid) for p in answered} | {(nid, y)} | {(y, c) for c in answering}
        rels = [
            rel
            for c in answering
            for p in answered
            if (rel := self.relation(nid, id_of[c], id_of[p], move)) is not None
        ]
        self.carry(nid, rels)

    def relation(self, nid: str, a: str, b: str, rtype: str) -> dict[str, Any] | None:
        """Return the relation ``a rtype b`` that S-node ``nid`` carries, or None for a
        self-loop or a repeat in a file argmap did not write."""
        saved = ARGMAP_KEY in self.importer.nodes[nid]
        if not saved and a == b and rtype != "undercuts":
            self.importer.counts["self-loop"] += 1
            return None
        if not saved and (a, b, rtype) in self.seen:
            self.importer.counts["repeated"] += 1
            return None
        self.seen.add((a, b, rtype))
        return {**self.fields(nid), "from": a, "to": b, "type": rtype}

    # -- undercuts -----------------------------------------------------------

    def resolve(self) -> list[dict[str, Any]]:
        """Return every relation, in the order of the S-nodes that carry them, with the
        undercuts aimed at the ids of the relations they attack."""
        out: list[dict[str, Any]] = []
        for nid in self.order:
            out += self.final(nid)
        return out

    def final(self, nid: str) -> list[dict[str, Any]]:
        """Return the relations an S-node becomes, its undercuts included: one for each
        relation that the S-node it aims at becomes."""
        if nid in self.resolved:
            return self.resolved[nid]
        if nid in self.resolving:  # a cycle of undercuts: what is known so far
            return self.of_node.get(nid, [])
        self.resolving.add(nid)
        rels = self.of_node.get(nid, [])
        pending = self.pending.get(nid)
        for attacker, target in self.aims.get(nid, []):
            ids = [self.id_of(rel, target) for rel in self.final(target)]
            if not ids:
                self.importer.counts["undercut-of-nothing"] += 1
            for rid in ids:
                if pending is not None:
                    pending["to"], pending = rid, None
                elif (rel := self.relation(nid, attacker, rid, "undercuts")) is not None:
                    rels.append(rel)
        if pending is not None:  # the S-node it aims at carries no relation
            rels.remove(pending)
        self.resolving.discard(nid)
        self.resolved[nid] = rels
        return rels

    def id_of(self, rel: dict[str, Any], nid: str) -> str:
        """Return a relation's id, giving it one (``aif-<nodeID>``) if it has none."""
        if "id" not in rel:
            rel["id"] = self.importer.new_id(nid, "aif-")
        return str(rel["id"])


_S_TYPES = ("RA", "CA", "TA")


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
