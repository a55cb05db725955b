"""Settings of the open data (donnees/: the API, the embeds, the figures, the datasets), read
by base.py."""

from . import env

# The public API (donnees.api, /api/v2/): at most this many items per list, this many requests
# per minute from one client address (django-ratelimit's notation), readable by any site's
# scripts (GET only, never with the visitor's cookies).
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
API_RATE = "120/m"
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

# The pages partner sites frame (donnees/integrer.py): which sites may frame them (any when
# empty: they show what anyone may read and hold no form), and how long browsers and proxies
# may keep them (their free seats lag that much at most).
INTEGRER_ORIGINES_AUTORISEES = env.get_origins("INTEGRER_ORIGINES_AUTORISEES")
INTEGRER_CACHE_SECONDS = int(env.get("INTEGRER_CACHE_SECONDS", "300"))
# « Le réseau en chiffres » (donnees/chiffres.py): a count of people or of structures below
# this shows as « moins de 5 » (null and a flag in the dataset); the figures are kept this many
# seconds in the "default" cache, and read again at once after a publication.
DONNEES_SEUIL_MINIMAL = int(env.get("DONNEES_SEUIL_MINIMAL", "5"))
DONNEES_CHIFFRES_CACHE_SECONDS = int(env.get("DONNEES_CHIFFRES_CACHE_SECONDS", "300"))

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
    "donnees/ouvertes/bourse.html",
    "donnees/ouvertes/integrer.html",
    "donnees/ouvertes/alertes.html",
]
