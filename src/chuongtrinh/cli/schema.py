"""`chuongtrinh schema`: print the JSON Schema of the YAML (for editors and CI)."""

from __future__ import annotations

import typer

from chuongtrinh.cli.common import app


@app.command()
def schema() -> None:
    """In JSON Schema của tệp YAML (gợi ý khóa và giải thích trong VS Code)."""
    from chuongtrinh.schema import json_text

    typer.echo(json_text(), nl=False)
