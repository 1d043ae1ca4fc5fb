"""The team commands on their own: prepare, merge and the agreement report over real
projects, no main window (issue 16)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.adjudication import Place, Review
from desktop.core.agreement import Tag
from desktop.core.store import Store
from desktop.core.team import assign
from desktop.ui.common.reports import ReportDialog
from desktop.ui.common.settings import Settings
from desktop.ui.corpus.document_model import DocumentTableModel
from desktop.ui.team.agreement_dialog import AgreementDialog
from desktop.ui.team.prepare_dialog import PrepareDialog
from desktop.ui.team.review_dialog import ReviewDialog, lane
from desktop.ui.team.team_actions import TeamActions
from desktop.ui.workspace import Workspace


class Layers:
    """Stands in for the reader: what the review asked it to show as layers."""

    def __init__(self) -> None:
        self.shown: list[tuple[Review | None, Place | None]] = []

    def show_review(self, review: Review | None, current: Place | None = None) -> None:
        self.shown.append((review, current))


layers = Layers()


@pytest.fixture
def team(qtbot: QtBot, seeded_store: Store) -> tuple[Workspace, TeamActions]:
    parent = QWidget()
    qtbot.addWidget(parent)
    workspace = Workspace(seeded_store, Settings(), parent)
    layers.shown.clear()
    return workspace, TeamActions(workspace, lambda *place: shown.append(place), layers, parent)


# Where the review asked the window to go: (document, start, end).
shown: list[tuple[int, ...]] = []


def coder_files(store: Store, folder: Path) -> list[Path]:
    """Two coders given both seed documents, who tag them a little differently."""
    store.install_default_scheme_if_empty()
    written = assign(store, ["甲", "乙"], folder, overlap=1.0)
    for coder, (start, end) in zip(written, [(0, 6), (2, 6)], strict=True):
        with Store(coder.path) as coder_store:
            label = coder_store.labels()[0]
            for document in coder_store.document_ids():
                coder_store.add_annotation(document, label.id, start, end)
    with Store(written[0].path) as coder_store:
        coder_store.add_memo("project", None, "甲的日志")
    return [coder.path for coder in written]


def merged(qtbot: QtBot, actions: TeamActions, files: list[Path]) -> None:
    with qtbot.waitSignal(actions.mergeFinished, timeout=20_000):
        actions.merge_files(files)


def reports(actions: TeamActions) -> list[ReportDialog]:
    """The reports this test's actions opened (another test's may not be deleted yet)."""
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, ReportDialog) and widget.parent() is actions.parent()
    ]


def test_merging_announces_what_changed_and_reports(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    workspace, actions = team
    files = coder_files(workspace.store, tmp_path / "coders")
    with (
        qtbot.waitSignals([workspace.labelsChanged, workspace.documentsChanged]),
        qtbot.waitSignal(actions.mergeFinished, timeout=20_000) as finished,
    ):
        actions.merge_files(files)
    outcomes = finished.args[0]
    assert [outcome.tags_added for outcome in outcomes] == [2, 2]
    assert workspace.store.tagging_annotators() == ["乙", "甲"]
    [report] = reports(actions)
    assert "2 projects merged" in report.summary.text()
    assert "甲.jiyao (甲): 2 tags added" in report.details.toPlainText()
    assert report.details.toPlainText().count("1 memo added") == 1  # 甲's journal entry
    assert [(m.text, m.author) for m in workspace.store.memos("project")] == [("甲的日志", "甲")]
    report.close()


def test_a_refused_merge_lists_every_file_and_changes_nothing(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    workspace, actions = team
    bad = tmp_path / "bad.jiyao"
    bad.write_text("no")
    with (
        qtbot.assertNotEmitted(workspace.documentsChanged),
        qtbot.waitSignal(actions.mergeFinished, timeout=20_000) as finished,
    ):
        actions.merge_files([bad])
    assert finished.args == [[]]
    [report] = reports(actions)
    assert "Nothing was merged" in report.summary.text()
    assert report.details.toPlainText().startswith("bad.jiyao: ")
    report.close()


def test_the_agreement_report_follows_the_checked_annotators(
    qtbot: QtBot,
    team: tuple[Workspace, TeamActions],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace, actions = team
    merged(qtbot, actions, coder_files(workspace.store, tmp_path / "coders"))
    for report in reports(actions):
        report.close()
    dialog = actions.show_agreement()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AgreementDialog)
    assert dialog.summary.text() == "Computing…" and not dialog.save.isEnabled()
    qtbot.waitSignal(dialog.computed, timeout=20_000).wait()
    assert dialog.pairs.rowCount() == 1
    assert dialog.pairs.item(0, 0).text() == "乙" and dialog.pairs.item(0, 5).text() == "1.000"
    assert "2 documents compared" in dialog.summary.text()
    assert dialog.pair_labels.rowCount() == 1  # one pair, one label
    assert dialog.pair_labels.item(0, 2).text() == dialog.labels.item(0, 0).text()
    target = tmp_path / "agreement.csv"
    monkeypatch.setattr(
        "desktop.ui.team.agreement_dialog.QFileDialog.getSaveFileName",
        lambda *_args: (str(target), ""),
    )
    dialog.export_csv()
    with target.open(encoding="utf-8-sig") as file:
        assert next(csv.DictReader(file))["scope"] == "overall"
    dialog.review.click()  # the report links to the review of the same annotators
    [review] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ReviewDialog) and w.parent() is actions.parent()
    ]
    assert review.annotators == ("乙", "甲")
    review.close()
    with qtbot.waitSignal(dialog.computed, timeout=20_000):
        dialog.annotators.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.report is None and "two or more annotators" in dialog.summary.text()
    assert not dialog.save.isEnabled()


def test_prepare_dialog_reads_names_however_separated(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PrepareDialog(tmp_path)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.coders.setText("王, 李、张 赵")
    assert dialog.coder_names() == ["王", "李", "张", "赵"] and ok.isEnabled()


def test_a_coder_project_names_its_coder_as_the_annotator(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    workspace, _ = team
    [path, _other] = coder_files(workspace.store, tmp_path / "coders")
    workspace.settings.annotator = "我"
    assert workspace.annotator == "我"
    with Store(path) as coder_store:
        workspace.store = coder_store
        assert workspace.annotator == "甲"


def test_reviewing_disagreements_decides_each_undoably(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    workspace, actions = team
    merged(qtbot, actions, coder_files(workspace.store, tmp_path / "coders"))
    for report in reports(actions):
        report.close()
    shown.clear()
    dialog = actions.review_disagreements()  # the parent, which qtbot closes, holds it
    assert isinstance(dialog, ReviewDialog)
    assert dialog.annotators == ("乙", "甲")
    assert dialog.places.count() == 2
    first = workspace.store.document_ids()[0]
    assert shown[-1] == (first, 0, 6)
    review, current = layers.shown[-1]  # the panes show the coders as layers, this place marked
    assert review is dialog.review and current == dialog.current_place()
    assert current is not None and (current.document, current.start, current.end) == (first, 0, 6)
    assert "甲" in dialog.lanes.text() and "乙" in dialog.lanes.text()
    dialog.take("甲")
    [gold] = workspace.store.find_annotations(annotator="gold")
    assert (gold.document_id, gold.start, gold.end) == (first, 0, 6)
    assert dialog.places.count() == 1
    workspace.undo_stack.undo()
    assert workspace.store.find_annotations(annotator="gold") == []
    assert dialog.places.count() == 2
    dialog.mark_untagged()
    dialog.mark_untagged()
    assert dialog.places.count() == 0 and not dialog.untagged.isEnabled()
    assert workspace.store.untagged_places("gold") == {
        (document, 0, 6) for document in workspace.store.document_ids()
    }
    model = DocumentTableModel(workspace.store)
    model.fetch_first_page()
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Coders: 乙 (new), 甲 (new)" in tooltip and "Adjudicated (gold)" in tooltip
    dialog.gold.setText("裁定")
    dialog.reload()
    assert dialog.places.count() == 2  # another layer: nothing decided there yet
    dialog.close()
    assert layers.shown[-1] == (None, None)  # the review is over: the tags as usual


def test_f8_steps_from_anywhere_in_the_application_and_one_review_is_open_at_a_time(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    workspace, actions = team
    merged(qtbot, actions, coder_files(workspace.store, tmp_path / "coders"))
    for report in reports(actions):
        report.close()
    first = actions.review_disagreements()
    second = actions.review_disagreements()
    assert first is not None and second is not None
    assert not first.isVisible()  # closed: two F8s would make the key ambiguous
    window = actions.parent()  # the main window, active, not the review
    assert isinstance(window, QWidget)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    pane = window
    assert second.places.currentRow() == 0
    qtbot.keyClick(pane, Qt.Key.Key_F8)
    assert second.places.currentRow() == 1
    qtbot.keyClick(pane, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert second.places.currentRow() == 0


def test_preparing_coder_projects_in_the_background(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    _workspace, actions = team
    with qtbot.waitSignal(actions.prepareFinished, timeout=20_000) as finished:
        actions.prepare(["甲", "乙"], tmp_path / "out", 0.5, 1)
    assert [coder.path.name for coder in finished.args[0]] == ["甲.jiyao", "乙.jiyao"]
    [report] = reports(actions)
    assert "2 coder projects written" in report.summary.text()
    assert "raise the overlap" not in report.details.toPlainText()
    report.close()
    with qtbot.waitSignal(actions.prepareFinished, timeout=20_000):
        actions.prepare(["甲", "乙"], tmp_path / "apart", 0.0, 1)  # nothing shared: said
    [report] = reports(actions)
    assert "agreement cannot be measured: raise the overlap" in report.details.toPlainText()
    report.close()
    with qtbot.waitSignal(actions.prepareFinished, timeout=20_000) as again:
        actions.prepare(["甲"], tmp_path / "out", 0.5, 1)
    assert again.args == [[]]  # 甲.jiyao exists: refused, said in a message box
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("exists already" in box.text() for box in boxes)
    for box in boxes:
        box.close()


def test_a_lane_colours_the_characters_an_annotator_tagged() -> None:
    text = "会议𠮷要求<落实>\n责任"
    place = Place(1, 2, 5, ())
    shown = lane(text, place, [Tag(1, "要求", 2, 4, "甲")], "#123456")
    coloured = '<span style="background:#123456;color:white">{}</span>'
    assert shown == ("会议" + coloured.format("𠮷") + coloured.format("要") + "求&lt;落实&gt;⏎责任")


def test_agreed_tags_are_taken_in_one_step_and_the_corpus_list_marks_adjudicated_documents(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    workspace, actions = team
    store = workspace.store
    merged(qtbot, actions, coder_files(store, tmp_path / "coders"))
    for report in reports(actions):
        report.close()
    label = store.labels()[0]
    first, second = store.document_ids()
    for coder in ("甲", "乙"):  # both coders agree on 10–12 in both documents
        for document in (first, second):
            store.add_annotation(document, label.id, 10, 12, annotator=coder)
    dialog = actions.review_disagreements()
    assert isinstance(dialog, ReviewDialog)
    assert dialog.take_agreed.isEnabled() and "2 places" in dialog.take_agreed.text()
    model = DocumentTableModel(store)
    model.fetch_first_page()
    with qtbot.waitSignal(workspace.annotationsChanged):
        dialog.take_agreed.click()
    gold = sorted((a.document_id, a.start, a.end) for a in store.find_annotations(annotator="gold"))
    assert gold == [(first, 10, 12), (second, 10, 12)]
    assert not dialog.take_agreed.isEnabled()
    dialog.mark_untagged()  # the first document's disagreement: decided
    assert store.adjudication_status(first) == {"gold": "done"}
    assert store.adjudication_status(second) == {"gold": "in progress"}
    model.reload()
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles[0].startswith("⚖ ") and not titles[1].startswith("⚖")
    # A tag of the layer deleted elsewhere (the Tags tab): no longer adjudicated, said at once.
    taken = next(a for a in store.find_annotations(annotator="gold") if a.document_id == first)
    store.delete_annotation(taken.id)
    workspace.announce_annotations(first, [taken.id])
    assert store.adjudication_status(first) == {"gold": "in progress"}
    model.refresh_document(first)
    assert not model.index(0, 0).data().startswith("⚖")
    workspace.undo_stack.undo()  # the decision
    workspace.undo_stack.undo()  # the agreed tags: all of them, one step
    assert [a.id for a in store.find_annotations(annotator="gold")] == []
    assert dialog.take_agreed.isEnabled()


def test_a_decision_moves_on_to_the_next_place_not_back_to_the_first(
    qtbot: QtBot, team: tuple[Workspace, TeamActions], tmp_path: Path
) -> None:
    workspace, actions = team
    store = workspace.store
    merged(qtbot, actions, coder_files(store, tmp_path / "coders"))
    for report in reports(actions):
        report.close()
    first, second = store.document_ids()
    store.add_annotation(first, store.labels()[0].id, 10, 12, annotator="甲")  # 乙 has none
    dialog = actions.review_disagreements()
    assert isinstance(dialog, ReviewDialog)
    assert dialog.review is not None
    spans = [(p.document, p.start) for p in dialog.review.open_disagreements()]
    assert spans == [(first, 0), (first, 10), (second, 0)]
    dialog.places.setCurrentRow(1)
    dialog.mark_untagged()
    assert dialog.places.count() == 2
    current = dialog.current_place()
    assert current is not None and (current.document, current.start) == (second, 0)
    workspace.undo_stack.undo()  # the place is open again; the one shown stays shown
    assert dialog.places.count() == 3
    current = dialog.current_place()
    assert current is not None and (current.document, current.start) == (second, 0)
    # Only the changed document's rows were made anew: the list is what a full reading gives.
    listed = [
        dialog.places.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(dialog.places.count())
    ]
    texts = [dialog.places.item(row).text() for row in range(dialog.places.count())]
    dialog.reload()
    assert listed == dialog.review.open_disagreements()
    assert texts == [dialog.places.item(row).text() for row in range(dialog.places.count())]
