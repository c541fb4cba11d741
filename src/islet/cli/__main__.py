"""`python -m islet.cli`: the same as the `islet` command."""

from islet.cli import main

main()
