"""The command line, run in-process through main(argv)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import build_parser, main
from argmap.model import map_schema
from conftest import ROOT, write_map

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_map(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    assert out.strip() == f"{path}: 2 claims, 3 quotes, 4 relations; 0 errors, 0 warnings"


def test_check_json_and_strict(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    base["claims"][0]["asserted_by"] = []
    path = write_map(tmp_path, base)
    code, out, _ = run(capsys, "check", str(path), "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["warnings"] == 1 and report["errors"] == 0
    (diag,) = report["diagnostics"]
    assert diag["code"] == "W109" and diag["subject"] == "betrayal" and diag["line"] > 1
    assert run(capsys, "check", str(path), "--strict")[0] == 1
    assert run(capsys, "check", str(path), "--strict", "--ignore", "w109")[0] == 0


def test_check_errors_exit_1(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    base["relations"].append({"from": "control", "to": "nobody", "type": "rebuts"})
    code, out, _ = run(capsys, "check", str(write_map(tmp_path, base)))
    assert code == 1 and "error E011 [control->nobody]" in out


def test_list_rules(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "check", "--list-rules")
    assert code == 0
    assert "E020  error    quote-not-found" in out and "E001  error    invalid-json" in out
    code, out, _ = run(capsys, "check", "--list-rules", "--format", "json")
    assert {"code": "W103", "severity": "warning", "name": "support-cycle"}.items() <= next(
        r for r in json.loads(out) if r["code"] == "W103"
    ).items()


def test_check_without_map_is_usage_error(capsys: Capsys) -> None:
    code, _, err = run(capsys, "check")
    assert code == 2 and "give a MAP" in err


def test_unrebutted_text_and_json(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    code, out, _ = run(capsys, "unrebutted", str(path))
    assert code == 0
    # Short by default, but each claim as a reader takes it: asserters and hedge.
    assert out.splitlines()[:4] == [
        f"1 of 2 claims are unrebutted in {path}",
        "",
        "control  [2 quotes]",
        "  According to OpenAI: Musk wanted to control OpenAI.",
    ]
    assert "«" not in out
    code, out, _ = run(capsys, "unrebutted", str(path), "--quotes")
    assert code == 0
    assert out.splitlines()[:4] == [
        f"1 of 2 claims are unrebutted in {path}",
        "",
        "control",
        "  According to OpenAI: Musk wanted to control OpenAI.",
    ]
    assert "« Musk voulait être le dirigeant »  (news, reporting OpenAI)  [news:2:17]" in out
    assert "[note:1:18]" in out
    code, out, _ = run(capsys, "unrebutted", str(path), "--format", "json")
    (claim,) = json.loads(out)["unrebutted"]
    assert claim["id"] == "control" and [q["evidence"] for q in claim["quotes"]] == [
        "ev-control",
        "ev-note",
    ]
    assert claim["line"] == "According to OpenAI: Musk wanted to control OpenAI."
    assert claim["quotes"][0]["credit"] == "news, reporting OpenAI"


def test_unrebutted_output_file_is_written(
    tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    path = write_map(tmp_path, base)
    out_file = tmp_path / "u.json"
    assert run(capsys, "unrebutted", str(path), "--format", "json", "-o", str(out_file))[0] == 0
    assert json.loads(out_file.read_text())["claims"] == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    code, _, err = run(capsys, "unrebutted", str(path), "-o", str(tmp_path / "no" / "x.txt"))
    assert code == 2 and "does not exist" in err


def test_stats(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    code, out, _ = run(capsys, "stats", str(path), "--format", "json")
    s = json.loads(out)
    assert code == 0
    assert (s["claims"], s["evidence"], s["supports"], s["rebuts"], s["unrebutted"]) == (
        2,
        3,
        3,
        1,
        1,
    )
    assert s["evidence_per_source"] == {"news": 2, "note": 1}
    code, out, _ = run(capsys, "stats", str(path))
    assert "  Elon Musk" in out and "rebuts" in out


def test_schema_matches_committed_copy(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out) == map_schema()
    committed = json.loads((ROOT / "schema" / "argmap.schema.json").read_text())
    assert committed == map_schema(), "run: argmap schema -o schema/argmap.schema.json"


@pytest.mark.parametrize("command", sorted(build_parser()._subparsers._group_actions[0].choices))  # type: ignore[union-attr]
def test_every_command_has_help_with_examples(command: str, capsys: Capsys) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "examples:" in out and f"argmap {command}" in out


def test_usage_errors_exit_2(capsys: Capsys) -> None:
    assert run(capsys)[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "check", "--format", "xml", "x.json")[0] == 2


def test_unreadable_map_exits_2(tmp_path: Path, capsys: Capsys) -> None:
    code, _, err = run(capsys, "unrebutted", str(tmp_path / "missing.json"))
    assert code == 2 and err.strip().endswith("error E005 file not found")


def test_python_dash_m(tmp_path: Path, base: dict[str, Any]) -> None:
    path = write_map(tmp_path, base)
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and "0 errors" in proc.stdout


def test_minimal_example_is_clean(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "check", str(ROOT / "examples" / "minimal" / "map.json"))
    assert code == 0 and out.strip().endswith("0 errors, 0 warnings")


def test_readme_commands_are_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = readme.split("```sh\n")
    main_command, test_command = (b.split("\n", 1)[0] for b in blocks[1:3])
    assert "pip install ." in main_command and "data/claims.json" in main_command
    assert test_command in ci.splitlines()


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text("ab-é \u00a0\u2009", min_size=1, max_size=12), max_size=20).map(" ".join),
    st.integers(8, 40),
    st.sampled_from(["", "  ", "- "]),
    st.booleans(),
)
def test_wrap_is_textwrap(text: str, width: int, indent: str, hyphens: bool) -> None:
    import textwrap

    from argmap.cli.common import wrap

    expected = textwrap.wrap(
        text, width, initial_indent=indent, subsequent_indent="  ", break_on_hyphens=hyphens
    )
    assert wrap(text, width, indent, "  ", break_on_hyphens=hyphens) == expected
