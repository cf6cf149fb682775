"""Measure argmap's extension enumeration against the peers installed, family by family,
and ``argmap solve`` as a whole process.

    python benchmarks/bench_solve.py                 # every family, every peer found
    python benchmarks/bench_solve.py --quick         # fewer runs
    python benchmarks/bench_solve.py --family grid6 --runs 5

Library calls. Each tool is timed on its own library call, from the attacks as plain
lists to the list of every extension, in CPU time (user + sys of the process), fastest
of ``--runs`` runs taken in turn (argmap, then each peer, then again), each tool in a
process of its own that stops after ``--budget`` seconds. Every tool must give the
same extensions; a row whose answers differ is marked. Peers:

- ``pysat-cd15`` and ``pysat-cd19``: the PrefSAT scheme on python-sat, written here: the
  complete-labelling encoding of the whole framework, iterated maximisation for
  preferred extensions, blocking clauses for stable ones, the solver told to try IN
  first; on CaDiCaL 1.5.3 and on CaDiCaL 1.9.5, the two fastest python-sat solvers for
  this here (each wins some families; MiniSat 2.2, Glucose and CaDiCaL 3.0 take from
  1.2 to 10 times longer);
- ``clingo``: ASPARTIX-style encodings, preferred extensions as subset-maximal models
  (domain heuristics, ``--enum-mode=domRec``), stable ones by the stable encoding;
  the arguments of a model read through a table of symbols, the fastest way found
  (``symbol.arguments[0].number`` takes three times as long: on 55k stable
  extensions, reading the models costs clingo ten times its search);
- ``pygarg``: its ``extension_enumeration`` (python-sat underneath);
- ``formal-argumentation``: tried only up to 20 arguments, since it enumerates subsets.

Families (seeded; arguments 1..N): ``rand400``, 400 arguments and 1,200 attacks drawn
uniformly (self-attacks allowed); ``symP``, 100 arguments, 300 attacks between distinct
arguments, then each attack made mutual with probability P% (seed 10, whose counts come
closest to the families this benchmark was first asked for); ``gridK``, a K x K grid
whose neighbours attack each other.

Whole process: ``argmap solve -p SE-GR`` on 100k arguments (300k attacks) against a
minimal pure-Python reference (read the file, a grounded queue, print the witness), and
``argmap --version`` and ``argmap solve -p SE-PR`` on a four-argument file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Attacks = list[tuple[int, int]]


# --- families -----------------------------------------------------------------------------


def random_family(n: int, m: int, seed: int) -> tuple[int, Attacks]:
    """Return ``n`` arguments and ``m`` attacks drawn uniformly (repeats drawn once)."""
    rng = random.Random(seed)
    return n, sorted({(rng.randint(1, n), rng.randint(1, n)) for _ in range(m)})


def symmetric_family(n: int, per_argument: int, mutual: float, seed: int) -> tuple[int, Attacks]:
    """Return ``n * per_argument`` attacks between distinct arguments, each then made
    mutual with probability ``mutual``."""
    rng = random.Random(seed)
    drawn: set[tuple[int, int]] = set()
    while len(drawn) < per_argument * n:
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b:
            drawn.add((a, b))
    for a, b in sorted(drawn):
        if rng.random() < mutual:
            drawn.add((b, a))
    return n, sorted(drawn)


def grid_family(k: int) -> tuple[int, Attacks]:
    """Return a ``k`` x ``k`` grid whose neighbours (up, down, left, right) attack each other."""
    attacks = []
    for r in range(k):
        for c in range(k):
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                if 0 <= r + dr < k and 0 <= c + dc < k:
                    attacks.append((r * k + c + 1, (r + dr) * k + c + dc + 1))
    return k * k, attacks


#: name -> (description, semantics, framework)
FAMILIES: dict[str, tuple[str, str, Callable[[], tuple[int, Attacks]]]] = {
    "rand400": ("preferred, random 400", "preferred", lambda: random_family(400, 1200, 1)),
    "sym10": (
        "preferred, 100 args, 10% mutual",
        "preferred",
        lambda: symmetric_family(100, 3, 0.1, 10),
    ),
    "grid5": ("preferred, 5x5 grid", "preferred", lambda: grid_family(5)),
    "grid6": ("preferred, 6x6 grid", "preferred", lambda: grid_family(6)),
    "sym20": (
        "preferred, 100 args, 20% mutual",
        "preferred",
        lambda: symmetric_family(100, 3, 0.2, 10),
    ),
    "sym30": (
        "stable, 100 args, 30% mutual",
        "stable",
        lambda: symmetric_family(100, 3, 0.3, 10),
    ),
}


# --- the tools ----------------------------------------------------------------------------

Extensions = list[frozenset[int]]


def run_argmap(n: int, attacks: Attacks, semantics: str) -> Extensions:
    from argmap.semantics.extensions import extensions
    from argmap.semantics.framework import Framework

    fw = Framework.from_attacks(list(range(1, n + 1)), attacks)
    return [frozenset(e) for e in extensions(fw, semantics)]


def run_pysat(n: int, attacks: Attacks, semantics: str, solver: str = "cd15") -> Extensions:
    from pysat.solvers import Solver

    attackers: list[list[int]] = [[] for _ in range(n + 1)]
    for a, b in attacks:
        attackers[b].append(a)
    s = Solver(name=solver)
    for x in range(1, n + 1):
        i, o = x, n + x
        s.add_clause([-i, -o])
        s.add_clause([i, *(-(n + a) for a in attackers[x])])
        s.add_clause([-o, *attackers[x]])
        for a in attackers[x]:
            s.add_clause([-i, n + a])
            s.add_clause([-a, o])
        if semantics == "stable":
            s.add_clause([i, o])
    s.set_phases(list(range(1, n + 1)))
    found: Extensions = []
    top = 2 * n
    while s.solve():
        model = s.get_model()
        if semantics == "preferred":
            while True:
                undec = [x for x in range(1, n + 1) if model[x - 1] < 0 and model[n + x - 1] < 0]
                if not undec:
                    break
                top += 1
                s.add_clause([-top, *undec])
                ok = s.solve(assumptions=[top, *(x for x in model[:n] if x > 0)])
                bigger = s.get_model() if ok else None
                s.add_clause([-top])
                if bigger is None:
                    break
                model = bigger
            ins = frozenset(x for x in model[:n] if x > 0)
            found.append(ins)
            outside = [x for x in range(1, n + 1) if x not in ins]
            if not outside:
                break
            s.add_clause(outside)
        else:
            found.append(frozenset(x for x in model[:n] if x > 0))
            s.add_clause([-x for x in model[:n]])
    s.delete()
    return found


_ASP_CO = """
in(X) :- arg(X), not out(X). out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- in(X), att(Y,X), not defeated(Y).
undefended(X) :- att(Y,X), not defeated(Y).
:- out(X), not undefended(X).
#heuristic in(X) : arg(X). [1,true]
"""
_ASP_ST = """
in(X) :- arg(X), not out(X). out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- out(X), not defeated(X).
"""


def run_clingo(n: int, attacks: Attacks, semantics: str) -> Extensions:
    import clingo

    options = ["0", "--warn=none"]
    if semantics == "preferred":
        program = _ASP_CO
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    else:
        program = _ASP_ST
    ctl = clingo.Control(options)
    facts = "".join(f"arg({i})." for i in range(1, n + 1))
    facts += "".join(f"att({a},{b})." for a, b in attacks)
    ctl.add("base", [], facts + program + "#show. #show X : in(X).\n")
    ctl.ground([("base", [])])
    number = {clingo.Number(i): i for i in range(1, n + 1)}  # faster than .number
    found: Extensions = []
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            found.append(frozenset(map(number.__getitem__, model.symbols(shown=True))))
    return found


def run_pygarg(n: int, attacks: Attacks, semantics: str) -> Extensions:
    from pygarg.dung import solver

    args = [str(i) for i in range(1, n + 1)]
    atts = [[str(a), str(b)] for a, b in attacks]
    code = {"preferred": "PR", "stable": "ST"}[semantics]
    return [frozenset(map(int, e)) for e in solver.extension_enumeration(args, atts, code)]


def run_formal_argumentation(n: int, attacks: Attacks, semantics: str) -> Extensions:
    if n > 20:
        raise _Skip("enumerates every subset")
    from argumentation.core import dung

    framework = dung.ArgumentationFramework(
        frozenset(map(str, range(1, n + 1))), frozenset((str(a), str(b)) for a, b in attacks)
    )
    call = dung.preferred_extensions if semantics == "preferred" else dung.stable_extensions
    return [frozenset(map(int, e)) for e in call(framework)]


class _Skip(Exception):
    pass


TOOLS: dict[str, tuple[str, Callable[[int, Attacks, str], Extensions]]] = {
    "argmap": ("argmap", run_argmap),
    "pysat-cd15": ("pysat", run_pysat),
    "pysat-cd19": ("pysat", lambda n, attacks, semantics: run_pysat(n, attacks, semantics, "cd19")),
    "clingo": ("clingo", run_clingo),
    "pygarg": ("pygarg", run_pygarg),
    "formal-argumentation": ("argumentation", run_formal_argumentation),
}


_PRELOAD = {
    "argmap": ("argmap.semantics.extensions", "argmap.semantics.sat", "pysat.solvers"),
    "pysat-cd15": ("pysat.solvers",),
    "pysat-cd19": ("pysat.solvers",),
    "clingo": ("clingo",),
    "pygarg": ("pygarg.dung.solver",),
    "formal-argumentation": ("argumentation.core.dung",),
}


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _cpu() -> float:
    return time.process_time()  # user + sys of this process, finely


def _one(tool: str, family: str) -> dict[str, Any]:
    """Time one call in this process (the parent keeps the fastest)."""
    _, semantics, make = FAMILIES[family]
    n, attacks = make()
    run = TOOLS[tool][1]
    import importlib

    for module in _PRELOAD.get(tool, ()):  # imports are not the call's time
        importlib.import_module(module)
    try:
        start = _cpu()
        found = run(n, attacks, semantics)
        spent = _cpu() - start
    except _Skip as why:
        return {"skip": str(why)}
    answer = sorted(sorted(e) for e in found)
    return {"s": spent, "count": len(found), "answer": hash(json.dumps(answer))}


def _child(tool: str, family: str, budget: float) -> dict[str, Any] | None:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--one", tool, family],
            check=True,
            capture_output=True,
            text=True,
            timeout=budget,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        ).stdout
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, Any] = json.loads(out)
    return result


def libraries(families: list[str], runs: int, budget: float) -> None:
    tools = [t for t, (module, _) in TOOLS.items() if _installed(module)]
    print("library calls: CPU seconds, fastest of", runs, "(count of extensions)")
    print(f"{'family':<34}" + "".join(f"{t:>22}" for t in tools) + "  agree")
    for family in families:
        best: dict[str, dict[str, Any] | None] = {}
        gave_up: set[str] = set()
        for _ in range(runs):
            for tool in tools:
                if tool in gave_up:
                    continue
                r = _child(tool, family, budget)
                if r is None or "skip" in r:
                    gave_up.add(tool)
                    best.setdefault(tool, r)
                    continue
                old = best.get(tool)
                if old is None or r["s"] < old["s"]:
                    best[tool] = r
        cells = []
        answers = set()
        for tool in tools:
            r = best.get(tool)
            if r is None:
                cells.append(f"> {budget:g} s")
            elif "skip" in r:
                cells.append("n/a")
            else:
                cells.append(f"{r['s']:.4f} ({r['count']})")
                answers.add(r["answer"])
        print(
            f"{FAMILIES[family][0]:<34}"
            + "".join(f"{c:>22}" for c in cells)
            + ("  yes" if len(answers) == 1 else "  NO"),
            flush=True,
        )


# --- whole processes ------------------------------------------------------------------------

_REFERENCE = """\
import sys
text = open(sys.argv[1]).read().split("\\n", 1)
n = int(text[0].split()[2])
numbers = list(map(int, text[1].split()))
succ = [[] for _ in range(n + 1)]
alive = [0] * (n + 1)
for a, b in zip(numbers[::2], numbers[1::2]):
    succ[a].append(b)
    alive[b] += 1
