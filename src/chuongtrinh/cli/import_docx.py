"""`chuongtrinh import`: a program made in Word (.docx, or .doc through LibreOffice) → YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import EXIT_USAGE, OverwriteOption, app


@app.command("import")
def import_docx(
    file: Annotated[
        Path, typer.Argument(help="Tệp .docx (hoặc .doc) cần nhập.", metavar="TỆP.docx")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Tệp YAML (hoặc thư mục) ghi ra; mặc định cạnh tệp vào, đuôi .yaml.",
        ),
    ] = None,
    overwrite: OverwriteOption = False,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            help="Tệp bộ quy tắc riêng mà văn bản đã dùng (ví dụ của Đoàn); YAML ghi he_thong"
            " là đường dẫn tới tệp này.",
        ),
    ] = None,
) -> None:
    """Đọc một chương trình soạn bằng Word và viết ra tệp YAML tương ứng (không ghi đè tệp
    YAML đã có, trừ khi thêm --ghi-de)."""
    from chuongtrinh.errors import ChuongtrinhError
    from chuongtrinh.importer.files import import_file

    if not file.is_file():
        typer.echo(f"{file}: lỗi [file-not-found] không tìm thấy tệp", err=True)
        raise typer.Exit(EXIT_USAGE)
    target = output or file.with_suffix(".yaml")
    if target.is_dir():
        target = target / file.with_suffix(".yaml").name
    try:
        lines = import_file(file, target, overwrite, profile)
    except ChuongtrinhError as exc:
        for diagnostic in exc.diagnostics:
            typer.echo(diagnostic.format(), err=True)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(f"đã tạo {target}")
    for line in lines:
        typer.echo(line)
