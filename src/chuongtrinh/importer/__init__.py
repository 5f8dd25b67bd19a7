"""A .docx made in Word (or by this tool, or by pandoc) read back into the YAML contract."""
