"""The open datasets' files at language-neutral, stable addresses: /donnees/ressources.csv,
/donnees/datapackage.json… (the page that lists them is under the language prefix)."""

from django.urls import re_path

from . import jeux_views

#: Only the files this app writes: /donnees/chiffres.csv and .json are another view's.
NOMS = "|".join(sorted(nom.replace(".", r"\.") for nom in jeux_views.NOMS))

urlpatterns = [
    re_path(rf"^donnees/(?P<nom>{NOMS})$", jeux_views.fichier, name="donnees_fichier"),
]
