"""The downloadable files of the demo modèles, built in memory (bytes) from one structured text.

A ``Gabarit`` is a title and sections; a section is an intertitre and elements: a string is a
paragraph, a list of strings a bulleted list, a ``Tableau`` a table whose first row is the header.
The same gabarit gives a DOCX (python-docx), an ODT (odfpy) and a PDF (fpdf2).
"""

from dataclasses import dataclass, field, replace
from functools import partial
from io import BytesIO
from pathlib import Path

from .blocs import typo

FORMATS = {"docx": "Word", "odt": "OpenDocument", "pdf": "PDF"}
LANGUE = "fr-FR"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Tableau:
    lignes: list


@dataclass
class Gabarit:
    titre: str
    sections: list = field(default_factory=list)
    sous_titre: str = ""
    mention: str = ""


def fichiers(modele):
    """(filename, bytes factory, title) of each file of a demo modèle (see modeles.py): the
    gabarit in each of its formats, with the licence and version line at the end."""
    mention = (
        f"Modèle proposé par Entraide – licence {modele.get('licence', 'CC BY-SA 4.0')} – "
        f"version du {modele['version_date']:%d/%m/%Y}. À adapter à votre situation ; ce "
        "document ne remplace pas un conseil personnalisé."
    )
    gabarit = replace(modele["gabarit"], mention=mention)
    return [
        (
            f"{modele['slug']}.{fmt}",
            partial(render, gabarit, fmt),
            f"{modele['title']} ({FORMATS[fmt]})",
        )
        for fmt in modele["formats"]
    ]


def render(gabarit, fmt):
    """The file's bytes in format ``fmt`` (one of FORMATS)."""
    return {"docx": to_docx, "odt": to_odt, "pdf": to_pdf}[fmt](gabarit)


def _elements(gabarit):
    """(kind, value) in reading order: titre, sous_titre, section, paragraphe, liste, tableau."""
    yield "titre", typo(gabarit.titre)
    if gabarit.sous_titre:
        yield "sous_titre", typo(gabarit.sous_titre)
    for intertitre, elements in gabarit.sections:
        if intertitre:
            yield "section", typo(intertitre)
        for element in elements:
            if isinstance(element, Tableau):
                yield "tableau", [[typo(texte) for texte in ligne] for ligne in element.lignes]
            elif isinstance(element, (list, tuple)):
                yield "liste", [typo(item) for item in element]
            else:
                yield "paragraphe", typo(element)
    if gabarit.mention:
        yield "mention", typo(gabarit.mention)


