"""``jiyao analyze --out`` as a user runs it (issue 17): on a LocalCluster of worker processes,
and on a scheduler and two workers started with ``dask scheduler`` / ``dask worker``; both give
the rows of each file analysed alone, and ``jiyao import DIR`` loads them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from desktop.core import batch
from desktop.core.store import Store
from tests.core.test_batch import alone, make_corpus, shard_rows
from tests.test_cli import jiyao

pytestmark = pytest.mark.slow


def test_a_local_cluster_of_processes_gives_the_rows_of_one_process(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    result = jiyao("analyze", corpus, "--out", out, "--workers", "2", "--chunk-size", "3")
    assert result.returncode == 1, result.stderr  # some files were refused
    assert "3 shards written" in result.stdout
    assert "Dask dashboard: http" in result.stderr
    assert "INFO" not in result.stderr
    expected, failures = alone(corpus)
    assert shard_rows(out) == expected
    assert len((out / batch.FAILED).read_text().splitlines()) == len(failures)

    db = tmp_path / "p.jiyao"
    loaded = jiyao("import", "--db", db, out)
    assert loaded.returncode == 0, loaded.stderr
    distinct = len({row["text_sha256"] for row in expected})
    assert f"{distinct} imported, {len(expected) - distinct} duplicates skipped" in loaded.stdout
    with Store(db) as store:
        assert store.document_count() == distinct

    damaged = batch.shard_paths(out)[0]
    damaged.write_bytes(b"not a shard")
    partly = jiyao("import", "--db", tmp_path / "partly.jiyao", out)
    assert partly.returncode == 1
    assert f"refused {damaged}: cannot be read: " in partly.stderr
    assert "Traceback" not in partly.stderr
    assert "(2 shards of analysed documents, 1 refused)" in partly.stdout


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """A scheduler and two single-threaded workers, as the README starts them."""
    address_file = tmp_path / "scheduler.json"
    common = {"cwd": Path(__file__).resolve().parent.parent, "start_new_session": True}
    started = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dask",
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--dashboard-address",
                ":0",
                "--scheduler-file",
                str(address_file),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            **common,
        )
    ]
    try:
        deadline = time.monotonic() + 30
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        for _ in range(2):
            started.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "dask",
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--dashboard-address",
                        ":0",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    **common,
                )
            )
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=30)
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_started_scheduler_with_two_workers_gives_the_rows_of_one_process(
    tmp_path: Path, scheduler: str
) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    result = jiyao("analyze", corpus, "--out", out, "--scheduler", scheduler, "--chunk-size", "2")
    assert result.returncode == 1, result.stderr
    assert "4 shards written" in result.stdout
    assert shard_rows(out) == alone(corpus)[0]


def test_a_killed_job_resumes_where_it_stopped(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    for number in range(12):
        (corpus / f"z{number:02d}.txt").write_text(
            f"第{number}次会议要求，3月底前完成复工复产。\n" * 50, encoding="utf-8"
        )
    out = tmp_path / "out"
    job = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "analyze",
            str(corpus),
            "--out",
            str(out),
            "--workers",
            "1",
            "--chunk-size",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(list(out.glob("shards/*.parquet"))) < 2:
            time.sleep(0.05)
    finally:
        os.killpg(job.pid, signal.SIGKILL)
        job.wait(timeout=15)
    written = len(list(out.glob("shards/*.parquet")))
    assert 2 <= written < 20, "the job ended before it could be killed"
    assert batch.read_manifest(out)["status"] == "running"

    refused = jiyao("analyze", corpus, "--out", out, "--workers", "1")
    assert refused.returncode == 1 and "--resume" in refused.stderr
    resumed = jiyao("analyze", corpus, "--out", out, "--workers", "1", "--resume")
    assert f"{20 - written} shards written, {written} already there" in resumed.stdout
    assert shard_rows(out) == alone(corpus)[0]


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (["--json", "--out", "x"], "not both"),
        ([], "give --json"),
        (["--json", "--workers", "2"], "--workers only go with --out"),
        (["--out", "x", "--to", "t2s"], "--to does not go with --out"),
    ],
)
def test_options_that_do_not_make_one_command_are_refused(
    tmp_path: Path, options: list[str], reason: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("会议", encoding="utf-8")
    result = jiyao("analyze", path, *options, cwd=tmp_path)
    assert result.returncode == 2
    assert reason in result.stderr
    assert not (tmp_path / "x").exists()
