"""Benchmark report: chuongtrinh against pandoc, python-docx and docxtpl, measured in one run.

Cold runs are whole processes: median and minimum wall time, peak RSS of the child. Programs of
30, 300, 2,000 and 20,000 items are generated (YAML for us, python-docx and docxtpl; markdown of
the same text for pandoc, with a reference.docx of the same page setup). Also: a batch of 50
two-page programs (ms per document), a no-change rebuild of those 50, and the time from saving
a YAML to a new .docx under `build --watch`. Prints a Markdown report (`--write` puts it in
bench/RESULTS.md); never part of the tests.

    pip install -e '.[bench]'   # docxtpl; pandoc from the system
    python bench/bench.py [--runs 10] [--cli 'chuongtrinh'] [--write]

By default the worktree's own code is measured (`python -m chuongtrinh` with src/ first on the
path), with byte-code cached in a temporary folder as an installed wheel has it, and
chuongtrinh's own cache (compiled rule sets, empty documents, templates' byte-code) in a
temporary folder filled by the first build, as a user's is after their first build; one row
measures a build with that cache off (what the very first build of a rule set costs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
EXAMPLE = ROOT / "examples" / "thang-02-2023.yaml"
SEED_MARKDOWN = ROOT / "tests" / "seeds" / "000_78c0283a2873eef2.txt"
SIZES = (30, 300, 2000, 20000)
BATCH = 50


@dataclass
class Timing:
    name: str
    median_ms: float
    min_ms: float
    peak_mib: float
    cpu_ms: float  # median user + system time of the process and its children


def measure(name: str, command: list[str], runs: int, env: dict[str, str]) -> Timing:
    """Median and minimum wall time in ms, largest peak RSS in MiB, over `runs` cold processes."""
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0,):
            error = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"failed: {shlex.join(command)}\n{error}")
        times.append(elapsed * 1000)
        peaks.append(usage.ru_maxrss / 1024)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    timing = Timing(name, statistics.median(times), min(times), max(peaks), statistics.median(cpus))
    print(f"measured {name}: {timing.median_ms:.0f} ms", file=sys.stderr)
    return timing


def program(items: int, seed: int = 0) -> dict[str, object]:
    """The monthly example with `items` items spread over 12 sections."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    per_section = max(items // 12, 1)
    data["noi_dung"] = [
        {
            "tieu_de": f"Nhiệm vụ tháng {month}.",
            "muc": [
                f"Công việc số {n} ({seed}) của tháng {month}, triển khai theo kế hoạch đã đề ra."
                for n in range(per_section)
            ],
        }
        for month in range(1, 13)
    ]
    return data


def markdown(data: dict[str, object]) -> str:
    lines = [f"**{data['trich_yeu']}**", ""]
    for section in data["noi_dung"]:  # type: ignore[attr-defined]
        lines += [f"**{section['tieu_de']}**", ""] + [f"- {i}" for i in section["muc"]] + [""]
    return "\n".join(lines)


def write_program(folder: Path, name: str, data: dict[str, object]) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name}.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text = folder.parent / f"{folder.name}-md" / f"{name}.md"
    text.parent.mkdir(parents=True, exist_ok=True)
    text.write_text(markdown(data), encoding="utf-8")
    return source, text


def pandoc_batch(pandoc: str, reference: Path, sources: list[Path], out: Path) -> list[str]:
    """pandoc run once per file, as a shell loop would."""
    script = "; ".join(
        shlex.join([pandoc, str(s), "--reference-doc", str(reference), "-o", str(out / s.stem)])
        + ".docx"
        for s in sources
    )
    out.mkdir(parents=True, exist_ok=True)
    return ["sh", "-c", script]


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.0005)


