"""The team commands, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.model import NewDocument
from desktop.core.store import Store
from tests.test_cli import jiyao


def make_project(path: Path) -> None:
    with Store(path) as store:
        label = store.add_label("要求")
        document = store.add_document(
            NewDocument(
                title="会议", raw_text="会议要求落实责任。", clean_text="会议要求落实责任。",
                encoding="utf-8", script="simplified",
            )
        )  # fmt: skip
        assert document is not None
        store.add_annotation(document, label.id, 2, 8, annotator="甲", attributes={"issuer": "市"})
        store.add_annotation(document, label.id, 2, 8, annotator="乙", attributes={"issuer": "市"})
        store.add_annotation(document, label.id, 0, 2, annotator="乙")


def test_agreement_json(tmp_path: Path) -> None:
    db = tmp_path / "team.jiyao"
    make_project(db)
    result = jiyao("agreement", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["annotators"] == ["乙", "甲"] and report["documents"] == 1
    [pair] = report["pairs"]
    assert pair["f1_exact"] == 2 / 3
    assert report["attributes"]["issuer"]["percent"] == 1.0
    assert set(report["labels"]) == {"要求"}


def test_agreement_as_text_and_refusals(tmp_path: Path) -> None:
    db = tmp_path / "team.jiyao"
    make_project(db)
    result = jiyao("agreement", "--db", db, "--annotators", "甲", "乙")
    assert result.returncode == 0, result.stderr
    assert "Krippendorff's alpha" in result.stdout and "甲 / 乙" in result.stdout
    refused = jiyao("agreement", "--db", db, "--annotators", "甲", "丙")
    assert refused.returncode == 1
    assert refused.stderr.strip().startswith("jiyao: no tags by 丙")
    assert len(refused.stderr.strip().splitlines()) == 1
