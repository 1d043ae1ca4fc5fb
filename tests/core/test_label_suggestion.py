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


def test_the_policy_area_labels_of_a_chinese_project_are_suggested_too() -> None:
    from desktop.core.labels import topics_scheme

    names = [spec.name for spec, _ in topics_scheme("zh_CN").walk()]
    chinese = [Label(number, name, None, "#000000") for number, name in enumerate(names, 1)]
    chosen = suggest_label("各企业要有序复工复产，尽快达产", chinese)
    assert chosen is not None and chosen.name == "复工复产"
