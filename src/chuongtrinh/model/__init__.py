"""Step 2: the programme model, its validation from the located tree, and lint."""
