"""Extensions under seven semantics and ``argmap solve``: every task against brute force
and against clingo (ASPARTIX-style encodings), the ICCMA output format, errors located."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import clingo
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.cli.solve_cmd import PROBLEMS
from argmap.semantics import extensions as ext
from argmap.semantics.framework import Framework

CODES = ext.EXTENSION_SEMANTICS
Ext = frozenset[int]


# --- brute force: the definitions, over every subset ------------------------------------


def brute(n: int, attacks: list[tuple[int, int]]) -> dict[str, list[Ext]]:
    """Every extension under every semantics, straight from the definitions."""
    attackers: dict[int, set[int]] = {x: set() for x in range(1, n + 1)}
    for a, b in attacks:
        attackers[b].add(a)
    subsets = [
        frozenset(s) for k in range(n + 1) for s in itertools.combinations(range(1, n + 1), k)
    ]

    def attacked(s: Ext) -> Ext:
        return frozenset(x for x in attackers if attackers[x] & s)

    def defends(s: Ext, x: int) -> bool:
        return attackers[x] <= attacked(s)

    cf = [s for s in subsets if not attacked(s) & s]
    adm = [s for s in cf if all(defends(s, x) for x in s)]
    co = [s for s in adm if all((x in s) == defends(s, x) for x in attackers)]
    pr = [s for s in co if not any(s < t for t in co)]

    def reach(s: Ext) -> Ext:
        return s | attacked(s)

    every = frozenset(attackers).intersection(*pr)
    return {
        "complete": co,
        "grounded": [min(co, key=len)],
        "preferred": pr,
        "stable": [s for s in cf if len(reach(s)) == n],
        "semi-stable": [s for s in co if not any(reach(s) < reach(t) for t in co)],
        "stage": [s for s in cf if not any(reach(s) < reach(t) for t in cf)],
        "ideal": [max((s for s in adm if s <= every), key=len)],
    }


# --- clingo: ASPARTIX-style encodings ---------------------------------------------------

_CF = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
_ADM = _CF + ":- in(X), att(Y,X), not defeated(Y).\n"
_CO = _ADM + "undefended(X) :- att(Y,X), not defeated(Y).\n:- out(X), not undefended(X).\n"
_ST = _CF + ":- out(X), not defeated(X).\n"
_PR = _CO + "#heuristic in(X) : arg(X). [1,true]\n"


def _models(n: int, attacks: list[tuple[int, int]], program: str, *options: str) -> list[Ext]:
    ctl = clingo.Control(["0", "--warn=none", *options])
    facts = "".join(f"arg({i})." for i in range(1, n + 1))
    facts += "".join(f"att({a},{b})." for a, b in attacks)
    ctl.add("base", [], facts + program)
    ctl.ground([("base", [])])
    found: list[Ext] = []
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            found.append(
                frozenset(
                    s.arguments[0].number for s in model.symbols(atoms=True) if s.name == "in"
                )
            )
    return found


def by_clingo(
    n: int, attacks: list[tuple[int, int]], wanted: tuple[str, ...] = tuple(CODES.values())
) -> dict[str, list[Ext]]:
    """Every extension under the ``wanted`` semantics, by clingo: complete, conflict-free
    and stable sets enumerated by their encodings, preferred ones by domain heuristics
    (subset-maximal models), the ideal one as the subset-maximal admissible set within
    every preferred extension, the range-maximal ones picked from the others."""
    attackers: dict[int, set[int]] = {x: set() for x in range(1, n + 1)}
    for a, b in attacks:
        attackers[b].add(a)

    def reach(s: Ext) -> Ext:
        return s | {x for x in attackers if attackers[x] & s}

    def maximal_range(sets: list[Ext]) -> list[Ext]:
        return [s for s in sets if not any(reach(s) < reach(t) for t in sets)]

    maximal = ("--heuristic=Domain", "--enum-mode=domRec")
    out: dict[str, list[Ext]] = {}
    if {"complete", "grounded", "semi-stable"} & set(wanted):
        co = _models(n, attacks, _CO)
        out["complete"] = co
        out["grounded"] = [frozenset.intersection(*co)]
        out["semi-stable"] = maximal_range(co)
    if {"preferred", "ideal"} & set(wanted):
        out["preferred"] = pr = _models(n, attacks, _PR, *maximal)
        every = frozenset(attackers).intersection(*pr)
        within = "".join(f"every({x})." for x in every) + ":- in(X), not every(X).\n"
        heuristic = "#heuristic in(X) : arg(X). [1,true]\n"
        out["ideal"] = _models(n, attacks, _ADM + within + heuristic, *maximal)
    if "stable" in wanted:
        out["stable"] = _models(n, attacks, _ST)
    if "stage" in wanted:
        out["stage"] = maximal_range(_models(n, attacks, _CF))
    return {s: out[s] for s in wanted}


def random_framework(seed: int, most: int = 7) -> tuple[int, list[tuple[int, int]]]:
    """A small framework: self-attacks, repeated draws and the empty framework included."""
    rng = random.Random(seed)
    n = rng.randint(0, most)
    if not n:
        return 0, []
    drawn = {(rng.randint(1, n), rng.randint(1, n)) for _ in range(rng.randint(0, 2 * n))}
    return n, sorted(drawn)


def _check_all_tasks(n: int, attacks: list[tuple[int, int]], want: dict[str, list[Ext]]) -> None:
    fw = Framework.from_attacks(list(range(1, n + 1)), attacks)
    for semantics in CODES.values():
        expected = sorted(sorted(e) for e in want[semantics])
        got = list(ext.extensions(fw, semantics))
        assert sorted(got) == expected, (semantics, n, attacks)
        assert len({tuple(e) for e in got}) == len(got)  # each once
        one = ext.some_extension(fw, semantics)
        assert (one in expected) if expected else one is None, (semantics, n, attacks)
        for x in range(1, n + 1):
            yes, witness = ext.credulous(fw, semantics, x)
            assert yes == any(x in e for e in expected), (semantics, x, n, attacks)
            assert witness is None if not yes else (witness in expected and x in witness)
            yes, witness = ext.sceptical(fw, semantics, x)
            assert yes == all(x in e for e in expected), (semantics, x, n, attacks)
            assert witness is None if yes else (witness in expected and x not in witness)


@pytest.mark.parametrize("chunk", range(3))
def test_every_task_agrees_with_brute_force_and_clingo(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """150 frameworks; small parts searched by labelling (as they are), then by SAT."""
    for seed in range(chunk * 50, chunk * 50 + 50):
        n, attacks = random_framework(seed)
        want = brute(n, attacks)
        assert {k: sorted(map(sorted, v)) for k, v in by_clingo(n, attacks).items()} == {
            k: sorted(map(sorted, v)) for k, v in want.items()
        }, (n, attacks)
        _check_all_tasks(n, attacks, want)
        with monkeypatch.context() as patch:
            patch.setattr(ext, "SEARCH_LIMIT", 0)
            _check_all_tasks(n, attacks, want)


@pytest.mark.parametrize("seed", range(4))
def test_larger_frameworks_agree_with_clingo(seed: int) -> None:
    """Parts of tens of arguments, searched by the SAT solver, against clingo."""
    rng = random.Random(seed)
    n = rng.randint(25, 40)
    drawn = {(rng.randint(1, n), rng.randint(1, n)) for _ in range(2 * n)}
    drawn |= {(b, a) for a, b in sorted(drawn) if rng.random() < 0.3}
    attacks = sorted(drawn)
    fw = Framework.from_attacks(list(range(1, n + 1)), attacks)
    wanted = ("complete", "preferred", "stable", "semi-stable", "ideal")
    want = by_clingo(n, attacks, wanted)
    for semantics in wanted:
        got = sorted(ext.extensions(fw, semantics))
        assert got == sorted(sorted(e) for e in want[semantics]), semantics


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=14)
        )
    )
)
def test_inclusions_between_semantics(case: tuple[int, list[tuple[int, int]]]) -> None:
    """Stable within semi-stable within preferred within complete; the grounded and the
    ideal extension within every preferred one, the grounded within the ideal; when a
    stable extension exists, semi-stable and stage ones are the stable ones."""
    n, attacks = case
    fw = Framework.from_attacks(list(range(1, n + 1)), attacks)
    found = {s: {frozenset(e) for e in ext.extensions(fw, s)} for s in CODES.values()}
    assert found["stable"] <= found["semi-stable"] <= found["preferred"] <= found["complete"]
    (gr,) = found["grounded"]
    (ideal,) = found["ideal"]
    assert gr <= ideal and all(ideal <= p for p in found["preferred"])
    if found["stable"]:
        assert found["semi-stable"] == found["stage"] == found["stable"]


def symmetric_framework(seed: int, most: int = 8) -> tuple[int, list[tuple[int, int]]]:
    """A framework whose attacks are all mutual; some draws add a self-attack, which
    takes it off the symmetric route."""
    rng = random.Random(seed)
    n = rng.randint(1, most)
    drawn = {(rng.randint(1, n), rng.randint(1, n)) for _ in range(rng.randint(0, 2 * n))}
    attacks = {(a, b) for a, b in drawn if a != b} | {(b, a) for a, b in drawn if a != b}
    if rng.random() < 0.2:
        x = rng.randint(1, n)
        attacks.add((x, x))
    return n, sorted(attacks)


@pytest.mark.parametrize("chunk", range(2))
def test_symmetric_frameworks_agree_with_brute_force(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On symmetric frameworks preferred, semi-stable and stage extensions are found as
    stable ones (Coste-Marquis et al. 2005): every task still gives what the definitions
    give, through the labelling search and through the SAT solver."""
    for seed in range(chunk * 40, chunk * 40 + 40):
        n, attacks = symmetric_framework(seed)
        want = brute(n, attacks)
        if all(a != b for a, b in attacks):  # the theorem itself, on the brute force
            assert sorted(want["preferred"], key=sorted) == sorted(want["stable"], key=sorted)
        _check_all_tasks(n, attacks, want)
        with monkeypatch.context() as patch:
            patch.setattr(ext, "SEARCH_LIMIT", 0)
            _check_all_tasks(n, attacks, want)


