"""Changing what is stored about a document: the undo commands, the keys and menus that push
them, the tag panel, the label editor, the tag browser and suggested directives."""
