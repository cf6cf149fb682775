"""AIF JSON, the Argument Interchange Format of OVA and the AIFdb corpora.

**Export.** Claims become I-nodes (information). A quote becomes an I-node too,
and also an L-node (locution: ``"Speaker: quote"``) of its speaker, linked to
its I-node through a YA node ("Asserting"), with a ``locutions`` entry naming
the participant. Each ``supports`` relation is an RA node (premise -> RA ->
conclusion), each ``rebuts`` a CA node (attacker -> CA -> target). Parties are
``participants``. argmap's own fields ride along under ``argmap`` keys, which
AIF tools ignore, so map -> AIF -> map gives the same map back.

**Import** of any AIF file: I-nodes become claims; an RA node's premises support
its conclusion; a CA node's attacker rebuts its target; an L-node reaching an
I-node through a YA node becomes a quote spoken by its participant, supporting
that claim, and the claim is asserted by that participant. The quotes go into
one inline source made of the locutions, so every quote is proven. What argmap
cannot hold (a CA aimed at an RA node, that is an undercut; MA, PA and TA
nodes; edges to missing nodes) is counted in warnings, never dropped silently.

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

import json
import re
from collections import Counter
from typing import Any

from argmap.formats import FormatError, ImportResult, map_from_data, reader, writer
from argmap.model import ArgumentMap

__all__ = ["from_aif", "to_aif"]

TIMESTAMP = "1970-01-01 00:00:00"  # AIF wants one; argmap keeps dates in its own fields


def to_aif(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as AIF JSON data (``nodes``, ``edges``, ``locutions``, ``participants``).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [
        ...     {"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]})
        >>> [(n["nodeID"], n["type"]) for n in to_aif(m)["nodes"]]
        [('a', 'I'), ('b', 'I'), ('ca-1', 'CA')]
    """
    data = m.to_json_data()
    parties = m.party_by_id()
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": f"e-{len(edges) + 1}", "fromID": a, "toID": b, "formEdgeID": None})

    for claim in data.get("claims", []):
        nodes.append(
            {
                "nodeID": claim["id"],
                "text": claim["text"],
                "type": "I",
                "timestamp": TIMESTAMP,
                "argmap": {"kind": "claim", **claim},
            }
        )
    for k, ev in enumerate(data.get("evidence", []), 1):
        nodes.append(
            {
                "nodeID": ev["id"],
                "text": ev["quote"],
                "type": "I",
                "timestamp": TIMESTAMP,
                "argmap": {"kind": "evidence", **ev},
            }
        )
        speakers = ev.get("speaker", [])
        name = ", ".join(parties[p].name if p in parties else p for p in speakers)
        lid, yid = f"l-{k}", f"ya-{k}"
        nodes.append(
            {
                "nodeID": lid,
                "text": f"{name}: {ev['quote']}" if name else ev["quote"],
                "type": "L",
                "timestamp": TIMESTAMP,
            }
        )
        nodes.append({"nodeID": yid, "text": "Asserting", "type": "YA", "timestamp": TIMESTAMP})
        edge(lid, yid)
        edge(yid, ev["id"])
        for p in speakers:
            locutions.append(
                {
                    "nodeID": lid,
                    "personID": p,
                    "timestamp": TIMESTAMP,
                    "start": None,
                    "end": None,
                    "source": ev["source"],
                }
            )
    counts = Counter[str]()
    for rel in data.get("relations", []):
        kind = "RA" if rel["type"] == "supports" else "CA"
        counts[kind] += 1
        sid = f"{kind.lower()}-{counts[kind]}"
        text = "Default Inference" if kind == "RA" else "Default Conflict"
        node: dict[str, Any] = {"nodeID": sid, "text": text, "type": kind, "timestamp": TIMESTAMP}
        if "rationale" in rel:
            node["argmap"] = {"rationale": rel["rationale"]}
        nodes.append(node)
        edge(rel["from"], sid)
        edge(sid, rel["to"])
    participants = [
        {"participantID": p["id"], "firstname": p["name"], "surname": "", "argmap": p}
        for p in data.get("parties", [])
    ]
    meta = {
        k: data[k] for k in ("$schema", "title", "description", "language", "sources") if k in data
    }
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
        "argmap": meta,
    }


