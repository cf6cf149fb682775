"""A short run of the fuzzing harness (``fuzz/harness.py``; ``fuzz/run.py`` runs it long).

Whatever the input and the output asked for, a command exits with 0, 1 or 2, says why
when it fails, leaves its inputs as they were and writes nothing half-way.
"""

from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings

from conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))

import harness


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(harness.quick_cases)
def test_no_input_breaks_a_promise(case: harness.Case) -> None:
    outcome = harness.run_case(case, timeout=30)
    assert outcome.failure is None, f"{outcome.failure}: {outcome.detail}\n{case.describe()}"


def test_the_harness_sees_a_modified_input() -> None:
    # The judge must catch what it looks for: every file the case brings counts as an
    # input, so writing over n.json (which argmap may do: it is not the map read) is
    # reported.
    case = harness.Case({"m.json": b"{}", "n.json": b"{}"}, ["upgrade", "m.json", "-o", "n.json"])
    outcome = harness.run_case(case)
    assert outcome.failure == "input modified" and outcome.detail == "n.json"
