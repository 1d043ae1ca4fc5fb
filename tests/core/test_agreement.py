"""Agreement coefficients against published worked examples, a reference implementation
(the `krippendorff` package), and spans worked out by hand."""

from __future__ import annotations

import csv
import math
import random
from collections import Counter
from itertools import combinations
from pathlib import Path

import krippendorff
import pytest

from desktop.core.agreement import (
    CSV_COLUMNS,
    CodingData,
    SpanCounts,
    Tag,
    agreement,
    all_pairs_span_counts,
    attribute_agreement,
    character_runs,
    cohen_kappa,
    f1_exact,
    f1_overlap,
    fleiss_kappa,
    group_tags,
    krippendorff_alpha,
    span_counts,
    unitizing_disagreements,
    write_report_csv,
)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers, twelve units, nominal values, missing values as None. Published α = 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Fleiss (1971), table 1: 30 patients, each diagnosed by 6 psychiatrists into 5 categories
# (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other); one row per
# patient, the categories given. Published: κ = .430; per category .245 .245 .520 .471 .566.
FLEISS_1971 = [
    (4, 4, 4, 4, 4, 4), (2, 2, 2, 5, 5, 5), (2, 3, 3, 3, 3, 5), (5, 5, 5, 5, 5, 5),
    (2, 2, 2, 4, 4, 4), (1, 1, 3, 3, 3, 3), (3, 3, 3, 3, 5, 5), (1, 1, 3, 3, 3, 4),
    (1, 1, 4, 4, 4, 4), (5, 5, 5, 5, 5, 5), (1, 4, 4, 4, 4, 4), (1, 2, 4, 4, 4, 4),
    (2, 2, 2, 3, 3, 3), (1, 4, 4, 4, 4, 4), (2, 2, 4, 4, 4, 5), (3, 3, 3, 3, 3, 5),
    (1, 1, 1, 4, 5, 5), (1, 1, 1, 1, 1, 2), (2, 2, 4, 4, 4, 4), (1, 3, 3, 5, 5, 5),
    (5, 5, 5, 5, 5, 5), (2, 4, 4, 4, 4, 4), (2, 2, 4, 5, 5, 5), (1, 1, 4, 4, 4, 4),
    (1, 4, 4, 4, 4, 5), (2, 2, 2, 2, 2, 4), (1, 1, 1, 1, 5, 5), (2, 2, 4, 4, 4, 4),
    (1, 3, 3, 3, 3, 3), (5, 5, 5, 5, 5, 5),
]  # fmt: skip


def units(matrix: list[list[int | None]]) -> list[tuple[list[int | None], float]]:
    """Reliability data (coders × units) as the weighted units the coefficients take."""
    return [([row[u] for row in matrix], 1.0) for u in range(len(matrix[0]))]


def reference_alpha(matrix: list[list[object]]) -> float:
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


def as_numbers(matrix: list[list[int | None]]) -> list[list[float]]:
    return [[math.nan if value is None else value for value in row] for row in matrix]


def test_alpha_matches_krippendorffs_own_nominal_example_with_missing_values() -> None:
    alpha = krippendorff_alpha(units(KRIPPENDORFF_2011))
    assert alpha == pytest.approx(0.743, abs=0.0005)
    assert alpha == pytest.approx(reference_alpha(as_numbers(KRIPPENDORFF_2011)))


def test_weighted_units_count_as_repeated_ones() -> None:
    once = krippendorff_alpha([([1, 1], 3.0), ([1, 2], 1.0), ([2, 2], 2.0)])
    repeated = krippendorff_alpha([([1, 1], 1.0)] * 3 + [([1, 2], 1.0)] + [([2, 2], 1.0)] * 2)
    assert once == pytest.approx(repeated)
    assert once == pytest.approx(reference_alpha([[1, 1, 1, 1, 2, 2], [1, 1, 1, 2, 2, 2]]))


def test_alpha_is_undefined_without_variation_or_pairable_units() -> None:
    assert krippendorff_alpha([([1, 1], 1.0), ([1, 1], 1.0)]) is None
    assert krippendorff_alpha([([1, None], 1.0), ([None, 2], 1.0)]) is None


