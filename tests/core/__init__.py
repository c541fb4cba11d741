"""The core library: knowledge, guide, explainers, calculators, Ask, trials, safety (some
modules also check that the CLI and the API give the core's answer)."""
