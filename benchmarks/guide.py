"""Median time of one ``options_for`` call per situation, over every row of the guide tables.

Target: under 1 ms per situation. Printed, never asserted. Run: ``.venv/bin/python
benchmarks/guide.py`` (or ``make bench``).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import yaml

from islet.errors import InvalidSituation
from islet.guide import options_for, situation_from
from islet.guide.data import load_guide_data
from islet.kb import load

TABLES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "guide"
REPEATS = 50
TARGET_MS = 1.0


def situations() -> list[tuple[str, dict[str, object]]]:
    rows = []
    for path in sorted(TABLES.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        # most tables hold their rows under "cases"; some files are a bare list of rows
        for row in document["cases"] if isinstance(document, dict) else document:
            if isinstance(row, dict) and isinstance(row.get("situation"), dict):
                rows.append((f"{path.stem}/{row['id']}", row["situation"]))
    return rows


def main() -> None:
    kb, data = load(), load_guide_data()  # loaded once, as a server would
    medians: list[tuple[float, str]] = []
    for name, facts in situations():
        try:
            situation = situation_from(facts)
        except InvalidSituation:
            continue  # the contradiction rows are rejected before any evaluation
        options_for(situation, kb, data)  # warm up
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            options_for(situation, kb, data)
            times.append(time.perf_counter() - start)
        medians.append((statistics.median(times) * 1000, name))
    overall = statistics.median(ms for ms, _ in medians)
    slowest = max(medians)
    print(f"guide: {len(medians)} situations, {REPEATS} runs each")
    print(f"median evaluation time per situation: {overall:.3f} ms (target < {TARGET_MS} ms)")
    print(f"slowest situation: {slowest[1]} at {slowest[0]:.3f} ms")
    print("within target" if overall < TARGET_MS else "ABOVE TARGET")


if __name__ == "__main__":
    main()
