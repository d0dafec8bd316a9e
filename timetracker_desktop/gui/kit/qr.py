"""QR codes (segno) drawn into a QImage, black modules on white with a quiet zone."""

import segno
from PySide6.QtGui import QColor, QImage, QPainter

QUIET_MODULES = 4


def qr_image(text: str, size: int = 320) -> QImage:
    """A square image of at least ``size`` pixels encoding ``text`` (error correction M)."""
    code = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=QUIET_MODULES)]
    modules = len(rows)
    scale = max(1, size // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, black)
    painter.end()
    return image
