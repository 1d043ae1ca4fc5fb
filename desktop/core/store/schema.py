"""Opening a project file: the ownership check, the pragmas, and the ordered migrations
recorded in ``PRAGMA user_version``."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import sqlite_utils

from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.natural_sort import natural_key
from desktop.core.store.base import (
    BUSY_TIMEOUT_SECONDS,
    CorruptProject,
    DiskFull,
    NotAProject,
    PermissionDenied,
    ReadOnlyProject,
    StoreBase,
    StoreError,
    first_problem,
    sqlite_failure,
)

log = logging.getLogger(__name__)

# New projects use SQLite's largest page: a document's text then fits in a page or two, not in
# a chain of overflow pages, which at 20,000 imported files cut the write calls by three and
# the import's main process by a third, and makes reads (a document list, adding a tag, the
# integrity check) faster too. Projects made with 4 KiB pages keep them and work as before.
PAGE_SIZE = 65536


@dataclass(frozen=True)
class Migration:
    version: int
    purpose: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, labels and annotations",
        (
            """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            source_path TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL,
            script TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            clean_text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',
            text_sha256 TEXT NOT NULL UNIQUE,
            metadata TEXT NOT NULL DEFAULT '{}',
            imported_at TEXT NOT NULL
        )""",
            """CREATE TABLE labels (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            parent_id INTEGER REFERENCES labels(id) ON DELETE CASCADE,
            color TEXT NOT NULL DEFAULT '#888888',
            description TEXT NOT NULL DEFAULT '',
            shortcut TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )""",
            "CREATE UNIQUE INDEX labels_name_in_parent ON labels (coalesce(parent_id, 0), name)",
            """CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label_id INTEGER NOT NULL REFERENCES labels(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            attributes TEXT NOT NULL DEFAULT '{}',
            annotator TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (0 <= start AND start < "end")
        )""",
            "CREATE INDEX annotations_by_document ON annotations (document_id, start)",
        ),
    ),
    Migration(
        2,
        "document status and the entity cache",
        (
            "ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'new'",
            """CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'pipeline' CHECK (origin IN ('pipeline', 'user')),
            pipeline_version INTEGER NOT NULL DEFAULT 0,
            CHECK (0 <= start AND start < "end")
        )""",
            "CREATE INDEX entities_by_document ON entities (document_id, start)",
        ),
    ),
    Migration(
        3,
        "which entity pipeline analysed each document",
        # NULL: never analysed. Entities from an older pipeline version are recomputed.
        ("ALTER TABLE documents ADD COLUMN entities_version INTEGER",),
    ),
    Migration(
        4,
        "the attributes a label scheme gives annotations",
        (
            """CREATE TABLE attributes (
                name TEXT PRIMARY KEY,
                label TEXT NOT NULL,
                kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'choice')),
                "values" TEXT NOT NULL DEFAULT '[]',
                suggest_from TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
    ),
    Migration(
        5,
        "the user's entity corrections, kept apart so re-analysis never undoes them",
        (
            """CREATE TABLE entity_corrections (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
                type TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                annotator TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                CHECK (0 <= start AND start < "end")
            )""",
            "CREATE INDEX corrections_by_document ON entity_corrections (document_id, start)",
        ),
    ),
    Migration(
        6,
        "suggested directives the user rejected, so they stay rejected",
        (
            """CREATE TABLE rejected_suggestions (
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                PRIMARY KEY (document_id, start, "end")
            )""",
        ),
    ),
    Migration(
        7,
        "the corpus search index",
        # Filled by Store.build_search_index (folding needs Python): see store/search_index.
        (
            "CREATE VIRTUAL TABLE search_index USING fts5(grams, content='', tokenize='ascii')",
            "CREATE TABLE search_folded (document_id INTEGER PRIMARY KEY, folded TEXT NOT NULL)",
        ),
    ),
    Migration(
        8,
        "coding as a team: who was given which document, places adjudicated as untagged, and "
        "how far adjudication got in each document",
        # document_coders is filled by merging coder projects (jiyao merge); agreement takes a
        # coder's units in a document they were not given as missing. untagged_places: where
        # an adjudicator decided that the coders' disagreement holds no tag (a tag in the
        # adjudicated layer says the other decisions).
        (
            """CREATE TABLE document_coders (
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                annotator TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'new',
                PRIMARY KEY (document_id, annotator)
            )""",
            """CREATE TABLE untagged_places (
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                adjudicator TEXT NOT NULL,
                PRIMARY KEY (document_id, start, "end", adjudicator)
            )""",
            """CREATE TABLE adjudicated_documents (
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                adjudicator TEXT NOT NULL,
                status TEXT NOT NULL,
                PRIMARY KEY (document_id, adjudicator)
            )""",
        ),
    ),
    Migration(
        9,
        "memos on the project, documents and labels, and the codebook's fields on labels",
        # A tag's memo is its note (annotations.note): nothing moves, so every reader of the
        # note (tag panel, exports, importers, undo) keeps working (ARCHITECTURE.md, Memos).
        # A label's definition is its description; the other codebook fields are new.
        (
            """CREATE TABLE memos (
                id INTEGER PRIMARY KEY,
                target TEXT NOT NULL CHECK (target IN ('project', 'document', 'label')),
                document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
                label_id INTEGER REFERENCES labels(id) ON DELETE CASCADE,
                title TEXT NOT NULL DEFAULT '',
                text TEXT NOT NULL CHECK (text <> ''),
                author TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                modified_at TEXT NOT NULL,
                CHECK ((target = 'project') = (document_id IS NULL AND label_id IS NULL)),
                CHECK ((target = 'document') = (document_id IS NOT NULL)),
                CHECK ((target = 'label') = (label_id IS NOT NULL))
            )""",
            "CREATE INDEX memos_by_document ON memos (document_id)",
            "CREATE INDEX memos_by_label ON memos (label_id)",
            "ALTER TABLE labels ADD COLUMN use_when TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE labels ADD COLUMN not_use_when TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE labels ADD COLUMN example TEXT NOT NULL DEFAULT ''",
            # No foreign key: a pinned tag deleted and put back by undo keeps its pin; a pin
            # naming a tag that is gone or carries another label is ignored when read.
            "ALTER TABLE labels ADD COLUMN example_annotation_id INTEGER",
        ),
    ),
    Migration(
        10,
        "a title on a tag's memo",
        # The tag's memo stays its note (migration 9); only the title is new, empty on every
        # existing tag, so old notes read exactly as before.
        ("ALTER TABLE annotations ADD COLUMN note_title TEXT NOT NULL DEFAULT ''",),
    ),
    Migration(
        11,
        "the search index merges its segments in larger steps",
        # FTS5 merges a level's segments once it holds `automerge` of them (4 by default):
        # every imported batch then set off merges whose cost grew with the project, and the
        # index cost three quarters of an import's writing at 20,000 files. At 16 the cost per
        # document stays flat and a search reads a few more segments (issue 13, import speed).
        ("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 16)",),
    ),
    Migration(
        12,
        "the document list's sort keys and indexes, for a list of a million documents",
        # Issue 17: every order the list offers, and the source, date and status conditions,
        # read from an index, so a window of rows costs the same at any size. Titles and
        # variables sort in natural order, by keys that Python computes (natural_key): kept in
        # sort_keys (name '' the title, else a variable's), made when the list is next read
        # (Store.refresh_sort_keys) for the documents above the highest id with keys and those
        # that triggers mark in sort_keys_stale (changed) — no trigger on insert, which cost a
        # bulk load a fifth of its speed — so any program may still write with plain SQL.
        (
            "CREATE INDEX documents_by_date ON documents (date)",
            "CREATE INDEX documents_by_source ON documents (source)",
            # One source by date, a scraper's feed read in order, is served whole by one index.
            "CREATE INDEX documents_by_source_and_date ON documents (source, date)",
            "CREATE INDEX documents_by_status ON documents (status)",
            "CREATE INDEX documents_by_script ON documents (script)",
            "CREATE INDEX documents_by_length ON documents (length(clean_text))",
            """CREATE TABLE sort_keys (
                name TEXT NOT NULL,
                sort_key TEXT NOT NULL,
                document_id INTEGER NOT NULL,
                PRIMARY KEY (name, sort_key, document_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX sort_keys_of_document ON sort_keys (document_id, name)",
            "CREATE TABLE sort_keys_stale (document_id INTEGER PRIMARY KEY)",
            """CREATE TRIGGER sort_keys_of_changed_document AFTER UPDATE OF title, metadata
            ON documents BEGIN
                INSERT OR IGNORE INTO sort_keys_stale (document_id) VALUES (NEW.id);
            END""",
            """CREATE TRIGGER sort_keys_of_deleted_document AFTER DELETE ON documents BEGIN
                DELETE FROM sort_keys WHERE document_id = OLD.id;
                DELETE FROM sort_keys_stale WHERE document_id = OLD.id;
            END""",
        ),
    ),
    Migration(
        13,
        "each document's tag count and title kept apart, for sorting and filtering the "
        "document list",
        # Issue 17: counted per row, sorting a million documents by their tags took a third of
        # a second; their titles, read from rows that hold the texts too, took seconds to
        # filter. Plain-SQL triggers keep the counts as tags come, go or move, so any program
        # may still write tags; documents stored later get their row here when the list is
        # next read (Store.refresh_sort_keys: those above the highest id listed, and those
        # marked in sort_keys_stale, retitled ones among them), as their sort keys do.
        (
            """CREATE TABLE document_list (
                document_id INTEGER PRIMARY KEY,
                tags INTEGER NOT NULL,
                title TEXT NOT NULL
            )""",
            """INSERT INTO document_list (document_id, tags, title)
            SELECT d.id, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id), title
            FROM documents d""",
            "CREATE INDEX document_list_by_tags ON document_list (tags)",
            """CREATE TRIGGER document_list_of_new_tag AFTER INSERT ON annotations BEGIN
                UPDATE document_list SET tags = tags + 1 WHERE document_id = NEW.document_id;
            END""",
            """CREATE TRIGGER document_list_of_deleted_tag AFTER DELETE ON annotations BEGIN
                UPDATE document_list SET tags = tags - 1 WHERE document_id = OLD.document_id;
            END""",
            """CREATE TRIGGER document_list_of_moved_tag AFTER UPDATE OF document_id ON annotations
            WHEN OLD.document_id != NEW.document_id BEGIN
                UPDATE document_list SET tags = tags - 1 WHERE document_id = OLD.document_id;
                UPDATE document_list SET tags = tags + 1 WHERE document_id = NEW.document_id;
            END""",
            """CREATE TRIGGER document_list_of_deleted_document AFTER DELETE ON documents BEGIN
                DELETE FROM document_list WHERE document_id = OLD.id;
            END""",
        ),
    ),
    Migration(
        14,
        "the tags' index by document holds their whole order",
        # Issue 17: the coded segments tab lists tags in the order (document, start, end,
        # id). The index held only (document, start): each tag passed over to reach a row
        # of the list was read from its table row, scattered through a project's texts, and
        # scrolling to the middle of 400,000 tags took 2.5-3 s. Holding the whole order, the
        # index alone is walked (16 ms).
        (
            "DROP INDEX annotations_by_document",
            'CREATE INDEX annotations_by_document ON annotations (document_id, start, "end", id)',
        ),
    ),
    Migration(
        15,
        "the tags' index by document holds their labels",
        # Issue 17: a block in the middle of a listing filtered by label is found by walking
        # the index past the tags before it; without the label there, each was read from
        # its table row (1.2 s to the middle of 200,000 tags of one label, on the window's
        # thread), with it the index alone answers.
        (
            "DROP INDEX annotations_by_document",
            "CREATE INDEX annotations_by_document "
            'ON annotations (document_id, start, "end", id, label_id)',
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
# What the first 16 bytes of every SQLite database file are.
SQLITE_HEADER = b"SQLite format 3\x00"


def restore_advice(path: Path) -> str:
    """What a message about a damaged project adds: where its backups are listed."""
    return QT_TRANSLATE_NOOP("Project", "; its backups: jiyao backups --db {0}").format(path)


# Marks a file as a Jiyao project ("JYAO"), so `file` and Jiyao itself can tell.
APPLICATION_ID = 0x4A59414F


class SchemaMixin(StoreBase):
    """Open (or make) a project database, bring its schema up to date, close it."""

    def __init__(
        self,
        path: Path | str,
        *,
        migrate_to: int = SCHEMA_VERSION,
        create: bool = True,
        read_only: bool = False,
        check: bool = True,
        check_later: bool = False,
    ) -> None:
        """Open an existing project (checked whole first), or, with ``create``, make one where
        no file is. ``read_only``: open an existing project for reading only (an export from
        a read-only mount), where nothing is written, not even the pragmas. ``check=False``:
        skip the whole-file check, which reads every page (seconds for a project of 100,000
        documents), for a quick look that writes nothing (``jiyao search``). Raises StoreError
        (a subclass saying why) with a one-line reason.

        ``check_later``: the whole-file check runs on a thread of its own while the project
        is read (the window shows a million documents at once instead of 1.5 s later), and
        the first write waits for it (:meth:`await_integrity_check`): nothing is written to a
        damaged project. When opening must write (a migration), it checks first, as always.
        :meth:`integrity_damage` tells the window, which refuses a damaged project then."""
        self.path = Path(path)
        self.read_only = read_only
        self.check = check
        self._checking: threading.Thread | None = None
        self._check_connection: sqlite3.Connection | None = None
        self._damage: CorruptProject | None = None
        self._passed = True  # the check at opening passed, or the one beside the reads did
        self._stopping = False
        self._checked = threading.Event()
        self._checked.set()
        # The file's (device, inode) once this store's check is the verdict on it.
        self._identity: tuple[int, int] | None = None
        existed = self.path.exists()
        if existed:
            check_project_file(self.path, writable=not read_only)
        elif read_only or not create:
            raise StoreError(QT_TRANSLATE_NOOP("Project", "{0}: no such project").format(self.path))
        # Set once the database is open: a failure before leaves nothing to close.
        self.created = False
        try:
            self._open(existed, migrate_to, check_later=check_later)
        except BaseException:
            self._abandon()
            raise

    def _open(self, existed: bool, migrate_to: int, *, check_later: bool = False) -> None:
        try:
            if not existed:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.read_only:
                connection = sqlite3.connect(
                    read_only_uri(self.path), timeout=BUSY_TIMEOUT_SECONDS, uri=True
                )
            else:
                connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            self.created = not existed
            self._connection = connection
            if self.created:
                # Before anything is written: the page size is fixed by the first write.
                connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            # Titles sort naturally (第100号 before 第1000号): the key is computed once per row
            # by this function; a collation would call Python once per comparison (n log n).
            connection.create_function("natural_key", 1, natural_key, deterministic=True)
            # No sqlite-utils plugins: Jiyao uses none, and looking for them scans the metadata
            # of every installed package, a noticeable part of a command's start-up.
            self.db = sqlite_utils.Database(connection, execute_plugins=False)
            self._check_ownership()
            if existed and self.check:
                verdict = _verdict_of_another(self, wait=not check_later)
                if isinstance(verdict, CorruptProject):
                    raise CorruptProject(verdict.args[0], self.path)
                if verdict:
                    pass  # found whole by the check of another open store of this file
                elif check_later and self._opens_without_writing(migrate_to):
                    self._start_integrity_check()
                else:
                    self._check_integrity()
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.read_only:
                self._check_readable_schema()
                return
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = FULL")
            self._migrate(migrate_to)
        except sqlite3.DatabaseError as error:
            reason = sqlite_failure(error, self.path)
            if reason is None and existed:
                reason = CorruptProject(
                    QT_TRANSLATE_NOOP("Project", "{0} is damaged ({1}){2}").format(
                        self.path, error, restore_advice(self.path)
                    ),
                    self.path,
                )
            raise (
                reason
                or StoreError(
                    QT_TRANSLATE_NOOP("Project", "cannot open {0}: {1}").format(self.path, error)
                )
            ) from error
        except OSError as error:
            raise os_failure(error, self.path) from error

    def _opens_without_writing(self, migrate_to: int) -> bool:
        """Whether opening writes nothing: the file is in WAL mode and its schema current."""
        journal = self.db.execute("PRAGMA journal_mode").fetchone()[0]
        return str(journal).lower() == "wal" and self.schema_version >= min(
            migrate_to, SCHEMA_VERSION
        )

    def _start_integrity_check(self) -> None:
        """The whole-file check on a thread and connection of its own (reading only)."""
        self._check_connection = sqlite3.connect(
            read_only_uri(self.path), uri=True, check_same_thread=False
        )
        # Asked again and again while the check runs: stops it at once when close() says so,
        # even before it began (interrupt() reaches only a statement already running).
        self._check_connection.set_progress_handler(lambda: self._stopping, 1000)
        self._checked.clear()
        self._passed = False
        _share_verdict(self)
        self._checking = threading.Thread(
            target=self._run_integrity_check, name="integrity check", daemon=True
        )
        self._checking.start()

    def _run_integrity_check(self) -> None:
        connection = self._check_connection
        assert connection is not None
        try:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        finally:
            connection.close()
        if problems != ["ok"] and not self._stopping:  # stopped by close(): no verdict
            self._damage = self._damaged(problems)
        self._passed = problems == ["ok"]
        self._checked.set()

    def await_integrity_check(self) -> None:
        self._checked.wait()
        if self._damage is not None:
            raise self._damage

    @property
    def integrity_pending(self) -> bool:
        """Whether the whole-file check of ``check_later`` is still running."""
        return not self._checked.is_set()

    def integrity_passed(self) -> bool:
        """Wait for the whole-file check (of ``check_later``); whether it found the project
        whole (False too when it was stopped by :meth:`close` before it could say)."""
        self._checked.wait()
        return self._passed

    def integrity_damage(self) -> CorruptProject | None:
        """The damage the check of ``check_later`` found (None: none, or not finished)."""
        return self._damage

    def _abandon(self) -> None:
        """After a failed open: close the connection, and remove a file this open made (an
        empty file left behind would later be refused as not a project)."""
        _withdraw_verdict(self)
        connection = getattr(self, "_connection", None)
        if connection is not None:
            connection.close()
        if self.created:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _check_integrity(self) -> None:
        """Refuse a damaged project before anything reads from or writes to it: exports
        and imports would otherwise go on over the damage. quick_check reads every page
        once but skips the index cross-checks, which keeps it fast."""
        problems = [row[0] for row in self.db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise self._damaged(problems)
        _share_verdict(self)

    def _damaged(self, problems: list[str]) -> CorruptProject:
        return CorruptProject(
            QT_TRANSLATE_NOOP("Project", "{0} is damaged (integrity check: {1}){2}").format(
                self.path, first_problem(problems), restore_advice(self.path)
            ),
            self.path,
        )

    def _check_ownership(self) -> None:
        """Refuse another program's SQLite file: Jiyao must never add its tables to it."""
        application_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        if application_id == APPLICATION_ID:
            return
        tables = self.db.table_names()
        ours_unmarked = application_id == 0 and self.schema_version > 0 and "documents" in tables
        if not ours_unmarked and (application_id != 0 or tables):
            raise NotAProject(
                QT_TRANSLATE_NOOP(
                    "Project", "{0} is an SQLite database of another program, not a Jiyao project"
                ).format(self.path)
            )
        if not self.read_only:
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _check_readable_schema(self) -> None:
        """Read only, a project is read as it is: one made by an older Jiyao would need its
        migration written first."""
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Project", "{0} was made by a newer Jiyao (schema {1}, this one knows {2})"
                ).format(self.path, current, SCHEMA_VERSION)
            )
        if current < SCHEMA_VERSION:
            raise ReadOnlyProject(
                QT_TRANSLATE_NOOP(
                    "Project",
                    "{0} was made by an older Jiyao and must be updated, which needs "
                    "writing: open it once where it can be written (it is read-only here)",
                ).format(self.path)
            )

    def close(self) -> None:
        """Close the project; a check still running is stopped (it never writes)."""
        connection = self._check_connection
        if self._checking is not None and connection is not None and self.integrity_pending:
            self._stopping = True
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed: it has finished
                connection.interrupt()
            self._checking.join()
        _withdraw_verdict(self)
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, target: int) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Project", "{0} was made by a newer Jiyao (schema {1}, this one knows {2})"
                ).format(self.path, current, SCHEMA_VERSION)
            )
        for migration in MIGRATIONS:
            if current < migration.version <= target:
                log.info(
                    "migrating %s to schema %d: %s", self.path, migration.version, migration.purpose
                )
                with self.transaction():
                    for statement in migration.statements:
                        self.db.execute(statement)
                    # PRAGMA takes no parameters; the version is our own integer.
                    self.db.execute(f"PRAGMA user_version = {int(migration.version)}")


