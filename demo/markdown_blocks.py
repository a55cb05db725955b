"""The Markdown of the demo's data files turned into what pages store: rich text HTML, and
StreamField raw data (``{"type": ..., "value": ...}``) for the blocks of ressources/blocks.py.

A small strict dialect rather than a Markdown engine, so that each construct gives one block and
a mistake stops the loading instead of showing on the site (see demo/data/README.md):

- paragraphs are separated by blank lines; ``- item`` or ``1. item`` lines make a list, an
  indented line continues the item; ``**gras**``, ``*italique*``, ``[texte](https://…)``;
- ``## Intertitre``;
- ``:::genre argument`` … ``:::`` for the other blocks: ``conseil``, ``attention``, ``exemple``
  and ``checklist`` (argument: the title), ``etapes`` and ``faq`` (each item under a
  ``### titre``), ``temoignage`` (argument: ``Auteur — Structure``, the quote inside) and
  ``document`` (argument: a modèle's file name, the link's label inside).

Files are written with ordinary spaces: the French non-breaking spaces are added here.
"""

import re
import unicodedata

NBSP = "\u00a0"
TYPOGRAPHY = [
    (re.compile(r"« "), "«" + NBSP),
    (re.compile(r" »"), NBSP + "»"),
    (re.compile(r" ([;:!?])(?=\s|$|<)"), NBSP + r"\1"),
]
INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"\*(.+?)\*"), r"<i>\1</i>"),
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r'<a href="\2">\1</a>'),
]
ITEM = re.compile(r"(-|\d+\.) ")
ENCADRES = ("conseil", "attention", "exemple")
ITEM_KEYS = {"etapes": ("titre", "texte"), "faq": ("question", "reponse")}


def typo(text):
    """French typography: non-breaking spaces inside « » and before ; : ! ?"""
    for pattern, replacement in TYPOGRAPHY:
        text = pattern.sub(replacement, text)
    return text


def inline(text, typography=True):
    for pattern, replacement in INLINE:
        text = pattern.sub(replacement, text)
    return typo(text) if typography else text


def join(lines):
    return " ".join(line.strip() for line in lines)


def chunks(lines):
    """The groups of lines between blank lines."""
    group = []
    for line in [*lines, ""]:
        if line.strip():
            group.append(line)
        elif group:
            yield group
            group = []


def items(lines):
    """The items of a list: a line starting with ``- `` or ``1. `` starts one, others go on."""
    result = []
    for line in lines:
        start = ITEM.match(line)
        if start:
            result.append(line[start.end() :].strip())
        elif result:
            result[-1] += " " + line.strip()
        else:
            raise ValueError(f"« {line.strip()} » : un élément de liste commence par « - »")
    return result


def rich(text, typography=True):
    """Rich text HTML: a ``<p>`` per paragraph, a ``<ul>`` or ``<ol>`` per list."""
    html = []
    for chunk in chunks(text.splitlines() if isinstance(text, str) else text):
        start = ITEM.match(chunk[0])
        if start is None:
            html.append(f"<p>{inline(join(chunk), typography)}</p>")
            continue
        tag = "ul" if start.group(1) == "-" else "ol"
        entries = "".join(f"<li>{inline(item, typography)}</li>" for item in items(chunk))
        html.append(f"<{tag}>{entries}</{tag}>")
    return "".join(html)


def stream(text):
    """StreamField raw data: a block per intertitre, per ``:::`` block and per run of
    paragraphs and lists between them."""
    blocks, paragraphs = [], []
    lines = iter(text.splitlines())
    for line in lines:
        if not line.startswith(("## ", ":::")):
            paragraphs.append(line)
            continue
        if any(paragraph.strip() for paragraph in paragraphs):
            blocks.append(block("paragraphe", rich(paragraphs)))
        paragraphs = []
        if line.startswith("## "):
            blocks.append(block("intertitre", typo(line[3:].strip())))
            continue
        inner = []  # the block's lines, taken from the same iterator up to its closing ":::"
        for inner_line in lines:
            if inner_line.strip() == ":::":
                break
            inner.append(inner_line)
        else:
            raise ValueError(f"« {line.strip()} » n'est pas fermé par « ::: »")
        blocks.append(container(line[3:], inner))
    if any(paragraph.strip() for paragraph in paragraphs):
        blocks.append(block("paragraphe", rich(paragraphs)))
    return blocks


def block(kind, value):
    return {"type": kind, "value": value}


def container(head, lines):
    """The block of a ``:::kind argument`` … ``:::`` section."""
    kind, _, argument = head.strip().partition(" ")
    if kind in ENCADRES:
        return block("encadre", {"genre": kind, "titre": typo(argument), "texte": rich(lines)})
    if kind == "checklist":
        elements = [typo(element) for element in items(line for line in lines if line.strip())]
        return block("checklist", {"titre": typo(argument), "elements": elements})
    if kind in ITEM_KEYS:
        title, text = ITEM_KEYS[kind]
        return block(kind, [{title: typo(t), text: rich(body)} for t, body in headed(lines)])
    if kind == "temoignage":
        auteur, _, structure = argument.partition(" — ")
        value = {"citation": typo(join(lines)), "auteur": auteur, "structure": typo(structure)}
        return block("temoignage", value)
    if kind == "document":
        return block("document", {"document": argument, "libelle": typo(join(lines))})
    raise ValueError(f"bloc inconnu « :::{kind} »")


def headed(lines):
    """(title, lines) for each item, an item starting at a ``### title`` line."""
    result = []
    for line in lines:
        if line.startswith("### "):
            result.append((line[4:].strip(), []))
        elif result:
            result[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"« {line.strip()} » : chaque élément commence par « ### »")
    return result


def fields(text):
    """The parts of a text under its ``# Titre`` headings, keyed by the title in lower case
    without accents (``# Réussites`` gives ``reussites``)."""
    parts, name = {}, None
    for line in text.splitlines():
        if line.startswith("# "):
            name = unicodedata.normalize("NFKD", line[2:].strip().lower())
            name = name.encode("ascii", "ignore").decode()
            parts[name] = []
        elif name:
            parts[name].append(line)
        elif line.strip():
            raise ValueError(f"« {line.strip()} » : le texte commence par un titre « # … »")
    return {name: "\n".join(lines).strip() for name, lines in parts.items()}
