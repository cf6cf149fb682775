"""Hostile inputs and outputs: never a traceback, never a lost file.

Each test is made from an input that once broke the promise (a fuzzing campaign's or
a new user's): it now gets a located one-line error, exit 2, or a correct result.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import fileio
from argmap.checks import MAX_NEAR_DUPLICATE_FINDINGS, check
from argmap.cli import main
from argmap.cli.common import CliError, refuse_overwrite, wrote
from argmap.explain import MAX_DEPTH
from argmap.frameworks import MAX_ARGUMENTS
from argmap.loader import MAX_JSON_DEPTH
from argmap.provenance import find_quote
from conftest import write_map

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(capsys: Capsys, *argv: str) -> str:
    code, _, err = run(capsys, *argv)
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


# --- no command overwrites its input ------------------------------------------------------

OVERWRITING = [
    ["export", "MAP", "--to", "aif", "-o", "OUT"],
    ["export", "MAP", "--to", "node-link", "-o", "OUT"],
    ["export", "MAP", "--to", "iccma", "-o", "OUT"],
    ["unrebutted", "MAP", "-o", "OUT"],
    ["status", "MAP", "-o", "OUT"],
    ["explain", "MAP", "control", "-o", "OUT"],
    ["questions", "MAP", "-o", "OUT"],
    ["timeline", "MAP", "-o", "OUT"],
    ["upgrade", "MAP", "-o", "OUT"],
    ["render", "MAP", "--format", "dot", "-o", "OUT"],
]


@pytest.mark.parametrize("argv", OVERWRITING, ids=lambda a: " ".join(a[:3]))
@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
def test_no_command_overwrites_its_input_map(
    argv: list[str], how: str, tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    path = write_map(tmp_path, base)
    before = path.read_bytes()
    (tmp_path / "sub").mkdir()
    out = {"same": path, "dotdot": tmp_path / "sub" / ".." / path.name}.get(how)
    if how == "symlink":
        out = tmp_path / "link.json"
        out.symlink_to(path.name)
    elif how == "hardlink":
        out = tmp_path / "hard.json"
        os.link(path, out)
    assert out is not None
    cmd = [str(path) if a == "MAP" else str(out) if a == "OUT" else a for a in argv]
    err = one_line_error(capsys, *cmd)
    assert "would overwrite" in err
    assert path.read_bytes() == before


def test_no_command_overwrites_its_framework_file(tmp_path: Path, capsys: Capsys) -> None:
    af = tmp_path / "f.af"
    af.write_text("p af 2\n1 2\n", encoding="utf-8")
    for cmd in (["status", str(af)], ["export", str(af), "--to", "iccma"]):
        assert "would overwrite" in one_line_error(capsys, *cmd, "-o", str(af))
    assert af.read_text(encoding="utf-8") == "p af 2\n1 2\n"


def test_devices_are_written_in_place(tmp_path: Path, base: dict[str, Any]) -> None:
    # Renaming a temporary file over /dev/null (as root, it can be) would put a regular
    # file there: special files are opened and written instead.
    path = write_map(tmp_path, base)
    assert main(["unrebutted", str(path), "-o", "/dev/null"]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert fileio.is_special("/dev/stdout") and fileio.is_special("/dev/null")


def test_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        fileio.write_output(fifo, "through the pipe\n")
        assert os.read(reader, 100) == b"through the pipe\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_full_device_is_a_one_line_error(
    tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    err = one_line_error(capsys, "unrebutted", str(write_map(tmp_path, base)), "-o", "/dev/full")
    assert "/dev/full: cannot write: No space left on device" in err


def test_a_symbolic_link_output_is_kept_and_its_file_written(
    tmp_path: Path, base: dict[str, Any]
) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    assert main(["unrebutted", str(write_map(tmp_path, base)), "-o", str(link)]) == 0
    assert link.is_symlink() and "unrebutted" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("a-file/out.txt", "'a-file' is not a folder"),
        ("missing/out.txt", "'missing' does not exist"),
        ("x" * 300 + ".txt", "File name too long"),
        ("out\x00.txt", "embedded null byte"),
        ("folder", "is a folder"),
    ],
)
def test_unwritable_outputs_are_one_line_errors(
    output: str,
    reason: str,
    tmp_path: Path,
    base: dict[str, Any],
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_map(tmp_path, base)
    (tmp_path / "a-file").write_text("a file\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    assert reason in one_line_error(capsys, "unrebutted", path.name, "-o", output)


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_file_system_refusals_are_one_line_errors(
    code: int,
    tmp_path: Path,
    base: dict[str, Any],
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    path = write_map(tmp_path, base)
    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    out = tmp_path / "out.txt"
    assert os.strerror(code) in one_line_error(capsys, "unrebutted", str(path), "-o", str(out))
    assert not out.exists()


# --- located errors instead of tracebacks -------------------------------------------------


def test_json_nested_100000_deep(tmp_path: Path, capsys: Capsys) -> None:
    path = write_map(tmp_path, "[" * 100_000 + "]" * 100_000)
    err = one_line_error(capsys, "check", str(path))
    assert f"{path}:1:{MAX_JSON_DEPTH + 1}: error E001 invalid JSON: nested more than" in err


def test_deep_repeated_keys(tmp_path: Path, capsys: Capsys) -> None:
    # Valid for Python's parser, too deep for the scanner that places repeated keys.
    path = write_map(tmp_path, '{"a":1,"a":' * 990 + "1" + "}" * 990)
    code, _, err = run(capsys, "check", str(path))
    assert (code == 2 and "Traceback" not in err and "E001" in err) or "E004" in err


def test_a_number_of_5000_digits_in_a_map(tmp_path: Path, capsys: Capsys) -> None:
    path = write_map(tmp_path, '{"title": "t",\n "claims": [' + "9" * 5000 + "]}")
    err = one_line_error(capsys, "check", str(path))
    assert f"{path}:2:13: error E001 invalid JSON: a number of 5000 digits" in err


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("p af 2\n1 " + "9" * 5000 + "\n", ":2:3:"),
        ("p af " + "9" * 5000 + "\n", ":1:6:"),
        ("p af 1000000000000\n", ":1:6:"),
    ],
)
def test_huge_numbers_in_framework_files(
    text: str, where: str, tmp_path: Path, capsys: Capsys
) -> None:
    af = tmp_path / "f.af"
    af.write_text(text, encoding="utf-8")
    assert where in one_line_error(capsys, "status", str(af))


def test_a_framework_may_declare_at_most_max_arguments(tmp_path: Path, capsys: Capsys) -> None:
    af = tmp_path / "f.af"
    af.write_text(f"p af {MAX_ARGUMENTS + 1}\n", encoding="utf-8")
    assert f"at most {MAX_ARGUMENTS:,}" in one_line_error(capsys, "status", str(af))


def test_a_label_of_5000_digits_is_a_name(tmp_path: Path, capsys: Capsys) -> None:
    for name, text in [
        ("f.af", "p af 2\n# 1 " + "9" * 5000 + "\n# 2 b\n1 2\n"),
        ("f.tgf", "1 " + "9" * 5000 + "\n2 b\n#\n1 2\n"),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run(capsys, "status", str(path))[0] == 0
        assert run(capsys, "export", str(path), "--to", "iccma")[0] == 0
    apx = tmp_path / "f.apx"
    apx.write_text(f"arg({'9' * 5000}).\n", encoding="utf-8")
    assert ":1:5:" in one_line_error(capsys, "status", str(apx))


@pytest.mark.parametrize("field", ["title", "source text"])
def test_a_lone_surrogate(field: str, tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    if field == "title":
        base["title"] = "A\ud800"
        where = "title:"
    else:
        base["sources"][0]["text"] += "\udfff"
        where = "sources[0].text:"
    path = tmp_path / "m.json"
    path.write_text(json.dumps(base, indent=1), encoding="utf-8")  # escaped: valid JSON
    for cmd in (["check", str(path)], ["upgrade", str(path), "-o", str(tmp_path / "u.json")]):
        err = one_line_error(capsys, *cmd)
        assert where in err and "half of a surrogate pair" in err
    assert not (tmp_path / "u.json").exists()


@pytest.mark.parametrize(
    ("path", "reason"),
    [("a\x00b.txt", "NUL character"), ("b" * 300 + "/c.txt", "File name too long")],
)
def test_unusable_source_paths(
    path: str, reason: str, tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    base["sources"][0].pop("text")
    base["sources"][0]["path"] = path
    code, out, err = run(capsys, "check", str(write_map(tmp_path, base)))
    assert code == 1 and not err
    assert "error E021 [news]" in out and reason in out


def test_an_aif_import_with_a_nul_in_a_source_path(tmp_path: Path, capsys: Capsys) -> None:
    aif = tmp_path / "in.aif.json"
    meta = {"sources": [{"id": "s", "title": "S", "path": "a\x00b.txt"}]}
    aif.write_text(json.dumps({"nodes": [], "edges": [], "argmap": meta}), encoding="utf-8")
    out = tmp_path / "m.json"
    err = one_line_error(capsys, "import", "aif", str(aif), "-o", str(out))
    assert "sources[0].path" in err and "NUL" in err and not out.exists()


def test_explain_depth_is_bounded(tmp_path: Path, capsys: Capsys) -> None:
    n = 1600
    chain = {
        "claims": [{"id": f"c{i}", "text": f"Claim {i}."} for i in range(n)],
        "relations": [{"from": f"c{i + 1}", "to": f"c{i}", "type": "rebuts"} for i in range(n - 1)],
    }
    path = write_map(tmp_path, chain)
    assert f"from 1 to {MAX_DEPTH}" in one_line_error(
        capsys, "explain", str(path), "c0", "--depth", "1500"
    )
    for fmt in ("text", "json"):
        code, out, _ = run(
            capsys, "explain", str(path), "c0", "--full", "--depth", str(MAX_DEPTH), "--format", fmt
        )
        assert code == 0 and f"c{MAX_DEPTH}" in out and f"c{MAX_DEPTH + 1}\n" not in out


def test_export_to_a_picture_says_to_render(
    tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    err = one_line_error(capsys, "export", str(write_map(tmp_path, base)), "-o", "x.png")
    assert "argmap render MAP -o x.png" in err


def test_an_aif_file_read_as_a_map_is_named(tmp_path: Path, capsys: Capsys) -> None:
    path = write_map(tmp_path, {"nodes": [], "edges": [], "argmap": {"title": "t"}})
    _, _, err = run(capsys, "check", str(path))
    assert "this looks like AIF" in err and "'argmap': {" not in err


# --- bounded work on small inputs ---------------------------------------------------------


def test_near_duplicates_give_one_finding_per_claim_at_most(base: dict[str, Any]) -> None:
    text = "OpenAI abandoned its nonprofit mission when it took money from Microsoft"
    m = argmap.ArgumentMap.model_validate(
        {"claims": [{"id": f"c{i}", "text": f"{text} {i % 10}"} for i in range(400)]}
    )
    found = [d for d in check(m, select=["W106"])]
    assert len(found) == MAX_NEAR_DUPLICATE_FINDINGS + 1
    assert "similar to claim 'c2' (and 11 other claims)" in found[11].message
    assert "more claims from here on" in found[-1].message


def test_a_relation_repeated_100000_times_is_one_finding() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
            "relations": [{"from": "a", "to": "b", "type": "supports"}] * 100_000,
        }
    )
    (found,) = check(m, select=["W110"])
    assert found.message == "same relation as relations[0] (and 99998 more copies)"


def test_an_almost_matching_long_quote_gets_a_closest_passage() -> None:
    words = " ".join(f"mot{i}" for i in range(60_000))
    quote = words[1000:200_000].replace("mot5000 ", "motX ")
    match = find_quote(words, quote)
    assert not match.found and match.closest_span is not None and match.similarity > 40


def test_a_source_text_over_the_size_limit(
    tmp_path: Path, base: dict[str, Any], capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.provenance.MAX_SOURCE_BYTES", 10)
    (tmp_path / "s.txt").write_text("x" * 11, encoding="utf-8")
    base["sources"][0].pop("text")
    base["sources"][0]["path"] = "s.txt"
    _, out, _ = run(capsys, "check", str(write_map(tmp_path, base)))
    assert "has 11 bytes; argmap reads source texts of at most 10" in out


# --- rough edges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "hint"),
    [
        (["--select", "Z999"], "see 'argmap check --list-rules'"),
        (["--ignore", "W1O5"], "did you mean: W105"),
        (["--select", "E02X"], "did you mean"),
    ],
)
def test_unknown_rule_codes_are_refused(
    option: list[str], hint: str, tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    err = one_line_error(capsys, "check", str(write_map(tmp_path, base)), *option)
    assert "no rule has this code" in err and hint in err


def test_render_says_what_it_wrote(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    out = tmp_path / "m.dot"
    code, _, err = run(capsys, "render", str(write_map(tmp_path, base)), "-o", str(out))
    assert code == 0 and err == wrote(str(out), out.read_bytes()) + "\n"
    assert wrote("x", b"12") == "wrote x (2 bytes)"


def test_render_focus_typo_suggests(tmp_path: Path, base: dict[str, Any], capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    err = one_line_error(capsys, "render", str(path), "-o", "x.dot", "--focus", "contrl")
    assert "did you mean: control" in err


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_render_refuses_to_lay_out_a_huge_picture(
    tmp_path: Path, capsys: Capsys, suffix: str
) -> None:
    # Found by the fuzzing campaign: "p af 100000" drawn to PNG ran past a minute in
    # Graphviz. Such a picture is refused at once; DOT and parts of it are still drawn.
    from argmap.cli.render_cmd import DRAW_LIMIT

    af = tmp_path / "f.af"
    af.write_text(f"p af {DRAW_LIMIT + 1}\n", encoding="utf-8")
    out = tmp_path / f"out.{suffix}"
    err = one_line_error(capsys, "render", str(af), "-o", str(out))
    assert f"{DRAW_LIMIT + 1:,} boxes are too many to lay out" in err
    assert "--focus or --question" in err and not out.exists()
    code, _, _ = run(capsys, "render", str(af), "-o", str(tmp_path / "out.dot"))
    assert code == 0
    code, _, _ = run(capsys, "render", str(af), "-o", str(out), "--focus", "1", "--depth", "0")
    assert code == 0 and out.exists()


def test_status_of_a_framework_speaks_of_arguments(tmp_path: Path, capsys: Capsys) -> None:
    af = tmp_path / "f.af"
    af.write_text("p af 2\n1 2\n", encoding="utf-8")
    code, out, _ = run(capsys, "status", str(af))
    assert code == 0 and "claim" not in out and "of 2 arguments" in out


def test_export_without_to_names_the_formats(
    tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    err = one_line_error(capsys, "export", str(write_map(tmp_path, base)))
    assert "give --to (aif," in err
    _, out, _ = run(capsys, "export", "--help")
    assert "needed when writing to standard output" in " ".join(out.split())


def test_aif_round_trip_keeps_language_and_party_kinds(
    tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    base["language"] = "fr"
    base["parties"][0]["kind"] = "organisation"
    path = write_map(tmp_path, base)
    aif = tmp_path / "m.aif.json"
    back = tmp_path / "back.json"
    assert main(["export", str(path), "-o", str(aif)]) == 0
    assert main(["import", "aif", str(aif), "-o", str(back)]) == 0
    m = argmap.load(back)
    assert m.language == "fr" and m.parties[0].kind == "organisation"


def test_an_aif_import_with_a_lone_surrogate(tmp_path: Path, capsys: Capsys) -> None:
    # Found by the fuzzing campaign: the importer's warning named the text, and printing
    # it failed.
    aif = tmp_path / "in.aif.json"
    aif.write_text(
        '{"nodes": [{"nodeID": "1", "text": "a\\udfff", "type": "X"}], "edges": []}',
        encoding="utf-8",
    )
    err = one_line_error(capsys, "import", "aif", str(aif), "-o", str(tmp_path / "m.json"))
    assert "nodes[0].text" in err and "half of a surrogate pair" in err


@pytest.mark.parametrize("output", ["out\x00.dot", "x" * 300 + ".dot"])
def test_render_to_an_impossible_name(
    output: str, tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    err = one_line_error(capsys, "render", str(write_map(tmp_path, base)), "-o", output)
    assert "cannot write" in err


@pytest.mark.parametrize("command", [["check"], ["status"], ["import", "aif"]])
def test_an_endless_input_is_cut_short(
    command: list[str], tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio, "MAX_INPUT_BYTES", 1000)
    framework = tmp_path / "zero.af"
    framework.symlink_to("/dev/zero")
    path = str(framework) if command == ["status"] else "/dev/zero"
    out = ["-o", str(tmp_path / "m.json")] if command[0] == "import" else []
    err = one_line_error(capsys, *command, path, *out)
    assert "more than 1,000 bytes" in err


def test_a_device_output_is_never_taken_for_the_input() -> None:
    # In a terminal, /dev/stdin and /dev/stdout lead to one device: nothing to lose.
    refuse_overwrite("/dev/null", "/dev/null")
    with pytest.raises(CliError):
        refuse_overwrite("m.json", "./m.json")


def test_a_party_named_with_white_space_only(
    tmp_path: Path, base: dict[str, Any], capsys: Capsys
) -> None:
    # Found by the fuzzing campaign: the narration rule (W114) read the first letter of
    # an empty name.
    base["parties"][0]["name"] = " " * 50
    code, _, err = run(capsys, "check", str(write_map(tmp_path, base)))
    assert code in (0, 1) and not err