# The stores of this process whose whole-file check is the verdict on their file, by the
# file's (device, inode): a store opened for a file one of them has checked, or is checking,
# takes its verdict instead of reading every page again (the window's export, search and
# co-occurrence jobs each open a store of their own: 1.5-3 s each at a million documents,
# issue 17). Only while that store is open: it holds the file, so the inode is not another
# file's, and what changes it since is SQLite's own writes. Size and modification time are
# not part of the identity: every commit of the window changes them.
_verdicts: dict[tuple[int, int], SchemaMixin] = {}
_verdicts_lock = threading.Lock()


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _share_verdict(store: SchemaMixin) -> None:
    """Make ``store``'s check, passed or running, the verdict on its file."""
    identity = _file_identity(store.path)
    if identity is not None:
        store._identity = identity
        with _verdicts_lock:
            _verdicts[identity] = store


def _withdraw_verdict(store: SchemaMixin) -> None:
    identity = getattr(store, "_identity", None)
    with _verdicts_lock:
        if identity is not None and _verdicts.get(identity) is store:
            del _verdicts[identity]


def _verdict_of_another(store: SchemaMixin, *, wait: bool) -> CorruptProject | bool:
    """True when another open store of this process found ``store``'s file whole, the damage
    it found, or False when none has said (``store`` checks the file itself then). A check
    still running is waited for when ``wait`` (it ends sooner than a second one would)."""
    identity = _file_identity(store.path)
    with _verdicts_lock:
        other = _verdicts.get(identity) if identity is not None else None
    if other is None or other is store or (other.integrity_pending and not wait):
        return False
    other._checked.wait()
    return other._damage or other._passed  # neither: stopped by its close before it could say


