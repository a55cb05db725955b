"""A guide prints cleanly and downloads as a PDF made on the server (issue 18, point 5)."""

import io

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from tests import markup
from tests.factories import GuidePageFactory, ModelePageFactory, build_site_tree, stream

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

SECRET_BROUILLON = "Xylophonebrouillon"
SECRET_PRIVE = "Zanzibarprive"
CORPS = stream(
    ("intertitre", "Préparer l'assemblée constitutive"),
    (
        "paragraphe",
        '<p>Les statuts fixent l\'objet ; voir <a href="https://www.service-public.fr/">'
        'le site officiel</a> ; <a linktype="page" id="999999">une page supprimée</a>.</p>',
    ),
    (
        "etapes",
        [
            {"titre": "Réunir les fondateurs", "texte": "<p>Au moins deux personnes.</p>"},
            {"titre": "Déclarer en préfecture", "texte": "<p>Sous trois mois, « en ligne ».</p>"},
        ],
    ),
    ("checklist", {"titre": "Avant de déposer", "elements": ["Statuts signés", "Liste du CA"]}),
    ("encadre", {"genre": "attention", "titre": "Délai", "texte": "<p>Trois mois.</p>"}),
    ("faq", [{"question": "Faut-il un capital ?", "reponse": "<p>Non.</p>"}]),
)


@pytest.fixture(scope="module")
def pages(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        guide = GuidePageFactory(
            parent=index, slug="statuts", title="Rédiger les statuts d'une association", body=CORPS
        )
        # A draft of the live guide: its words are not published.
        brouillon = guide.get_latest_revision_as_object()
        brouillon.title = f"Statuts {SECRET_BROUILLON}"
        brouillon.save_revision()
        modele = ModelePageFactory(parent=index, slug="budget", title="Budget prévisionnel")
        prive = GuidePageFactory(
            parent=index, slug="prive", title=f"Guide {SECRET_PRIVE}", body=CORPS
        )
        restriction = PageViewRestriction.objects.create(
            page=prive, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Éditeurs")])
        non_publie = GuidePageFactory(parent=index, slug="non-publie", live=False)
        return {"guide": guide, "modele": modele, "prive": prive, "non_publie": non_publie}


def pdf_text(response):
    reader = PdfReader(io.BytesIO(markup.content(response)))
    return " ".join(page.extract_text() for page in reader.pages)


def test_a_guide_downloads_as_a_pdf_with_its_headings_steps_and_address(pages, client):
    guide = client.get(pages["guide"].url)
    lien = markup.soup(guide.content).select_one(".telecharger-pdf a")

    response = client.get(lien["href"])

    assert lien["href"] == pages["guide"].url + "pdf/"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="statuts.pdf"'
    text = " ".join(pdf_text(response).split())
    for expected in (
        "Rédiger les statuts d'une association",
        "Préparer l'assemblée constitutive",
        "Étape 2 : Déclarer en préfecture",
        "Sous trois mois, « en ligne ».",
        "☐ Statuts signés",
        "Attention : Délai",
        "Faut-il un capital ?",
        "une page supprimée",
        "http://testserver/fr/ressources/statuts/",
        "Réutilisation : voir les mentions légales du site",
    ):
        assert expected in text, expected
    assert SECRET_BROUILLON not in text


def test_a_modele_pdf_names_its_files_and_its_licence(pages, client):
    response = client.get(pages["modele"].url + "pdf/")

    text = " ".join(pdf_text(response).split())
    assert "Budget prévisionnel" in text
    assert "Le fichier à télécharger" in text
    assert "Licence : CC BY-SA 4.0" in text


def test_no_pdf_of_a_private_or_unpublished_page_nor_with_an_unknown_parameter(pages, client):
    prive = client.get(pages["prive"].url + "pdf/")
    non_publie = client.get(f"/fr/ressources/{pages['non_publie'].slug}/pdf/")
    parametre = client.get(pages["guide"].url + "pdf/", {"page": "2"})

    # Wagtail sends the visitor of a restricted page to log in; nothing of it is served.
    assert prive.status_code == 302
    assert SECRET_PRIVE.encode() not in prive.content
    assert non_publie.status_code == 404
    assert parametre.status_code == 400
    assert "page" in parametre.content.decode()


def test_a_page_admitted_by_its_restriction_still_has_no_pdf(pages, client, django_user_model):
    editeur = django_user_model.objects.create_user("editrice", "e@example.org", "x")
    editeur.groups.add(Group.objects.get(name="Éditeurs"))
    client.force_login(editeur)

    assert client.get(pages["prive"].url).status_code == 200
    response = client.get(pages["prive"].url + "pdf/")

    assert response.status_code == 404
    assert SECRET_PRIVE.encode() not in response.content


def test_the_print_stylesheet_hides_the_site_around_the_guide(pages, client):
    response = client.get(pages["guide"].url)

    feuilles = [
        link for link in markup.elements(response.content, "link") if link.get("media") == "print"
    ]
    assert [feuille["href"] for feuille in feuilles] == ["/static/css/impression.css"]
    assert 'href="/static/css/impression.css"' in response.content.decode()
