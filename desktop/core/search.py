"""Finding text in either script: a query in one script finds the other too (复工 → 復工)."""

from __future__ import annotations

from desktop.core.conversion import converter

# Simplified, OpenCC standard, Taiwan and Hong Kong forms cover the variants documents use.
_VARIANT_CONFIGS = ("t2s", "s2t", "s2tw", "s2hk")


def script_variants(query: str) -> list[str]:
    """The query and its forms in the other script and standards, without repeats, in order."""
    variants = [query]
    for config in _VARIANT_CONFIGS:
        form = converter(config).convert(query).text
        if form not in variants:
            variants.append(form)
    return variants
