"""Where profile and template files may come from (docs/security.md).

A profile is data from whoever wrote it, often the author of a pull request: the folders and
files it names stay inside its own folder; a profile a programme names stays inside the
programme's repository or a folder the user configured; nothing is read under /proc, /dev or
/sys, and only regular files are read (a FIFO or a device would hang or never end)."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

# Folders the user trusts for profiles named by programmes, separated like PATH.
SETTING = "CHUONGTRINH_PROFILE_DIRS"
_SPECIAL = tuple(Path(p) for p in ("/proc", "/dev", "/sys"))


def real(path: Path) -> Path:
    """The path with every symlink followed (whether or not it exists)."""
    return Path(os.path.realpath(path))


def within(path: Path, root: Path) -> bool:
    """Whether `path`, symlinks followed, is `root` or inside it (and not a special folder)."""
    target, top = real(path), real(root)
    return not special(target) and (target == top or top in target.parents)


def special(path: Path) -> bool:
    """Whether a real path lies in a kernel folder (/proc, /dev, /sys): never a profile."""
    return any(path == folder or folder in path.parents for folder in _SPECIAL)


def relative_problem(value: str) -> str | None:
    """Why a path written in a profile may not be used (it must stay in the profile's folder)."""
    posix, windows = PurePosixPath(value), PureWindowsPath(value)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or value.startswith("~"):
        return "đường dẫn tuyệt đối"
    if ".." in posix.parts or ".." in windows.parts:
        return "đường dẫn có '..'"
    return None


def regular_file(path: Path) -> bool:
    """Whether `path` (symlinks followed) is an ordinary file, not a folder, FIFO or device."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def repository(program: Path) -> Path:
    """The programme's repository: the git work tree holding it, or else its own folder.

    The path is made absolute without following symlinks: a programme linked in from
    elsewhere still belongs to the repository it is linked into."""
    folder = Path(os.path.abspath(program)).parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def configured() -> tuple[Path, ...]:
    """The folders named by CHUONGTRINH_PROFILE_DIRS, in order."""
    value = os.environ.get(SETTING, "")
    return tuple(Path(p).expanduser() for p in value.split(os.pathsep) if p.strip())


def trusted_roots(program: Path) -> tuple[Path, ...]:
    """Where a profile named by `program` may lie: its repository, then the configured folders."""
    return (repository(program), *configured())
