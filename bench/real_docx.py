"""Time `text`, `import` and `check` on hostile .docx files (tests/helpers/hostile_docx.py) and
on the real ones in ../shared/real/docx. Each run is its own process under an address-space
limit, so its max RSS is its own and a runaway ends as a MemoryError, not a swapping machine.
A report, never a test.

    python bench/real_docx.py [--timeout 60] [--limit-mb 3000] [--only NAME] [--real DIR]
                              [--command text] [--src OTHER/src]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

from helpers import hostile_docx as hostile  # noqa: E402
from measure import measure  # noqa: E402

CASES: dict[str, Callable[[], bytes]] = {
    "style-loop": hostile.style_loop,
    "span-2e9": hostile.wide_span,
    "endless-merge": hostile.endless_merge,
    "deflate-bomb-1GB": lambda: hostile.deflate_bomb(1024),
    "bzip2-bomb-1GB": lambda: hostile.bzip2_bomb(1024),
    "60k-entries": lambda: hostile.many_entries(60_000),
    "empty-paras-1.6MB": hostile.empty_paragraphs,
    "100k-paragraphs": hostile.many_paragraphs,
    "100k-runs": hostile.many_runs,
    "deep-5000": hostile.deep,
    "entities": hostile.entities,
    **{name.replace("_", "-"): make for name, make in hostile.MALFORMED.items()},
}
COMMANDS = {
    "text": lambda f: ["text", f],
    # The YAML goes into the run's temporary folder (the cwd), never beside a real file.
    "import": lambda f: ["import", f, "-o", Path(f).with_suffix(".yaml").name, "--ghi-de"],
    "check": lambda f: ["check", f],
}


def run(label: str, args: list[str], folder: Path, options: argparse.Namespace) -> None:
    timeout = options.timeout
    got = measure(args, folder, options.src, timeout, options.limit_mb * 1048576)
    shown = f"> {timeout:.0f} s" if got.seconds >= timeout else f"{got.seconds:.2f} s"
    row = f"| {label} | {args[0]} | {shown} | {got.rss_mib:,.0f} | {got.code} | {got.first[:110]} |"
    print(row, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--limit-mb", type=int, default=3000)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--command", action="append", default=[])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the code to time")
    parser.add_argument("--real", type=Path, default=ROOT.parent.parent / "shared/real/docx")
    options = parser.parse_args()
    commands = options.command or list(COMMANDS)
    print("| file | command | wall | max RSS MiB | exit | first line of stderr |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = []
        for label, make in CASES.items():
            if options.only and label not in options.only:
                continue
            (folder / f"{label}.docx").write_bytes(make())
            files.append((label, f"{label}.docx"))
        if options.real.is_dir() and not options.only:
            files += [(p.name, str(p)) for p in sorted(options.real.glob("*.docx"))]
        for label, file in files:
            for command in commands:
                run(label, COMMANDS[command](file), folder, options)


if __name__ == "__main__":
    main()
