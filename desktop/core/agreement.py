"""Inter-coder agreement: how far annotators agree on the tags of the same documents.

Pure functions over plain values (no store, no Qt), defined exactly so others can reproduce
the figures (the README states the same definitions):

- **Compared documents**: the ones given, else those in which at least one compared
  annotator has a tag. An annotator's values are *missing* in a document they were not given
  (``CodingData.coded``, from a merge of coder projects); without that record every compared
  annotator is taken to have coded every compared document.
- **Character units**: every character of every compared document. An annotator's value for
  it is the set of labels (paths) of their tags covering it; the empty set is a value.
  Krippendorff's α (nominal) over all compared annotators, Cohen's κ and α for each pair, and
  Fleiss' κ (more than two annotators; units every annotator coded) on these units. Per label,
  the same on the binary value "covered by this label or not".
- **Span F1** per pair: *exact* (same document, start, end and label; a tag matches at most
  one tag of the other side) and *overlap* (a tag is matched when the other annotator has a
  tag of the same label overlapping it; precision = the second annotator's matched share,
  recall = the first's, F1 their harmonic mean). Per label across pairs: the mean of the
  pairs' F1 on that label's tags.
- **Attribute agreement** on exactly matched tag pairs (of every annotator pair, pooled, the
  pair's first annotator as coder 1) where at least one side gives the attribute: percent
  agreement and Cohen's κ, a missing value being the value "".

Units are counted in runs: between two consecutive tag boundaries every annotator's value is
the same, so a run of ``n`` characters is one unit of weight ``n``. The coefficients take
weighted units; the figures equal those computed character by character.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from desktop.core.spreadsheet import SafeCsvWriter

# An annotator's value for a unit, or None when the annotator did not code it.
Value = Hashable | None


# --- the coefficients, on weighted units -------------------------------------------------


def krippendorff_alpha(units: Iterable[tuple[Sequence[Value], float]]) -> float | None:
    """Krippendorff's α for nominal data. Each unit is (the coders' values, None for a
    missing one; its weight). Units with fewer than two values are not pairable and count
    for nothing. None when undefined: no pairable unit, or a single value throughout."""
    # n_c: each value's total over the pairable units.
    coincidences: defaultdict[Hashable, float] = defaultdict(float)
    disagreement = 0.0  # the coincidence matrix's off-diagonal sum
    for values, weight in units:
        present = [value for value in values if value is not None]
        m = len(present)
        if m < 2:
            continue
        counts = Counter(present)
        for value, count in counts.items():
            coincidences[value] += weight * count
        same = sum(count * count for count in counts.values())
        disagreement += weight * (m * m - same) / (m - 1)
    n = sum(coincidences.values())
    expected = n * n - sum(total * total for total in coincidences.values())
    if n <= 1 or expected <= 0:
        return None
    return 1.0 - (n - 1) * disagreement / expected


def cohen_kappa(items: Iterable[tuple[Hashable, Hashable, float]]) -> float | None:
    """Cohen's κ of two coders over (coder 1's value, coder 2's value, weight). None when
    undefined (no items, or both coders gave one and the same value throughout)."""
    total = 0.0
    agreed = 0.0
    first: defaultdict[Hashable, float] = defaultdict(float)
    second: defaultdict[Hashable, float] = defaultdict(float)
    for a, b, weight in items:
        total += weight
        first[a] += weight
        second[b] += weight
        if a == b:
            agreed += weight
    if total == 0:
        return None
    observed = agreed / total
    chance = sum(first[value] * second.get(value, 0.0) for value in first) / (total * total)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1.0 - chance)


def fleiss_kappa(units: Iterable[tuple[Mapping[Hashable, int], float]]) -> float | None:
    """Fleiss' κ over units each rated by the same number of raters: (how many raters gave
    each value, weight). None when undefined."""
    raters = 0
    subjects = 0.0
    agreement = 0.0  # sum of P_i
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for counts, weight in units:
        n = sum(counts.values())
        if raters == 0:
            raters = n
        elif n != raters:
            raise ValueError("Fleiss' kappa needs the same number of ratings for every unit")
        if n < 2:
            return None
        subjects += weight
        agreement += weight * (sum(c * c for c in counts.values()) - n) / (n * (n - 1))
        for value, count in counts.items():
            totals[value] += weight * count
    if subjects == 0:
        return None
    mean_agreement = agreement / subjects
    chance = sum((total / (subjects * raters)) ** 2 for total in totals.values())
    if chance >= 1.0:
        return None
    return (mean_agreement - chance) / (1.0 - chance)


Segment = tuple[int, int]  # begin, end (exclusive) on a continuum


def unitizing_disagreements(
    units_by_rater: Sequence[Sequence[Segment]], length: int
) -> tuple[float, float] | None:
    """Krippendorff's (2004, pp. 251-254) observed and expected disagreement of unitizing for
    one category: each rater's units (sorted, not overlapping) on a continuum ``[0, length)``,
    the rest of it their gaps. None when there is nothing to compare (no unit, or fewer than
    two raters). α_u = 1 - D_o/D_e; over several categories, 1 - ΣD_o/ΣD_e."""
    raters = len(units_by_rater)
    if raters < 2 or length <= 0:
        return None
    sections = [_sections(units, length) for units in units_by_rater]
    observed = 0
    for first in range(raters):
        for second in range(first + 1, raters):
            observed += _squared_distances(sections[first], sections[second])
    observed_disagreement = 2 * observed / (raters * (raters - 1) * length * length)
    units = [end - begin for units in units_by_rater for begin, end in units]
    if not units:
        return None
    gaps = sorted(end - begin for rater in sections for begin, end, is_unit in rater if not is_unit)
    # Sums of the gap lengths from each position on, to add (gap - l + 1) over gaps >= l fast.
    tail_sums = [0] * (len(gaps) + 1)
    for index in range(len(gaps) - 1, -1, -1):
        tail_sums[index] = tail_sums[index + 1] + gaps[index]
    count = len(units)
    expected = 0.0
    for unit in units:
        first_long_enough = bisect_left(gaps, unit)
        long_enough = len(gaps) - first_long_enough
        fitting = tail_sums[first_long_enough] - (unit - 1) * long_enough
        expected += (count - 1) * (2 * unit**3 - 3 * unit**2 + unit) / 3 + unit * unit * fitting
    denominator = raters * length * (raters * length - 1) - sum(u * (u - 1) for u in units)
    return observed_disagreement, (2 / length) * expected / denominator


def _sections(units: Sequence[Segment], length: int) -> list[tuple[int, int, bool]]:
    """A rater's continuum cut into units (True) and the gaps between them (False)."""
    sections = []
    position = 0
    for begin, end in units:
        if begin > position:
            sections.append((position, begin, False))
        sections.append((begin, end, True))
        position = end
    if position < length:
        sections.append((position, length, False))
    return sections


