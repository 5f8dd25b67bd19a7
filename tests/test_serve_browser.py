"""`chuongtrinh serve` in a real headless Chromium (Debian's `chromium`, driven by Playwright's
Python client; Playwright never downloads a browser of its own here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chuongtrinh import api
from chuongtrinh.serve.server import Server
from helpers.drafts import drafts_in_git
from helpers.examples import ALL_EXAMPLES, ANNEXED, MONTHLY, YEARLY
from helpers.revisions import document_xml
from helpers.serving import CHROMIUM, CHROMIUM_ARGS, copy_examples, running

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason="no Chromium: apt-get install chromium (CI installs it from .ci/run)",
    ),
]
# How long a page may take to show what a test waits for: a guard against hanging, not a measure.
WAIT_MS = 15_000
MONTHLY_FILE = f"{MONTHLY}.yaml"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, errors  # no script error on any page a test opened


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Server]:
    yield from running(copy_examples(tmp_path))


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the tests that only read."""
    yield from running(copy_examples(tmp_path_factory.mktemp("shared")))


def _open(page: Any, server: Server, path: str) -> None:
    page.goto(server.url + path)
    page.wait_for_selector(".sheet", timeout=WAIT_MS)


def test_index_lists_the_examples(page: Any, shared: Server) -> None:
    page.goto(shared.url)
    links = page.locator("#programmes a").all_inner_texts()
    assert sorted(links) == sorted(f"{name}.yaml" for name in ALL_EXAMPLES)
    row = page.locator("#programmes tr", has_text=MONTHLY_FILE).inner_text()
    assert "Công tác tháng 02 năm 2023 của Đảng ủy" in row and "hợp lệ" in row


def test_index_follows_a_new_programme_without_reload(page: Any, served: Server) -> None:
    page.goto(served.url)
    page.evaluate("window.stillHere = true")
    text = (served.workspace.root / MONTHLY_FILE).read_text(encoding="utf-8")
    (served.workspace.root / "thang-03").mkdir()
    new = text.replace("Công tác tháng 02 năm 2023", "Công tác tháng 3 năm 2023")
    (served.workspace.root / "thang-03" / "ct.yaml").write_text(new, encoding="utf-8")
    page.wait_for_selector("#programmes a >> text=thang-03/ct.yaml", timeout=WAIT_MS)
    assert page.evaluate("window.stillHere") is True
    assert "Công tác tháng 3 năm 2023" in page.inner_text("#programmes")


def test_programme_page_shows_title_and_sections(page: Any, shared: Server) -> None:
    page.goto(shared.url)
    page.click(f"text={MONTHLY_FILE}")
    page.wait_for_selector(".sheet", timeout=WAIT_MS)
    sheets = page.locator(".sheet")
    first = sheets.first.inner_text()
    assert "CHƯƠNG TRÌNH" in first and "Công tác tháng 02 năm 2023 của Đảng ủy" in first
    everything = page.locator("#preview").inner_text()
    assert "1. Công tác giáo dục chính trị tư tưởng." in everything
    assert "2. Lãnh đạo đảng viên thực hiện nhiệm vụ." in everything
    assert sheets.count() >= 2  # A4 sheets, the page number on the second
    assert sheets.nth(1).locator(".page-number").get_attribute("data-n") == "2"
    box = sheets.first.bounding_box()
    assert round(box["width"] / 96 * 25.4) == 210 and round(box["height"] / 96 * 25.4) == 297


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_preview_text_in_the_browser_is_the_docx_text(page: Any, shared: Server, name: str) -> None:
    _open(page, shared, f"p/{name}.yaml")
    shown = page.evaluate("Paginate.text(document.querySelector('#preview'))")
    assert shown == api.plain_text(shared.workspace.root / f"{name}.yaml")


def test_an_annex_is_on_landscape_sheets_numbered_on(page: Any, shared: Server) -> None:
    _open(page, shared, f"p/{ANNEXED}.yaml")
    flows = page.locator("section.flow")
    assert flows.count() == 2  # the body, then the annex's section
    body_sheets = flows.nth(0).locator(".sheet")
    annex_sheets = flows.nth(1).locator(".sheet")
    assert flows.nth(1).get_attribute("data-orientation") == "landscape"
    box = annex_sheets.first.bounding_box()
    assert round(box["width"] / 96 * 25.4) == 297 and round(box["height"] / 96 * 25.4) == 210
    first_annex = annex_sheets.first.locator(".page-number").get_attribute("data-n")
    assert first_annex == str(body_sheets.count() + 1)  # page numbers go on
    assert "PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC" in annex_sheets.first.inner_text()
    # the two-row header: 'Người thực hiện' over two columns, the others down both rows
    head = annex_sheets.first.locator("thead").first
    assert head.locator("th[colspan='2']").inner_text() == "Người thực hiện"
    assert head.locator("th[rowspan='2']").count() == 5
    # a date merged down three rows is one cell
    assert annex_sheets.first.locator("td[rowspan='3']", has_text="Trước ngày 29/5/2026").count()
    assert annex_sheets.count() >= 2 and annex_sheets.nth(1).locator("thead[data-repeat]").count()


