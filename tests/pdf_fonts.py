"""The fonts a PDF's text is set in, read back with pypdf (subset prefixes dropped)."""

from pypdf import PdfReader


def text_fonts(reader: PdfReader) -> set[str]:
    """Base font names of every non-blank text run, e.g. {"DejaVuSans", "DejaVuSans-Bold"}.

    Resources alone would not do: ReportLab lists Helvetica, its initial font, on every page.
    """
    fonts: set[str] = set()

    def visit(text: str, _cm: object, _tm: object, font: dict[str, object] | None, _size: object) -> None:
        if text.strip() and font is not None:
            fonts.add(str(font["/BaseFont"]).split("+")[-1])  # a subset is named "ABCDEF+DejaVuSans"

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return fonts
