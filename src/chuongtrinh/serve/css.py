"""A rule set's paragraph styles as CSS, drawn the way Word draws them: one class per role.

Everything here comes from the profile, as in the .docx writer: sizes, emphasis, alignment,
first-line indents, spacing, line rules, the short rules and boxes, table borders and padding.
Capitals are not styled: the layout already wrote them (`caps` roles), as the .docx holds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from chuongtrinh.profiles.models import Page, Profile, Style

# Fonts with the same metrics as the ones Word documents name, so lines break alike where
# Microsoft's fonts are not installed (Debian: fonts-liberation2; ChromeOS: Tinos, Arimo).
METRIC_TWINS = {
    "Times New Roman": ("Liberation Serif", "Tinos"),
    "Arial": ("Liberation Sans", "Arimo"),
    "Courier New": ("Liberation Mono", "Cousine"),
}
# Word's single line for Times New Roman (and its twins): ascent + descent + line gap.
SINGLE_LINE = 1.15


def role_class(role: str) -> str:
    """The CSS class of a layout role ('r-heading_1'); roles are code's names, kept to [a-z0-9_]."""
    return "r-" + re.sub(r"[^a-z0-9_]", "_", role.lower())


def font_stack(name: str) -> str:
    families = (name, *METRIC_TWINS.get(name, ()))
    return ", ".join(f'"{family}"' for family in families) + ", serif"


def _line_height(rule: str | None, line_pt: float | None) -> str:
    if rule == "exact" and line_pt:
        return f"{line_pt:g}pt"
    if rule == "at_least" and line_pt:
        return f"max({line_pt:g}pt, {SINGLE_LINE}em)"
    return f"{SINGLE_LINE}"


def _declarations(style: Style, profile: Profile) -> list[str]:
    drawn = bool(style.rule_mm or style.box_mm)
    # Word adds the space after one paragraph to the space before the next; CSS margins would
    # collapse into the larger one, so spacing is padding, except round a drawn line or box,
    # which Word draws inside the spacing.
    space = "margin" if drawn else "padding"
    out = [
        f"font-size: {style.size_pt or profile.font.size_pt:g}pt",
        f"font-weight: {'bold' if style.bold else 'normal'}",
        f"font-style: {'italic' if style.italic else 'normal'}",
        f"text-decoration: {'underline' if style.underline else 'none'}",
        f"text-align: {style.align or 'left'}",
        f"text-indent: {style.first_line_mm or 0:g}mm",
        f"{space}-top: {style.space_before_pt or 0:g}pt",
        f"{space}-bottom: {style.space_after_pt or 0:g}pt",
        f"line-height: {_line_height(style.line_rule, style.line_pt)}",
    ]
    thickness = style.rule_pt or profile.drawing.rule_pt
    if style.box_mm:  # the State draft marker: a box against the right margin
        out += [
            f"width: min({style.box_mm:g}mm, 100%)",
            "margin-left: auto",
            f"border: {thickness:g}pt solid",
            f"padding: {profile.drawing.box_space_pt}pt",
            "box-sizing: border-box",
        ]
    elif style.rule_mm:  # a short centred line under the paragraph
        out += [
            f"width: min({style.rule_mm:g}mm, 100%)",
            "margin-left: auto",
            "margin-right: auto",
            f"border-bottom: {thickness:g}pt solid",
        ]
    if style.keep_with_next:
        out.append("break-after: avoid")
    return out


def page_variables(page: Page) -> str:
    """The sheet's size and margins as CSS custom properties (a `style` attribute's text)."""
    margins = page.margin_mm
    values = {
        "page-width": page.width_mm,
        "page-height": page.height_mm,
        "margin-top": margins.top,
        "margin-bottom": margins.bottom,
        "margin-left": margins.left,
        "margin-right": margins.right,
        "header-distance": page.header_mm,
    }
    return "; ".join(f"--{name}: {value:g}mm" for name, value in values.items())


def stylesheet(profile: Profile, roles: Iterable[str], scope: str) -> str:
    """CSS for the paragraphs of `roles` and the tables, under the selector `scope`."""
    font = profile.font
    defaults = profile.defaults
    table = profile.table
    rules = [
        f"{scope} {{ font-family: {font_stack(font.name)}; font-size: {font.size_pt:g}pt; }}",
        f"{scope} p {{ margin: 0; padding: 0 0 {defaults.space_after_pt:g}pt 0; "
        f"line-height: {_line_height(defaults.line_rule, defaults.line_pt)}; }}",
        f"{scope} table.items {{ border-collapse: collapse; }}",
        f"{scope} table.items td, {scope} table.items th {{ border: {table.border_pt:g}pt solid; "
        f"padding: 0 {table.padding_mm:g}mm; }}",
    ]
    for role in sorted(set(roles)):
        body = "; ".join(_declarations(profile.style(role), profile))
        rules.append(f"{scope} p.{role_class(role)} {{ {body}; }}")
    return "\n".join(rules)
