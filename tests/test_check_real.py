"""`check` on real office files (tests/data/real): each file's errors are the deviations it
really has (judged against FORMAT.md), a file whose deviations are repaired gets none, and a
fault injected into a repaired file is found, alone, at the paragraph that was broken."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt
from tests.helpers.cli import run_cli
from tests.helpers.real import find, nfc, open_real, paragraphs, real_file, real_files, retype

from chuongtrinh import api

# The error codes each real file gets, every one a deviation the file has (why, in short).
REAL_DEVIATIONS: dict[int, set[str]] = {
    # An office template: the date is a {placeholder}, "LỊCH CÔNG TÁC" is no kind of HD 36.
    1: {"missing-date", "missing-kind"},
    # Margins 15/12.5 mm (20–25), "Số:" and recipients at 14/12 pt (13/11), cs=Arial and
    # .VnTime runs, "Nơi nhận:" not italic.
    2: {"page-margin", "size", "font", "legacy-font", "italic"},
    3: {"size", "nfd"},  # issuer lines and "Số:" at 14 pt (12–13, 13); decomposed letters
    # "Số:" 14 pt, recipients 12 pt, NFD, "- Lưu: MTTQ" without ".", "TM." not bold.
    4: {"size", "nfd", "recipient-form", "bold"},
    5: {"size", "recipient-form", "bold"},
    6: {"size", "bold"},
    # The issuer at 14 pt (12–13); a cs font left to the theme; "Người báo cáo" stands where
    # the signer's position goes (caps).
    8: {"size", "font", "caps"},
    9: {"page-margin", "nfd"},  # bottom margin 17.5 mm (20–25); decomposed letters
    10: {"page-margin", "page-size"},  # an annex on US Letter, margins 18.3/4.9/25.4 mm
    11: {"page-margin", "page-size", "font"},  # US Letter, margins 15/12.5/25 mm; cs theme
    12: {"page-margin", "font"},  # bottom 10 mm, left 25 mm; cs theme
    # Banner, issuer, "Số:" at 14 pt, the kind at 14.5 pt, recipients at 7/14 pt; cs theme.
    13: {"size", "font"},
    # Decomposed letters in the issuer and two recipients; "- Lưu: VT, …, NC.Châu" without
    # the closing ".".
    14: {"nfd", "recipient-form"},
    # Margins 18/16 mm; Calibri header; 14 pt issuer and "Số:"; "/HD- MTTQ" (a space);
    # "I." headings and "TM." not bold; recipients 10 pt, one entry typed across two cells.
    15: {"page-margin", "font", "size", "number-form", "bold", "recipient-form"},
}


def _errors(path: Path) -> list[Any]:
    return [f for f in api.check(path).findings if f.severity == "error"]


@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.name[:2])
def test_real_files_get_only_their_real_deviations(path: Path) -> None:
    number = int(path.name[:2])
    assert {f.code for f in _errors(path)} == REAL_DEVIATIONS[number]


def _saved(document: Any, tmp_path: Path, name: str) -> Path:
    target = tmp_path / f"{name}.docx"
    document.save(str(target))
    return target


def _repaired(number: int) -> Any:
    """File 14 (a công văn) or 9 (a report) with its deviations repaired: composed letters,
    file 14's archive line closed by ".", file 9's bottom margin at 20 mm."""
    document = open_real(number)
    nfc(document)
    if number == 14:
        _, archive = find(document, lambda t: t.startswith("- Lưu:"))
        retype(archive, "- Lưu: VT, HCQT, KTTH, NC.Châu.")
    if number == 9:
        document.sections[0].bottom_margin = Mm(20)
    return document


@pytest.mark.parametrize("number", [14, 9])
def test_repaired_real_files_get_no_error(number: int, tmp_path: Path) -> None:
    path = _saved(_repaired(number), tmp_path, f"sua-{number}")
    assert _errors(path) == []


def _runs(paragraph: Any) -> list[Any]:
    return [r for r in paragraph.runs if r.text.strip()]


def _each_run(test: Callable[[str], bool], change: Callable[[Any], None]) -> Callable[[Any], int]:
    """A fault: `change` on every run of the first paragraph passing `test`; its number."""

    def inject(document: Any) -> int:
        number, paragraph = find(document, test)
        for run in _runs(paragraph):
            change(run)
        return number

    return inject


def _retyped(test: Callable[[str], bool], text: str) -> Callable[[Any], int]:
    def inject(document: Any) -> int:
        number, paragraph = find(document, test)
        retype(paragraph, text)
        return number

    return inject


def _page(**lengths: Any) -> Callable[[Any], None]:
    def inject(document: Any) -> None:
        for name, value in lengths.items():
            setattr(document.sections[0], name, value)

    return inject


def _decomposed(document: Any) -> int:
    number, paragraph = find(document, lambda t: t.startswith("Căn cứ Bộ tiêu chí"))
    for run in _runs(paragraph):
        run.text = unicodedata.normalize("NFD", run.text)
    return number


BODY = "Căn cứ Bộ tiêu chí"  # file 14's first body paragraph


def _starts(prefix: str) -> Callable[[str], bool]:
    return lambda text: text.startswith(prefix)


def _font(name: str) -> Callable[[Any], None]:
    def change(run: Any) -> None:
        run.font.name = name

    return change


def _flagged(prefix: str, name: str, value: bool) -> Callable[[Any], int]:
    """Bold or italic (`name`) set to `value` on the paragraph starting with `prefix`."""
    return _each_run(_starts(prefix), lambda run: setattr(run, name, value))


def _sized(prefix: str, points: float) -> Callable[[Any], int]:
    return _each_run(_starts(prefix), lambda run: setattr(run.font, "size", Pt(points)))


# fault → (injection into repaired file 14, the code expected). An injection returns the
# paragraph it broke (None: the page).
FAULTS: dict[str, tuple[Callable[[Any], int | None], str]] = {
    "left-margin-25": (_page(left_margin=Mm(25)), "page-margin"),
    "right-margin-22": (_page(right_margin=Mm(22)), "page-margin"),
    "us-letter": (_page(page_width=Inches(8.5), page_height=Inches(11)), "page-size"),
    "body-arial": (_each_run(_starts(BODY), _font("Arial")), "font"),
    "body-vntime": (_each_run(_starts(BODY), _font(".VnTime")), "legacy-font"),
    "body-12pt": (_sized(BODY, 12), "size"),
    "banner-14pt": (_sized("CỘNG HÒA", 14), "size"),
    "banner-not-bold": (_flagged("CỘNG HÒA", "bold", False), "bold"),
    "motto-not-bold": (_flagged("Độc lập", "bold", False), "bold"),
    "motto-12pt": (_sized("Độc lập", 12), "size"),
    "issuer-italic": (_flagged("TỈNH LÂM", "italic", True), "italic"),
    "date-not-italic": (_flagged("Lâm Đồng, ngày", "italic", False), "italic"),
    "date-unpadded": (
        _retyped(_starts("Lâm Đồng, ngày"), "Lâm Đồng, ngày 5 tháng 12 năm 2025"),
        "date-padding",
    ),
    "number-no-colon": (_retyped(_starts("Số:"), "Số           /UBND-NC"), "number-form"),
    "recipient-comma": (
        _retyped(_starts("- Các sở, ban"), "- Các sở, ban, ngành tỉnh,"),
        "recipient-form",
    ),
    "addressee-no-semicolon": (
        _retyped(_starts("- Ban Quản lý các khu"), "- Ban Quản lý các khu công nghiệp"),
        "addressee-form",
    ),
    "addressee-last-semicolon": (
        _retyped(_starts("- Ủy ban nhân dân các xã"), "- Ủy ban nhân dân các xã, phường;"),
        "addressee-form",
    ),
    "authority-not-bold": (_flagged("KT. CHỦ", "bold", False), "bold"),
    "nfd": (_decomposed, "nfd"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_an_injected_fault_is_found_alone_at_its_paragraph(fault: str, tmp_path: Path) -> None:
    inject, code = FAULTS[fault]
    document = _repaired(14)
    broken = inject(document)
    errors = _errors(_saved(document, tmp_path, fault))
    assert {f.code for f in errors} == {code}, errors
    for finding in errors:  # a page fault may be found twice: width and height
        assert finding.paragraph == broken
        assert finding.paragraphs == (() if broken is None else (broken,))


def test_one_finding_lists_the_paragraphs_it_covers(tmp_path: Path) -> None:
    document = _repaired(14)
    numbers = [n for n, p in enumerate(paragraphs(document), 1) if 16 <= n <= 20 and _runs(p)]
    for n in numbers:
        for run in _runs(paragraphs(document)[n - 1]):
            run.font.name = "Arial"
    path = _saved(document, tmp_path, "arial")
    [finding] = _errors(path)
    assert finding.paragraphs == tuple(numbers) == (16, 17, 18, 19, 20)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    lines = result.output.splitlines()
    [line] = [line for line in lines if "[font]" in line]  # one line, not five
    assert line.startswith(f"{path}: lỗi [font] phông chữ ascii=Arial, hAnsi=Arial;")
    assert ": đoạn 16–20 (5 đoạn) (quy tắc: nha-nuoc-2020 font.name" in line
    assert lines[-1].startswith(f"{path}: 1 lỗi,")
    record = json.loads(run_cli("check", "--format", "json", str(path)).output)[0]
    [font] = [f for f in record["findings"] if f["code"] == "font"]
    assert font["paragraphs"] == [16, 17, 18, 19, 20]
    assert record["summary"]["errors"] == 1


_SHAPES = (
    qn("w:drawing"),
    qn("w:pict"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
)


def test_a_rule_drawn_under_the_banner_is_its_underline(tmp_path: Path) -> None:
    """File 01 draws the Party banner's rule as a line shape in its cell (HD 36: underlined
    by a rule as long as the text); without the shape the banner is not underlined."""
    document = open_real(1)
    number, banner = find(document, lambda text: text == "ĐẢNG CỘNG SẢN VIỆT NAM")
    cell = next(banner._p.iterancestors(qn("w:tc")))
    shapes = [e for tag in _SHAPES for e in cell.iter(tag)]
    assert shapes
    for shape in shapes:
        if shape.getparent() is not None:
            shape.getparent().remove(shape)
    [finding] = [
        f for f in _errors(_saved(document, tmp_path, "khong-ke")) if f.code == "underline"
    ]
    assert finding.paragraph == number


def test_a_word_97_file_is_refused_in_vietnamese(tmp_path: Path) -> None:
    legacy = tmp_path / "cu.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(60))
    result = run_cli("check", str(legacy))
    assert result.returncode == 1
    assert "tệp Word 97–2003 (.doc): check chỉ đọc .docx" in result.output


def test_the_real_set_is_the_shared_one() -> None:
    assert real_file(14).name == "14-lamdong-cv-chi-dao-chi-so-cchc.docx"
    assert len(real_files()) == 14
