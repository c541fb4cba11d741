"""Record the fingerprints of the PDQ versions Islet is written from, and what each item cites.

Run it after Islet's items have been checked against a new PDQ version (docs/updating.md):

    PYTHONPATH=src python scripts/record_sources.py [--reference ../shared/reference]
        [--patient FILE] [--professional FILE] [--reviewed YYYY-MM-DD] [--citations-only]

It reads the Markdown copies of the patient and health professional versions and writes
``src/islet/knowledge/sources/pdq-patient.yaml``, ``pdq-professional.yaml`` (section ids,
headings, passages and their fingerprints) and ``citations.yaml`` (for every knowledge item,
rule and glossary entry: the section and, where it is one bullet or sentence, the passages it
rests on). Running it twice on the same input gives the same files. With ``--citations-only``
it keeps the recorded versions and only records the citations again (after items were added
or their sources changed).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from islet import kb as kb_module
from islet.sources.citations import cite, sources_of
from islet.sources.document import SourceDocument, read_text
from islet.sources.record import CITATIONS_FILE, SOURCE_FILES, SOURCES_DIR, recorded

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent.parent / "shared" / "reference"
FILES = {
    "patient": "pdq-pnet-patient-current.md",
    "professional": "pdq-pnet-professional-current.md",
}
HEADER = "# Written by scripts/record_sources.py from {source}: do not edit by hand.\n"


def _version_date(kb: kb_module.KnowledgeBase, document: str) -> str:
    """The version date Islet's items give for ``document`` (the most common one)."""
    dates = Counter(s.version_date for _, _, s in sources_of(kb) if s.document == document)
    return dates.most_common(1)[0][0]


def _record(
    doc: SourceDocument, document: str, source: Path, version_date: str, reviewed: str
) -> dict[str, object]:
    return {
        "document": document,
        "title": doc.title,
        "version_date": version_date,
        "source_file": source.name,
        "recorded": date.today().isoformat(),
        "reviewed": reviewed,
        "latest_updates": doc.latest_updates(),
        "sections": [
            {
                "id": s.id,
                "heading": s.heading,
                "level": s.level,
                "parent": s.parent,
                "fingerprint": s.fingerprint,
                "passages": [
                    {"kind": p.kind, "fingerprint": p.fingerprint, "text": p.text}
                    for p in s.passages
                ],
            }
            for s in doc.sections
        ],
    }


def _dump(path: Path, data: object, source: str) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(HEADER.format(source=source) + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--patient", type=Path)
    parser.add_argument("--professional", type=Path)
    parser.add_argument("--reviewed", default=date.today().isoformat())
    parser.add_argument("--out", type=Path, default=SOURCES_DIR)
    parser.add_argument(
        "--citations-only",
        action="store_true",
        help="keep the recorded versions; only record again what each item cites",
    )
    args = parser.parse_args(argv)
    kb = kb_module.load()
    args.out.mkdir(parents=True, exist_ok=True)
    docs: dict[str, SourceDocument] = {}
    if args.citations_only:
        docs = {d: recorded(d, args.out).as_document() for d in FILES}
    for document, name in FILES.items():
        if args.citations_only:
            break
        path: Path = getattr(args, document) or args.reference / name
        doc = read_text(path.read_bytes())
        if doc.document != document:
            print(f"{path}: not the {document} version", file=sys.stderr)
            return 2
        docs[document] = doc
        record = _record(doc, document, path, _version_date(kb, document), args.reviewed)
        _dump(args.out / SOURCE_FILES[document], record, path.name)
    entries, unresolved = [], []
    for key, item, source in sources_of(kb):
        cited = cite(item, source, docs[source.document])
        if not cited:
            unresolved.append(f"{key}: {source.document} '{source.section}'")
        for section, passages, fp in cited:
            entry: dict[str, object] = {
                "item": key,
                "document": source.document,
                "section": section,
            }
            if passages:
                entry["passages"] = passages
            entry["fingerprint"] = fp
            entries.append(entry)
    for rule in kb.rules.values():
        found = {
            ref
            for entry in entries
            if entry["item"] == f"rules/{rule.id}"
            for ref in entry.get("passages", [])  # type: ignore[attr-defined]
        }
        for ref in rule.passages:
            if ref not in found:
                unresolved.append(
                    f"rules/{rule.id}: pinned passage {ref} is in no section it cites"
                )
    _dump(
        args.out / CITATIONS_FILE,
        {"citations": entries, "unresolved": unresolved},
        "the knowledge base",
    )
    print(
        f"recorded {len(docs)} versions and {len(entries)} citations; {len(unresolved)} unresolved"
    )
    for line in unresolved:
        print(f"  unresolved: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
