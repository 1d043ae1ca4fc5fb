"""The corpus column: the project's documents as a lazily fetched model, the list that filters
them, and what its context menu does (edit details, delete undoably)."""
