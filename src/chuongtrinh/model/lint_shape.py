"""What was typed in a shape the contract accepts but the clerk did not mean: recipients as one
line of text."""

from __future__ import annotations

import re

from chuongtrinh.errors import Diagnostic
from chuongtrinh.source.located import Located

# Where one line of recipients was meant as several.
_SEPARATOR = re.compile(r"[,;]\s*")


def recipients_as_text(located: Located) -> list[str] | None:
    """The recipients meant, when `noi_nhan` was typed as one line of text with commas or
    semicolons between them (the model reads a single string as a list of one)."""
    typed = located.data_at(("noi_nhan",))
    if not isinstance(typed, str) or not _SEPARATOR.search(typed):
        return None
    return [part.strip() for part in _SEPARATOR.split(typed) if part.strip()]


def check(located: Located) -> list[Diagnostic]:
    """Recipients typed as one line of text: an error saying to write a list."""
    meant = recipients_as_text(located)
    if meant is None:
        return []
    listed = "; ".join(f"'- {line}'" for line in meant[:3]) + ("; …" if len(meant) > 3 else "")
    return [
        located.diagnostic(
            ("noi_nhan",),
            "recipients-as-text",
            f"nơi nhận viết thành một dòng nên cả dòng là một nơi nhận ({len(meant)} nơi nhận"
            " bị dồn vào một dòng)",
            f"viết mỗi nơi nhận một dòng riêng, dưới 'noi_nhan:', bắt đầu bằng '- ': {listed}",
        )
    ]
