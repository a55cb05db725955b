"""The yearly attestation as a PDF (fpdf2), with the pieces of ``ressources.pdf``: the same
A4 page, DejaVu fonts and footer (address of the page · page number). The PDF is not tagged
(fpdf2 does not tag tables); the HTML page it comes from is the accessible version."""

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ressources.pdf import FAMILLE, Document

# The fonts are cut down to Latin: the narrow no-break space French numbers use is not in
# them, the no-break space is.
ESPACE_FINE = str.maketrans({"\u202f": "\u00a0"})


def nombre(valeur, decimales):
    if valeur is None:
        return "—"
    texte = number_format(valeur, decimal_pos=decimales, use_l10n=True, force_grouping=True)
    return texte.translate(ESPACE_FINE)


def heures(valeur):
    return nombre(valeur, 1)


def euros(valeur):
    return "—" if valeur is None else f"{nombre(valeur, 2)}\u00a0€"


def tableau(pdf, titre, colonne, autre):
    """One way (given or received): a heading, its lines, its totals."""
    pdf.set_font(FAMILLE, "B", size=12)
    pdf.multi_cell(0, 7, titre, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILLE, size=9)
    if not colonne.lignes:
        pdf.multi_cell(0, 6, _("Aucun échange confirmé."), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        return
    with pdf.table(col_widths=(22, 44, 58, 20, 26), text_align="LEFT", line_height=5) as table:
        table.row([_("Date"), autre, _("Annonce"), _("Heures"), _("Valeur")])
        for ligne in colonne.lignes:
            table.row(
                [
                    date_format(ligne.date, "SHORT_DATE_FORMAT"),
                    ligne.autre,
                    ligne.annonce,
                    heures(ligne.heures),
                    euros(ligne.valeur),
                ]
            )
        table.row([_("Total"), "", "", heures(colonne.heures), euros(colonne.valeur)])
    pdf.ln(4)


def document(attestation, adresse, textes):
    """The PDF of ``attestation`` (``bourse.attestation.Attestation``), printed from the page
    at ``adresse``; ``textes``: what it is and how to value hours (shown on the page too)."""
    structure = attestation.structure
    titre = _("Attestation des échanges de la bourse d'entraide — %(annee)s") % {
        "annee": attestation.annee
    }
    pdf = Document(adresse)
    pdf.set_title(f"{titre} — {structure.nom}")
    pdf.set_lang(get_language() or "fr")
    pdf.set_creator("Entraide")
    pdf.add_page()
    pdf.set_font(FAMILLE, "B", size=15)
    pdf.multi_cell(0, 8, titre, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILLE, "B", size=12)
    pdf.multi_cell(0, 7, structure.nom, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILLE, size=10)
    for texte in textes:
        pdf.ln(2)
        pdf.multi_cell(0, 5, str(texte), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    etablie = _("Établie le %(date)s, d'après les confirmations enregistrées ce jour-là.")
    pdf.multi_cell(
        0, 5, etablie % {"date": date_format(timezone.localdate())}, new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(4)
    tableau(pdf, _("Aide donnée"), attestation.donnees, _("Structure aidée"))
    tableau(pdf, _("Aide reçue"), attestation.recues, _("Structure qui a aidé"))
    return bytes(pdf.output())
