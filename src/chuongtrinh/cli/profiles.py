"""`chuongtrinh profiles`: the rule sets shipped with the tool, their source and dates in force."""

from __future__ import annotations

import typer

from chuongtrinh.cli.common import Format, OutputFormat, app


@app.command("profiles")
def list_profiles(output_format: Format = OutputFormat.text) -> None:
    """Liệt kê các bộ quy tắc thể thức: tên, văn bản quy định, thời gian hiệu lực."""
    import json

    from chuongtrinh import api

    rows = api.profile_table()
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        until = row["den_ngay"] or "nay"
        extends = f"  (mở rộng {row['mo_rong']})" if row["mo_rong"] else ""
        typer.echo(f"{row['ten']}  he_thong: {row['he_thong']}{extends}")
        typer.echo(f"    {row['nguon']}")
        typer.echo(f"    hiệu lực: {row['tu_ngay'] or '?'} → {until}")
