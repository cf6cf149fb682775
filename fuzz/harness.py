"""Fuzz the command line: hostile maps, framework files, importer inputs and outputs.

Each case is a set of input files, a command line run through ``argmap.cli.main(argv)``
in a fresh folder, and what must hold whatever the input:

- no exception escapes ``main`` and the exit code is 0, 1 or 2 (else ``traceback``);
- the run ends within the time allowed (else ``hang``) and without MemoryError
  (``memory``);
- every input file is as it was, byte for byte, and still a file of its kind
  (``input modified``);
- a run that fails (exit 2) leaves no output file behind or changed, and no run
  leaves a temporary file (``non-atomic``);
- an error (exit 2) says why on standard error (``silent error``).

The strategies build inputs from the fixtures under ``tests/data`` and mutate them:
values replaced by hostile ones (numbers of 5,000 digits, JSON nested 100,000 deep,
lone surrogates, NUL bytes, over-long path components), keys dropped or repeated,
bytes cut or flipped. ``fuzz/run.py`` runs them for a while and counts the failures;
``tests/test_fuzz.py`` runs a few in the test suite.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import signal
import stat
import tempfile
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import strategies as st

from argmap.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

CLASSES = ("traceback", "hang", "memory", "input modified", "non-atomic", "silent error")


@dataclass
class Case:
    """Files to write (name -> bytes) and the command line to run among them."""

    files: dict[str, bytes]
    argv: list[str]
    links: dict[str, str] = field(default_factory=dict)  # name -> what it links to

    def describe(self) -> str:
        """Return the case as text a test can be made from."""
        shown = {k: v[:300].decode("utf-8", "backslashreplace") for k, v in self.files.items()}
        return json.dumps({"argv": self.argv, "links": self.links, "files": shown}, indent=1)


@dataclass
class Outcome:
    """What a case did: its exit code and the failure class it fell in, if any."""

    code: int | None
    failure: str | None = None
    detail: str = ""


# --- hostile values ---------------------------------------------------------------------

_DEEP = "[" * 100_000 + "]" * 100_000
_HUGE_INT = "9" * 5000
_HOSTILE_JSON = [  # raw JSON texts spliced in place of a value
    _DEEP,
    '{"a":' * 3000 + "1" + "}" * 3000,
    _HUGE_INT,
    "-" + _HUGE_INT,
    "1e999999",
    "NaN",
    "Infinity",
    '"\\ud800"',
    '"a\\udfffb"',
    '"\\u0000"',
    '"' + "a" * 300 + '"',
    '"' + "x/" * 200 + '"',
    '"../../etc/passwd"',
    '"/etc/passwd"',
    '"a\\u0000b.txt"',
    '"' + "b" * 300 + "/c.txt" + '"',
    '"C:\\\\x.txt"',
    '""',
    '" "',
    "null",
    "true",
    "-1",
    "0",
    "1.5",
    "[]",
    "{}",
    "[null]",
    '{"": 1}',
    '"' + "é" * 2000 + '"',
    '"\\u202e\\u0301\\ufeff"',
    '"musk-control"',
    '"rebuts"',
    '"supports"',
    '"undercuts"',
    '"2023-02-30"',
    '"9999-99-99"',
]

_HOSTILE_TEXT = [
    "\x00",
    "\ud800",
    "\r\n",
    "\u2028",
    "\ufeff",
    "\xa0",
    "«",
    "…",
    "'",
    '"',
    "\\",
    "#",
    "%",
    " " * 50,
    "é\u0301",
    "9" * 5000,
    "-" * 200,
    "x" * 300,
]


def _seed(name: str) -> bytes:
    return (DATA / name).read_bytes()


def _json_paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _json_paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _json_paths(v, (*prefix, i))


_MARK = "\u0001SPLICE\u0001"


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _set(copy[head], tuple(rest), value)  # type: ignore[index]
    return copy


def _drop(data: Any, path: tuple[Any, ...]) -> Any:
    if not path:
        return data
    *parent, last = path
    holder = data
    for p in parent:
        holder = holder[p]
    if isinstance(holder, dict):
        holder.pop(last, None)
    elif isinstance(holder, list) and last < len(holder):
        holder.pop(last)
    return data


@st.composite
def mutated_json(draw: st.DrawFn, seed: bytes) -> bytes:
    """Return the JSON document ``seed`` with a few values replaced, dropped or
    duplicated, or its bytes cut or flipped."""
    data = json.loads(seed)
    kind = draw(st.sampled_from(["splice", "splice", "splice", "drop", "text", "bytes", "same"]))
    if kind == "same":
        return seed
    if kind == "bytes":
        raw = bytearray(seed)
        for _ in range(draw(st.integers(1, 4))):
            op = draw(st.sampled_from(["cut", "flip", "insert"]))
            at = draw(st.integers(0, max(len(raw) - 1, 0)))
            if op == "cut":
                del raw[at:]
            elif op == "flip" and raw:
                raw[at] = draw(st.integers(0, 255))
            else:
                raw[at:at] = draw(st.binary(min_size=1, max_size=8))
        return bytes(raw)
    paths = list(_json_paths(data))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        if kind == "drop":
            data = _drop(data, path)
            paths = list(_json_paths(data))
            continue
        if kind == "text":
            value = draw(st.one_of(st.sampled_from(_HOSTILE_TEXT), st.text(max_size=20)))
            data = _set(data, path, value)
        else:
            data = _set(data, path, _MARK)
        paths = list(_json_paths(data))
    text = json.dumps(data, ensure_ascii=True)
    token = json.dumps(_MARK)
    while token in text:
        text = text.replace(token, draw(st.sampled_from(_HOSTILE_JSON)), 1)
    if draw(st.booleans()) and text.startswith("{") and len(text) > 2:
        # a key given twice
        text = '{"title": "a", "title": "b", ' + text[1:]
    return text.encode("utf-8", "surrogatepass")


# --- generated maps ---------------------------------------------------------------------

_IDS = st.sampled_from(["a", "b", "c", "d", "e", "ev-1", "ev-2", "r1", "ghost"])


@st.composite
def generated_map(draw: st.DrawFn) -> bytes:
    """Return a small map whose elements refer to each other at random."""
    claims = [
        {"id": i, "text": draw(st.text(min_size=1, max_size=30)), "asserted_by": ["p"]}
        for i in draw(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=6))
    ]
    evidence = [
        {"id": i, "source": "s", "quote": draw(st.sampled_from(["Le pont", "ferme", "zz"]))}
        for i in draw(st.lists(st.sampled_from(["ev-1", "ev-2"]), max_size=3))
    ]
    relations = [
        {
            "from": draw(_IDS),
            "to": draw(_IDS),
            "type": draw(
                st.sampled_from(
                    ["supports", "rebuts", "undercuts", "insults", "contrasts", "counter-accuses"]
                )
            ),
            **({"id": draw(_IDS)} if draw(st.booleans()) else {}),
        }
        for _ in range(draw(st.integers(0, 10)))
    ]
    m = {
        "argmap": "2",
        "title": "Generated",
        "sources": [{"id": "s", "title": "S", "text": "Le pont est ferme. Le pont ferme."}],
        "parties": [{"id": "p", "name": "P"}],
        "claims": claims,
        "evidence": evidence,
        "relations": relations,
    }
    return json.dumps(m).encode()


# --- framework files --------------------------------------------------------------------


@st.composite
def framework_text(draw: st.DrawFn, *, large: bool = True) -> tuple[str, bytes]:
    """Return a framework file's extension and text, made up and mutated; with
    ``large``, its header may declare the most arguments argmap reads (seconds of work)."""
    ext = draw(st.sampled_from([".af", ".apx", ".tgf"]))
    n = draw(st.integers(0, 6))
    edges = draw(st.lists(st.tuples(st.integers(1, max(n, 1)), st.integers(1, max(n, 1)))))
    header = draw(
        st.sampled_from(
            [str(n), "1000000000000", _HUGE_INT, "1000001", "-1", "x", "100001"]
            + (["1000000"[: n + 1]] if large else [])
        )
    )
    if ext == ".af":
        lines = [f"p af {header}"] + [f"{a} {b}" for a, b in edges]
        lines += [f"# {i} {draw(st.sampled_from(_HOSTILE_TEXT))}" for i in range(1, n + 1)]
    elif ext == ".apx":
        terms = st.sampled_from(["a", "b", header, '"q"', '"a\\qb"'])
        lines = [f"arg({draw(terms)})." for _ in range(n)]
        lines += [f"att({a},{b})." for a, b in edges]
    else:
        lines = [f"{i} {draw(st.sampled_from(_HOSTILE_TEXT))}" for i in range(1, n + 1)]
        lines += ["#"] + [f"{a} {b}" for a, b in edges]
    text = "\n".join(lines)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(_HOSTILE_TEXT)) + text[at:]
    return ext, text.encode("utf-8", "surrogatepass")


# --- command lines ----------------------------------------------------------------------

_EXPORTS = ["aif", "node-link", "iccma", "tgf", "apx", "mermaid", "argdown", "graphml", "dot"]
_OUTPUTS = st.sampled_from(
    [
        "out.txt",
        "out.json",
        "-",
        "INPUT",
        "sub/../INPUT",
        "./INPUT",
        "link-to-input",
        "hard-link",
        "folder",
        "a-file/out.txt",
        "missing/out.txt",
        "/dev/null",
        "/dev/full",
        "x" * 300 + ".json",
        "out\x00.json",
    ]
)


@st.composite
def command_line(draw: st.DrawFn, input_name: str) -> list[str]:
    """Return argv for a command on ``input_name`` (a map or framework file)."""
    cmd = draw(
        st.sampled_from(
            [
                "check",
                "unrebutted",
                "status",
                "explain",
                "questions",
                "timeline",
                "render",
                "export",
                "stats",
                "upgrade",
            ]
        )
    )
    out = draw(_OUTPUTS)
    if out == "INPUT":
        out = input_name
    elif out.endswith("INPUT"):
        out = out.replace("INPUT", input_name)
    argv = [cmd, input_name]
    if cmd == "check":
        if draw(st.booleans()):
            argv += ["--select", draw(st.sampled_from(["E", "W1O5", "Z999", "W106,E020", ","]))]
        if draw(st.booleans()):
            argv += ["--ignore", draw(st.sampled_from(["W", "e02", "XYZ"]))]
        argv += draw(st.sampled_from([[], ["--format", "json"], ["--strict"]]))
        return argv
    if cmd == "stats":
        return argv + draw(st.sampled_from([[], ["--format", "json"]]))
    if cmd == "explain":
        argv += [draw(st.sampled_from(["a", "b", "ev-1", "bridge-closed", "1", "ghost", ""]))]
        argv += draw(st.sampled_from([[], ["--full"], ["--format", "json"]]))
        argv += ["--depth", draw(st.sampled_from(["1", "3", "100", "1500", "0", "-1"]))]
    elif cmd == "status":
        argv += draw(
            st.sampled_from(
                [
                    [],
                    ["--semantics", "preferred"],
                    ["--semantics", "stable", "--strength"],
                    ["--preference", "reliability"],
                    ["--format", "json"],
                ]
            )
        )
    elif cmd == "render":
        out = draw(
            st.sampled_from(
                ["out.dot", "out.html", "-", "out.png", "out\x00.dot", "x" * 300 + ".dot", out]
            )
        )
        argv += draw(st.sampled_from([[], ["--format", "dot"], ["--focus", "bridge-closd"]]))
        if out == "-":
            argv += ["--format", "dot"]
    elif cmd == "export":
        argv += draw(st.sampled_from([[]] + [["--to", f] for f in _EXPORTS]))
        out = draw(st.sampled_from(["m.aif.json", "x.png", "m.graphml", out]))
    elif cmd in ("questions", "timeline", "unrebutted"):
        argv += draw(st.sampled_from([[], ["--format", "json"]]))
    return [*argv, "-o", out]


@st.composite
def map_case(draw: st.DrawFn) -> Case:
    """A case running a command on a map: a fixture mutated, or one made up."""
    seed = draw(st.sampled_from(["v2/dispute.json", "checks-v2.json", "GENERATED"]))
    text = draw(generated_map() if seed == "GENERATED" else mutated_json(_seed(seed)))
    files = {"m.json": text}
    for source in (DATA / "v2").glob("*.txt"):
        files[source.name] = source.read_bytes()
    return Case(files, draw(command_line("m.json")), _LINKS)


@st.composite
def framework_case(draw: st.DrawFn, *, large: bool = True) -> Case:
    """A case running a command on a framework file."""
    ext, text = draw(framework_text(large=large))
    name = "f" + ext
    return Case({name: text}, draw(command_line(name)), {"link-to-input": name})


@st.composite
def import_case(draw: st.DrawFn) -> Case:
    """A case importing an AIF or node-link file (a fixture mutated, or an export)."""
    fmt = draw(st.sampled_from(["aif", "node-link"]))
    if fmt == "aif":
        seed = _seed(
            "aif/" + draw(st.sampled_from(sorted(p.name for p in (DATA / "aif").glob("*.json"))))
        )
    else:
        seed = _NODE_LINK_SEED
    text = draw(mutated_json(seed))
    out = draw(_OUTPUTS)
    if "INPUT" in out:
        out = out.replace("INPUT", "in.json")
    return Case(
        {"in.json": text}, ["import", fmt, "in.json", "-o", out], {"link-to-input": "in.json"}
    )


_LINKS = {"link-to-input": "m.json"}


def _make_node_link_seed() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "m.nodelink.json"
        quiet = io.StringIO()
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            main(["export", str(DATA / "v2" / "dispute.json"), "-o", str(out)])
        return out.read_bytes()


_NODE_LINK_SEED = _make_node_link_seed()

#: Every kind of case, for the long run.
cases = st.one_of(map_case(), map_case(), framework_case(), import_case())
#: The same without the largest frameworks, for the test suite.
quick_cases = st.one_of(map_case(), framework_case(large=False), import_case())


# --- running a case ---------------------------------------------------------------------


class _Hang(BaseException):
    """Raised by the alarm when a case runs past its time."""


_timed_out = False


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    # Raised wherever the case is; should something swallow it (a callback that
    # ignores exceptions), the alarm rings again a moment later.
    global _timed_out
    _timed_out = True
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    raise _Hang


def _snapshot(folder: Path) -> dict[str, tuple[str, bytes]]:
    out: dict[str, tuple[str, bytes]] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        mode = os.lstat(p).st_mode
        if stat.S_ISLNK(mode):
            out[rel] = ("link", os.readlink(p).encode())
        elif stat.S_ISDIR(mode):
            out[rel] = ("dir", b"")
        else:
            out[rel] = ("file", p.read_bytes())
    return out


class _Capture(io.TextIOWrapper):
    """Standard output or error as a text stream with a ``buffer``, kept in memory."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)

    def text(self) -> str:
        self.flush()
        raw = self.buffer.getvalue()  # type: ignore[attr-defined]
        return bytes(raw).decode("utf-8", "replace")


