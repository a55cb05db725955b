"""The demo's data files (demo/data/, described in its README.md), read and checked without
touching the database; an error names its file.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import frontmatter
import yaml
from django.core.exceptions import ValidationError

from .markdown_blocks import fields, inline, rich, stream

DATA = Path(__file__).resolve().parent / "data"
ORDER_PREFIX = re.compile(r"^\d+-")  # "01-" orders the files; the slug is the rest of the name
FORMATS = {"docx": "Word", "odt": "OpenDocument", "pdf": "PDF"}
# What a wrong file raises: YAML syntax, a missing field or an unknown name (KeyError), an
# unexpected field (TypeError), a wrong value (ValueError, ValidationError), a missing file.
ERRORS = (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, ValidationError)


class DataFileError(Exception):
    """A data file that cannot be read or loaded; the message starts with its path."""


@contextmanager
def data_file(path):
    """Errors raised while reading or loading ``path`` are reported with its name."""
    try:
        yield
    except ERRORS as error:
        message = f"« {error.args[0]} » introuvable" if isinstance(error, KeyError) else error
        raise DataFileError(f"{path} : {message}") from error


@dataclass
class Entry:
    """A Markdown file: its slug (its name without the order prefix) and its fields."""

    path: Path
    slug: str
    fields: dict


@dataclass
class Demo:
    folder: Path
    sections: dict  # the home page and the listing pages, in French
    sections_en: dict
    structures: list
    guides: list  # of Entry
    modeles: list
    fiches: list
    ateliers: list
    guides_en: list  # translations, named like the French guide they translate
    informations: list  # the footer's pages (mentions légales, accessibilité…)
    informations_en: list
    annonces: dict  # la bourse d'entraide: more structures, then their annonces


def read(folder=DATA):
    """Every data file of ``folder``, read and checked; nothing is written."""
    folder = Path(folder)
    return Demo(
        folder=folder,
        sections=read_yaml(folder / "sections.yaml"),
        sections_en=read_yaml(folder / "en" / "sections.yaml"),
        structures=read_yaml(folder / "structures.yaml"),
        guides=read_folder(folder / "guides", read_guide),
        modeles=read_folder(folder / "modeles", partial(read_modele, folder / "fichiers")),
        fiches=read_folder(folder / "fiches", read_fiche),
        ateliers=read_folder(folder / "ateliers", read_atelier),
        guides_en=read_folder(folder / "en" / "guides", read_guide),
        informations=read_folder(folder / "informations", read_information),
        informations_en=read_folder(folder / "en" / "informations", read_information),
        annonces=read_yaml(folder / "annonces.yaml"),
    )


def read_yaml(path):
    with data_file(path):
        return yaml.safe_load(path.read_text(encoding="utf-8"))


def read_folder(folder, reader):
    """An Entry per Markdown file of ``folder``, in name order; ``reader(slug, metadata,
    content)`` gives its fields."""
    entries = []
    for path in sorted(folder.glob("*.md")):
        with data_file(path):
            page = frontmatter.loads(path.read_text(encoding="utf-8"))
            slug = ORDER_PREFIX.sub("", path.stem)
            entries.append(Entry(path, slug, reader(slug, dict(page.metadata), page.content)))
    return entries


def read_guide(slug, meta, content):
    return meta | {"body": stream(content)}


def read_modele(folder, slug, meta, content):
    """The page's fields, and its files (``fichiers/<slug>.<format>``) as the services take them:
    (file name, a function that reads the bytes, title)."""
    parts = fields(content)
    usage, adaptation = rich(parts.pop("usage")), stream(parts.pop("adaptation", ""))
    if parts:
        raise ValueError(f"partie inconnue : « # {', '.join(parts)} »")
    fichiers = []
    for extension in meta.pop("formats"):
        path = folder / f"{slug}.{extension}"
        if not path.is_file():
            raise ValueError(f"le fichier {path} manque")
        fichiers.append((path.name, path.read_bytes, f"{meta['title']} ({FORMATS[extension]})"))
    return meta | {"usage": usage, "adaptation": adaptation, "fichiers": fichiers}


def read_information(slug, meta, content):
    """Rich text with ``## `` intertitres (``<h2>``) between runs of paragraphs and lists."""
    parts = re.split(r"^## (.+)$", content, flags=re.MULTILINE)
    html = [rich(parts[0])]
    for titre, texte in zip(parts[1::2], parts[2::2], strict=True):
        html += [f"<h2>{inline(titre.strip())}</h2>", rich(texte)]
    return meta | {"body": "".join(html)}


def read_fiche(slug, meta, content):
    return meta | fields(content)


def read_atelier(slug, meta, content):
    # Workshop descriptions were always stored without the French non-breaking spaces.
    return meta | {"description": rich(content, typography=False)}
