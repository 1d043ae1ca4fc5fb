"""The command line, run as a user runs it: a subprocess."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import subprocess
import sys
import time
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
        other = store.add_label("杂项")
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
    monkeypatch.setattr("desktop.ui.shell.app.run", lambda **options: opened.append(options) or 0)
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


def test_export_onto_the_project_itself_is_refused_and_the_project_survives(
    tmp_path: Path,
) -> None:
    db = tmp_path / "p.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED).returncode == 0
    before = db.read_bytes()
    for name in ("jsonl", "qdpx", "labelstudio", "brat"):
        result = jiyao("export", "--db", db, "--format", name, "-o", db)
        assert result.returncode == 1 and "is the open project" in result.stderr, name
    assert db.read_bytes() == before
    assert jiyao("export", "--db", db, "--format", "jsonl", "-o", "-").returncode == 0


def test_export_docs_are_read_strictly_and_taken_once(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED, TRADITIONAL).returncode == 0
    result = jiyao("export", "--db", db, "--format", "jsonl", "-o", "-", "--docs", "2-1")
    assert result.returncode == 1 and "--docs: 2-1 is reversed: write 1-2" in result.stderr
    assert result.stdout == ""
    result = jiyao("export", "--db", db, "--format", "jsonl", "-o", "-", "--docs", "1", "1", "1")
    assert result.returncode == 0 and len(json_lines(result.stdout)) == 1
    result = jiyao("export", "--db", db, "--format", "jsonl", "-o", "-", "--docs", "1-30000000")
    assert result.returncode == 0 and len(json_lines(result.stdout)) == 2


def test_export_csv_neutralises_formulas_unless_raw_csv(tmp_path: Path) -> None:
    source = tmp_path / "notice.txt"
    source.write_text("=1+1会议通知\n会议要求落实责任。\n", encoding="utf-8")
    db = tmp_path / "p.jiyao"
    assert jiyao("import", "--db", db, source).returncode == 0
    assert jiyao("export", "--db", db, "--format", "csv", "-o", tmp_path / "safe").returncode == 0
    raw = jiyao("export", "--db", db, "--format", "csv", "-o", tmp_path / "raw", "--raw-csv")
    assert raw.returncode == 0, raw.stderr
    safe_csv = (tmp_path / "safe" / "documents.csv").read_text(encoding="utf-8-sig")
    raw_csv = (tmp_path / "raw" / "documents.csv").read_text(encoding="utf-8-sig")
    assert ",'=1+1会议通知" in safe_csv and ",=1+1会议通知" in raw_csv


def test_export_adds_the_formats_suffix_and_prints_the_path_written(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED).returncode == 0
    result = jiyao("export", "--db", db, "--format", "labelstudio", "-o", tmp_path / "ls")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ls.json").is_file() and not (tmp_path / "ls").exists()
    assert result.stdout.rstrip().endswith(str(tmp_path / "ls.json"))


def test_export_jsonl_warns_that_doccano_drops_overlapping_tags(tmp_path: Path) -> None:
    overlapping = tmp_path / "set.jsonl"
    overlapping.write_text(
        '{"text": "会议要求落实责任。", "label": [[2, 8, "责任"], [4, 6, "落实"]]}\n', "utf-8"
    )
    db = tmp_path / "p.jiyao"
    assert jiyao("import", "--db", db, overlapping).returncode == 0
    for output in ("-", tmp_path / "out.jsonl"):
        result = jiyao("export", "--db", db, "--format", "jsonl", "-o", output)
        assert result.returncode == 0, result.stderr
        assert "jiyao: warning: 1 of the exported documents" in result.stderr
        assert '"Allow overlapping entity"' in result.stderr
    result = jiyao("export", "--db", db, "--format", "brat", "-o", tmp_path / "brat")
    assert result.returncode == 0 and "warning" not in result.stderr


def test_a_damaged_project_is_refused_in_one_line_not_exported(tmp_path: Path) -> None:
    db = tmp_path / "damaged.jiyao"
    assert jiyao("import", "--db", db, TRADITIONAL, SIMPLIFIED).returncode == 0
    size = db.stat().st_size
    with db.open("r+b") as file:  # spoil every page after the first: the data pages
        file.seek(4096)
        file.write(b"\xa5" * (size - 4096))
    result = jiyao("export", "--db", db, "--format", "jsonl", "-o", tmp_path / "out.jsonl")
    assert result.returncode == 1
    assert "is damaged" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_an_empty_file_is_not_made_a_project_by_import(tmp_path: Path) -> None:
    db = tmp_path / "empty.jiyao"
    db.touch()
    result = jiyao("import", "--db", db, SIMPLIFIED)
    assert result.returncode == 1
    assert "empty file" in result.stderr
    assert db.stat().st_size == 0


def test_an_import_waits_for_another_writer_and_both_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "shared.jiyao"
    assert jiyao("import", "--db", db, TRADITIONAL).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another import holds the project
    second = subprocess.Popen(
        [sys.executable, "-m", "desktop", "import", "--db", str(db), str(SIMPLIFIED)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert second.stderr is not None
    first_line = second.stderr.readline()  # blocks until the second import says it waits
    holder.execute("UPDATE documents SET title = '改过' WHERE id = 1")
    holder.execute("COMMIT")
    holder.close()
    out, rest = second.communicate(timeout=120)
    assert "waiting for another Jiyao process writing this project" in first_line
    assert "waiting" not in rest  # said once
    assert second.returncode == 0, rest
    assert "1 imported" in out
    with sqlite3.connect(db) as connection:
        titles = [row[0] for row in connection.execute("SELECT title FROM documents ORDER BY id")]
    assert len(titles) == 2 and titles[0] == "改过"


def test_a_project_made_by_import_has_the_default_labels_and_reads_its_own_export(
    tmp_path: Path,
) -> None:
    db = tmp_path / "cli.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED).returncode == 0
    with sqlite3.connect(db) as connection:
        labels = connection.execute("SELECT count(*) FROM labels").fetchone()[0]
    assert labels > 0
    exported = tmp_path / "set.jsonl"
    assert jiyao("export", "--db", db, "--format", "jsonl", "-o", exported).returncode == 0
    again = jiyao("import", "--db", tmp_path / "other.jiyao", exported)
    assert again.returncode == 0, again.stderr


def test_backups_are_listed_and_one_is_restored_only_with_force(tmp_path: Path) -> None:
    db = tmp_path / "kept.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED).returncode == 0
    assert "no backups" in jiyao("backups", "--db", db).stdout
    assert jiyao("import", "--db", db, TRADITIONAL).returncode == 0  # opens it: the day's backup
    listing = jiyao("backups", "--db", db)
    assert listing.returncode == 0, listing.stderr
    [backup] = [line.split()[-1] for line in listing.stdout.splitlines()[1:]]
    refused = jiyao("restore", backup, "--db", db)
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    restored = jiyao("restore", backup, "--db", db, "--force")
    assert restored.returncode == 0, restored.stderr
    assert "backed up to" in restored.stdout
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_import_update_gives_tags_already_present_the_set_s_note(tmp_path: Path) -> None:
    from desktop.core.store import Store

    db = tmp_path / "project.jiyao"
    assert jiyao("import", "--db", db, SIMPLIFIED).returncode == 0
    with Store(db) as store:
        [document] = store.document_ids()
        label = store.add_label("政策")
        store.add_annotation(document, label.id, 0, 4, note="旧批注")
    out = tmp_path / "set.jsonl"
    assert jiyao("export", "--db", db, "--format", "jsonl", "-o", out).returncode == 0
    [record] = json_lines(out.read_text(encoding="utf-8"))
    record["annotations"][0]["note"] = "新批注"
    out.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = jiyao("import", "--db", db, out)
    assert result.returncode == 0, result.stderr
    assert "1 tags already present with a different note/attributes (not changed)" in result.stdout
    result = jiyao("import", "--db", db, "--update", out)
    assert result.returncode == 0, result.stderr
    assert "1 tags already present updated" in result.stdout
    with Store(db) as store:
        assert [a.note for a in store.annotations(document)] == ["新批注"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_is_drawn_at_each_per_cent_not_for_every_file() -> None:
    from desktop.cli import TerminalProgress

    terminal = _Terminal()
    bar = TerminalProgress(terminal)
    for done in range(1, 2001):
        bar.update(done, 2000, Path(f"doc_{done:04d}.txt"))
    bar.finish()
    drawn = terminal.getvalue().split("\r")[1:]
    assert len(drawn) == 101  # the first file, then each per cent
    assert drawn[0].startswith("[" + "." * TerminalProgress.WIDTH + "] 1/2000 doc_0001.txt")
    assert drawn[1].startswith("[" + "." * TerminalProgress.WIDTH + "] 20/2000 doc_0020.txt")
    assert drawn[-1].startswith("[" + "#" * TerminalProgress.WIDTH + "] 2000/2000 doc_2000.txt")


def test_every_option_and_argument_says_what_it_is() -> None:
    """`jiyao stats --help` listed --rows and --columns with no word on them, `merge` its files."""
    import argparse

    from desktop.cli import build_parser

    def silent(parser: argparse.ArgumentParser, name: str) -> list[str]:
        found = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub_name, sub in action.choices.items():
                    found += silent(sub, f"{name} {sub_name}")
            elif not action.help and not isinstance(action, argparse._HelpAction):
                found.append(f"{name} {action.option_strings or action.dest}")
        return found

    assert silent(build_parser(), "jiyao") == []


class _EndedNow(Exception):
    pass


@pytest.mark.parametrize(
    ("argv", "at_once"),
    [
        (["analyze", "--json", "a.txt"], True),
        (["--debug", "analyze", "a.txt", "b.txt"], True),
        (["analyze", "a.txt", "--out", "results"], False),  # a cluster's libraries clean up
        (["analyze", "a.txt", "--out=results"], False),
        (["analyze", "a.txt", "--ou", "results"], False),  # abbreviated, as argparse allows
        (["import", "--db", "p.jiyao", "corpus"], True),
        (["export", "--db", "p.jiyao", "-o", "x", "--format", "csv"], False),
        (["search", "--db", "p.jiyao", "复工"], False),
    ],
)
def test_the_program_ends_at_once_only_after_an_analysis_here_or_an_import(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], at_once: bool
) -> None:
    """Issues 22 and 17: after jiyao analyze or jiyao import only memory is left, which the
    system frees faster."""
    import desktop.cli as cli

    def end_now(code: int) -> None:
        raise _EndedNow(code)

    monkeypatch.setattr(sys, "argv", ["jiyao", *argv])
    monkeypatch.setattr(cli, "_run_command", lambda args: 3)
    monkeypatch.setattr(cli.os, "_exit", end_now)
    monkeypatch.setattr(cli, "_nothing_left_running", lambda: True)  # as after a command
    with pytest.raises(_EndedNow if at_once else SystemExit) as ended:
        cli.run()
    assert ended.value.args[0] == 3 if at_once else ended.value.code == 3


def test_an_import_that_left_a_thread_running_ends_as_usual(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """os._exit would leave what is still running (a pool an interrupt stopped halfway) as
    it is: the interpreter's exit then waits for it, or stops it."""
    import desktop.cli as cli

    monkeypatch.setattr(sys, "argv", ["jiyao", "import", "--db", "p.jiyao", "corpus"])
    monkeypatch.setattr(cli, "_run_command", lambda args: 3)
    monkeypatch.setattr(cli.os, "_exit", lambda code: pytest.fail("ended at once"))
    monkeypatch.setattr(cli.threading, "active_count", lambda: 2)
    with pytest.raises(SystemExit) as ended:
        cli.run()
    assert ended.value.code == 3


