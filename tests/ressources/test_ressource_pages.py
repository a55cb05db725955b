"""What a visitor reads on a guide pratique and on a modèle."""

import datetime

import pytest
from django.template.defaultfilters import filesizeformat

from ressources.models import ModeleFichier, RessourceDocument
from tests import markup
from tests.factories import (
    DocumentFactory,
    GuidePageFactory,
    ModelePageFactory,
    domaine,
    public,
    related,
    stream,
)

pytestmark = pytest.mark.django_db


def words(count):
    return " ".join(f"mot{number}" for number in range(count))


def get_page(client, page):
    """The response and the text a visitor reads."""
    response = client.get(page.url)
    assert response.status_code == 200
    return response, markup.text(response.content)


def size(document):
    """The file size as shown in French (« 2,0 Kio »), whitespace as in ``markup.text``."""
    return " ".join(filesizeformat(document.file_size).split())


def related_titles(response):
    """Titles of the « À lire aussi » cards, shown after the article."""
    content = response.content.decode()
    if 'id="titre-liees"' not in content:
        return []
    return markup.card_titles(content.split('id="titre-liees"', 1)[1])


def test_guide_reading_time_is_computed_from_its_body(site_tree):
    home, index = site_tree
    guide = GuidePageFactory(
        parent=index,
        chapo="Deux phrases.",
        body=stream(
            ("paragraphe", f"<p>{words(600)}</p>"),
            ("intertitre", "Un intertitre"),
            ("paragraphe", f"<p>{words(400)}</p>"),
        ),
    )

    assert guide.reading_time == 5


def test_guide_reading_time_counts_text_inside_structured_blocks(site_tree):
    home, index = site_tree
    guide = GuidePageFactory(
        parent=index,
        body=stream(
            ("etapes", [{"titre": "Étape", "texte": f"<p>{words(500)}</p>"}]),
            ("faq", [{"question": "Pourquoi ?", "reponse": f"<p>{words(500)}</p>"}]),
        ),
    )

    assert guide.reading_time == 5


def test_short_guide_takes_at_least_one_minute(site_tree):
    home, index = site_tree

    guide = GuidePageFactory(parent=index, body=stream(("paragraphe", "<p>Trois mots ici.</p>")))

    assert guide.reading_time == 1


def test_guide_reading_time_is_updated_when_the_body_changes(site_tree):
    home, index = site_tree
    guide = GuidePageFactory(parent=index, body=stream(("paragraphe", "<p>Court.</p>")))

    guide.body = stream(("paragraphe", f"<p>{words(2000)}</p>"))
    guide.save_revision().publish()

    guide.refresh_from_db()
    assert guide.reading_time == 10


def test_guide_page_shows_reading_time_and_classification(client, site_tree):
    home, index = site_tree
    guide = GuidePageFactory(
        parent=index,
        title="Rédiger les statuts",
        chapo="Ce qu'il faut écrire dans les statuts d'une association.",
        body=stream(("paragraphe", f"<p>{words(1000)}</p>")),
        domaines=[domaine("juridique-statuts")],
        publics=[public("dirigeants-benevoles"), public("benevoles")],
        niveau="intermediaire",
    )

    response, content = get_page(client, guide)

    assert "5 minutes" in content
    assert markup.texts(response.content, "ressource-header")[0].startswith("Rédiger les statuts")
    assert "Ce qu'il faut écrire dans les statuts d'une association." in content
    assert "Juridique et statuts" in content
    assert "Dirigeants bénévoles, Bénévoles" in content
    assert "Intermédiaire" in content
    assert "Guide pratique" in content
    assert "/fr/domaines/juridique-statuts/" in markup.links(response.content)


def test_guide_page_renders_every_kind_of_block(client, site_tree):
    home, index = site_tree
    document = DocumentFactory(title="Trame de procès-verbal")
    guide = GuidePageFactory(
        parent=index,
        body=stream(
            ("intertitre", "Préparer l'assemblée"),
            ("paragraphe", "<p>Un <b>paragraphe</b> important.</p>"),
            ("etapes", [{"titre": "Convoquer les membres", "texte": "<p>Quinze jours avant.</p>"}]),
            ("checklist", {"titre": "Avant de déposer", "elements": ["Statuts signés"]}),
            ("encadre", {"genre": "attention", "titre": "Délai", "texte": "<p>Trois mois.</p>"}),
            ("faq", [{"question": "Faut-il un capital ?", "reponse": "<p>Non.</p>"}]),
            (
                "temoignage",
                {
                    "citation": "Cela nous a aidés.",
                    "auteur": "Claire",
                    "structure": "Les Jardins partagés",
                },
            ),
            ("document", {"document": document.pk, "libelle": "La trame du PV"}),
        ),
    )

    response, content = get_page(client, guide)

    for text in (
        "Préparer l'assemblée",
        "Un paragraphe important.",
        "Convoquer les membres",
        "Quinze jours avant.",
        "Avant de déposer",
        "Statuts signés",
        "Attention",
        "Trois mois.",
        "Faut-il un capital ?",
        "Cela nous a aidés.",
        "Claire, Les Jardins partagés",
        "La trame du PV",
    ):
        assert text in content, text
    assert "<b>paragraphe</b>" in response.content.decode()
    assert f"/fr/telecharger/{document.pk}/" in markup.links(response.content)


