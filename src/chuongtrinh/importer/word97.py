"""Old files: a Word 97 .doc converted to .docx by LibreOffice headless; the legacy
Vietnamese fonts (TCVN3 '.Vn…', VNI 'VNI-…') a document uses, found so they can be reported."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from chuongtrinh import external
from chuongtrinh.errors import ChuongtrinhError, Diagnostic

CONVERTED = (".doc", ".odt", ".rtf")  # read through LibreOffice


class LegacyError(ChuongtrinhError):
    """A .doc that cannot be converted (no LibreOffice, or the conversion failed)."""


def _fail(path: Path, code: str, message: str, hint: str | None = None) -> LegacyError:
    return LegacyError([Diagnostic(str(path), 1, 1, code, message, hint)])


def soffice() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return external.find(*external.OFFICE_NAMES)


def doc_to_docx(path: Path, workdir: Path) -> Path:
    """Convert a Word 97 .doc with LibreOffice headless (see `chuongtrinh.external`: a
    profile of its own, a file name that cannot be an option); the .docx lands in `workdir`."""
    program = soffice()
    if program is None:
        raise _fail(
            path,
            "no-libreoffice",
            f"tệp {path.suffix} cần LibreOffice để chuyển sang .docx, nhưng không tìm thấy 'soffice'",
            "cài LibreOffice (apt-get install libreoffice-writer-nogui), hoặc mở tệp bằng Word "
            "và lưu lại dạng .docx",
        )
    try:
        external.convert(program, path, workdir, "docx")
    except (OSError, external.Timeout) as exc:
        raise _fail(
            path, "conversion-failed", f"LibreOffice không chuyển được tệp: {exc}"
        ) from None
    converted = workdir / (path.stem + ".docx")
    if not converted.is_file():
        raise _fail(
            path, "conversion-failed", f"LibreOffice không chuyển được tệp {path.suffix} sang .docx"
        )
    return converted


def legacy_fonts(fonts: Iterable[str]) -> list[str]:
    """The TCVN3 ('.VnTime', '.VnTimeH') and VNI ('VNI-Times') fonts among `fonts`."""
    return sorted({f for f in fonts if f.startswith(".Vn") or f.upper().startswith("VNI")})
