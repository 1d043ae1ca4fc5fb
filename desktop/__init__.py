"""Jiyao (纪要): a reader and annotator for Chinese policy and meeting documents."""

__version__ = "0.1.0"
APP_NAME = "Jiyao"
