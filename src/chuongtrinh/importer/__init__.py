"""A .docx made in Word (or by this tool, or by pandoc) read back into the YAML contract."""

from chuongtrinh.importer.recognise import Imported, import_document

__all__ = ["Imported", "import_document"]