_SLUG = re.compile(r"[^a-z0-9]+")


def from_aif(data: dict[str, Any]) -> ImportResult:
    """Return the map in AIF JSON data, with warnings for what argmap cannot hold.

    Raises:
        FormatError: the data has no ``nodes`` list, or what it gives cannot form a map.
    """
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise FormatError("not AIF: no 'nodes' list")
    warnings: list[str] = []
    raw_nodes: dict[str, dict[str, Any]] = {}
    skipped_nodes = 0
    for node in data["nodes"]:
        if not isinstance(node, dict) or "nodeID" not in node:
            skipped_nodes += 1
            continue
        raw_nodes[str(node["nodeID"])] = node
    if skipped_nodes:
        warnings.append(f"{skipped_nodes} node(s) without a nodeID skipped")
    preds: dict[str, list[str]] = {n: [] for n in raw_nodes}
    succs: dict[str, list[str]] = {n: [] for n in raw_nodes}
    missing = 0
    for e in data.get("edges", []) or []:
        a, b = str(e.get("fromID")), str(e.get("toID"))
        if a not in raw_nodes or b not in raw_nodes:
            missing += 1
            continue
        succs[a].append(b)
        preds[b].append(a)
    if missing:
        warnings.append(f"{missing} edge(s) to or from missing nodes skipped")
    if (
        all("argmap" in n for n in raw_nodes.values() if n.get("type") == "I")
        and isinstance(data.get("argmap"), dict)
        and any(n.get("type") == "I" for n in raw_nodes.values())
    ):
        return _from_argmap_aif(data, raw_nodes, preds, succs, warnings)
    return _from_plain_aif(data, raw_nodes, preds, succs, warnings)


def _kind(node: dict[str, Any]) -> str:
    return str(node.get("type", "")).upper()


def _from_argmap_aif(
    data: dict[str, Any],
    raw: dict[str, dict[str, Any]],
    preds: dict[str, list[str]],
    succs: dict[str, list[str]],
    warnings: list[str],
) -> ImportResult:
    claims: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for node in raw.values():
        extra = node.get("argmap", {})
        if _kind(node) == "I":
            fields = {k: v for k, v in extra.items() if k != "kind"}
            (claims if extra.get("kind") == "claim" else evidence).append(fields)
    for nid, node in raw.items():
        if _kind(node) in ("RA", "CA"):
            for a in preds[nid]:
                for b in succs[nid]:
                    rel: dict[str, Any] = {
                        "from": a,
                        "to": b,
                        "type": "supports" if _kind(node) == "RA" else "rebuts",
                    }
                    if "rationale" in node.get("argmap", {}):
                        rel["rationale"] = node["argmap"]["rationale"]
                    relations.append(rel)
    parties = [p["argmap"] for p in data.get("participants", []) if "argmap" in p]
    out = {
        **data["argmap"],
        "parties": parties,
        "claims": claims,
        "evidence": evidence,
        "relations": relations,
    }
    return ImportResult(map_from_data(out), warnings)


