"""`chuongtrinh new`: next month's program from last month's, or a starter file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import (
    EXIT_INVALID,
    EXIT_USAGE,
    OutputFormat,
    OverwriteOption,
    app,
    report,
    require_files,
)


def _starter_names(incomplete: str) -> list[str]:
    from chuongtrinh.scaffold.starters import starter_names

    return [name for name in starter_names() if name.startswith(incomplete)]


@app.command()
def new(
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Chương trình tháng trước (YAML) để làm chương trình tháng sau.",
            metavar="TỆP.yaml",
        ),
    ] = None,
    month: Annotated[
        str | None,
        typer.Option(
            "--thang",
            help="Tháng của chương trình mới, dạng 2023-03 (mặc định: tháng sau tháng của tệp nguồn).",
            metavar="NĂM-THÁNG",
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--nam",
            min=1900,
            max=2200,
            help="Năm của chương trình năm mới (mặc định: năm sau năm của tệp nguồn).",
            metavar="NĂM",
        ),
    ] = None,
    starter: Annotated[
        str | None,
        typer.Option(
            "--mau",
            help="Tạo tệp mẫu có chú thích: dang-thang, dang-nam, nha-nuoc, chi-bo, hoi-nghi, ke-hoach-phu-luc.",
            autocompletion=_starter_names,
        ),
    ] = None,
    keep_items: Annotated[
        bool,
        typer.Option(
            "--giu-muc/--xoa-muc",
            help="Giữ các mục công việc của tháng trước (mặc định: xóa, giữ tiêu đề).",
        ),
    ] = False,
    blank_date: Annotated[
        bool,
        typer.Option(
            "--bo-ngay", help="Để trống ngày, tháng (chỉ ghi năm) cho văn phòng điền sau."
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Tệp YAML sẽ tạo (mặc định: tên tệp nguồn với tháng mới)."
        ),
    ] = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Tạo chương trình mới: từ chương trình kỳ trước (--from) hoặc từ tệp mẫu (--mau)."""
    import datetime as dt

    from chuongtrinh import api
    from chuongtrinh.errors import ChuongtrinhError
    from chuongtrinh.scaffold.next import NextOptions, next_name, next_program
    from chuongtrinh.scaffold.period import Month, ScaffoldError
    from chuongtrinh.scaffold.starters import starter as make_starter
    from chuongtrinh.source.decode import read_text
    from chuongtrinh.source.loader import check_limits

    if (source is None) == (starter is None):
        typer.echo("lỗi [usage] cần đúng một trong hai: --from TỆP.yaml hoặc --mau TÊN", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        period = Month.parse(month) if month else None
        if source is not None:
            require_files([source])
            text = read_text(source)  # a Word file or a TCVN3 text is said as such
            check_limits(text, str(source))  # ruamel.yaml below has no limits of its own
            options = NextOptions(period, year, keep_items=keep_items, blank_date=blank_date)
            moved = next_program(text, options)
            result = moved.text
            target = output or next_name(source, moved)
        else:
            assert starter is not None
            period = period or Month.after(dt.date.today())
            result = make_starter(starter, period)
            target = output or Path(f"{starter}.yaml")
        keep = api.Replace(inputs=(source,) if source is not None else (), force=overwrite)
        api.write_atomic(target, result.encode("utf-8"), keep)
    except ScaffoldError as exc:
        typer.echo(f"lỗi [usage] {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except ChuongtrinhError as exc:
        report(exc.diagnostics, OutputFormat.text)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(f"đã tạo {target}")
    found = api.validate(target)
    report(found, OutputFormat.text)
    raise typer.Exit(EXIT_INVALID if any(d.severity == "error" for d in found) else 0)