def to_docx(gabarit):
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = gabarit.titre
    document.core_properties.language = LANGUE
    document.core_properties.author = "Entraide"
    _docx_language(document)
    for kind, value in _elements(gabarit):
        if kind == "titre":
            document.add_heading(value, level=0)
        elif kind == "sous_titre":
            document.add_paragraph(value, style="Subtitle")
        elif kind == "section":
            document.add_heading(value, level=1)
        elif kind == "liste":
            for item in value:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "tableau":
            _docx_table(document, value)
        elif kind == "mention":
            run = document.add_paragraph().add_run(value)
            run.italic, run.font.size = True, Pt(9)
        else:
            document.add_paragraph(value)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_language(document):
    """Declare French as the proofing language of the whole document."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUE)
    rpr.append(lang)


def _docx_table(document, lignes):
    table = document.add_table(rows=0, cols=len(lignes[0]))
    table.style = "Table Grid"
    for numero, ligne in enumerate(lignes):
        cells = table.add_row().cells
        for cell, texte in zip(cells, ligne, strict=True):
            cell.text = texte
            if numero == 0 and texte:
                cell.paragraphs[0].runs[0].bold = True
    document.add_paragraph()


def to_odt(gabarit):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    styles = _odt_styles(document, gabarit.titre)
    for kind, value in _elements(gabarit):
        if kind in ("titre", "section"):
            level = 1 if kind == "titre" else 2
            document.text.addElement(H(outlinelevel=level, stylename=styles[kind], text=value))
        elif kind == "liste":
            document.text.addElement(_odt_list(value, styles))
        elif kind == "tableau":
            document.text.addElement(_odt_table(value, styles))
            document.text.addElement(P(stylename=styles["paragraphe"], text=""))
        else:
            document.text.addElement(P(stylename=styles[kind], text=value))
    buffer = BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _odt_styles(document, titre):
    from odf import dc
    from odf.style import (
        ListLevelProperties,
        ParagraphProperties,
        Style,
        TableCellProperties,
        TextProperties,
    )
    from odf.text import ListLevelStyleBullet, ListStyle

    document.meta.addElement(dc.Title(text=titre))
    document.meta.addElement(dc.Language(text=LANGUE))
    default = Style(name="Standard", family="paragraph")
    default.addElement(TextProperties(fontsize="11pt", language="fr", country="FR"))
    default.addElement(ParagraphProperties(marginbottom="0.2cm", margintop="0.1cm"))
    document.styles.addElement(default)

    def paragraph_style(name, display, level=None, **text):
        style = Style(name=name, displayname=display, family="paragraph", parentstylename=default)
        if level:
            style.setAttribute("defaultoutlinelevel", str(level))
        style.addElement(TextProperties(language="fr", country="FR", **text))
        style.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
        document.styles.addElement(style)
        return style

    bullets = ListStyle(name="Puces")
    bullet = ListLevelStyleBullet(level=1, bulletchar="•")
    bullet.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
    bullets.addElement(bullet)
    document.automaticstyles.addElement(bullets)
    cell = Style(name="Cellule", family="table-cell")
    cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    document.automaticstyles.addElement(cell)
    return {
        "titre": paragraph_style("Title", "Title", 1, fontsize="20pt", fontweight="bold"),
        "sous_titre": paragraph_style("Subtitle", "Subtitle", fontsize="13pt", fontstyle="italic"),
        "section": paragraph_style(
            "Heading_20_2", "Heading 2", 2, fontsize="14pt", fontweight="bold"
        ),
        "paragraphe": default,
        "mention": paragraph_style("Mention", "Mention", fontsize="9pt", fontstyle="italic"),
        "puces": bullets,
        "cellule": cell,
    }


def _odt_list(items, styles):
    from odf.text import List, ListItem, P

    liste = List(stylename=styles["puces"])
    for item in items:
        element = ListItem()
        element.addElement(P(stylename=styles["paragraphe"], text=item))
        liste.addElement(element)
    return liste


def _odt_table(lignes, styles):
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    table = Table(name=f"Tableau{id(lignes)}")
    table.addElement(TableColumn(numbercolumnsrepeated=len(lignes[0])))
    for ligne in lignes:
        row = TableRow()
        for texte in ligne:
            cell = TableCell(valuetype="string", stylename=styles["cellule"])
            cell.addElement(P(stylename=styles["paragraphe"], text=texte))
            row.addElement(cell)
        table.addElement(row)
    return table


# Core PDF fonts only know windows-1252: these characters are replaced when no TTF font is found.
CORE_REPLACEMENTS = {
    "\u202f": "\u00a0",
    "\u2011": "-",
    "\u2212": "-",
    "\u2192": "->",
    "\u2713": "x",
}


def to_pdf(gabarit):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_title(gabarit.titre)
    pdf.set_author("Entraide")
    pdf.set_lang(LANGUE)
    pdf.set_auto_page_break(auto=True, margin=18)
    font, clean = _pdf_font(pdf)
    pdf.add_page()
    line = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L"}
    sizes = {"titre": ("B", 17, 9), "sous_titre": ("I", 12, 7), "section": ("B", 13, 7)}
    for kind, value in _elements(gabarit):
        if kind in sizes:
            style, size, height = sizes[kind]
            pdf.ln(3)
            pdf.set_font(font, style, size)
            pdf.multi_cell(0, height, clean(value), **line)
            pdf.ln(1)
        elif kind == "liste":
            pdf.set_font(font, "", 10.5)
            for item in value:
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(0, 5.5, clean(f"•  {item}"), **line)
        elif kind == "tableau":
            _pdf_table(pdf, font, value, clean)
        else:
            pdf.set_font(font, "I" if kind == "mention" else "", 9 if kind == "mention" else 10.5)
            pdf.multi_cell(0, 5.5, clean(value), **line)
            pdf.ln(1.5)
    return bytes(pdf.output())


def _pdf_font(pdf):
    """DejaVu Sans when Debian ships it (every character), else Helvetica in windows-1252."""
    faces = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
    if all((DEJAVU / name).is_file() for name in faces.values()):
        for style, name in faces.items():
            pdf.add_font("DejaVu", style, str(DEJAVU / name))
        return "DejaVu", str
    pdf.core_fonts_encoding = "windows-1252"
    return "Helvetica", _core_text


def _core_text(text):
    for char, replacement in CORE_REPLACEMENTS.items():
        text = text.replace(char, replacement)
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _pdf_column_width(cells):
    """Relative width of a table column: its longest text, capped at 45 characters, but never
    narrower than its longest word."""
    longest_word = max((len(word) for cell in cells for word in cell.split()), default=1)
    return max(longest_word + 3, min(max(len(cell) for cell in cells), 45))


def _pdf_table(pdf, font, lignes, clean):
    pdf.set_font(font, "", 9.5)
    widths = [_pdf_column_width([ligne[i] for ligne in lignes]) for i in range(len(lignes[0]))]
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=5.5, padding=1.5) as table:
        for ligne in lignes:
            row = table.row()
            for texte in ligne:
                row.cell(clean(texte))
    pdf.ln(3)
