"""Where a cited bullet stands in its list: the part of a section a cited list spans (a bullet
added there changes what the list says) and the lead-in a bullet is listed under."""

from __future__ import annotations

from islet.sources.compare import Comparison
from islet.sources.document import Passage


def _lead(passages: list[Passage], index: int) -> int | None:
    """The position of the lead-in a bullet is listed under (a bold label or a line ending
    with ':'), if any."""
    for i in range(index - 1, -1, -1):
        if passages[i].kind == "label" or passages[i].text.rstrip().endswith(":"):
            return i
        if passages[i].kind != "bullet":
            return None
    return None


def relisted(
    section_id: str, cited: set[int | None], comparison: Comparison
) -> list[tuple[str, str]]:
    """A cited bullet that kept its words but now stands under another list's lead-in (the
    lead-ins around it moved): what it is listed as has changed."""
    old = comparison.old.section(section_id)
    target = comparison.mapping.get(section_id)
    if target is None:
        return []
    new = comparison.new.section(target)
    same = dict(comparison.kept)
    same.update(
        {
            (section_id, c.old_index): c.new_index
            for c in comparison.passages
            if c.kind != "added" and c.old_section == section_id and c.new_section == target
            if c.old_index is not None and c.new_index is not None
        }
    )
    out: list[tuple[str, str]] = []
    for i in sorted(i for i in cited if i is not None):
        j = same.get((section_id, i))
        if j is None or old.passages[i].kind != "bullet":
            continue
        before, after = _lead(old.passages, i), _lead(new.passages, j)
        if before is not None and after is not None and same.get((section_id, before)) != after:
            out.append(
                (
                    old.heading,
                    f"'{old.passages[i].text}' is now listed under '{new.passages[after].text}'"
                    f" (was '{old.passages[before].text}')",
                )
            )
    return out


def span(section_id: str, cited: list[int], comparison: Comparison) -> range:
    """The positions in the new section that fall inside the cited passages: a bullet added
    there (a new option under a rule's lead-in, a new sign in a list) changes what they say."""
    now = [comparison.kept[(section_id, i)] for i in cited if (section_id, i) in comparison.kept]
    if not now:
        return range(0)
    first = comparison.old.section(section_id).passages[cited[0]]
    if not (first.kind == "label" or first.text.rstrip().endswith(":")):
        return range(0)  # not a list: a passage added nearby is not part of it
    return range(min(now) + 1, max(now) + 2)
