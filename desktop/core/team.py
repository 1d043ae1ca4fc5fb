"""Coding as a team, over projects: splitting a corpus between coders (``assign``), merging
their projects back (``merge``) and what agreement compares (``project_agreement``)."""

from __future__ import annotations

import os
import random
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.core.adjudication import GOLD, Place, Review, review
from desktop.core.agreement import AgreementReport, CodingData, Tag, agreement
from desktop.core.labels import LABEL_PATH_SEPARATOR, LabelScheme
from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.model import Document, ImportedAnnotation, NewDocument
from desktop.core.store import ReadOnlyProject, Store, StoreError
from desktop.core.store.team import ADJUDICATED, CoderProject, MergeOutcome, copy_project

# Called with (done, total, what is being done); may raise to cancel.
Progress = Callable[[int, int, str], None]


class TeamInputError(ValueError):
    """What was asked of a team's projects cannot be done; a one-line reason."""


class AgreementInputError(TeamInputError):
    """The annotators, labels or documents asked for cannot be compared."""


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
    if len(chosen) < 2 and annotators:
        raise AgreementInputError(
            QT_TRANSLATE_NOOP(
                "Team",
                "agreement compares two or more annotators; only {0} was chosen (annotators "
                "with tags here: {1})",
            ).format(", ".join(chosen), ", ".join(present))
        )
    if len(chosen) < 2:
        raise AgreementInputError(
            QT_TRANSLATE_NOOP(
                "Team", "agreement needs two annotators with tags; this project has {0}"
            ).format(", ".join(chosen) or "none")
        )
    documents = list(document_ids) or store.documents_tagged_by(chosen)
    lengths = store.document_lengths(documents)
    compared = set(lengths)
    tags = [tag for tag in store.tags_by(chosen) if tag.document in compared]
    if labels:
        tags = [tag for tag in tags if _chosen_label(tag, labels)]
        if not tags:
            raise AgreementInputError(f"no tags with the labels {', '.join(labels)}")
    given = store.documents_given()
    coded = {name: given[name] for name in chosen if name in given}
    return CodingData(annotators=chosen, lengths=lengths, tags=tuple(tags), coded=coded)


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


# --- splitting a corpus between coders ------------------------------------------------------

PROJECT_SUFFIX = ".jiyao"
# Characters a coder's name cannot hold, since it names their project file.
_NOT_IN_FILE_NAMES = set('/\\:*?"<>|') | {chr(code) for code in range(32)}


@dataclass(frozen=True)
class CoderAssignment:
    coder: str
    path: Path
    documents: tuple[int, ...]  # ids in the team project
    shared: int  # how many of them every coder has


def assignment_warnings(assignments: Sequence[CoderAssignment]) -> list[str]:
    """What a split leaves that its user should know: a coder given no document; coders who
    share none (their agreement cannot be measured)."""
    warnings: list[str] = [
        QT_TRANSLATE_NOOP("Team", "{0} was given no document").format(assignment.coder)
        for assignment in assignments
        if not assignment.documents
    ]
    if len(assignments) > 1 and assignments[0].shared == 0:
        warnings.append(
            QT_TRANSLATE_NOOP(
                "Team",
                "no document is given to every coder, so their agreement cannot be measured: "
                "raise the overlap",
            )
        )
    return warnings


def plan_assignment(
    document_ids: Sequence[int], coders: Sequence[str], overlap: float, seed: int
) -> dict[str, tuple[list[int], int]]:
    """Who gets which documents: ``overlap`` of them (rounded, chosen at random with
    ``seed``) go to every coder, for reliability; the rest are shuffled and dealt out in turn.
    Returns coder -> (their documents in id order, how many are shared)."""
    shuffled = list(document_ids)
    random.Random(seed).shuffle(shuffled)
    shared_count = round(overlap * len(shuffled))
    shared, rest = shuffled[:shared_count], shuffled[shared_count:]
    plan = {}
    for index, coder in enumerate(coders):
        own = rest[index :: len(coders)]
        plan[coder] = (sorted(shared + own), len(shared))
    return plan


def check_coders(coders: Sequence[str]) -> None:
    """Refuse names that cannot name a coder's project file, and repeated names."""
    if not coders:
        raise TeamInputError("name at least one coder")
    seen: set[str] = set()
    for coder in coders:
        if not coder.strip() or coder in {".", ".."} or set(coder) & _NOT_IN_FILE_NAMES:
            raise TeamInputError(f"{coder!r} cannot name a coder's project file")
        if coder.casefold() in seen:
            raise TeamInputError(f"the coder {coder} is named twice")
        seen.add(coder.casefold())