def test_cohen_kappa_matches_the_textbook_example() -> None:
    # 50 grant proposals, two readers (the example of Wikipedia's "Cohen's kappa"): yes/yes
    # 20, yes/no 5, no/yes 10, no/no 15; p_o = .7, p_e = .5, κ = .4.
    items = [("yes", "yes", 20.0), ("yes", "no", 5.0), ("no", "yes", 10.0), ("no", "no", 15.0)]
    assert cohen_kappa(items) == pytest.approx(0.4)


def test_cohen_kappa_matches_cohens_1960_example() -> None:
    # Cohen (1960), table 1: proportions of 200 cases in three categories; p_o = .70,
    # p_c = .41, κ = .492.
    cells = {
        (1, 1): 0.44, (1, 2): 0.07, (1, 3): 0.09,
        (2, 1): 0.05, (2, 2): 0.20, (2, 3): 0.05,
        (3, 1): 0.01, (3, 2): 0.03, (3, 3): 0.06,
    }  # fmt: skip
    kappa = cohen_kappa((a, b, share) for (a, b), share in cells.items())
    assert kappa == pytest.approx(0.492, abs=0.0005)


def test_fleiss_kappa_matches_fleiss_1971() -> None:
    rated = [(Counter(row), 1.0) for row in FLEISS_1971]
    assert fleiss_kappa(rated) == pytest.approx(0.430, abs=0.0005)
    published = {1: 0.245, 2: 0.245, 3: 0.520, 4: 0.471, 5: 0.566}
    for category, kappa in published.items():
        binary = [(Counter(value == category for value in row), 1.0) for row in FLEISS_1971]
        assert fleiss_kappa(binary) == pytest.approx(kappa, abs=0.0015), category


def test_fleiss_kappa_refuses_units_with_different_numbers_of_ratings() -> None:
    with pytest.raises(ValueError, match="same number"):
        fleiss_kappa([(Counter({1: 2}), 1.0), (Counter({1: 3}), 1.0)])


def tag(annotator: str, start: int, end: int, label: str = "要求", document: int = 1) -> Tag:
    return Tag(document, label, start, end, annotator)


def test_character_units_worked_by_hand() -> None:
    # 4 characters; A tags [0, 2), B tags [0, 1). Units: X/X, X/-, -/-, -/-.
    # n_X = 3, n_- = 5, n = 8, disagreement 2: α = 1 - 7·2/(64 - 9 - 25) = 8/15.
    # κ: p_o = 3/4, p_e = 1/2·1/4 + 1/2·3/4 = 1/2: κ = 1/2.
    data = CodingData(("A", "B"), {1: 4}, (tag("A", 0, 2), tag("B", 0, 1)))
    report = agreement(data)
    assert report.alpha == pytest.approx(8 / 15)
    [pair] = report.pairs
    assert pair.kappa == pytest.approx(0.5)
    assert pair.alpha == pytest.approx(8 / 15)
    assert pair.f1_exact == 0.0
    assert pair.f1_overlap == 1.0
    assert report.labels["要求"].alpha == pytest.approx(8 / 15)


def per_character(data: CodingData) -> list[list[object]]:
    """The reliability matrix character by character, values as sorted label strings."""
    rows: list[list[object]] = [[] for _ in data.annotators]
    for document, length in data.lengths.items():
        for position in range(length):
            for slot, name in enumerate(data.annotators):
                if not data.codes(name, document):
                    rows[slot].append(math.nan)
                    continue
                labels = sorted(
                    t.label
                    for t in data.tags
                    if t.annotator == name
                    and t.document == document
                    and t.start <= position < t.end
                )
                rows[slot].append("|".join(labels) or "∅")
    return rows


