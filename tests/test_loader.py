"""Loading maps: located, one-line errors for every kind of bad input; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.loader import JsonLocator, json_locations
from conftest import write_map

BAD = Path(__file__).parent / "bad_maps"
EXPECTED: dict[str, dict[str, Any]] = json.loads((BAD / "expected.json").read_text())


def test_every_bad_map_has_an_expectation() -> None:
    files = {p.name for p in BAD.glob("*.json")} - {"expected.json"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_map_gives_located_one_line_error(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    want = EXPECTED[name]
    path = BAD / name
    before = path.read_bytes()
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == want["exit"]
    text = out + err
    assert "Traceback" not in text
    line = next(ln for ln in text.splitlines() if f"error {want['code']}" in ln)
    assert line.startswith(f"{path}:{want['at']}: error {want['code']}")
    if "path" in want:
        assert f" {want['path']}: " in line
    assert "root:x:0:0" not in text  # nothing of /etc/passwd is ever printed
    assert path.read_bytes() == before  # the input is never touched


def test_all_schema_errors_are_reported_at_once(tmp_path: Path) -> None:
    path = write_map(
        tmp_path,
        {
            "claims": [{"id": "A B", "text": ""}, {"id": "c", "asserted_by": [3]}],
            "relations": [{"from": "a", "type": "refutes"}],
        },
    )
    with pytest.raises(argmap.MapError) as info:
        argmap.load(path)
    paths = [d.path for d in info.value.diagnostics]
    assert paths == [
        "claims[0].id",
        "claims[0].text",
        "claims[1].text",
        "claims[1].asserted_by[0]",
        "relations[0].to",
        "relations[0].type",
    ]
    assert all(d.line is not None for d in info.value.diagnostics)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for target, reason in ((tmp_path / "nope.json", "file not found"), (tmp_path, "is a folder")):
        with pytest.raises(argmap.MapError, match=reason) as info:
            argmap.load(target)
        assert info.value.diagnostics[0].code == "E005"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"title": "t"}')
    assert argmap.load(path).title == "t"


def test_loaded_map_remembers_its_folder(tmp_path: Path, base: dict[str, Any]) -> None:
    m = argmap.load(write_map(tmp_path, base))
    assert m.path == tmp_path / "map.json" and m.base_dir == tmp_path


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)


def _paths(value: Any, prefix: str = "") -> list[str]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, f"{prefix}[{i}]")
    return out


@settings(max_examples=150, deadline=None)
@given(json_values, st.sampled_from([None, 1, 2]))
def test_json_locations_point_at_each_value(value: Any, indent: int | None) -> None:
    text = json.dumps(value, indent=indent)
    locations, duplicates = json_locations(text)
    assert duplicates == []
    lines = text.split("\n")
    for path in _paths(value):
        line, col = locations[path]
        rest = lines[line - 1][col - 1 :]
        last = path.rsplit("]", 1)[-1] if path else ""
        if "." in last or (path and not path.endswith("]")):
            assert rest.startswith('"')  # an object member: its key
        else:
            assert rest and rest[0] in '[{"-0123456789tfnNI'


@settings(max_examples=150, deadline=None)
@given(json_values, st.sampled_from([None, 1, 2]))
def test_locator_agrees_with_full_scan(value: Any, indent: int | None) -> None:
    text = json.dumps(value, indent=indent)
    locations, _ = json_locations(text)
    locator = JsonLocator(text)
    # keys that are empty or hold '.' or '[' make dotted paths ambiguous; maps never use them
    assume(all(k and not any(ch in k for ch in ".[]") for k in _keys(value)))
    for path in _paths(value):
        assert locator.position(path) == locations[path]


def _keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


def test_locator_agrees_with_full_scan_across_blocks() -> None:
    # Over 64 kB of text, so line numbers come from several blocks of the count index.
    value = {"claims": [{"id": f"c-{i}", "text": "é" * (i % 7) + "x\ny"} for i in range(6000)]}
    text = json.dumps(value, indent=1, ensure_ascii=False)
    assert len(text) > 3 * 65536
    locations, _ = json_locations(text)
    locator = JsonLocator(text)
    for i in (0, 1, 2047, 2048, 4095, 5999):
        for path in (f"claims[{i}]", f"claims[{i}].text"):
            assert locator.position(path) == locations[path]
    assert locator.position("claims[6000]") is None