def _squared_distances(
    first: Sequence[tuple[int, int, bool]], second: Sequence[tuple[int, int, bool]]
) -> int:
    """Σ δ² over the overlapping sections of two raters (Krippendorff 2004): two units, the
    squared differences of their beginnings and ends; a unit inside the other's gap, its
    squared length; anything else, 0."""
    total = 0
    i = j = 0
    while i < len(first) and j < len(second):
        b1, e1, unit1 = first[i]
        b2, e2, unit2 = second[j]
        if unit1 and unit2:
            total += (b1 - b2) ** 2 + (e1 - e2) ** 2
        elif unit1 and b2 <= b1 and e1 <= e2:
            total += (e1 - b1) ** 2
        elif unit2 and b1 <= b2 and e2 <= e1:
            total += (e2 - b2) ** 2
        if e1 <= e2:
            i += 1
        if e2 <= e1:
            j += 1
    return total


# --- the data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tag:
    """A tag as agreement sees it: ``label`` is its path ("Parent/Child")."""

    document: int
    label: str
    start: int
    end: int
    annotator: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    id: int = 0  # orders identical tags of one annotator when they are paired


@dataclass(frozen=True)
class CodingData:
    """What agreement is computed on. ``lengths``: each compared document's length in code
    points; ``tags``: the compared annotators' tags in those documents; ``coded``: per
    annotator, the documents they were given (absent: every compared document)."""

    annotators: tuple[str, ...]
    lengths: Mapping[int, int]
    tags: tuple[Tag, ...]
    labels: tuple[str, ...] = ()  # the labels reported one by one; () = every label tagged
    coded: Mapping[str, frozenset[int]] = field(default_factory=dict)

    def codes(self, annotator: str, document: int) -> bool:
        given = self.coded.get(annotator)
        return given is None or document in given

    def reported_labels(self) -> tuple[str, ...]:
        return self.labels or tuple(sorted({tag.label for tag in self.tags}))


