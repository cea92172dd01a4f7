"""The accuracy gate: newsparse (plugins off) must not score below the floors in ``accuracy_floors.json``.

The evaluation runs once per test session (module-scoped fixture): the corpus, the gold set from HTML and from
text, and the seed; then one test per (dataset, metric) compares a score with its floor, so a failure names
exactly what got worse. Lower-is-better metrics (invented dates, error counts) have ceilings instead.

Refresh the file after an improvement with ``python tests/test_accuracy_gate.py`` (floors are only raised;
``--reset`` recomputes them all from the current scores, for a commit that says why a floor goes down).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from newsparse._evaluate import LOWER_IS_BETTER, evaluate

FLOORS_FILE = Path(__file__).resolve().parent / "accuracy_floors.json"
#: the margin below the current score (rounded down to 2 decimals) so run-to-run noise does not fail CI
MARGIN = 0.01
#: metrics never gated: measurements (times, counts, the bootstrap spread), and body_exact, an all-or-nothing
#: share where one page moves a small dataset by more than the margin and body_f1 already gates the body
UNGATED = frozenset({"median_ms", "p95_ms", "ms", "pages", "body_f1_std", "body_exact"})
#: where each gated dataset comes from: (folder under shared/, parse the text renderings); others are corpus
SPECIAL_SOURCES = {"gold": ("gold", False), "gold-text": ("gold", True), "seed": ("seed", False)}


def shared_path() -> Path | None:
    """``../shared`` beside the checkout, or ``$NEWSPARSE_SHARED``; None when absent."""
    env = os.environ.get("NEWSPARSE_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    return path if path.is_dir() else None


def source_of(dataset: str) -> tuple[str, bool]:
    return SPECIAL_SOURCES.get(dataset, ("corpus", False))


def run_all(shared: Path, sources: set[tuple[str, bool]]) -> dict[str, dict[str, float]]:
    """Evaluate each needed source once; returns dataset name -> metric -> value."""
    scores: dict[str, dict[str, float]] = {}
    for folder, text in sorted(sources):
        if not (shared / folder).is_dir():
            continue
        result = evaluate(shared / folder, text=text)
        scores.update(result["datasets"])
    return scores


def _load_floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return data


def _cases() -> list[Any]:
    if not FLOORS_FILE.exists():  # only while the refresh script writes the first version
        return []
    data = _load_floors()
    cases = []
    for kind in ("floors", "ceilings"):
        for dataset, metrics in sorted(data.get(kind, {}).items()):
            for metric, bound in sorted(metrics.items()):
                cases.append(pytest.param(kind, dataset, metric, bound, id=f"{dataset}:{metric}"))
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def current_scores() -> dict[str, dict[str, float]]:
    shared = shared_path()
    if shared is None:
        pytest.skip("../shared (or $NEWSPARSE_SHARED) is absent: the accuracy gate needs the labelled pages")
    sources = {source_of(c.values[1]) for c in CASES}
    return run_all(shared, sources)


def test_floor_file_is_well_formed() -> None:
    data = _load_floors()
    assert "_comment" in data and "raised" in data["_comment"]
    assert data.get("floors"), "no floors at all"
    for kind in ("floors", "ceilings"):
        for dataset, metrics in data.get(kind, {}).items():
            for metric, bound in metrics.items():
                assert metric not in UNGATED, f"{dataset}:{metric} is a time or count and is not gated"
                assert (metric in LOWER_IS_BETTER) == (kind == "ceilings"), f"{dataset}:{metric} in {kind}"
                if kind == "floors":
                    assert 0 < bound <= 1, f"{dataset}:{metric} floor {bound} cannot fail or cannot pass"
                else:
                    assert bound >= 0


def test_bounds_from_scores() -> None:
    assert floor_of(0.957) == 0.94
    assert floor_of(0.95) == 0.94  # 0.95 * 100 is 94.999... in binary: still 0.95 rounded down
    assert floor_of(1.0) == 0.99
    assert ceiling_of("published_invented", 0.043) == 0.06
    assert ceiling_of("errors", 2) == 2
    bounds = bounds_from({"d": {"body_f1": 0.5, "headline_exact": 0.005, "median_ms": 30.0, "errors": 0,
                                "published_invented": 0.995}})
    # a zero floor could never fail and a ceiling of 1 never either: both are left out; times are not gated
    assert bounds == {"floors": {"d": {"body_f1": 0.49}}, "ceilings": {"d": {"errors": 0}}}


@pytest.mark.parametrize(("kind", "dataset", "metric", "bound"), CASES)
def test_accuracy(current_scores: dict[str, dict[str, float]], kind: str, dataset: str, metric: str,
                  bound: float) -> None:
    folder, _text = source_of(dataset)
    shared = shared_path()
    if shared is not None and not (shared / folder).is_dir():
        pytest.skip(f"../shared/{folder} is absent")
    metrics = current_scores.get(dataset)
    assert metrics is not None, f"dataset {dataset!r} is missing from the evaluation of ../shared/{folder}"
    assert metric in metrics, f"{dataset}: metric {metric!r} is no longer computed (was gated at {bound})"
    value = metrics[metric]
    if kind == "floors":
        assert value >= bound, f"{dataset} {metric} = {value:.4f}, below its floor {bound:.2f}"
    else:
        assert value <= bound, f"{dataset} {metric} = {value:.4f}, above its ceiling {bound:.2f}"


# --------------------------------------------------------------------------------------------------------------
# refreshing the floors


def floor_of(value: float) -> float:
    """The current score rounded down to 2 decimals, minus the margin."""
    return round(math.floor(round(value * 100, 6)) / 100 - MARGIN, 2)


def ceiling_of(metric: str, value: float) -> float:
    """Counts are gated exactly; shares get the value rounded up to 2 decimals plus the margin."""
    if metric == "errors":
        return value
    return round(math.ceil(round(value * 100, 6)) / 100 + MARGIN, 2)


def bounds_from(scores: dict[str, dict[str, float]]) -> dict[str, dict[str, dict[str, float]]]:
    floors: dict[str, dict[str, float]] = {}
    ceilings: dict[str, dict[str, float]] = {}
    for dataset, metrics in scores.items():
        for metric, value in metrics.items():
            if metric in UNGATED:
                continue
            if metric in LOWER_IS_BETTER:
                c = ceiling_of(metric, value)
                if metric == "errors" or c < 1:
                    ceilings.setdefault(dataset, {})[metric] = c
            else:
                f = floor_of(value)
                if f > 0:  # a floor at or below zero could never fail
                    floors.setdefault(dataset, {})[metric] = f
    return {"floors": floors, "ceilings": ceilings}


COMMENT = (
    "Accuracy floors of newsparse (plugins off), checked by tests/test_accuracy_gate.py: per dataset and metric, "
    "the score when the floor was set, rounded down to 2 decimals, minus 0.01. Floors are only ever raised "
    "(python tests/test_accuracy_gate.py raises them after an improvement); a commit that lowers one must say why. "
    "'ceilings' bound lower-is-better metrics (share of invented dates; errors = pages that failed). "
    "Times, body_f1_std and body_exact are not gated; metrics scoring zero have no floor yet."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refresh tests/accuracy_floors.json from the current scores.")
    parser.add_argument("--reset", action="store_true", help="recompute every bound (may lower floors)")
    parser.add_argument("--dry-run", action="store_true", help="print the changes, do not write")
    args = parser.parse_args(argv)
    shared = shared_path()
    if shared is None:
        print("../shared is absent", file=sys.stderr)
        return 2
    sources = {("corpus", False), ("gold", False), ("gold", True), ("seed", False)}
    new = bounds_from(run_all(shared, sources))
    old = {"floors": {}, "ceilings": {}} if args.reset or not FLOORS_FILE.exists() else _load_floors()
    merged: dict[str, Any] = {"_comment": COMMENT, "floors": {}, "ceilings": {}}
    for kind, better in (("floors", max), ("ceilings", min)):
        names = sorted(set(old.get(kind, {})) | set(new[kind]))
        for ds in names:
            o, n = old.get(kind, {}).get(ds, {}), new[kind].get(ds, {})
            merged[kind][ds] = {m: (better(o[m], n[m]) if m in o and m in n else o.get(m, n.get(m)))
                                for m in sorted(set(o) | set(n))}
            for m in sorted(set(o) | set(n)):
                if o.get(m) != merged[kind][ds][m]:
                    print(f"{kind} {ds}:{m}: {o.get(m)} -> {merged[kind][ds][m]}")
    if not args.dry_run:
        FLOORS_FILE.write_text(json.dumps(merged, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
