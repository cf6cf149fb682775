"""Measure load + check + unrebutted + grounded on synthetic maps of growing size.

Each size runs in a fresh subprocess so its peak memory is its own. Prints one
row per size: wall time of each stage (grounded: the grounded verdict on every
claim, as ``argmap status`` gives it) and peak resident memory.

    python benchmarks/bench_core.py              # 1,000 / 10,000 / 100,000 claims
    python benchmarks/bench_core.py --sizes 1000 5000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "accord",
    "fondateur",
    "mission",
    "profit",
    "musk",
    "altman",
    "openai",
    "tesla",
    "microsoft",
    "conseil",
    "plainte",
    "milliard",
    "dollars",
    "code",
    "ouvert",
    "humanité",
    "secret",
    "contrôle",
    "rivalité",
]


def synthetic_map(n_claims: int, seed: int, folder: Path) -> Path:
    """Write a map with ``n_claims`` claims, as many quotes, one source file per 100 claims
    (articles of about 8 kB, like real ones); return its path.

    Every quote is a real sentence of its source, so every quote is proven.
    """
    rng = random.Random(seed)
    n_sources = max(1, n_claims // 100)
    sentences: list[list[str]] = [[] for _ in range(n_sources)]
    evidence = []
    for i in range(n_claims):
        s = i % n_sources
        sentence = f"Phrase {i} : " + " ".join(rng.choices(WORDS, k=8)) + "."
        sentences[s].append(sentence)
        evidence.append({"id": f"ev-{i}", "source": f"s{s}", "quote": sentence})
    sources = []
    for s in range(n_sources):
        (folder / f"s{s}.txt").write_text("\n".join(sentences[s]) + "\n", encoding="utf-8")
        sources.append(
            {
                "id": f"s{s}",
                "title": f"Source {s}",
                "kind": "news-article",
                "language": "fr",
                "path": f"s{s}.txt",
            }
        )
    parties = [{"id": f"p{k}", "name": f"Party {k}"} for k in range(20)]
    rng.shuffle(evidence)
    claims = [
        {
            "id": f"c-{i}",
            "text": f"Claim number {i} about " + " ".join(rng.choices(WORDS, k=6)),
            "asserted_by": [f"p{rng.randrange(20)}"],
        }
        for i in range(n_claims)
    ]
    relations = [{"from": f"ev-{i}", "to": f"c-{i}", "type": "supports"} for i in range(n_claims)]
    for _ in range(n_claims // 3):
        a, b = rng.randrange(n_claims), rng.randrange(n_claims)
        if a != b:
            relations.append({"from": f"c-{a}", "to": f"c-{b}", "type": "rebuts"})
    path = folder / "map.json"
    path.write_text(
        json.dumps(
            {
                "argmap": "1",
                "sources": sources,
                "parties": parties,
                "claims": claims,
                "evidence": evidence,
                "relations": relations,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    return path


def measure(n_claims: int) -> dict[str, float]:
    import argmap
    from argmap.status import claim_statuses

    with tempfile.TemporaryDirectory() as tmp:
        path = synthetic_map(n_claims, seed=1, folder=Path(tmp))
        size_mb = path.stat().st_size / 1e6
        t0 = time.perf_counter()
        m = argmap.load(path)
        t1 = time.perf_counter()
        diagnostics = argmap.check(m)
        t2 = time.perf_counter()
        found = argmap.unrebutted(m)
        t3 = time.perf_counter()
        statuses = claim_statuses(m)
        t4 = time.perf_counter()
    errors = sum(d.severity == "error" for d in diagnostics)
    assert errors == 0, [d.format() for d in diagnostics if d.severity == "error"][:3]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "claims": n_claims,
        "file_mb": size_mb,
        "load_s": t1 - t0,
        "check_s": t2 - t1,
        "unrebutted_s": t3 - t2,
        "grounded_s": t4 - t3,
        "total_s": t4 - t0,
        "peak_mb": peak_mb,
        "unrebutted": len(found),
        "statuses": len(statuses),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    print(
        f"{'claims':>8} {'file MB':>8} {'load s':>8} {'check s':>8} {'unreb. s':>9} "
        f"{'ground. s':>9} {'total s':>8} {'peak MB':>8}"
    )
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
        ).stdout
        r = json.loads(out)
        print(
            f"{r['claims']:>8} {r['file_mb']:>8.1f} {r['load_s']:>8.2f} {r['check_s']:>8.2f} "
            f"{r['unrebutted_s']:>9.2f} {r['grounded_s']:>9.2f} {r['total_s']:>8.2f} "
            f"{r['peak_mb']:>8.0f}"
        )


if __name__ == "__main__":
    main()
