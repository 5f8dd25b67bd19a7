"""The command line: options in, an `api` call, diagnostics out. Nothing else lives here.

Each command is a module of this package that registers itself on `app`; the modules are
found at start-up, so adding a command is adding a file. Command modules import the heavy
parts (api, python-docx, jinja2) inside their functions, so `--help` stays fast.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import NoReturn

import typer

from chuongtrinh.cli import _plugins
from chuongtrinh.cli.common import app, localise_commands, only_command
from chuongtrinh.errors import ExitCode

_plugins.turn_off()  # before any pydantic model is built (no command module builds one)

# The command modules are the .py files of this folder (pkgutil's scan costs ~5 ms to import).
for _name in sorted(os.listdir(os.path.dirname(__file__))):
    if _name.endswith(".py") and not _name.startswith("_") and _name != "common.py":
        importlib.import_module(f"{__name__}.{_name[:-3]}")
localise_commands()


def main() -> NoReturn:
    """Entry point: no Python traceback reaches the user, whatever happens."""
    # A command runs once and exits: the cyclic collector's passes over what importing
    # pydantic, Jinja and PyYAML creates cost ~4% of a cold build and free nothing.
    # `build --watch`, which lives on, turns it back on.
    gc.disable()
    only_command(sys.argv[1:])
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("đã dừng", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except Exception as exc:  # a bug of ours: say so plainly, without a traceback
        typer.echo(f"lỗi nội bộ [internal-error] {type(exc).__name__}: {exc}", err=True)
        typer.echo("vui lòng báo lỗi này kèm lệnh và tệp (YAML hoặc .docx) đã dùng", err=True)
        sys.exit(ExitCode.INTERNAL)
    sys.exit(ExitCode.OK)
