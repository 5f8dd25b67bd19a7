"""Bytes and characters users paste: encodings, BOMs, NFD, legacy TCVN3/VNI, control characters."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from chuongtrinh import api
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.source import decode as source
from chuongtrinh.source import encodings as legacy
from chuongtrinh.source import loader
from helpers.cli import run_cli
from helpers.examples import MONTHLY
from helpers.programs import line_of

TCVN3_SUMMARY = "C«ng t¸c th¸ng 02 n¨m 2023 cña §¶ng ñy"
VNI_SUMMARY = "Coâng taùc thaùng 02 naêm 2023 cuûa Ñaûng uûy"
SUMMARY = "Công tác tháng 02 năm 2023 của Đảng ủy"


@pytest.fixture
def monthly(example_text: dict[str, str]) -> str:
    return example_text[MONTHLY]


def write_bytes(tmp_path: Path, data: bytes, name: str = "ct.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def validate_text(tmp_path: Path, text: str) -> tuple[Path, list[Diagnostic]]:
    path = tmp_path / "ct.yaml"
    path.write_text(text, encoding="utf-8")
    return path, api.validate(path)


def only(found: list[Diagnostic], severity: str = "error") -> Diagnostic:
    [diagnostic] = [d for d in found if d.severity == severity]
    return diagnostic


def test_utf8_with_bom_is_accepted(tmp_path: Path, monthly: str) -> None:
    path = write_bytes(tmp_path, b"\xef\xbb\xbf" + monthly.encode("utf-8"))
    assert api.validate(path) == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_accepted(tmp_path: Path, monthly: str, codec: str) -> None:
    path = write_bytes(tmp_path, monthly.encode(codec))
    assert api.validate(path) == []
    assert api.compile_file(path).program.summary == SUMMARY


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: the letters it has, tones as combining marks."""
    out = b""
    for char in text:
        base, *marks = unicodedata.normalize("NFD", char)
        tries = [char, base + "".join(marks)]
        tries += [unicodedata.normalize("NFC", base + m) + "".join(set(marks) - {m}) for m in marks]
        for attempt in tries:
            try:
                out += attempt.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"{char!r} has no Windows-1258 form")
    return out


def test_windows_1258_is_named(tmp_path: Path, monthly: str) -> None:
    path = write_bytes(tmp_path, cp1258(monthly))
    found = only(api.validate(path))
    text_before = cp1258(monthly).split(b"\n")
    bad_line = next(n for n, line in enumerate(text_before, 1) if not line.isascii())
    assert (found.code, found.line) == ("not-utf8", bad_line)
    assert found.message == (
        "tệp không phải văn bản UTF-8; có vẻ là bảng mã Windows-1258 (tiếng Việt của Windows)"
    )
    assert found.hint is not None and "chuongtrinh fix-encoding" in found.hint
    assert api.fix_encoding(path).changes == [f"tệp 8 bit ({source.WINDOWS_1258}) → UTF-8"]
    assert path.read_text(encoding="utf-8") == monthly


def test_tcvn3_bytes_are_named_and_fixed(tmp_path: Path) -> None:
    # A file whose every line was typed in TCVN3 and saved as 8-bit bytes:
    legacy_file = write_bytes(
        tmp_path, f"trich_yeu: {TCVN3_SUMMARY}\n".encode("latin-1"), "old.yaml"
    )
    found = only(api.validate(legacy_file))
    assert (found.code, found.line, found.col) == ("not-utf8", 1, 13)
    assert found.message.endswith("có vẻ là bảng mã TCVN3 (ABC, phông .VnTime)")
    result = api.fix_encoding(legacy_file)
    assert legacy_file.read_text(encoding="utf-8") == f"trich_yeu: {SUMMARY}\n"
    assert result.changes[-1] == "1 dòng TCVN3 (ABC, phông .VnTime) → Unicode"


