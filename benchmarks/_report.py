"""Tables, chart and the docs section of a benchmark run."""

from __future__ import annotations

import json
import math
import shutil
import statistics
from pathlib import Path
from typing import Any

#: Markers around the generated part of docs/benchmarks.md.
START = "<!-- bench:start -->"
END = "<!-- bench:end -->"

#: Short column names of the datasets (as in the corpus's BASELINES.md).
SHORT = {
    "scrapinghub-aeb": "aeb",
    "mozilla-readability": "moz",
    "dragnet": "dragnet",
    "l3s-gn1": "l3s",
    "fundus": "fundus",
    "wcxb": "wcxb",
    "trafilatura-evaldata": "trafilatura",
    "htmldate-mediacloud": "htmldate",
}

#: (metric of ``score_corpus``, column title, field the extractor must output for the score to mean anything)
MAIN_COLUMNS = (
    ("headline_exact", "headline exact", "headline"),
    ("authors_f1", "authors F1", "authors"),
    ("published_acc", "date acc", "published"),
    ("comments_f1", "comments tokF1", "comments"),
    ("no_phantom_comments", "no-phantom", "comments"),
    ("comment_snippet_recall", "comment snippets", "comments"),
)
DETAIL_COLUMNS = (
    ("body_f1_macro", "body F1 macro", "body"),
    ("body_precision", "body P", "body"),
    ("body_recall", "body R", "body"),
    ("body_bow_f1", "body tokF1", "body"),
    ("body_exact", "body exact", "body"),
    ("body_with_recall", "with recall", "body"),
    ("body_without_absent", "without absent", "body"),
    ("headline_f1", "headline tokF1", "headline"),
    ("authors_f1_named", "authors F1 named", "authors"),
    ("authors_none_ok", "authors none ok", "authors"),
    ("published_invented", "date invented", "published"),
)

#: metrics whose (n) counts snippets, not pages: metric -> the per-page count that holds the total
SNIPPET_TOTALS = {
    "body_with_recall": "with_total",
    "body_without_absent": "without_total",
    "comment_snippet_recall": "cwith_total",
}


# --- reading the scoring function's result -------------------------------------------------

Metric = tuple[float | None, int | None]


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if isinstance(value, float) and math.isnan(value) else float(value)


def metric(result: dict[str, Any], key: str, dataset: str | None = None) -> Metric:
    """(value, n) of one metric of ``newsparse._evaluate.score_corpus``'s result.

    ``dataset=None`` is the pooled score over all pages (the "all" columns of BASELINES.md);
    ``body_f1_macro`` is the mean over datasets. n = labelled pages (snippets for snippet metrics).
    """
    if not result:
        return None, None
    datasets = result.get("datasets") or {}
    if key == "body_f1_macro":
        scope = datasets.get("overall") or (next(iter(datasets.values())) if len(datasets) == 1 else {})
        return _num(scope.get("body_f1")), None
    scope = result.get("pooled") if dataset is None else datasets.get(dataset)
    if not isinstance(scope, dict):
        return None, None
    pages = [pg for pg in (result.get("pages") or {}).values() if dataset is None or pg.get("dataset") == dataset]
    if key in SNIPPET_TOTALS:
        n = int(sum(pg.get("counts", {}).get(SNIPPET_TOTALS[key], 0) for pg in pages))
    else:
        n = sum(1 for pg in pages if key in pg.get("scores", {}))
    return _num(scope.get(key)), n or None


# --- timing --------------------------------------------------------------------------------


