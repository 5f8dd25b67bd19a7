"""The README's pictures of `chuongtrinh serve`: the index, a programme page and a changes view,
taken in headless Chromium (Debian's `chromium`, started as the tests start it) on a copy of
examples/.

    python docs/serve-screenshots.py        # writes docs/serve-*.png

Look at the programme page beside docs/thang-02-2023.png (LibreOffice's, from docs/render.sh).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "tests"))

from helpers.serving import CHROMIUM, CHROMIUM_ARGS, copy_examples, running  # noqa: E402

SHOTS = {
    "serve-index.png": "",
    "serve-programme.png": "p/thang-02-2023.yaml",
    "serve-changes.png": (
        "changes/tinh-uy-hau-giang-2024-lan-2.yaml?commit=&other=tinh-uy-hau-giang-2024-lan-1.yaml"
    ),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        for server in running(copy_examples(Path(folder))):
            for name, path in SHOTS.items():
                page.goto(server.url + path)
                page.wait_for_selector(".sheet, #programmes")
                page.wait_for_timeout(300)  # the sheets are cut once the fonts are in
                if "changes" in path:  # past the draft marker, to the item added and moved
                    page.locator(".sheet p:has(ins)").nth(1).evaluate(
                        "p => p.scrollIntoView({block: 'center'})"
                    )
                page.screenshot(path=str(DOCS / name))
                print(f"đã tạo docs/{name}")
        browser.close()


if __name__ == "__main__":
    main()
