"""chuongtrinh: Vietnamese work programs from YAML to .docx, laid out to the administrative rules."""

__version__ = "0.1.0"
