"""Where a .docx goes and how it is written: cheap to import, for the CLI's fast paths."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def default_output(path: Path, output: Path | None) -> Path:
    """`-o` may name the .docx or a folder; without it the .docx goes next to the YAML."""
    if output is None:
        return path.with_suffix(".docx")
    if output.suffix.lower() == ".docx":
        return output
    return output / path.with_suffix(".docx").name


def inside(target: Path, folder: Path) -> bool:
    """Whether `target` stays under `folder` once `..` and symbolic links are resolved."""
    return target.resolve().is_relative_to(folder.resolve())


def write_atomic(target: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so `target` is never half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
