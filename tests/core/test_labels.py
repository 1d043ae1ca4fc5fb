"""Label schemes: the default one, checks with one-line reasons, installing into a project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.labels import (
    BadScheme,
    default_scheme,
    load_scheme,
    parse_scheme,
    scheme_to_json,
    topics_scheme,
)
from desktop.core.store import Store


def test_the_default_scheme_has_keyed_labels_and_the_four_attributes() -> None:
    scheme = default_scheme()
    shortcuts = {label.shortcut: label.name for label, _ in scheme.walk() if label.shortcut}
    assert set("123456789") <= set(shortcuts)
    assert [a.name for a in scheme.attributes] == ["issuer", "addressee", "strength", "deadline"]
    strength = next(a for a in scheme.attributes if a.name == "strength")
    assert strength.kind == "choice" and "mandatory" in strength.values
    children = {parent.name for _, parent in scheme.walk() if parent is not None}
    assert {"部署", "要求", "督查"} <= children  # hierarchical
    # Directive types, not topics: the kinds of instruction a meeting gives.
    assert {"部署", "要求", "禁止", "督查", "时限"} <= set(shortcuts.values())


def test_the_policy_area_scheme_ships_beside_it_with_the_same_attributes() -> None:
    topics = topics_scheme()
    assert "Support measures" in {parent.name for _, parent in topics.walk() if parent}
    assert topics.attributes == default_scheme().attributes


def test_a_scheme_survives_a_json_round_trip() -> None:
    scheme = default_scheme()
    assert parse_scheme(json.loads(json.dumps(scheme_to_json(scheme)))) == scheme


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"labels": {}}, '"labels" must be a list'),
        ({"name": "no labels"}, '"labels" must be a list'),
        ({"labels": [{"color": "#ffffff"}]}, "needs a name"),
        ({"labels": [{"name": "A", "color": "red"}]}, "#rrggbb"),
        ({"labels": [{"name": "A", "shortcut": "1"}, {"name": "B", "shortcut": "1"}]}, "both"),
        ({"labels": [{"name": "A"}, {"name": "A"}]}, "twice"),
        ({"labels": [{"name": "COVID/SARS"}]}, 'label "COVID/SARS": a name cannot contain "/"'),
        ({"labels": [{"name": "A", "children": [{"name": "a/b"}]}]}, 'cannot contain "/"'),
        ({"labels": [{"name": "A"}], "attributes": [{"name": "s", "kind": "choice"}]}, "values"),
        ([1, 2], "JSON object"),
        ({"labels": [{"name": "A\ud800"}]}, "lone surrogate"),
        ({"labels": [{"name": "A", "description": "a\x00b"}]}, "NUL"),
        (
            {"labels": [{"name": "A"}], "attributes": [{"name": "s", "values": ["\udfff"]}]},
            "surrogate",
        ),
    ],
)
def test_a_bad_scheme_is_refused_in_one_line(data: object, reason: str) -> None:
    with pytest.raises(BadScheme, match=reason) as caught:
        parse_scheme(data)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_json_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "scheme.json"
    path.write_text('{"labels": [\n  oops]}', encoding="utf-8")
    with pytest.raises(BadScheme, match="line 2"):
        load_scheme(path)


def test_a_scheme_nested_too_deeply_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "scheme.json"
    path.write_text('{"labels": ' + "[" * 50_000 + "]" * 50_000 + "}", encoding="utf-8")
    with pytest.raises(BadScheme, match="nested too deeply"):
        load_scheme(path)
    label: dict[str, object] = {"name": "leaf"}
    for depth in range(600):
        label = {"name": f"L{depth}", "children": [label]}
    with pytest.raises(BadScheme, match="nested more than"):
        parse_scheme({"labels": [label]})


def test_a_scheme_with_a_huge_number_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "scheme.json"
    path.write_text('{"labels": [{"name": "A", "color": ' + "7" * 5000 + "}]}", encoding="utf-8")
    with pytest.raises(BadScheme, match="digits"):
        load_scheme(path)


def test_installing_a_scheme_twice_adds_its_labels_once(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        scheme = topics_scheme()
        added = store.install_scheme(scheme)
        assert added == sum(1 for _ in scheme.walk())
        assert store.install_scheme(scheme) == 0
        assert store.scheme() == scheme.__class__(
            name=scheme.name, labels=scheme.labels, attributes=scheme.attributes
        )


def test_deleting_a_label_removes_its_sub_labels_and_their_annotations(tmp_path: Path) -> None:
    from desktop.core.model import NewDocument

    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(topics_scheme())
        document = store.add_document(
            NewDocument(
                title="t",
                raw_text="要保障资金",
                clean_text="要保障资金",
                encoding="utf-8",
                script="simplified",
            )
        )
        assert document is not None
        parent = next(label for label in store.labels() if label.name == "Support measures")
        child = next(label for label in store.labels() if label.name == "Funds and finance")
        store.add_annotation(document, child.id, 0, 5)
        assert store.annotations_using_label(parent.id) == 1
        store.delete_label(parent.id)
        assert store.annotations(document) == []
        assert all(label.name != "Funds and finance" for label in store.labels())


def test_a_label_cannot_move_under_its_own_sub_label(tmp_path: Path) -> None:
    from desktop.core.store import StoreError

    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(topics_scheme())
        parent = next(label for label in store.labels() if label.name == "Support measures")
        child = next(label for label in store.labels() if label.name == "Labour")
        with pytest.raises(StoreError, match="under itself"):
            store.update_label(parent.id, parent_id=child.id)
        renamed = store.update_label(child.id, name="Labour and staffing", color="#123456")
        assert (renamed.name, renamed.color) == ("Labour and staffing", "#123456")


def test_two_labels_cannot_share_a_key(tmp_path: Path) -> None:
    from desktop.core.store import StoreError

    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(topics_scheme())
        other = next(label for label in store.labels() if label.name == "Other")
        with pytest.raises(StoreError, match="already belongs"):
            store.update_label(other.id, shortcut="1")


def test_a_scheme_with_no_labels_is_valid_and_installs(tmp_path: Path) -> None:
    scheme = parse_scheme({"name": "空项目", "labels": []})
    assert scheme.labels == ()
    assert parse_scheme(scheme_to_json(scheme)) == scheme
    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(scheme)
        assert store.labels() == []


@pytest.mark.parametrize("shipped", [default_scheme, topics_scheme])
def test_the_shipped_schemes_speak_chinese_for_a_chinese_project(shipped: object) -> None:
    """Every word of a shipped scheme a user reads (its name and description, each label's
    name and description, each attribute's description) is given in Simplified Chinese; the
    keys, colours, shortcuts and attribute names and values stay what the code and exports
    know."""
    assert callable(shipped)
    english, chinese = shipped(), shipped("zh_CN")
    pairs = list(zip(english.walk(), chinese.walk(), strict=True))
    assert [(e.color, e.shortcut) for (e, _), _ in pairs] == [
        (c.color, c.shortcut) for _, (c, _) in pairs
    ]
    words = [chinese.name, chinese.description]
    words += [text for (label, _) in chinese.walk() for text in (label.name, label.description)]
    words += [attribute.description for attribute in chinese.attributes]
    assert all(any("\u4e00" <= c <= "\u9fff" for c in text) for text in words), words
    assert not any(text.startswith(("Arrangement", "Who ", "Any other")) for text in words)
    assert [(a.name, a.label, a.kind, a.values) for a in chinese.attributes] == [
        (a.name, a.label, a.kind, a.values) for a in english.attributes
    ]


def test_a_scheme_chooses_its_words_by_language_and_keeps_its_own_otherwise() -> None:
    data = {
        "name": "Topics",
        "translations": {"zh_CN": {"name": "主题"}},
        "labels": [
            {
                "name": "Labour",
                "description": "jobs",
                "translations": {"zh_CN": {"name": "用工", "color": "#000000"}},
            }
        ],
    }
    chinese = parse_scheme(data, "zh_CN")
    assert (chinese.name, chinese.labels[0].name) == ("主题", "用工")
    assert chinese.labels[0].description == "jobs"  # not translated: the scheme's own
    assert chinese.labels[0].color == "#8d99ae"  # only words are translated
    assert parse_scheme(data).labels[0].name == parse_scheme(data, "fr").labels[0].name == "Labour"
    data["labels"][0]["translations"] = {"zh_CN": {"name": "a/b"}}
    with pytest.raises(BadScheme, match="cannot contain"):
        parse_scheme(data, "zh_CN")  # a translated name is checked like any other


def test_a_project_made_in_chinese_keeps_its_labels_when_the_language_changes(
    tmp_path: Path,
) -> None:
    from desktop.core.store.opening import open_project

    with open_project(tmp_path / "zh.jiyao", language="zh_CN") as store:
        described = {label.name: label.description for label in store.labels()}
        assert described["部署"].startswith("部署：")
        assert store.scheme().name == "指令类型（默认方案）"
    # Opened again (by the command line, or the window in English): nothing is renamed.
    with open_project(tmp_path / "zh.jiyao") as store:
        assert {label.name: label.description for label in store.labels()} == described
    with open_project(tmp_path / "en.jiyao") as store:  # the command line's: the file's words
        assert store.scheme().name == "Directive types (default scheme)"
