"""`chuongtrinh check`: audit a .docx (ours or typed by hand in Word) against a rule set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import (
    EXIT_INVALID,
    Format,
    OutputFormat,
    app,
    require_files,
)


def _profile_names(incomplete: str) -> list[str]:
    from chuongtrinh.profiles import loader as profiles

    names = profiles.builtin_names()
    families = {profiles.load(n).family for n in names}
    return [n for n in sorted(families | set(names) | {"tu-dong"}) if n.startswith(incomplete)]


@app.command()
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Các tệp .docx cần kiểm tra.", show_default=False, metavar="TỆP.docx..."
        ),
    ],
    profile: Annotated[
        str,
        typer.Option(
            "--profile",
            help=(
                "Bộ quy tắc: tu-dong (nhận theo quốc hiệu/tiêu đề Đảng), dang, nha-nuoc"
                " (theo ngày của văn bản), dang-2018, … hoặc đường dẫn tệp .yaml."
            ),
            autocompletion=_profile_names,
        ),
    ] = "tu-dong",
    output_format: Format = OutputFormat.text,
) -> None:
    """Kiểm tra thể thức tệp .docx: khổ giấy, lề, phông, cỡ chữ, số, ngày, nơi nhận, chữ ký."""
    # Straight to the audit, not through `api`: the façade loads the whole build pipeline
    # (a third of a second more per file, and check must stay under 2 s on a real file).
    from chuongtrinh.audit.choice import ProfileNotFound, check_file
    from chuongtrinh.audit.findings import summary
    from chuongtrinh.audit.reading import CheckError
    from chuongtrinh.docx.limits import DocxRefused
    from chuongtrinh.errors import ChuongtrinhError

    require_files(files)
    records = []
    failed = False
    for path in files:
        try:
            result = check_file(path, profile)
        except ProfileNotFound as exc:
            typer.echo(f"lỗi [unknown-profile] {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except CheckError as exc:
            typer.echo(f"{path}: lỗi [unreadable] {exc}", err=True)
            if exc.hint:
                typer.echo(f"    gợi ý: {exc.hint}", err=True)
            failed = True
            continue
        except DocxRefused as exc:  # this file is broken or too big: go on with the others
            for found in exc.diagnostics:
                said = f"{path}: lỗi [unreadable] không đọc được tệp .docx: {found.message}"
                typer.echo(f"{said}\n    gợi ý: {found.hint}", err=True)
            failed = True
            continue
        except ChuongtrinhError as exc:  # the --profile file is broken: the same for every file
            for diagnostic in exc.diagnostics:
                typer.echo(diagnostic.format(), err=True)
            raise typer.Exit(exc.exit_code) from None
        failed |= any(f.severity == "error" for f in result.findings)
        if output_format is OutputFormat.json:
            records.append(
                {
                    "file": str(path),
                    "profile": result.profile.name,
                    "findings": [f.as_dict() for f in result.findings],
                    "summary": summary(result.findings),
                }
            )
            continue
        for finding in result.findings:
            typer.echo(finding.format(str(path)))
        typer.echo(
            f"{path}: {_verdict(summary(result.findings))} (bộ quy tắc {result.profile.name})"
        )
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
    raise typer.Exit(EXIT_INVALID if failed else 0)


def _verdict(counts: dict[str, int]) -> str:
    """'2 lỗi, 1 cảnh báo' (one per rule and element), or 'đúng thể thức'."""
    if not counts["errors"] and not counts["warnings"]:
        return "đúng thể thức"
    return f"{counts['errors']} lỗi, {counts['warnings']} cảnh báo"