def test_a_child_process_left_running_is_something_left_running() -> None:
    import multiprocessing

    import desktop.cli as cli

    child = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(30,))
    child.start()
    try:
        assert not cli._nothing_left_running()
    finally:
        child.terminate()
        child.join()


def test_help_ends_as_usual(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import desktop.cli as cli

    monkeypatch.setattr(sys, "argv", ["jiyao", "analyze", "--help"])
    monkeypatch.setattr(cli.os, "_exit", lambda code: pytest.fail("ended at once"))
    with pytest.raises(SystemExit) as ended:
        cli.run()
    assert ended.value.code == 0
    assert "--json" in capsys.readouterr().out


def test_an_analysis_ending_at_once_has_printed_and_said_everything(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("市长朱伟强调，要做好复工复产工作。\n", encoding="utf-8")
    result = jiyao("analyze", "--json", path, tmp_path / "missing.txt", path)
    assert result.returncode == 1
    records = json_lines(result.stdout)
    assert [record["path"] for record in records] == [
        str(path),
        str(tmp_path / "missing.txt"),
        str(path),
    ]
    assert records[0]["entities"] and records[0]["directives"]
    assert "missing.txt" in result.stderr


def test_an_import_ending_at_once_leaves_its_project_whole_and_closed(tmp_path: Path) -> None:
    """Issue 17: the import ends by os._exit, after its workers and its project are closed:
    every document is in the file, no write-ahead log is left, and its report was printed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(450):  # enough for worker processes where there are several cores
        (corpus / f"{number:03d}.txt").write_text(f"要落实第{number}项。\n", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, corpus)
    assert result.returncode == 1  # the bad file was refused
    assert "450 imported" in result.stdout and "bad.txt" in result.stderr
    assert not Path(f"{db}-wal").exists()
    with contextlib.closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 450
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# Modules jiyao analyze has no use for (issue 22: each costs milliseconds of every analysing
# process's start).
NOT_FOR_ANALYZE = ("csv", "desktop.core.store", "PySide6")


def test_an_analysis_does_not_load_what_it_does_not_use(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("市长朱伟强调，要做好复工复产工作。\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        f"print(code, [m for m in {NOT_FOR_ANALYZE!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "analyze", "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 []"


def test_a_double_clicked_file_opens_the_window_and_ends_without_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``jiyao FILE`` (a file opened with Jiyao) runs the window; the arguments were once
    parsed again after it closed, without that reading, and a usage error was printed."""
    import desktop.cli as cli

    path = tmp_path / "n.txt"
    path.write_text("要落实。", encoding="utf-8")
    ran: list[str] = []
    monkeypatch.setattr(sys, "argv", ["jiyao", str(path)])
    monkeypatch.setattr(cli, "run_gui", lambda args: ran.append(args.command) or 0)
    with pytest.raises(SystemExit) as ended:
        cli.run()
    assert ended.value.code == 0 and ran == ["gui"]
    assert capsys.readouterr().err == ""
