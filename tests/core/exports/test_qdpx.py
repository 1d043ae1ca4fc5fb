"""REFI-QDA (.qdpx): the project validates against the published schema, its positions slice the
texts in the zip, and what goes out comes back in."""

from __future__ import annotations

import contextlib
import json
import random
import re
import struct
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from conftest import FIRST_TAG_TW, add_text, exported, failing_export, import_twice
from lxml import etree

from desktop.core.exports.importing import (
    AnnotatedSet,
    Problem,
    UnreadableSet,
    store_annotated_set,
)
from desktop.core.exports.qdpx import NAMESPACE, write_qdpx
from desktop.core.exports.qdpx_reader import read_qdpx, utc_time
from desktop.core.exports.selection import label_paths
from desktop.core.model import text_sha256
from desktop.core.store import Store

SCHEMA = Path(__file__).parents[2] / "data" / "refi-qda" / "Project-mrt2019.xsd"
# The GUIDType pattern of the schema, anchored.
GUID = re.compile(
    r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
    r"|^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$"
)
GUID_ATTRIBUTES = (
    "guid",
    "targetGUID",
    "creatingUser",
    "creatingUserGUID",
    "modifyingUser",
    "modifyingUserGUID",
)
Q = "{" + NAMESPACE + "}"
TAGS_IN_SAMPLE = 6


def write(store: Store, target: Path, **options: Any) -> Path:
    documents, codebook = exported(store, **options)
    assert write_qdpx(iter(documents), codebook, target) == sum(
        len(d.annotations) for d in documents
    )
    return target


def project_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.qde")


def source_text(path: Path, source: ET.Element) -> str:
    internal = source.get("plainTextPath", "").removeprefix("internal://")
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"sources/{internal}").decode("utf-8")


def text_source(path: Path, name: str) -> ET.Element:
    root = ET.fromstring(project_xml(path))
    return next(s for s in root.iter(f"{Q}TextSource") if s.get("name") == name)


def positions(selection: ET.Element) -> tuple[int, int]:
    return int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))


def store_tags(store: Store) -> list[tuple[Any, ...]]:
    paths = label_paths(store.labels())
    return sorted(
        (
            store.document(document_id).text_sha256,
            paths[tag.label_id],
            tag.start,
            tag.end,
            tag.text,
            tag.note,
            tag.attributes,
            tag.annotator,
            tag.created_at,
            tag.updated_at,
        )
        for document_id in store.document_ids()
        for tag in store.annotations(document_id)
    )


def store_documents(store: Store) -> list[tuple[Any, ...]]:
    return sorted(
        (d.text_sha256, d.title, d.clean_text, d.date, d.source, d.status, d.metadata)
        for d in map(store.document, store.document_ids())
    )


def comparable(annotated: AnnotatedSet) -> tuple[list[Any], list[Any]]:
    documents = sorted((asdict(d) for d in annotated.documents), key=lambda d: d["text_sha256"])
    for document in documents:
        document["spans"].sort(key=lambda span: (span["start"], span["end"], span["label"]))
    return documents, sorted(tuple(asdict(label).values()) for label in annotated.labels)


