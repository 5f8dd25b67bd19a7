"""Import on real documents typed in Word by offices (tests/data/real): the structure a user
cares about comes back: the kind and summary, the number, the labels and nesting of sections."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx

from chuongtrinh.api import compile_text, layout
from chuongtrinh.importer.emit import report, to_yaml
from chuongtrinh.importer.reading import Para, read
from chuongtrinh.importer.recognise import import_document
from helpers.handmade import para

REAL = Path(__file__).parent / "data" / "real"


def imported(number: str) -> dict[str, Any]:
    (path,) = REAL.glob(f"{number}-*.docx")
    return import_document(path).data


def test_a_plan_saved_in_decomposed_unicode_is_found_by_its_kind_line() -> None:
    found = imported("03")  # 'KẾ HOẠCH' typed as K + Ê + combining acute
    assert found["loai"] == "KH"
    assert found["trich_yeu"].startswith("Triển khai thi hành Luật Phòng cháy")
    assert [s["tieu_de"] for s in found["noi_dung"]][:2] == [
        "MỤC ĐÍCH, YÊU CẦU",
        "NỘI DUNG THỰC HIỆN",
    ]


def test_a_report_whose_title_runs_on_the_kind_line_keeps_it_as_the_summary() -> None:
    found = imported("08")  # 'BÁO CÁO CÔNG TÁC TUẦN 02 THÁNG 6 NĂM 2026', '(Từ ngày …)'
    assert found["loai"] == "BC"
    assert "ten_loai" not in found
    assert found["trich_yeu"] == "CÔNG TÁC TUẦN 02 THÁNG 6 NĂM 2026"
    assert found["tieu_de_phu"] == ["(Từ ngày 22/6/2026 đến ngày 25/6/2026)"]
    assert found["khong_in"] == ["so"]  # no number line in the original


def test_a_kind_the_rule_sets_do_not_name_is_the_capital_line_after_the_header() -> None:
    found = imported("13")  # GIẤY MỜI HỌP, 'Số: /GM-UBND'
    assert (found["loai"], found["ten_loai"]) == ("GM", "GIẤY MỜI HỌP")
    assert found["trich_yeu"] == "Về tình hình triển khai các cụm công nghiệp trên địa bàn tỉnh."


def test_a_party_number_typed_with_the_state_colon_is_read_with_a_warning() -> None:
    doc = docx.Document()
    para(doc, "ĐẢNG BỘ XÃ MỸ HIỆP", bold=False)
    para(doc, "ĐẢNG ỦY XÃ", bold=True)
    para(doc, "Số: 58-CTr/ĐU")
    para(doc, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)
    para(doc, "Mỹ Hiệp, ngày 12 tháng 3 năm 2026")
    para(doc, "CHƯƠNG TRÌNH", bold=True)
    para(doc, "Công tác tháng 3 năm 2026", bold=True)
    para(doc, "- Họp chi bộ định kỳ")
    data = io.BytesIO()
    doc.save(data)
    result = import_document(io.BytesIO(data.getvalue()))
    assert result.data["so"] == "58"
    assert result.data["co_quan"]["viet_tat"] == "ĐU"  # read, not made from the name's initials
    assert result.data["he_thong"] == "dang"
    assert not [u for u in result.unplaced if "58" in u.text]
    warning = next(line for line in report(result) if "Số: 58-CTr/ĐU" in line)
    assert "dấu ':'" in warning


def rebuilt(number: str) -> list[str]:
    """The lines of the document built back from the imported YAML."""
    (path,) = REAL.glob(f"{number}-*.docx")
    text = to_yaml(import_document(path), path.name)
    return [
        line
        for p in layout(compile_text(text, path.name)).paragraphs()
        for line in p.text.split("\n")
    ]


def section(found: dict[str, Any], *titles: str) -> dict[str, Any]:
    """The section reached through `titles`, each the start of a heading at the next depth."""
    here: dict[str, Any] = {"noi_dung": found["noi_dung"]}
    for title in titles:
        here = next(
            s
            for s in here["noi_dung"]
            if isinstance(s, dict) and s.get("tieu_de", "").startswith(title)
        )
    return here


def test_steps_numbered_3_1_under_a_heading_keep_their_labels_and_their_dashes() -> None:
    found = imported("05")
    steps = section(found, "TỔ CHỨC HỘI NGHỊ LẤY Ý KIẾN", "Trình tự tổ chức")
    assert steps["kieu_muc"] == "1.1."
    first = steps["muc"][0]
    assert first["noi_dung"].startswith("Chủ trì tuyên bố lý do")  # not '1. Chủ trì …'
    assert first["muc"][0] == "Giới thiệu mục đích, yêu cầu của hội nghị;"
    lines = rebuilt("05")
    assert any(line.startswith("3.1. Chủ trì tuyên bố lý do") for line in lines)
    assert any(line.startswith("3.9. Hội nghị thông qua biên bản") for line in lines)


def test_a_bold_numbered_label_with_a_colon_is_not_a_time_slot() -> None:
    found = imported("05")  # '**1. Nội dung:** Ban Thường trực …'
    assert found.get("kieu_muc") != "thoi-gian"
    assert "thoi-gian" not in str(found["noi_dung"])


def test_typed_heading_labels_are_kept_as_the_document_numbers_them() -> None:
    found = imported("15")  # parts A., B. typed above Word-numbered headings
    assert found["danh_so"][0] == "A."
    assert found["noi_dung"][1]["tieu_de"].startswith("ĐỐI VỚI VIỆC HIỆP THƯƠNG, GIỚI THIỆU")
    assert any(line.startswith("A. ĐỐI VỚI VIỆC HIỆP THƯƠNG") for line in rebuilt("15"))


def test_the_annex_after_the_signature_feeds_neither_the_signer_nor_the_body() -> None:
    result = import_document(next(REAL.glob("02-*.docx")))
    assert result.data["ky"] == {
        "tham_quyen": "KT. GIÁM ĐỐC",
        "chuc_vu": "PHÓ GIÁM ĐỐC",
        "ho_ten": "Hoàng Văn Thuân",
    }
    before_annex = {key: value for key, value in result.data.items() if key != "phu_luc"}
    assert "PHÂN CÔNG NHIỆM VỤ" not in str(before_annex)
    (annex,) = result.data["phu_luc"]  # no "PHỤ LỤC" line: its title over "(Kèm theo …)"
    assert annex["tieu_de"].startswith("PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC")
    assert annex["bang"]["cot"] == ["TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"]
    assert any("Rà soát việc đáp ứng" in str(row) for row in annex["bang"]["dong"])


def typed(lines: list[tuple[str, bool]]) -> dict[str, Any]:
    """The YAML data of a document typed line by line (text, bold)."""
    doc = docx.Document()
    for text, bold in lines:
        para(doc, text, bold=bold)
    data = io.BytesIO()
    doc.save(data)
    return import_document(io.BytesIO(data.getvalue())).data


def test_an_agenda_without_the_standard_header_reads_its_information_and_slots() -> None:
    found = typed(
        [
            ("CHƯƠNG TRÌNH HỘI NGHỊ", True),
            ("Sơ kết công tác quý I năm 2026", True),
            ("Thời gian: 14 giờ 00, ngày 19/3/2026", False),
            ("Địa điểm: Hội trường Ủy ban nhân dân xã", False),
            ("14h00 - 14h15: Khai mạc, giới thiệu đại biểu", False),
            ("14h15 - 15h00: Báo cáo sơ kết (Đồng chí Chủ tịch)", False),
        ]
    )
    assert found["khong_in"] == ["phan_dau"]  # nothing above the title: none printed
    assert found["ten_loai"] == "CHƯƠNG TRÌNH HỘI NGHỊ"
    assert found["trich_yeu"] == "Sơ kết công tác quý I năm 2026"
    assert found["thong_tin"] == {
        "thoi_gian": "14 giờ 00, ngày 19/3/2026",
        "dia_diem": "Hội trường Ủy ban nhân dân xã",
    }
    assert found["kieu_muc"] == "thoi-gian"
    assert found["noi_dung"][0]["muc"][0] == {
        "noi_dung": "Khai mạc, giới thiệu đại biểu",
        "thoi_gian": "14h00 - 14h15",
    }
    lines = to_yaml_lines(found)
    assert lines[:2] == ["CHƯƠNG TRÌNH HỘI NGHỊ", "Sơ kết công tác quý I năm 2026"]


def test_lettered_subheadings_with_dashes_and_lettered_items_keep_their_labels() -> None:
    found = typed(
        [
            ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
            ("Mỹ Hiệp, ngày 12 tháng 3 năm 2026", False),
            ("KẾ HOẠCH", True),
            ("Thực hiện chuyển đổi số năm 2026", True),
            ("I. MỤC ĐÍCH, YÊU CẦU", True),
            ("1. Mục đích", True),
            ("a) Nâng cao nhận thức của cán bộ", False),
            ("b) Bảo đảm hạ tầng số", False),
            ("2. Yêu cầu", True),
            ("a) Bám sát chỉ đạo của cấp trên", False),
            ("II. NHIỆM VỤ", True),
            ("1. Nhiệm vụ chung", True),
            ("a) Mục tiêu", True),
            ("- Hoàn thành cổng thông tin", False),
            ("- Số hóa hồ sơ", False),
            ("b) Giải pháp", True),
            ("- Tập huấn cán bộ", False),
        ]
    )
    purpose = section(found, "MỤC ĐÍCH", "Mục đích")
    assert purpose["muc"] == ["Nâng cao nhận thức của cán bộ", "Bảo đảm hạ tầng số"]
    aims = section(found, "NHIỆM VỤ", "Nhiệm vụ chung", "Mục tiêu")
    assert aims["muc"] == ["Hoàn thành cổng thông tin", "Số hóa hồ sơ"]
    lines = to_yaml_lines(found)
    body = lines[lines.index("I. MỤC ĐÍCH, YÊU CẦU") :]
    assert body == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Nâng cao nhận thức của cán bộ",
        "b) Bảo đảm hạ tầng số",
        "2. Yêu cầu",
        "a) Bám sát chỉ đạo của cấp trên",  # letters restart under each heading
        "II. NHIỆM VỤ",
        "1. Nhiệm vụ chung",
        "a) Mục tiêu",
        "- Hoàn thành cổng thông tin",
        "- Số hóa hồ sơ",
        "b) Giải pháp",
        "- Tập huấn cán bộ",
    ]


def to_yaml_lines(found: dict[str, Any]) -> list[str]:
    """The lines of the document built from `found`."""
    from chuongtrinh.importer.state import Imported

    text = to_yaml(Imported(found, [], [], 0), "typed.docx")
    return [p.text for p in layout(compile_text(text, "typed.yaml")).paragraphs()]


def test_a_table_column_the_contract_has_no_field_for_is_kept_as_comments() -> None:
    """File 01's schedule with its 'Địa điểm' column retitled 'Kinh phí' (no such field)."""
    document = docx.Document(str(next(REAL.glob("01-*.docx"))))
    title = next(
        p for t in document.tables for c in t._cells for p in c.paragraphs if p.text == "Địa điểm"
    )
    for run in title.runs[1:]:
        run.text = ""
    title.runs[0].text = "Kinh phí"
    saved = io.BytesIO()
    document.save(saved)
    result = import_document(io.BytesIO(saved.getvalue()))
    assert result.data["trinh_bay"] == "bang"
    left = [u.text for u in result.unplaced]
    assert {"Kinh phí", "{dia_diem}"} <= set(left)
    assert "dia_diem" not in result.data["noi_dung"][0]["muc"][0]