def character_runs(data: CodingData) -> Iterator[tuple[tuple[frozenset[str] | None, ...], int]]:
    """The character units in runs: (each annotator's value, in ``data.annotators`` order,
    None where missing; the run's length in characters)."""
    by_document: dict[int, list[Tag]] = defaultdict(list)
    for tag in data.tags:
        by_document[tag.document].append(tag)
    position = {name: index for index, name in enumerate(data.annotators)}
    empty = frozenset[str]()
    for document, length in data.lengths.items():
        coding = [data.codes(name, document) for name in data.annotators]
        untagged = tuple(empty if codes else None for codes in coding)
        events: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
        for tag in by_document.get(document, ()):
            slot = position.get(tag.annotator)
            if slot is None or not coding[slot]:
                continue
            start, end = max(0, tag.start), min(length, tag.end)
            if start < end:
                events[start].append((slot, tag.label, 1))
                events[end].append((slot, tag.label, -1))
        active: list[Counter[str]] = [Counter() for _ in data.annotators]
        # Each annotator's value now; only those a boundary changes are made anew.
        values = list(untagged)
        bounds = sorted(events)
        covered = 0
        previous = 0
        for bound in bounds:
            if bound > previous:
                yield tuple(values), bound - previous
                covered += bound - previous
            changed = set()
            for slot, label, step in events[bound]:
                active[slot][label] += step
                changed.add(slot)
            for slot in changed:
                values[slot] = frozenset(label for label, n in active[slot].items() if n > 0)
            previous = bound
        if length - covered > 0:
            yield untagged, length - covered


# --- the report --------------------------------------------------------------------------


@dataclass(frozen=True)
class PairAgreement:
    a: str
    b: str
    kappa: float | None
    alpha: float | None
    f1_exact: float | None
    f1_overlap: float | None
    # Per label: (κ, F1 exact, F1 overlap) of this pair.
    labels: Mapping[str, tuple[float | None, float | None, float | None]] = field(
        default_factory=dict
    )


@dataclass(frozen=True)
class LabelAgreement:
    alpha: float | None
    f1_exact: float | None
    f1_overlap: float | None
    fleiss_kappa: float | None = None
    alpha_u: float | None = None  # Krippendorff's unitizing alpha


@dataclass(frozen=True)
class AttributeAgreement:
    percent: float | None
    kappa: float | None
    items: int


@dataclass(frozen=True)
class AgreementReport:
    annotators: tuple[str, ...]
    documents: int
    alpha: float | None
    fleiss_kappa: float | None
    pairs: tuple[PairAgreement, ...]
    labels: Mapping[str, LabelAgreement]
    attributes: Mapping[str, AttributeAgreement]
    alpha_u: float | None = None  # Krippendorff's unitizing alpha over every label

    def to_json(self) -> dict[str, Any]:
        """The object ``jiyao agreement --json`` prints (undefined figures are null)."""
        return {
            "annotators": list(self.annotators),
            "documents": self.documents,
            "alpha": self.alpha,
            "fleiss_kappa": self.fleiss_kappa,
            "alpha_u": self.alpha_u,
            "pairs": [
                {
                    "a": pair.a,
                    "b": pair.b,
                    "kappa": pair.kappa,
                    "alpha": pair.alpha,
                    "f1_exact": pair.f1_exact,
                    "f1_overlap": pair.f1_overlap,
                }
                for pair in self.pairs
            ],
            "labels": {
                label: {
                    "alpha": scores.alpha,
                    "f1_exact": scores.f1_exact,
                    "f1_overlap": scores.f1_overlap,
                    "alpha_u": scores.alpha_u,
                }
                for label, scores in self.labels.items()
            },
            "attributes": {
                name: {"percent": scores.percent, "kappa": scores.kappa}
                for name, scores in self.attributes.items()
            },
        }


