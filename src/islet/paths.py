"""Where Islet's data files are: the one place that knows the folders inside the package.

``knowledge/`` holds the validated knowledge and every data file the engines read (its
subfolders: ``ask/``, ``calculators/``, ``explain/``, ``language/``, ``safety/``, ``trials/``,
``es/``...); ``eval/`` holds the evaluation questions and safety probes. Both ship inside the
package, so an installed wheel finds them exactly as a source checkout does.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
KNOWLEDGE_DIR = PACKAGE_DIR / "knowledge"
EVAL_DIR = PACKAGE_DIR / "eval"


def knowledge_file(*parts: str) -> Path:
    """A path inside ``knowledge/``: ``knowledge_file("safety", "triage.yaml")``."""
    return KNOWLEDGE_DIR.joinpath(*parts)


def eval_file(name: str) -> Path:
    """An evaluation file inside ``eval/``: ``eval_file("safety.yaml")``."""
    return EVAL_DIR / name