@pytest.mark.parametrize(("typed", "name"), [(TCVN3_SUMMARY, "TCVN3"), (VNI_SUMMARY, "VNI")])
def test_legacy_text_pasted_into_utf8(tmp_path: Path, monthly: str, typed: str, name: str) -> None:
    text = monthly.replace(SUMMARY, typed)
    path, found_all = validate_text(tmp_path, text)
    found = only(found_all)
    assert (found.code, found.line, found.col) == (
        "legacy-encoding",
        line_of(text, "trich_yeu"),
        12,
    )
    assert found.message == f"văn bản có vẻ gõ bằng bảng mã {legacy.NAMES[name]}: '{typed}'"
    assert found.hint == f"chạy 'chuongtrinh fix-encoding {path}' để chuyển sang Unicode"
    result = run_cli("fix-encoding", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == monthly
    assert api.validate(path) == []


def test_fix_encoding_leaves_unicode_alone(tmp_path: Path, monthly: str) -> None:
    path = tmp_path / "ct.yaml"
    path.write_text(monthly, encoding="utf-8")
    result = run_cli("fix-encoding", "ct.yaml", cwd=tmp_path)
    assert result.stdout.strip() == "ct.yaml: đã là Unicode, không cần chuyển"
    assert path.read_text(encoding="utf-8") == monthly


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("B¸o c¸o kÕt qu¶ thùc hiÖn NghÞ quyÕt", "Báo cáo kết quả thực hiện Nghị quyết"),
        ("§¶NG ñY V¡N PHßNG", "ĐẢNG ỦY VĂN PHÒNG"),
        ("Ban Tuyªn gi¸o TØnh ñy", "Ban Tuyên giáo Tỉnh ủy"),
        ("BAÙO CAÙO KEÁT QUAÛ", "BÁO CÁO KẾT QUẢ"),
        ("Ñoàng Thaùp, ngaøy 05 thaùng 02 naêm 2023", "Đồng Tháp, ngày 05 tháng 02 năm 2023"),
        ("Thöïc hieän Nghò quyeát", "Thực hiện Nghị quyết"),
    ],
)
def test_legacy_conversion(typed: str, expected: str) -> None:
    encoding = legacy.detect(typed)
    assert encoding is not None
    assert legacy.convert(typed, encoding) == expected


@pytest.mark.parametrize(
    "text",
    ["Ban Tuyên giáo", "Hoà bình, khoá học", "Đảng ủy", "© 2023 Ban Tuyên giáo", "Café", "plain"],
)
def test_unicode_is_not_taken_for_legacy(text: str) -> None:
    assert legacy.detect(text) is None


def test_nfd_text_is_normalised_with_one_warning(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace(SUMMARY, unicodedata.normalize("NFD", SUMMARY))
    text = text.replace("dia_danh: Đồng Tháp", unicodedata.normalize("NFD", "dia_danh: Đồng Tháp"))
    path, found_all = validate_text(tmp_path, text)
    found = only(found_all, "warning")
    assert (found.code, found.line, found.col) == ("nfd-text", line_of(monthly, "dia_danh"), 11)
    assert found.message == (
        "chữ tiếng Việt gõ ở dạng tổ hợp (NFD) (và 1 giá trị khác); đã chuẩn hóa sang dạng dựng"
        " sẵn (NFC)"
    )
    assert api.compile_file(path).program.summary == SUMMARY


def test_control_character_inside_a_value(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("dia_danh: Đồng Tháp", 'dia_danh: "Đồng\\x0bTháp"')
    found = only(validate_text(tmp_path, text)[1])
    assert (found.code, found.line, found.col) == ("control-char", line_of(text, "dia_danh"), 11)
    assert found.message == (
        "ký tự điều khiển U+000B ở vị trí 5 của giá trị; tệp .docx không được chứa ký tự này"
    )
    result = run_cli("build", "ct.yaml", cwd=tmp_path)
    assert result.returncode == 1 and not (tmp_path / "ct.docx").exists()


def test_raw_control_character_is_located(tmp_path: Path, monthly: str) -> None:
    text = monthly.replace("dia_danh: Đồng Tháp", "dia_danh: Đồng\x01Tháp")
    found = only(validate_text(tmp_path, text)[1])
    assert (found.code, found.line, found.col) == ("control-char", line_of(text, "dia_danh"), 15)
    assert found.message == "ký tự điều khiển U+0001 không được phép trong tệp"


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(ChuongtrinhError) as caught:
        loader.loads("a: " + "[" * 5000 + "]" * 5000 + "\n", "x.yaml")
    [found] = caught.value.diagnostics
    assert found.code == "too-deep"
    assert found.message == "các danh sách, bảng khóa lồng nhau quá 64 tầng"


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, monthly: str) -> None:
    path = tmp_path / "ct.yaml"
    path.write_text(monthly, encoding="utf-8")
    monkeypatch.setenv("CHUONGTRINH_MAX_MB", "0.005")
    found = only(api.validate(path))
    assert (found.code, found.line, found.col) == ("too-large", 1, 1)
    size = round(path.stat().st_size / 1024)
    assert found.message == f"tệp quá lớn: {size} KB, giới hạn là 5 KB"
    monkeypatch.delenv("CHUONGTRINH_MAX_MB")
    assert source.max_bytes() == 16 * 1024 * 1024
    assert api.validate(path) == []


def test_unreadable_input_is_a_diagnostic(tmp_path: Path) -> None:
    folder = tmp_path / "ct.yaml"
    folder.mkdir()
    [found] = api.validate(folder)
    assert (found.code, found.line, found.col) == ("cannot-read", 1, 1)
    assert found.message == "không đọc được tệp: đây là thư mục, không phải tệp"