label = bytearray(n + 1)
found = [i for i in range(1, n + 1) if not alive[i]]
for i in found:
    label[i] = 1
for x in found:
    for t in succ[x]:
        if label[t]:
            continue
        label[t] = 2
        for u in succ[t]:
            if not label[u]:
                alive[u] -= 1
                if not alive[u]:
                    label[u] = 1
                    found.append(u)
print("w", *sorted(found))
"""


def _process_cpu(command: list[str]) -> tuple[float, bytes]:
    """Return the CPU time (user + sys) of a whole process, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return spent, done.stdout


def processes(runs: int) -> None:
    from argmap.frameworks import write_iccma  # noqa: F401  (only to check argmap is here)

    argmap = [sys.executable, "-m", "argmap"]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "100k.i23"
        n, attacks = random_family(100_000, 300_000, 1)
        big.write_text(f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks))
        tiny = Path(tmp) / "tiny.i23"
        tiny.write_text("p af 4\n1 2\n2 1\n2 3\n4 4\n")
        reference = Path(tmp) / "reference.py"
        reference.write_text(_REFERENCE)
        solve = [*argmap, "solve", "-p"]
        cases = {
            "SE-GR, 100k arguments: argmap solve": [*solve, "SE-GR", "-f", str(big)],
            "SE-GR, 100k arguments: reference": [sys.executable, str(reference), str(big)],
            "argmap --version": [*argmap, "--version"],
            "argmap solve -p SE-PR, 4 arguments": [*solve, "SE-PR", "-f", str(tiny)],
            "python -c pass": [sys.executable, "-c", "pass"],
        }
        best: dict[str, float] = {}
        outputs: dict[str, bytes] = {}
        for _ in range(runs):
            for name, command in cases.items():
                spent, out = _process_cpu(command)
                best[name] = min(best.get(name, spent), spent)
                outputs[name] = out
        same = (
            outputs["SE-GR, 100k arguments: argmap solve"]
            == outputs["SE-GR, 100k arguments: reference"]
        )
        print(f"\nwhole processes: CPU seconds, fastest of {runs}")
        for name, spent in best.items():
            print(f"  {name:<40} {spent:>7.3f}")
        print(f"  same witness as the reference: {'yes' if same else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--family", nargs="*", choices=FAMILIES, help="families to run")
    parser.add_argument("--runs", type=int, help="runs per tool (default 5, 2 with --quick)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--no-processes", action="store_true", help="library calls only")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(*args.one)))
        return
    runs = args.runs or (2 if args.quick else 5)
    t0 = time.time()
    libraries(args.family or list(FAMILIES), runs, args.budget)
    if not args.no_processes:
        processes(runs)
    print(f"\n({time.time() - t0:.0f} s in all)")


if __name__ == "__main__":
    main()
