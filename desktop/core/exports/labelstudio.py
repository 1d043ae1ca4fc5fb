"""Label Studio JSON: a list of tasks to import into a Label Studio text project, and back.

Shapes (Label Studio's "JSON" export, which its import accepts):

- One task per document: ``data`` holds the text (``$text`` in the labelling config) with the
  title, date, source, status, ``jiyao_document_id``, ``text_sha256``, ``conversion``,
  ``source_text_sha256`` (the clean text's, so a converted set finds its documents again) and
  the ``offsets`` convention. Label Studio keeps ``data`` and the task's ``meta`` through an import
  and export, so ``meta.jiyao`` carries what a round trip needs and Label Studio has no field
  for: each region's annotator, times and note title (keyed by region id), the document's
  metadata and script, and the user's entity corrections.
- One annotation per annotator (Label Studio's model: an annotation is one person's work). Each
  tag is a ``labels`` result; each attribute is a second result with the same region id
  (``textarea`` for free text, ``choices`` for choice attributes) and the note a ``textarea``
  named ``note``. Labels are written as paths ("Support measures/Labour"): a name is unique only
  among its siblings, and Label Studio needs each ``<Label value>`` unique.
- No ``completed_by``: Label Studio accepts only an existing member's id or e-mail there and
  refuses the whole import otherwise, so the imported annotations belong to whoever imports
  them, and the Jiyao annotator's name lives in ``meta.jiyao.regions``.
- The entity layer (when exported) is a prediction with model_version ``jiyao-entities`` and
  its own ``<Labels name="entity">``, for review; the reader skips predictions.
- Beside ``NAME.json`` goes ``NAME.label_config.xml``, the labelling config to create the
  project from: the scheme's name in a header, every label (by path) with its colour and
  description (``hint``), the text, and per-region controls for the attributes (a ``Choices``
  or a ``TextArea`` whose placeholder is the description) and the note. When it is beside the
  tasks, the reader rebuilds the scheme from it: hierarchy, colours, descriptions, attributes.
  Label shortcuts are left out (Label Studio assigns its own hotkeys) and do not come back.
  ``labelstudio_config`` writes and parses the config; this module writes and reads the tasks.

Offsets are Unicode code points, 0-based, end-exclusive: Python's, and what Label Studio's own
editor writes and reads for ``<Text>`` since the emoji fix that followed HumanSignal/label-studio
#1347 (its end-to-end test ``web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts`` expects
code points after an emoji). Older versions counted UTF-16 units; ``data.offsets`` says which
convention a file uses.

Reading accepts a list of tasks or a single task object, the text in ``data.text`` (or in the
field the labelling config beside the tasks names, ``<Text value="$review">``: never a guess,
which could take a title for the text), ``annotations``
(or the pre-1.0 ``completions``), ``completed_by`` as an id or a user object when no Jiyao
annotator is recorded, and Label Studio's JSON_MIN export (``{"text": ..., "<control>": [{start,
end, text, labels}]}``). Cancelled annotations, predictions, relations and results not tied to a
tagged region are skipped and counted. An attribute given as a one-item list comes back as a
string. Data fields other than the text and Jiyao's own become document variables (metadata).
JSON_MIN has a row per annotation (merged into one document per task), per-region answers
under their control's name (the note and attributes, matched to a region by its range), and no
annotator but a user id: its tags are added once, whoever made them, and the report says what
JSON_MIN cannot carry. The config's labels are read from any ``<Labels>`` control.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from desktop.core import textio
from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.fields import (
    MALFORMED,
    BadField,
    as_dict,
    as_list,
    as_string,
    correction_from_json,
    correction_to_json,
    each,
    list_field,
    offsets,
    reason,
)
from desktop.core.exports.importing import (
    AnnotatedSet,
    DocumentRecord,
    Problem,
    SpanRecord,
    UnreadableSet,
    read_set_file,
    recorded_span,
)
from desktop.core.exports.labelstudio_config import (
    ENTITY_CONTROL,
    LABELS_CONTROL,
    NOTE_CONTROL,
    TEXT_OBJECT,
    SeenValues,
    label_config,
    scheme_from_config,
    text_fields,
)
from desktop.core.exports.output import atomic_text_file
from desktop.core.exports.selection import Codebook, ExportDocument
from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.model import Annotation, Entity, EntityCorrection
from desktop.core.safe_text import UnusableJson, json_list_items, load_json

FORMAT = "labelstudio"
ENTITY_MODEL_VERSION = "jiyao-entities"


def label_config_path(target: Path) -> Path:
    """The labelling config written beside ``target``: tasks.json -> tasks.label_config.xml."""
    return target.with_name(f"{target.stem}.label_config.xml")


# Writing ------------------------------------------------------------------------------------


def write_labelstudio(documents: Iterable[ExportDocument], codebook: Codebook, target: Path) -> int:
    """Write the tasks to ``target`` and the labelling config beside it; returns the number of
    tags written. Both files appear only when both are complete."""
    config_path = label_config_path(target)
    config_placed = False
    try:
        with atomic_text_file(target) as out:
            seen = SeenValues()
            tags = _write_tasks(out, documents, codebook, seen)
            with atomic_text_file(config_path) as config:
                config.write(label_config(codebook, seen))
            config_placed = True
    except BaseException:
        if config_placed:  # the tasks failed to land after the config did: take it back
            config_path.unlink(missing_ok=True)
        raise
    return tags


def _write_tasks(
    out: IO[str], documents: Iterable[ExportDocument], codebook: Codebook, seen: SeenValues
) -> int:
    # One task at a time, so 2,000 documents never become one string in memory.
    kinds = {spec.name: spec.kind for spec in codebook.attributes}
    tags = 0
    out.write("[")
    for number, document in enumerate(documents):
        out.write(",\n" if number else "\n")
        out.write(json.dumps(_task(document, codebook, kinds, seen), ensure_ascii=False))
        tags += len(document.annotations)
    out.write("\n]\n")
    return tags


def _task(
    exported: ExportDocument, codebook: Codebook, kinds: dict[str, str], seen: SeenValues
) -> dict[str, Any]:
    document = exported.document
    task: dict[str, Any] = {
        "id": document.id,
        "data": {
            "text": exported.text,
            "title": document.title,
            "date": document.date,
            "source": document.source,
            "status": document.status.value,
            "jiyao_document_id": document.id,
            "text_sha256": exported.text_sha256,
            "conversion": exported.conversion,
            "source_text_sha256": document.text_sha256,
            "offsets": OFFSET_CONVENTION,
        },
        "annotations": [
            {
                "result": [r for a in group for r in _results(a, codebook, kinds, seen)],
                "was_cancelled": False,
                "ground_truth": False,
            }
            for group in _by_annotator(exported.annotations)
        ],
        "meta": {"jiyao": _jiyao_meta(exported)},
    }
    # Document variables as data fields too, so a labelling config can show $author or $url
    # (a name Jiyao's own fields use stays only in meta, whence the reader takes them all).
    data = task["data"]
    data.update((k, v) for k, v in document.metadata.items() if k not in data)
    if exported.entities:
        task["predictions"] = [
            {
                "model_version": ENTITY_MODEL_VERSION,
                "result": [_entity_result(n, e, seen) for n, e in enumerate(exported.entities)],
            }
        ]
    return task


def _by_annotator(annotations: Iterable[Annotation]) -> list[list[Annotation]]:
    groups: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        groups.setdefault(annotation.annotator, []).append(annotation)
    return list(groups.values())


def _region_id(annotation: Annotation) -> str:
    # Stable across exports of the same project; Label Studio keeps region ids as given.
    return f"j{annotation.id}"


def _results(
    annotation: Annotation, codebook: Codebook, kinds: dict[str, str], seen: SeenValues
) -> Iterator[dict[str, Any]]:
    region = _region_id(annotation)
    where = {"start": annotation.start, "end": annotation.end}
    path = codebook.path(annotation)
    seen.labels.add(path)
    value = {**where, "text": annotation.text, "labels": [path]}
    yield _result(region, LABELS_CONTROL, "labels", value)
    for name, raw in annotation.attributes.items():
        values = _as_strings(raw)
        if not values:
            continue
        if kinds.get(name) == "choice":
            seen.choices.setdefault(name, set()).update(values)
            yield _result(region, name, "choices", {**where, "choices": values})
        else:
            if name not in kinds:
                seen.attributes.add(name)
            yield _result(region, name, "textarea", {**where, "text": values})
    if annotation.note:
        yield _result(region, NOTE_CONTROL, "textarea", {**where, "text": [annotation.note]})


def _result(region: str, control: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": region,
        "from_name": control,
        "to_name": TEXT_OBJECT,
        "type": kind,
        "value": value,
    }


def _as_strings(value: object) -> list[str]:
    """Label Studio's textarea and choices hold lists of strings."""
    items = value if isinstance(value, list) else [value]
    return [
        item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
        for item in items
        if item is not None and item != ""
    ]


