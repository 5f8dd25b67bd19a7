"""Programmes made to be slow: many dates in one item, long runs of commas or em spaces,
aliases that copy under the node cap, `new --from` with deep nesting. Each run is a process
with 1 GB of address space and a CPU-time limit, so a quadratic check ends as a SIGXCPU
(the test fails) instead of minutes of waiting; the assertions are on what is said."""

from __future__ import annotations

import io
from pathlib import Path

from chuongtrinh.importer.recognise import import_document
from chuongtrinh.source import loader
from helpers import hostile_docx as hostile
from helpers.cli import run_bounded, run_cli
from helpers.examples import EXAMPLES, MONTHLY

HEAD = (EXAMPLES / f"{MONTHLY}.yaml").read_text(encoding="utf-8").split("\nnoi_dung:")[0]


def programme(folder: Path, item: str, extra: str = "") -> Path:
    path = folder / "ct.yaml"
    body = f'\nnoi_dung:\n  - tieu_de: Phần\n    muc:\n      - noi_dung: "{item}"\n'
    path.write_text(HEAD + extra + body, encoding="utf-8")
    return path


def test_twenty_thousand_dates_in_one_item_each_warned(tmp_path: Path) -> None:
    """Quadratic in the number of dates before (300 KB: 59 s)."""
    path = programme(tmp_path, "ngày 5/2/2023 " * 20_000)
    ran = run_bounded("validate", path)
    assert ran.returncode == 0
    assert ran.output.count("[date-padding]") == 20_000
    assert f"{path}:26:25: cảnh báo [date-padding] " in ran.output  # the first, where typed
    assert f"{path}:26:{25 + 14 * 19_999}: cảnh báo [date-padding] " in ran.output  # the last


def test_commas_and_em_spaces_are_read_in_one_pass(tmp_path: Path) -> None:
    for item in ("," * 1_500_000, "a" + "\u2003" * 200_000 + "b"):
        ran = run_bounded("validate", programme(tmp_path, item))
        assert ran.returncode == 0 and "hợp lệ: 1 tệp" in ran.output


def test_em_spaces_in_a_received_docx_are_read() -> None:
    spaces = "\u2003" * 200_000
    lines = ["CHƯƠNG TRÌNH", f"Chủ trì:{spaces}Ban{spaces}x", f"Hà Nội,{spaces}ngày 5 tháng 3"]
    data = hostile.document("".join(hostile.paragraph(t) for t in lines))
    imported = import_document(io.BytesIO(data))
    assert imported.data["loai"] == "CTr"


def test_aliases_that_copy_under_the_node_cap_are_refused(tmp_path: Path) -> None:
    """300 items copied by 3,000 aliases: 900,000 items under the 2,000,000-node cap (before:
    25 s and 680 MB, then an error about the items)."""
    items = "\n".join(f"  - noi_dung: Việc {i}" for i in range(300))
    groups = "\n".join("  - tieu_de: P\n    muc: *m" for _ in range(3000))
    path = tmp_path / "ct.yaml"
    path.write_text(f"{HEAD}\nx_muc: &m\n{items}\nnoi_dung:\n{groups}\n", encoding="utf-8")
    ran = run_bounded("validate", path)
    assert ran.returncode == 1
    assert "lỗi [alias-too-large] bí danh YAML (*tên) chép nội dung quá nhiều" in ran.output
    assert "quá 200.000 phần tử" in ran.output


def test_aliases_copying_text_past_the_size_limit_are_refused() -> None:
    text = f"a: &a '{'x' * 100_000}'\nb: [{', '.join(['*a'] * 200)}]\n"
    try:
        loader.loads(text, "x.yaml")
    except loader.ChuongtrinhError as exc:
        [found] = exc.diagnostics
        assert (found.code, found.line, found.col) == ("alias-too-large", 1, 4)  # the text copied
    else:
        raise AssertionError("20 MB of copied text was loaded")
    assert loader.loads(f"a: &a 'x'\nb: [{', '.join(['*a'] * 200)}]\n").data["b"][0] == "x"


def test_new_from_has_the_loader_limits(tmp_path: Path) -> None:
    deep = tmp_path / "sau.yaml"
    deep.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    ran = run_bounded("new", "--from", deep, "-o", tmp_path / "moi.yaml")
    assert ran.returncode == 1  # was a RecursionError, exit 3
    assert "lỗi [too-deep] các danh sách, bảng khóa lồng nhau quá 64 tầng" in ran.output
    assert "lỗi nội bộ" not in ran.output and not (tmp_path / "moi.yaml").exists()
    fan = tmp_path / "thang-03-2026.yaml"
    fan.write_text(f"{HEAD}\nx: &a [{', '.join(['v'] * 1000)}]\ny: [{', '.join(['*a'] * 1000)}]\n")
    ran = run_cli("new", "--from", fan, "-o", tmp_path / "moi.yaml")
    assert ran.returncode == 1 and "[alias-too-large]" in ran.output
