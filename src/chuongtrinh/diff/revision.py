"""Each side of a diff is a YAML file or a git revision of one (`HEAD~1:ct.yaml`), read with
`git cat-file` so the working tree is never touched."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from chuongtrinh import external
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.source.decode import decode, read_text


@dataclass(frozen=True)
class Source:
    """A program's text and the name diagnostics use for it."""

    name: str
    text: str
    revision: str | None = None  # the git revision it was read from
    saved: dt.datetime | None = None  # a working-tree file: when it was last saved


def _trouble(name: str, code: str, message: str, hint: str | None = None) -> ChuongtrinhError:
    return ChuongtrinhError([Diagnostic(name, 1, 1, code, message, hint)])


def git(*args: str, cwd: Path | None = None) -> str:
    """Output of a git command; a ChuongtrinhError when git is missing or fails."""
    return git_bytes(*args, cwd=cwd).decode("utf-8", "replace")


def git_bytes(*args: str, cwd: Path | None = None) -> bytes:
    """Output of a git command as bytes (a file's content is decoded like any input file)."""
    program = external.find("git")
    if program is None:
        raise _trouble("git", "git-missing", "không tìm thấy lệnh git")
    try:
        done = subprocess.run([program, *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise _trouble("git", "git-missing", f"không chạy được git: {exc.strerror}") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        raise _trouble(
            " ".join(args[-1:]) or "git",
            "git-error",
            stderr.splitlines()[-1] if stderr else "git báo lỗi",
        )
    return done.stdout


def _object(revision: str, path: str, cwd: Path | None = None) -> str:
    """`rev:path` with a relative path read from the current folder, as a user types it."""
    if path.startswith(("/", "./", "../")):
        if path.startswith("/"):
            return f"{revision}:{_from_top(path, cwd)}"
        return f"{revision}:{path}"
    return f"{revision}:./{path}"


def _from_top(path: str, cwd: Path | None = None) -> str:
    top = Path(git("rev-parse", "--show-toplevel", cwd=cwd).strip())
    return Path(path).resolve().relative_to(top.resolve()).as_posix()


def read(spec: str) -> Source:
    """A file path, or `REV:PATH` naming a file in a git revision."""
    path = Path(spec)
    if path.is_file():
        return working(path, spec)
    revision, colon, inside = spec.partition(":")
    if not colon or not revision or not inside:
        raise _trouble(spec, "file-not-found", "không tìm thấy tệp", "viết TỆP hoặc REV:TỆP")
    return at_revision(revision, inside)


def working(path: Path, name: str) -> Source:
    """A file of the working tree, with when it was last saved: its edits are that recent."""
    text = read_text(path)
    saved = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)
    return Source(name, text, saved=saved)


def _check_revision(revision: str, name: str) -> None:
    """A revision is never an option to git ('--output=…'), nor holds a line break."""
    if revision.startswith("-") or any(ord(char) < 32 for char in revision):
        raise _trouble(
            name,
            "bad-revision",
            f"'{revision}' không phải tên một bản git",
            "viết tên nhánh, thẻ, mã commit hoặc HEAD~1, ví dụ HEAD~1:ct.yaml",
        )


def _succeeds(*args: str, cwd: Path | None = None) -> bool:
    try:
        git_bytes(*args, cwd=cwd)
    except ChuongtrinhError:
        return False
    return True


def _why_not(revision: str, path: str, name: str, cwd: Path | None) -> ChuongtrinhError:
    """What a clerk needs to hear when `git cat-file` could not read `revision:path`."""
    if not _succeeds("rev-parse", "--git-dir", cwd=cwd):
        return _trouble(
            name,
            "git-error",
            "thư mục hiện tại không nằm trong một kho git, nên không đọc được bản git nào",
            "chạy lệnh trong thư mục của kho git, hoặc so hai tệp: chuongtrinh diff CŨ.yaml MỚI.yaml",
        )
    if not _succeeds(
        "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}", cwd=cwd
    ):
        return _trouble(
            name,
            "git-error",
            f"không có bản '{revision}' trong kho git",
            "xem các bản đã có bằng 'git log --oneline'; HEAD~1 là bản ngay trước bản mới nhất",
        )
    return _trouble(
        name,
        "git-error",
        f"bản '{revision}' không có tệp {path}",
        f"xem các tệp của bản đó bằng 'git ls-tree -r --name-only {revision}'",
    )


def at_revision(revision: str, path: str, cwd: Path | None = None) -> Source:
    """`path` as it was in `revision`, relative to `cwd` (default: the current folder), read
    with `git cat-file` (revision checked first)."""
    name = f"{revision}:{path}"
    _check_revision(revision, name)
    try:
        raw = git_bytes(
            "cat-file", "blob", "--end-of-options", _object(revision, path, cwd), cwd=cwd
        )
    except ChuongtrinhError:
        raise _why_not(revision, path, name, cwd) from None
    return Source(name, decode(raw, name), revision)


def commit_date(revision: str) -> dt.datetime:
    """The committer date of `revision`, in UTC."""
    stamp = git("log", "-1", "--format=%ct", "--end-of-options", revision).strip()
    return dt.datetime.fromtimestamp(int(stamp), dt.UTC)


def user_name() -> str | None:
    """git's user.name, or None."""
    try:
        return git("config", "user.name").strip() or None
    except ChuongtrinhError:
        return None


def pair(
    old: str | None, new: str | None, rev: str | None, file: str | None
) -> tuple[Source, Source]:
    """Both sides from `OLD NEW`, or from `--rev A..B FILE` (`--rev A FILE`: A against the file)."""
    if rev is not None:
        target = file or new or old
        if target is None:
            raise _trouble("--rev", "usage", "--rev cần tên tệp: --rev A..B TỆP")
        first, dots, second = rev.partition("..")
        before = at_revision(first or "HEAD", target)
        after = at_revision(second, target) if dots and second else read(target)
        return before, after
    if old is None or new is None:
        raise _trouble("diff", "usage", "cần hai bản: CŨ MỚI (tệp hoặc REV:TỆP)")
    return read(old), read(new)
