"""Fuzz the command line for a while and count what failed, by class.

    python fuzz/run.py --minutes 30            # one process; prints figures at the end
    python fuzz/run.py --minutes 1 --seed 7    # a short run, repeatable

Every case runs ``argmap.cli.main(argv)`` in a fresh folder (see ``harness.py`` for
the cases and what must hold). The first failing inputs of each class are saved
under ``fuzz/failures/`` (one JSON file each), to be turned into regression tests,
with the slowest input in ``slowest.json``.
Memory is capped (``--memory-gb``) so that a blow-up shows as MemoryError, not as a
machine out of memory.
"""

from __future__ import annotations

import argparse
import collections
import random
import resource
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from hypothesis.errors import FlakyStrategyDefinition

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

FAILURES = Path(__file__).resolve().parent / "failures"


class _TimeUp(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a case may take")
    parser.add_argument("--memory-gb", type=float, default=6.0, help="address space cap")
    parser.add_argument("--keep", type=int, default=5, help="failing inputs kept per class")
    args = parser.parse_args()
    limit = int(args.memory_gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    deadline = time.monotonic() + args.minutes * 60
    tried = 0
    failed: collections.Counter[str] = collections.Counter()
    codes: collections.Counter[int | None] = collections.Counter()
    slowest = 0.0
    FAILURES.mkdir(exist_ok=True)

    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def campaign(data: st.DataObject) -> None:
        nonlocal tried, slowest
        if time.monotonic() > deadline:
            raise _TimeUp
        case = data.draw(harness.cases)
        start = time.monotonic()
        outcome = harness.run_case(case, timeout=args.timeout)
        took = time.monotonic() - start
        if took > slowest:  # kept, to see what costs most
            slowest = took
            (FAILURES / "slowest.json").write_text(
                f"{case.describe()}\n\n{took:.1f} s\n", encoding="utf-8"
            )
        tried += 1
        codes[outcome.code] += 1
        if outcome.failure is not None:
            failed[outcome.failure] += 1
            if failed[outcome.failure] <= args.keep:
                name = outcome.failure.replace(" ", "-")
                out = FAILURES / f"{name}-{failed[outcome.failure]}.json"
                out.write_text(f"{case.describe()}\n\n{outcome.detail}\n", encoding="utf-8")
        if tried % 500 == 0:
            print(f"  {tried} inputs, {sum(failed.values())} failed", file=sys.stderr, flush=True)

    started = time.monotonic()
    rng = random.Random(seed)
    # Batches of 200 cases, each from a seed of its own: the engine's memory of what
    # it has tried stays small, and the run goes on until its time is up.
    while time.monotonic() < deadline:
        try:
            hypothesis_seed(rng.randrange(2**32))(campaign)()
        except _TimeUp:
            break
        except FlakyStrategyDefinition:
            continue
    minutes = (time.monotonic() - started) / 60
    print(f"seed {seed}: {tried} inputs in {minutes:.1f} minutes, {sum(failed.values())} failed")
    for cls in harness.CLASSES:
        print(f"  {cls:<15} {failed[cls]}")
    print(
        "exit codes: "
        + ", ".join(f"{c}: {n}" for c, n in sorted(codes.items(), key=lambda kv: str(kv[0])))
    )
    print(f"slowest input: {slowest:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