def agreement(data: CodingData, attribute_names: Sequence[str] = ()) -> AgreementReport:
    """Every figure of the report. ``attribute_names``: attributes reported even when no
    matched tag gives them (the scheme's); those found on matched tags are added."""
    if len(data.annotators) < 2:
        raise ValueError("agreement needs at least two annotators")
    # Runs with the same values are one unit of their summed weight: many runs are alike
    # (nobody tagged), and every figure below walks the units once per pair and label.
    merged: Counter[tuple[frozenset[str] | None, ...]] = Counter()
    for values, weight in character_runs(data):
        merged[values] += weight
    runs = list(merged.items())
    labels = data.reported_labels()
    count = len(data.annotators)
    slots = range(count)
    pairs_of_slots = list(combinations(slots, 2))

    overall_alpha = krippendorff_alpha(runs)
    overall_fleiss = _fleiss(runs) if count > 2 else None
    tags_by_annotator: dict[str, list[Tag]] = defaultdict(list)
    for tag in data.tags:
        tags_by_annotator[tag.annotator].append(tag)
    # Every pair's span counts in one pass over the tags (not one pass per pair).
    pair_spans = all_pairs_span_counts(data)

    pair_reports = []
    per_label_f1: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label in labels}
    for i, j in pairs_of_slots:
        a, b = data.annotators[i], data.annotators[j]
        pair_units: Counter[tuple[frozenset[str] | None, frozenset[str] | None]] = Counter()
        for values, weight in runs:
            pair_units[(values[i], values[j])] += weight
        both = [(x, y, w) for (x, y), w in pair_units.items()]
        paired = [(x, y, w) for x, y, w in both if x is not None and y is not None]
        counts = pair_spans[(i, j)]
        per_label = {}
        for label in labels:
            covered = [(label in x, label in y, w) for x, y, w in paired]
            scores = counts.get(label, SpanCounts())
            exact, overlap = scores.f1_exact(), scores.f1_overlap()
            per_label[label] = (cohen_kappa(covered), exact, overlap)
            if exact is not None:
                per_label_f1[label][0].append(exact)
            if overlap is not None:
                per_label_f1[label][1].append(overlap)
        total = sum(counts.values(), SpanCounts())
        pair_reports.append(
            PairAgreement(
                a,
                b,
                kappa=cohen_kappa(paired),
                alpha=krippendorff_alpha(([x, y], w) for x, y, w in both),
                f1_exact=total.f1_exact(),
                f1_overlap=total.f1_overlap(),
                labels=per_label,
            )
        )

    unitizing = _unitizing(data, labels)
    label_reports = {}
    for label in labels:
        binary: Counter[tuple[bool | None, ...]] = Counter()
        for values, weight in runs:
            binary[tuple(None if v is None else label in v for v in values)] += weight
        binary_runs = list(binary.items())
        exacts, overlaps = per_label_f1[label]
        label_reports[label] = LabelAgreement(
            alpha=krippendorff_alpha(binary_runs),
            f1_exact=_mean(exacts),
            f1_overlap=_mean(overlaps),
            fleiss_kappa=_fleiss(binary_runs) if count > 2 else None,
            alpha_u=_alpha_u([unitizing[label]] if label in unitizing else []),
        )

    return AgreementReport(
        annotators=data.annotators,
        documents=len(data.lengths),
        alpha=overall_alpha,
        fleiss_kappa=overall_fleiss,
        pairs=tuple(pair_reports),
        labels=label_reports,
        attributes=attribute_agreement(data, tags_by_annotator, attribute_names),
        alpha_u=_alpha_u(list(unitizing.values())),
    )


