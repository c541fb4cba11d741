"""Time of the safety triage per text, over every probe of the dev split of the English and
Spanish safety evaluations (only timings are printed, never a text).

Each of Ask, the symptom explainer and every other free-text entry runs the triage first, and the
test suite runs it on every probe of both evaluations, so its time per text is the suite's
largest single cost. Printed, never asserted. Run: ``.venv/bin/python benchmarks/safety.py``
(or ``make bench``).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from islet.language import Language
from islet.safety import triage
from islet.safety.evaluation import PROBE_FILES, load_probes


def measure(language: Language, texts: list[str]) -> None:
    triage(texts[0], language)  # the vocabulary compiled once, outside the timing
    times: list[float] = []
    for text in texts:
        started = time.perf_counter()
        triage(text, language)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    p95 = float(np.percentile(np.asarray(times), 95))
    print(f"triage {language}: median {median:6.2f} ms   p95 {p95:6.2f} ms   ({len(texts)} texts)")


def main() -> None:
    measure("en", [p.text for p in load_probes(PROBE_FILES["en"], "dev")])
    measure("es", [p.text for p in load_probes(PROBE_FILES["es"], "dev")])


if __name__ == "__main__":
    main()