def test_a_six_level_outline_reads_into_nested_sections_with_its_numbering() -> None:
    found = imported("11")  # no header: Phần thứ nhất / I. / 1. / a. / - / *
    assert found["khong_in"] == ["phan_dau"]
    assert found["ten_loai"] == "ĐỀ CƯƠNG BÁO CÁO"
    assert found["danh_so"] == ["Phần thứ nhất", "I.", "1.", "a."]
    drugs = section(
        found,
        "TÌNH HÌNH, KẾT QUẢ THỰC HIỆN",
        "ĐẶC ĐIỂM TÌNH HÌNH",
        "Tình hình tội phạm và tệ nạn",
        "Tình hình tội phạm ma túy",
    )
    assert drugs["muc"][0].startswith("Phân tích diễn biến tình hình hoạt động")
    lines = rebuilt("11")
    at = lines.index("Phần thứ nhất")
    assert lines[at + 1] == "TÌNH HÌNH, KẾT QUẢ THỰC HIỆN CHIẾN LƯỢC VÀ CHƯƠNG TRÌNH"
    assert "a. Tình hình tội phạm ma túy" in lines
    assert any(line.startswith("- Phân tích diễn biến tình hình") for line in lines)


def test_word_numbering_shows_each_level_as_word_does_and_roman_headings_in_capitals() -> None:
    units = read(next(REAL.glob("15-*.docx")))
    shown = [u.auto_label for u in units if isinstance(u, Para) and u.auto_label]
    assert not [label for label in shown if "%" in label]  # '%1.1.' was shown for '1.1.'
    at = shown.index("1.1.")
    assert shown[at - 1 : at + 1] == ["1.", "1.1."]
    found = imported("15")
    part_a = found["noi_dung"][1]  # 'A. ĐỐI VỚI …' typed over two paragraphs
    assert part_a["tieu_de"].endswith("NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI")
    # 'I. THÀNH PHẦN HỘI NGHỊ': numbered by Word, not bold, in capitals: a heading under A.
    assert part_a["noi_dung"][0]["tieu_de"] == "THÀNH PHẦN HỘI NGHỊ"
    assert found["danh_so"][:2] == ["A.", "I."]


def test_a_sample_kind_line_deep_in_the_text_is_not_taken_for_the_title() -> None:
    body = [(f"{n}. Quy định thứ {n} về thể thức văn bản", False) for n in range(1, 15)]
    found = typed(
        [
            ("BỘ NỘI VỤ", True),
            ("Hà Nội, ngày 19 tháng 01 năm 2011", False),
            ("THÔNG TƯ", True),
            ("Hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính", True),
            *body,
            ("QUYẾT ĐỊNH", True),  # a sample, as a Thông tư on formats shows one
            ("Về việc điều động cán bộ", True),
        ]
    )
    assert found["ten_loai"] == "THÔNG TƯ"
    assert found["trich_yeu"] == "Hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính"
