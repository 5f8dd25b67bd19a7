"""Benchmark report: chuongtrinh against its peers, measured in the same run.

Whole-process wall time (median of N cold runs) and peak memory (max RSS of the child) for:
`chuongtrinh --help`, `chuongtrinh build` of the monthly example and of a generated 2,000-item
program, a plain python-docx script on the same YAML, and pandoc (when installed) on the same
text as markdown. Prints a Markdown table with ratios to the peers; never part of the tests.

    python bench/bench.py [--runs 10] [--items 2000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thang-02-2023.yaml"
SEED_MARKDOWN = ROOT / "tests" / "seeds" / "000_78c0283a2873eef2.txt"
PEER = Path(__file__).with_name("peer_python_docx.py")


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time in ms and the largest peak RSS in MiB over `runs` cold processes."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(
                f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}"
            )
        times.append(elapsed * 1000)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def big_program(items: int, folder: Path) -> tuple[Path, Path]:
    """A generated program with `items` items in 12 sections, as YAML and as markdown."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    per_section = max(items // 12, 1)
    data["noi_dung"] = [
        {
            "tieu_de": f"Nhiệm vụ tháng {month}.",
            "muc": [
                f"Công việc số {n} của tháng {month}, triển khai theo kế hoạch đã đề ra."
                for n in range(per_section)
            ],
        }
        for month in range(1, 13)
    ]
    source = folder / "big.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    markdown = folder / "big.md"
    lines = [f"**{data['trich_yeu']}**", ""]
    for section in data["noi_dung"]:
        lines += [f"**{section['tieu_de']}**", ""] + [f"- {item}" for item in section["muc"]] + [""]
    markdown.write_text("\n".join(lines), encoding="utf-8")
    return source, markdown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--items", type=int, default=2000)
    args = parser.parse_args()
    cli = shutil.which("chuongtrinh") or sys.exit("chuongtrinh is not installed (pip install -e .)")
    pandoc = shutil.which("pandoc")
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big_yaml, big_md = big_program(args.items, folder)
        cases = [
            ("chuongtrinh --help", [cli, "--help"]),
            (
                "chuongtrinh build (seed 000)",
                [cli, "build", str(EXAMPLE), "-o", str(folder / "a.docx")],
            ),
            (
                "python-docx script (seed 000)",
                [sys.executable, str(PEER), str(EXAMPLE), str(folder / "b.docx")],
            ),
            (
                f"chuongtrinh build ({args.items} items)",
                [cli, "build", str(big_yaml), "-o", str(folder / "c.docx")],
            ),
            (
                f"python-docx script ({args.items} items)",
                [sys.executable, str(PEER), str(big_yaml), str(folder / "d.docx")],
            ),
        ]
        if pandoc:
            cases += [
                (
                    "pandoc (seed 000)",
                    [pandoc, str(SEED_MARKDOWN), "-f", "markdown", "-o", str(folder / "e.docx")],
                ),
                (
                    f"pandoc ({args.items} items)",
                    [pandoc, str(big_md), "-o", str(folder / "f.docx")],
                ),
            ]
        for name, command in cases:
            median, peak = measure(command, args.runs)
            rows.append((name, median, peak))
            print(f"measured {name}: {median:.0f} ms", file=sys.stderr)
    by_name = {name: (ms, mib) for name, ms, mib in rows}
    print(f"| what ({args.runs} cold runs) | median ms | peak MiB |")
    print("|---|---:|---:|")
    for name, ms, mib in rows:
        print(f"| {name} | {ms:.0f} | {mib:.0f} |")
    print()
    for size in ("seed 000", f"{args.items} items"):
        ours = by_name[f"chuongtrinh build ({size})"][0]
        for peer in ("python-docx script", "pandoc"):
            if f"{peer} ({size})" in by_name:
                ratio = ours / by_name[f"{peer} ({size})"][0]
                print(f"- {size}: chuongtrinh / {peer} = {ratio:.2f}×")


if __name__ == "__main__":
    main()
