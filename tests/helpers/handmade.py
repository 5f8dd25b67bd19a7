"""Programs typed in Word by hand, as python-docx code: the way offices really make them.

Nothing here uses chuongtrinh's writer. Each document keeps the quirks of hand-made files:
numbers and dashes typed into the text, odd spacing, tabs instead of a header table, soft
line breaks, Word's Heading and List styles, a signature note nobody asked for."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import docx
import yaml
from docx.document import Document
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from helpers.examples import EXAMPLES

Text = str | Sequence[tuple[str, str]]  # plain, or (text, "b"/"i"/"") pieces


def _put(target: Paragraph, text: Text, bold: bool = False) -> Paragraph:
    pieces = [(text, "")] if isinstance(text, str) else text
    for part, mark in pieces:
        run = target.add_run(part)
        run.bold = bold or "b" in mark or None
        run.italic = "i" in mark or None
    return target


def para(
    doc: Document | _Cell, text: Text = "", bold: bool = False, style: str | None = None
) -> Paragraph:
    return _put(doc.add_paragraph(style=style), text, bold)


def cell_lines(cell: _Cell, lines: Sequence[tuple[str, bool]]) -> None:
    first = cell.paragraphs[0]
    for i, (text, bold) in enumerate(lines):
        _put(first if i == 0 else cell.add_paragraph(), text, bold)


def typed_items(doc: Document, mark: str, texts: Sequence[str]) -> None:
    """Items with their dash typed into the text (sometimes with odd spacing)."""
    for text in texts:
        para(doc, f"{mark}{text}")


def save(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


Lines = Sequence[tuple[str, bool]]


def two_columns(doc: Document, left: Lines, right: Lines) -> None:
    """A borderless two-column table, as offices lay out the header and the closing."""
    table = doc.add_table(rows=1, cols=2)
    cell_lines(table.rows[0].cells[0], left)
    cell_lines(table.rows[0].cells[1], right)


def closing_table(doc: Document, recipients: Sequence[str], signature: Lines) -> None:
    two_columns(doc, [("Nơi nhận:", False)] + [(r, False) for r in recipients], signature)


def seed_000() -> bytes:
    """Seed 000, a monthly Party program: header typed with tabs, '1.' typed and bold,
    dashes typed, double spaces, a soft line break inside an item, closing in a table."""
    doc = docx.Document()
    p = para(doc, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\t\t")
    _put(p, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)
    para(doc, "ĐẢNG ỦY VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND TỈNH", bold=True)
    para(doc, "*")
    para(doc, "Số 36-CTr/ĐU\t\tĐồng Tháp, ngày 01 tháng 02 năm 2023")
    para(doc)
    para(doc, "CHƯƠNG TRÌNH", bold=True)
    para(doc, "Công tác tháng 02 năm 2023 của Đảng ủy", bold=True)
    para(doc, "-----")
    para(
        doc,
        "Căn cứ Kế hoạch công tác của Đoàn đại biểu Quốc hội Tỉnh, Thường trực Hội đồng nhân dân Tỉnh, các Ban của Hội đồng nhân dân Tỉnh, Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân Tỉnh. ",
    )
    para(
        doc,
        "Đảng ủy Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân Tỉnh đề ra chương trình công tác trọng tâm tháng 02 năm 2023 như sau:",
    )
    para(doc, "1.  Công tác giáo dục chính trị tư tưởng.", bold=True)
    para(doc, "Đảng ủy lãnh đạo các Chi ủy chi bộ:")
    typed_items(
        doc,
        "-  ",
        [
            "Thường xuyên quán triệt, nhắc nhở, cán bộ, đảng viên thực hiện tốt các quy định của tổ chức Đảng, quy định về những điều đảng viên không được làm.",
            "Phổ biến, quán triệt, thực hiện các văn bản chỉ đạo của Cấp ủy cấp trên đến đảng viên; cập nhật thông tin thời sự của tỉnh, trong nước, thế giới.",
            "Tuyên truyền hoạt động chào mừng kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2023) đến đảng viên.",
            "Thường xuyên nắm bắt diễn biến tư tưởng của đảng viên để định hướng kịp thời.",
        ],
    )
    para(doc, "2. Lãnh đạo đảng viên thực hiện nhiệm vụ.", bold=True)
    para(
        doc,
        "Lãnh đạo các Chi ủy triển khai để đảng viên thực hiện nhiệm vụ chính trị của cơ quan như:",
    )
    items = [
        "Ban hành báo cáo kết quả giám sát việc thực hiện Nghị quyết số 88/2014/QH13 và Nghị quyết số 51/2017/QH14 của Quốc hội về đổi mới Chương trình, sách giáo khoa giáo dục phổ thông; việc thực hiện chính sách, pháp luật về y tế cơ sở, y tế dự phòng.",
        "Ban hành Kế hoạch và tổ chức khảo sát\nlấy ý kiến nhân dân về nội dung sửa đổi Luật Đất đai.",
        "Tổ chức Hội nghị giao ban giữa Thường trực và các Ban của Hội đồng nhân dân Tỉnh với Thường trực và các Ban của Hội đồng nhân dân cấp huyện để tổ chức tổng kết hoạt động Hội đồng nhân dân 02 cấp; kết hợp tổ chức đánh giá rút kinh nghiệm trong tiếp xúc cử tri và hoạt động giám sát.",
        "Chuẩn bị nội dung phục vụ khảo sát, giám sát theo chương trình, kế hoạch đã đề ra.",
        "Tham dự Hội nghị tổng kết công tác Hội đồng nhân dân năm 2022 do Ủy ban Thường vụ Quốc hội tổ chức.",
        "Báo cáo tham luận phục vụ tại Hội nghị Thường trực Hội đồng nhân dân các tỉnh, thành phố khu vực Đồng bằng sông Cửu Long lần thứ 2, nhiệm kỳ 2021-2026 tại tỉnh Tiền Giang với chủ đề “ Giải pháp nâng cao vai trò của Hội đồng nhân dân cấp tỉnh trong liên kết, phát triển kinh tế vùng”.",
        "Chuẩn bị nội dung, chương trình họp Đảng đoàn HĐND Tỉnh, họp Thường trực HĐND Tỉnh thường kỳ tháng 02/2023.",
        "Cho ý kiến đối với những nội dung do Ủy ban nhân dân Tỉnh đề nghị (nếu có).",
        "Tổ chức tiếp công dân thường xuyên tại cơ quan, theo quy chế phối hợp hoặc đột xuất với các cơ quan liên quan theo quy định của lãnh đạo Đoàn đại biểu Quốc hội và Thường trực HĐND Tỉnh.",
    ]
    typed_items(doc, "- ", items)
    para(doc, [
        ("- Phối hợp với Đài Phát thanh - Truyền hình Đồng Tháp thực hiện chuyên mục “Đại biểu dân cử với cử tri” kỳ tháng 02 năm 2023 với chủ đề: ", ""),
        ("“Một số kết quả nổi bật về đổi mới Chương trình, sách giáo khoa giáo dục phổ thông”", "i"),
        (".", ""),
    ])  # fmt: skip
    typed_items(
        doc,
        "- ",
        [
            "Tiếp tục duy trì cập nhật các thông tin, văn bản chỉ đạo điều hành; đăng tải tin, bài tuyên truyền về hoạt động của Đoàn ĐBQH, Thường trực, các Ban HĐND, Văn phòng Đoàn ĐBQH và HĐND Tỉnh; tình hình kinh tế - xã hội và những sự kiện nổi bật của Tỉnh.",
            "Lập hồ sơ đề nghị khen thưởng đối với Tổ đại biểu và đại biểu Hội đồng nhân dân Tỉnh năm 2022.",
            "Triển khai công tác thi đua và đăng ký sáng kiến của cán bộ, công chức cơ quan năm 2023.",
            "Triển khai thực hiện công tác sửa chữa trụ sở cơ quan Văn phòng.",
            "Đảm bảo cơ sở vật chất, phục vụ tốt các cuộc họp, hội nghị diễn ra tại cơ quan. Đảm bảo phương tiện và các điều kiện cần thiết phục vụ lãnh đạo Đoàn ĐBQH, Thường trực, các Ban của HĐND Tỉnh thực hiện công tác khảo sát, giám sát, đi công tác, tham dự các cuộc họp, hội nghị.",
            "Ngoài ra thực hiện một số nhiệm vụ khác như: Giám sát việc triển khai thực hiện Nghị quyết của HĐND Tỉnh đã ban hành; giám sát thường xuyên qua việc tham dự các cuộc họp, hội nghị liên quan; đảng viên phụ trách lĩnh vực chuyên môn chủ động tham mưu, đề xuất nội dung đi cơ sở nắm thông tin hoặc tham gia các đoàn công tác của Trung ương khi đến làm việc tại Tỉnh.",
        ],
    )
    para(doc)
    para(doc, "3. Lãnh đạo hoạt động của Công đoàn.", bold=True)
    typed_items(
        doc,
        "-",
        [
            "Thực hiện tốt các chế độ, chính sách có liên quan đến công đoàn; thăm hỏi, hỗ trợ đoàn viên kịp thời đúng chế độ.",
            "Tham gia các hoạt động do Công đoàn cấp trên tổ chức.",
            "Chuẩn bị nội dung tổ chức Đại hội Công đoàn cơ sở Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân Tỉnh.",
        ],
    )
    para(doc, "4. Xây dựng chi bộ trong sạch, vững mạnh.", bold=True)
    typed_items(
        doc,
        "- ",
        [
            "Lãnh đạo các Chi bộ thực hiện chế độ sinh hoạt định kỳ theo quy định Điều lệ Đảng.",
            "Lãnh đạo các Chi uỷ xây dựng Kế hoạch khắc phục những hạn chế, khuyết điểm của tập thể đã được đóng góp qua kiểm điểm đánh giá cuối năm 2022.",
            "Xây dựng các báo cáo theo yêu cầu Đảng uỷ khối các cơ quan Tỉnh.",
        ],
    )
    para(
        doc,
        "Đề nghị Chi uỷ các Chi bộ trực thuộc triển khai thực hiện chương trình công tác tháng 02 năm 2023 của Đảng bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân Tỉnh./.",
    )
    closing_table(
        doc,
        ["- Ban Thường vụ Đảng uỷ Khối,", "- Đ/c Nguyễn Thị Bích Thuận (GS thường xuyên),",
         "- Các Chi bộ trực thuộc,", "- Các đồng chí trong Đảng uỷ,", "- Đảng viên Đảng bộ,",
         "- Lưu Đảng uỷ."],
        [("T/M ĐẢNG ỦY", True), ("BÍ THƯ", True), ("", False), ("", False), ("Mai Ngọc Dinh", True)],
    )  # fmt: skip
    return save(doc)


def _example(name: str) -> dict[str, Any]:
    """The content of an example, read as plain YAML data (what a typist would copy)."""
    path = EXAMPLES / f"{name}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _emphasis(text: str) -> list[tuple[str, str]]:
    """'*x*' of the YAML typed as an italic run."""
    parts = text.split("*")
    return [(part, "i" if i % 2 else "") for i, part in enumerate(parts) if part]


def _agency_line(label: str, agency: str, numbers: list[int]) -> str:
    refs = [f"({n})" for n in numbers]
    where = f" mục {', '.join(refs[:-1])} và {refs[-1]}" if len(refs) > 1 else ""
    return f"{label}: {agency}{where}."


def seed_003() -> bytes:
    """Seed 003, a yearly draft: header in a table, 'I.' headings in Word's Heading 1 style,
    '(n)' typed, lead-agency lines typed after each run, the summary on two lines joined by
    a soft break, the last part numbered by Word's List Number, closing typed with tabs."""
    data = _example("tinh-uy-hau-giang-2024")
    doc = docx.Document()
    two_columns(
        doc,
        [
            ("TỈNH ỦY HẬU GIANG", True),
            ("*", False),
            ("Số       -CTr/TU", False),
            ("Dự thảo", False),
        ],
        [
            ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
            ("", False),
            ("Hậu Giang, ngày     tháng    năm 2023", False),
        ],
    )
    para(doc)
    para(doc, "CHƯƠNG TRÌNH", bold=True)
    para(doc, data["trich_yeu"], bold=True)  # the "\n" is a soft line break
    para(doc, "-----")
    para(doc, data["can_cu"] + " ")
    purpose, content, organise = data["noi_dung"]
    para(doc, "I. " + purpose["tieu_de"], style="Heading 1")
    for text in purpose["doan"]:
        para(doc, text + " ")
    para(doc, "II. " + content["tieu_de"] + " ", style="Heading 1")
    for n, meeting in enumerate(content["noi_dung"], 1):
        para(doc, f"{n}. {meeting['tieu_de']}", bold=True)
        items = meeting["muc"]
        run: list[int] = []
        for i, item in enumerate(items, 1):
            para(doc, f"({i}) {item['noi_dung']}")
            run.append(i)
            if i == len(items) or items[i]["chu_tri"] != item["chu_tri"]:
                para(doc, _agency_line("Cơ quan chủ trì tham mưu", item["chu_tri"], run))
                run = []
    para(doc, "III. " + organise["tieu_de"], style="Heading 1")
    for text in organise["muc"]:
        para(doc, text, style="List Number")
    para(doc)
    para(doc, "Nơi nhận:\t\t\tT/M TỈNH ỦY")
    for i, line in enumerate(data["noi_nhan"]):
        para(doc, f"- {line}{'.' if i == len(data['noi_nhan']) - 1 else ','}")
    return save(doc)


