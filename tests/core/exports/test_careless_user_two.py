"""What a careless user met on the command line (issues 13 and 21, second round): each test
failed before its fix."""

from __future__ import annotations

from pathlib import Path

from desktop.core.corpus import export_folder_reason
from desktop.core.exports.formats import annotated_set_format, export_project, read_annotated_set
from desktop.core.exports.importing import store_annotated_set
from desktop.core.labels import default_scheme
from desktop.core.store import Store


def test_an_empty_brat_export_is_read_back_as_its_labels(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(default_scheme())
        export_project(store, "brat", folder)
        names = sorted(label.name for label in store.labels())
    assert not list(folder.glob("*.ann"))
    assert export_folder_reason(folder) == (
        "a Jiyao brat export: import the folder itself, as an annotated set"
    )
    export_format = annotated_set_format(folder)
    assert export_format is not None and export_format.name == "brat"
    annotated = read_annotated_set(folder)
    assert annotated.documents == [] and annotated.problems == []
    with Store(tmp_path / "q.jiyao") as target:
        report = store_annotated_set(target, annotated)
        assert report.problems == []
        assert sorted(label.name for label in target.labels()) == names


def test_a_folder_with_only_brat_s_annotation_conf_is_a_brat_set(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nPolicy\n\tTax\n", encoding="utf-8")
    annotated = read_annotated_set(folder)
    assert [label.path for label in annotated.labels] == ["Policy", "Policy/Tax"]
