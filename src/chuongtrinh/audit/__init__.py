"""`chuongtrinh check`: audit a .docx against a rule set."""
