"""One module per export format; each writes, and reads back where the format allows."""

# Every writer records this beside its offsets. A converted export counts in the converted
# text, so the convention names the text as exported, not the clean text. (No double quotes:
# JSON would escape them, and the sentence should read the same in every file.)
OFFSET_CONVENTION = (
    "Unicode code points, 0-based, end-exclusive, into the text as exported: the document's "
    "clean text, or its conversion when the document's conversion is not 'none'"
)
