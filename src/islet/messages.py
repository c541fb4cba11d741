"""``N_``: marks an interface message for the gettext catalog where it is defined.

The marked text stays as written (English); it is translated where it is shown (the web's
``translated`` filter, :mod:`islet.i18n`). This module imports nothing, so the core's lowest
modules (``errors``) can mark their messages without an import cycle.
"""


def N_(message: str) -> str:
    """Mark ``message`` for the catalog where it is defined; it is translated where shown."""
    return message
