"""Checks on the files contributors attach: the type is read from the content (a PDF
renamed « .docx » is refused), the size and the number per fiche are capped."""

from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

MAX_SIZE = 10 * 1024 * 1024
MAX_PER_FICHE = 5

# Detected MIME type → the extensions a file of that type may have.
ALLOWED = {
    "application/pdf": {"pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "application/vnd.oasis.opendocument.text": {"odt"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"xlsx"},
    "application/vnd.oasis.opendocument.spreadsheet": {"ods"},
    "image/png": {"png"},
    "image/jpeg": {"jpg", "jpeg"},
}
ALLOWED_LABEL = "PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG"


def inspect(uploaded):
    """(safe file name, MIME type read from the content) of an upload, or a ValidationError
    that names the file and says what is accepted."""
    name = get_valid_filename(PurePath(uploaded.name).name)[:200] or "fichier"
    if uploaded.size > MAX_SIZE:
        raise ValidationError(
            _("« %(nom)s » pèse %(taille)s : la limite est de %(max)s par fichier."),
            code="too_big",
            params={
                "nom": name,
                "taille": filesizeformat(uploaded.size),
                "max": filesizeformat(MAX_SIZE),
            },
        )
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind is None or kind.mime not in ALLOWED or extension not in ALLOWED[kind.mime]:
        raise ValidationError(
            _(
                "« %(nom)s » n'est pas accepté : son contenu ne correspond pas à un fichier "
                "%(formats)s portant la bonne extension."
            ),
            code="type",
            params={"nom": name, "formats": ALLOWED_LABEL},
        )
    return name, kind.mime