def overlapping_three_coders() -> CodingData:
    tags = (
        tag("A", 0, 5), tag("A", 3, 8, "措施"), tag("A", 12, 20),
        tag("B", 1, 5), tag("B", 3, 8, "措施"), tag("B", 14, 18), tag("B", 25, 30, "措施"),
        tag("C", 0, 6), tag("C", 12, 20), tag("C", 2, 9, "措施"),
        tag("A", 0, 4, document=2), tag("C", 0, 4, document=2), tag("B", 2, 3, document=2),
    )  # fmt: skip
    return CodingData(("A", "B", "C"), {1: 40, 2: 10}, tags)


def test_alpha_over_runs_equals_the_reference_character_by_character() -> None:
    data = overlapping_three_coders()
    report = agreement(data)
    matrix = per_character(data)
    assert report.alpha == pytest.approx(reference_alpha(matrix))
    for pair in report.pairs:
        rows = [matrix[data.annotators.index(pair.a)], matrix[data.annotators.index(pair.b)]]
        assert pair.alpha == pytest.approx(reference_alpha(rows))
    for label, scores in report.labels.items():
        binary = [[int(label in str(value).split("|")) for value in row] for row in matrix]
        assert scores.alpha == pytest.approx(reference_alpha(binary))


def test_missing_documents_are_missing_values() -> None:
    # B was not given document 2: its units there are missing, not "nothing tagged".
    data = overlapping_three_coders()
    partial = CodingData(
        data.annotators,
        data.lengths,
        tuple(t for t in data.tags if not (t.annotator == "B" and t.document == 2)),
        coded={"B": frozenset({1})},
    )
    report = agreement(partial)
    assert report.alpha == pytest.approx(reference_alpha(per_character(partial)))
    assert report.alpha != pytest.approx(agreement(data).alpha)


def test_runs_cover_every_character_once() -> None:
    data = overlapping_three_coders()
    assert sum(weight for _, weight in character_runs(data)) == 50


def test_span_f1_exact_and_overlap_worked_by_hand() -> None:
    first = [tag("A", 0, 5), tag("A", 10, 12), tag("A", 20, 22), tag("A", 30, 31, "措施")]
    second = [tag("B", 0, 5), tag("B", 11, 15), tag("B", 40, 41), tag("B", 30, 31)]
    # Exact: only [0, 5) 要求 matches: 2·1 / (4 + 4).
    assert f1_exact(first, second) == pytest.approx(0.25)
    # Overlap: A's [0,5) and [10,12) are met (recall 2/4); B's [0,5) and [11,15) (precision
    # 2/4); the 措施 tag meets a 要求 one, which does not count.
    assert f1_overlap(first, second) == pytest.approx(0.5)
    assert f1_exact([], []) is None and f1_overlap([], second) == 0.0


def test_overlap_ignores_touching_spans_and_other_documents() -> None:
    assert f1_overlap([tag("A", 0, 5)], [tag("B", 5, 9)]) == 0.0
    assert f1_overlap([tag("A", 0, 5)], [tag("B", 0, 5, document=2)]) == 0.0
    # A long tag earlier in the list still reaches a later one.
    first = [tag("A", 50, 51), tag("A", 10, 11)]
    assert f1_overlap(first, [tag("B", 0, 100), tag("B", 10, 11)]) == 1.0
    # One of B's two tags is met: precision 1/2, recall 1, F1 2/3.
    assert f1_overlap(first[:1], [tag("B", 0, 100), tag("B", 10, 11)]) == pytest.approx(2 / 3)


def test_attribute_agreement_on_exactly_matched_tags() -> None:
    def attributed(annotator: str, start: int, **attributes: str) -> Tag:
        return Tag(1, "要求", start, start + 2, annotator, attributes)

    tags = (
        attributed("A", 0, issuer="国务院", strength="强"),
        attributed("B", 0, issuer="国务院", strength="弱"),
        attributed("A", 4, issuer="市委"),
        attributed("B", 4, issuer="市政府"),
        attributed("A", 8, issuer="市委"),
        attributed("B", 8, issuer="市委"),
        attributed("A", 12, issuer="省委"),  # unmatched: not compared
    )
    report = agreement(CodingData(("A", "B"), {1: 20}, tags), ["deadline"])
    issuer = report.attributes["issuer"]
    assert issuer.items == 3 and issuer.percent == pytest.approx(2 / 3)
    # κ by hand: A gives 国务院, 市委, 市委; B 国务院, 市政府, 市委.
    # p_o = 2/3; p_e = (1·1 + 2·1 + 0·1)/9 = 1/3; κ = (2/3 - 1/3)/(2/3) = 1/2.
    assert issuer.kappa == pytest.approx(0.5)
    assert report.attributes["strength"].percent == 0.0
    assert report.attributes["deadline"].items == 0
    assert report.attributes["deadline"].percent is None