def test_a_save_updates_the_open_page_without_reload(page: Any, served: Server) -> None:
    _open(page, served, f"p/{MONTHLY_FILE}")
    page.evaluate("window.stillHere = true")
    target = served.workspace.root / MONTHLY_FILE
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("so: 36", "so: 99"), encoding="utf-8")  # an editor's save
    page.wait_for_selector(".sheet >> text=Số 99-CTr/ĐU", timeout=WAIT_MS)
    assert page.evaluate("window.stillHere") is True
    assert "so: 99" in page.input_value("#yaml")


def test_editing_in_the_page_saves_the_file(page: Any, served: Server) -> None:
    _open(page, served, f"p/{MONTHLY_FILE}")
    target = served.workspace.root / MONTHLY_FILE
    edited = page.input_value("#yaml").replace("Công tác tháng 02", "Công tác tháng Hai")
    page.fill("#yaml", edited)
    page.click("#save")
    page.wait_for_selector("#save-status.ok", timeout=WAIT_MS)
    assert target.read_text(encoding="utf-8") == edited
    page.wait_for_selector(".sheet >> text=Công tác tháng Hai năm 2023", timeout=WAIT_MS)


def test_saving_over_a_change_made_elsewhere_is_refused(page: Any, served: Server) -> None:
    _open(page, served, f"p/{MONTHLY_FILE}")
    target = served.workspace.root / MONTHLY_FILE
    page.fill("#yaml", page.input_value("#yaml").replace("so: 36", "so: 37"))
    elsewhere = target.read_text(encoding="utf-8").replace("so: 36", "so: 40")
    target.write_text(elsewhere, encoding="utf-8")
    page.wait_for_selector(".sheet >> text=Số 40-CTr/ĐU", timeout=WAIT_MS)
    page.click("#save")
    page.wait_for_selector("#save-status.error", timeout=WAIT_MS)
    assert "tệp đã bị sửa ở nơi khác" in page.inner_text("#save-status")
    assert target.read_text(encoding="utf-8") == elsewhere


def test_a_yaml_error_shows_its_message_and_line(page: Any, served: Server) -> None:
    _open(page, served, f"p/{MONTHLY_FILE}")
    target = served.workspace.root / MONTHLY_FILE
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("dia_danh: Đồng Tháp", "dia_danh: Đồng Tháp: tỉnh"), "utf-8")
    (expected,) = api.validate(target)
    page.wait_for_selector("#diagnostics li.error", timeout=WAIT_MS)
    shown = page.inner_text("#diagnostics")
    assert f"{MONTHLY_FILE}:{expected.line}:{expected.col}" in shown
    assert expected.message in shown and expected.hint
    advice, quoted, caret = expected.hint.split("\n")  # what to do, the line, a caret under it
    assert f"gợi ý: {advice}" in shown
    assert page.inner_text("#diagnostics .excerpt") == f"{quoted}\n{caret}"
    assert page.inner_text("#state") == "có lỗi"
    assert page.locator(f"#gutter span.error >> text={expected.line}").count() == 1
    # the last good preview stays, dimmed
    assert page.locator("#preview.stale .sheet").count() >= 1


def test_a_warning_is_marked_on_its_paragraph(page: Any, shared: Server) -> None:
    _open(page, shared, f"p/{YEARLY}.yaml")
    flagged = page.locator("#preview p.flag.warning")  # one paragraph, perhaps over two sheets
    assert flagged.evaluate_all("ps => new Set(ps.map(p => p.dataset.key)).size") == 1
    assert "Sơ kết 5 năm thực hiện Kết luận số 49-KL/TW" in flagged.first.inner_text()
    assert "dấu mở ngoặc kép" in page.inner_text("#diagnostics")


def test_download_gives_the_bytes_build_makes(page: Any, shared: Server, tmp_path: Path) -> None:
    _open(page, shared, f"p/{MONTHLY_FILE}")
    with page.expect_download() as waiting:
        page.click("#download")
    download = waiting.value
    assert download.suggested_filename == "thang-02-2023.docx"
    built = api.build(shared.workspace.root / MONTHLY_FILE, tmp_path / "built.docx")
    assert Path(download.path()).read_bytes() == built.output.read_bytes()


def test_changes_view_shows_insertions_and_deletions(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709605800")
    folder = tmp_path / "kho"
    folder.mkdir()
    drafts_in_git(folder)
    for server in running(folder):
        page.goto(server.url + "p/ct.yaml")
        page.click("text=Thay đổi")
        page.select_option("select[name=commit]", index=2)  # the older commit: draft 1
        page.click("text=So sánh")
        page.wait_for_selector(".sheet", timeout=WAIT_MS)
        assert page.inner_text(".sheet del >> nth=0") == "1"
        assert page.inner_text(".sheet ins >> nth=0") == "2"
        assert page.locator(".sheet ins.move").count() >= 1
        assert page.locator(".sheet del.move").count() >= 1
        summary = page.inner_text("#summary")
        assert "- Thêm mục (3) vào phần II.2;" in summary
        with page.expect_download() as waiting:
            page.click("text=Tải .docx có theo dõi thay đổi")
        assert waiting.value.suggested_filename == "ct-thay-doi.docx"
        xml = document_xml(Path(waiting.value.path()).read_bytes())
        assert "<w:ins " in xml and "<w:del " in xml and "<w:moveFrom " in xml
