"""Bringing files into the project and writing it out: the corpus import, annotated sets in
and the Export dialog, each run in the background with progress and a report."""
