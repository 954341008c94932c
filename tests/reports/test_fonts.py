"""The PDFs' font is the package's own: a name outside Latin-1 reads back as typed (`pdftotext`),
and the font `pdffonts` lists as embedded is the DejaVu Sans shipped in vma_desk/resources/fonts,
not a system font (Windows and macOS have no DejaVu; Helvetica, the fallback there, has no "Ł")."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

import vma_desk
from vma_desk.core.records import Patient, Phone, Practice
from vma_desk.reports import patient_summary
from vma_desk.reports.pdf import fonts

PACKAGE_FONTS = Path(vma_desk.__file__).resolve().parent / "resources" / "fonts"


def embedded_fonts(pdf: bytes) -> list[list[str]]:
    """`pdffonts`' rows: name, type, encoding, emb, sub, uni, object, generation."""
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    return [line.split() for line in out.stdout.decode().splitlines()[2:]]


def test_a_name_outside_latin_1_prints_in_the_bundled_font(services):
    services.practice.save(Practice(name="Zoë Ω Clinic", time_zone="America/Chicago"))
    patient, _ = services.patients.create(Patient("Łukasz", "Nguyễn", date(1980, 2, 3),
                                                  phones=(Phone("3125550150"),)))
    pdf = patient_summary.build(services, patient.id, date(2026, 3, 2), date(2026, 3, 6))

    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")
    assert "Łukasz Nguyễn" in text
    assert "Zoë Ω Clinic" in text

    # embedded (a subset): the paper looks the same on any machine. (reportlab also lists its
    # default Helvetica, unembedded, for the canvas and table cells it starts in; no text is drawn
    # in it, and "Ł" above could not have been: Helvetica has only Latin-1)
    embedded = {row[0].split("+")[-1] for row in embedded_fonts(pdf) if row[-5] == "yes"}
    assert embedded == {"DejaVuSans", "DejaVuSans-Bold"}
    # read from the package, never from a system folder
    for name in (fonts().regular, fonts().bold):
        assert Path(pdfmetrics.getFont(name).face.filename).parent == PACKAGE_FONTS
