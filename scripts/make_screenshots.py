"""Make the README's screenshots: a demo project from the seeds, some directives tagged the way
a researcher would (accepting suggestions), and the window in English and Simplified Chinese.

    .venv/bin/python scripts/make_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "screenshots"
TAGS_PER_DOCUMENT = 8


def build_demo_project(path: Path, language: str = "") -> None:
    """The demo project, its scheme's words in ``language`` (as the window would make it)."""
    from desktop.core.analysis import document_entities
    from desktop.core.corpus import import_seeds
    from desktop.core.directives import suggest_directives
    from desktop.core.label_suggestion import suggest_label
    from desktop.core.labels import default_scheme
    from desktop.core.script import Script
    from desktop.core.store import Store

    with Store(path) as store:
        import_seeds(store)
        store.install_scheme(default_scheme(language))
        labels = store.labels()
        other = next(label for label in labels if label.name in ("其他", "Other"))
        for document_id in store.document_ids():
            document = store.document(document_id)
            entities = document_entities(store, document_id)
            found = suggest_directives(document.clean_text, entities, Script(document.script))
            for suggestion in found[:TAGS_PER_DOCUMENT]:
                label = suggest_label(suggestion.text, labels) or other
                attributes = {"strength": suggestion.strength}
                if suggestion.issuer:
                    attributes["issuer"] = suggestion.issuer
                store.add_annotation(
                    document_id,
                    label.id,
                    suggestion.start,
                    suggestion.end,
                    attributes=attributes,
                    annotator="demo",
                )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="jiyao-screenshots-"))
    environment = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config")}
    for language, document in (("en", 1), ("zh_CN", 2)):
        project = folder / f"demo-{language}.jiyao"
        build_demo_project(project, language)
        target = OUT / f"window-{language}.png"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "gui",
                "--db",
                str(project),
                "--open",
                str(document),
                "--language",
                language,
                "--screenshot",
                str(target),
            ],
            check=True,
            env=environment,
        )


if __name__ == "__main__":
    main()