def ubnd_2026() -> bytes:
    """A State program: header table with drawn-line stand-ins, items as Word bullets
    (List Bullet), lead lines with a partner, 'Lưu' typed in the middle, '(Đã ký)'."""
    data = _example("ubnd-quang-binh-2026")
    doc = docx.Document()
    two_columns(
        doc,
        [
            ("ỦY BAN NHÂN DÂN", True),
            ("TỈNH QUẢNG BÌNH", True),
            ("_______", False),
            ("Số: 15/CTr-UBND", False),
        ],
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
            ("Độc lập - Tự do - Hạnh phúc", True),
            ("_______________", False),
            ("Quảng Bình, ngày 05 tháng 02 năm 2026", False),
        ],
    )
    para(doc, "CHƯƠNG TRÌNH", bold=True)
    para(doc, data["trich_yeu"], bold=True)
    para(doc, "________")
    para(doc, data["can_cu"])
    para(doc, data["mo_dau"])
    for n, section in enumerate(data["noi_dung"], 1):
        para(doc, f"{n}. {section['tieu_de']}", bold=True)
        for item in section["muc"]:
            para(doc, item["noi_dung"], style="List Bullet")
            line = f"Cơ quan chủ trì: {item['chu_tri']}"
            line += f"; cơ quan phối hợp: {item['phoi_hop']}." if "phoi_hop" in item else "."
            para(doc, line)
    para(doc, data["ket_luan"].rstrip(".") + "./.")
    recipients = [data["noi_nhan"][0], data["noi_nhan"][-1], *data["noi_nhan"][1:-1]]
    closing_table(
        doc,
        [f"- {r}{'.' if i == len(recipients) - 1 else ';'}" for i, r in enumerate(recipients)],
        [("TM. ỦY BAN NHÂN DÂN", True), ("KT. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", True),
         ("(Đã ký)", False), ("Nguyễn Văn A", True)],
    )  # fmt: skip
    return save(doc)


