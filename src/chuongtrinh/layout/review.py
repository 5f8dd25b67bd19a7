"""What the page as laid out shows that the YAML alone does not: a body of headings only, a
header line wider than its column (fit.py).

Said as warnings when a programme is built (the page is there to look at), not when it is only
validated: a programme `new` has just made is valid, and is built once it is filled in.
"""

from __future__ import annotations

from chuongtrinh.errors import Diagnostic
from chuongtrinh.layout.blocks import Document
from chuongtrinh.layout.fit import header_warnings
from chuongtrinh.model.body import Section
from chuongtrinh.model.program import Program
from chuongtrinh.profiles.models import Profile
from chuongtrinh.source.located import Located


def review(
    program: Program, profile: Profile, document: Document, located: Located
) -> list[Diagnostic]:
    """The warnings about the page of `program`, laid out as `document`."""
    return header_warnings(document, profile, located) + _empty_body(program, located)


def _has_work(sections: list[Section]) -> bool:
    """Any item or free paragraph in these sections or their sub-sections."""
    return any(
        section.paragraphs or section.items or _has_work(section.sections) for section in sections
    )


def _empty_body(program: Program, located: Located) -> list[Diagnostic]:
    """Sections with titles and no work under any of them: a programme made by `new` and not
    filled in yet is a page of headings only."""
    if not program.body or _has_work(program.body):
        return []
    return [
        located.diagnostic(
            ("noi_dung",),
            "empty-body",
            f"chưa có mục công việc nào: {len(program.body)} phần đều trống (muc: [])",
            "thêm các mục dưới 'muc:' của mỗi phần, mỗi mục một dòng bắt đầu bằng '- ';"
            " phần không có việc thì bỏ đi",
            severity="warning",
        )
    ]
