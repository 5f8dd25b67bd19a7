"""The models of a rule set (profile): page, fonts, styles, labels, punctuation, phrases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from chuongtrinh.profiles.bounds import (
    BorderPt,
    Data,
    FontPt,
    Length,
    LinePt,
    MarginRange,
    Offset,
    Size,
    SizeRange,
    Spacing,
    TemplateName,
    bounded,
)
from chuongtrinh.profiles.parts import (
    AddresseeRules,
    ClosingRules,
    HeaderRules,
    InfoRules,
    TableColumn,
    TableRules,
    default_info,
)

__all__ = [
    "AddresseeRules",
    "ClosingRules",
    "HeaderRules",
    "InfoRules",
    "Profile",
    "Style",
    "TableColumn",
    "TableRules",
]

Align = Literal["left", "center", "right", "justify"]
LineRule = Literal["single", "at_least", "exact"]


class Style(Data):
    """How one role of paragraph looks; every field is optional so styles can build on each other."""

    based_on: str | None = Field(
        None, description="Kiểu gốc mà kiểu này kế thừa (tên một vai trò khác trong styles)"
    )
    size_pt: FontPt | None = Field(None, description="Cỡ chữ (pt)")
    # The rule texts give a range for many sizes (NĐ 30: quốc hiệu 12–13 pt): the builder
    # writes size_pt, `check` accepts any size in the range.
    size_range_pt: SizeRange | None = Field(
        None,
        description="Khoảng cỡ chữ văn bản quy định cho phép (pt), ví dụ [12, 13]; `check` chấp nhận"
        " mọi cỡ trong khoảng, còn size_pt là cỡ dùng khi tạo văn bản",
    )
    practice: bool | None = Field(
        None,
        description="Định dạng theo thói quen, văn bản quy định không bắt buộc: `check` chỉ cảnh báo",
    )
    bold: bool | None = Field(None, description="In đậm")
    italic: bool | None = Field(None, description="In nghiêng")
    underline: bool | None = Field(None, description="Gạch chân chữ")
    caps: bool | None = Field(None, description="Chữ in hoa")
    align: Align | None = Field(None, description="Căn lề: left, center, right, justify")
    first_line_mm: Offset | None = Field(None, description="Thụt đầu dòng (mm)")
    space_before_pt: Spacing | None = Field(None, description="Khoảng cách trước đoạn (pt)")
    space_after_pt: Spacing | None = Field(None, description="Khoảng cách sau đoạn (pt)")
    line_rule: LineRule | None = Field(
        None,
        description="Giãn dòng: single (đơn), at_least (tối thiểu line_pt), exact (đúng line_pt)",
    )
    line_pt: LinePt | None = Field(
        None, description="Khoảng cách dòng (pt) khi line_rule là at_least hoặc exact"
    )
    keep_with_next: bool | None = Field(
        None, description="Giữ đoạn cùng trang với đoạn sau (tiêu đề)"
    )
    rule_mm: Length | None = Field(
        None, description="Độ dài đường kẻ giữa dưới đoạn (mm), như dưới tên cơ quan, tiêu ngữ"
    )
    rule_pt: BorderPt | None = Field(None, description="Độ dày đường kẻ hoặc khung (pt)")
    box_mm: Length | None = Field(
        None,
        description="Độ rộng khung bao quanh đoạn (mm), sát lề phải (dấu DỰ THẢO của Nhà nước)",
    )
    page_bottom_mm: Length | None = Field(
        None,
        description="Đặt đoạn tách khỏi dòng chữ, cách mép dưới trang này (mm) (HD 05: 'Không phổ biến…' ở trang cuối, cách mép dưới 10 mm)",
    )


class Margins(Data):
    top: Length = Field(description="Lề trên (mm)")
    bottom: Length = Field(description="Lề dưới (mm)")
    left: Length = Field(description="Lề trái (mm)")
    right: Length = Field(description="Lề phải (mm)")


class MarginRanges(Data):
    """The margins the rule text allows (NĐ 30: top 20–25 mm …); the builder uses `margin_mm`."""

    top: MarginRange = Field(description="Khoảng lề trên cho phép (mm)")
    bottom: MarginRange = Field(description="Khoảng lề dưới cho phép (mm)")
    left: MarginRange = Field(description="Khoảng lề trái cho phép (mm)")
    right: MarginRange = Field(description="Khoảng lề phải cho phép (mm)")


class Page(Data):
    width_mm: Size = Field(description="Chiều rộng khổ giấy (mm); A4: 210")
    height_mm: Size = Field(description="Chiều cao khổ giấy (mm); A4: 297")
    margin_mm: Margins = Field(description="Lề trang (mm)")
    margin_range_mm: MarginRanges | None = Field(
        None,
        description="Khoảng lề văn bản quy định cho phép (mm); để trống: đúng bằng margin_mm."
        " `check` chấp nhận mọi lề trong khoảng",
    )
    header_mm: Length = Field(description="Khoảng cách từ mép trên trang đến số trang (mm)")
    footer_mm: Length = Field(description="Khoảng cách từ mép dưới trang đến chân trang (mm)")

    @model_validator(mode="after")
    def _room_for_text(self) -> Page:
        """Margins that leave no text area give a document Word and LibreOffice refuse."""
        margins = self.margin_mm
        if margins.left + margins.right >= self.width_mm:
            raise _problem("lề trái và lề phải không chừa chỗ cho chữ", "width_mm")
        if margins.top + margins.bottom >= self.height_mm:
            raise _problem("lề trên và lề dưới không chừa chỗ cho chữ", "height_mm")
        return self

    def text_width_mm(self, landscape: bool = False) -> float:
        """The width between the side margins, on the page turned sideways when `landscape`
        (the margins stay where they are: the binding edge is still the left one)."""
        across = self.height_mm if landscape else self.width_mm
        return across - self.margin_mm.left - self.margin_mm.right


class Font(Data):
    name: str = Field(
        description="Phông chữ, ghi ở cả 4 vị trí của Word (ascii, hAnsi, eastAsia, cs)"
    )
    size_pt: FontPt = Field(description="Cỡ chữ mặc định (pt)")
    lang: str = Field(description="Ngôn ngữ của văn bản (kiểm tra chính tả của Word), ví dụ vi-VN")
    # The height of one line as a multiple of the font size (Times New Roman's single line is
    # about 1.15 em; 1.3 leaves room for Vietnamese stacked marks): sizes a frame of one line.
    line_height: Annotated[float, bounded(0, 10, above=True)] = Field(
        description="Chiều cao một dòng, tính bằng bội số cỡ chữ (dùng để đặt khung một dòng)"
    )


class Drawing(Data):
    """Lines the styles draw: the rule under a paragraph and the box round a draft marker."""

    rule_pt: BorderPt = Field(
        description="Độ dày đường kẻ hoặc khung khi kiểu không ghi rule_pt (pt)"
    )
    box_space_pt: Annotated[int, Field(ge=0, le=31)] = Field(
        description="Khoảng cách giữa khung và chữ bên trong (pt)"
    )


class Defaults(Data):
    """Word's document defaults: what a paragraph gets when nobody chose a style for it."""

    space_after_pt: Spacing = Field(description="Khoảng cách sau đoạn mặc định của Word (pt)")
    line_rule: LineRule = Field(description="Giãn dòng mặc định của Word: single, at_least, exact")
    line_pt: LinePt | None = Field(
        None, description="Khoảng cách dòng mặc định (pt) khi line_rule là at_least hoặc exact"
    )


