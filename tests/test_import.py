"""`chuongtrinh import`: build → import → build gives the same text and model for every
example; the YAML written is valid and the report says what was guessed."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from chuongtrinh import api
from chuongtrinh.importer.emit import report, to_yaml
from chuongtrinh.importer.recognise import import_document
from helpers.cli import run_cli
from helpers.examples import ALL_EXAMPLES, ANNEXED, MONTHLY, SEEDS, Built
from helpers.handmade import HANDMADE, chi_bo_2026
from helpers.importing import canonical, lines, reimport
from helpers.office import PANDOC


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_round_trip_of_every_example(name: str, built: dict[str, Built]) -> None:
    first = built[name].docx.read_bytes()
    result, compiled = reimport(first, built[name].profile)
    assert result.unplaced == []
    assert lines(api.render(compiled)) == lines(first)
    assert canonical(compiled.program) == canonical(api.compile_file(built[name].yaml).program)


STATE_EXAMPLES = {"ubnd-quang-binh-2026", "ubnd-hop-cum-cong-nghiep-2026", ANNEXED}


def test_profile_family_is_detected(built: dict[str, Built]) -> None:
    builtin = {name: item for name, item in built.items() if item.profile is None}
    found = {
        name: reimport(builtin[name].docx.read_bytes())[0].data["he_thong"] for name in builtin
    }
    assert {found[n] for n in STATE_EXAMPLES} == {"nha-nuoc"}
    assert {found[n] for n in found if n not in STATE_EXAMPLES} == {"dang"}
    for item in built.values():  # one built under a profile file of its own names that file
        if item.profile is not None:
            result, _ = reimport(item.docx.read_bytes(), item.profile)
            assert result.data["he_thong"] == "profiles/doan-tncs.yaml"


def test_lead_agency_lines_fold_back_into_items(built: dict[str, Built]) -> None:
    result, _ = reimport(built["tinh-uy-hau-giang-2024"].docx.read_bytes())
    meeting = result.data["noi_dung"][1]["noi_dung"][1]
    assert [item["chu_tri"] for item in meeting["muc"]][4:] == ["Ban Tuyên giáo Tỉnh ủy"] * 4
    assert meeting.get("kieu_muc") is None  # inherited from its parent's "(1)"
    assert result.data["noi_dung"][1]["kieu_muc"] == "(1)"


def test_table_columns_are_read_by_meaning(built: dict[str, Built]) -> None:
    result, _ = reimport(built["chi-bo-thang-03-2026"].docx.read_bytes())
    assert result.data["trinh_bay"] == "bang"
    assert result.data["cot_bang"] == ["stt", "noi_dung", {"chu_tri": "Người thực hiện"}, "ghi_chu"]


def test_cli_writes_yaml_and_reports(built: dict[str, Built], tmp_path: Path) -> None:
    target = tmp_path / "thang.yaml"
    done = run_cli("import", built["thang-02-2023"].docx, "-o", target)
    assert done.returncode == 0, done.stderr
    assert "đã xếp 54/54 đoạn" in done.stdout
    assert "he_thong: dang — chắc chắn" in done.stdout
    assert api.validate(target) == []


def test_cli_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = run_cli("import", tmp_path / "none.docx")
    assert done.returncode == 2
    assert "file-not-found" in done.stderr


def test_not_a_word_file_is_a_diagnostic(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    done = run_cli("import", bad)
    assert done.returncode == 1
    assert "import-failed" in done.stderr


@pytest.mark.parametrize("name", sorted(HANDMADE))
def test_hand_made_documents_rebuild_to_the_same_text(name: str, built: dict[str, Built]) -> None:
    """A program typed in Word imports to YAML that builds to the text this tool makes for
    the same program (and to the same model)."""
    result, compiled = reimport(HANDMADE[name]())
    expected = built[name].docx.read_bytes()
    assert lines(api.render(compiled)) == lines(expected)
    assert canonical(compiled.program) == canonical(api.compile_file(built[name].yaml).program)
    assert result.placed / result.paragraphs > 0.95


def test_table_columns_in_an_offices_own_words() -> None:
    result, compiled = reimport(chi_bo_2026(("TT", "Nội dung công việc", "Người làm", "Ghi chú")))
    assert result.data["cot_bang"] == [
        {"stt": "TT"},
        {"noi_dung": "Nội dung công việc"},
        {"chu_tri": "Người làm"},
        "ghi_chu",
    ]
    assert "Nội dung công việc" in lines(api.render(compiled))


def test_what_cannot_be_placed_stays_as_a_comment_with_its_paragraph_number() -> None:
    result = import_document(io.BytesIO(HANDMADE["ubnd-quang-binh-2026"]()))
    assert [(u.number, u.text) for u in result.unplaced] == [(32, "(Đã ký)")]
    text = to_yaml(result, "ubnd.docx")
    assert "# đoạn 32 (khối chữ ký):\n#   (Đã ký)\n" in text
    assert report(result)[0] == "đã xếp 32/33 đoạn; 1 đoạn để lại dạng chú thích"
    assert "  noi_nhan: dòng 'Lưu' chuyển xuống cuối — chắc chắn" in report(result)


def test_hd05_program_without_grounds_builds(tmp_path: Path) -> None:
    """Found by the property test: HD 05 punctuates căn cứ, and none at all must still build."""
    source = tmp_path / "p.yaml"
    source.write_text(
        "he_thong: dang\nco_quan: {ten: ĐẢNG ỦY XÃ A, viet_tat: ĐU}\nso: 1\n"
        "dia_danh: A\nngay: 2027-01-05\ntrich_yeu: Công tác\nnoi_nhan: [Lưu VT]\n"
        "ky: {tham_quyen: T/M ĐẢNG ỦY, ho_ten: Nguyễn Văn A}\n",
        encoding="utf-8",
    )
    assert api.build(source).output.is_file()


@pytest.mark.slow
@pytest.mark.skipif(not PANDOC, reason="pandoc not installed")
def test_pandoc_docx_of_seed_000(built: dict[str, Built], tmp_path: Path) -> None:
    """Seed 000 as text (its header table lost) through pandoc: every paragraph placed, Word
    bullet lists read as items and recipients, the body rebuilt as the example's."""
    assert PANDOC
    made = tmp_path / "seed.docx"
    seed = next(SEEDS.glob("000_*.txt"))
    subprocess.run([PANDOC, "-f", "markdown", "-t", "docx", str(seed), "-o", str(made)], check=True)
    result, compiled = reimport(made.read_bytes())
    assert result.unplaced == []
    assert result.data["ngay"] == 2023  # no date line: the year the summary names
    rebuilt = lines(api.render(compiled))
    expected = lines(built["thang-02-2023"].docx.read_bytes())
    start = expected.index("CHƯƠNG TRÌNH")
    assert rebuilt[rebuilt.index("CHƯƠNG TRÌNH") :] == expected[start:]


