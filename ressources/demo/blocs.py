"""Short constructors of StreamField raw data (``{"type": ..., "value": ...}``) for the demo
content, matching ressources/blocks.py. Rich text is given as paragraphs of plain text with
inline HTML allowed (<b>, <i>, <a href>); lists as Python lists.

A ``document`` block names its file (e.g. ``"statuts-association-loi-1901.docx"``): the
load_demo command replaces that name with the id of the RessourceDocument it created.
"""

import re

NBSP = "\u00a0"
_TYPO = [
    (re.compile(r"« "), "«" + NBSP),
    (re.compile(r" »"), NBSP + "»"),
    (re.compile(r" ([;:!?])(?=\s|$|<)"), NBSP + r"\1"),
]


def typo(text):
    """French typography: non-breaking spaces inside « » and before ; : ! ?"""
    for pattern, replacement in _TYPO:
        text = pattern.sub(replacement, text)
    return text


def html(*parts):
    """Rich text: each string is a paragraph, each list a bulleted list (an ``("ol", [...])``
    tuple gives a numbered list)."""
    out = []
    for part in parts:
        if isinstance(part, tuple) and part[0] == "ol":
            out.append("<ol>" + "".join(f"<li>{typo(i)}</li>" for i in part[1]) + "</ol>")
        elif isinstance(part, list):
            out.append("<ul>" + "".join(f"<li>{typo(i)}</li>" for i in part) + "</ul>")
        else:
            out.append(f"<p>{typo(part)}</p>")
    return "".join(out)


def intertitre(texte):
    return {"type": "intertitre", "value": typo(texte)}


def paragraphe(*parts):
    return {"type": "paragraphe", "value": html(*parts)}


def etapes(*items):
    """Each item: (titre, texte or [parts])."""
    return {
        "type": "etapes",
        "value": [{"titre": typo(titre), "texte": _rich(texte)} for titre, texte in items],
    }


def checklist(titre, *elements):
    return {
        "type": "checklist",
        "value": {"titre": typo(titre), "elements": list(map(typo, elements))},
    }


def encadre(genre, titre, *parts):
    return {
        "type": "encadre",
        "value": {"genre": genre, "titre": typo(titre), "texte": html(*parts)},
    }


def conseil(titre, *parts):
    return encadre("conseil", titre, *parts)


def attention(titre, *parts):
    return encadre("attention", titre, *parts)


def exemple(titre, *parts):
    return encadre("exemple", titre, *parts)


def faq(*items):
    """Each item: (question, réponse or [parts])."""
    return {
        "type": "faq",
        "value": [{"question": typo(q), "reponse": _rich(r)} for q, r in items],
    }


def temoignage(citation, auteur="", structure=""):
    return {
        "type": "temoignage",
        "value": {"citation": typo(citation), "auteur": auteur, "structure": typo(structure)},
    }


def document(fichier, libelle=""):
    return {"type": "document", "value": {"document": fichier, "libelle": typo(libelle)}}


def _rich(texte):
    if isinstance(texte, (list, tuple)) and not (texte and texte[0] == "ol"):
        return html(*texte)
    return html(texte)
