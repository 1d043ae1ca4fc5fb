"""The team commands, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.model import NewDocument
from desktop.core.store import Store
from tests.test_cli import jiyao, json_lines


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
    chosen = jiyao("agreement", "--db", db, "--docs", "1", "--json")
    assert json.loads(chosen.stdout)["documents"] == 1
    typo = jiyao("agreement", "--db", db, "--docs", "x")
    assert typo.returncode == 1 and typo.stderr.startswith("jiyao: --docs:")


def test_assign_then_merge_then_agreement(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jiyao"
    with Store(source) as store:
        store.add_label("要求")
        store.add_documents(
            [
                NewDocument(
                    title=f"文件{n}", raw_text=f"第{n}号：会议要求落实。",
                    clean_text=f"第{n}号：会议要求落实。", encoding="utf-8", script="simplified",
                )
                for n in range(6)
            ]
        )  # fmt: skip
    result = jiyao(
        "assign",
        "--db",
        source,
        "--coders",
        "甲",
        "乙",
        "--overlap",
        "0.5",
        "-o",
        tmp_path / "coders",
    )
    assert result.returncode == 0, result.stderr
    assert "甲: 5 documents (3 shared)" in result.stdout
    for name, span in (("甲", (2, 6)), ("乙", (3, 6))):
        with Store(tmp_path / "coders" / f"{name}.jiyao") as coder:
            label = coder.labels()[0]
            for document in coder.document_ids():
                coder.add_annotation(document, label.id, *span)
    team = tmp_path / "team.jiyao"
    coder_files = [tmp_path / "coders" / "甲.jiyao", tmp_path / "coders" / "乙.jiyao"]
    merged = jiyao("merge", "--db", team, *coder_files)
    assert merged.returncode == 0, merged.stderr
    assert "甲.jiyao (甲): 5 tags added" in merged.stdout
    again = jiyao("merge", "--db", team, *coder_files)
    assert "0 tags added, 5 already here" in again.stdout
    report = json.loads(jiyao("agreement", "--db", team, "--json").stdout)
    assert report["documents"] == 6
    # Only the 3 shared documents pair up; on each, 甲 covers 4 characters and 乙 3 of them.
    assert report["pairs"][0]["f1_overlap"] == 1.0 and report["pairs"][0]["f1_exact"] == 0.0
    listed = jiyao("adjudicate", "--db", team, "--annotators", "甲", "乙")
    assert listed.returncode == 0, listed.stderr
    assert "gold: 0 agreed tags added; 3 disagreements open" in listed.stdout
    assert "0 of 3 documents adjudicated" in listed.stdout  # the 3 both coders were given
    assert "甲: 要求 2–6; 乙: 要求 3–6" in listed.stdout
    decided = jiyao("adjudicate", "--db", team, "--annotators", "甲", "乙", "--prefer", "乙")
    assert "3 of 乙's added" in decided.stdout and "0 disagreements open" in decided.stdout
    assert "3 of 3 documents adjudicated" in decided.stdout
    gold = jiyao("export", "--db", team, "--format", "jsonl", "--annotator", "gold", "-o", "-")
    assert gold.returncode == 0, gold.stderr
    spans = [
        (t["start"], t["end"]) for line in json_lines(gold.stdout) for t in line["annotations"]
    ]
    assert spans == [(3, 6)] * 3
    refused = jiyao("merge", "--db", team, tmp_path / "coders" / "missing.jiyao")
    assert refused.returncode == 1 and "nothing merged" in refused.stderr


def test_assigning_to_one_coder_says_no_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One coder was told "7 documents (1 shared)": shared with nobody."""
    from desktop import cli

    source = tmp_path / "source.jiyao"
    with Store(source) as store:
        store.add_documents(
            [
                NewDocument(f"文件{n}", f"第{n}号", f"第{n}号", "utf-8", "simplified")
                for n in range(7)
            ]
        )
    out = tmp_path / "coders"
    assert cli.main(["assign", "--db", str(source), "--coders", "甲", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"甲: 7 documents -> {out / '甲.jiyao'}"


def test_assigning_so_that_no_document_is_shared_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two documents, three coders, a fifth shared: one coder gets nothing, and nobody's
    agreement can be measured; said, not silently written."""
    from desktop import cli

    source = tmp_path / "source.jiyao"
    with Store(source) as store:
        store.add_documents(
            [NewDocument(f"文件{n}", f"第{n}号", f"第{n}号", "utf-8", "simplified") for n in (1, 2)]
        )
    out = tmp_path / "coders"
    arguments = ["assign", "--db", str(source), "--coders", "甲", "乙", "丙", "--overlap", "0.2"]
    assert cli.main([*arguments, "-o", str(out)]) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert warnings == [
        "jiyao: warning: 丙 was given no document",
        "jiyao: warning: no document is given to every coder, so their agreement cannot be "
        "measured: raise the overlap",
    ]