def test_state_is_told_by_the_signature_when_the_header_is_gone() -> None:
    doc = docx.Document()
    for text in ("SỞ NỘI VỤ", "KẾ HOẠCH", "Công tác quý I", "1. Tuyển dụng", "- Thi tuyển."):
        doc.add_paragraph(text)
    for text in ("Nơi nhận:", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    result, compiled = reimport(out.getvalue())
    assert result.data["he_thong"] == "nha-nuoc" and result.data["loai"] == "KH"
    assert compiled.program.signature.authority == ["KT. GIÁM ĐỐC"]
    assert compiled.program.recipients == ["Lưu: VT"]


def test_cli_output_may_be_a_folder(built: dict[str, Built], tmp_path: Path) -> None:
    done = run_cli("import", built["chi-bo-thang-03-2026"].docx, "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    assert api.validate(tmp_path / "chi-bo-thang-03-2026.yaml") == []


def test_last_months_word_file_starts_next_months_program(
    built: dict[str, Built], tmp_path: Path
) -> None:
    """`import thang-02-2023.docx && new --from thang-02-2023.yaml --thang 2023-03`."""
    word = tmp_path / "thang-02-2023.docx"
    shutil.copy(built[MONTHLY].docx, word)
    result = run_cli("import", str(word))
    assert result.returncode == 0, result.output
    result = run_cli("new", "--from", str(tmp_path / "thang-02-2023.yaml"), "--thang", "2023-03")
    assert result.returncode == 0, result.output
    following = tmp_path / "thang-03-2023.yaml"
    compiled = api.compile_file(following)
    assert compiled.program.summary == "Công tác tháng 3 năm 2023 của Đảng ủy"
    assert str(compiled.program.date).startswith("2023-03")
    assert compiled.program.number is None
    assert {w.code for w in compiled.warnings} <= {"missing-number"}
