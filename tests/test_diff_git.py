"""Both drafts of seed 003 committed to a real git repository: revisions read without checkout,
the redline's author and date from git, and `chuongtrinh text` as git's textconv driver."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from chuongtrinh import api
from helpers.cli import command, run_cli
from helpers.drafts import FIRST, SECOND, drafts_in_git, git
from helpers.revisions import document_xml, resolved_lines

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    drafts_in_git(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_previous_commit_against_the_working_file(repo: Path) -> None:
    result = run_cli("diff", "HEAD~1:ct.yaml", "ct.yaml", "--docx", "thay-doi.docx")
    assert result.returncode == 1
    assert "Chuyển mục (5) từ II.3 sang II.5" in result.stdout
    redline = (repo / "thay-doi.docx").read_bytes()
    assert resolved_lines(redline, accept=True) == api.plain_text(SECOND)
    assert resolved_lines(redline, accept=False) == api.plain_text(FIRST)
    assert 'w:author="Nguyễn Văn Phòng"' in document_xml(redline)


def test_rev_range_reads_both_sides_from_git_and_dates_the_marks_by_the_commit(
    repo: Path,
) -> None:
    (repo / "ct.yaml").write_text("bị sửa dở: [", encoding="utf-8")  # the working file is ignored
    result = run_cli("diff", "--rev", "HEAD~1..HEAD", "ct.yaml", "--docx", "r.docx")
    assert result.returncode == 1 and "Thêm mục (3) vào phần II.2" in result.stdout
    assert 'w:date="2024-03-05T02:30:00Z"' in document_xml((repo / "r.docx").read_bytes())
    assert git(repo, "status", "--porcelain") == " M ct.yaml\n?? r.docx\n"


def test_same_revision_is_no_change(repo: Path) -> None:
    assert run_cli("diff", "--rev", "HEAD..HEAD", "ct.yaml").returncode == 0


def test_unknown_revision_is_trouble_not_a_traceback(repo: Path) -> None:
    result = run_cli("diff", "v9:ct.yaml", "ct.yaml")
    assert (
        result.returncode == 2
        and "[git-error]" in result.stderr
        and "Traceback" not in result.stderr
    )


def test_textconv_driver_makes_git_diff_readable(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.yaml diff=chuongtrinh\n", encoding="utf-8")
    git(repo, "config", "diff.chuongtrinh.textconv", shlex.join(command("text")))
    out = git(repo, "diff", "HEAD~1", "HEAD", "--", "ct.yaml")
    assert "-Dự thảo lần 1" in out and "+Dự thảo lần 2" in out
    assert "+(3) Báo cáo kết quả thực hiện Quy chế dân chủ" in out


def test_a_utf16_revision_diffs_against_its_utf8_copy(repo: Path) -> None:
    text = SECOND.read_text(encoding="utf-8")
    (repo / "ct.yaml").write_bytes(text.encode("utf-16"))
    git(repo, "commit", "-q", "-am", "UTF-16")
    (repo / "ct.yaml").write_text(text, encoding="utf-8")
    result = run_cli("diff", "HEAD:ct.yaml", "ct.yaml")
    assert result.returncode == 0, result.output
    assert run_cli("diff", "--rev", "HEAD~1..HEAD", "ct.yaml").returncode == 0
