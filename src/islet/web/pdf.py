"""PDF documents made with WeasyPrint, entirely in memory.

WeasyPrint may fetch nothing from the network or the disk: the only stylesheet is passed in
directly, and any other resource request is refused.
"""

from __future__ import annotations

from typing import Any, NoReturn

from islet.web.rendering import STATIC_DIR

PDF_STYLESHEET = STATIC_DIR / "css" / "sheet-pdf.css"


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError("Islet's PDF may not load outside resources")


def render_pdf(html: str) -> bytes:
    """``html`` laid out as a PDF with the sheet stylesheet."""
    # Imported here: WeasyPrint is slow to import and only this route needs it.
    from weasyprint import CSS, HTML

    document = HTML(string=html, url_fetcher=_refuse)
    pdf: bytes = document.write_pdf(stylesheets=[CSS(filename=str(PDF_STYLESHEET))])
    return pdf
