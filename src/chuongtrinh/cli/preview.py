"""`chuongtrinh preview`: build and look at the pages (PDF, PNG) without Word."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import (
    EXIT_INVALID,
    Files,
    OutputFormat,
    app,
    report,
    require_files,
)


def _document(path: Path) -> bytes:
    """The .docx to look at: a program built (its warnings printed), or a .docx as it is."""
    from chuongtrinh import api
    from chuongtrinh.source.decode import read_bytes

    if path.suffix.lower() == ".docx":
        from chuongtrinh.docx.untrusted import read_parts

        raw = read_bytes(path)
        read_parts(raw, str(path))  # LibreOffice gets no zip bomb either
        return raw
    compiled = api.compile_file(path)
    report(compiled.warnings, OutputFormat.text)
    return api.render(compiled)


@app.command()
def preview(
    files: Files,
    png: Annotated[
        bool, typer.Option("--png", help="Tạo thêm ảnh PNG của từng trang (cần pdftoppm).")
    ] = False,
    only_png: Annotated[
        bool, typer.Option("--chi-png", help="Chỉ giữ ảnh PNG, không giữ tệp PDF.")
    ] = False,
    pages: Annotated[
        int | None,
        typer.Option("--trang", min=1, help="Chỉ tạo ảnh của N trang đầu (1: một ảnh TÊN.png)."),
    ] = None,
    dpi: Annotated[int, typer.Option("--dpi", min=30, max=600, help="Độ phân giải ảnh PNG.")] = 100,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Thư mục ghi PDF/PNG (mặc định: cạnh tệp YAML)."),
    ] = None,
) -> None:
    """Tạo bản xem trước PDF (và ảnh PNG) bằng LibreOffice, không cần mở Word; nhận tệp YAML
    (tạo .docx rồi xem) hoặc tệp .docx (xem nguyên như vậy)."""
    from chuongtrinh.errors import ChuongtrinhError
    from chuongtrinh.preview import PreviewError
    from chuongtrinh.preview import preview as make_preview

    require_files(files)
    failed = False
    for path in files:
        try:
            document = _document(path)
        except ChuongtrinhError as exc:
            report(exc.diagnostics, OutputFormat.text)
            failed = True
            continue
        try:
            written = make_preview(
                document,
                path.stem,
                output or path.parent,
                png=png or only_png,
                dpi=dpi,
                pages=pages,
                keep_pdf=not only_png,
            )
        except PreviewError as exc:
            typer.echo(f"lỗi [preview] {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        for target in written:
            typer.echo(f"đã tạo {target}")
    raise typer.Exit(EXIT_INVALID if failed else 0)
