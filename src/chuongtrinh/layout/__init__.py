"""Model + profile → layout blocks."""
