"""Cold start of the islet command against bare Python, measured in the same run.

Each figure is the median wall time of RUNS fresh processes, run in turns so that a busy moment
of the machine touches every figure alike, and the median CPU time (user + system, what the wall
time is on a quiet machine; steadier than wall time when other processes share the CPUs).
Baselines: ``python -c pass`` and ``python -c "import typer, rich, pydantic"`` (the libraries
every command needs). Printed,
never asserted. Run: ``.venv/bin/python benchmarks/startup.py [runs]`` (or ``make bench``).
"""

from __future__ import annotations

import os
import resource
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


def once(args: list[str], fresh_cache: bool, cache: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system: the wall time on a quiet machine) of one run."""
    env = dict(os.environ)
    env["ISLET_CACHE_DIR"] = tempfile.mkdtemp(prefix="islet-bench-") if fresh_cache else cache
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    cache = tempfile.mkdtemp(prefix="islet-bench-cache-")
    for _, args, fresh in FIGURES:  # warm the file cache and the compiled knowledge
        once(args, fresh, cache)
    times: dict[str, list[float]] = {label: [] for label, _, _ in FIGURES}
    cpus: dict[str, list[float]] = {label: [] for label, _, _ in FIGURES}
    for _ in range(runs):
        for label, args, fresh in FIGURES:
            wall, cpu = once(args, fresh, cache)
            times[label].append(wall)
            cpus[label].append(cpu)
    bare = statistics.median(times[FIGURES[0][0]])
    libraries = statistics.median(times[FIGURES[1][0]])
    bare_cpu = statistics.median(cpus[FIGURES[0][0]])
    print(f"median of {runs} runs each, in turns; {os.cpu_count()} CPUs; load {os.getloadavg()}")
    print(f"{'command':<45}{'ms':>8}{'× bare':>9}{'× libs':>9}{'CPU ms':>9}{'× bare':>9}")
    for label, _, _ in FIGURES:
        median = statistics.median(times[label])
        cpu = statistics.median(cpus[label])
        print(
            f"{label:<45}{median * 1000:>8.0f}{median / bare:>9.1f}{median / libraries:>9.1f}"
            f"{cpu * 1000:>9.0f}{cpu / bare_cpu:>9.1f}"
        )


if __name__ == "__main__":
    main()