def test_guide_shows_the_related_ressources_chosen_by_the_editor(client, site_tree):
    home, index = site_tree
    rh = domaine("ressources-humaines")
    fiche = ModelePageFactory(parent=index, title="Fiche de poste", domaines=[rh])
    contrat = ModelePageFactory(parent=index, title="Contrat de travail", domaines=[rh])
    GuidePageFactory(parent=index, title="Même domaine, non choisi", domaines=[rh])
    guide = GuidePageFactory(
        parent=index,
        title="Recruter",
        domaines=[rh],
        ressources_liees=related(contrat, fiche),
    )

    response, content = get_page(client, guide)

    assert related_titles(response) == ["Contrat de travail", "Fiche de poste"]


def test_guide_without_chosen_ressources_shows_recent_ones_of_its_domaines(client, site_tree):
    home, index = site_tree
    rh = domaine("ressources-humaines")
    for age, title in enumerate(
        ["RH récente", "RH moins récente", "RH ancienne", "RH très ancienne"]
    ):
        GuidePageFactory(parent=index, title=title, domaines=[rh], age_hours=10 + age)
    GuidePageFactory(parent=index, title="RH brouillon", domaines=[rh], live=False, age_hours=1)
    GuidePageFactory(
        parent=index, title="Autre domaine", domaines=[domaine("numerique")], age_hours=2
    )
    guide = GuidePageFactory(parent=index, title="Recruter", domaines=[rh], age_hours=3)

    response, content = get_page(client, guide)

    assert related_titles(response) == ["RH récente", "RH moins récente", "RH ancienne"]


def test_guide_falls_back_to_its_domaines_when_chosen_ressources_are_unpublished(client, site_tree):
    home, index = site_tree
    rh = domaine("ressources-humaines")
    brouillon = GuidePageFactory(parent=index, title="Brouillon choisi", domaines=[rh], live=False)
    GuidePageFactory(parent=index, title="Publiée du domaine", domaines=[rh])
    guide = GuidePageFactory(
        parent=index, title="Recruter", domaines=[rh], ressources_liees=related(brouillon)
    )

    response, content = get_page(client, guide)

    assert related_titles(response) == ["Publiée du domaine"]


def test_guide_alone_in_its_domaine_shows_no_related_section(client, site_tree):
    home, index = site_tree
    guide = GuidePageFactory(parent=index, domaines=[domaine("economie-circulaire")])

    response, content = get_page(client, guide)

    assert "À lire aussi" not in content


def test_modele_page_shows_format_size_licence_version_and_downloads(client, site_tree):
    home, index = site_tree
    pdf = DocumentFactory(
        title="Statuts (PDF)", file__filename="statuts.pdf", file__data=b"%PDF-1.4\n" + b"x" * 2000
    )
    odt = DocumentFactory(title="Statuts (ODT)", file__filename="statuts.odt")
    RessourceDocument.objects.filter(pk=pdf.pk).update(download_count=5)
    RessourceDocument.objects.filter(pk=odt.pk).update(download_count=2)
    modele = ModelePageFactory(
        parent=index,
        title="Modèle de statuts",
        licence="CC BY 4.0",
        version_date=datetime.date(2025, 3, 12),
        fichiers=[
            ModeleFichier(document=pdf, libelle="Version PDF"),
            ModeleFichier(document=odt),
        ],
    )

    response, content = get_page(client, modele)

    assert "Version PDF" in content
    assert "Statuts (ODT)" in content
    assert f"PDF, {size(pdf)}" in content
    assert f"ODT, {size(odt)}" in content
    assert "CC BY 4.0" in content
    assert "12 mars 2025" in content
    assert markup.texts(response.content, "download-count") == ["Téléchargé 7 fois"]
    hrefs = markup.links(response.content)
    assert f"/fr/telecharger/{pdf.pk}/" in hrefs
    assert f"/fr/telecharger/{odt.pk}/" in hrefs


def test_modele_page_download_count_follows_downloads(client, site_tree):
    home, index = site_tree
    modele = ModelePageFactory(parent=index, title="Convention de bénévolat")
    document = modele.fichiers.first().document

    before = markup.texts(get_page(client, modele)[0].content, "download-count")
    markup.content(client.get(f"/fr/telecharger/{document.pk}/"))
    after = markup.texts(get_page(client, modele)[0].content, "download-count")

    assert before == ["Pas encore téléchargé"]
    assert after == ["Téléchargé 1 fois"]


def test_modele_page_shows_how_to_use_and_adapt_it(client, site_tree):
    home, index = site_tree
    modele = ModelePageFactory(
        parent=index,
        usage="<p>Pour déclarer une association en préfecture.</p>",
        adaptation=stream(("paragraphe", "<p>Remplacez l'objet par le vôtre.</p>")),
    )

    response, content = get_page(client, modele)

    assert "Pour déclarer une association en préfecture." in content
    assert "Remplacez l'objet par le vôtre." in content
    assert "Modèle" in content
