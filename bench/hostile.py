"""Measure what the hostile-input guards cost: alias bombs, an oversized file, and the biggest
program that must build (20,000 items). Each case runs in its own process, so the peak memory
(max RSS) is the case's own. Never part of the tests.

    python bench/hostile.py [--items 20000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

from helpers.programs import big_program  # noqa: E402
from measure import measure  # noqa: E402


def bomb(levels: int, width: int = 10) -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def run(label: str, args: list[str], folder: Path) -> None:
    got = measure(args, folder, ROOT / "src")
    print(
        f"| {label} | {got.seconds * 1000:,.0f} | {got.rss_mib:,.0f} | {got.code} | {got.first[:90]} |"
    )


def write_inputs(folder: Path, items: int) -> None:
    (folder / "rong.yaml").write_text("a: 1\n", encoding="utf-8")
    for levels in (9, 12, 30):
        (folder / f"bom{levels}.yaml").write_text(bomb(levels), encoding="utf-8")
    (folder / "lon.yaml").write_text(big_program(items), encoding="utf-8")
    (folder / "qua-lon.yaml").write_text(big_program(65_000), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.write:
        write_inputs(options.write, options.items)
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # In a child process: a forked child's max RSS would count this process's big strings.
        command = [sys.executable, __file__, "--write", name, "--items", str(options.items)]
        subprocess.run(command, check=True)
        print("| case | wall ms | max RSS MiB | exit | first line of stderr |")
        print("|---|---|---|---|---|")
        run("start-up and a one-key file", ["validate", "rong.yaml"], folder)
        for levels in (9, 12, 30):
            run(f"alias bomb 10^{levels} nodes", ["validate", f"bom{levels}.yaml"], folder)
        size = (folder / "qua-lon.yaml").stat().st_size / 1048576
        run(f"65,000 items, {size:.1f} MB (over the limit)", ["validate", "qua-lon.yaml"], folder)
        size = (folder / "lon.yaml").stat().st_size / 1048576
        run(f"{options.items:,} items, {size:.1f} MB: validate", ["validate", "lon.yaml"], folder)
        run(f"{options.items:,} items, {size:.1f} MB: build", ["build", "lon.yaml"], folder)


if __name__ == "__main__":
    main()