def run_case(case: Case, *, timeout: float = 20.0) -> Outcome:
    """Run ``case`` in a fresh folder; return its exit code and failure class."""
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-") as tmp:
        folder = Path(tmp)
        for name, data in case.files.items():
            (folder / name).write_bytes(data)
        (folder / "folder").mkdir()
        (folder / "sub").mkdir()
        (folder / "a-file").write_bytes(b"a file, not a folder\n")
        for name, target in case.links.items():
            (folder / name).symlink_to(target)
        first_input = next(iter(case.files))
        os.link(folder / first_input, folder / "hard-link")
        before = _snapshot(folder)
        out, err = _Capture(), _Capture()
        cwd = os.getcwd()
        old = signal.signal(signal.SIGALRM, _on_alarm)
        code: int | None = None
        failure = detail = None
        os.chdir(folder)
        global _timed_out
        _timed_out = False
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(case.argv))
        except _Hang:
            failure, detail = "hang", f"over {timeout:g} s"
        except MemoryError:
            failure, detail = "memory", "MemoryError"
        except BaseException:
            failure, detail = "traceback", traceback.format_exc(limit=-6)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
            os.chdir(cwd)
            gc.unfreeze()  # a command freezes its map for its own life: not the harness's
            gc.collect()
        after = _snapshot(folder)
        stderr = err.text()
        if _timed_out and failure != "hang":
            failure, detail = "hang", f"over {timeout:g} s"
        if failure is None:
            failure, detail = _judge(case, code, stderr, before, after)
        return Outcome(code, failure, detail or "")


def _judge(
    case: Case,
    code: int | None,
    stderr: str,
    before: dict[str, tuple[str, bytes]],
    after: dict[str, tuple[str, bytes]],
) -> tuple[str | None, str | None]:
    if code not in (0, 1, 2):
        return "traceback", f"exit code {code}"
    if "Traceback (most recent call last)" in stderr:
        return "traceback", stderr[-2000:]
    for name in [*case.files, *case.links, "hard-link"]:
        if before.get(name) != after.get(name):
            return "input modified", name
    leftovers = [n for n in after if n.endswith(".tmp") and n not in before]
    if leftovers:
        return "non-atomic", f"left {leftovers}"
    if code == 2:
        changed = [n for n in after if before.get(n) != after.get(n)]
        if changed:
            return "non-atomic", f"exit 2 yet wrote {changed}"
        if not stderr.strip():
            return "silent error", "exit 2 with nothing on standard error"
    return None, None
