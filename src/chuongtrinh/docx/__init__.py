"""Layout blocks → .docx (python-docx, plus the few raw elements it has no API for)."""
