"""The pipeline run end to end: compile, lay out, write; batch, watch, atomic output."""