def _entity_result(number: int, entity: Entity, seen: SeenValues) -> dict[str, Any]:
    seen.entity_types.add(entity.type)
    value = {"start": entity.start, "end": entity.end, "text": entity.text, "labels": [entity.type]}
    return _result(f"e{number}", ENTITY_CONTROL, "labels", value)


def _jiyao_meta(exported: ExportDocument) -> dict[str, Any]:
    document = exported.document
    return {
        "script": exported.script,
        "source_path": document.source_path,
        "metadata": document.metadata,
        "regions": {
            _region_id(a): _region_meta(a, source_span)
            for a, source_span in exported.annotations_with_source_spans()
        },
        "entity_corrections": [
            correction_to_json(c, span) for c, span in exported.corrections_with_source_spans()
        ],
    }


def _region_meta(a: Annotation, source_span: tuple[int, int] | None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "annotator": a.annotator,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
    }
    if a.note and a.note_title:  # the title of the tag's memo, whose text is the note result
        meta["note_title"] = a.note_title
    if source_span is not None:  # the exact span in the clean text (see ExportDocument)
        meta["source_span"] = list(source_span)
    return meta


# Reading ------------------------------------------------------------------------------------


def read_labelstudio(path: Path) -> AnnotatedSet:
    """Read Label Studio tasks (and the labelling config beside them, if any)."""
    reader = _TaskReader(path)
    for number, task in enumerate(_load_tasks(path), start=1):
        reader.read_task(task, QT_TRANSLATE_NOOP("Exchange", "task {0}").format(number))
    return reader.annotated_set()


