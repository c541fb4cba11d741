"""Latency of Ask Islet: time per question over every question of the three evaluation splits
(old, blind dev, blind test; only timings are printed, never a question).

Prints the time to build each engine (from the loaded knowledge base) and the median and p95
time of one ``Engine.answer`` call, for Islet's retrieval and, when the optional model is
installed, Islet with embeddings. Printed, never asserted. Run: ``.venv/bin/python
benchmarks/ask.py`` (or ``make bench``).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from islet.ask.answer import Engine
from islet.ask.evaluation import SPLIT_FILES, load_split
from islet.ask.lexicon import load_lexicon
from islet.ask.semantic import default_encoder
from islet.kb import load

REPEATS = 5
TARGET_MS = 50.0  # p95 per question (issue 12), Islet's retrieval


def measure(name: str, engine: Engine, questions: list[str]) -> None:
    times: list[float] = []
    for _ in range(REPEATS):
        for question in questions:
            started = time.perf_counter()
            engine.answer(question, 5)
            times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    p95 = float(np.percentile(np.asarray(times), 95))
    print(f"{name:18} median {median:7.2f} ms   p95 {p95:7.2f} ms   ({len(times)} calls)")


def main() -> None:
    kb, lexicon = load(), load_lexicon()
    questions = [q.q for name in SPLIT_FILES for q in load_split(name)]
    started = time.perf_counter()
    islet = Engine(kb, lexicon)
    print(f"index build: islet {time.perf_counter() - started:.2f} s")
    measure("islet", islet, questions)
    encoder = default_encoder()
    if encoder is None:
        print("islet+embeddings   no embedding model installed")
    else:
        started = time.perf_counter()
        dense = Engine(kb, lexicon, encoder=encoder)
        print(f"index build: islet+embeddings {time.perf_counter() - started:.2f} s")
        measure("islet+embeddings", dense, questions)
    print(f"target: islet p95 under {TARGET_MS:.0f} ms per question")


if __name__ == "__main__":
    main()