def _unitizing(data: CodingData, labels: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Per label, the unitizing disagreements (observed, expected) on one continuum: the
    documents every compared annotator coded, end to end in id order; each annotator's units
    of the label are their tags of it, overlapping ones joined."""
    offsets: dict[int, int] = {}
    length = 0
    for document in sorted(data.lengths):
        if all(data.codes(name, document) for name in data.annotators):
            offsets[document] = length
            length += data.lengths[document]
    spans: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for tag in data.tags:
        offset = offsets.get(tag.document)
        if offset is not None and tag.annotator in data.annotators:
            begin = offset + max(0, tag.start)
            end = offset + min(data.lengths[tag.document], tag.end)
            if begin < end:
                spans[(tag.label, tag.annotator)].append((begin, end))
    found = {}
    for label in labels:
        units = [_joined(spans.get((label, name), [])) for name in data.annotators]
        disagreements = unitizing_disagreements(units, length)
        if disagreements is not None:
            found[label] = disagreements
    return found


def _joined(segments: list[Segment]) -> list[Segment]:
    """Segments sorted, overlapping ones joined (touching ones stay two units)."""
    joined: list[Segment] = []
    for begin, end in sorted(segments):
        if joined and begin < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((begin, end))
    return joined


def _alpha_u(disagreements: Sequence[tuple[float, float]]) -> float | None:
    expected = sum(e for _, e in disagreements)
    if expected <= 0:
        return None
    return 1 - sum(o for o, _ in disagreements) / expected


def _fleiss(runs: Sequence[tuple[Sequence[Value], float]]) -> float | None:
    complete = [
        (Counter(values), weight) for values, weight in runs if all(v is not None for v in values)
    ]
    return fleiss_kappa(complete)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# --- spans -------------------------------------------------------------------------------


# One annotator's tags by (document, label path).
TagGroups = dict[tuple[int, str], list[Tag]]


def group_tags(tags: Iterable[Tag]) -> TagGroups:
    groups: TagGroups = defaultdict(list)
    for tag in tags:
        groups[(tag.document, tag.label)].append(tag)
    return dict(groups)


@dataclass(frozen=True)
class SpanCounts:
    """Two annotators' tags of one label (or all): how many each has, how many match exactly,
    how many of each side overlap one of the other side."""

    first: int = 0
    second: int = 0
    exact: int = 0
    first_overlapped: int = 0
    second_overlapped: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(
            self.first + other.first,
            self.second + other.second,
            self.exact + other.exact,
            self.first_overlapped + other.first_overlapped,
            self.second_overlapped + other.second_overlapped,
        )

    def f1_exact(self) -> float | None:
        """2·matches / (tags of both); None when neither has a tag."""
        if self.first + self.second == 0:
            return None
        return 2 * self.exact / (self.first + self.second)

    def f1_overlap(self) -> float | None:
        """Recall = the first's overlapped share, precision = the second's; their harmonic
        mean. None when neither has a tag."""
        if self.first + self.second == 0:
            return None
        recall = self.first_overlapped / self.first if self.first else 0.0
        precision = self.second_overlapped / self.second if self.second else 0.0
        if precision + recall == 0:
            return 0.0
        return 2 * precision * recall / (precision + recall)


def span_counts(first: TagGroups, second: TagGroups) -> dict[str, SpanCounts]:
    """Per label, the span counts of two annotators' grouped tags."""
    # Plain lists while counting: this runs for every pair over every tag of a project.
    totals: dict[str, list[int]] = {}
    for key in first.keys() | second.keys():
        mine, theirs = first.get(key, ()), second.get(key, ())
        counts = totals.get(key[1])
        if counts is None:
            counts = totals[key[1]] = [0, 0, 0, 0, 0]
        counts[0] += len(mine)
        counts[1] += len(theirs)
        if not (mine and theirs):
            continue
        if len(mine) == 1 and len(theirs) == 1:  # the usual case
            a, b = mine[0], theirs[0]
            if a.start == b.start and a.end == b.end:
                counts[2] += 1
                counts[3] += 1
                counts[4] += 1
            elif a.start < b.end and b.start < a.end:
                counts[3] += 1
                counts[4] += 1
            continue
        unmatched = [(tag.start, tag.end) for tag in theirs]
        for tag in mine:
            span = (tag.start, tag.end)
            if span in unmatched:
                unmatched.remove(span)
                counts[2] += 1
        counts[3] += _overlapping(mine, theirs)
        counts[4] += _overlapping(theirs, mine)
    return {label: SpanCounts(*counts) for label, counts in totals.items()}


# A tag of one annotator in the one-pass counting: (start, end, the annotator's position).
_Placed = tuple[int, int, int]


def all_pairs_span_counts(data: CodingData) -> dict[tuple[int, int], dict[str, SpanCounts]]:
    """For every pair of annotators (positions ``i < j`` in ``data.annotators``), per label,
    the span counts of their tags in the documents both coded: what :func:`span_counts` gives
    pair by pair, found looking at each tag once. Each tag is summed up as (its label, who
    coded its document, whose tags of its label overlap it) and each span as who holds it;
    a pair then only adds up those sums."""
    count = len(data.annotators)
    slots = {name: slot for slot, name in enumerate(data.annotators)}
    coders_of: dict[int, int] = {}  # document -> bits of the annotators who coded it
    groups: defaultdict[tuple[int, str], list[_Placed]] = defaultdict(list)
    for tag in data.tags:
        slot = slots.get(tag.annotator)
        if slot is not None:
            groups[(tag.document, tag.label)].append((tag.start, tag.end, slot))
    # (annotator, label, who coded the document, whose tags overlap it) -> how many tags
    summed: Counter[tuple[int, str, int, int]] = Counter()
    held: Counter[tuple[str, int]] = Counter()  # (label, who holds the span) -> spans
    held_twice: list[tuple[str, int, Counter[int]]] = []  # a span someone holds more than once
    for (document, label), tags in groups.items():
        here = coders_of.get(document)
        if here is None:
            here = coders_of[document] = sum(
                1 << slot for slot, name in enumerate(data.annotators) if data.codes(name, document)
            )
        tags.sort()
        for (_start, _end, slot), overlapped in zip(tags, _overlaps(tags), strict=True):
            # Only where the other coded the document too, and where this one did.
            summed[(slot, label, here, overlapped & here if here >> slot & 1 else 0)] += 1
        _count_holders(tags, label, here, held, held_twice)
    by_slot: dict[int, list[tuple[str, int, int, int]]] = defaultdict(list)
    for (slot, label, here, overlapped), tags_summed in summed.items():
        by_slot[slot].append((label, here, overlapped, tags_summed))
    found = {}
    for i, j in combinations(range(count), 2):
        totals: dict[str, list[int]] = {}
        for mine, other, total_at, overlapped_at in ((i, j, 0, 3), (j, i, 1, 4)):
            other_bit = 1 << other
            for label, here, overlapped, tags_summed in by_slot.get(mine, ()):
                if here & other_bit:
                    counts = totals.setdefault(label, [0, 0, 0, 0, 0])
                    counts[total_at] += tags_summed
                    if overlapped & other_bit:
                        counts[overlapped_at] += tags_summed
        both = 1 << i | 1 << j
        for (label, holders), spans in held.items():
            if holders & both == both:
                totals[label][2] += spans
        for label, holders, times in held_twice:
            if holders & both == both:
                totals[label][2] += min(times[i], times[j])
        found[(i, j)] = {label: SpanCounts(*counts) for label, counts in totals.items()}
    return found


def _overlaps(tags: Sequence[_Placed]) -> list[int]:
    """For each of one document's and label's tags (sorted), the bits of the annotators with
    a tag sharing a character with it."""
    bits = [0] * len(tags)
    for first, (start, end, slot) in enumerate(tags):
        for second in range(first + 1, len(tags)):
            other_start, other_end, other_slot = tags[second]
            if other_start >= end:  # sorted by start: none further on reaches back
                break
            if start < other_end:
                bits[first] |= 1 << other_slot
                bits[second] |= 1 << slot
    return bits


def _count_holders(
    tags: Sequence[_Placed],
    label: str,
    here: int,
    held: Counter[tuple[str, int]],
    held_twice: list[tuple[str, int, Counter[int]]],
) -> None:
    """Add who holds each span of one document's and label's tags (sorted) to ``held``, among
    the annotators who coded the document; a span someone holds more than once to
    ``held_twice`` (identical tags match one to one)."""
    at = 0
    while at < len(tags):
        start, end, _slot = tags[at]
        times: Counter[int] = Counter()
        while at < len(tags) and tags[at][0] == start and tags[at][1] == end:
            times[tags[at][2]] += 1
            at += 1
        holders = sum(1 << slot for slot in times) & here
        if holders & (holders - 1) == 0:  # one holder (or none): no pair to match
            continue
        if max(times.values()) == 1:
            held[(label, holders)] += 1
        else:
            held_twice.append((label, holders, times))


def _overlapping(tags: Sequence[Tag], others: Sequence[Tag]) -> int:
    """How many of ``tags`` overlap (share a character with) one of ``others``, all of one
    document and label."""
    if len(tags) * len(others) <= 64:  # the usual case: a few tags a place
        return sum(
            1 for tag in tags if any(o.start < tag.end and tag.start < o.end for o in others)
        )
    ordered = sorted(others, key=lambda tag: tag.start)
    starts = [tag.start for tag in ordered]
    reach = []  # the furthest end among the others starting at or before each one
    furthest = -1
    for tag in ordered:
        if tag.end > furthest:
            furthest = tag.end
        reach.append(furthest)
    matched = 0
    for tag in tags:
        before_end = bisect_left(starts, tag.end)  # others starting before this tag ends
        if before_end and reach[before_end - 1] > tag.start:
            matched += 1
    return matched


def f1_exact(first: Sequence[Tag], second: Sequence[Tag]) -> float | None:
    """F1 of exact matches (same document, start, end and label), each tag matching at most
    one: 2·matches / (tags of both). None when neither has a tag."""
    counts = span_counts(group_tags(first), group_tags(second))
    return sum(counts.values(), SpanCounts()).f1_exact()


def f1_overlap(first: Sequence[Tag], second: Sequence[Tag]) -> float | None:
    """F1 of overlap matches: recall = the share of ``first``'s tags overlapping a tag of the
    same label of ``second``, precision = the same share of ``second``'s. None when neither
    has a tag."""
    counts = span_counts(group_tags(first), group_tags(second))
    return sum(counts.values(), SpanCounts()).f1_overlap()


def _exact_key(tag: Tag) -> tuple[int, str, int, int]:
    return (tag.document, tag.label, tag.start, tag.end)


# --- attributes --------------------------------------------------------------------------


def attribute_agreement(
    data: CodingData,
    tags_by_annotator: Mapping[str, Sequence[Tag]],
    attribute_names: Sequence[str] = (),
) -> dict[str, AttributeAgreement]:
    """Per attribute, over every pair's exactly matched tags (same document, label, start and
    end; identical tags of one annotator paired in id order): how often the two gave the same
    value, and κ. ``attribute_names`` are reported even when no
    matched tag gives them; the others found follow them."""
    # Every pair's matched tags in one pass over the spans (not one pass per pair), counted
    # by the attributes each tag gives, then spread over the attributes named.
    pairs = _matched_attributes(data, tags_by_annotator)
    # Per attribute: how often each (coder 1's value, coder 2's value) was seen.
    items: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in attribute_names}
    for (first_said, second_said), count in pairs.items():
        first_values, second_values = dict(first_said), dict(second_said)
        for name in dict.fromkeys([*first_values, *second_values]):
            first, second = first_values.get(name, ""), second_values.get(name, "")
            if first or second:
                items.setdefault(name, Counter())[(first, second)] += count
    reports = {}
    for name, seen in items.items():
        total = sum(seen.values())
        agreed = sum(n for (x, y), n in seen.items() if x == y)
        reports[name] = AttributeAgreement(
            percent=agreed / total if total else None,
            kappa=cohen_kappa((x, y, float(n)) for (x, y), n in seen.items()),
            items=total,
        )
    return reports


