"""Memos in the window: the Memos panel (the current document, a label, the selected tag), the
project's Journal window, the undo commands that write them, and File > Export codebook."""
