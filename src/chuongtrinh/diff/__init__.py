"""Comparing two revisions of a program: matching, changes, redline blocks, summary."""
