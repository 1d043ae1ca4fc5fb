"""Entity extraction: offsets in the document's own script, floors on the gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.analysis import document_entities
from desktop.core.cleaning import clean
from desktop.core.corpus import import_seeds
from desktop.core.entities import PIPELINE_VERSION, extract_entities, iter_entities
from desktop.core.entities_eval import DEFAULT_GOLD, Score, evaluate, find_gold_files
from desktop.core.model import Entity
from desktop.core.store import Store

READOUT = "2月10日下午，市委书记、市长欧阳明华主持会议，市领导单东升、李红参加会议。全市4717家企业复工，复工率59.7%。"  # noqa: E501


def found(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in extract_entities(text)}


def test_a_readout_yields_every_type_whole() -> None:
    entities = found(READOUT)
    assert {
        ("DATE", "2月10日下午"),
        ("TITLE", "市委书记"),
        ("TITLE", "市长"),
        ("PERSON", "欧阳明华"),
        ("PERSON", "单东升"),
        ("PERSON", "李红"),
        ("NUMBER", "4717家"),
        ("NUMBER", "59.7%"),
    } <= entities


def test_traditional_text_gets_spans_in_its_own_script() -> None:
    traditional = "2月10日下午，市委書記、市長歐陽明華主持會議。"
    entities = extract_entities(traditional)
    assert ("PERSON", "歐陽明華") in {(e.type, e.text) for e in entities}
    assert all(traditional[e.start : e.end] == e.text for e in entities)


def test_a_character_outside_the_bmp_does_not_shift_later_spans() -> None:
    text = "𠮷" + READOUT
    assert all(text[e.start : e.end] == e.text for e in extract_entities(text))
    assert ("PERSON", "欧阳明华") in found(text)


@pytest.mark.parametrize("word", ["施策", "杜绝", "严格把关", "宝贵意见", "关怀"])
def test_known_false_hits_are_not_people(word: str) -> None:
    text = f"要精准{word}，提出了意见。"
    assert not any(kind == "PERSON" for kind, _ in found(text))


def test_a_generic_body_is_not_an_organisation() -> None:
    assert ("ORG", "疫情防控指挥部") not in found("遵守各级疫情防控指挥部发布的工作指令。")
    assert ("ORG", "市疫情防控指挥部") in found("市疫情防控指挥部发布通告。")


def test_a_place_name_inside_an_idiom_is_not_a_place() -> None:
    assert not any(kind == "PLACE" for kind, _ in found("实现长治久安。"))


def test_cached_entities_are_recomputed_when_the_pipeline_changes(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        import_seeds(store)
        document_id = store.document_ids()[0]
        assert store.entities_version(document_id) is None
        first = document_entities(store, document_id)
        assert first and store.entities_version(document_id) == PIPELINE_VERSION
        store.replace_pipeline_entities(document_id, [Entity("PERSON", 0, 1, "x")], 0)
        assert document_entities(store, document_id) == first


# Issue 13: words that begin with a surname character, bodies' short names, three-character names
# whose first two characters make a word, and the digits of index and document numbers.
@pytest.mark.parametrize(
    "text",
    [
        "市卫健委主任陈述了近期境外输入病例的防控措施。",
        "各级各部门要高度重视，周全考虑各类风险。",
        "对侵占挪用防疫物资的坚决查处。",
        "金秋时节前确保全部开工。",
        "纪检监察机关要依纪依法严肃查处。",
        "年内新增普惠小微贷款不少于80亿元。",
        "县纪委监委要聚焦惠企政策落实情况。",
        "各市卫健委要在本周内完成防控指导。",
        "经省卫健委、省发展改革委研究，现就有关事项通知如下。",
        "区长王建华、区卫健局局长高德明参加。",
        "索引号：11441900MB2C73521X/2020-00217",
    ],
)
def test_common_words_and_bodies_are_not_people(text: str) -> None:
    people = {e.text for e in extract_entities(text) if e.type == "PERSON"}
    assert people <= {"王建华", "高德明"}, people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("副市长陈述之、温志刚分别作工作部署。", "陈述之"),
        ("联系人：周全胜，电话：0357-2028816。", "周全胜"),
        ("副市長陳述之、溫志剛分別作工作部署。", "陳述之"),
    ],
)
def test_a_name_that_begins_with_a_common_word_is_kept_whole(text: str, name: str) -> None:
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "索引号：4406000/2020-01-02 主题分类：卫生",
        "索引号 013250300/2020-03-10120",
        "根据国办发〔2020〕5号文件要求，高度重视。",
        "按照深府办[2020]12号 下午召开会议",
        "市场监管总局公告2020年第5号",
    ],
)
def test_no_date_or_number_inside_an_index_or_document_number(text: str) -> None:
    assert not {kind for kind, _ in found(text)} & {"DATE", "NUMBER"}, found(text)


def test_a_date_beside_a_document_number_is_still_found() -> None:
    text = "文号：宿政办发〔2020〕15号 成文日期：2020年02月11日，发布日期：2020-03-05"
    assert {("DATE", "2020年02月11日"), ("DATE", "2020-03-05")} <= found(text)


def test_the_issue_13_goals_hold_on_the_fourth_held_out_set() -> None:
    # Written for issue 13 around its traps; before the fix PERSON scored P 0.605 / R 1.000.
    scores = evaluate(find_gold_files([DEFAULT_GOLD / "heldout4"]))["exact"]
    assert scores["PERSON"].precision >= 0.97, scores["PERSON"]
    assert scores["PERSON"].recall >= 0.97, scores["PERSON"]
    assert scores["DATE"].precision >= 0.97, scores["DATE"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("区卫健局要强化发热门诊管理。", "区卫健局"),
        ("由区发改局统一印发。", "区发改局"),
        ("县农业农村委、县财政局要加强资金监管。", "县农业农村委"),
        ("县金融办要协调金融机构。", "县金融办"),
        ("传达了省应急管理厅的部署要求。", "省应急管理厅"),
        ("区公安分局要配合做好排查。", "区公安分局"),
        ("县委办、县政府办要加强督查。", "县政府办"),
    ],
)
def test_a_local_department_is_an_organisation(text: str, body: str) -> None:
    assert ("ORG", body) in found(text)


@pytest.mark.parametrize(
    "text",
    ["要优化市场布局。", "县城办事处要值守。", "各市卫健委要完成指导。", "全县委办局要落实。"],
)
def test_what_only_looks_like_a_local_department_is_not_one(text: str) -> None:
    assert not any(kind == "ORG" for kind, _ in found(text)), found(text)


def test_the_issue_13_goals_hold_on_the_fifth_held_out_set() -> None:
    # Written after the fixes and measured once before any further change: PERSON P/R 1.000.
    scores = evaluate(find_gold_files([DEFAULT_GOLD / "heldout5"]))["exact"]
    assert scores["PERSON"].precision >= 0.97, scores["PERSON"]
    assert scores["PERSON"].recall >= 0.97, scores["PERSON"]
    assert scores["DATE"].precision >= 0.97, scores["DATE"]


# Issue 13: a document analysed in pieces, and no work done twice.

SEED_TEXTS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def entities_in_pieces(text: str, chunk_chars: int) -> list[Entity]:
    """The last version of every piece iter_entities yields, in text order."""
    pieces: dict[tuple[int, int], list[Entity]] = {}
    for piece in iter_entities(text, chunk_chars=chunk_chars):
        assert text[piece.start : piece.end].endswith("\n") or piece.end == len(text)
        assert all(piece.start <= e.start and e.end <= piece.end for e in piece.entities)
        pieces[(piece.start, piece.end)] = piece.entities
    return [entity for span in sorted(pieces) for entity in pieces[span]]


@pytest.mark.parametrize("chunk_chars", [1, 300, 1000, 10**6])
@pytest.mark.parametrize("seed", SEED_TEXTS, ids=lambda path: path.name[:3])
def test_a_seed_analysed_in_pieces_gets_what_it_gets_whole(seed: Path, chunk_chars: int) -> None:
    text = clean(seed.read_text(encoding="utf-8")).text
    assert entities_in_pieces(text, chunk_chars) == extract_entities(text)


def test_a_name_found_in_a_later_piece_revises_an_earlier_piece() -> None:
    # Alone, the first line shows no name (萧正德今(6)日…); the second names him as a subject.
    text = (
        "行政院长萧正德今(6)日在行政院会议听取报告后表示，要加强防疫。\n萧正德指出，要做好准备。\n"
    )
    pieces = list(iter_entities(text, chunk_chars=1))
    assert [(p.start, p.revised) for p in pieces] == [(0, False), (33, False), (0, True)]
    assert ("PERSON", "萧正德") not in {(e.type, e.text) for e in pieces[0].entities}
    assert ("PERSON", "萧正德") in {(e.type, e.text) for e in pieces[-1].entities}
    assert entities_in_pieces(text, 1) == extract_entities(text)


def test_a_date_does_not_reach_across_a_line_break() -> None:
    assert ("DATE", "2月10日") in found("会议于2月10日\n下午，各单位参加。")


def test_the_word_tag_table_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import jieba.posseg

    from desktop.core.engines import _JiebaTagger

    reads: list[object] = []
    original = jieba.posseg.POSTokenizer.load_word_tag
    monkeypatch.setattr(
        jieba.posseg.POSTokenizer,
        "load_word_tag",
        lambda self, f: reads.append(f) or original(self, f),
    )
    tagger = _JiebaTagger()
    tagger.tag("指挥部")
    assert tagger.word_tag("指挥部")
    assert reads == []  # jieba.posseg read it once on import; ours is a copy


def test_a_traditional_document_is_converted_once_per_analysis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.core import conversion
    from desktop.core.directives import suggest_directives

    converted: list[str] = []
    original = conversion.Converter.convert

    def counting(self: conversion.Converter, text: str, **options: bool) -> conversion.Conversion:
        converted.append(self.config)
        return original(self, text, **options)

    monkeypatch.setattr(conversion.Converter, "convert", counting)
    text = "市委書記張國棟主持會議並講話。會議強調，各地要壓實責任，確保年底前完成。"
    suggest_directives(text, extract_entities(text))
    assert converted.count("t2s") == 1


# Floors a little under what the pipeline reaches, so a regression fails (figures in the
# closing note of issue 3). The seeds were tuned on; heldout/ was written for the test and
# used to find general rules; heldout2/ was written without sight of the pipeline, measured
# blind once, then also used to find general rules (its TITLE/ORG convention differs: it keeps
# a body and its position together, 区卫生健康局局长).
SEED_FLOORS = {"PERSON": 0.95, "TITLE": 0.95, "ORG": 0.85, "PLACE": 0.95, "DATE": 0.95,
               "NUMBER": 0.95, "ALL": 0.95}  # fmt: skip
HELDOUT_FLOORS = {"PERSON": 0.95, "TITLE": 0.95, "ORG": 0.93, "PLACE": 0.93, "DATE": 0.95,
                  "NUMBER": 0.95, "ALL": 0.95}  # fmt: skip


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, Score]:
    return evaluate(find_gold_files([DEFAULT_GOLD]))["exact"]


@pytest.fixture(scope="module")
def heldout_scores() -> dict[str, Score]:
    return evaluate(find_gold_files([DEFAULT_GOLD / "heldout"]))["exact"]


@pytest.mark.parametrize(("kind", "floor"), SEED_FLOORS.items())
def test_exact_f1_on_the_seeds_stays_above_its_floor(
    seed_scores: dict[str, Score], kind: str, floor: float
) -> None:
    assert seed_scores[kind].f1 >= floor, f"{kind}: {seed_scores[kind]}"


@pytest.mark.parametrize(("kind", "floor"), HELDOUT_FLOORS.items())
def test_exact_f1_on_held_out_readouts_stays_above_its_floor(
    heldout_scores: dict[str, Score], kind: str, floor: float
) -> None:
    assert heldout_scores[kind].f1 >= floor, f"{kind}: {heldout_scores[kind]}"


@pytest.fixture(scope="module")
def second_heldout_scores() -> dict[str, Score]:
    return evaluate(find_gold_files([DEFAULT_GOLD / "heldout2"]))["exact"]


def test_the_goals_hold_on_the_second_held_out_set(
    second_heldout_scores: dict[str, Score],
) -> None:
    # Measured blind first (PERSON F1 0.895, DATE recall 0.871); general rules added since.
    assert second_heldout_scores["PERSON"].f1 >= 0.95
    assert second_heldout_scores["DATE"].recall >= 0.95


def test_the_goals_hold_on_the_third_held_out_set() -> None:
    # Written blind like heldout2; measured blind first: PERSON F1 0.947, DATE recall 0.960.
    scores = evaluate(find_gold_files([DEFAULT_GOLD / "heldout3"]))["exact"]
    assert scores["PERSON"].f1 >= 0.95
    assert scores["DATE"].recall >= 0.95


def test_date_recall_on_held_out_readouts_reaches_the_goal(
    heldout_scores: dict[str, Score],
) -> None:
    assert heldout_scores["DATE"].recall >= 0.95


def test_a_range_of_hours_stays_in_its_date() -> None:
    assert ("DATE", "2月17日0—24时") in found("2月17日0—24时，我区新增确诊病例0例。")


@pytest.mark.parametrize("text", ["各乡镇、各部门要落实。", "各县区要落实。", "各縣區要落實。"])
def test_every_township_is_no_place(text: str) -> None:
    assert not any(kind == "PLACE" for kind, _ in found(text)), found(text)


def test_analyses_starting_together_on_threads_make_one_tagger(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading
    import time

    from desktop.core import entities

    made: list[object] = []
    original = entities.new_tagger

    def slow_new_tagger() -> entities.Tagger:
        made.append(threading.current_thread())
        time.sleep(0.05)  # widen the window two first calls could share
        return original()

    monkeypatch.setattr(entities, "new_tagger", slow_new_tagger)
    entities._loaded_tagger.cache_clear()
    start = threading.Barrier(3)
    results: list[set[tuple[str, str]]] = []

    def analyse() -> None:
        start.wait()
        results.append(found("市长张爱军主持会议。"))

    try:
        threads = [threading.Thread(target=analyse) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        entities._loaded_tagger.cache_clear()
    assert len(made) == 1
    assert len(results) == 3 and all(("PERSON", "张爱军") in r for r in results)


@pytest.mark.parametrize(
    "text",
    ["各企业要满负荷生产，确保供应。", "本通知自印发之日起实施。", "各单位每日报送疫情防控情况。"],
)
def test_words_of_a_plain_notice_are_no_entities(text: str) -> None:
    """满负荷 was a PERSON, 之日起 a PLACE and 每日报(送) an ORG (found by a user)."""
    assert extract_entities(text) == []


def test_a_newspaper_is_still_an_organisation() -> None:
    assert ("ORG", "人民日报") in {(e.type, e.text) for e in extract_entities("人民日报报道。")}


def test_a_pieces_words_are_let_go_and_tagged_again_only_for_a_revision(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 13, memory: every piece's words were kept until the last piece, in case a name
    found later revised it."""
    from desktop.core import entities

    tagged: list[str] = []
    real = entities._tokens
    monkeypatch.setattr(entities, "_tokens", lambda text: tagged.append(text) or real(text))
    text = (
        "行政院长萧正德今(6)日在行政院会议听取报告后表示，要加强防疫。\n萧正德指出，要做好准备。\n"
    )
    pieces = list(iter_entities(text, chunk_chars=1))
    assert [piece.revised for piece in pieces] == [False, False, True]
    assert len(tagged) == 3 and tagged[2] == tagged[0]  # the revised piece, tagged again
    assert entities_in_pieces(text, 1) == extract_entities(text)