def _times(pred: dict[str, dict[str, Any]], key: str = "seconds") -> list[float]:
    """Sorted per-page times: CPU seconds (``seconds``) or wall-clock seconds (``wall_seconds``)."""
    return sorted(p[key] for p in pred.values() if isinstance(p.get(key), (int, float)) and not math.isnan(p[key]))


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile of sorted ``values`` (q in 0..100)."""
    if not values:
        return float("nan")
    pos = (len(values) - 1) * q / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def timing(preds: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, float]]:
    out = {}
    for name, pred in preds.items():
        t = _times(pred)
        out[name] = {
            "median_ms": statistics.median(t) * 1000 if t else float("nan"),
            "p95_ms": percentile(t, 95) * 1000,
            "pages_per_s": len(t) / sum(t) if t and sum(t) else float("nan"),
            "timed_pages": len(t),
        }
    return out


def lxml_ratio(preds: dict[str, dict[str, dict[str, Any]]], key: str = "seconds") -> dict[str, float] | None:
    """Per page newsparse seconds / bare lxml parse seconds (CPU, or wall clock with ``key="wall_seconds"``):
    median and quartiles."""
    if "newsparse" not in preds or "lxml-parse" not in preds:
        return None
    ratios = []
    for pid, p in preds["newsparse"].items():
        q = preds["lxml-parse"].get(pid)
        a, b = p.get(key), (q or {}).get(key)
        if isinstance(a, float) and isinstance(b, float) and not math.isnan(a) and not math.isnan(b) and b > 0:
            ratios.append(a / b)
    if not ratios:
        return None
    ratios.sort()
    return {
        "median": statistics.median(ratios),
        "p25": percentile(ratios, 25),
        "p75": percentile(ratios, 75),
        "pages": len(ratios),
        "lxml_median_ms": statistics.median(_times(preds["lxml-parse"], key)) * 1000,
    }


# --- formatting ----------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _ms(value: float) -> str:
    if math.isnan(value):
        return "—"
    return f"{value:.1f}" if value < 1000 else f"{value:.0f}"


def build_tables(
    order: list[str],
    fields: dict[str, tuple[str, ...]],
    scores: dict[str, dict[str, Any]],
    preds: dict[str, dict[str, dict[str, Any]]],
    errors: dict[str, dict[str, str]],
    run: dict[str, Any],
) -> tuple[str, dict[str, Any]]:
    """The markdown section and the numbers behind it."""
    times = timing(preds)
    base = times.get("newsparse", {}).get("median_ms", float("nan"))
    # dataset columns: those with body labels in this run, in the corpus's usual order
    body_ds = [
        ds
        for ds in SHORT
        if any(metric(scores[n], "body_f1", ds)[1] for n in order if n in scores and "body" in fields[n])
    ]

    def n_of(key: str, ds: str | None = None) -> str:
        ns = [x for x in (metric(scores[n], key, ds)[1] for n in order if n in scores) if x]
        return f" ({max(ns)})" if ns else ""

    head = ["extractor", f"body F1 all{n_of('body_f1')}"]
    head += [f"{SHORT[ds]}{n_of('body_f1', ds)}" for ds in body_ds]
    head += [f"{title}{n_of(key)}" for key, title, _ in MAIN_COLUMNS]
    head += ["median CPU ms/page", "p95 CPU ms/page", "time × newsparse", "errors"]
    rows = []
    numbers: dict[str, Any] = {}
    for name in order:
        res = scores.get(name, {})
        have = fields[name]
        cells = [name]
        nums: dict[str, Any] = {}

        def cell(key: str, field: str, ds: str | None = None) -> str:
            if field not in have:
                return "n/a"
            value, _ = metric(res, key, ds)
            nums[key if ds is None else f"{key}:{ds}"] = value
            return _fmt(value)

        cells.append(cell("body_f1", "body"))
        cells += [cell("body_f1", "body", ds) for ds in body_ds]
        cells += [cell(key, field) for key, _, field in MAIN_COLUMNS]
        t = times[name]
        ratio = t["median_ms"] / base if base and not math.isnan(base) else float("nan")
        cells += [_ms(t["median_ms"]), _ms(t["p95_ms"]), "—" if math.isnan(ratio) else f"{ratio:.2f}", str(len(errors.get(name, {})))]
        nums.update(t, time_ratio=ratio, errors=len(errors.get(name, {})))
        numbers[name] = nums
        rows.append(cells)
    main = _md_table(head, rows)

    dhead = ["extractor"] + [f"{title}{n_of(key)}" for key, title, _ in DETAIL_COLUMNS] + ["pages/s"]
    drows = []
    for name in order:
        res, have = scores.get(name, {}), fields[name]
        cells = [name]
        for key, _, field in DETAIL_COLUMNS:
            cells.append("n/a" if field not in have else _fmt(metric(res, key)[0]))
        pps = times[name]["pages_per_s"]
        cells.append("—" if math.isnan(pps) else f"{pps:.1f}")
        drows.append(cells)
    detail = _md_table(dhead, drows)

    lines = [
        f"Run of {run.get('date', '?')}: {run.get('pages', '?')} pages of {', '.join(run.get('datasets', []))}; "
        f"machine: {run.get('machine', '?')}"
        + (f" (1-minute load average {run['load_start']:.1f} at the start, {run['load_end']:.1f} at the end)" if run.get("load_start") is not None and run.get("load_end") is not None else "")
        + f"; wall time {run.get('wall_seconds', '?')} s.",
        "",
        "Command:",
        "",
        "```bash",
        run.get("command", "python benchmarks/bench.py"),
        "```",
        "",
        main,
        "",
        "`n/a` = the extractor does not output that field. `—` = no page of this run is labelled for it. "
        "(n) = labelled pages (snippets for comment snippets). Times are the CPU time of the call "
        "(`time.process_time`), not wall time: on a shared machine wall time also counts the moments another "
        "process had the core, which hits long calls more than short ones. `time × newsparse` = median time per page "
        "divided by newsparse's. `errors` = pages where the call raised or ran past the time limit "
        "(they count as an all-null prediction).",
        "",
        "More detail (same run):",
        "",
        detail,
        "",
    ]
    lx = lxml_ratio(preds)
    wall = lxml_ratio(preds, "wall_seconds")
    if lx:
        lines.append(
            f"**newsparse vs. a bare lxml parse**: per page, newsparse takes a median **{lx['median']:.1f}×** the time of "
            f"`lxml.html.document_fromstring` on the same str (quartiles {lx['p25']:.1f}× – {lx['p75']:.1f}×, "
            f"{lx['pages']} pages; the bare parse's median is {lx['lxml_median_ms']:.2f} CPU ms/page)."
            + (f" In wall-clock time the median ratio was {wall['median']:.1f}× in this run." if wall else "")
        )
        lines.append("")
        numbers["lxml_ratio"] = lx
        if wall:
            numbers["lxml_ratio_wall"] = wall
    mem = run.get("memory", {})
    if mem:
        parts = []
        if "tracemalloc_peak_mib_max" in mem:
            sample = mem.get("tracemalloc_sample", "all pages")
            parts.append(
                f"tracemalloc peak of one newsparse call ({sample}): median {mem['tracemalloc_peak_mib_median']} MiB, "
                f"largest {mem['tracemalloc_peak_mib_max']} MiB"
                + (f" (a {mem['tracemalloc_peak_max_page_kib']} KiB page)" if "tracemalloc_peak_max_page_kib" in mem else "")
                + " — Python allocations only; lxml's C-side tree memory is not traced"
            )
        if "ru_maxrss_mib" in mem:
            parts.append(f"ru_maxrss of the whole benchmark process (every extractor of the run loaded): {mem['ru_maxrss_mib']} MiB")
        lines.append("**Memory**: " + "; ".join(parts) + ".")
        lines.append("")
    vers = run.get("versions", {})
    if vers:
        lines.append("Versions: " + "; ".join(f"{n}: {v}" for n, v in vers.items() if n != "lxml-parse") + ".")
        lines.append("")
    for name, why in run.get("skipped", {}).items():
        lines.append(f"Skipped {name}: {why}.")
    for name in order:
        errs = errors.get(name, {})
        if errs:
            kinds: dict[str, list[str]] = {}
            for msg in errs.values():
                kinds.setdefault(msg.split(":", 1)[0], []).append(msg)
            parts = []
            for kind, msgs in sorted(kinds.items()):
                first = msgs[0].split(":", 1)[-1].strip().split("\n")[0][:90]
                parts.append(f"{kind} × {len(msgs)} (e.g. “{first}”)")
            lines.append(f"Errors of {name}: " + "; ".join(parts) + ".")
    return "\n".join(lines).rstrip() + "\n", numbers


def _md_table(head: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def chart(path: Path, order: list[str], numbers: dict[str, Any], lx: dict[str, float] | None) -> bool:
    """Body F1 (overall) against median ms/page, log x. False when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    pts = [
        (n, numbers[n]["median_ms"], numbers[n].get("body_f1"))
        for n in order
        if numbers[n].get("body_f1") is not None and not math.isnan(numbers[n]["median_ms"])
    ]
    from matplotlib.ticker import FuncFormatter, LogLocator

    fig, ax = plt.subplots(figsize=(8, 5.2), dpi=120)
    for name, ms, f1 in pts:
        own = name == "newsparse"
        ax.scatter([ms], [f1], s=90 if own else 55, color="#d62728" if own else "#1f77b4", zorder=3, edgecolor="black", linewidth=0.6)
    if lx:
        ax.axvline(lx["lxml_median_ms"], color="grey", linestyle=":", linewidth=1)
        ax.annotate("bare lxml parse", (lx["lxml_median_ms"], 0.02), xycoords=("data", "axes fraction"), rotation=90, fontsize=8, color="grey", xytext=(3, 0), textcoords="offset points")
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda v, _pos: ""))
    if pts:
        xs = [p[1] for p in pts] + ([lx["lxml_median_ms"]] if lx else [])
        ax.set_xlim(min(xs) / 1.6, max(xs) * 2.6)
        ys = [p[2] for p in pts]
        ax.set_ylim(max(0.0, min(ys) - 0.05), min(1.0, max(ys) + 0.03))
    _place_labels(fig, ax, pts)
    ax.set_xlabel("median time per page, ms (log scale; lower is faster)")
    ax.set_ylabel("body shingle F1, all body-labelled pages")
    ax.set_title("Body accuracy vs. speed on the evaluation corpus (dev split)")
    ax.grid(True, which="both", alpha=0.3)
    fig.text(0.99, 0.01, "one shared 2-core machine: compare ratios, not absolute times", ha="right", fontsize=8, color="grey")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path)
    plt.close(fig)
    return True