def assign(
    store: Store,
    coders: Sequence[str],
    folder: Path,
    *,
    overlap: float = 0.2,
    seed: int = 0,
    progress: Progress | None = None,
) -> list[CoderAssignment]:
    """Write one project per coder into ``folder`` (``<coder>.jiyao``): this project's scheme,
    the documents given to them (see :func:`plan_assignment`) and their name as the annotator.
    All or nothing: no file is left if one cannot be written, and no file is replaced.
    ``progress(coders written, coders, the next one)`` may raise to cancel: nothing is left."""
    check_coders(coders)
    if not 0.0 <= overlap <= 1.0:
        raise TeamInputError(f"the overlap is a share between 0 and 1, not {overlap}")
    documents = store.document_ids()
    if not documents:
        raise TeamInputError(f"{store.path} has no documents to assign")
    targets = {coder: folder / f"{coder}{PROJECT_SUFFIX}" for coder in coders}
    for target in targets.values():
        if target.exists():
            raise TeamInputError(f"{target} exists already: choose another folder")
    plan = plan_assignment(documents, coders, overlap, seed)
    scheme = store.scheme()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with tempfile.TemporaryDirectory(dir=folder, prefix=".jiyao-assign-") as scratch:
            for done, (coder, (ids, shared)) in enumerate(plan.items()):
                if progress is not None:
                    progress(done, len(plan), coder)
                part = Path(scratch) / targets[coder].name
                _write_coder_project(store, part, coder, ids, shared, scheme, seed)
            for coder in coders:
                # A name taken since the check above is not replaced.
                if targets[coder].exists():
                    raise TeamInputError(f"{targets[coder]} exists already")
                os.replace(Path(scratch) / targets[coder].name, targets[coder])
                written.append(targets[coder])
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return [
        CoderAssignment(coder, targets[coder], tuple(ids), shared)
        for coder, (ids, shared) in plan.items()
    ]


def _write_coder_project(
    store: Store,
    path: Path,
    coder: str,
    document_ids: Sequence[int],
    shared: int,
    scheme: LabelScheme,
    seed: int,
) -> None:
    documents = [_as_new(store.document(document_id)) for document_id in document_ids]
    with Store(path) as coder_store:
        coder_store.install_scheme(scheme)
        coder_store.merge_codebook(store.codebook_for_coders())
        coder_store.add_documents(documents)
        coder_store.prepare_for(
            coder, {"coder": coder, "seed": seed, "documents": len(documents), "shared": shared}
        )


def _as_new(document: Document) -> NewDocument:
    return NewDocument(
        title=document.title,
        raw_text=document.raw_text,
        clean_text=document.clean_text,
        encoding=document.encoding,
        script=document.script,
        removed=document.removed,
        source=document.source,
        date=document.date,
        source_path=document.source_path,
        metadata=document.metadata,
    )


# --- merging coder projects -------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str


class MergeRefused(TeamInputError):
    """Some coder projects cannot be merged: nothing was."""

    def __init__(self, refusals: Sequence[Refusal]) -> None:
        self.refusals = tuple(refusals)
        shown = "; ".join(f"{r.path.name}: {r.reason}" for r in refusals)
        super().__init__(f"nothing merged: {shown}")


