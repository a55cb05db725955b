"""Under the language prefix: the feeds (/fr/flux/, /fr/flux/atom/, and the same after
ressources/, types/<type>/ or domaines/<slug>/), the page « Données ouvertes », the page « Le
réseau en chiffres », the pages partner sites frame (/fr/integrer/ateliers/,
/fr/integrer/ressources/) and their snippet builder (/fr/integrer/)."""

from django.urls import path

from . import chiffres_views, feeds, integrer, integrer_constructeur, jeux_views, views

rss = feeds.DerniersContenus()
atom = feeds.DerniersContenusAtom()

urlpatterns = [
    path("opensearch.xml", views.opensearch, name="opensearch"),
    path("donnees-ouvertes/", jeux_views.donnees_ouvertes, name="donnees_ouvertes"),
    path("chiffres/", chiffres_views.page, name="chiffres"),
    path("flux/", rss, name="flux"),
    path("flux/atom/", atom, name="flux_atom"),
    path("flux/ressources/", rss, {"type_key": feeds.RESSOURCES}, name="flux_ressources"),
    path(
        "flux/ressources/atom/",
        atom,
        {"type_key": feeds.RESSOURCES},
        name="flux_ressources_atom",
    ),
    path("flux/types/<slug:type_key>/", rss, name="flux_type"),
    path("flux/types/<slug:type_key>/atom/", atom, name="flux_type_atom"),
    path("flux/domaines/<slug:slug>/", rss, name="flux_domaine"),
    path("flux/domaines/<slug:slug>/atom/", atom, name="flux_domaine_atom"),
    path("integrer/", integrer_constructeur.constructeur, name="integrer"),
    path("integrer/ateliers/", integrer.ateliers, name="integrer_ateliers"),
    path("integrer/ressources/", integrer.ressources, name="integrer_ressources"),
]
