"""Where an output goes and the one place every file the tool writes is created (`write_atomic`).

Cheap to import, for the CLI's fast paths. The rules every written file follows:
- atomic: a temporary file in the same folder, renamed over the target, so a target is never
  half-written; a temporary left by a killed run is removed by the next write of that target;
- modes: a new file gets the mode the umask gives (0644 under the usual 022), a replaced file
  keeps the mode it had;
- never replaced by accident: with a `Replace` policy, a file the command reads (its input)
  or a file the tool did not make is kept unless the user said `--ghi-de`;
- links: writing to a symbolic link writes the file it points to and keeps the link; a link
  pointing nowhere is refused.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import zlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chuongtrinh.errors import ChuongtrinhError, Diagnostic, ExitCode

# The application name our .docx files carry in docProps/app.xml; Word or LibreOffice write
# their own when they save a file, so a document edited there no longer says it.
APPLICATION = b"<Application>chuongtrinh</Application>"
# A temporary file: `.NAME.PID-HOST.RANDOM.tmp` (HOST a hash of the machine's name), so the
# next run can tell a dead writer's leftover from a file another build is writing right now.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)-(?P<host>[0-9a-f]{8})\.[0-9a-f]{8}\.tmp")
# Where the writer's process cannot be asked (another machine sharing the folder, Windows),
# a temporary this old is a leftover.
_ABANDONED_S = 24 * 3600
_OVERWRITE_HINT = (
    "chọn tên tệp ra khác, chuyển tệp đó đi, hoặc thêm --ghi-de nếu thật sự muốn ghi đè"
)


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


class Refused(ChuongtrinhError):
    """A write that would lose a file: a usage error (exit 2), `--ghi-de` or another name."""

    exit_code = ExitCode.USAGE


def _refuse(where: str | Diagnostic, code: str, message: str, hint: str) -> Refused:
    if isinstance(where, Diagnostic):
        return Refused([Diagnostic(where.file, where.line, where.col, code, message, hint)])
    return Refused([Diagnostic(where, 1, 1, code, message, hint)])


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
    hint = "chỉ dùng tên tệp (có thể kèm thư mục con), không dùng '..' hay đường dẫn tuyệt đối"
    raise _refuse(where if where is not None else text, "unsafe-output", problem, hint)


def made_here(path: Path) -> bool:
    """Whether `path` is a .docx this tool wrote and nobody saved since (Word, LibreOffice)."""
    import zipfile  # only when an output is already there; the CLI's fast paths skip it

    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("docProps/app.xml")
            if info.file_size > 65536:  # ours is 317 bytes; never inflate a bomb to look
                return False
            return APPLICATION in package.read(info)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError, EOFError):
        return False


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


@dataclass(frozen=True)
class Replace:
    """Which existing file a command may replace: never one of its `inputs`, never a file
    `ours` does not recognise (without it: none at all), unless `force` (`--ghi-de`)."""

    inputs: Sequence[Path] = ()
    ours: Callable[[Path], bool] | None = None
    force: bool = False

    def allows(self, target: Path) -> None:
        """Raise when writing `target` would lose a file: before slow work, so as to say it
        at once (write_atomic checks again)."""
        self.check(through_links(target), target)

    def check(self, target: Path, shown: Path) -> None:
        """Raise when writing `target` (named `shown` to the user) would lose a file."""
        if self.force or not os.path.lexists(target):
            return
        if any(_same_file(target, given) for given in self.inputs):
            raise _refuse(
                str(shown),
                "overwrite-input",
                f"tệp ra {shown} cũng là tệp vào của lệnh này; ghi vào sẽ mất tệp vào",
                _OVERWRITE_HINT,
            )
        if self.ours is not None and self.ours(target):
            return
        what = " và không phải tệp .docx do chuongtrinh tạo (có thể đã sửa bằng Word)"
        message = f"tệp {shown} đã có{what if self.ours else ''}; không ghi đè"
        raise _refuse(str(shown), "file-exists", message, _OVERWRITE_HINT)


def through_links(target: Path) -> Path:
    """The file a write to `target` should change: a symbolic link's target, so the link
    stays a link; a link that points nowhere is refused (it might point anywhere later)."""
    if not target.is_symlink():
        return target
    real = Path(os.path.realpath(target))
    if not real.is_file():
        raise _refuse(
            str(target),
            "dangling-link",
            f"{target} là liên kết tới {real}, nơi không có tệp thường nào; không ghi qua liên kết này",
            "xóa liên kết, hoặc cho nó trỏ tới một tệp có sẵn",
        )
    return real


@cache
def _host() -> str:
    """This machine, as 8 hex digits for temporary names."""
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(name.encode()):08x}"


def _alive(pid: int) -> bool:
    """Whether process `pid` of this machine still runs (True when it cannot be told)."""
    if os.name != "posix":
        return True  # os.kill would terminate it on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def remove_leftovers(folder: Path, names: Collection[str]) -> list[Path]:
    """Temporaries of the files `names` in `folder` whose writer died (a killed build):
    removed; only files named by our own pattern, never one a running build is writing."""
    removed = []
    host = _host()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            found = _TEMPORARY.fullmatch(entry.name)
            if (
                found is None
                or found["name"] not in names
                or not entry.is_file(follow_symlinks=False)
            ):
                continue
            ours = found["host"] == host
            if ours and _alive(int(found["pid"])):
                continue
            if not ours and time.time() - entry.stat().st_mtime < _ABANDONED_S:
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _temporary(target: Path, mode: int | None) -> tuple[int, Path]:
    """A new temporary beside `target`, opened for writing. Created with 0o666 so that the
    kernel applies the umask, as for any new file; `mode` (a replaced file's) is set at once."""
    prefix = f".{target.name}.{os.getpid()}-{_host()}."
    while True:
        path = target.parent / f"{prefix}{os.urandom(4).hex()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            handle = os.open(path, flags, 0o600 if mode is not None else 0o666)
        except FileExistsError:
            continue
        if mode is not None:
            os.chmod(path, mode)
        return handle, path


def _mode_of(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return None


def write_atomic(
    target: Path,
    data: bytes,
    replace: Replace | None = None,
    mode: int | None = None,
    clean: bool = True,
) -> Path:
    """Write `data` to `target` (see the module's rules); the path actually written.

    Without `replace` any existing file is replaced (callers that know it is theirs); `mode`
    overrides the mode (a backup keeps its original's); `clean=False` when the caller has
    removed the leftovers already (a batch looks once per folder)."""
    real = through_links(target)
    if replace is not None:
        replace.check(real, target)
    real.parent.mkdir(parents=True, exist_ok=True)
    if clean:
        remove_leftovers(real.parent, {real.name})
    handle, temporary = _temporary(real, mode if mode is not None else _mode_of(real))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return real


def backup_name(path: Path) -> Path:
    """`FILE.bak`, or `FILE.2.bak`, `FILE.3.bak` … : the first name not taken."""
    candidate = path.with_name(f"{path.name}.bak")
    number = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.{number}.bak")
        number += 1
    return candidate


def rewrite(path: Path, data: bytes) -> Path:
    """Replace the content of `path` by `data` (`fix-encoding`), its old bytes first kept in
    `backup_name(path)` with its mode, so a wrong conversion can be undone; the backup."""
    backup = backup_name(path)
    write_atomic(backup, path.read_bytes(), Replace(), mode=os.stat(path).st_mode & 0o777)
    write_atomic(path, data)
    return backup