def _load_tasks(path: Path) -> list[Any]:
    """The tasks; a task that JSON cannot read (nested too deeply, a 5,000-digit number) is
    given as its :class:`UnusableJson`, so it is refused alone."""
    try:
        text = textio.normalise_line_ends(read_set_file(path).decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: not UTF-8 text").format(path.name)
        ) from error
    try:
        data = load_json(text)
    except UnusableJson as error:
        data = json_list_items(text)
        if data is None:
            raise UnreadableSet(
                QT_TRANSLATE_NOOP("Exchange", "{0}: {1}").format(path.name, error)
            ) from error
    if isinstance(data, dict) and _looks_like_task(data):
        return [data]
    if not isinstance(data, list) or (data and not any(_looks_like_task(t) for t in data)):
        raise UnreadableSet(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0}: not Label Studio tasks (a list of {{data: ...}})"
            ).format(path.name)
        )
    return data


def _looks_like_task(item: object) -> bool:
    return isinstance(item, dict) and (
        isinstance(item.get("data"), dict) or isinstance(item.get("text"), str)
    )


class _TaskReader:
    def __init__(self, path: Path) -> None:
        self.path = path
        # Where the text is when data has no "text": only what the labelling config names.
        self.text_fields = text_fields(label_config_path(path))
        self.documents: list[DocumentRecord] = []
        self.problems: list[Problem] = []
        self.skipped: Counter[str] = Counter()
        self.minimal_rows: dict[str, DocumentRecord] = {}  # JSON_MIN: a task's rows, one record
        self.listed: set[int] = set()  # ids of the records in documents

    def annotated_set(self) -> AnnotatedSet:
        scheme, config_problems = scheme_from_config(label_config_path(self.path))
        return AnnotatedSet(
            self.path,
            FORMAT,
            documents=self.documents,
            scheme=scheme,
            problems=config_problems + self.problems,
            skipped=[
                QT_TRANSLATE_NOOP("Exchange", "{0} {1}").format(count, what)
                for what, count in self.skipped.items()
            ]
            + ([_JSON_MIN_LOSES] if self.minimal_rows else []),
        )

    def read_task(self, task: object, where: str) -> None:
        try:
            if isinstance(task, UnusableJson):
                raise BadField(str(task))
            if not isinstance(task, dict):
                raise BadField(QT_TRANSLATE_NOOP("Exchange", "a task is a JSON object"))
            if isinstance(task.get("data"), dict):
                record = self._full_task(task, where)
            elif isinstance(task.get("text"), str):
                record = self._minimal_task(task, where)
            else:
                raise BadField(QT_TRANSLATE_NOOP("Exchange", 'no "data" object holding the text'))
        except MALFORMED as error:
            self.problems.append(Problem(where, reason(error)))
            return
        if id(record) not in self.listed:
            self.listed.add(id(record))
            self.documents.append(record)

    def _full_task(self, task: dict[str, Any], where: str) -> DocumentRecord:
        data = task["data"]
        jiyao = _jiyao_part(task.get("meta"))
        text_field = _text_field(data, self.text_fields)
        record = DocumentRecord(
            text=_task_text(data, text_field),
            where=where,
            title=as_string(data.get("title")),
            text_sha256=as_string(data.get("text_sha256")),
            script=as_string(jiyao.get("script")),
            source=as_string(data.get("source")),
            date=as_string(data.get("date")),
            status=as_string(data.get("status")),
            source_path=as_string(jiyao.get("source_path")),
            metadata=as_dict(jiyao.get("metadata")),
            conversion=as_string(data.get("conversion")),
            source_text_sha256=as_string(data.get("source_text_sha256")),
        )
        _keep_other_fields(data, {text_field, *_DATA_FIELDS}, record)
        regions = as_dict(jiyao.get("regions"))
        annotations = task.get("annotations", task.get("completions"))
        for annotation in list_field(annotations, "annotations"):
            record.spans.extend(self._annotation_spans(annotation, regions, where))
        self._count_predictions(task.get("predictions"))
        record.corrections = self._corrections(jiyao.get("entity_corrections"), where)
        return record

    def _annotation_spans(
        self, annotation: object, regions: dict[str, Any], where: str
    ) -> list[SpanRecord]:
        if not isinstance(annotation, dict):
            self.problems.append(
                Problem(where, QT_TRANSLATE_NOOP("Exchange", "an annotation is not a JSON object"))
            )
            return []
        if annotation.get("was_cancelled"):
            self.skipped[QT_TRANSLATE_NOOP("Exchange", "cancelled annotations")] += 1
            return []
        default = _Provenance(
            _completed_by(annotation.get("completed_by")),
            as_string(annotation.get("created_at")),
            as_string(annotation.get("updated_at")),
        )
        try:
            results = list_field(annotation.get("result"), "an annotation's result")
        except BadField as bad:
            self.problems.append(Problem(where, message_of(bad)))
            return []
        spans_by_region = self._labelled_regions(results, regions, default, where)
        for item in results:
            if isinstance(item, dict) and item.get("type") == "relation":
                self.skipped[
                    QT_TRANSLATE_NOOP("Exchange", "relations (Jiyao has no relations)")
                ] += 1
            elif isinstance(item, dict) and item.get("type") != "labels":
                self._attach(item, spans_by_region)
        return [span for spans in spans_by_region.values() for span in spans]

    def _labelled_regions(
        self, results: list[Any], regions: dict[str, Any], default: _Provenance, where: str
    ) -> dict[str, list[SpanRecord]]:
        spans_by_region: dict[str, list[SpanRecord]] = {}
        for item in results:
            if not isinstance(item, dict) or item.get("type") != "labels":
                continue
            region = str(item.get("id", ""))
            provenance = _Provenance.of(regions.get(region), default)
            try:
                spans = _labelled_spans(item.get("value"), provenance, where)
            except MALFORMED as error:
                self.problems.append(
                    Problem(
                        where,
                        QT_TRANSLATE_NOOP("Exchange", "region {0!r}: {1}").format(
                            region, reason(error)
                        ),
                    )
                )
                continue
            spans_by_region.setdefault(region, []).extend(spans)
        return spans_by_region

    def _attach(self, item: dict[str, Any], spans_by_region: dict[str, list[SpanRecord]]) -> None:
        """Give a region's note or attribute (a result with the region's id) to its spans."""
        spans = spans_by_region.get(str(item.get("id", "")))
        control = str(item.get("from_name", ""))
        value = _region_value(item)
        if not spans or not control or value is None:
            self.skipped[QT_TRANSLATE_NOOP("Exchange", "results not tied to a tagged span")] += 1
            return
        for span in spans:
            if control == NOTE_CONTROL:
                span.note = "\n".join(map(str, value)) if isinstance(value, list) else str(value)
            else:
                span.attributes[control] = value

    def _count_predictions(self, predictions: object) -> None:
        for prediction in predictions if isinstance(predictions, list) else []:
            if not isinstance(prediction, dict):
                continue
            regions = len(as_list(prediction.get("result")))
            if prediction.get("model_version") == ENTITY_MODEL_VERSION:
                self.skipped[
                    QT_TRANSLATE_NOOP(
                        "Exchange", "entity spans (the entity layer is not imported as tags)"
                    )
                ] += regions
            else:
                self.skipped[
                    QT_TRANSLATE_NOOP(
                        "Exchange", "predicted regions (model predictions are not tags)"
                    )
                ] += regions

    def _corrections(self, items: object, where: str) -> list[EntityCorrection]:
        def refused(number: int, why: str) -> None:
            self.problems.append(
                Problem(
                    where,
                    QT_TRANSLATE_NOOP("Exchange", "entity correction {0}: {1}").format(number, why),
                )
            )

        return each(as_list(items), correction_from_json, refused)

    def _minimal_task(self, task: dict[str, Any], where: str) -> DocumentRecord:
        """JSON_MIN: the data fields and, under each control's name, its regions. It has a row
        per annotation, so the rows of one task (its id, else its text) make one document."""
        text = task["text"]
        if not text:
            raise BadField(QT_TRANSLATE_NOOP("Exchange", "the text is empty"))
        key = as_string(task.get("id")) or text
        record = self.minimal_rows.get(key)
        if record is None or record.text != text:
            record = DocumentRecord(
                text=text,
                where=where,
                title=as_string(task.get("title")),
                text_sha256=as_string(task.get("text_sha256")),
                source=as_string(task.get("source")),
                date=as_string(task.get("date")),
                status=as_string(task.get("status")),
                conversion=as_string(task.get("conversion")),
                source_text_sha256=as_string(task.get("source_text_sha256")),
            )
            self.minimal_rows[key] = record
        # An id is all JSON_MIN says of who tagged: not a Jiyao annotator, so a tag with the
        # same label and span already in the project is the same tag (see SpanRecord).
        provenance = _Provenance(_completed_by(task.get("annotator")))
        spans: list[SpanRecord] = []
        details: list[tuple[str, dict[str, Any]]] = []
        for name, regions in task.items():
            if name in _MINIMAL_FIELDS or not isinstance(regions, list):
                continue
            if regions and not any(isinstance(v, dict) and "start" in v for v in regions):
                # A document-level answer (choices ["Positive"]) or a list-valued data field.
                self.skipped[
                    QT_TRANSLATE_NOOP(
                        "Exchange", "JSON_MIN lists with no span (document-level answers)"
                    )
                ] += 1
            for value in regions:
                if isinstance(value, dict) and "labels" in value:
                    try:
                        spans.extend(_labelled_spans(value, provenance, where))
                    except MALFORMED as error:
                        self.problems.append(
                            Problem(
                                where,
                                QT_TRANSLATE_NOOP("Exchange", "{0}: {1}").format(
                                    name, reason(error)
                                ),
                            )
                        )
                elif isinstance(value, dict) and "start" in value:
                    details.append((name, value))
        for span in spans:
            span.annotator_known = False
        self._attach_minimal_details(details, spans)
        _keep_other_fields(task, {*_MINIMAL_FIELDS, *_DATA_FIELDS}, record, lists=False)
        record.spans.extend(spans)
        return record

    def _attach_minimal_details(
        self, details: list[tuple[str, dict[str, Any]]], spans: list[SpanRecord]
    ) -> None:
        """Per-region answers (the note, attributes) given to the spans of the same range."""
        by_range: dict[tuple[object, object], list[SpanRecord]] = {}
        for span in spans:
            by_range.setdefault((span.start, span.end), []).append(span)
        for control, value in details:
            answer = _region_value({"type": _answer_kind(value), "value": value})
            targets = by_range.get((value.get("start"), value.get("end")), [])
            if not targets or answer is None:
                self.skipped[
                    QT_TRANSLATE_NOOP("Exchange", "results not tied to a tagged span")
                ] += 1
            for span in targets:
                if control == NOTE_CONTROL:
                    span.note = (
                        "\n".join(map(str, answer)) if isinstance(answer, list) else str(answer)
                    )
                else:
                    span.attributes[control] = answer


