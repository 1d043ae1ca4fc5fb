"""Questions asked of the whole corpus: the corpus search with its keyword-in-context table,
tagging its hits, exporting them."""