# What a tag says of its attributes: (name, value as text), in the tag's order.
_Said = tuple[tuple[str, str], ...]


def _matched_attributes(
    data: CodingData, tags_by_annotator: Mapping[str, Sequence[Tag]]
) -> Counter[tuple[_Said, _Said]]:
    """How often a pair's exactly matched tags (the first named annotator's, the other's)
    said what of their attributes, over every pair of annotators."""
    holders: defaultdict[tuple[int, str, int, int], list[tuple[int, int, Tag]]] = defaultdict(list)
    for slot, name in enumerate(data.annotators):
        for tag in tags_by_annotator.get(name, ()):
            holders[_exact_key(tag)].append((slot, tag.id, tag))
    said: dict[int, _Said] = {}  # by the tag object (ids may repeat: plain values in tests)

    def said_by(tag: Tag) -> _Said:
        found = said.get(id(tag))
        if found is None:
            found = said[id(tag)] = tuple(
                (name, _attribute_text(tag, name)) for name in tag.attributes
            )
        return found

    pairs: Counter[tuple[_Said, _Said]] = Counter()
    for held in holders.values():
        if len(held) < 2:
            continue
        held.sort(key=lambda holder: holder[:2])  # by annotator, identical tags by id
        slots = [slot for slot, _id, _tag in held]
        if len(set(slots)) == len(held):  # one tag each: every two of them are a pair
            values = [said_by(tag) for _slot, _id, tag in held]
            if values.count(values[0]) == len(values):
                pairs[(values[0], values[0])] += len(values) * (len(values) - 1) // 2
            else:
                pairs.update(combinations(values, 2))
            continue
        by_slot: defaultdict[int, list[Tag]] = defaultdict(list)
        for slot, _id, tag in held:
            by_slot[slot].append(tag)
        for first, second in combinations(sorted(by_slot), 2):
            pairs.update(
                (said_by(x), said_by(y))
                for x, y in zip(by_slot[first], by_slot[second], strict=False)
            )
    return pairs


