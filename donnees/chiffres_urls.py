"""The figures of « Le réseau en chiffres » as a dataset, at language-neutral addresses
(outside ``i18n_patterns``): machines read them, their labels are French."""

from django.urls import path

from . import chiffres_views

urlpatterns = [
    path("donnees/chiffres.csv", chiffres_views.csv, name="chiffres_csv"),
    path("donnees/chiffres.json", chiffres_views.json, name="chiffres_json"),
]