STANDARD_TITLES = ("STT", "Nội dung", "Người thực hiện", "Ghi chú")


def chi_bo_2026(titles: Sequence[str] = STANDARD_TITLES) -> bytes:
    """A chi bộ's monthly program as a table: header typed with tabs, column titles as
    given (an office's own words), group rows merged across the table."""
    data = _example("chi-bo-thang-03-2026")
    doc = docx.Document()
    p = para(doc, "ĐẢNG BỘ PHƯỜNG MỸ PHƯỚC\t\t")
    _put(p, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)
    para(doc, "CHI BỘ KHU PHỐ 3", bold=True)
    para(doc, "*")
    para(doc, "Số 12-CTr/CB\t\tMỹ Phước, ngày 02 tháng 3 năm 2026")
    para(doc, "CHƯƠNG TRÌNH", bold=True)
    para(doc, data["trich_yeu"], bold=True)
    para(doc, "-----")
    for text in data["can_cu"]:
        para(doc, text)
    para(doc, data["mo_dau"])
    table = doc.add_table(rows=1, cols=4)
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        cell_lines(cell, [(title, True)])
    for n, section in enumerate(data["noi_dung"], 1):
        row = table.add_row().cells
        merged = row[0].merge(row[-1])
        cell_lines(merged, [(f"{n}. {section['tieu_de']}", True)])
        for i, item in enumerate(section["muc"], 1):
            row = table.add_row().cells
            row[0].text = str(i)
            _put(row[1].paragraphs[0], _emphasis(item["noi_dung"]))
            row[2].text = item["chu_tri"]
            row[3].text = item.get("ghi_chu", "")
    para(doc, data["ket_luan"] + "./.")
    closing_table(
        doc,
        [f"- {r}{'.' if i == len(data['noi_nhan']) - 1 else ','}" for i, r in enumerate(data["noi_nhan"])],
        [("T/M CHI BỘ", True), ("BÍ THƯ", True), ("", False), ("Trần Thị C", True)],
    )  # fmt: skip
    return save(doc)


HANDMADE = {
    "thang-02-2023": seed_000,
    "tinh-uy-hau-giang-2024": seed_003,
    "ubnd-quang-binh-2026": ubnd_2026,
    "chi-bo-thang-03-2026": chi_bo_2026,
}