def watch_latency(
    cli: list[str], env: dict[str, str], folder: Path, out: Path, saves: int
) -> list[float]:
    """ms from writing a YAML to its new .docx being in place, under `build --watch`."""
    process = subprocess.Popen(
        [*cli, "build", "--watch", str(folder), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        source = sorted(folder.glob("*.yaml"))[0]
        target = out / source.with_suffix(".docx").name
        wait_until(target.exists, "the first round of build --watch")
        time.sleep(1.0)  # the first round is done and the watcher armed
        text = source.read_text(encoding="utf-8")
        latencies = []
        for n in range(saves):
            before = target.stat().st_mtime_ns
            start = time.perf_counter()
            source.write_text(text + f"\n# lưu {n}\n", encoding="utf-8")
            try:
                wait_until(lambda b=before: target.stat().st_mtime_ns != b, "a rebuild", 10)
            except SystemExit:
                print(f"watch: save {n} was not rebuilt within 10 s", file=sys.stderr)
                latencies.append(float("inf"))
                continue
            latencies.append((time.perf_counter() - start) * 1000)
            time.sleep(0.2)
        return latencies
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cli", help="the command to measure, e.g. 'chuongtrinh'")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc") or sys.exit("pandoc is not installed")
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        env["CHUONGTRINH_CACHE_DIR"] = str(folder / "cache")
        if args.cli:
            cli = shlex.split(args.cli)
        else:
            cli = [sys.executable, "-m", "chuongtrinh"]
            env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
        report = run_all(cli, env, pandoc, folder, args.runs, sizes)
    print(report)
    if args.write:
        write_results(report)


NOTES = "<!-- notes: kept by bench.py --write -->"


def write_results(report: str) -> None:
    """bench/RESULTS.md: the new tables, and the hand-written notes after NOTES kept as they are."""
    results = HERE / "RESULTS.md"
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    notes = old[old.index(NOTES) :] if NOTES in old else NOTES + "\n"
    results.write_text(report + "\n" + notes, encoding="utf-8")


def run_all(
    cli: list[str], env: dict[str, str], pandoc: str, folder: Path, runs: int, sizes: list[int]
) -> str:
    python = sys.executable
    peers = HERE / "peers.py"
    # in a child, so that this process stays small: a child's peak RSS counts from the fork
    subprocess.run([python, str(peers), "setup", pandoc, str(folder)], env=env, check=True)
    reference, template = folder / "reference.docx", folder / "template.docx"
    plain = HERE / "peer_python_docx.py"
    out = folder / "out"
    out.mkdir()
    # warm the byte-code cache, as an installed wheel would have it
    subprocess.run([*cli, "build", str(EXAMPLE), "-o", str(out / "warm.docx")], env=env, check=True)
    rows: list[Timing] = [
        measure("pandoc --version", [pandoc, "--version"], runs, env),
        measure("python -c pass", [python, "-c", "pass"], runs, env),
        measure("chuongtrinh --help", [*cli, "--help"], runs, env),
        measure("chuongtrinh validate (seed 000)", [*cli, "validate", str(EXAMPLE)], runs, env),
        measure(
            "pandoc (seed 000)",
            [pandoc, str(SEED_MARKDOWN), "-f", "markdown", "--reference-doc", str(reference),
             "-o", str(out / "p.docx")],
            runs, env,
        ),
        measure(
            "chuongtrinh build (seed 000)",
            [*cli, "build", str(EXAMPLE), "-o", str(out / "c.docx")], runs, env,
        ),
        measure(
            "chuongtrinh build (seed 000), cache off",
            [*cli, "build", str(EXAMPLE), "-o", str(out / "c.docx")], runs,
            {**env, "CHUONGTRINH_CACHE_DIR": "off"},
        ),
    ]  # fmt: skip
    for items in sizes:
        source, text = write_program(folder / "sizes", f"p{items}", program(items))
        n = runs if items <= 2000 else max(3, runs // 3)
        rows += [
            measure(
                f"chuongtrinh build ({items} items)",
                [*cli, "build", str(source), "-o", str(out / f"c{items}.docx")], n, env,
            ),
            measure(
                f"pandoc ({items} items)",
                [pandoc, str(text), "--reference-doc", str(reference),
                 "-o", str(out / f"p{items}.docx")], n, env,
            ),
            measure(
                f"python-docx script ({items} items)",
                [python, str(plain), str(source), str(out / f"x{items}.docx")], n, env,
            ),
            measure(
                f"docxtpl ({items} items)",
                [python, str(peers), "docxtpl", str(template), str(source),
                 str(out / f"t{items}.docx")], n, env,
            ),
        ]  # fmt: skip
    many = folder / "batch"
    sources = [write_program(many, f"ct-{n:02}", program(30, n))[0] for n in range(BATCH)]
    batch_runs = max(3, runs // 3)
    rows += [
        measure(
            f"chuongtrinh build folder of {BATCH} (--force)",
            [*cli, "build", str(many), "-o", str(out / "batch"), "--force"], batch_runs, env,
        ),
        measure(
            f"chuongtrinh build folder of {BATCH}, nothing changed",
            [*cli, "build", str(many), "-o", str(out / "batch")], runs, env,
        ),
        measure(
            f"pandoc per file, {BATCH} files",
            pandoc_batch(pandoc, reference, [folder / "batch-md" / f"{s.stem}.md" for s in sources],
                         out / "pandoc-batch"), batch_runs, env,
        ),
        measure(
            f"python-docx script, {BATCH} files in one process",
            [python, str(plain), str(many), str(out / "plain-batch")], batch_runs, env,
        ),
        measure(
            f"docxtpl, {BATCH} files in one process",
            [python, str(peers), "docxtpl", str(template), str(many), str(out / "tpl-batch")],
            batch_runs, env,
        ),
    ]  # fmt: skip
    latencies = watch_latency(cli, env, many, out / "watch", max(10, runs))
    return render_report(rows, latencies, sizes)


def worst_peer(by: dict[str, Timing], sizes: list[int]) -> str:
    """The largest ratio of our cold build to a Python peer's, over the sizes and peers."""
    found = [
        (by[f"chuongtrinh build ({n} items)"].median_ms / by[f"{peer} ({n} items)"].median_ms,
         by[f"chuongtrinh build ({n} items)"].min_ms / by[f"{peer} ({n} items)"].min_ms, peer, n)
        for n in sizes
        for peer in ("python-docx script", "docxtpl")
    ]  # fmt: skip
    median, least, peer, items = max(found)
    return f"{median:.2f}× (min {least:.2f}×) {peer} at {items} items"


def render_report(rows: list[Timing], latencies: list[float], sizes: list[int]) -> str:
    by = {t.name: t for t in rows}

    def ratio(ours: str, peer: str) -> str:
        """Ratio of medians, of minimums and of CPU times (the last two less sensitive to a
        busy machine; pandoc's runtime uses a second core, so its CPU can exceed its wall)."""
        a, b = by[ours], by[peer]
        return (
            f"{a.median_ms / b.median_ms:.2f}× (min {a.min_ms / b.min_ms:.2f}×, "
            f"CPU {a.cpu_ms / b.cpu_ms:.2f}×)"
        )

    pandoc_seed = "pandoc (seed 000)"
    batch = f"chuongtrinh build folder of {BATCH} (--force)"
    pandoc_batch = f"pandoc per file, {BATCH} files"
    unchanged = by[f"chuongtrinh build folder of {BATCH}, nothing changed"]
    watch_ms = statistics.median(latencies)
    targets = [
        ("cold build, seed 000", ratio("chuongtrinh build (seed 000)", pandoc_seed), "≤ 4× pandoc"),
        ("`--help`", ratio("chuongtrinh --help", pandoc_seed), "≤ 1.5× pandoc on seed 000"),
    ]
    if 2000 in sizes:
        targets.append(
            ("2,000 items", ratio("chuongtrinh build (2000 items)", "pandoc (2000 items)"),
             "≤ 0.4× pandoc")
        )  # fmt: skip
    targets += [
        (f"batch of {BATCH} two-page programmes, one `build DIR -o OUT`",
         f"{ratio(batch, pandoc_batch)} of {BATCH} pandoc runs; "
         f"{by[batch].median_ms / BATCH:.1f} ms per document", "≤ 0.167× (6× faster)"),
        ("cold build against the Python peers, worst size",
         worst_peer(by, sizes), "< 1× python-docx script and docxtpl at every size"),
        (f"no-change rebuild of {BATCH}",
         f"{unchanged.median_ms:.0f} ms (min {unchanged.min_ms:.0f})", "≤ 300 ms"),
        ("`build --watch` save → .docx",
         f"{watch_ms:.0f} ms (min {min(latencies):.0f}; {len(latencies)} saves, "
         f"{sum(x == float('inf') for x in latencies)} missed)", "≤ 50 ms"),
    ]  # fmt: skip
    if 2000 in sizes:
        targets.append(
            ("peak memory, 2,000 items", f"{by['chuongtrinh build (2000 items)'].peak_mib:.0f} MiB",
             "≤ 150 MiB")
        )  # fmt: skip
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}: "
        f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{subprocess.run(['pandoc', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}. "
        "Whole processes, cold (byte-code cached as an installed wheel has it). "
        "Ratios are taken within this one run. Produced by `python bench/bench.py --write`.",
        "",
        "## Targets",
        "",
        "| what | measured | target |",
        "|---|---:|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in targets],
        "",
        "## All measurements",
        "",
        "| what | median ms | min ms | CPU ms | peak MiB |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| {t.name} | {t.median_ms:.0f} | {t.min_ms:.0f} | {t.cpu_ms:.0f} | {t.peak_mib:.0f} |"
            for t in rows
        ],
        "",
        "## Scaling (chuongtrinh build, CPU ms per 1,000 more items, between consecutive sizes)",
        "",
    ]
    for small, large in itertools.pairwise(sizes):
        cpu = [by[f"chuongtrinh build ({n} items)"].cpu_ms for n in (small, large)]
        per_thousand = (cpu[1] - cpu[0]) / (large - small) * 1000
        lines.append(
            f"- {small} → {large} items: {cpu[0]:.0f} → {cpu[1]:.0f} ms, {per_thousand:.0f} ms per 1,000"
        )
    lines.append("")
    for items in sizes:
        cells = [
            f"{peer} {ratio(f'chuongtrinh build ({items} items)', f'{peer} ({items} items)')}"
            for peer in ("pandoc", "python-docx script", "docxtpl")
        ]
        lines.append(f"- {items} items, chuongtrinh / " + ", ".join(cells))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
