"""A guide or a modèle as a PDF, made on the server with fpdf2: nothing is fetched from the
network (a video is its address, never its player), and the bytes depend only on the live
page, so anonymous downloads come from the page cache like the page itself.

The text is the page's blocks rendered as plain HTML (``templates/ressources/pdf/``), which
fpdf2 lays out: headings, paragraphs, lists, steps, checklists. The font is DejaVu Sans, in
this app (``polices/``, its licence beside it), cut down with fontTools' ``pyftsubset`` to
Latin, punctuation and a few symbols (« », ’, €, ☐): French of any accent, whatever fonts
the server has, and 70 kB a style instead of 700 (parsed at each download)."""

import re
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from fpdf import FPDF

POLICES = Path(__file__).resolve().parent / "polices"
FAMILLE = "DejaVu"
STYLES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
# The site's own links (rich text, documents) start with "/": in a PDF they need the host.
LIEN_DU_SITE = re.compile(r'href="/(?!/)')
# A rich text link to a page since deleted is an <a> without address, which fpdf2 refuses.
LIEN_SANS_ADRESSE = re.compile(r"<a\b(?![^>]*\bhref=)[^>]*>")
# fpdf2 loads an <img>'s source, from the disk or the network: the rich text allows none
# today (blocks.TEXT_FEATURES), and a PDF never fetches one tomorrow.
IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


class Document(FPDF):
    """An A4 page with, at the foot of each, the address of the page it prints, its licence
    and the page number."""

    def __init__(self, pied):
        super().__init__(format="A4")
        self.pied = pied
        for style, fichier in STYLES.items():
            self.add_font(FAMILLE, style, str(POLICES / fichier))
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(auto=True, margin=22)

    def footer(self):
        self.set_y(-18)
        self.set_font(FAMILLE, size=8)
        self.multi_cell(0, 4, f"{self.pied} · {self.page_no()}/{{nb}}", align="C")


def licence(page):
    """What the foot says of reuse: a modèle's licence, else the site's legal notice."""
    if getattr(page, "licence", ""):
        return _("Licence : %(licence)s") % {"licence": page.licence}
    return _("Réutilisation : voir les mentions légales du site")


def document(page, adresse, origine):
    """The PDF of ``page`` (a live GuidePage or ModelePage, specific), whose public address
    is ``adresse``; ``origine`` (``https://host``) makes the site's links absolute."""
    html = render_to_string(
        "ressources/pdf/ressource.html",
        {"page": page, "fichiers": getattr(page, "fichiers_avec_documents", ())},
    )
    html = IMAGE.sub("", LIEN_SANS_ADRESSE.sub('<a href="">', html))
    html = LIEN_DU_SITE.sub(f'href="{origine}/', html)
    pdf = Document(f"{adresse} · {licence(page)}")
    pdf.set_title(page.title)
    pdf.set_lang(page.locale.language_code)
    pdf.set_creator("Entraide")
    pdf.set_font(FAMILLE, size=11)
    pdf.add_page()
    pdf.write_html(html)
    return bytes(pdf.output())
