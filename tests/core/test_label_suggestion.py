"""A suggested directive gets the label its words point to."""

from desktop.core.label_suggestion import suggest_label
from desktop.core.model import Label

LABELS = [
    Label(1, "Epidemic control"),
    Label(2, "Resumption of work and production"),
    Label(3, "Funds and finance"),
]


def test_the_label_with_most_keywords_wins() -> None:
    assert suggest_label("要做好疫情防控和健康监测", LABELS) == LABELS[0]
    assert suggest_label("要解决好企业资金问题,做到不断贷", LABELS) == LABELS[2]


def test_traditional_text_is_compared_in_simplified() -> None:
    assert suggest_label("分批有序推動企業復工復產", LABELS) == LABELS[1]


def test_no_keyword_gives_no_label() -> None:
    assert suggest_label("要弄清形势,把握大势", LABELS) is None
