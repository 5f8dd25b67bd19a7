"""`chuongtrinh serve`: the programmes of a folder in the browser, updated on every save.

The server is `chuongtrinh.serve`, imported inside the command so that `--help` and `build`
never load it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from chuongtrinh.cli.common import EXIT_USAGE, app


def _has_display() -> bool:
    """Whether a browser could open here: always on Windows and macOS; under X11 or Wayland
    elsewhere (not over ssh, not in CI)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@app.command()
def serve(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Thư mục chứa các tệp YAML chương trình (tìm cả trong thư mục con).",
            metavar="THƯ_MỤC",
        ),
    ] = Path("."),
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Cổng (0: một cổng còn trống).")
    ] = 8000,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Không tự mở trình duyệt.")
    ] = False,
) -> None:
    """Xem trước chương trình trong trình duyệt, cập nhật ngay khi lưu; sửa YAML, xem thay đổi."""
    from chuongtrinh.serve.server import Server

    if not folder.is_dir():
        typer.echo(f"{folder}: lỗi [folder-not-found] không tìm thấy thư mục", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        server = Server(folder, port)
    except OSError as exc:  # the port is taken, or not ours to use
        typer.echo(f"lỗi [port] không mở được cổng {port}: {exc.strerror}", err=True)
        typer.echo("    gợi ý: chọn cổng khác, ví dụ --port 8001 (hoặc --port 0)", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    server.watch()
    typer.echo(f"đang phục vụ {folder} tại {server.url} (Ctrl+C để dừng)")
    if not no_browser and _has_display():
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("đã dừng")
    finally:
        server.stopping.set()
        server.server_close()
