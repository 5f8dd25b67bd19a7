"""Both examples open in LibreOffice: a headless conversion to PDF succeeds and keeps the text."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from helpers.examples import (
    ALL_EXAMPLES,
    ANNEXED,
    CHI_BO,
    MONTHLY,
    STATE,
    YEARLY,
    YEARLY_TABLE,
    Built,
)
from helpers.office import OFFICE, PDFTOTEXT, convert, pdf_text

if not (OFFICE and PDFTOTEXT) and os.environ.get("CI"):
    pytest.fail("CI needs LibreOffice and poppler-utils (see .ci/run)", pytrace=False)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (OFFICE and PDFTOTEXT),
        reason="LibreOffice/pdftotext not installed (apt-get install libreoffice-writer-nogui poppler-utils)",
    ),
]

EXPECTED = {
    MONTHLY: [
        "CHƯƠNG TRÌNH",
        "Công tác tháng 02 năm 2023 của Đảng ủy",
        "Số 36-CTr/ĐU",
        "Mai Ngọc Dinh",
    ],
    YEARLY: [
        "CHƯƠNG TRÌNH",
        "Làm việc năm 2024 của Ban Chấp hành Đảng bộ tỉnh",
        "Dự thảo",
        "T/M TỈNH ỦY",
    ],
    STATE: [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/CTr-UBND",
        "- Lưu: VT, VP.",
        "KT. CHỦ TỊCH",
    ],
    CHI_BO: ["STT", "Người thực hiện", "Ghi chú", "1. Công tác chính trị, tư tưởng", "T/M CHI BỘ"],
    YEARLY_TABLE: [
        "Nội dung",
        "Thời gian",
        "4. Quý IV",
        "- Lưu Văn phòng Đảng ủy.",
        "Không phổ biến trên phương tiện thông tin đại chúng",
    ],
    "hoi-nghi-so-ket-quy-1-2026": [
        "(Chiều ngày 19/3/2026)",
        "Thời gian: 14 giờ 00, thứ Năm, ngày 19/3/2026",
        "Thành phần:",
        "14h00 - 14h15: Đón tiếp đại biểu (Văn phòng Đảng ủy)",
        "BAN TỔ CHỨC",
    ],
    "ubnd-hop-cum-cong-nghiep-2026": [
        "Người thực hiện",
        "14h10 - 14h40",
        "Địa điểm: Phòng họp số 1",
        "(Kèm theo Giấy mời số 215/GM-UBND",
    ],
    "dang-uy-xa-hanh-dong-2026": [
        "tháng 3 năm 2026",
        "A. MỤC ĐÍCH, YÊU CẦU",
        "1.1. Trồng trọt",
        "a) Lúa chất lượng cao",
        "+ Năm 2026 - 2027 chuyển đổi 120 ha.",
    ],
    "doan-xa-thang-thanh-nien-2026": [
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "***",
        "Số: 12-KH/ĐTN",
        "TM. BAN THƯỜNG VỤ ĐOÀN XÃ",
    ],
    f"{YEARLY}-lan-1": ["Dự thảo lần 1", "-CTr/TU", "T/M TỈNH ỦY"],
    f"{YEARLY}-lan-2": ["Dự thảo lần 2", "-CTr/TU", "T/M TỈNH ỦY"],
    ANNEXED: [
        "KẾ HOẠCH",
        "KT. GIÁM ĐỐC",
        "PHỤ LỤC",
        "/KH-SCT ngày 27/5/2026 của Sở Công Thương)",
        "Người thực hiện",
        "II. ĐỢT 1: TỪ 13 GIỜ 30 PHÚT NGÀY 02/6/2026",
    ],
}


@pytest.fixture(scope="module")
def pdfs(built: dict[str, Built], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    convert((b.docx for b in built.values()), "pdf", out)
    return {name: out / f"{name}.pdf" for name in built}


def test_every_example_has_expectations() -> None:
    assert sorted(EXPECTED) == ALL_EXAMPLES


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_converts_to_pdf_with_the_text(pdfs: dict[str, Path], name: str) -> None:
    pdf = pdfs[name]
    assert pdf.exists(), f"LibreOffice did not convert {name}.docx"
    text = pdf_text(pdf, "-layout")
    for expected in EXPECTED[name]:
        assert expected in text


def test_page_two_has_a_page_number_and_page_one_none(pdfs: dict[str, Path]) -> None:
    def page(number: int) -> str:
        return pdf_text(pdfs[MONTHLY], "-f", str(number), "-l", str(number))

    assert page(2).lstrip().splitlines()[0].strip() == "2"
    assert page(1).lstrip().splitlines()[0].strip() != "1"


def test_table_header_row_is_repeated_on_page_two(pdfs: dict[str, Path]) -> None:
    page = pdf_text(pdfs[YEARLY_TABLE], "-f", "2", "-l", "2", "-layout")
    assert "STT" in page and "Nội dung" in page


def test_hd05_not_for_the_press_line_sits_10_mm_above_the_last_pages_bottom(
    pdfs: dict[str, Path],
) -> None:
    pdf = str(pdfs[YEARLY_TABLE])
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    boxes = pdf_text(pdfs[YEARLY_TABLE], "-bbox", "-f", str(pages), "-l", str(pages))
    height = float(boxes.split('<page width="')[1].split('height="')[1].split('"')[0])
    word = next(line for line in boxes.splitlines() if ">Không</word>" in line)
    bottom = float(word.split('yMax="')[1].split('"')[0])
    assert 8 <= (height - bottom) * 25.4 / 72 <= 12  # mm from the bottom edge of the page


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page, as pdfinfo reports them."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = [line.split("size:")[1].split("pts")[0].split("x") for line in info.splitlines()
             if line.startswith("Page") and "size:" in line]  # fmt: skip
    return [(float(w), float(h)) for w, h in sizes]


def _pages(pdf: Path) -> list[str]:
    return [
        pdf_text(pdf, "-f", str(n), "-l", str(n), "-layout")
        for n in range(1, 1 + len(_page_sizes(pdf)))
    ]


def test_annex_starts_a_landscape_page_after_the_portrait_body(pdfs: dict[str, Path]) -> None:
    sizes, pages = _page_sizes(pdfs[ANNEXED]), _pages(pdfs[ANNEXED])
    first = next(n for n, text in enumerate(pages) if "PHỤ LỤC" in text)
    assert "KT. GIÁM ĐỐC" not in pages[first]  # a page of its own, after the signature
    assert all(w < h for w, h in sizes[:first])  # the body: portrait A4
    assert all(w > h for w, h in sizes[first:])  # the annex: landscape A4
    assert {round(max(s)) for s in sizes} == {842}


def test_annex_header_rows_repeat_on_its_second_page(pdfs: dict[str, Path]) -> None:
    pages = _pages(pdfs[ANNEXED])
    first = next(n for n, text in enumerate(pages) if "PHỤ LỤC" in text)
    second = pages[first + 1]
    assert "PHỤ LỤC" not in second and "IV. SAU KIỂM TRA" in second
    for title in ("STT", "Nhiệm vụ", "Người thực hiện", "Chủ trì", "Phối hợp"):
        assert title in second
    assert second.index("Chủ trì") < second.index("IV. SAU KIỂM TRA")  # at the top


def test_annex_pages_carry_page_numbers_that_go_on(pdfs: dict[str, Path]) -> None:
    pages = _pages(pdfs[ANNEXED])
    first = next(n for n, text in enumerate(pages) if "PHỤ LỤC" in text)
    for n in range(first, len(pages)):
        assert pages[n].lstrip().splitlines()[0].strip() == str(n + 1)
