"""The command line, run as a user runs it: a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TRADITIONAL = SEEDS / "000_9068b13d1ddf9a92.txt"
SIMPLIFIED = SEEDS / "003_81982325587c9960.txt"


def jiyao(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_every_command_has_help() -> None:
    for command in ("gui", "import", "analyze", "export"):
        result = jiyao(command, "--help")
        assert result.returncode == 0, result.stderr
        assert "usage: jiyao" in result.stdout


def test_analyze_describes_each_seed(tmp_path: Path) -> None:
    result = jiyao("analyze", "--json", TRADITIONAL, SIMPLIFIED)
    assert result.returncode == 0, result.stderr
    traditional, simplified = json_lines(result.stdout)
    assert traditional["encoding"] == "utf-8"
    assert traditional["script"] == "traditional"
    assert traditional["conversion"] == "t2s"
    assert len([r for r in traditional["removed"] if r["kind"] == "pinyin"]) == 279
    raw = TRADITIONAL.read_text(encoding="utf-8")
    assert all(raw[r["start"] : r["end"]] == r["text"] for r in traditional["removed"])
    assert traditional["converted"].startswith("宿迁市召开服务企业复工复产")
    assert simplified["script"] == "simplified"
    assert simplified["conversion"] == "s2tw"
    assert simplified["removed"] == []
    assert simplified["text"] == SIMPLIFIED.read_text(encoding="utf-8")
    for record in (traditional, simplified):
        assert record["entities"], "the seeds name people, places and dates"
        assert all(record["text"][e["start"] : e["end"]] == e["text"] for e in record["entities"])
        assert record["directives"], "the seeds give orders"
        for d in record["directives"]:
            assert set(d) == {"start", "end", "text", "cue", "issuer", "strength", "deadline"}
            assert record["text"][d["start"] : d["end"]] == d["text"]
    people = {e["text"] for e in traditional["entities"] if e["type"] == "PERSON"}
    assert "張愛軍" in people  # in the document's own script, offsets into the clean text


def test_analyze_goes_on_past_a_bad_file_and_exits_1(tmp_path: Path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = jiyao("analyze", "--json", binary, tmp_path / "missing.txt", SIMPLIFIED)
    assert result.returncode == 1
    bad, missing, good = json_lines(result.stdout)
    assert "binary" in bad["error"]
    assert missing["error"] == "no such file"
    assert good["script"] == "simplified"
    assert "Traceback" not in result.stderr


def test_analyze_will_not_run_t2s_over_simplified_text() -> None:
    [record] = json_lines(jiyao("analyze", "--json", "--to", "t2s", SIMPLIFIED).stdout)
    assert record["conversion"] == "none"
    assert record["converted"] == record["text"]
    assert "already Simplified" in record["notice"]


def test_an_unknown_conversion_is_a_usage_error() -> None:
    result = jiyao("analyze", "--json", "--to", "x2y", SIMPLIFIED)
    assert result.returncode == 2
    assert "invalid choice: 'x2y'" in result.stderr


def test_debug_is_accepted_after_the_command(tmp_path: Path) -> None:
    result = jiyao(
        "export", "--db", tmp_path / "missing.jiyao", "--format", "jsonl", "-o", "-", "--debug"
    )
    assert result.returncode == 1
    assert "Traceback" in result.stderr  # --debug shows it


def test_export_refuses_a_project_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "typo.jiyao"
    result = jiyao("export", "--db", missing, "--format", "jsonl", "-o", "-")
    assert result.returncode == 1
    assert "no such project" in result.stderr
    assert not missing.exists()


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    result = jiyao("import", "--db", other, SIMPLIFIED)
    assert result.returncode == 1
    assert "another program" in result.stderr
    with sqlite3.connect(other) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
    assert tables == ["notes"]


def test_a_usage_error_exits_2() -> None:
    assert jiyao("import").returncode == 2
    assert jiyao("frobnicate").returncode == 2


def test_import_reports_refused_files_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("会议要求做好复工。", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, folder)
    assert result.returncode == 1
    assert "empty.txt: the file is empty" in result.stderr
    assert "1 imported, 0 duplicates skipped, 1 refused" in result.stdout


def test_import_twice_is_exit_0_with_duplicates_skipped(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    assert jiyao("import", "--db", db, SEEDS / "003_81982325587c9960.txt").returncode == 0
    result = jiyao("import", "--db", db, SEEDS / "003_81982325587c9960.txt")
    assert result.returncode == 0
    assert "0 imported, 1 duplicates skipped" in result.stdout


def test_the_jiyao_db_variable_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "from-env.jiyao"
    monkeypatch.setenv("JIYAO_DB", str(db))
    assert jiyao("import", SIMPLIFIED).returncode == 0
    assert db.exists()


def test_export_jsonl_is_doccano_compatible_and_carries_annotations(tmp_path: Path) -> None:
    from desktop.core.store import Store

    db = tmp_path / "p.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED).returncode == 0
    with Store(db) as store:
        [document_id] = store.document_ids()
        text = store.document(document_id).clean_text
        label = store.add_label("复工复产")
        start = text.index("要切实提高政治站位")
        store.add_annotation(
            document_id,
            label.id,
            start,
            start + 9,
            note="要…",
            attributes={"strength": "directive"},
        )
    out = tmp_path / "out.jsonl"
    result = jiyao("export", "--db", db, "--format", "jsonl", "-o", out, "--entities")
    assert result.returncode == 0, result.stderr
    [record] = json_lines(out.read_text(encoding="utf-8"))
    assert record["text"] == text
    assert record["label"] == [[start, start + 9, "复工复产"]]
    [annotation] = record["annotations"]
    assert annotation["text"] == "要切实提高政治站位"
    assert annotation["note"] == "要…" and annotation["attributes"] == {"strength": "directive"}
    assert len(record["text_sha256"]) == 64
    assert {"id", "title", "script", "source", "entities"} <= record.keys()
    assert any(e["type"] == "PERSON" and e["text"] == "刘信华" for e in record["entities"])
    assert not out.with_name("out.jsonl.part").exists()


def test_an_unusable_database_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "broken.jiyao"
    db.write_text("not sqlite" * 100, encoding="utf-8")
    result = jiyao("export", "--db", db, "--format", "jsonl", "-o", "-")
    assert result.returncode == 1
    assert "not a Jiyao database" in result.stderr
    assert "Traceback" not in result.stderr


def test_gui_screenshot_opens_the_seeds_on_first_run(tmp_path: Path) -> None:
    png = tmp_path / "window.png"
    result = jiyao("gui", "--db", tmp_path / "first.jiyao", "--screenshot", png)
    assert result.returncode == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG")


def test_export_filters_and_import_of_an_annotated_set(tmp_path: Path) -> None:
    from desktop.core.store import Store

    db = tmp_path / "project.jiyao"
    assert jiyao("import", "--db", db, TRADITIONAL, SIMPLIFIED).returncode == 0
    with Store(db) as store:
        first, second = store.document_ids()
        policy = store.add_label("政策")
        other = store.add_label("其他")
        store.add_annotation(first, policy.id, 0, 4, annotator="甲")
        store.add_annotation(first, other.id, 5, 9, annotator="乙")
        store.add_annotation(second, policy.id, 0, 4, annotator="甲")
    out = tmp_path / "set.jsonl"
    result = jiyao(
        "export", "--db", db, "--format", "jsonl", "-o", out, "--docs", str(first),
        "--labels", "政策", "--annotator", "甲",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "exported 1 tags in 1 documents" in result.stdout
    [record] = json_lines(out.read_text(encoding="utf-8"))
    assert [label for _s, _e, label in record["label"]] == ["政策"]

    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"text": "短", "label": [[0, 5, "政策"]]}\n')
    other_db = tmp_path / "other.jiyao"
    plain = tmp_path / "plain.txt"
    plain.write_text("会议要求各单位落实责任。", encoding="utf-8")
    result = jiyao("import", "--db", other_db, out, plain)
    assert result.returncode == 1  # the bad line is refused; the rest is in
    assert "set.jsonl: line 2: span 0-5 is outside the text" in result.stderr
    assert "1 tags added" in result.stdout and "new labels: 政策" in result.stdout
    with Store(other_db) as store:
        assert store.document_count() == 3  # the exported document, the short one, plain.txt


def test_every_format_is_written_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "project.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED).returncode == 0
    for name, target in [
        ("csv", "csv"), ("jsonl", "set.jsonl"), ("brat", "brat"), ("conll", "conll"),
        ("qdpx", "set.qdpx"), ("labelstudio", "tasks.json"),
    ]:  # fmt: skip
        result = jiyao(
            "export", "--db", db, "--format", name, "-o", tmp_path / target, "--text", "converted"
        )
        assert result.returncode == 0, (name, result.stderr)
        assert (tmp_path / target).exists(), name
    result = jiyao("export", "--db", db, "--format", "brat", "-o", "-")
    assert result.returncode == 1 and "give -o PATH" in result.stderr


# A double-clicked file: `jiyao PATH...` (Exec=jiyao %F) is `jiyao gui PATH...`. In-process,
# with the window replaced, so no GUI starts.


def test_paths_without_a_command_open_the_window_with_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop import cli

    opened: list[dict] = []
    monkeypatch.setattr("desktop.ui.app.run", lambda **options: opened.append(options) or 0)
    assert cli.main(["/home/u/项目.jiyao", "/home/u/读物.txt"]) == 0
    assert opened[0]["paths"] == [Path("/home/u/项目.jiyao"), Path("/home/u/读物.txt")]


def test_gui_takes_paths_and_options_together() -> None:
    from desktop.cli import build_parser

    args = build_parser().parse_args(["gui", "--language", "zh_CN", "a.txt", "folder"])
    assert args.command == "gui" and args.paths == [Path("a.txt"), Path("folder")]
    assert build_parser().parse_args(["gui"]).paths == []


def test_commands_and_options_are_not_taken_for_paths() -> None:
    from desktop.cli import build_parser, gui_by_default

    parser = build_parser()
    assert gui_by_default(["import", "a.txt"], parser) == ["import", "a.txt"]
    assert gui_by_default(["--debug", "gui"], parser) == ["--debug", "gui"]
    assert gui_by_default([], parser) == []
    assert gui_by_default(["frobnicate"], parser) == ["frobnicate"]  # a typo, not a file
    assert gui_by_default(["a.txt"], parser) == ["gui", "a.txt"]
    assert parser.parse_args(gui_by_default(["a.txt"], parser)).command == "gui"


def test_a_set_that_fails_is_refused_and_the_next_paths_still_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop import cli
    from desktop.core.exports import formats
    from desktop.core.store import Store

    broken = tmp_path / "broken.jsonl"
    good = tmp_path / "good.jsonl"
    for path in (broken, good):
        path.write_text('{"text": "会议要求落实责任。", "label": [[2, 8, "责任"]]}\n', "utf-8")
    real_reader = formats.read_annotated_set

    def failing_on_broken(path: Path) -> object:
        if path.name == "broken.jsonl":
            raise RuntimeError("a reader bug")
        return real_reader(path)

    monkeypatch.setattr(formats, "read_annotated_set", failing_on_broken)
    db = tmp_path / "p.jiyao"
    assert cli.main(["import", "--db", str(db), str(broken), str(good), str(TRADITIONAL)]) == 1
    err = capsys.readouterr().err
    assert "refused broken.jsonl: a reader bug (nothing of it was imported)" in err
    with Store(db) as store:
        assert store.document_count() == 2
