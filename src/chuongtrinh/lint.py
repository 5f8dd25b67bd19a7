"""Rules over a validated program and its profile that pydantic cannot express."""

from __future__ import annotations

import datetime as dt

from chuongtrinh.errors import Diagnostic
from chuongtrinh.model import Program
from chuongtrinh.profiles import Profile
from chuongtrinh.source import Located


def _warning(
    located: Located, path: tuple[str, ...], code: str, message: str, hint: str | None = None
) -> Diagnostic:
    diagnostic = located.diagnostic(path, code, message, hint)
    return Diagnostic(
        diagnostic.file, diagnostic.line, diagnostic.col, code, message, hint, severity="warning"
    )


def _not_in_force(profile: Profile, day: dt.date) -> str:
    if profile.in_force_from is not None and day < profile.in_force_from:
        return f"chưa có hiệu lực vào ngày này (từ {profile.in_force_from:%d/%m/%Y})"
    return "không còn hiệu lực vào ngày này"


def check(program: Program, profile: Profile, located: Located) -> list[Diagnostic]:
    """Errors that stop a build and warnings that do not, each at its key's place."""
    found: list[Diagnostic] = []
    if program.kind not in profile.kinds and program.kind_name is None:
        found.append(
            located.diagnostic(
                ("loai",),
                "unknown-kind",
                f"loại văn bản '{program.kind}' không có trong bảng viết tắt của {profile.name}",
                "dùng một trong: " + ", ".join(profile.kinds) + "; hoặc ghi thêm ten_loai",
            )
        )
    abbreviation = program.organization.abbreviation
    if abbreviation in profile.dropped_issuers:
        found.append(
            _warning(
                located,
                ("co_quan", "viet_tat"),
                "dropped-abbreviation",
                f"chữ viết tắt '{abbreviation}' không còn dùng theo {profile.source}",
                "các chữ viết tắt mới: " + ", ".join(profile.issuers),
            )
        )
    day = program.date if isinstance(program.date, dt.date) else dt.date(program.date, 12, 31)
    if not profile.in_force_on(day):
        found.append(
            _warning(
                located,
                ("ngay",),
                "profile-not-in-force",
                f"bộ quy tắc {profile.name} ({profile.source}) {_not_in_force(profile, day)}",
            )
        )
    if not program.is_draft:
        found += _issued_checks(program, located)
    return found


def _issued_checks(program: Program, located: Located) -> list[Diagnostic]:
    """A document that is not a draft should carry a full date, a number and a signer."""
    found = []
    if isinstance(program.date, int):
        found.append(
            _warning(
                located,
                ("ngay",),
                "incomplete-date",
                "văn bản chính thức cần ngày tháng đầy đủ",
                "ghi ngày dạng 2023-02-01, hoặc đặt du_thao: true nếu đây là dự thảo",
            )
        )
    if program.number is None and program.attached_to is None:
        found.append(
            _warning(
                located, ("so",), "missing-number", "văn bản chính thức chưa có số (khóa 'so')"
            )
        )
    if program.signature.name is None:
        found.append(
            _warning(
                located, ("ky",), "missing-signer", "văn bản chính thức chưa có họ tên người ký"
            )
        )
    return found
