"""Cold start of the islet command against bare Python, measured in the same run.

Each figure is the median wall time of RUNS fresh processes, run in turns so that a busy moment
of the machine touches every figure alike. Baselines: ``python -c pass`` and
``python -c "import typer, rich, pydantic"`` (the libraries every command needs). Printed,
never asserted. Run: ``.venv/bin/python benchmarks/startup.py [runs]`` (or ``make bench``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 9
ISLET = "from islet.cli import main; main()"
FIGURES: list[tuple[str, list[str], bool]] = [
    # (label, arguments after `python`, with a fresh (empty) knowledge cache)
    ("python -c pass", ["-c", "pass"], False),
    ("python -c 'import typer, rich, pydantic'", ["-c", "import typer, rich, pydantic"], False),
    ("islet --help", ["-c", ISLET, "--help"], False),
    ("islet show insulinoma", ["-c", ISLET, "show", "insulinoma"], False),
    ("islet show insulinoma (no compiled cache)", ["-c", ISLET, "show", "insulinoma"], True),
    (
        "islet glossary enucleation --json",
        ["-c", ISLET, "glossary", "enucleation", "--json"],
        False,
    ),
    (
        'islet ask "what is a whipple" --json',
        ["-c", ISLET, "ask", "what is a whipple", "--json"],
        False,
    ),
]


def once(args: list[str], fresh_cache: bool, cache: str) -> float:
    env = dict(os.environ)
    env["ISLET_CACHE_DIR"] = tempfile.mkdtemp(prefix="islet-bench-") if fresh_cache else cache
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    cache = tempfile.mkdtemp(prefix="islet-bench-cache-")
    for _, args, fresh in FIGURES:  # warm the file cache and the compiled knowledge
        once(args, fresh, cache)
    times: dict[str, list[float]] = {label: [] for label, _, _ in FIGURES}
    for _ in range(runs):
        for label, args, fresh in FIGURES:
            times[label].append(once(args, fresh, cache))
    bare = statistics.median(times[FIGURES[0][0]])
    libraries = statistics.median(times[FIGURES[1][0]])
    print(f"median of {runs} runs each, in turns; {os.cpu_count()} CPUs")
    print(f"{'command':<45}{'ms':>8}{'× bare':>9}{'× libs':>9}")
    for label, _, _ in FIGURES:
        median = statistics.median(times[label])
        print(f"{label:<45}{median * 1000:>8.0f}{median / bare:>9.1f}{median / libraries:>9.1f}")


if __name__ == "__main__":
    main()