def test_symmetric_parts_take_the_stable_route(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 4x4 grid (neighbours attack each other) is enumerated by the stable encoding,
    with no maximisation; a self-attack anywhere sends it back to the complete one."""
    from argmap.semantics import sat

    grid = [
        (r * 4 + c + 1, (r + dr) * 4 + c + dc + 1)
        for r in range(4)
        for c in range(4)
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))
        if 0 <= r + dr < 4 and 0 <= c + dc < 4
    ]
    calls: list[str] = []

    def spy(name: str) -> Any:
        real = getattr(sat, name)
        return lambda *args, **kwargs: calls.append(name) or real(*args, **kwargs)

    for name in ("stable_all", "preferred"):
        monkeypatch.setattr(sat, name, spy(name))
    fw = Framework.from_attacks(list(range(1, 17)), grid)
    found = sorted(ext.extensions(fw, "preferred"))
    assert calls == ["stable_all"]
    assert found == sorted(sorted(e) for e in by_clingo(16, grid, ("preferred",))["preferred"])
    calls.clear()
    fw = Framework.from_attacks(list(range(1, 17)), [*grid, (16, 16)])
    assert sorted(ext.extensions(fw, "preferred")) == sorted(
        sorted(e) for e in by_clingo(16, [*grid, (16, 16)], ("preferred",))["preferred"]
    )
    assert calls == ["preferred"]


@pytest.mark.parametrize("search_limit", [12, 0])
def test_readings_and_preferred_checks_agree_with_brute_force(
    search_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which arguments some and every extension hold (what ``status`` prints), and
    whether a complete extension is preferred, without listing extensions: by the
    labelling search and by SAT queries, on random and symmetric frameworks."""
    monkeypatch.setattr(ext, "SEARCH_LIMIT", search_limit)
    cases = [random_framework(seed) for seed in range(120)]
    cases += [symmetric_framework(seed) for seed in range(40)]
    for n, attacks in cases:
        want = brute(n, attacks)
        fw = Framework.from_attacks(list(range(1, n + 1)), attacks)
        for semantics in ("grounded", "complete", "preferred", "stable"):
            found = ext.readings(fw, semantics)
            exts = want[semantics]
            if not exts:
                assert found is None, (semantics, n, attacks)
                continue
            assert found is not None
            some, every = found
            scept = exts if semantics != "complete" else want["grounded"]
            assert [x for x in range(1, n + 1) if some[x]] == sorted(set().union(*exts))
            assert [x for x in range(1, n + 1) if every[x]] == sorted(
                frozenset.intersection(*scept)
            ), (semantics, n, attacks)
        for e in want["complete"]:
            assert ext.is_preferred_extension(fw, e) == (e in want["preferred"]), (e, attacks)


def test_a_framework_with_supports_is_translated() -> None:
    # c needs support, and e (a quote) supports it; d attacks e.
    fw = Framework(["c", "e", "d"], [(3, 2)], supports=[(2, 1)], needs_support=frozenset({1}))
    assert list(ext.extensions(fw, "preferred")) == [[3]]
    with pytest.raises(ValueError, match="needs a plain framework"):
        list(ext.extensions(fw, "stage"))


def test_unknown_semantics_and_arguments() -> None:
    fw = Framework.from_attacks([1, 2], [(1, 2)])
    with pytest.raises(ValueError, match="unknown semantics"):
        list(ext.extensions(fw, "naive"))
    with pytest.raises(ValueError, match=r"not in 1\.\.2"):
        ext.credulous(fw, "preferred", 3)


# --- argmap solve -----------------------------------------------------------------------


def _solve(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(["solve", *words])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fw_file(tmp_path: Path) -> Path:
    path = tmp_path / "fw.i23"  # 1 <-> 2, 2 -> 3, 4 attacks itself
    path.write_text("p af 4\n# a comment\n1 2\n2 1\n2 3\n4 4\n")
    return path


@pytest.mark.parametrize(
    ("task", "arg", "expected"),
    [
        ("DC-PR", "3", "YES\nw 1 3\n"),
        ("DC-PR", "4", "NO\n"),
        ("DS-PR", "3", "NO\nw 2\n"),
        ("DS-GR", "1", "NO\nw\n"),
        ("DC-ST", "1", "NO\n"),  # 4 attacks itself: no stable extension
        ("DS-ST", "4", "YES\n"),  # ... so every one of them holds 4
        ("SE-ST", None, "NO\n"),
        ("SE-GR", None, "w\n"),
        ("SE-ID", None, "w\n"),
        ("DS-STG", "1", "NO\nw 2\n"),
    ],
)
def test_solve_prints_the_competition_format(
    capsys: pytest.CaptureFixture[str], fw_file: Path, task: str, arg: str | None, expected: str
) -> None:
    words = ["-p", task, "-f", str(fw_file)] + (["-a", arg] if arg else [])
    assert _solve(capsys, *words) == (0, expected, "")


@pytest.mark.parametrize(
    ("task", "lines"),
    [
        ("EE-PR", {"w 1 3", "w 2"}),
        ("EE-CO", {"w", "w 1 3", "w 2"}),
        ("EE-SST", {"w 1 3", "w 2"}),
        ("EE-ST", {"NO"}),
        ("EE-GR", {"w"}),
    ],
)
def test_enumeration_prints_one_line_per_extension(
    capsys: pytest.CaptureFixture[str], fw_file: Path, task: str, lines: set[str]
) -> None:
    code, out, _ = _solve(capsys, "-p", task, "-f", str(fw_file))
    assert code == 0
    assert sorted(out.splitlines()) == sorted(lines)


def test_every_listed_problem_answers(capsys: pytest.CaptureFixture[str], fw_file: Path) -> None:
    code, out, _ = _solve(capsys, "--problems")
    listed = out.strip().strip("[]").split(",")
    assert code == 0 and listed == list(PROBLEMS)
    assert {p.split("-")[1] for p in listed} == set(CODES)
    for problem in listed:
        code, out, err = _solve(capsys, "-p", problem, "-f", str(fw_file), "-a", "1")
        assert code == 0 and err == "", problem
        assert out.splitlines()[0] in {"YES", "NO"} or out.startswith("w"), problem


def test_formats_and_other_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert _solve(capsys, "--formats") == (0, "[i23,apx,tgf]\n", "")
    apx = tmp_path / "fw.apx"
    apx.write_text("arg(musk). arg(altman). att(altman,musk).\n")
    assert _solve(capsys, "-p", "DC-PR", "-f", str(apx), "-a", "altman") == (
        0,
        "YES\nw altman\n",
        "",
    )
    text = tmp_path / "fw.txt"
    text.write_text("p af 2\n1 2\n")
    assert _solve(capsys, "-p", "SE-PR", "-f", str(text)) == (0, "w 1\n", "")
    code, _, err = _solve(capsys, "-p", "SE-PR", "-f", str(apx), "-fo", "i23")
    assert code == 2 and "fw.apx:1:1: error E001 invalid iccma framework: an attack" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("p af 2\n1 x\n", "fw.i23:2:3: error E001 invalid iccma framework: expected two"),
        ("p af 2\n1 3\n", "fw.i23:2:3: error E001 invalid iccma framework: argument 3 is not"),
        ("1 2\n", "fw.i23:1:1: error E001 invalid iccma framework: an attack before"),
    ],
)
def test_errors_in_the_file_are_located(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "fw.i23"
    path.write_text(text)
    code, out, err = _solve(capsys, "-p", "SE-PR", "-f", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(str(tmp_path / message.split(":")[0]) + message[6:])
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["-p", "XX-PR"], "unknown task 'XX-PR'"),
        (["-p", "DC-PR"], "DC needs the query argument"),
        (["-p", "DC-PR", "-a", "9"], "argument '9' is not in 1..4"),
        (["-p", "SE-PR", "-fo", "dot"], "unknown format 'dot'"),
    ],
)
def test_usage_errors(
    capsys: pytest.CaptureFixture[str], fw_file: Path, words: list[str], message: str
) -> None:
    code, out, err = _solve(capsys, *words, "-f", str(fw_file))
    assert (code, out) == (2, "")
    assert message in err and len(err.splitlines()) == 1