def _answer_kind(value: dict[str, Any]) -> str:
    """The kind of a per-region answer in JSON_MIN, which drops the result's type."""
    if "text" in value:
        return "textarea"
    return next((key for key in value if key not in ("start", "end")), "")


# What a task's data (or a JSON_MIN row) holds that is not a document variable.
_DATA_FIELDS = (
    "text", "title", "date", "source", "status", "jiyao_document_id", "text_sha256",
    "conversion", "source_text_sha256", "offsets",
)  # fmt: skip
_MINIMAL_FIELDS = (
    "id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "text",
)  # fmt: skip
_JSON_MIN_LOSES = (
    "JSON_MIN tasks carry no annotator names, times, entity corrections or Jiyao metadata "
    "(its tags are added once, whoever made them; export Label Studio's JSON to keep them)"
)


def _keep_other_fields(
    data: dict[str, Any], known: set[str], record: DocumentRecord, *, lists: bool = True
) -> None:
    """The task's other data fields become document variables (metadata), as in CSV."""
    for key, value in data.items():
        if key in known or (not lists and isinstance(value, list)):
            continue
        record.metadata.setdefault(key, value)


@dataclass(frozen=True)
class _Provenance:
    annotator: str = ""
    created_at: str = ""
    updated_at: str = ""
    source_span: tuple[int, int] | None = None  # a converted export's exact clean-text span
    note_title: str = ""

    @classmethod
    def of(cls, recorded: object, default: _Provenance) -> _Provenance:
        """The region's Jiyao annotator and times where the task's meta records them."""
        if not isinstance(recorded, dict):
            return default
        return cls(
            as_string(recorded.get("annotator")),
            as_string(recorded.get("created_at")) or default.created_at,
            as_string(recorded.get("updated_at")) or default.updated_at,
            recorded_span(recorded.get("source_span")),
            as_string(recorded.get("note_title")),
        )


