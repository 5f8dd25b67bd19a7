"""`import` of the new shapes from a file typed by hand, and of a document made under a
profile file of its own."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import yaml

from chuongtrinh import api
from chuongtrinh.importer.recognise import import_document
from helpers.cli import run_cli
from helpers.examples import Built
from helpers.handmade import para

DOAN = "doan-xa-thang-thanh-nien-2026"


def test_import_with_a_profile_file_names_it_from_the_yaml(
    built: dict[str, Built], tmp_path: Path
) -> None:
    item = built[DOAN]
    assert item.profile is not None
    shutil.copytree(item.profile.parent, tmp_path / "quy-tac")
    # The office's repository holds both folders: a profile is read only from inside it.
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    target = tmp_path / "nhap" / "ke-hoach.yaml"
    target.parent.mkdir()
    profile = tmp_path / "quy-tac" / item.profile.name
    result = run_cli("import", str(item.docx), "-o", str(target), "--profile", str(profile))
    assert result.returncode == 0, result.output
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["he_thong"] == "../quy-tac/doan-tncs.yaml"
    assert data["so"] == "12" and data["co_quan"]["viet_tat"] == "ĐTN"
    assert api.plain_text(target) == api.plain_text(item.yaml)


def test_import_with_a_missing_profile_file_is_a_located_error(
    built: dict[str, Built], tmp_path: Path
) -> None:
    result = run_cli(
        "import", str(built[DOAN].docx), "-o", str(tmp_path / "x.yaml"), "--profile", "khong.yaml"
    )
    assert result.returncode == 1
    assert "khong.yaml:1:1: lỗi [cannot-read] không đọc được tệp: không tìm thấy tệp" in (
        result.output
    )


def test_an_agenda_typed_by_hand_reads_back_its_title_lines_block_and_slots() -> None:
    doc = docx.Document()
    para(doc, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)
    para(doc, "Mỹ Hiệp, ngày 12 tháng 3 năm 2026")
    para(doc, "CHƯƠNG TRÌNH", bold=True)
    para(doc, "Hội nghị sơ kết quý I năm 2026", bold=True)
    para(doc, "(Chiều ngày 19/3/2026)")
    para(doc, "-----")
    para(doc, [("Địa điểm:", "b"), (" Hội trường xã", "")])
    para(doc, [("14h00 - 14h15:", "b"), (" Khai mạc (", ""), ("Đồng chí Bí thư", "i"), (")", "")])
    para(doc, [("14h15 - 15h00:", "b"), (" Thảo luận", "")])
    data = io.BytesIO()
    doc.save(data)
    found = import_document(io.BytesIO(data.getvalue())).data
    assert found["tieu_de_phu"] == ["(Chiều ngày 19/3/2026)"]
    assert "kem_theo" not in found
    assert found["thong_tin"] == {"dia_diem": "Hội trường xã"}
    assert found["kieu_muc"] == "thoi-gian"
    assert found["noi_dung"][0]["muc"] == [
        {"noi_dung": "Khai mạc", "thoi_gian": "14h00 - 14h15", "thuc_hien": "Đồng chí Bí thư"},
        {"noi_dung": "Thảo luận", "thoi_gian": "14h15 - 15h00"},
    ]
