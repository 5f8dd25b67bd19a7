"""`chuongtrinh schema`: print the JSON Schema of the YAML (for editors and CI)."""

from __future__ import annotations

from typing import Annotated

import typer

from chuongtrinh.cli.common import app


@app.command()
def schema(
    profile: Annotated[
        bool,
        typer.Option("--bo-quy-tac", help="In JSON Schema của tệp bộ quy tắc riêng (--profile)."),
    ] = False,
) -> None:
    """In JSON Schema của tệp YAML (gợi ý khóa và giải thích trong VS Code)."""
    from chuongtrinh.schema import json_text

    typer.echo(json_text(profile), nl=False)