def read_only_uri(path: Path) -> str:
    """The SQLite URI that opens ``path`` for reading only. In a folder Jiyao cannot write,
    SQLite could not make the WAL's -shm file, so the file is opened as immutable (no locks,
    no WAL) when no -wal file holds changes that are not in it yet; else as mode=ro, which
    reads the -wal too."""
    resolved = path.resolve()
    # as_uri() quotes as pathname2url does, without urllib.request (which brings http.client
    # and email: a sixth of `jiyao search`'s start, issue 15).
    uri = f"{resolved.as_uri()}?mode=ro"
    wal = Path(f"{resolved}-wal")
    if not os.access(resolved.parent, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    return uri


def check_project_file(path: Path, *, writable: bool = True) -> None:
    """Refuse an existing path that cannot be a project before SQLite sees it: SQLite takes
    an empty file for an empty database, and Jiyao would make a new project of it.
    ``writable``: refuse a file Jiyao cannot write too."""
    if path.is_dir():
        raise NotAProject(
            QT_TRANSLATE_NOOP("Project", "{0} is a folder, not a Jiyao project").format(path)
        )
    if path.exists() and not path.is_file():  # opening a pipe would wait for a writer
        raise NotAProject(
            QT_TRANSLATE_NOOP("Project", "{0} is a pipe or a device, not a Jiyao project").format(
                path
            )
        )
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise os_failure(error, path) from error
    if not header:
        raise NotAProject(
            QT_TRANSLATE_NOOP("Project", "{0} is an empty file, not a Jiyao project").format(path)
        )
    if header != SQLITE_HEADER:
        raise NotAProject(
            QT_TRANSLATE_NOOP("Project", "{0} is not a Jiyao database (not an SQLite file)").format(
                path
            )
        )
    if writable and not os.access(path, os.W_OK):
        raise ReadOnlyProject(
            QT_TRANSLATE_NOOP(
                "Project", "{0} is read-only: Jiyao writes every change to the project at once"
            ).format(path)
        )


def os_failure(error: OSError, path: Path) -> StoreError:
    """The StoreError for an operating-system error on the project ``path``."""
    if error.errno == errno.ENOSPC:
        return DiskFull(
            QT_TRANSLATE_NOOP(
                "Project", "the disk holding {0} is full: free some space, then try again"
            ).format(path)
        )
    if error.errno == errno.EROFS:
        return ReadOnlyProject(
            QT_TRANSLATE_NOOP("Project", "{0} is on a read-only file system").format(path)
        )
    if isinstance(error, PermissionError):
        return PermissionDenied(
            QT_TRANSLATE_NOOP("Project", "permission denied for {0}").format(error.filename or path)
        )
    return StoreError(
        QT_TRANSLATE_NOOP("Project", "cannot open {0}: {1}").format(path, error.strerror or error)
    )