class Labels(Data):
    recipients: str = Field(description="Chữ đầu khối nơi nhận: Nơi nhận")
    addressees: str = Field("Kính gửi", description="Chữ đầu khối kính gửi: Kính gửi")
    lead_agency: str = Field(description="Nhãn dòng cơ quan chủ trì: Cơ quan chủ trì tham mưu")
    draft: str = Field(description="Chữ của dấu dự thảo: Dự thảo")
    archive: str = Field("Lưu", description="Chữ đầu dòng lưu, dòng cuối nơi nhận: Lưu")
    annex: str = Field(
        "PHỤ LỤC", description="Chữ trên tên phụ lục: PHỤ LỤC (PHỤ LỤC I, II … khi có nhiều)"
    )


class Punctuation(Data):
    recipient: str = Field(
        description="Dấu cuối mỗi dòng nơi nhận (HD 36: ',', HD 05 và NĐ 30: ';')"
    )
    recipient_last: str = Field(description="Dấu cuối dòng nơi nhận cuối cùng ('.')")
    body_end: str = Field(description="Dấu kết thúc văn bản sau đoạn kết luận ('./.')")
    # None: each căn cứ stays as typed (HD 36); otherwise every one but the last ends so.
    grounds: str | None = Field(
        None,
        description="Dấu cuối mỗi căn cứ trừ căn cứ cuối; để trống: giữ như người soạn gõ (HD 36)",
    )
    grounds_last: str | None = Field(None, description="Dấu cuối căn cứ cuối cùng")
    grounds_prefix: str = Field("", description="Chữ đặt trước mỗi căn cứ (HD 05: '- ')")


