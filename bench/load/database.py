"""The benchmark's questions to the site's database, run with the server's settings:

python -m bench.load.database discover   # what the load may ask for, as JSON
python -m bench.load.database check      # seats and registrations after the load, as JSON
"""

import json
import re
import sys

import django

django.setup()

from wagtail.documents import get_document_model  # noqa: E402

from evenements.models import AgendaPage, AtelierPage, Inscription  # noqa: E402
from fiches.models import FicheIndexPage, FichePage  # noqa: E402
from ressources.models import (  # noqa: E402
    Domaine,
    GuidePage,
    HomePage,
    ModelePage,
    RessourceIndexPage,
)

# The domain of every address the load registers with: its registrations, and only those.
BENCH_DOMAIN = "bench.example"
WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ]{6,}")


def paths(model):
    return sorted(page.url for page in model.objects.live().public() if page.url)


def listings():
    found = paths(RessourceIndexPage) + paths(FicheIndexPage) + paths(AgendaPage)
    for home in HomePage.objects.live().public():
        found.append(home.url + home.reverse_subpage("domaines"))
        for domaine in Domaine.objects.filter(locale=home.locale):
            found.append(home.url + home.reverse_subpage("domaine", args=[domaine.slug]))
    return found


def words():
    """Words of the French titles and chapôs, as people would type them."""
    found = set()
    for model in (GuidePage, ModelePage, FichePage, AtelierPage):
        for title, chapo in (
            model.objects.live().filter(locale__language_code="fr").values_list("title", "chapo")
        ):
            found.update(WORD.findall(f"{title} {chapo}".lower()))
    return sorted(found)


def discover():
    ateliers = AtelierPage.objects.live().public()
    documents = get_document_model().objects.select_related("collection")
    return {
        "pages": {
            "accueil": paths(HomePage),
            "liste": listings(),
            "guide": paths(GuidePage),
            "modele": paths(ModelePage),
            "fiche": paths(FichePage),
            "atelier": paths(AtelierPage),
        },
        "inscription": sorted(a.url for a in ateliers if a.url and a.inscriptions_ouvertes()),
        "telechargement": sorted(
            document.pk
            for document in documents
            if not document.collection.get_view_restrictions().exists()
        ),
        "words": words(),
    }


def check():
    return {
        "ateliers": [
            {
                "url": atelier.url,
                "capacite": atelier.capacite,
                "confirmees": atelier.inscriptions.filter(
                    statut=Inscription.Statut.CONFIRMEE
                ).count(),
                "attente": atelier.inscriptions.filter(statut=Inscription.Statut.ATTENTE).count(),
            }
            for atelier in AtelierPage.objects.order_by("pk")
        ],
        "inscriptions": list(
            Inscription.objects.filter(email__endswith="@" + BENCH_DOMAIN).values_list(
                "email", "statut"
            )
        ),
    }


if __name__ == "__main__":
    answer = {"discover": discover, "check": check}[sys.argv[1]]()
    json.dump(answer, sys.stdout, ensure_ascii=False)