def test_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _solve(capsys, "-p", "SE-GR", "-f", str(tmp_path / "none.i23"))
    assert code == 2 and err.strip().endswith("none.i23: error E005 file not found")


def _fresh_python(*calls: list[str]) -> list[str]:
    """Run ``main`` on each argument list in a new interpreter; return what it printed,
    the last line being which of pydantic and networkx it had imported."""
    script = "import sys\nfrom argmap.cli import main\n"
    script += "".join(f"main({words!r})\n" for words in calls)
    script += "print(sorted(m for m in ('pydantic', 'networkx') if m in sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_solve_imports_neither_pydantic_nor_networkx(fw_file: Path) -> None:
    out = _fresh_python(["solve", "-p", "EE-PR", "-f", str(fw_file)], ["--version"])
    assert out[-1] == "[]"
    assert "argmap 0.1.0" in out


@pytest.mark.parametrize("semantics", ["grounded", "preferred"])
def test_status_on_a_framework_file_imports_neither(fw_file: Path, semantics: str) -> None:
    """``argmap status`` on a framework file starts at once too; on a map it loads the
    model as before."""
    out = _fresh_python(["status", str(fw_file), "--semantics", semantics, "--extensions"])
    assert out[-1] == "[]"
    assert any("arguments" in line for line in out) and any("extension" in line for line in out)
    bundled = Path(__file__).parent.parent / "data" / "claims.json"
    out = _fresh_python(["status", str(bundled)])
    assert out[-1] == "['networkx', 'pydantic']"
    assert "69 claims" in out[0]


def _lines(out: str) -> Iterator[frozenset[str]]:
    for line in out.splitlines():
        assert line.startswith("w")
        yield frozenset(line.split()[1:])


def test_solve_enumerates_what_the_library_finds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    n, attacks = 30, sorted({(random.Random(3).randint(1, 30), i % 30 + 1) for i in range(60)})
    path = tmp_path / "fw.i23"
    path.write_text(f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks))
    fw = Framework.from_attacks(list(range(1, n + 1)), attacks)
    code, out, _ = _solve(capsys, "-p", "EE-PR", "-f", str(path))
    assert code == 0
    assert set(_lines(out)) == {frozenset(map(str, e)) for e in ext.extensions(fw, "preferred")}
