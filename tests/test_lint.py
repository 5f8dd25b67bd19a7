"""Each lint rule: the warning a reviewer would give, its exact words and its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from helpers.cli import run_cli
from helpers.examples import MONTHLY, YEARLY
from helpers.programs import line_of

GROUND = "  - Căn cứ Kế hoạch công tác của Đoàn đại biểu Quốc hội Tỉnh,"
ITEM = "      - Tham gia các hoạt động do Công đoàn cấp trên tổ chức."


@pytest.fixture
def monthly(example_text: dict[str, str]) -> str:
    return example_text[MONTHLY]


@pytest.fixture
def yearly(example_text: dict[str, str]) -> str:
    return example_text[YEARLY]


def warnings(text: str, code: str) -> list[Diagnostic]:
    found = api.compile_text(text, "ct.yaml").warnings
    return [d for d in found if d.code == code]


def one(text: str, code: str) -> Diagnostic:
    [found] = warnings(text, code)
    assert found.severity == "warning"
    return found


def where(found: Diagnostic) -> tuple[int, int]:
    return found.line, found.col


def expect(
    text: str, code: str, at: tuple[int, int], message: str, hint: str | None = None
) -> Diagnostic:
    """The one warning `code` of `text` stands at `at` and says `message` (and `hint`)."""
    found = one(text, code)
    assert (where(found), found.message) == (at, message)
    if hint is not None:
        assert found.hint == hint
    return found


def test_examples_have_no_warnings_of_these_rules(monthly: str) -> None:
    assert api.compile_text(monthly, "ct.yaml").warnings == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ngày 5/2/2023", "5/2/2023', cần viết '05/02/2023"),
        ("ngày 15/03/2023", "15/03/2023', cần viết '15/3/2023"),
        (
            "ngày 5 tháng 11 năm 2023",
            "ngày 5 tháng 11 năm 2023', cần viết 'ngày 05 tháng 11 năm 2023",
        ),
        ("trong tháng 1/2023", "tháng 1/2023', cần viết 'tháng 01/2023"),
    ],
)
def test_date_padding_in_text(monthly: str, typed: str, expected: str) -> None:
    text = monthly.replace(GROUND, f"{GROUND} {typed},")
    found = one(text, "date-padding")
    column = len(GROUND) + 2 + typed.index(expected[:3])
    assert where(found) == (line_of(text, typed), column)
    assert found.message == f"ngày tháng viết chưa đúng thể thức: '{expected}'"
    assert found.hint == (
        "ngày dưới 10 và tháng 1, 2 viết thêm số 0 ở đầu (05/02/2023, tháng 01),"
        " các tháng khác không (15/3/2023)"
    )


def test_correct_dates_are_quiet(monthly: str) -> None:
    text = monthly.replace(GROUND, f"{GROUND} ngày 05/02/2023, ngày 20/9/2013, tháng 3/2024,")
    assert warnings(text, "date-padding") == []


@pytest.mark.parametrize("typed", ["1.", "-", "(3)", "a)", "IV.", "+"])
def test_item_typed_with_its_number(monthly: str, typed: str) -> None:
    text = monthly.replace(ITEM, f'      - "{typed} Tham gia các hoạt động do Công đoàn tổ chức."')
    found = one(text, "typed-number")
    assert where(found) == (line_of(text, "Tham gia các hoạt động do"), 10)
    assert found.message == (
        f"mục bắt đầu bằng '{typed}' tự gõ; chương trình tự đánh số và dấu đầu dòng nên sẽ thành"
        " hai lần"
    )
    assert found.hint == f"bỏ '{typed}' ở đầu"


def test_title_and_recipient_typed_with_marks(monthly: str) -> None:
    text = monthly.replace("tieu_de: Lãnh đạo hoạt động", "tieu_de: 3. Lãnh đạo hoạt động")
    text = text.replace("  - Các Chi bộ trực thuộc", '  - "- Các Chi bộ trực thuộc"')
    found = warnings(text, "typed-number")
    assert [(d.line, d.col, d.message.split(" bắt")[0]) for d in found] == [
        (line_of(text, "3. Lãnh đạo"), 14, "tiêu đề"),
        (line_of(text, "- Các Chi bộ"), 6, "dòng nơi nhận"),
    ]


def test_archive_missing(monthly: str) -> None:
    text = monthly.replace("  - Lưu Đảng uỷ\n", "")
    at = (line_of(text, "Ban Thường vụ Đảng uỷ Khối"), 3)
    expect(text, "archive-missing", at, "nơi nhận thiếu dòng 'Lưu …'")


def test_archive_not_last(monthly: str) -> None:
    text = monthly.replace("  - Lưu Đảng uỷ\n", "").replace(
        "  - Các Chi bộ trực thuộc\n", "  - Lưu Đảng uỷ\n  - Các Chi bộ trực thuộc\n"
    )
    expect(
        text,
        "archive-not-last",
        (line_of(text, "Lưu Đảng uỷ"), 5),
        "dòng 'Lưu Đảng uỷ' phải là dòng cuối của nơi nhận",
        "chuyển dòng 'Lưu …' xuống cuối danh sách",
    )


def test_repeated_recipient(monthly: str) -> None:
    text = monthly.replace("  - Lưu Đảng uỷ", "  - Các chi bộ trực thuộc.\n  - Lưu Đảng uỷ")
    expect(
        text,
        "duplicate-recipient",
        (line_of(text, "Các chi bộ trực thuộc."), 5),
        "nơi nhận 'Các chi bộ trực thuộc.' bị lặp lại",
        f"đã có ở dòng {line_of(text, 'Các Chi bộ trực thuộc')}; bỏ một dòng",
    )


def test_agency_spelled_two_ways(yearly: str) -> None:
    lines = yearly.splitlines(keepends=True)
    second = [n for n, line in enumerate(lines) if "chu_tri: Ban Tuyên giáo Tỉnh ủy" in line][1]
    lines[second] = lines[second].replace("Tỉnh ủy", "tỉnh uỷ")
    text = "".join(lines)
    found = one(text, "agency-spelling")
    assert where(found) == (second + 1, 22)
    first = line_of(text, "chu_tri: Ban Tuyên giáo Tỉnh ủy")
    assert found.message == (
        f"cơ quan chủ trì 'Ban Tuyên giáo tỉnh uỷ' viết khác với 'Ban Tuyên giáo Tỉnh ủy'"
        f" ở dòng {first}"
    )


@pytest.mark.parametrize("typed", ["TM.", "T/M.", "KT.", "T/UQ", "TUQ."])
def test_authority_prefix_of_the_other_rule_set(monthly: str, typed: str) -> None:
    text = monthly.replace("tham_quyen: T/M ĐẢNG ỦY", f"tham_quyen: {typed} ĐẢNG ỦY")
    found = one(text, "authority-prefix")
    assert where(found) == (line_of(text, "tham_quyen"), 15)
    assert found.message == (
        f"thẩm quyền ký '{typed}' không dùng trong văn bản theo Hướng dẫn 36-HD/VPTW ngày"
        " 03/4/2018 của Văn phòng Trung ương Đảng"
    )
    assert found.hint == "dùng một trong: T/M, K/T, T/L, Q."


def test_authority_lines_each_checked(monthly: str) -> None:
    text = monthly.replace("tham_quyen: T/M ĐẢNG ỦY", "tham_quyen: [T/M ĐẢNG ỦY, KT. BÍ THƯ]")
    assert [d.message for d in warnings(text, "authority-prefix")] == [
        "thẩm quyền ký 'KT.' không dùng trong văn bản theo Hướng dẫn 36-HD/VPTW ngày 03/4/2018"
        " của Văn phòng Trung ương Đảng"
    ]


def test_number_with_another_kind(monthly: str) -> None:
    text = monthly.replace("so: 36", "so: 36-KH/ĐU")
    expect(
        text,
        "number-kind",
        (line_of(text, "so: 36"), 5),
        "số '36-KH/ĐU' ghi loại 'KH' nhưng loai là 'CTr'",
        "chỉ ghi số (so: 36); ký hiệu 'CTr/ĐU' do chương trình tự thêm",
    )


def test_number_with_its_sign_typed(monthly: str) -> None:
    """An error since issue 15: built, the page would read "Số 36-CTr/ĐU-CTr/ĐU"."""
    with pytest.raises(ChuongtrinhError) as raised:
        api.compile_text(monthly.replace("so: 36", "so: 36-CTr/ĐU"), "ct.yaml")
    [found] = [d for d in raised.value.errors if d.code == "number-sign"]
    assert found.message == "số '36-CTr/ĐU' đã có ký hiệu, chương trình sẽ thêm lần nữa"


def test_kind_name_of_another_kind(monthly: str) -> None:
    text = monthly.replace("loai: CTr", "loai: CTr\nten_loai: KẾ HOẠCH HÀNH ĐỘNG")
    expect(
        text,
        "number-kind",
        (line_of(text, "loai: CTr"), 7),
        "loại 'CTr' không khớp tên loại 'KẾ HOẠCH HÀNH ĐỘNG'",
        "tên loại này viết tắt là 'KH': loai: KH",
    )


def test_summary_year_differs_from_date(monthly: str) -> None:
    text = monthly.replace("năm 2023 của Đảng ủy", "năm 2022 của Đảng ủy")
    expect(
        text,
        "summary-year",
        (line_of(text, "trich_yeu"), 12),
        "trích yếu ghi năm 2022 nhưng ngày ban hành là năm 2023",
    )


def test_next_years_program_written_in_december(monthly: str) -> None:
    text = monthly.replace("năm 2023 của Đảng ủy", "năm 2024 của Đảng ủy")
    assert warnings(text.replace("ngay: 2023-02-01", "ngay: 2023-12-20"), "summary-year") == []
    assert len(warnings(text, "summary-year")) == 1


def test_double_space(monthly: str) -> None:
    text = monthly.replace(ITEM, ITEM.replace("các hoạt động", "các  hoạt động"))
    at = (line_of(text, "các  hoạt"), ITEM.index("các") + 4)
    expect(text, "double-space", at, "2 dấu cách liền nhau")


@pytest.mark.parametrize("mark", [",", ".", ";", ":", "?"])
def test_space_before_punctuation(monthly: str, mark: str) -> None:
    typed = f"Tham gia các hoạt động {mark} do Công đoàn tổ chức."
    text = monthly.replace(ITEM, f'      - "{typed}"')
    at = (line_of(text, typed), 10 + typed.index(f" {mark}"))
    expect(text, "space-before-punct", at, f"dấu cách trước dấu '{mark}'")


def test_ellipsis_after_a_space_is_quiet(monthly: str) -> None:
    text = monthly.replace(ITEM, ITEM.replace("tổ chức.", "tổ chức …, kết luận,… ./."))
    assert warnings(text, "space-before-punct") == []


@pytest.mark.parametrize(
    ("typed", "index", "message"),
    [
        ("“Tuần lễ", 0, "dấu mở ngoặc kép “ chưa được đóng bằng ”"),
        ("Tuần lễ”", 7, "dấu đóng ngoặc kép ” không có dấu mở “"),
        ('"Tuần lễ', 0, 'dấu ngoặc kép " chưa được đóng'),
    ],
)
def test_unbalanced_quotes(monthly: str, typed: str, index: int, message: str) -> None:
    text = monthly.replace(ITEM, f"      - 'Tham gia {typed} do Công đoàn tổ chức.'")
    at = (line_of(text, "Tuần lễ"), 10 + len("Tham gia ") + index)
    expect(text, "unbalanced-quote", at, message)


def test_long_item(monthly: str) -> None:
    long = "Tham gia các hoạt động. " * 50
    text = monthly.replace(ITEM, f"      - {long.strip()}")
    expect(
        text,
        "long-item",
        (line_of(text, "Tham gia các hoạt động. Tham"), 9),
        f"mục dài {len(long.strip())} ký tự (quá 1000); có thể nhiều mục đã bị dán thành một",
    )


def test_strict_turns_warnings_into_failures(tmp_path: Path, monthly: str) -> None:
    (tmp_path / "ct.yaml").write_text(monthly.replace("so: 36", "so: 36-KH/ĐU"), encoding="utf-8")
    relaxed = run_cli("validate", "ct.yaml", cwd=tmp_path)
    assert relaxed.returncode == 0 and "cảnh báo [number-kind]" in relaxed.stderr
    assert run_cli("validate", "--strict", "ct.yaml", cwd=tmp_path).returncode == 1


def test_warnings_do_not_stop_a_build(monthly: str) -> None:
    try:
        compiled = api.compile_text(monthly.replace("so: 36", "so: 36-KH/ĐU"), "ct.yaml")
    except ChuongtrinhError as exc:  # pragma: no cover - the assertion below says why
        raise AssertionError(exc.diagnostics) from None
    assert [d.code for d in compiled.warnings] == ["number-kind"]


def test_party_prefix_in_a_state_rule_set(monthly: str) -> None:
    """The State profile (another branch) lists TM., KT., TL., TUQ., Q.: T/M is then wrong."""
    from chuongtrinh.model import lint

    compiled = api.compile_text(monthly, "ct.yaml")
    state = compiled.profile.model_copy(
        update={"authority_prefixes": ("TM.", "KT.", "TL.", "TUQ.", "Q."), "source": "NĐ 30/2020"}
    )
    found = lint.check(compiled.program, state, compiled.located)
    [prefix] = [d for d in found if d.code == "authority-prefix"]
    assert where(prefix) == (line_of(monthly, "tham_quyen"), 15)
    assert prefix.message == "thẩm quyền ký 'T/M' không dùng trong văn bản theo NĐ 30/2020"
    assert prefix.hint == "dùng một trong: TM., KT., TL., TUQ., Q."
