"""A file in, a YAML file out: .doc conversion, reading, recognising, writing, the report."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError

from chuongtrinh.build.output import Replace, write_atomic
from chuongtrinh.errors import ChuongtrinhError, Diagnostic
from chuongtrinh.importer import word97 as legacy
from chuongtrinh.importer.emit import report, to_yaml
from chuongtrinh.importer.recognise import Imported, import_document


def import_path(path: Path) -> Imported:
    """Recognise the program in a .docx, or in a .doc converted first."""
    with tempfile.TemporaryDirectory(prefix="ct-import-") as work:
        source = path
        if path.suffix.lower() in legacy.CONVERTED:
            source = legacy.doc_to_docx(path, Path(work))
        try:
            return import_document(source)
        except (zipfile.BadZipFile, KeyError, PackageNotFoundError) as exc:
            problem = f"không đọc được tệp Word (.docx): {exc}"
        except ValueError as exc:
            problem = str(exc)
        raise ChuongtrinhError([Diagnostic(str(path), 1, 1, "import-failed", problem)])


def import_file(path: Path, target: Path, overwrite: bool = False) -> list[str]:
    """Write the YAML of `path` to `target`, never over an existing file (a YAML typed by
    hand, the input itself) unless `overwrite`; the report lines to print."""
    keep = Replace(inputs=(path,), force=overwrite)
    keep.allows(target)
    result = import_path(path)
    write_atomic(target, to_yaml(result, path.name).encode("utf-8"), keep)
    return report(result)
