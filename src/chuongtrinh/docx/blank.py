"""The styled, page-set-up empty document of a rule set, made with python-docx.

python-docx does what it is good at here: the styles part (one paragraph style per layout
role, from the profile), the section (page size, margins, page numbers from page 2) and the
package. The result is taken apart into a `Blank`: the parts that stay the same for every
programme of that rule set, deflated once, and `word/document.xml` with an empty body for the
writer to fill. Only a cache miss imports this module (see `docx/prepared.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from chuongtrinh.docx import oxml, package
from chuongtrinh.docx.package import DOCUMENT_PART, Blank
from chuongtrinh.profiles.models import Drawing, Profile, Style

STYLE_PREFIX = "CT "
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def style_name(role: str) -> str:
    """The Word paragraph style that carries a layout role (e.g. 'CT body')."""
    return STYLE_PREFIX + role


def _apply_style(style: ParagraphStyle, rules: Style, drawing: Drawing) -> None:
    font = style.font
    if rules.size_pt is not None:
        font.size = Pt(rules.size_pt)
    font.bold = bool(rules.bold)
    font.italic = bool(rules.italic)
    font.underline = bool(rules.underline)
    fmt = style.paragraph_format
    fmt.alignment = _ALIGN[rules.align or "left"]
    fmt.first_line_indent = Mm(rules.first_line_mm or 0)
    fmt.space_before = Pt(rules.space_before_pt or 0)
    fmt.space_after = Pt(rules.space_after_pt or 0)
    if rules.line_rule == "at_least" and rules.line_pt:
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        fmt.line_spacing = Pt(rules.line_pt)
    elif rules.line_rule == "exact" and rules.line_pt:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(rules.line_pt)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.keep_with_next = bool(rules.keep_with_next)
    if rules.rule_mm:
        oxml.bottom_rule(style.element.get_or_add_pPr(), rules.rule_pt or drawing.rule_pt)
    if rules.box_mm:
        oxml.box(
            style.element.get_or_add_pPr(), rules.rule_pt or drawing.rule_pt, drawing.box_space_pt
        )


def _setup_styles(document: WordDocument, profile: Profile, roles: Iterable[str]) -> None:
    styles = document.styles
    run_defaults = oxml.default_run_properties(styles.element)
    oxml.set_fonts(run_defaults, profile.font.name)
    oxml.set_language(run_defaults, profile.font.lang)
    defaults = profile.defaults
    oxml.plain_paragraph_defaults(
        styles.element,
        profile.font.size_pt,
        defaults.space_after_pt,
        defaults.line_rule,
        defaults.line_pt,
    )
    normal = styles["Normal"]
    normal.font.name = profile.font.name
    normal.font.size = Pt(profile.font.size_pt)
    oxml.set_fonts(normal.element.get_or_add_rPr(), profile.font.name)
    for role in roles:
        style = styles.add_style(style_name(role), WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _apply_style(style, profile.style(role), profile.drawing)


def _setup_page(document: WordDocument, profile: Profile) -> None:
    page = profile.page
    section = document.sections[0]
    section.page_width = Mm(page.width_mm)
    section.page_height = Mm(page.height_mm)
    section.top_margin = Mm(page.margin_mm.top)
    section.bottom_margin = Mm(page.margin_mm.bottom)
    section.left_margin = Mm(page.margin_mm.left)
    section.right_margin = Mm(page.margin_mm.right)
    section.header_distance = Mm(page.header_mm)
    section.footer_distance = Mm(page.footer_mm)
    # Page numbers from page 2: a first-page header of its own, left empty.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.style = document.styles[style_name("page_number")]
    oxml.page_number_field(header._p)


def make(profile: Profile, roles: tuple[str, ...]) -> Blank:
    """The empty document of `profile` with a paragraph style for each of `roles`."""
    document = docx.Document(package.reference())
    _setup_styles(document, profile, roles)
    _setup_page(document, profile)
    style_ids = {role: document.styles[style_name(role)].style_id for role in roles}
    entries: list[package.Entry] = []
    document_at, head, tail = -1, b"", b""
    for name, data in package.parts(document):
        if name == DOCUMENT_PART:
            document_at = len(entries)
            head, tail = _around_body(data)
        else:
            entries.append(package.deflate(name, data))
    return Blank(tuple(entries), document_at, head, tail, style_ids)


def _around_body(xml: bytes) -> tuple[bytes, bytes]:
    """document.xml up to the body's content, and from its section properties on."""
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    if not xml.startswith(b"<w:sectPr", start):
        raise ValueError("the reference document's body must hold only its section properties")
    return xml[:start], xml[start:]
