"""Old files: Word 97 .doc through LibreOffice, and text in the TCVN3 fonts."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.importer import word97 as legacy
from chuongtrinh.importer.emit import report
from chuongtrinh.importer.files import import_path
from chuongtrinh.importer.recognise import import_document
from helpers.examples import Built
from helpers.importing import lines
from helpers.office import OFFICE, convert


@pytest.mark.slow
@pytest.mark.skipif(not OFFICE, reason="LibreOffice not installed")
def test_word_97_doc_imports_through_libreoffice(built: dict[str, Built], tmp_path: Path) -> None:
    convert([built["thang-02-2023"].docx], "doc", tmp_path)
    result = import_path(tmp_path / "thang-02-2023.doc")
    assert result.unplaced == []
    target = tmp_path / "again.yaml"
    from chuongtrinh.importer.emit import to_yaml

    target.write_text(to_yaml(result, "thang-02-2023.doc"), encoding="utf-8")
    rebuilt = api.build(target).output.read_bytes()
    assert lines(rebuilt) == lines(built["thang-02-2023"].docx.read_bytes())


def test_doc_without_libreoffice_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    old = tmp_path / "cu.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ChuongtrinhError) as caught:
        import_path(old)
    (problem,) = caught.value.diagnostics
    assert problem.code == "no-libreoffice"
    assert "LibreOffice" in problem.message and problem.hint and "apt-get" in problem.hint


def test_tcvn3_text_becomes_unicode() -> None:
    """'.VnTime' text as Word stores it (Latin-1 code points) reads as Unicode; '.VnTimeH'
    prints capitals; Unicode runs beside it stay as they are."""
    doc = docx.Document()

    def line(text: str, font: str | None = None, bold: bool = False) -> None:
        run = doc.add_paragraph().add_run(text)
        run.font.name = font
        run.bold = bold or None

    line("\xa7\xb6ng b\xe9 t\xd8nh a\t\t", ".VnTimeH")
    doc.paragraphs[-1].add_run("ĐẢNG CỘNG SẢN VIỆT NAM").bold = True
    line("\xa7\xb6ng \xf1y x\xb7 b", ".VnTimeH", bold=True)
    line("Số 3-CTr/ĐU\t\tA, ngày 05 tháng 3 năm 2024")
    line("CH\xad\xacng tr\xd7nh", ".VnTimeH", bold=True)
    line("C\xabng t\xb8c th\xb8ng 3", ".VnTime", bold=True)
    line("-----")
    line("Căn cứ kế hoạch năm.")
    line("1. C\xabng t\xb8c ch\xddnh tr\xde.", ".VnTime", bold=True)
    line("- Qu\xb8n tri\xd6t ngh\xde quy\xd5t./.", ".VnTime")
    line("Nơi nhận:")
    line("- Lưu VT.")
    line("T/M ĐẢNG ỦY")
    result = import_document(io.BytesIO(_save(doc)))
    data = result.data
    assert data["co_quan"] == {
        "cap_tren": "ĐẢNG BỘ TỈNH A",
        "ten": "ĐẢNG ỦY XÃ B",
        "viet_tat": "ĐU",
    }
    assert data["trich_yeu"] == "Công tác tháng 3"
    assert data["noi_dung"][0]["tieu_de"] == "Công tác chính trị."
    assert data["ket_luan"] == "- Quán triệt nghị quyết."  # printed as typed, with its './.'
    assert data["trich_yeu"] == "Công tác tháng 3" and data["loai"] == "CTr"
    assert "  phông TCVN3: .VnTime, .VnTimeH — đã chuyển sang Unicode — chắc chắn" in report(result)


def test_legacy_fonts_are_found() -> None:
    assert legacy.legacy_fonts(["VNI-Times", "Times New Roman", ".VnTime"]) == [
        ".VnTime",
        "VNI-Times",
    ]


def test_vni_text_becomes_unicode() -> None:
    """'VNI-Times' text as Word stores it (a base letter followed by its mark characters)
    reads as Unicode, with the same converter `fix-encoding` uses."""
    doc = docx.Document()
    for text, font, bold in (
        ("ÑAÛNG UÛY XAÕ B", "VNI-Times", True),
        ("*", None, False),
        ("Số 3-CTr/ĐU", None, False),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", None, True),
        ("A, ngày 05 tháng 3 năm 2024", None, False),
        ("CHÖÔNG TRÌNH", "VNI-Times", True),
        ("Coâng taùc thaùng 3", "VNI-Times", True),
        ("-----", None, False),
        ("1. Coâng taùc chính trò.", "VNI-Times", True),
        ("- Quaùn trieät nghò quyeát./.", "VNI-Times", False),
        ("Nơi nhận:", None, False),
        ("- Lưu VT.", None, False),
        ("T/M ĐẢNG ỦY", None, True),
    ):
        run = doc.add_paragraph().add_run(text)
        run.font.name = font
        run.bold = bold or None
    result = import_document(io.BytesIO(_save(doc)))
    data = result.data
    assert data["co_quan"]["ten"] == "ĐẢNG ỦY XÃ B"
    assert data["trich_yeu"] == "Công tác tháng 3"
    assert data["noi_dung"][0]["tieu_de"] == "Công tác chính trị."
    assert "  phông VNI: VNI-Times — đã chuyển sang Unicode — chắc chắn" in report(result)


def _save(doc: object) -> bytes:
    out = io.BytesIO()
    doc.save(out)  # type: ignore[attr-defined]
    return out.getvalue()
