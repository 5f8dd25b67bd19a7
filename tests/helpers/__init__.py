"""What the tests share, so that no test module imports another.

- `examples`: where the checkout, the examples and the seeds are; the examples' names; `Built`.
- `cli`: the one way to run `chuongtrinh ARGS…` (in this process), and a real process beside it
  for what only a process shows (the entry point, SIGKILL, a fresh interpreter).
- `programs`: programs made up for a test (a small base, a big one) and finding lines in them.
- `wordprops`: formatting read back from a .docx as Word resolves it.
- `revisions`, `table_drafts`, `odf_changes`: a redline's two sides, the table drafts diffed,
  and LibreOffice's view of them; `office`: LibreOffice, poppler and pandoc when installed.
- `handmade`, `importing`: documents typed in Word by hand, and importing them back.
"""