def _labelled_spans(value: object, provenance: _Provenance, where: str) -> list[SpanRecord]:
    """One span per label of a region (a region may carry several)."""
    if not isinstance(value, dict):
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "a labels result needs a value object"))
    start, end = offsets(value)
    labels = value.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        raise BadField(
            QT_TRANSLATE_NOOP("Exchange", "labels must be a list of names, not {0!r}").format(
                labels
            )
        )
    text = value.get("text")
    return [
        SpanRecord(
            label,
            start,
            end,
            where,
            text if isinstance(text, str) else None,
            annotator=provenance.annotator,
            created_at=provenance.created_at,
            updated_at=provenance.updated_at,
            source_span=provenance.source_span,
            note_title=provenance.note_title,
        )
        for label in labels
    ]


def _region_value(item: dict[str, Any]) -> Any:
    """A per-region answer: a textarea's text, a choice, or another control's value."""
    value = item.get("value")
    kind = str(item.get("type", ""))
    if not isinstance(value, dict):
        return None
    answer = value.get("text" if kind == "textarea" else kind)
    if isinstance(answer, list):
        if not answer:
            return None
        return answer[0] if len(answer) == 1 else answer
    return answer


def _text_field(data: dict[str, Any], config_fields: list[str]) -> str:
    """The data field holding the text: the one the labelling config names, else ``text``."""
    name = next((f for f in (*config_fields, TEXT_OBJECT) if f in data), None)
    if name is None:
        if config_fields:
            named = ", ".join(f"${f}" for f in config_fields)
            raise BadField(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "data holds no text: none of the fields the labelling config reads ({0})",
                ).format(named)
            )
        raise BadField(
            QT_TRANSLATE_NOOP(
                "Exchange",
                'data holds no text ("text"); another field is the text only when a '
                'labelling config beside the tasks names it (<Text value="$field">)',
            )
        )
    return name


def _task_text(data: dict[str, Any], name: str) -> str:
    text = data[name]
    if not isinstance(text, str):
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "data.{0} is not text").format(name))
    if not text:
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "data.{0} is empty").format(name))
    return text


def _completed_by(user: object) -> str:
    """Label Studio's annotator: a user id, an e-mail or a user object (in its exports)."""
    if isinstance(user, dict):
        name = f"{as_string(user.get('first_name'))} {as_string(user.get('last_name'))}".strip()
        return as_string(user.get("email")) or name or _completed_by(user.get("id"))
    if isinstance(user, int) and not isinstance(user, bool):
        return f"Label Studio user {user}"
    return as_string(user)


def _jiyao_part(meta: object) -> dict[str, Any]:
    return as_dict(meta.get("jiyao")) if isinstance(meta, dict) else {}
