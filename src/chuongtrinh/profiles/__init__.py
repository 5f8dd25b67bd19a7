"""Rule sets as data: the profile files, their models and loader, the phrase templates."""
