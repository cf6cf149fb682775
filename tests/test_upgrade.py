"""Maps of version 1 keep loading and checking; `argmap upgrade` writes version 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.cli import main
from argmap.model import FORMAT_VERSION, upgrade
from conftest import ROOT, write_map

Capsys = pytest.CaptureFixture[str]


def test_version_1_maps_load_as_version_2_and_check_as_before(base: dict[str, Any]) -> None:
    assert base["argmap"] == "1"
    m = argmap.loads(json.dumps(base))
    assert m.argmap == FORMAT_VERSION == "2"
    assert argmap.check(m) == []
    bundled = argmap.load(ROOT / "data" / "claims.json")
    assert not [d for d in argmap.check(bundled) if d.severity.value == "error"]


def test_unknown_version_is_a_located_error(tmp_path: Path, base: dict[str, Any]) -> None:
    base["argmap"] = "3"
    with pytest.raises(argmap.MapError) as err:
        argmap.load(write_map(tmp_path, base))
    (d,) = err.value.diagnostics
    assert (d.code, d.line, d.path) == ("E003", 2, "argmap")
    assert d.message == "unknown map format version '3': this release reads versions 1 and 2"


def test_upgrade_keeps_every_value(base: dict[str, Any]) -> None:
    old = argmap.ArgumentMap.model_validate(base)
    new = upgrade(old)
    assert new.argmap == "2" and old.argmap == "1"
    assert new.model_dump(exclude={"argmap"}) == old.model_dump(exclude={"argmap"})


def test_upgrade_command(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    assert main(["upgrade", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["argmap"] == "2" and data["claims"] == base["claims"]
    out = tmp_path / "v2.json"
    assert main(["upgrade", str(path), "-o", str(out)]) == 0
    assert argmap.check(argmap.load(out)) == []
    before = path.read_text()
    assert main(["upgrade", str(path), "-o", str(path)]) == 2
    assert "the output would overwrite the input" in capsys.readouterr().err
    assert path.read_text() == before


def test_upgrade_rewrites_source_paths_for_the_output_folder(
    tmp_path: Path, capsys: Capsys
) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "s.txt").write_text("Il pleut.", encoding="utf-8")
    data = {
        "argmap": "1",
        "sources": [{"id": "s", "title": "S", "path": "s.txt"}],
        "claims": [{"id": "c", "text": "It rains.", "asserted_by": ["p"]}],
        "parties": [{"id": "p", "name": "P"}],
        "evidence": [{"id": "e", "source": "s", "quote": "Il pleut."}],
        "relations": [{"from": "e", "to": "c", "type": "supports"}],
    }
    path = write_map(folder, data)
    out = tmp_path / "up.json"
    assert main(["upgrade", str(path), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["sources"][0]["path"] == "maps/s.txt"
    assert argmap.check(argmap.load(out)) == []
    # Into a folder beside it, the text would lie outside: say so.
    (tmp_path / "other").mkdir()
    assert main(["upgrade", str(path), "-o", str(tmp_path / "other" / "m.json")]) == 0
    assert "lies outside the output's folder" in capsys.readouterr().err
