"""Latency of Ask Islet: time per question over every question of ``eval/questions.yaml``.

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
from islet.ask.evaluation import load_questions
from islet.ask.lexicon import load_lexicon
from islet.ask.semantic import default_encoder
from islet.kb import load

REPEATS = 5
TARGET_MS = 10.0  # per question, Islet's retrieval without embeddings


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
    questions = [q.q for q in load_questions()]
    started = time.perf_counter()
    islet = Engine(kb, lexicon)
    print(f"index build: islet {time.perf_counter() - started:.2f} s")
    measure("islet", islet, questions)
    encoder = default_encoder()
    if encoder is None:
        print("islet+embeddings   not installed (pip install 'islet[semantic]')")
    else:
        started = time.perf_counter()
        dense = Engine(kb, lexicon, encoder=encoder)
        print(f"index build: islet+embeddings {time.perf_counter() - started:.2f} s")
        measure("islet+embeddings", dense, questions)
    print(f"target: islet median under {TARGET_MS:.0f} ms per question")


if __name__ == "__main__":
    main()
