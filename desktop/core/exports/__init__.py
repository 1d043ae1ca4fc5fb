"""One module per export format; each writes, and reads back where the format allows."""

OFFSET_CONVENTION = "Unicode code points into the clean text, 0-based, end-exclusive"