def _place_labels(fig: Any, ax: Any, pts: list[tuple[str, float, float]]) -> None:
    """Label each point, trying a few offsets so that no two labels overlap."""
    renderer = fig.canvas.get_renderer()
    offsets = ((7, 5, "left"), (7, -13, "left"), (-7, 5, "right"), (-7, -13, "right"), (7, 17, "left"), (7, -25, "left"))
    from matplotlib.transforms import Bbox

    # the markers are obstacles too: a label must not cover another extractor's point
    placed: list[Any] = []
    for _name, ms, f1 in pts:
        x, y = ax.transData.transform((ms, f1))
        placed.append(Bbox.from_extents(x - 7, y - 7, x + 7, y + 7))
    # fastest first, so the labels of close points fan out in a stable order
    for name, ms, f1 in sorted(pts, key=lambda p: (p[1], -p[2])):
        own = name == "newsparse"
        for dx, dy, ha in offsets:
            text = ax.annotate(name, (ms, f1), textcoords="offset points", xytext=(dx, dy), ha=ha, fontsize=10, fontweight="bold" if own else "normal")
            box = text.get_window_extent(renderer=renderer)
            if not any(box.overlaps(other) for other in placed):
                break
            text.remove()
        else:
            text = ax.annotate(name, (ms, f1), textcoords="offset points", xytext=(7, 5), fontsize=10)
            box = text.get_window_extent(renderer=renderer)
        placed.append(box)