def test_json_has_the_documented_keys() -> None:
    report = agreement(overlapping_three_coders()).to_json()
    assert {"annotators", "documents", "alpha", "pairs", "labels", "attributes"} <= set(report)
    assert report["annotators"] == ["A", "B", "C"] and report["documents"] == 2
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [("A", "B"), ("A", "C"), ("B", "C")]
    assert set(report["pairs"][0]) == {"a", "b", "kappa", "alpha", "f1_exact", "f1_overlap"}
    assert set(report["labels"]) == {"要求", "措施"}
    assert set(report["labels"]["要求"]) == {"alpha", "f1_exact", "f1_overlap", "alpha_u"}


def test_the_report_as_csv(tmp_path: Path) -> None:
    report = agreement(overlapping_three_coders())
    target = tmp_path / "agreement.csv"
    write_report_csv(report, target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert float(rows[0]["alpha"]) == pytest.approx(report.alpha)
    scopes = Counter(row["scope"] for row in rows)
    assert scopes == {"overall": 1, "pair": 3, "pair_label": 6, "label": 2}
    [ab] = [row for row in rows if row["scope"] == "pair" and row["b"] == "B"]
    assert float(ab["kappa"]) == pytest.approx(report.pairs[0].kappa)
    assert [p.name for p in tmp_path.iterdir()] == ["agreement.csv"]


def test_unitizing_alpha_matches_krippendorffs_2004_example() -> None:
    # Krippendorff (2004), Content Analysis, pp. 251-254: two observers on a continuum from
    # 150 to 450 (here shifted to start at 0), categories c and k. Published: for c, D_o =
    # .0144, D_e = .0532, α_u = .7286; for k, D_o = 0, D_e = .0490, α_u = 1; over both .8591.
    c = unitizing_disagreements([[(75, 145), (220, 250)], [(70, 150), (205, 225), (250, 270)]], 300)
    k = unitizing_disagreements([[(30, 90), (150, 200)], [(30, 90), (150, 200)]], 300)
    assert c is not None and k is not None
    assert c[0] == pytest.approx(0.0144, abs=0.00005)
    assert c[1] == pytest.approx(0.0532, abs=0.00005)
    assert 1 - c[0] / c[1] == pytest.approx(0.7286, abs=0.00005)
    assert k[0] == 0 and k[1] == pytest.approx(0.0490, abs=0.00005)
    assert 1 - (c[0] + k[0]) / (c[1] + k[1]) == pytest.approx(0.8591, abs=0.0005)


def test_unitizing_alpha_over_documents_end_to_end() -> None:
    same = (tag("A", 0, 5), tag("B", 0, 5), tag("A", 2, 6, document=2), tag("B", 2, 6, document=2))
    assert agreement(CodingData(("A", "B"), {1: 10, 2: 10}, same)).alpha_u == pytest.approx(1.0)
    # The same tags laid on one continuum of 20 characters give the same figure.
    moved = (tag("A", 0, 5), tag("B", 0, 4), tag("A", 12, 16), tag("B", 13, 16))
    split = (tag("A", 0, 5), tag("B", 0, 4), tag("A", 2, 6, document=2), tag("B", 3, 6, document=2))
    joined = agreement(CodingData(("A", "B"), {1: 20}, moved)).alpha_u
    assert agreement(CodingData(("A", "B"), {1: 10, 2: 10}, split)).alpha_u == pytest.approx(joined)
    # Overlapping tags of one annotator are one unit; a document not coded by all is left out.
    doubled = (*moved, tag("A", 1, 3))
    assert agreement(CodingData(("A", "B"), {1: 20}, doubled)).alpha_u == pytest.approx(joined)
    partial = CodingData(("A", "B"), {1: 10, 2: 10}, split, coded={"B": frozenset({1})})
    alone = CodingData(("A", "B"), {1: 10}, split[:2])
    assert agreement(partial).alpha_u == pytest.approx(agreement(alone).alpha_u)


def random_coding(chance: random.Random) -> CodingData:
    """Three or four annotators, a few short documents not all coded by everyone, tags that
    nest, touch and repeat exactly, with attributes (never empty: the store refuses them)."""
    names = ("A", "B", "C", "D")[: chance.choice((3, 4))]
    lengths = {document: 12 for document in (1, 2, 3)}
    coded = {
        name: frozenset(d for d in lengths if chance.random() < 0.8)
        for name in names
        if chance.random() < 0.5
    }
    tags = []
    for number in range(chance.randrange(0, 40)):
        start = chance.randrange(0, 11)
        tags.append(
            Tag(
                chance.choice(list(lengths)),
                chance.choice(("要求", "措施")),
                start,
                min(12, start + chance.randrange(1, 5)),
                chance.choice(names),
                {"issuer": chance.choice(("市", "省"))} if chance.random() < 0.7 else {},
                id=number,
            )
        )
    return CodingData(names, lengths, tuple(tags), coded=coded)


def pairwise_span_counts(data: CodingData, i: int, j: int) -> dict[str, SpanCounts]:
    """The reference: two annotators' tags in the documents both coded, counted pair-wise."""
    a, b = data.annotators[i], data.annotators[j]
    mine = [t for t in data.tags if t.annotator == a and data.codes(b, t.document)]
    theirs = [t for t in data.tags if t.annotator == b and data.codes(a, t.document)]
    return span_counts(group_tags(mine), group_tags(theirs))


def pairwise_attributes(data: CodingData) -> Counter[tuple[str, str, str]]:
    """The reference: (attribute, coder 1's value, coder 2's value) over every pair's exactly
    matched tags, identical tags paired in id order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for a, b in combinations(data.annotators, 2):

        def index(name: str) -> dict[tuple[int, str, int, int], list[Tag]]:
            found: dict[tuple[int, str, int, int], list[Tag]] = {}
            for t in sorted((t for t in data.tags if t.annotator == name), key=lambda t: t.id):
                found.setdefault((t.document, t.label, t.start, t.end), []).append(t)
            return found

        theirs = index(b)
        for key, mine in index(a).items():
            for x, y in zip(mine, theirs.get(key, []), strict=False):
                for name in dict.fromkeys([*x.attributes, *y.attributes]):
                    seen[(name, x.attributes.get(name, ""), y.attributes.get(name, ""))] += 1
    return seen


def test_every_pair_counted_in_one_pass_equals_counting_pair_by_pair() -> None:
    chance = random.Random(16)
    for _ in range(300):
        data = random_coding(chance)
        found = all_pairs_span_counts(data)
        for i, j in combinations(range(len(data.annotators)), 2):
            expected = pairwise_span_counts(data, i, j)
            assert {k: v for k, v in found[(i, j)].items() if v != SpanCounts()} == {
                k: v for k, v in expected.items() if v != SpanCounts()
            }
        report = attribute_agreement(
            data, {n: [t for t in data.tags if t.annotator == n] for n in data.annotators}
        )
        expected_items = pairwise_attributes(data)
        issuer = [(x, y, n) for (name, x, y), n in expected_items.items() if name == "issuer"]
        if issuer:
            assert report["issuer"].items == sum(n for _, _, n in issuer)
            agreed = sum(n for x, y, n in issuer if x == y)
            assert report["issuer"].percent == pytest.approx(agreed / sum(n for *_, n in issuer))
        else:
            assert "issuer" not in report
