"""The `islet` command as a person or a script runs it (typer's CliRunner or a real process)."""
