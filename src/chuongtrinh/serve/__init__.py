"""`chuongtrinh serve`: the programmes of a folder in the browser, updated on every save.

html.py and css.py draw the layout blocks (the ones the .docx writer reads) as A4 sheets;
workspace.py finds and compiles the programmes under the folder, and is the only place a name
from the browser becomes a path; changes.py compares revisions; live.py watches the folder and
tells the open pages; server.py is the HTTP side (standard library only); pages.py fills the
templates in assets/. Imported only by the `serve` command, so `build` and `--help` never load it.
"""