def rewritten(path: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the zip with some members replaced (bytes) or left out (None)."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for name in source.namelist():
            if name not in change:
                copy.writestr(name, source.read(name))
            elif change[name] is not None:
                copy.writestr(name, change[name])
    return target


# ----------------------------------------------------------------------------- round trip


def test_a_round_trip_restores_documents_tags_notes_and_attributes(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    first = write(sample_store, tmp_path / "first.qdpx")
    report = store_annotated_set(empty_store, read_qdpx(first))
    assert report.problems == []
    assert (report.documents_added, report.annotations_added) == (3, TAGS_IN_SAMPLE)
    assert store_tags(empty_store) == store_tags(sample_store)
    assert store_documents(empty_store) == store_documents(sample_store)
    assert empty_store.attributes() == sample_store.attributes()
    second = write(empty_store, tmp_path / "second.qdpx")
    assert comparable(read_qdpx(second)) == comparable(read_qdpx(first))
    assert read_qdpx(second).attributes == read_qdpx(first).attributes


def test_the_codebook_comes_back_with_paths_colours_and_descriptions(
    sample_store: Store, tmp_path: Path
) -> None:
    annotated = read_qdpx(write(sample_store, tmp_path / "out.qdpx"))
    paths = label_paths(sample_store.labels())
    expected = {(paths[x.id], x.color, x.description) for x in sample_store.labels()}
    assert {(x.path, x.color, x.description) for x in annotated.labels} == expected


def test_attribute_values_are_codes_under_attributes_and_come_back_as_values(
    sample_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    root = ET.fromstring(project_xml(path))
    helper = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "Attributes")
    assert helper.get("isCodable") == "false"
    addressee = next(c for c in helper if c.get("name") == "addressee")
    assert {c.get("name") for c in addressee.iter(f"{Q}Code")} >= {"各區", "各部門"}
    spans = [s for d in read_qdpx(path).documents for s in d.spans]
    by_text = {span.text: span.attributes for span in spans}
    assert by_text["要統籌推進疫情防控和經濟社會發展工作"] == {
        "issuer": "張愛軍",
        "addressee": ["各區", "各部門"],
    }
    assert by_text["要做好安全生产工作"] == {"strength": "directive", "issuer": "会议 主席"}


def test_each_attribute_code_ends_with_its_definition_and_the_reader_restores_it(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    root = ET.fromstring(project_xml(path))
    helper = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "Attributes")
    # The scheme's order, as the project shows them.
    names = [c.get("name") for c in helper.iterfind(f"{Q}Code")]
    assert names == ["issuer", "addressee", "strength", "deadline"]
    strength = next(c for c in helper if c.get("name") == "strength")
    spec = next(a for a in sample_store.attributes() if a.name == "strength")
    lines = (strength.findtext(f"{Q}Description") or "").split("\n")
    assert lines[:2] == [f"Strength — {spec.description}", "values: single"]
    assert lines[2].startswith("definition: ")
    assert json.loads(lines[2].removeprefix("definition: ")) == {
        "name": "strength",
        "label": "Strength",
        "kind": "choice",
        "values": ["mandatory", "directive", "advisory"],
        "description": spec.description,
    }
    annotated = read_qdpx(path)
    assert annotated.attributes == sample_store.attributes()
    store_annotated_set(empty_store, annotated)
    assert empty_store.attributes() == sample_store.attributes()


def test_an_attribute_used_only_on_tags_has_no_definition(
    empty_store: Store, tmp_path: Path
) -> None:
    document_id = add_text(empty_store, "要做好安全生产工作。")
    label = empty_store.add_label("Labour")
    empty_store.add_annotation(document_id, label.id, 0, 3, attributes={"发文机关": "市政府"})
    path = write(empty_store, tmp_path / "out.qdpx")
    root = ET.fromstring(project_xml(path))
    code = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "发文机关")
    assert code.findtext(f"{Q}Description") == "values: single"
    annotated = read_qdpx(path)
    assert annotated.attributes == [] and annotated.problems == []
    [span] = annotated.documents[0].spans
    assert span.attributes == {"发文机关": "市政府"}


def test_an_unusable_attribute_definition_is_reported_and_its_values_still_read(
    sample_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    xml = project_xml(path).decode("utf-8")
    broken = xml.replace(
        '"label": "Strength", "kind": "choice"', '"label": "Strength", "kind": "scale"'
    )
    assert broken != xml
    changed = rewritten(path, tmp_path / "changed.qdpx", {"project.qde": broken.encode()})
    annotated = read_qdpx(changed)
    assert [spec.name for spec in annotated.attributes] == ["issuer", "addressee", "deadline"]
    [problem] = annotated.problems
    assert problem.reason == "attribute 'strength': its definition is not usable"
    spans = [s for d in annotated.documents for s in d.spans]
    assert {s.attributes.get("strength") for s in spans} == {None, "directive", "mandatory"}


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    again = import_twice(empty_store, lambda: read_qdpx(path))
    assert (again.documents_added, again.documents_matched) == (0, 3)
    assert (again.annotations_added, again.duplicates) == (0, TAGS_IN_SAMPLE)
    assert again.labels_added == []


def test_reexporting_gives_the_same_guids(sample_store: Store, tmp_path: Path) -> None:
    def guids(path: Path) -> list[str]:
        return sorted(e.get("guid", "") for e in ET.fromstring(project_xml(path)).iter())

    first = guids(write(sample_store, tmp_path / "a.qdpx", entities=True))
    assert first == guids(write(sample_store, tmp_path / "b.qdpx", entities=True))


# ------------------------------------------------------------------------------- offsets


def test_the_span_after_an_astral_character_slices_the_written_text(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    source = text_source(path, "吉野家会议")
    text = source_text(path, source)
    assert text.startswith("𠮷")
    selection = next(
        s for s in source.iter(f"{Q}PlainTextSelection") if s.get("name") == "要做好安全生产工作"
    )
    start, end = positions(selection)
    assert start == 8  # code points: 𠮷 counts one, not two as in UTF-16
    assert text[start:end] == "要做好安全生产工作"
    assert store_annotated_set(empty_store, read_qdpx(path)).problems == []


def test_converted_text_export_moves_positions_through_the_length_change(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx", text="converted", conversion="s2twp")
    source = text_source(path, "信息安全会议")
    text = source_text(path, source)
    covered = [text[slice(*positions(s))] for s in source.iter(f"{Q}PlainTextSelection")]
    assert FIRST_TAG_TW in covered
    description = source.findtext(f"{Q}Description") or ""
    assert "conversion: s2twp" in description
    assert f"text_sha256: {text_sha256(text)}" in description
    report = store_annotated_set(empty_store, read_qdpx(path))
    assert report.problems == [] and report.annotations_added == TAGS_IN_SAMPLE


# ------------------------------------------------------------------ the published schema


@pytest.mark.parametrize("text", ["original", "converted"])
@pytest.mark.parametrize("entities", [False, True])
def test_the_project_validates_against_the_refi_qda_schema(
    sample_store: Store, tmp_path: Path, text: str, entities: bool
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx", text=text, entities=entities)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    schema.assertValid(etree.fromstring(project_xml(path)))


def test_an_empty_export_still_validates(empty_store: Store, tmp_path: Path) -> None:
    path = write(empty_store, tmp_path / "out.qdpx")
    etree.XMLSchema(etree.parse(str(SCHEMA))).assertValid(etree.fromstring(project_xml(path)))


def test_the_zip_has_no_bom_and_every_text_path_resolves_under_lowercase_sources(
    sample_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        texts = {name: archive.read(name) for name in names if name != "project.qde"}
    qde = project_xml(path)
    assert qde.startswith(b"<?xml")
    assert all(name.startswith("sources/") and name == name.lower() for name in texts)
    assert not any(data.startswith(b"\xef\xbb\xbf") for data in texts.values())
    sources = list(ET.fromstring(qde).iter(f"{Q}TextSource"))
    resolved = {
        "sources/" + s.get("plainTextPath", "").removeprefix("internal://") for s in sources
    }
    assert all(s.get("plainTextPath", "").startswith("internal://") for s in sources)
    assert resolved == set(texts)


def test_every_guid_is_guid_shaped_and_every_reference_resolves(
    sample_store: Store, tmp_path: Path
) -> None:
    root = ET.fromstring(project_xml(write(sample_store, tmp_path / "out.qdpx", entities=True)))
    values = [e.get(a, "") for e in root.iter() for a in GUID_ATTRIBUTES if a in e.attrib]
    assert values and all(GUID.match(value) for value in values)
    guids = [e.get("guid") for e in root.iter() if "guid" in e.attrib]
    assert len(guids) == len(set(guids))
    of = {tag: {e.get("guid") for e in root.iter(f"{Q}{tag}")} for tag in ("User", "Code")}
    assert {e.get("targetGUID") for e in root.iter(f"{Q}CodeRef")} <= of["Code"]
    users = {e.get("creatingUser") for e in root.iter() if "creatingUser" in e.attrib}
    assert users | {root.get("creatingUserGUID")} <= of["User"]


# --------------------------------------------------------------------------- entity layer


def test_the_entity_layer_is_coded_under_entities_and_skipped_on_reading(
    sample_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx", entities=True)
    root = ET.fromstring(project_xml(path))
    helper = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "Entities")
    assert helper.get("isCodable") == "false" and "PERSON" in {c.get("name") for c in helper}
    annotated = read_qdpx(path)
    assert sum(len(d.spans) for d in annotated.documents) == TAGS_IN_SAMPLE
    assert not any(x.path.split("/")[0] in ("Entities", "Attributes") for x in annotated.labels)
    assert any("entity layer" in line for line in annotated.skipped)


# ------------------------------------------------------------------------------ bad input


def test_a_selection_outside_its_text_is_reported_by_guid_and_the_rest_import(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    ET.register_namespace("", NAMESPACE)
    root = ET.fromstring(project_xml(path))
    outside, garbled = list(root.iter(f"{Q}PlainTextSelection"))[:2]
    outside.set("endPosition", "999")
    garbled.set("startPosition", "eight")
    broken = rewritten(path, tmp_path / "broken.qdpx", {"project.qde": ET.tostring(root)})
    annotated = read_qdpx(broken)
    length = len(source_text(path, text_source(path, "吉野家会议")))
    start = outside.get("startPosition")
    assert annotated.problems == [
        Problem(
            f"selection {outside.get('guid')}",
            f"positions {start}-999 fall outside its text ({length} characters)",
        ),
        Problem(
            f"selection {garbled.get('guid')}",
            "startPosition and endPosition must be whole numbers",
        ),
    ]
    report = store_annotated_set(empty_store, annotated)
    assert report.annotations_added == TAGS_IN_SAMPLE - 2
    assert len(report.problems) == 2


def test_a_source_whose_text_is_missing_is_reported_and_the_others_import(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    source = text_source(path, "統籌會議")
    member = "sources/" + source.get("plainTextPath", "").removeprefix("internal://")
    annotated = read_qdpx(rewritten(path, tmp_path / "broken.qdpx", {member: None}))
    assert [p.where for p in annotated.problems] == [f"source {source.get('guid')}"]
    assert "is not in the file" in annotated.problems[0].reason
    assert store_annotated_set(empty_store, annotated).documents_added == 2


def test_a_selection_name_that_is_not_its_text_is_refused_by_the_import(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    ET.register_namespace("", NAMESPACE)
    root = ET.fromstring(project_xml(path))
    selection = next(
        s for s in root.iter(f"{Q}PlainTextSelection") if s.get("name") == "二是加强督查"
    )
    selection.set("name", "三是加强督查")
    broken = rewritten(path, tmp_path / "broken.qdpx", {"project.qde": ET.tostring(root)})
    report = store_annotated_set(empty_store, read_qdpx(broken))
    assert [p.where for p in report.problems] == [f"selection {selection.get('guid')}"]
    assert report.annotations_added == TAGS_IN_SAMPLE - 1


def _not_a_zip(tmp_path: Path) -> Path:
    path = tmp_path / "x.qdpx"
    path.write_text("just text", encoding="utf-8")
    return path


def _zip_with(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "x.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        (None, "not a .qdpx"),
        ({"sources/a.txt": b"text"}, "no project.qde"),
        ({"project.qde": b"<Project"}, "not XML"),
        ({"project.qde": b'<?xml version="1.0" encoding="no-such"?><Project/>'}, "not XML"),
        ({"project.qde": b'<Project xmlns="urn:other" name="x"/>'}, "not a REFI-QDA project"),
    ],
)
def test_what_is_not_a_refi_project_at_all_is_unreadable(
    tmp_path: Path, members: dict[str, bytes] | None, reason: str
) -> None:
    path = _not_a_zip(tmp_path) if members is None else _zip_with(tmp_path, members)
    with pytest.raises(UnreadableSet, match=reason):
        read_qdpx(path)


# --------------------------------------------------------------- other programs' projects

FOREIGN_TEXT = "会议要求，各单位要加强督查。"
FOREIGN_PROJECT = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NAMESPACE}" name="p" origin="QualCoder">
  <Users><User guid="11111111-1111-1111-1111-111111111111" name="coder A"/></Users>
  <CodeBook><Codes>
    <Code guid="22222222-2222-2222-2222-222222222222" name="指示" isCodable="false">
      <Code guid="33333333-3333-3333-3333-333333333333" name="督查" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="44444444-4444-4444-4444-444444444444" name="纪要.txt"
                plainTextPath="internal://44444444-4444-4444-4444-444444444444.txt">
      <PlainTextSelection guid="55555555-5555-5555-5555-555555555555" name="各单位要加强督查"
          startPosition="5" endPosition="13"
          creatingUser="11111111-1111-1111-1111-111111111111">
        <Description>memo</Description>
        <Coding guid="66666666-6666-6666-6666-666666666666">
          <CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="77777777-7777-7777-7777-777777777777" startPosition="0"
          endPosition="2"><Description>a memo, no code</Description></PlainTextSelection>
    </TextSource>
  </Sources>
</Project>
"""


def test_a_qualcoder_style_project_with_a_bom_in_its_text_is_read(tmp_path: Path) -> None:
    path = _zip_with(
        tmp_path,
        {
            "project.qde": FOREIGN_PROJECT.encode("utf-8"),
            "sources/44444444-4444-4444-4444-444444444444.txt": FOREIGN_TEXT.encode("utf-8-sig"),
        },
    )
    annotated = read_qdpx(path)
    [document] = annotated.documents
    assert (document.title, document.text) == ("纪要.txt", FOREIGN_TEXT)
    [span] = document.spans
    assert (span.label, span.text, span.note, span.annotator) == (
        "指示/督查",
        "各单位要加强督查",
        "memo",
        "coder A",
    )
    assert [x.path for x in annotated.labels] == ["指示", "指示/督查"]
    assert annotated.skipped == ["1 selections with no label code (memos), not tags"]


# ------------------------------------------------------------------------------ writing


def test_a_failed_export_leaves_nothing_behind(sample_store: Store, tmp_path: Path) -> None:
    documents, codebook = failing_export(sample_store)
    target = tmp_path / "out.qdpx"
    with pytest.raises(RuntimeError):
        write_qdpx(documents, codebook, target)
    assert list(tmp_path.glob("out.qdpx*")) == []


# ---------------------------------------------------------------------- damaged zips


def _member_data_offset(data: bytes, info: zipfile.ZipInfo) -> int:
    """Where a member's (compressed) bytes start: after its local header, name and extra."""
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_length + extra_length


def _damage(path: Path, member: str, how: str) -> Path:
    """A copy of the zip with one member damaged: its stored bytes changed (the CRC no longer
    matches), its deflated stream broken, or its compression method unknown to zipfile."""
    if how == "crc":  # store the member so a changed byte is a changed character
        with zipfile.ZipFile(path) as source:
            members = {name: source.read(name) for name in source.namelist()}
        path = path.with_name("stored.qdpx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as copy:
            for name, content in members.items():
                copy.writestr(name, content)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    start = _member_data_offset(bytes(data), info)
    if how == "crc":
        data[start] ^= 0x01
    elif how == "deflate":
        data[start] = 0xFF  # a deflate block of type 3, which does not exist
    else:  # the method is in the local header and again in the central directory
        central = data.rfind(member.encode()) - 46
        assert data[central : central + 4] == b"PK\x01\x02"
        struct.pack_into("<H", data, info.header_offset + 8, 99)
        struct.pack_into("<H", data, central + 10, 99)
    damaged = path.with_name(f"damaged-{how}.qdpx")
    damaged.write_bytes(bytes(data))
    return damaged


@pytest.mark.parametrize("how", ["crc", "deflate", "method"])
def test_a_damaged_source_is_a_problem_and_the_others_import(
    sample_store: Store, empty_store: Store, tmp_path: Path, how: str
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    source = text_source(path, "統籌會議")
    member = "sources/" + source.get("plainTextPath", "").removeprefix("internal://")
    annotated = read_qdpx(_damage(path, member, how))
    [problem] = annotated.problems
    assert problem.where == f"source {source.get('guid')}"
    assert problem.reason.startswith(f"its text {member} is damaged in the zip")
    report = store_annotated_set(empty_store, annotated)
    assert report.documents_added == 2 and report.annotations_added == TAGS_IN_SAMPLE - 1


@pytest.mark.parametrize("how", ["crc", "deflate", "method"])
def test_a_damaged_project_file_is_unreadable(
    sample_store: Store, tmp_path: Path, how: str
) -> None:
    path = write(sample_store, tmp_path / "out.qdpx")
    with pytest.raises(UnreadableSet, match=r"project\.qde cannot be read from the zip"):
        read_qdpx(_damage(path, "project.qde", how))


def test_no_damaged_byte_gets_past_the_reader(sample_store: Store, tmp_path: Path) -> None:
    """Any byte of the file changed: the reader reads what it can or says it cannot."""
    path = write(sample_store, tmp_path / "out.qdpx")
    original = path.read_bytes()
    damaged = tmp_path / "damaged.qdpx"
    for position in random.Random(6).sample(range(len(original)), 300):
        data = bytearray(original)
        data[position] ^= 0xA5
        damaged.write_bytes(bytes(data))
        with contextlib.suppress(UnreadableSet):
            read_qdpx(damaged)


def test_a_code_without_a_name_or_with_a_short_colour(tmp_path: Path) -> None:
    project = FOREIGN_PROJECT.replace(
        'name="督查" isCodable="true"', 'name="" color="#a0c" isCodable="true"'
    )
    project = project.replace(
        'name="指示" isCodable="false"', 'name="指示" color="#a0c" isCodable="false"'
    )
    path = _zip_with(
        tmp_path,
        {
            "project.qde": project.encode("utf-8"),
            "sources/44444444-4444-4444-4444-444444444444.txt": FOREIGN_TEXT.encode("utf-8"),
        },
    )
    annotated = read_qdpx(path)
    assert [(x.path, x.color) for x in annotated.labels] == [
        ("指示", "#aa00cc"),
        ("指示/", "#aa00cc"),
    ]
    with Store(tmp_path / "p.jiyao") as store:
        report = store_annotated_set(store, annotated)
        reasons = [str(p) for p in report.problems]
        assert reasons == [
            "code 33333333-3333-3333-3333-333333333333: the label path '指示/' has an empty "
            "part; label left out",
            "selection 55555555-5555-5555-5555-555555555555: the label path '指示/' has an "
            "empty part; tag refused",
        ]
        assert [(x.name, x.color) for x in store.labels()] == [("指示", "#aa00cc")]


def _as_qualcoder_exports_it(path: Path) -> None:
    """Rewrites a .qdpx the way a trip through QualCoder does (its refi.py): new user GUIDs
    (names kept), each coding a selection of its own, times written as "<what it read>Z", no
    modified times; and adds what a QualCoder project has besides: a journal, a note on a
    range (with the source's NoteRef) and a case with a memo."""
    q = "{" + NAMESPACE + "}"
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = ET.fromstring(members["project.qde"])
    new_guids = {user.get("guid"): str(uuid.uuid4()) for user in root.iter(f"{q}User")}
    for element in root.iter():
        for attribute in ("guid", "creatingUser", "modifyingUser", "creatingUserGUID"):
            if element.get(attribute) in new_guids:
                element.set(attribute, new_guids[element.get(attribute, "")])
        element.attrib.pop("modifiedDateTime", None)
        element.attrib.pop("modifyingUser", None)
        if "creationDateTime" in element.attrib:
            value = element.get("creationDateTime", "")
            element.set("creationDateTime", f"{value[:10]}T{value[11:]}Z")
    for source in root.iter(f"{q}TextSource"):
        for selection in list(source.iterfind(f"{q}PlainTextSelection")):
            codings = selection.findall(f"{q}Coding")
            for coding in codings[1:]:
                selection.remove(coding)
                alone = ET.SubElement(source, f"{q}PlainTextSelection", dict(selection.attrib))
                alone.set("guid", str(uuid.uuid4()))
                description = selection.find(f"{q}Description")
                if description is not None:
                    ET.SubElement(alone, f"{q}Description").text = description.text
                alone.append(coding)
    first_source = next(root.iter(f"{q}TextSource"))
    tagged = next(first_source.iterfind(f"{q}PlainTextSelection"))
    ET.SubElement(first_source, f"{q}NoteRef", targetGUID="0f758eeb-d61d-4e91-b250-79861c3869a6")
    notes = ET.SubElement(root, f"{q}Notes")
    journal = ET.SubElement(notes, f"{q}Note", guid=str(uuid.uuid4()), name="日志")
    ET.SubElement(journal, f"{q}Description")
    on_range = ET.SubElement(notes, f"{q}Note", guid="0f758eeb-d61d-4e91-b250-79861c3869a6")
    ET.SubElement(on_range, f"{q}PlainTextContent").text = "范围上的批注"
    ET.SubElement(
        on_range,
        f"{q}PlainTextSelection",
        guid=str(uuid.uuid4()),
        startPosition=tagged.get("startPosition", ""),
        endPosition=tagged.get("endPosition", ""),
    )
    cases = ET.SubElement(root, f"{q}Cases")
    ET.SubElement(
        ET.SubElement(cases, f"{q}Case", guid=str(uuid.uuid4()), name="甲"), f"{q}Description"
    ).text = "个案备忘"
    members["project.qde"] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _tags_by_place(store: Store) -> dict[tuple[str, int, int, str], tuple[object, ...]]:
    paths = label_paths(store.labels())
    return {
        (store.document(i).clean_text, a.start, a.end, paths[a.label_id]): (
            a.note,
            a.attributes,
            a.annotator,
            a.created_at,
        )
        for i in store.document_ids()
        for a in store.annotations(i)
    }


def test_a_qualcoder_export_of_our_export_keeps_attributes_annotators_notes_and_times(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "qualcoder.qdpx"
    write_qdpx(*exported(sample_store), path)
    _as_qualcoder_exports_it(path)
    annotated = read_qdpx(path)
    assert annotated.problems == []
    assert sorted(annotated.skipped) == [
        "1 cases (Jiyao has no cases; their memos and variables are not imported)",
        "1 notes with no text",  # the empty journal
    ]
    assert annotated.memos == []
    back_home = store_annotated_set(sample_store, read_qdpx(path))
    assert (back_home.annotations_added, back_home.duplicates) == (0, 6)
    assert back_home.differing == 1  # the range note QualCoder added
    store_annotated_set(empty_store, annotated)
    expected = _tags_by_place(sample_store)
    got = _tags_by_place(empty_store)
    assert got.keys() == expected.keys()
    changed = {key for key in got if got[key] != expected[key]}
    [key] = changed  # the tag under the range note; all else as it left
    note, *rest = got[key]
    assert note.endswith("范围上的批注") and rest == list(expected[key][1:])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01T08:00:00+00:00Z", "2024-05-01T08:00:00+00:00"),
        ("2024-05-01T08:00:00Z", "2024-05-01T08:00:00+00:00"),
        ("2024-05-01T16:00:00+08:00Z", "2024-05-01T08:00:00+00:00"),
        ("2024-05-01T03:00:00-05:00", "2024-05-01T08:00:00+00:00"),
        ("2024-05-01T08:00:00", "2024-05-01T08:00:00+00:00"),
        ("yesterday", ""),
    ],
)
def test_times_are_read_as_iso_8601_utc(value: str, expected: str) -> None:
    assert utc_time(value) == expected


def test_a_note_a_selection_refers_to_goes_on_its_tag_and_a_memo_is_reported(
    empty_store: Store, tmp_path: Path
) -> None:
    document_id = add_text(empty_store, "会议要求加强督查。")
    label = empty_store.add_label("督查")
    empty_store.add_annotation(document_id, label.id, 4, 8, note="原批注")
    path = tmp_path / "nvivo.qdpx"
    write_qdpx(*exported(empty_store), path)
    q = "{" + NAMESPACE + "}"
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = ET.fromstring(members["project.qde"])
    selection = next(root.iter(f"{q}PlainTextSelection"))
    ET.SubElement(selection, f"{q}NoteRef", targetGUID="4691a8a0-d67c-4dcc-91d6-e9075dc230cc")
    notes = ET.SubElement(root, f"{q}Notes")
    annotation = ET.SubElement(notes, f"{q}Note", guid="4691a8a0-d67c-4dcc-91d6-e9075dc230cc")
    ET.SubElement(annotation, f"{q}PlainTextContent").text = "NVivo 的批注"
    memo = ET.SubElement(notes, f"{q}Note", guid=str(uuid.uuid4()), name="备忘")
    ET.SubElement(memo, f"{q}Description").text = "项目备忘"
    members["project.qde"] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    annotated = read_qdpx(path)
    [span] = annotated.documents[0].spans
    assert span.note == "原批注\nNVivo 的批注"
    assert annotated.skipped == []
    [journal] = annotated.memos  # a note nothing refers to joins the project's journal
    assert (journal.target, journal.title, journal.text) == ("project", "备忘", "项目备忘")


def test_a_named_note_on_an_untitled_tag_gives_its_memo_a_title(
    empty_store: Store, tmp_path: Path
) -> None:
    document_id = add_text(empty_store, "会议要求加强督查。")
    label = empty_store.add_label("督查")
    empty_store.add_annotation(document_id, label.id, 4, 8)
    path = tmp_path / "nvivo.qdpx"
    write_qdpx(*exported(empty_store), path)
    q = "{" + NAMESPACE + "}"
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = ET.fromstring(members["project.qde"])
    selection = next(root.iter(f"{q}PlainTextSelection"))
    ET.SubElement(selection, f"{q}NoteRef", targetGUID="4691a8a0-d67c-4dcc-91d6-e9075dc230cc")
    notes = ET.SubElement(root, f"{q}Notes")
    annotation = ET.SubElement(
        notes, f"{q}Note", guid="4691a8a0-d67c-4dcc-91d6-e9075dc230cc", name="督查的批注"
    )
    ET.SubElement(annotation, f"{q}PlainTextContent").text = "NVivo 的批注"
    members["project.qde"] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    [span] = read_qdpx(path).documents[0].spans
    assert (span.note, span.note_title) == ("NVivo 的批注", "督查的批注")


def test_a_qualcoder_journal_entry_kept_in_a_text_file_joins_the_journal(
    empty_store: Store, tmp_path: Path
) -> None:
    """QualCoder (and NVivo) keep a note's text in a file the note's plainTextPath names, with
    an empty Description; it was read as a note with no text and dropped."""
    document_id = add_text(empty_store, "会议要求加强督查。")
    empty_store.add_annotation(document_id, empty_store.add_label("督查").id, 4, 8)
    path = tmp_path / "qualcoder.qdpx"
    write_qdpx(*exported(empty_store), path)
    q = "{" + NAMESPACE + "}"
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root = ET.fromstring(members["project.qde"])
    notes = ET.SubElement(root, f"{q}Notes")
    for guid, name in (
        ("6f0a3c1e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "第一周"),
        ("7a1b4d2f-3c5e-4f60-9bac-1d2e3f4a5b6c", "丢了文件"),
    ):
        note = ET.SubElement(
            notes,
            f"{q}Note",
            guid=guid,
            name=name,
            creationDateTime="2024-05-01T08:00:00Z",
            plainTextPath=f"internal://{guid}.txt",
        )
        ET.SubElement(note, f"{q}Description")
    members["Sources/6f0a3c1e-2b4d-4e5f-8a9b-0c1d2e3f4a5b.txt"] = "读完十份纪要".encode()
    members["project.qde"] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    annotated = read_qdpx(path)
    [journal] = annotated.memos
    assert (journal.target, journal.title, journal.text) == ("project", "第一周", "读完十份纪要")
    assert journal.created == "2024-05-01T08:00:00+00:00"
    [problem] = annotated.problems
    assert str(problem).startswith("note 7a1b4d2f-3c5e-4f60-9bac-1d2e3f4a5b6c: its text")
    assert store_annotated_set(empty_store, annotated).memos_added == 1