class DateRules(Data):
    pad_day_below: Annotated[int, Field(ge=0, le=32)] = Field(
        description="Ngày nhỏ hơn số này viết thêm số 0 ở đầu (10: ngày 05)"
    )
    pad_months: tuple[Annotated[int, Field(ge=1, le=12)], ...] = Field(
        description="Các tháng viết thêm số 0 ở đầu (1, 2: tháng 01, tháng 02)"
    )

    def day_text(self, day: int) -> str:
        """'05' or '15': a leading zero below `pad_day_below`."""
        return f"{day:02d}" if day < self.pad_day_below else str(day)

    def month_text(self, month: int) -> str:
        """'02' or '3': a leading zero for the months in `pad_months`."""
        return f"{month:02d}" if month in self.pad_months else str(month)

    def padded(self, day: int, month: int) -> tuple[str, str]:
        """Day and month as the rule set writes them: 'ngày 05 tháng 02', 'ngày 15 tháng 3'."""
        return self.day_text(day), self.month_text(month)


class LintRules(Data):
    """Limits of the warnings `validate` gives (data, so an office may tune them)."""

    max_item_chars: Annotated[int, Field(ge=1)] = Field(
        1000, description="Mục dài hơn số ký tự này bị cảnh báo (có lẽ nhiều mục dán làm một)"
    )


class Numbering(Data):
    nested_headings: tuple[str, ...] = Field(
        description="Ký hiệu các cấp tiêu đề khi có phần con: I., 1., a)"
    )
    flat_headings: tuple[str, ...] = Field(
        description="Ký hiệu các cấp tiêu đề khi không có phần con: 1., a)"
    )
    item: str = Field(description="Ký hiệu mục mặc định: '-'")
    sub_items: tuple[str, ...] = Field(
        ("-", "+", "•"),
        description="Ký hiệu các cấp mục con, theo thứ tự, bỏ qua ký hiệu cấp trên đã dùng",
    )


class Phrases(Data):
    number: TemplateName = Field(description="Tệp mẫu câu của dòng số, ký hiệu (Jinja)")
    date: TemplateName = Field(description="Tệp mẫu câu của dòng địa danh, ngày tháng")
    draft: TemplateName = Field(description="Tệp mẫu câu của dấu dự thảo")
    lead_agency: TemplateName = Field(description="Tệp mẫu câu của dòng cơ quan chủ trì")
    recipients: TemplateName = Field(description="Tệp mẫu câu của các dòng nơi nhận")
    time_slot: TemplateName = Field(
        "khung-gio.j2",
        description="Tệp mẫu câu của một khung giờ (kieu_muc: thoi-gian): giờ, nội dung, người thực hiện",
    )
    annex: TemplateName = Field(
        "phu-luc-nha-nuoc.j2",
        description="Tệp mẫu câu của dòng '(Kèm theo … số … ngày … của …)' dưới tên phụ lục",
    )


