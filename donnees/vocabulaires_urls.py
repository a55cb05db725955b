"""Language-neutral addresses of the open vocabularies (outside ``i18n_patterns``): a
vocabulary's URI names the term, whatever the language of the page that links to it."""

from django.urls import path, re_path

from . import vocabulaires_views as views

SEGMENT = r"[-a-zA-Z0-9_]+"
FORMAT = r"(?P<format>ttl|jsonld)"

urlpatterns = [
    path("vocabulaires/", views.catalogue, name="vocabulaires"),
    re_path(rf"^vocabulaires\.{FORMAT}$", views.catalogue, name="vocabulaires_fichier"),
    path("vocabulaires/<slug:schema>/", views.vocabulaire, name="vocabulaire"),
    re_path(
        rf"^vocabulaires/(?P<schema>{SEGMENT})\.{FORMAT}$",
        views.vocabulaire,
        name="vocabulaire_fichier",
    ),
    path(
        "vocabulaires/<slug:schema>/<slug:identifiant>/",
        views.concept,
        name="vocabulaire_concept",
    ),
    re_path(
        rf"^vocabulaires/(?P<schema>{SEGMENT})/(?P<identifiant>{SEGMENT})\.{FORMAT}$",
        views.concept,
        name="vocabulaire_concept_fichier",
    ),
]
