"""A file in, a YAML file out: .doc conversion, reading, recognising, writing, the report."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError

from chuongtrinh.build.output import Replace, write_atomic
from chuongtrinh.docx.limits import DocxRefused
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.importer import word97 as legacy
from chuongtrinh.importer.emit import report, to_yaml
from chuongtrinh.importer.recognise import Imported, import_document
from chuongtrinh.profiles.loader import load
from chuongtrinh.profiles.models import Profile


def import_path(path: Path, profile: Profile | None = None, system: str = "") -> Imported:
    """Recognise the program in a .docx, or in a .doc converted first."""
    with tempfile.TemporaryDirectory(prefix="ct-import-") as work:
        source = path
        if path.suffix.lower() in legacy.CONVERTED:
            source = legacy.doc_to_docx(path, Path(work))
        try:
            return import_document(source, profile, system)
        except DocxRefused as exc:
            raise exc.under("import-failed") from None
        except (zipfile.BadZipFile, KeyError, PackageNotFoundError) as exc:
            problem = f"không đọc được tệp Word (.docx): {exc}"
        except ValueError as exc:
            problem = str(exc)
        raise ChuongtrinhError([Diagnostic(str(path), 1, 1, "import-failed", problem)])


def import_file(
    path: Path, target: Path, overwrite: bool = False, profile: Path | None = None
) -> list[str]:
    """Write the YAML of `path` to `target`, never over an existing file (a YAML typed by
    hand, the input itself) unless `overwrite`; the report lines to print. A document made
    under a profile file of its own (`profile`) is read with its phrases and names it in
    he_thong, as a path from the YAML's folder."""
    keep = Replace(inputs=(path,), force=overwrite)
    keep.allows(target)
    rules, system = None, ""
    if profile is not None:
        try:  # a file that is read but wrong raises located diagnostics (ChuongtrinhError)
            rules = load(str(profile))
        except (OSError, ValueError) as exc:
            problem = f"tệp bộ quy tắc {profile} không dùng được: {exc}"
            raise ChuongtrinhError(
                [Diagnostic(str(profile), 1, 1, "bad-profile", problem)]
            ) from None
        system = os.path.relpath(profile.resolve(), target.resolve().parent)
    result = import_path(path, rules, system)
    write_atomic(target, to_yaml(result, path.name).encode("utf-8"), keep)
    return report(result)
