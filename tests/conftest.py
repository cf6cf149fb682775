"""Shared fixtures: a small clean map that every rule passes, built fresh per test."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

import argmap

ROOT = Path(__file__).resolve().parents[1]

NEWS_TEXT = (
    "Musk affirme qu’OpenAI a trahi sa mission initiale. "
    "OpenAI répond que Musk voulait en prendre le contrôle.\n"
    "Selon OpenAI, « Musk voulait être le dirigeant ».\n"
)
NOTE_TEXT = "D'après la note, Musk voulait diriger OpenAI et l'intégrer à Tesla.\n"

BASE: dict[str, Any] = {
    "argmap": "1",
    "title": "Test dispute",
    "sources": [
        {
            "id": "news",
            "title": "News",
            "kind": "news-article",
            "language": "fr",
            "text": NEWS_TEXT,
        },
        {
            "id": "note",
            "title": "Note",
            "kind": "ai-generated",
            "language": "fr",
            "text": NOTE_TEXT,
        },
    ],
    "parties": [
        {"id": "musk", "name": "Elon Musk", "side": "musk"},
        {"id": "openai", "name": "OpenAI", "kind": "organisation", "side": "openai"},
    ],
    "claims": [
        {
            "id": "betrayal",
            "text": "OpenAI betrayed its founding mission.",
            "asserted_by": ["musk"],
        },
        {"id": "control", "text": "Musk wanted to control OpenAI.", "asserted_by": ["openai"]},
    ],
    "evidence": [
        {
            "id": "ev-betrayal",
            "source": "news",
            "quote": "OpenAI a trahi sa mission initiale",
            "speaker": ["musk"],
        },
        {
            "id": "ev-control",
            "source": "news",
            "quote": "Musk voulait être le dirigeant",
            "speaker": ["openai"],
        },
        {"id": "ev-note", "source": "note", "quote": "Musk voulait diriger OpenAI"},
    ],
    "relations": [
        {"from": "ev-betrayal", "to": "betrayal", "type": "supports"},
        {"from": "ev-control", "to": "control", "type": "supports"},
        {"from": "ev-note", "to": "control", "type": "supports"},
        {"from": "control", "to": "betrayal", "type": "rebuts"},
    ],
}


@pytest.fixture
def base() -> dict[str, Any]:
    """Return a fresh copy of a clean map's data (no diagnostics at all)."""
    return copy.deepcopy(BASE)


def write_map(folder: Path, data: dict[str, Any] | str, name: str = "map.json") -> Path:
    """Write a map (data or raw text) into ``folder`` and return its path."""
    path = folder / name
    text = data if isinstance(data, str) else json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


# Random maps whose ids repeat (a claim and an evidence may share one) and whose
# relations may dangle, repeat a pair, or loop: the cases where Links and to_graph
# must make the same choices.
_ID = st.sampled_from(["a", "b", "c", "d", "e", "f", "g"])


@st.composite
def tangled_maps(draw: st.DrawFn) -> argmap.ArgumentMap:
    claims = [
        {"id": i, "text": f"claim {i}, number {k}"}
        for k, i in enumerate(draw(st.lists(_ID, max_size=6)))
    ]
    evidence = [{"id": i, "source": "s", "quote": "x"} for i in draw(st.lists(_ID, max_size=6))]
    relations: list[dict[str, Any]] = [
        {"from": u, "to": v, "type": t}
        for u, v, t in draw(
            st.lists(
                st.tuples(
                    _ID | st.just("ghost"),
                    _ID,
                    st.sampled_from(["supports", "rebuts", "supports", "rebuts", "insults"]),
                ),
                max_size=14,
            )
        )
    ]
    # Some relations get ids (repeats included) and some undercuts aim at them, or at
    # an id that no relation has.
    for k, rel in enumerate(relations):
        if draw(st.booleans()):
            rel["id"] = f"r{draw(st.integers(0, k))}"
    for u, k in draw(st.lists(st.tuples(_ID, st.integers(0, 15)), max_size=4)):
        relations.append({"from": u, "to": f"r{k}", "type": "undercuts"})
    return argmap.ArgumentMap.model_validate(
        {
            "sources": [{"id": "s", "title": "S", "text": "x"}],
            "claims": claims,
            "evidence": evidence,
            "relations": relations,
        }
    )
