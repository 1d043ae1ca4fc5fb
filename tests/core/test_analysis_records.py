"""``jiyao analyze`` writes its entities and directives from spans and field tuples, not from
Entity and Suggestion objects (issue 22): the records are what the objects would give."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.analysis import analyze_text
from desktop.core.cleaning import clean
from desktop.core.directives import suggest_directives, suggestion_records
from desktop.core.entities import entity_spans, extract_entities
from desktop.core.script import detect_script
from desktop.core.textio import DecodedText

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "entities").glob("heldout*/*.txt")),
]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _texts() -> dict[str, str]:
    traditional = [_read(p) for p in FILES if "traditional" in p.name]
    simplified = [_read(p) for p in FILES if "traditional" not in p.name]
    return {
        **{f"{path.parent.name}/{path.name}": _read(path) for path in FILES},
        "mixed": "\n".join(t for pair in zip(traditional, simplified, strict=False) for t in pair),
        "empty": "",
        "pinyin glosses": "市委书记张(zhāng)三强调，要(yào)确保完成。一是加强领导；二是压实责任。",
        "no line break": "会议指出，各地要落实责任，确保3月底前完成。" * 40,
    }


TEXTS = _texts()


@pytest.mark.parametrize("name", TEXTS)
def test_the_records_are_what_the_objects_give(name: str) -> None:
    text = clean(TEXTS[name]).text
    script = detect_script(text).script
    entities = extract_entities(text, script)
    suggestions = suggest_directives(text, entities, script)

    record = analyze_text(DecodedText(TEXTS[name], "utf-8"), path=name)

    assert record["entities"] == [
        {"type": e.type, "start": e.start, "end": e.end, "text": e.text} for e in entities
    ]
    assert record["directives"] == [s.as_dict() for s in suggestions]
    assert [list(r) for r in record["directives"]] == [list(s.as_dict()) for s in suggestions]


@pytest.mark.parametrize(
    "name", ["mixed", "heldout/04_traditional.txt", "seeds/000_9068b13d1ddf9a92.txt"]
)
def test_spans_are_the_entities_and_records_the_suggestions(name: str) -> None:
    text = clean(TEXTS[name]).text
    script = detect_script(text).script
    spans = entity_spans(text, script)
    entities = extract_entities(text, script)

    assert spans == [(e.type, e.start, e.end) for e in entities]
    assert suggestion_records(text, spans, script) == [
        s.as_dict() for s in suggest_directives(text, entities, script)
    ]
    assert entities, "a text that finds nothing would prove nothing"
