"""The open datasets' files at language-neutral, stable addresses: /donnees/ressources.csv,
/donnees/datapackage.json… (the page that lists them is under the language prefix)."""

from django.urls import re_path

from . import jeux_views

urlpatterns = [
    re_path(
        r"^donnees/(?P<nom>[-a-z0-9_]+\.(?:csv|json))$",
        jeux_views.fichier,
        name="donnees_fichier",
    ),
]
