"""Glossary marks in patient text: ``[[term-id]]`` or ``[[term-id|words shown]]``.

Validation (``islet check``) checks that every mark names a glossary term.
"""

from __future__ import annotations

import re

GLOSSARY_MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


def plain_text(text: str) -> str:
    """Text with glossary marks replaced by the words they show."""
    return GLOSSARY_MARK.sub(lambda m: m.group(2) or m.group(1).replace("-", " "), text)


def glossary_marks(text: str) -> list[str]:
    """The glossary ids marked in ``text``, in order."""
    return [m.group(1).strip() for m in GLOSSARY_MARK.finditer(text)]