def read_coder_projects(
    team: Store, paths: Sequence[Path], progress: Progress | None = None
) -> list[CoderProject]:
    """Read each coder project whole, read-only. Every file is checked; if any is refused
    (not a project, from a newer Jiyao, the team project itself, a coder named twice, a coder
    with no tags), MergeRefused lists them all. ``progress(files read, files, name)``."""
    refusals: list[Refusal] = []
    projects: list[CoderProject] = []
    sources: dict[str, Path] = {}  # coder -> their file
    taggers: dict[str, Path] = {}  # annotator named on tags -> the file holding them
    team_file = team.path.resolve()
    unique = list(dict.fromkeys(Path(p) for p in paths))
    for done, path in enumerate(unique):
        if progress is not None:
            progress(done, len(unique), path.name)
        if path.exists() and path.resolve() == team_file:
            refusals.append(
                Refusal(path, QT_TRANSLATE_NOOP("Team", "this is the team project itself"))
            )
            continue
        try:
            project = _read_coder_project(path)
        except StoreError as error:
            refusals.append(Refusal(path, message_of(error)))
            continue
        if project.name in sources:
            refusals.append(
                Refusal(
                    path,
                    QT_TRANSLATE_NOOP("Team", "{0} is {1}'s project too").format(
                        sources[project.name].name, project.name
                    ),
                )
            )
            continue
        sources[project.name] = path
        if not project.tags:
            refusals.append(
                Refusal(path, QT_TRANSLATE_NOOP("Team", "{0} has no tags yet").format(project.name))
            )
            continue
        # Tags that name their annotator: two files must not speak for the same person.
        names = {row[6] or project.name for row in project.tags}
        shared = [(name, source) for name, source in taggers.items() if name in names]
        if shared:
            name, source = shared[0]
            refusals.append(
                Refusal(
                    path,
                    QT_TRANSLATE_NOOP("Team", "{0} holds tags by {1} too").format(
                        source.name, name
                    ),
                )
            )
            continue
        taggers.update(dict.fromkeys(names, path))
        projects.append(project)
    if refusals:
        raise MergeRefused(refusals)
    return projects


def _read_coder_project(path: Path) -> CoderProject:
    """A coder project read whole, read-only; one made by an older Jiyao through a copy
    brought up to date (its file stays as it is)."""
    try:
        with Store(path, create=False, read_only=True) as coder_store:
            return coder_store.read_coder_project(path.stem)
    except ReadOnlyProject:  # read-only, an older project cannot be read as it is
        pass
    with tempfile.TemporaryDirectory(prefix="jiyao-merge-") as scratch:
        copy = Path(scratch) / path.name
        copy_project(path, copy)
        with Store(copy, create=False) as updated:
            project = updated.read_coder_project(path.stem)
    return replace(project, source=str(path))


def merge(
    team: Store, paths: Sequence[Path], progress: Progress | None = None
) -> list[MergeOutcome]:
    """Merge coder projects into the team project: all of them in one transaction, or none
    (see :func:`read_coder_projects` and ``Store.merge_coder_projects``). ``progress(done,
    total, name)`` hears of each file read, then of each merged; it may raise to cancel,
    which leaves the team project as it was."""
    total = 2 * len(set(paths))

    def reading(done: int, _files: int, name: str) -> None:
        if progress is not None:
            progress(done, total, name)

    projects = read_coder_projects(team, paths, reading)

    def merged(index: int) -> None:
        if progress is not None:
            progress(total - len(projects) + index + 1, total, Path(projects[index].source).name)

    return team.merge_coder_projects(projects, merged)


# --- adjudication ---------------------------------------------------------------------------


def project_review(
    store: Store, annotators: Sequence[str], *, gold: str = GOLD, document_ids: Sequence[int] = ()
) -> Review:
    """Where ``annotators`` agree and disagree in the documents all of them were given
    (``document_ids``: only there), each place resolved or not in the adjudicated layer
    ``gold``."""
    data = coding_data(store, annotators=annotators, document_ids=document_ids)
    if gold in data.annotators:
        raise TeamInputError(f"{gold} is the adjudicated layer, not a coder to compare")
    # Only documents every compared coder was given: elsewhere one coder's tags are all there is.
    compared = {
        document
        for document in data.lengths
        if all(data.codes(name, document) for name in data.annotators)
    }
    if data.lengths and not compared:
        raise TeamInputError(
            QT_TRANSLATE_NOOP(
                "Team", "the coders {0} were given no document in common: nothing to compare"
            ).format(", ".join(data.annotators))
        )
    tags = [tag for tag in data.tags if tag.document in compared]
    gold_tags = [tag for tag in store.tags_by([gold]) if tag.document in compared]
    return review(tags, data.annotators, gold_tags, store.untagged_places(gold))


def review_again(store: Store, found: Review, document_id: int, *, gold: str = GOLD) -> Review:
    """``found`` with ``document_id``'s places read again after its tags changed, as
    :func:`project_review` would find them, reading only that document's tags (a decision in
    the review of a large project is one document's work, not the project's)."""
    given = store.documents_given()
    compared = all(name not in given or document_id in given[name] for name in found.annotators)
    tags = store.tags_by(found.annotators, document_id=document_id) if compared else []
    gold_tags = store.tags_by([gold], document_id=document_id) if tags else []
    decided = {place for place in store.untagged_places(gold) if place[0] == document_id}
    return found.with_document(document_id, review(tags, found.annotators, gold_tags, decided))


