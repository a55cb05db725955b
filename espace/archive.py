"""« Télécharger mes données »: a ZIP archive of everything the site keeps about the person,
as one JSON file (every section) and one CSV file per section in the site's spreadsheet
format (``;``, UTF-8 with BOM, as the other exports)."""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ressources import exports

from .sections import SECTIONS

LISEZ_MOI = _(
    "Vos données sur Entraide, au %(date)s.\n\n"
    "donnees.json : toutes les sections, lisibles par un programme.\n"
    "<section>.csv : chaque section en tableur (séparateur « ; », UTF-8).\n"
)


def lisez_moi(now):
    """What the archive holds: its files, and each section's title in the reader's language."""
    entete = LISEZ_MOI % {"date": formats.date_format(timezone.localtime(now))}
    return entete + "".join(f"\n{section.nom}.csv : {section.titre}" for section in SECTIONS) + "\n"


def contenu(user):
    """{section name: its rows} for ``user``."""
    return {section.nom: section.donnees(user) for section in SECTIONS}


def archive(user, now=None):
    """The archive's bytes."""
    now = now or timezone.now()
    sections = contenu(user)
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED) as zip_file:
        zip_file.writestr("LISEZ-MOI.txt", lisez_moi(now))
        zip_file.writestr(
            "donnees.json",
            json.dumps(sections, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        for nom, lignes in sections.items():
            entetes = list(lignes[0]) if lignes else []
            rangees = [[ligne[cle] for cle in entetes] for ligne in lignes]
            zip_file.writestr(f"{nom}.csv", "".join(exports.lines(entetes, rangees)))
    return tampon.getvalue()
