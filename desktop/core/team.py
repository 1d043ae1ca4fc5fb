"""Coding as a team, over a project: what agreement compares (and, to come, splitting a
corpus between coders and merging their projects back)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.agreement import AgreementReport, CodingData, Tag, agreement
from desktop.core.labels import LABEL_PATH_SEPARATOR
from desktop.core.store import Store


class AgreementInputError(ValueError):
    """The annotators, labels or documents asked for cannot be compared; a one-line reason."""


def coding_data(
    store: Store,
    *,
    annotators: Sequence[str] = (),
    labels: Sequence[str] = (),
    document_ids: Sequence[int] = (),
) -> CodingData:
    """What agreement compares in this project. ``annotators``: default every annotator with
    tags; ``labels``: label paths or names (a label brings its sub-labels), default all;
    ``document_ids``: default those in which a compared annotator has a tag."""
    present = store.tagging_annotators()
    chosen = tuple(dict.fromkeys(annotators)) if annotators else tuple(present)
    missing = [name for name in chosen if name not in present]
    if missing:
        known = ", ".join(present) or "none"
        raise AgreementInputError(
            f"no tags by {', '.join(missing)} in this project (annotators with tags: {known})"
        )
    if len(chosen) < 2:
        raise AgreementInputError(
            "agreement needs two annotators with tags; this project has "
            + (f"only {chosen[0]}" if chosen else "none")
        )
    documents = list(document_ids) or store.documents_tagged_by(chosen)
    lengths = store.document_lengths(documents)
    compared = set(lengths)
    tags = [tag for tag in store.tags_by(chosen) if tag.document in compared]
    if labels:
        tags = [tag for tag in tags if _chosen_label(tag, labels)]
        if not tags:
            raise AgreementInputError(f"no tags with the labels {', '.join(labels)}")
    return CodingData(annotators=chosen, lengths=lengths, tags=tuple(tags))


def _chosen_label(tag: Tag, labels: Sequence[str]) -> bool:
    name = tag.label.rsplit(LABEL_PATH_SEPARATOR, 1)[-1]
    return any(
        tag.label == wanted or tag.label.startswith(wanted + LABEL_PATH_SEPARATOR) or name == wanted
        for wanted in labels
    )


def project_agreement(
    store: Store,
    *,
    annotators: Sequence[str] = (),
    labels: Sequence[str] = (),
    document_ids: Sequence[int] = (),
) -> AgreementReport:
    """The agreement report of this project (the scheme's attributes always listed)."""
    data = coding_data(store, annotators=annotators, labels=labels, document_ids=document_ids)
    return agreement(data, [attribute.name for attribute in store.attributes()])
