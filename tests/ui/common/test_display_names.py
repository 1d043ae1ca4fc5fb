"""Attribute names the store keeps in English, shown in the interface language wherever the
window lists them (the agreement report, the disagreement review), as the tag panel does."""

from __future__ import annotations

from desktop.core.labels import topics_scheme
from desktop.ui.common.display_names import attribute_captions, shown
from desktop.ui.shell.i18n import install_language


def test_attribute_names_and_choice_values_follow_the_interface_language(qapp: object) -> None:
    specs = topics_scheme().attributes
    try:
        install_language("zh_CN")
        captions = attribute_captions(specs)
        assert captions["issuer"] == "发出者"
        assert shown("directive") != "directive"
    finally:
        install_language("en")
    assert attribute_captions(specs)["issuer"] == "Issuer"
