"""Received .docx files that are hostile or broken: each refused with a Vietnamese message that
names the file and the part, exit code 1, by `text`, `import`, `check` and `preview` alike; the
ones that took a machine down refused inside a process with 1 GB of address space and a
CPU-time limit (a runaway ends as a MemoryError or a SIGXCPU, and the test fails)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest

from chuongtrinh import api
from chuongtrinh.docx import grid
from chuongtrinh.docx.limits import DocxRefused
from chuongtrinh.docx.reader import lines
from chuongtrinh.importer.recognise import import_document
from helpers import hostile_docx as hostile
from helpers.cli import Ran, run_bounded, run_cli

STYLES = "phần word/styles.xml"
DOCUMENT = "phần word/document.xml"

# name → (the file, the diagnostic's code, what its message says)
REFUSED: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "style_loop": (hostile.style_loop, "style-loop", f"{STYLES}: các kiểu dựa vào nhau thành vòng"),
    "wide_span": (
        hostile.wide_span,
        "bad-table",
        f"{DOCUMENT}: bảng 1, hàng 1, ô 1: ô trải trên 2000000000 cột, bảng chỉ có 63 cột",
    ),
    "deflate_bomb_lying": (
        lambda: hostile.deflate_bomb(1024),
        "corrupt-docx",
        f"{DOCUMENT}: hỏng, không giải nén được",
    ),
    "deflate_bomb_declared": (
        lambda: hostile.deflate_bomb(1024, lie=False),
        "docx-too-large",
        f"{DOCUMENT}: giải nén ra quá 128 MB",
    ),
    "deflate_bomb_ratio": (
        lambda: hostile.deflate_bomb(100, lie=False),
        "docx-too-large",
        f"{DOCUMENT}: nén quá chặt (hơn 500 lần)",
    ),
    "bzip2_bomb": (
        lambda: hostile.bzip2_bomb(1024),
        "corrupt-docx",
        f"{DOCUMENT}: nén theo cách Word không dùng (mã 12)",
    ),
    "many_entries": (
        lambda: hostile.many_entries(3000),
        "docx-too-large",
        "tệp nén có 3.017 mục, giới hạn là 2.000",
    ),
    "deep": (hostile.deep, "docx-too-large", f"{DOCUMENT}: lồng sâu quá 256 tầng"),
    "entities": (hostile.entities, "docx-doctype", f"{DOCUMENT}: có khai báo DOCTYPE"),
    "styles_doctype": (hostile.styles_doctype, "docx-doctype", f"{STYLES}: có khai báo DOCTYPE"),
    "wrong_root": (hostile.wrong_root, "bad-docx", f"{DOCUMENT}: không có thân văn bản"),
    "no_body": (hostile.no_body, "bad-docx", f"{DOCUMENT}: không có thân văn bản"),
    "not_xml": (hostile.not_xml, "corrupt-docx", f"{DOCUMENT}: không phải XML hợp lệ (dòng 1"),
    "corrupt_zip": (hostile.corrupt_zip, "corrupt-docx", "hỏng, không giải nén được"),
    "truncated_zip": (hostile.truncated_zip, "corrupt-docx", "tệp nén .docx hỏng hoặc bị cắt"),
    "encrypted_flag": (hostile.encrypted_flag, "encrypted-docx", f"{DOCUMENT}: được mã hoá"),
    "ole_password": (hostile.ole_password, "encrypted-docx", "tệp Word có mật khẩu"),
    "no_document": (hostile.no_document, "bad-docx", "không mở được như một văn bản Word"),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("hostile-docx")
    made = {}
    for name, (make, _, _) in REFUSED.items():
        made[name] = folder / f"{name}.docx"
        made[name].write_bytes(make())
    yield made
    for path in made.values():  # made up to be refused: out of the session's .docx check
        path.unlink()


def clean(ran: Ran) -> None:
    """No traceback, no internal error, no "tệp YAML" for a .docx."""
    for wrong in ("Traceback", "lỗi nội bộ", "tệp YAML"):
        assert wrong not in ran.output


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_by_every_reader_with_file_and_part(name: str, files: dict[str, Path]) -> None:
    _, code, said = REFUSED[name]
    path = files[name]
    text = run_cli("text", path)
    assert text.returncode == 1
    assert f"{path}:1:1: lỗi [{code}] " in text.stderr and said in text.stderr
    assert "gợi ý: " in text.stderr
    imported = run_cli("import", path, "-o", path.with_suffix(".yaml"))
    assert imported.returncode == 1
    assert f"{path}:1:1: lỗi [import-failed] " in imported.stderr and said in imported.stderr
    assert not path.with_suffix(".yaml").exists()
    checked = run_cli("check", path)
    assert checked.returncode == 1
    assert f"{path}: lỗi [unreadable] không đọc được tệp .docx: " in checked.stderr
    assert said in checked.stderr
    for ran in (text, imported, checked):
        clean(ran)


@pytest.mark.parametrize("name", ["deflate_bomb_ratio", "corrupt_zip"])
def test_preview_refuses_before_libreoffice(name: str, files: dict[str, Path]) -> None:
    ran = run_cli("preview", files[name], "-o", files[name].parent / "xem")
    assert ran.returncode == 1 and REFUSED[name][2] in ran.stderr
    assert not (files[name].parent / "xem").exists()
    clean(ran)


def test_a_corrupt_docx_given_to_diff_is_named_as_such(files: dict[str, Path]) -> None:
    ran = run_cli("diff", str(files["truncated_zip"]), str(files["corrupt_zip"]))
    assert ran.returncode == 2
    assert "tệp nén hỏng hoặc bị cắt (có thể là tệp .docx hỏng)" in ran.output
    assert "Traceback" not in ran.output and "lỗi nội bộ" not in ran.output


@pytest.mark.parametrize(
    "name",
    ["style_loop", "wide_span", "deflate_bomb_lying", "deflate_bomb_ratio", "bzip2_bomb", "deep"],
)
def test_what_took_the_machine_down_is_refused_within_bounds(
    name: str, files: dict[str, Path]
) -> None:
    for args in (("text", files[name]), ("check", files[name])):
        ran = run_bounded(*args, cpu=20)
        assert ran.returncode == 1, ran.output
        assert REFUSED[name][2] in ran.stderr
        clean(ran)


def test_limits_are_raised_by_environment(tmp_path: Path) -> None:
    many = tmp_path / "nhieu.docx"
    many.write_bytes(hostile.many_entries(3000))
    assert run_cli("text", many).returncode == 1
    assert run_cli("text", many, env={"CHUONGTRINH_DOCX_MAX_ENTRIES": "4000"}).returncode == 0
    small = tmp_path / "nho.docx"
    small.write_bytes(hostile.document(hostile.paragraph("Công tác") * 50))
    low = run_cli("text", small, env={"CHUONGTRINH_DOCX_MAX_ELEMENTS": "100"})
    assert low.returncode == 1
    assert f"{DOCUMENT}: có quá 100 phần tử XML" in low.stderr
    assert "CHUONGTRINH_DOCX_MAX_ELEMENTS" in low.stderr


def test_a_cell_merged_down_two_thousand_rows_is_read() -> None:
    data = hostile.endless_merge(2000)  # python-docx recursed once per row: RecursionError
    read = lines(data)  # every row, to the end; the merged cell once, as Word shows it
    assert read.count("gộp") == 1 and read.count("a") == read.count("b") == 2001
    with pytest.raises(ValueError, match="không thấy tên loại văn bản"):
        import_document(io.BytesIO(data))  # read to the end: no RecursionError


def test_rows_are_what_python_docx_lists() -> None:
    """The one-pass rows equal python-docx's `row.cells` where python-docx can still list
    them: merges down, spans across, a merge under a spanning cell."""
    span = hostile.cell("rộng", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')
    under = hostile.cell("", '<w:gridSpan w:val="2"/><w:vMerge/>')
    rows = [f"<w:tr>{span}{hostile.cell('c')}</w:tr>", f"<w:tr>{under}{hostile.cell('d')}</w:tr>"]
    for data in (hostile.endless_merge(40), hostile.document(hostile.table(rows))):
        table = docx.Document(io.BytesIO(data)).tables[0]
        ours = [[id(c._tc) for c in row] for row in grid.cell_rows(table)]
        theirs = [[id(c._tc) for c in row.cells] for row in table.rows]
        assert [len(r) for r in ours] == [len(r) for r in theirs]
        assert [[c._tc for c in row] for row in grid.cell_rows(table)] == [
            [c._tc for c in row.cells] for row in table.rows
        ]


def test_broken_numbering_levels_show_no_number(tmp_path: Path) -> None:
    path = tmp_path / "so.docx"
    path.write_bytes(hostile.broken_numbering())
    assert lines(path) == ["Mục"] * 4
    assert api.check(path, "nha-nuoc").findings  # checked to the end, not an IndexError


def test_a_body_without_page_settings_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "khong-trang.docx"
    path.write_bytes(hostile.document(hostile.paragraph("CHƯƠNG TRÌNH")))
    ran = run_cli("check", path, "--profile", "nha-nuoc")
    assert ran.returncode == 1
    assert "văn bản không đặt khổ giấy và lề" in ran.output
    clean(ran)


def test_refusal_is_a_docx_refused_for_the_api(files: dict[str, Path]) -> None:
    with pytest.raises(DocxRefused) as caught:
        lines(files["style_loop"])
    [found] = caught.value.diagnostics
    assert (found.file, found.line, found.col) == (str(files["style_loop"]), 1, 1)
    assert found.message.startswith(f"{STYLES}: các kiểu dựa vào nhau thành vòng (basedOn): ")


def test_documents_longer_than_any_programme_are_refused_quickly(tmp_path: Path) -> None:
    """100,000 paragraphs took `import` 80 s; a paragraph of 100,000 runs took `check` 4 min;
    a cell merged down 5,000 rows several seconds: each is refused, naming the limit."""
    cases = {
        "doan.docx": (
            hostile.many_paragraphs(100_000),
            "100.000 đoạn văn, quá 8.000",
            "PARAGRAPHS",
        ),
        "chay.docx": (hostile.many_runs(100_000), "100.000 đoạn chữ (run), quá 30.000", "RUNS"),
        "gop.docx": (hostile.endless_merge(5_000), "dòng bảng, quá 3.000", "ROWS"),
    }
    for name, (data, said, variable) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        for command in (
            ["text", path],
            ["import", path, "-o", tmp_path / "x.yaml"],
            ["check", path],
        ):
            ran = run_bounded(*command, cpu=10)
            assert ran.returncode == 1, ran.output
            assert f"{DOCUMENT}: có " in ran.output and said in ran.output
            assert f"CHUONGTRINH_DOCX_MAX_{variable}" in ran.output
            clean(ran)


@pytest.mark.slow
def test_long_documents_are_read_within_bounds_when_the_limits_are_raised(tmp_path: Path) -> None:
    """With the limits raised, the readers stay linear: 100,000 paragraphs are read to the end."""
    raised = {"CHUONGTRINH_DOCX_MAX_PARAGRAPHS": "200000", "CHUONGTRINH_DOCX_MAX_RUNS": "200000"}
    paragraphs = tmp_path / "doan.docx"
    paragraphs.write_bytes(hostile.many_paragraphs(100_000))
    ran = run_bounded("import", paragraphs, "-o", tmp_path / "doan.yaml", cpu=60, env=raised)
    assert ran.returncode == 1 and "không thấy tên loại văn bản" in ran.stderr
    runs = tmp_path / "chay.docx"
    runs.write_bytes(hostile.many_runs(100_000))
    ran = run_bounded("check", runs, cpu=60, env=raised)
    assert ran.returncode == 1 and "văn bản không đặt khổ giấy và lề" in ran.output
    clean(ran)