def _attribute_text(tag: Tag, name: str) -> str:
    value = tag.attributes.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# --- as text -----------------------------------------------------------------------------


def figure(value: float | None) -> str:
    """A coefficient as the report shows it: three decimals, "–" when undefined."""
    return "–" if value is None else f"{value:.3f}"


def report_lines(report: AgreementReport) -> Iterator[str]:
    """The report as plain-text lines (``jiyao agreement`` without ``--json``)."""
    yield f"annotators: {', '.join(report.annotators)}; documents compared: {report.documents}"
    yield f"Krippendorff's alpha (character units, nominal): {figure(report.alpha)}"
    if len(report.annotators) > 2:
        yield f"Fleiss' kappa: {figure(report.fleiss_kappa)}"
    yield f"Krippendorff's unitizing alpha (alpha_u): {figure(report.alpha_u)}"
    yield ""
    yield "pair\tkappa\talpha\tF1 exact\tF1 overlap"
    for pair in report.pairs:
        yield (
            f"{pair.a} / {pair.b}\t{figure(pair.kappa)}\t{figure(pair.alpha)}\t"
            f"{figure(pair.f1_exact)}\t{figure(pair.f1_overlap)}"
        )
    yield ""
    yield "label\talpha\talpha_u\tF1 exact\tF1 overlap"
    for label, scores in report.labels.items():
        yield (
            f"{label}\t{figure(scores.alpha)}\t{figure(scores.alpha_u)}\t"
            f"{figure(scores.f1_exact)}\t{figure(scores.f1_overlap)}"
        )
    if report.attributes:
        yield ""
        yield "attribute\tpercent\tkappa\tmatched tags"
        for name, attribute in report.attributes.items():
            percent = "–" if attribute.percent is None else f"{100 * attribute.percent:.1f}%"
            yield f"{name}\t{percent}\t{figure(attribute.kappa)}\t{attribute.items}"


