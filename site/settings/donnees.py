"""Settings of the open data (donnees/), read by base.py."""

from . import env

# The datasets' licence, written into datapackage.json and shown on the page « Données
# ouvertes »: Etalab's Licence Ouverte 2.0, the French public sector's default (SPDX
# identifier etalab-2.0), compatible with CC BY 4.0 and ODC-BY.
DONNEES_LICENCE = {
    "name": "etalab-2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "title": "Licence Ouverte / Open Licence version 2.0",
}
# The datasets are written again this long after a publication, for all the publications of
# that time (donnees/tasks.py); off: only `manage.py publier_donnees` writes them.
DONNEES_DELAI_SECONDES = int(env.get("DONNEES_DELAI_SECONDES", "600"))
DONNEES_PUBLICATION_AUTOMATIQUE = env.get_bool("DONNEES_PUBLICATION_AUTOMATIQUE", True)
# The sections other open-data offers add to the page « Données ouvertes » (the API, the
# figures, the embeds), each a template included when it exists.
DONNEES_SECTIONS = [
    "donnees/ouvertes/api.html",
    "donnees/ouvertes/chiffres.html",
    "donnees/ouvertes/integrer.html",
]
