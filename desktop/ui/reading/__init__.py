"""Showing a document: the reader with its two panes (the text and its conversion), keeping
them in step, the entity legend and panel, and the analysis that finds entities and suggested
directives off the GUI thread."""
