"""Time whole commands on small hostile inputs, the ones that once took minutes or blew up.

Each input is written to a temporary folder and its command run as a fresh process,
``--runs`` times interleaved; the row gives the fastest CPU time (user + sys), the
exit code and how many lines the command printed.

    python benchmarks/bench_hostile.py
    python benchmarks/bench_hostile.py --runs 5
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

Make = Callable[[Path], list[str]]


def _write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def near_duplicates(folder: Path) -> list[str]:
    base = "OpenAI abandoned its nonprofit mission when it took money from Microsoft in"
    claims = [{"id": f"c{i}", "text": f"{base} {i % 10} {'x' * (i % 3)}"} for i in range(1200)]
    return ["check", _write(folder, "m.json", json.dumps({"claims": claims}))]


def distinct_claims(folder: Path) -> list[str]:
    claims = [
        {"id": f"c{i}", "text": f"claim number {i} says {i * 7919 % 10007}"} for i in range(2000)
    ]
    return ["check", _write(folder, "m.json", json.dumps({"claims": claims}))]


def duplicate_relations(folder: Path) -> list[str]:
    m = {
        "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        "relations": [{"from": "a", "to": "b", "type": "supports"}] * 100_000,
    }
    return ["check", _write(folder, "m.json", json.dumps(m))]


def almost_quote(folder: Path) -> list[str]:
    text = " ".join(f"mot{i * 7 % 100_003}" for i in range(70_000))
    quote = text[1000:500_000].replace(" mot49 ", " motX ", 1)
    m = {
        "sources": [{"id": "s", "title": "S", "path": "s.txt"}],
        "evidence": [{"id": "e", "source": "s", "quote": quote}],
    }
    _write(folder, "s.txt", text)
    return ["check", _write(folder, "m.json", json.dumps(m))]


def deep_json(folder: Path) -> list[str]:
    return ["check", _write(folder, "m.json", "[" * 100_000 + "]" * 100_000)]


def huge_number(folder: Path) -> list[str]:
    return ["check", _write(folder, "m.json", '{"claims": [' + "9" * 5000 + "]}")]


def explain_chain(folder: Path) -> list[str]:
    n = 1600
    m = {
        "claims": [{"id": f"c{i}", "text": f"Claim {i}."} for i in range(n)],
        "relations": [{"from": f"c{i + 1}", "to": f"c{i}", "type": "rebuts"} for i in range(n - 1)],
    }
    return ["explain", _write(folder, "m.json", json.dumps(m)), "c0", "--full", "--depth", "100"]


def huge_framework(folder: Path) -> list[str]:
    return ["status", _write(folder, "f.af", "p af 1000000000000\n")]


CASES: dict[str, Make] = {
    "1,200 near-duplicate claims": near_duplicates,
    "2,000 distinct claims": distinct_claims,
    "100,000 duplicate relations": duplicate_relations,
    "0.5 MB quote, almost in its source": almost_quote,
    "JSON nested 100,000 deep": deep_json,
    "a number of 5,000 digits": huge_number,
    "explain --full --depth 100, 1,600-long chain": explain_chain,
    "p af 1000000000000": huge_framework,
}


def run(argv: list[str], folder: Path) -> tuple[float, int, int]:
    """Return CPU seconds, exit code and output lines of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from argmap.cli import main; sys.exit(main())", *argv],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = proc.stdout.count("\n") + proc.stderr.count("\n")
    return cpu, proc.returncode, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each input (fastest kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for name, make in CASES.items():
            folder = Path(tmp) / str(len(folders))
            folder.mkdir()
            folders[name] = (folder, make(folder))
        best: dict[str, tuple[float, int, int]] = {}
        for _ in range(args.runs):  # interleaved, so a busy moment hits every input alike
            for name, (folder, argv) in folders.items():
                result = run(argv, folder)
                if name not in best or result[0] < best[name][0]:
                    best[name] = result
    print(f"{'input':<46} {'CPU s':>7} {'exit':>5} {'lines':>7}")
    for name, (cpu, code, lines) in best.items():
        print(f"{name:<46} {cpu:>7.2f} {code:>5} {lines:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
