"""Where a .docx goes and how it is written: cheap to import, for the CLI's fast paths."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from chuongtrinh.errors import ChuongtrinhError, Diagnostic


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


def safe_output(folder: Path, name: str | Path, where: Diagnostic | None = None) -> Path:
    """`folder/name` when it stays inside `folder` (symlinks followed); else an error.

    Batch mode takes output names from its input: a name like '../../x.docx', '/etc/x',
    'C:\\x' or a symlink out of the folder must not write anywhere else. `where` is the place
    the name came from, for the diagnostic."""
    text = str(name)
    problem = None
    if not text.strip() or "\x00" in text:
        problem = "tên tệp ra trống hoặc có ký tự không hợp lệ"
    else:
        relative = Path(text.replace("\\", "/"))
        root = folder.resolve()
        target = (root / relative).resolve()
        if relative.is_absolute() or any(":" in part for part in relative.parts[:1]):
            problem = f"tên tệp ra '{text}' là đường dẫn tuyệt đối"
        elif target == root or not inside(target, root):
            problem = f"tệp ra '{text}' nằm ngoài thư mục đích {folder}"
    if problem is None:
        return target
    file, line, col = (where.file, where.line, where.col) if where else (text, 1, 1)
    raise ChuongtrinhError(
        [
            Diagnostic(
                file,
                line,
                col,
                "unsafe-output",
                problem,
                "chỉ dùng tên tệp (có thể kèm thư mục con), không dùng '..' hay đường dẫn tuyệt đối",
            )
        ]
    )


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