def update_docs(page: Path, section: str) -> None:
    """Replace the text between the markers of ``page`` (or append a marked section)."""
    text = page.read_text(encoding="utf-8") if page.is_file() else "# Benchmarks\n"
    block = f"{START}\n{section.rstrip()}\n{END}"
    if START in text and END in text and text.index(START) < text.index(END):
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")


def write_outputs(
    *,
    out: Path,
    order: list[str],
    fields: dict[str, tuple[str, ...]],
    scores: dict[str, dict[str, Any]],
    preds: dict[str, dict[str, dict[str, Any]]],
    errors: dict[str, dict[str, str]],
    run: dict[str, Any],
    docs_page: Path | None,
    docs_chart: Path | None,
) -> None:
    section, numbers = build_tables(order, fields, scores, preds, errors, run)
    has_chart = chart(out / "chart.png", order, numbers, numbers.get("lxml_ratio"))
    if has_chart:
        section += (
            "\n![Body F1 against median time per page](benchmarks.png)\n\n"
            "Chart: body shingle F1 over all body-labelled pages against median time per page (log scale); "
            "extractors that output no body (htmldate) are not on it.\n"
        )
    (out / "table.md").write_text(section, encoding="utf-8")
    (out / "results.json").write_text(
        json.dumps(
            {"run": run, "numbers": numbers, "scores": {n: {k: v for k, v in r.items() if k != "pages"} for n, r in scores.items()}},
            indent=1,
            default=str,
        ), encoding="utf-8"
    )
    if docs_page is not None:
        update_docs(docs_page, section)
    if docs_chart is not None and has_chart:
        shutil.copyfile(out / "chart.png", docs_chart)
