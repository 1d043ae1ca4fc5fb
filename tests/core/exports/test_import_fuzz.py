"""Hostile records in every importer: deep nesting, huge integers, lone surrogates, NUL
characters and arbitrary JSON in any field. Whatever one record holds, no exception escapes
the reader or the import, and the valid records beside it are kept with their tags."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.exports.formats import read_annotated_set
from desktop.core.exports.importing import UnreadableSet, store_annotated_set
from desktop.core.exports.selection import label_paths
from desktop.core.store import Store

# Two valid documents every file holds, with one tag each: (text, start, end, label).
VALID = [
    ("会议要求，各单位要加强督查。", 5, 13, "督查"),
    ("第二次会议指出，必须做好安全生产。", 8, 16, "安全"),
]
HOSTILE_TEXT = "第三份文件里写着要求。"
PLACEHOLDER = "@@HOSTILE@@"

_FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _deep(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


# JSON fragments that have each broken an importer once.
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=6,
).map(json.dumps)
HOSTILE_JSON = st.one_of(
    st.builds(_deep, st.sampled_from([50, 500, 5_000, 50_000]), st.sampled_from(["list", "dict"])),
    st.integers(4_301, 6_000).map(lambda n: "7" * n),
    st.integers(20, 4_000).map(lambda n: "7" * n),
    st.sampled_from(['"\\ud800"', '"a\\udfffb"', '"\\udc80\\ud800x"']),
    st.sampled_from(['"a\\u0000b"', '"\\u0000"']),
    st.sampled_from(["1e400", "-1e400", "NaN", "Infinity"]),
    _JSON_VALUES,
)


def _stored(store: Store) -> dict[str, set[tuple[int, int, str]]]:
    paths = label_paths(store.labels())
    return {
        store.document(i).clean_text: {
            (a.start, a.end, paths[a.label_id]) for a in store.annotations(i)
        }
        for i in store.document_ids()
    }


def _check_import(path: Path, store_path: Path) -> None:
    """Reading and storing raise nothing but UnreadableSet, and never lose a valid record."""
    try:
        annotated = read_annotated_set(path)
    except UnreadableSet:
        raise AssertionError(
            f"a single hostile record made the whole file unreadable: {path}"
        ) from None
    with Store(store_path) as store:
        store_annotated_set(store, annotated)
        stored = _stored(store)
    for text, start, end, label in VALID:
        assert (start, end, label) in stored.get(text, set()), (text, stored)


def _run(write: Callable[[Path], Path]) -> None:
    with TemporaryDirectory() as folder:
        path = write(Path(folder))
        _check_import(path, Path(folder) / "fuzz.jiyao")


# ------------------------------------------------------------------------------------ JSONL

_JSONL_SLOTS = [
    lambda: {"text": PLACEHOLDER},
    lambda: {"text": HOSTILE_TEXT, "title": PLACEHOLDER},
    lambda: {"text": HOSTILE_TEXT, "metadata": {"k": PLACEHOLDER}},
    lambda: {"text": HOSTILE_TEXT, "extra": PLACEHOLDER},
    lambda: {"text": HOSTILE_TEXT, "source": PLACEHOLDER, "date": PLACEHOLDER},
    lambda: {"text": HOSTILE_TEXT, "label": [[0, 2, PLACEHOLDER]]},
    lambda: {"text": HOSTILE_TEXT, "label": [[PLACEHOLDER, 2, "督查"]]},
    lambda: {"text": HOSTILE_TEXT, "label": PLACEHOLDER},
    lambda: {
        "text": HOSTILE_TEXT,
        "annotations": [{"label": "a", "start": 0, "end": 2, "note": PLACEHOLDER}],
    },
    lambda: {
        "text": HOSTILE_TEXT,
        "annotations": [{"label": "a", "start": 0, "end": 2, "attributes": {"x": PLACEHOLDER}}],
    },
    lambda: {
        "text": HOSTILE_TEXT,
        "annotations": [{"label": "a", "start": 0, "end": 2, "annotator": PLACEHOLDER}],
    },
    lambda: {"text": HOSTILE_TEXT, "annotations": [{"label": "a", "start": PLACEHOLDER, "end": 2}]},
    lambda: {
        "text": HOSTILE_TEXT,
        "entity_corrections": [
            {"action": "add", "type": "ORG", "start": 0, "end": 2, "annotator": PLACEHOLDER}
        ],
    },
    lambda: {"text": HOSTILE_TEXT, "raw_text": PLACEHOLDER, "removed": []},
]


def _valid_jsonl_line(text: str, start: int, end: int, label: str) -> str:
    return json.dumps({"text": text, "label": [[start, end, label]]}, ensure_ascii=False)


def _hostile_line(slot: int, fragment: str) -> str:
    return json.dumps(_JSONL_SLOTS[slot]()).replace(json.dumps(PLACEHOLDER), fragment)


@_FUZZ
@given(
    hostile=st.lists(
        st.tuples(st.integers(0, len(_JSONL_SLOTS) - 1), HOSTILE_JSON), min_size=1, max_size=3
    ),
    at=st.integers(0, 2),
)
def test_no_jsonl_record_loses_the_file(hostile: list[tuple[int, str]], at: int) -> None:
    lines = [_valid_jsonl_line(*valid) for valid in VALID]
    for slot, fragment in hostile:
        lines.insert(at, _hostile_line(slot, fragment))

    def write(folder: Path) -> Path:
        path = folder / "set.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    _run(write)


# ----------------------------------------------------------------------------- Label Studio

_TASK_SLOTS = [
    lambda: {"data": {"text": PLACEHOLDER}},
    lambda: {"data": {"text": HOSTILE_TEXT, "title": PLACEHOLDER}},
    lambda: {"data": {"text": HOSTILE_TEXT, "extra": PLACEHOLDER}},
    lambda: {"data": {"text": HOSTILE_TEXT}, "meta": PLACEHOLDER},
    lambda: {"data": {"text": HOSTILE_TEXT}, "meta": {"jiyao": {"metadata": {"k": PLACEHOLDER}}}},
    lambda: {
        "data": {"text": HOSTILE_TEXT},
        "annotations": [{"result": [_region(0, 2, PLACEHOLDER)]}],
    },
    lambda: {
        "data": {"text": HOSTILE_TEXT},
        "annotations": [
            {
                "result": [
                    {
                        **_region(0, 2, "a"),
                        "value": {"start": PLACEHOLDER, "end": 2, "labels": ["a"]},
                    }
                ]
            }
        ],
    },
    lambda: {
        "data": {"text": HOSTILE_TEXT},
        "annotations": [{"completed_by": PLACEHOLDER, "result": [_region(0, 2, "a")]}],
    },
    lambda: {
        "data": {"text": HOSTILE_TEXT},
        "annotations": [
            {
                "result": [
                    _region(0, 2, "a"),
                    {
                        "id": "r",
                        "from_name": "note",
                        "to_name": "text",
                        "type": "textarea",
                        "value": {"text": [PLACEHOLDER]},
                    },
                ]
            }
        ],
    },
    lambda: {
        "text": HOSTILE_TEXT,
        "label": [{"start": 0, "end": 2, "text": PLACEHOLDER, "labels": ["a"]}],
    },
    lambda: {"data": {"text": HOSTILE_TEXT}, "annotations": PLACEHOLDER},
]


def _region(start: int, end: int, label: object) -> dict[str, object]:
    return {
        "id": "r",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "labels": [label]},
    }


@_FUZZ
@given(
    hostile=st.lists(
        st.tuples(st.integers(0, len(_TASK_SLOTS) - 1), HOSTILE_JSON), min_size=1, max_size=3
    ),
    at=st.integers(0, 2),
)
def test_no_label_studio_task_loses_the_file(hostile: list[tuple[int, str]], at: int) -> None:
    tasks = [
        json.dumps(
            {"data": {"text": text}, "annotations": [{"result": [_region(start, end, label)]}]},
            ensure_ascii=False,
        )
        for text, start, end, label in VALID
    ]
    for slot, fragment in hostile:
        tasks.insert(at, json.dumps(_TASK_SLOTS[slot]()).replace(json.dumps(PLACEHOLDER), fragment))

    def write(folder: Path) -> Path:
        path = folder / "tasks.json"
        path.write_text("[\n" + ",\n".join(tasks) + "\n]", encoding="utf-8")
        return path

    _run(write)


# ------------------------------------------------------------------------------------- brat

_BRAT_HOSTILE_LINES = st.one_of(
    st.integers(4_301, 6_000).map(lambda n: f"T1\t督查 0 {'7' * n}\t会议"),
    st.integers(20, 4_000).map(lambda n: f"T1\t督查 {'7' * n} 2"),
    st.sampled_from(
        ["T1\t督查 0 2;3 4\t会议 求", "T1\t督查 0 2\t会\x00", "#1\tAnnotatorNotes T1\tno\x00te"]
    ),
    st.sampled_from(["A1\tstrength T1 \x00", "R1\tRel Arg1:T1 Arg2:T2", "E1\tT1", "T2\t\x00 0 2"]),
    st.text(max_size=30),
)
_BRAT_HOSTILE_TEXTS = st.one_of(
    st.just(HOSTILE_TEXT),
    st.just("a\x00b" + HOSTILE_TEXT),
    st.text(min_size=1, max_size=20).filter(lambda t: "\r" not in t),
)


_BRAT_METADATA = st.one_of(
    st.none(),
    HOSTILE_JSON,
    HOSTILE_JSON.map(lambda fragment: '{"documents": {"9": {"title": ' + fragment + "}}}"),
    HOSTILE_JSON.map(lambda fragment: '{"documents": {"9": {"metadata": ' + fragment + "}}}"),
)


@_FUZZ
@given(
    text=_BRAT_HOSTILE_TEXTS,
    lines=st.lists(_BRAT_HOSTILE_LINES, min_size=1, max_size=4),
    metadata=_BRAT_METADATA,
)
def test_no_brat_document_loses_the_folder(
    text: str, lines: list[str], metadata: str | None
) -> None:
    def write(folder: Path) -> Path:
        brat = folder / "brat"
        brat.mkdir()
        for number, (valid_text, start, end, label) in enumerate(VALID):
            (brat / f"{number}.txt").write_text(valid_text, encoding="utf-8", newline="")
            ann = f"T1\t{label} {start} {end}\t{valid_text[start:end]}\n"
            (brat / f"{number}.ann").write_text(ann, encoding="utf-8", newline="")
        (brat / "9.txt").write_text(text, encoding="utf-8", newline="")
        (brat / "9.ann").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
        if metadata is not None:
            (brat / "metadata.json").write_text(metadata, encoding="utf-8")
        return brat

    _run(write)


# ------------------------------------------------------------------------------------- QDPX

_Q = "urn:QDA-XML:project:1.0"
_GUIDS = [f"00000000-0000-0000-0000-00000000000{i}" for i in range(10)]


def _xml_attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;")


def _qdpx_source(number: int, start: str, end: str, note: str) -> str:
    return (
        f'<TextSource guid="{_GUIDS[number + 3]}" name="d{number}" '
        f'plainTextPath="internal://d{number}.txt">'
        f'<PlainTextSelection guid="{_GUIDS[number + 6]}" '
        f'startPosition="{start}" endPosition="{end}">'
        f"<Description>{note}</Description>"
        f'<Coding guid="{_GUIDS[9]}"><CodeRef targetGUID="{_GUIDS[number % 2]}"/></Coding>'
        "</PlainTextSelection></TextSource>"
    )


@_FUZZ
@given(
    text=st.one_of(
        st.just(HOSTILE_TEXT), st.just("a\x00b" + HOSTILE_TEXT), st.text(min_size=1, max_size=20)
    ),
    start=st.one_of(
        st.just("0"),
        st.integers(4_301, 6_000).map(lambda n: "7" * n),
        st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=5),
    ),
    note=st.sampled_from(["", "a note", "&#0;", "&#xD800;", "<Description>x</Description>"]),
    depth=st.sampled_from([0, 1, 50, 3_000]),
    definition=HOSTILE_JSON,
)
def test_no_qdpx_source_loses_the_project(
    text: str, start: str, note: str, depth: int, definition: str
) -> None:
    codes = "".join(
        f'<Code guid="{_GUIDS[i]}" name="{VALID[i][3]}" isCodable="true"/>' for i in range(2)
    )
    hostile = _xml_text(definition)
    codes += (
        '<Code guid="a" name="Attributes" isCodable="false">'
        '<Code guid="b" name="strength" isCodable="false">'
        f"<Description>definition: {hostile}</Description>"
        f'<Code guid="c" name="v" isCodable="true"><Description>value: {hostile}</Description>'
        "</Code></Code></Code>"
    )
    nested = '<Code guid="x" name="n" isCodable="true">' * depth + "</Code>" * depth
    sources = [_qdpx_source(i, str(VALID[i][1]), str(VALID[i][2]), "") for i in range(2)] + [
        _qdpx_source(2, _xml_attribute(start), "2", note)
    ]
    project = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{_Q}" name="p">'
        f"<CodeBook><Codes>{codes}{nested}</Codes></CodeBook>"
        f"<Sources>{''.join(sources)}</Sources></Project>"
    )

    def write(folder: Path) -> Path:
        path = folder / "set.qdpx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("project.qde", project)
            for i, (valid_text, *_rest) in enumerate(VALID):
                archive.writestr(f"sources/d{i}.txt", valid_text.encode("utf-8"))
            archive.writestr("sources/d2.txt", text.encode("utf-8", "surrogatepass"))
        return path

    try:
        _run(write)
    except AssertionError as error:
        # A project file that is not well-formed XML (a NUL or surrogate reference in a note)
        # is one document: refusing it whole is right. Anything else must keep the sources.
        if note in {"&#0;", "&#xD800;", "<Description>x</Description>"} and "unreadable" in str(
            error
        ):
            return
        raise