def _from_plain_aif(
    data: dict[str, Any],
    raw: dict[str, dict[str, Any]],
    preds: dict[str, list[str]],
    succs: dict[str, list[str]],
    warnings: list[str],
) -> ImportResult:
    used: set[str] = set()

    def slug(nid: str, prefix: str) -> str:
        base = prefix + (_SLUG.sub("-", nid.lower()).strip("-") or "x")
        out, k = base, 2
        while out in used:
            out, k = f"{base}-{k}", k + 1
        used.add(out)
        return out

    ids = {nid: slug(nid, "aif-") for nid, n in raw.items() if _kind(n) == "I"}
    participants: dict[str, dict[str, Any]] = {}
    for p in data.get("participants", []) or []:
        if isinstance(p, dict) and "participantID" in p:
            name = " ".join(str(p.get(k) or "") for k in ("firstname", "surname")).strip()
            person = str(p["participantID"])
            participants[person] = {"id": slug(person, "p-"), "name": name or person}
    speaker_of: dict[str, str] = {}
    for loc in data.get("locutions", []) or []:
        if isinstance(loc, dict) and str(loc.get("personID")) in participants:
            speaker_of[str(loc.get("nodeID"))] = str(loc["personID"])
    claims: list[dict[str, Any]] = [
        {"id": ids[nid], "text": str(raw[nid].get("text") or nid), "asserted_by": []} for nid in ids
    ]
    claim_by_id: dict[str, dict[str, Any]] = {c["id"]: c for c in claims}
    relations: list[dict[str, str]] = []
    evidence: list[dict[str, Any]] = []
    lines: list[str] = []
    unsupported: Counter[str] = Counter()
    undercuts = 0
    by_name: dict[str, str] = {}
    for nid, node in raw.items():
        kind = _kind(node)
        if kind == "RA":
            for a in preds[nid]:
                for b in succs[nid]:
                    if a in ids and b in ids:
                        relations.append({"from": ids[a], "to": ids[b], "type": "supports"})
        elif kind == "CA":
            for a in preds[nid]:
                for b in succs[nid]:
                    if a in ids and b in ids:
                        relations.append({"from": ids[a], "to": ids[b], "type": "rebuts"})
                    elif _kind(raw[b]) == "RA":
                        undercuts += 1
        elif kind == "L":
            text = str(node.get("text") or "").strip()
            targets = [i for y in succs[nid] if _kind(raw[y]) == "YA" for i in succs[y] if i in ids]
            if not text or not targets:
                continue
            pid = speaker_of.get(nid)
            quote = text
            m = re.match(r"^\s*([^:]{1,60}):\s+(.+)$", text, re.S)
            if m:
                quote = m.group(2).strip()
                if pid is None:  # AIFdb files often name the speaker only in the text
                    spoken_by = m.group(1).strip()
                    pid = by_name.get(spoken_by) or f"named-{len(by_name) + 1}"
                    if spoken_by not in by_name:
                        by_name[spoken_by] = pid
                        participants[pid] = {"id": slug(spoken_by, "p-"), "name": spoken_by}
            ev_id = slug(nid, "aif-l-")
            lines.append(quote)
            speaker = [participants[pid]["id"]] if pid in participants else []
            evidence.append({"id": ev_id, "source": "aif", "quote": quote, "speaker": speaker})
            for target in targets:
                relations.append({"from": ev_id, "to": ids[target], "type": "supports"})
                for s in speaker:
                    asserted: list[str] = claim_by_id[ids[target]]["asserted_by"]
                    if s not in asserted:
                        asserted.append(s)
        elif kind in ("MA", "PA", "TA"):
            unsupported[kind] += 1
        elif kind not in ("I", "YA"):
            unsupported[kind or "untyped"] += 1
    if undercuts:
        warnings.append(f"{undercuts} undercut(s) (a CA node aimed at an RA node) not carried over")
    for kind, n in sorted(unsupported.items()):
        warnings.append(f"{n} {kind} node(s) not carried over")
    out: dict[str, Any] = {
        "title": str(data.get("title") or "Imported from AIF"),
        "parties": list(participants.values()),
        "claims": claims,
        "evidence": evidence,
        "relations": relations,
    }
    if evidence:
        out["sources"] = [
            {
                "id": "aif",
                "title": "Locutions of the AIF file",
                "kind": "other",
                "text": "\n".join(lines) + "\n",
            }
        ]
    return ImportResult(map_from_data(out), warnings)


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
