"""Step 1: bytes → text → a YAML tree that remembers where each value stands."""