def record_review(store: Store, found: Review, gold: str = GOLD) -> None:
    """Record which documents of the review are adjudicated in the layer ``gold`` (see
    :meth:`Review.adjudicated_documents`) and which are under way, and whom the review
    compared (so an edit later can tell again, :func:`refresh_adjudication`): the corpus list
    shows it."""
    states = found.adjudicated_documents()
    store.record_adjudication(
        gold,
        [document for document, done in sorted(states.items()) if done],
        [document for document, done in sorted(states.items()) if not done],
        found.annotators,
    )


def refresh_adjudication(store: Store, document_id: int) -> bool:
    """Tell again whether ``document_id`` is adjudicated, in every layer a review recorded
    for it, after its tags changed (a tag of the layer deleted in the Tags tab, say); reads
    only this document's tags. Returns whether a record changed."""
    changed = False
    for gold, state in store.adjudication_status(document_id).items():
        annotators = store.adjudication_annotators(gold)
        if len(annotators) < 2:
            continue
        found = review(
            store.tags_by(annotators, document_id=document_id),
            annotators,
            store.tags_by([gold], document_id=document_id),
            {place for place in store.untagged_places(gold) if place[0] == document_id},
        )
        done = found.adjudicated_documents().get(document_id, True)
        if done != (state == ADJUDICATED):
            decided, undecided = ([document_id], []) if done else ([], [document_id])
            store.record_adjudication(gold, decided, undecided, annotators)
            changed = True
    return changed


def adopt(store: Store, tags: Sequence[Tag], gold: str = GOLD) -> int:
    """Copy these tags (label, span, note and its title, attributes) into the adjudicated
    layer, in one transaction; one the layer has already is not added twice. Returns how many
    were added."""
    by_document: dict[int, list[ImportedAnnotation]] = {}
    for tag in tags:
        annotation = store.annotation(tag.id)
        by_document.setdefault(tag.document, []).append(
            ImportedAnnotation(
                annotation.label_id,
                annotation.start,
                annotation.end,
                note=annotation.note,
                attributes=dict(annotation.attributes),
                annotator=gold,
                note_title=annotation.note_title,
            )
        )
    added = 0
    with store.transaction():
        for document, annotations in by_document.items():
            added += store.add_imported_annotations(document, annotations)
    return added


@dataclass(frozen=True)
class Adjudicated:
    agreed: int  # tags copied from places where every coder agreed
    preferred: int  # tags copied from the preferred coder in disagreements
    untagged: int  # disagreements the preferred coder left untagged, so decided as none
    open: tuple[Place, ...]  # disagreements left for a person to decide
    documents: int = 0  # documents with places (where a compared coder tagged)
    adjudicated: int = 0  # of them, adjudicated (every place decided in the layer)


def adjudicate(
    store: Store,
    annotators: Sequence[str],
    *,
    gold: str = GOLD,
    prefer: str | None = None,
    document_ids: Sequence[int] = (),
) -> Adjudicated:
    """The command line's adjudication, in one transaction: where every coder agrees, their
    tags go into the layer ``gold`` (attributes of the first named); with ``prefer``, every
    open disagreement is decided for that coder (their tags there, or none). The open
    disagreements that remain are returned for a person to decide in the window."""
    if prefer is not None and prefer not in annotators:
        raise TeamInputError(f"--prefer {prefer} is not among the compared annotators")
    found = project_review(store, annotators, gold=gold, document_ids=document_ids)
    first = found.annotators[0]
    agreed_tags = [tag for place in found.agreements() for tag in place.by(first)]
    open_places = found.open_disagreements()
    with store.transaction():
        agreed = adopt(store, agreed_tags, gold)
        preferred = untagged = 0
        if prefer is not None:
            for place in open_places:
                chosen = place.by(prefer)
                if chosen:
                    preferred += adopt(store, chosen, gold)
                else:
                    store.mark_untagged(place.document, place.start, place.end, gold)
                    untagged += 1
            open_places = []
        after = project_review(store, annotators, gold=gold, document_ids=document_ids)
        record_review(store, after, gold)
    states = after.adjudicated_documents()
    return Adjudicated(
        agreed, preferred, untagged, tuple(open_places), len(states), sum(states.values())
    )
