"""The closing phase: the recipients under 'Nơi nhận' (the archive line last), the signature
block (authority, position, name) and the line on circulation."""

from __future__ import annotations

import re
from typing import Any

from chuongtrinh.importer.reading import Para
from chuongtrinh.importer.state import State
from chuongtrinh.importer.text import DECORATION, pieces

# The line on circulation printed after the signature ("Không phổ biến trên …").
_CIRCULATION = re.compile(r"^(?:Không|KHÔNG)\s+(?:phổ biến|PHỔ BIẾN|được phổ biến)\b")
_BULLET = re.compile(r"^[-–+]\s*")
_SIGNATURE_ROLES = ("authority", "position", "signer", "signing_space")


def read_closing(state: State, paras: list[Para]) -> None:
    """Fill noi_nhan, ky and pham_vi_luu_hanh."""
    phrases = state.phrases
    recipients: list[str] = []
    right: list[tuple[Para, str]] = []
    side = 0
    for para in paras:
        if para.role == "circulation" or _CIRCULATION.match(para.text.strip()):
            state.data["pham_vi_luu_hanh"] = para.text.strip()
            state.guess("pham_vi_luu_hanh", para.text.strip(), "chắc chắn")
            continue
        roles_right = para.role in _SIGNATURE_ROLES
        for column, line in pieces(para, phrases):
            if DECORATION.match(line) and line != "*":
                continue
            if phrases.recipients_label.match(line):
                side = 0
                continue
            if para.auto_label in ("-", "+") and column == -1:
                line = f"- {line}"  # a recipient in a Word (or pandoc) bullet list
            is_signature = roles_right or column == 1 or phrases.authority_line.match(line)
            if not is_signature and _BULLET.match(line) and para.role != "authority":
                recipients.append(_BULLET.sub("", line).rstrip(" ,;."))
                continue
            if not is_signature and side == 0 and recipients and para.role == "recipient":
                recipients[-1] += " " + line.rstrip(" ,;.")
                continue
            side = 1
            right.append((para, line))
    keep = [r for r in recipients if not phrases.archive.match(r)]
    keep += [r for r in recipients if phrases.archive.match(r)]
    if keep != recipients:
        state.guess("noi_nhan", f"dòng '{phrases.archive_label}' chuyển xuống cuối", "chắc chắn")
    if keep:
        state.data["noi_nhan"] = keep
    if right:
        _signature(state, right)


def _signature(state: State, lines: list[tuple[Para, str]]) -> None:
    authority_line = state.phrases.authority_line
    authority = [t for p, t in lines if p.role == "authority" or authority_line.match(t)]
    rest = [(p, t) for p, t in lines if t not in authority]
    sign: dict[str, Any] = {}
    for para, text in rest:
        if para.role == "position" or (
            para.role is None and text == text.upper() and "chuc_vu" not in sign
        ):
            sign["chuc_vu"] = text
        elif para.role == "signer" or (
            para.role is None and not text.startswith("(") and len(text.split()) <= 6
        ):
            sign["ho_ten"] = text
        else:
            state.leave(para, "khối chữ ký", text)
    if not authority:  # a position and a name, or a body alone: no authority line
        state.guess("ky.tham_quyen", "không có dòng thẩm quyền", "khá chắc")
        state.data["ky"] = sign
        return
    state.data["ky"] = {"tham_quyen": authority[0] if len(authority) == 1 else authority, **sign}