# --- as a table --------------------------------------------------------------------------

CSV_COLUMNS = (
    "scope", "a", "b", "label_or_attribute", "alpha", "kappa", "fleiss_kappa",
    "f1_exact", "f1_overlap", "percent", "matched_tags", "alpha_u",
)  # fmt: skip


def report_rows(report: AgreementReport) -> Iterator[tuple[object, ...]]:
    """The report as rows under CSV_COLUMNS (undefined figures as empty cells): the overall
    figures, each pair, each pair on each label, each label, each attribute."""

    def cell(value: float | None) -> object:
        return "" if value is None else value

    yield (
        "overall", "", "", "", cell(report.alpha), "", cell(report.fleiss_kappa), "", "", "", "",
        cell(report.alpha_u),
    )  # fmt: skip
    for pair in report.pairs:
        yield (
            "pair", pair.a, pair.b, "", cell(pair.alpha), cell(pair.kappa), "",
            cell(pair.f1_exact), cell(pair.f1_overlap), "", "", "",
        )  # fmt: skip
    for pair in report.pairs:
        for label, (kappa, exact, overlap) in pair.labels.items():
            yield (
                "pair_label", pair.a, pair.b, label, "", cell(kappa), "",
                cell(exact), cell(overlap), "", "", "",
            )  # fmt: skip
    for label, scores in report.labels.items():
        yield (
            "label", "", "", label, cell(scores.alpha), "", cell(scores.fleiss_kappa),
            cell(scores.f1_exact), cell(scores.f1_overlap), "", "", cell(scores.alpha_u),
        )  # fmt: skip
    for name, attribute in report.attributes.items():
        yield (
            "attribute", "", "", name, "", cell(attribute.kappa), "", "", "",
            cell(attribute.percent), attribute.items, "",
        )  # fmt: skip


def write_report_csv(report: AgreementReport, path: Path) -> None:
    """Write the report as CSV (UTF-8 with a BOM, as Jiyao's CSV exports: spreadsheets then
    read the Chinese label names right). Written beside and renamed, so a failure leaves no
    half-written file under the name."""
    part = path.with_name(f".{path.name}.part")
    try:
        with part.open("w", encoding="utf-8-sig", newline="") as file:
            writer = SafeCsvWriter(file)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(report_rows(report))
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