class Profile(Data):
    """A complete rule set, after `extends` has been applied."""

    name: str = Field(description="Tên bộ quy tắc, ví dụ dang-2018")
    family: str = Field(
        description="Hệ thống văn bản (he_thong) mà bộ quy tắc thuộc về: dang, nha-nuoc"
    )
    source: str = Field(description="Văn bản quy định mà bộ quy tắc theo")
    in_force_from: dt.date | None = Field(None, description="Ngày bắt đầu có hiệu lực")
    in_force_until: dt.date | None = Field(None, description="Ngày cuối cùng có hiệu lực")
    kinds: dict[str, str] = Field(
        description="Chữ viết tắt tên loại văn bản và tên loại: CTr: CHƯƠNG TRÌNH"
    )
    page: Page = Field(description="Khổ giấy và lề")
    font: Font = Field(description="Phông chữ")
    drawing: Drawing = Field(description="Đường kẻ và khung")
    defaults: Defaults = Field(description="Định dạng mặc định của Word cho đoạn không có kiểu")
    header: HeaderRules = Field(
        description="Phần đầu văn bản: bảng hai cột, quốc hiệu hoặc tiêu đề Đảng"
    )
    closing: ClosingRules = Field(description="Phần cuối: nơi nhận và chữ ký")
    addressees: AddresseeRules = Field(
        default_factory=lambda: AddresseeRules(),
        description="Khối 'Kính gửi:' dưới trích yếu (kinh_gui)",
    )
    labels: Labels = Field(description="Các chữ cố định: Nơi nhận, Lưu, Dự thảo, cơ quan chủ trì")
    separator: str = Field(description="Dòng dưới trích yếu ('-----' của văn bản Đảng)")
    punctuation: Punctuation = Field(description="Dấu câu do chương trình tự thêm")
    date: DateRules = Field(description="Cách viết ngày, tháng")
    numbering: Numbering = Field(description="Ký hiệu các cấp tiêu đề và mục")
    phrases: Phrases = Field(
        description="Các tệp mẫu câu (trong templates/ hoặc thư mục templates của bộ quy tắc)"
    )
    table: TableRules = Field(description="Trình bày các mục thành bảng (trinh_bay: bang)")
    info: InfoRules = Field(
        default_factory=default_info,
        description="Khối thông tin của chương trình hội nghị (thong_tin)",
    )
    # Issuer abbreviations this version names (for hints), and those it no longer allows.
    issuers: dict[str, str] = Field(
        default_factory=dict,
        description="Chữ viết tắt tên cơ quan ban hành mà văn bản quy định nêu (để gợi ý)",
    )
    dropped_issuers: tuple[str, ...] = Field(
        (), description="Chữ viết tắt tên cơ quan không còn dùng (cảnh báo)"
    )
    # A folder of phrase templates that replace the built-in ones of the same name; written
    # relative to the profile file, stored absolute.
    templates: Path | None = Field(
        None,
        description="Thư mục mẫu câu riêng (.j2), nằm trong thư mục của tệp bộ quy tắc (không ghi"
        " đường dẫn tuyệt đối hay '..')",
    )
    styles: dict[str, Style] = Field(
        default_factory=dict,
        description="Định dạng của từng vai trò đoạn (body, heading_1, recipient…)",
    )
    # Signature authority prefixes the rule set allows (T/M, K/T… or TM., KT.…); empty: any.
    authority_prefixes: tuple[str, ...] = Field(
        (),
        description="Các tiền tố thẩm quyền ký được dùng (T/M, K/T… hoặc TM., KT.…); để trống: không kiểm tra",
    )
    lint: LintRules = Field(
        default_factory=LintRules, description="Giới hạn của các cảnh báo khi kiểm tra"
    )

    @field_validator("styles")
    @classmethod
    def _chains_end(cls, styles: dict[str, Style]) -> dict[str, Style]:
        """Every `based_on` names a style, and no chain comes back to where it started."""
        for role, style in styles.items():
            chain = [role]
            while style.based_on is not None:
                parent = style.based_on
                if parent not in styles:
                    raise _problem(f"không có kiểu '{parent}' để kế thừa", f"{chain[-1]}.based_on")
                if parent in chain:
                    loop = " → ".join((*chain, parent))
                    raise _problem(f"các kiểu kế thừa nhau thành vòng: {loop}", f"{role}.based_on")
                chain.append(parent)
                style = styles[parent]
        return styles

    # Resolved styles by role: the layout and the writer ask for a role's style once per
    # paragraph, and folding a based_on chain copies models.
    _resolved: dict[str, Style] = PrivateAttr(default_factory=dict)

    def style(self, role: str) -> Style:
        """The style of `role` with its `based_on` chain folded in."""
        found = self._resolved.get(role)
        if found is None:
            found = self._resolved[role] = _resolve_style(self.styles, role)
        return found

    def two_columns(self, role: str) -> HeaderRules | AddresseeRules | ClosingRules:
        """The widths and indent of a borderless two-column block: 'header', 'addressees',
        else the closing's."""
        if role == "header":
            return self.header
        return self.addressees if role == "addressees" else self.closing

    def in_force_on(self, day: dt.date) -> bool:
        starts = self.in_force_from is None or self.in_force_from <= day
        return starts and (self.in_force_until is None or day <= self.in_force_until)


def _problem(message: str, where: str) -> PydanticCustomError:
    """A problem of a whole model that belongs to one of its keys (`where`, dotted)."""
    return PydanticCustomError("profile", "{message}", {"message": message, "where": where})


def _resolve_style(styles: dict[str, Style], role: str) -> Style:
    """A role's style with its chain folded in (chains are checked when the profile is read);
    a role the profile does not style (`role: null`) gets Word's defaults."""
    style = styles.get(role, Style())
    if style.based_on is None:
        return style
    parent = _resolve_style(styles, style.based_on)
    # The fields as they are (model_dump would build the serialiser's schema).
    own = {name: value for name, value in style if value is not None and name != "based_on"}
    return parent.model_copy(update=own)
