"""schema.org JSON-LD on every page type, read as a search engine reads it: expanded by a
JSON-LD processor, with the properties each type needs, a breadcrumb trail everywhere, and
nothing that is not public."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from fiches.services import get_or_create_fiche_index
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
    stream,
)
from tests.ressources.json_ld_helpers import expanded, trail, value, values

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

HOST = "http://testserver"
SECRET = "zorglubinette"  # the unique word that must never be published


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def test_home_page_is_a_website_with_its_search(client, site_tree):
    home, _index = site_tree
    nodes = expanded(get(client, "/fr/"))

    (site,) = nodes["WebSite"]
    assert value(site, "url") == HOST + "/fr/"
    assert value(site, "name") == home.title
    assert value(site, "inLanguage") == "fr"
    (action,) = values(site, "potentialAction")
    assert action["@type"] == ["https://schema.org/SearchAction"]
    (target,) = values(action, "target")
    template = value(target, "urlTemplate")
    assert template == HOST + "/fr/recherche/?q={search_term_string}"
    assert trail(get(client, "/fr/")) == [("Accueil", HOST + "/fr/")]


def test_a_guide_with_steps_is_a_howto_in_order(client, site_tree):
    _home, index = site_tree
    guide = GuidePageFactory(
        parent=index,
        title="Créer une association",
        slug="creer",
        body=stream(
            ("paragraphe", "<p>Avant tout.</p>"),
            (
                "etapes",
                [
                    {"titre": "Réunir les fondateurs", "texte": "<p>Au moins <b>deux</b>.</p>"},
                    {"titre": "Rédiger les statuts", "texte": ""},
                ],
            ),
        ),
    )
    html = get(client, guide.url)
    (howto,) = expanded(html)["HowTo"]

    assert value(howto, "name") == "Créer une association"
    assert value(howto, "url") == HOST + guide.url
    assert value(howto, "inLanguage") == "fr"
    published = datetime.datetime.fromisoformat(value(howto, "datePublished"))
    assert published == guide.first_published_at
    assert datetime.datetime.fromisoformat(value(howto, "dateModified"))
    steps = sorted(values(howto, "step"), key=lambda step: value(step, "position"))
    assert [value(step, "name") for step in steps] == [
        "Réunir les fondateurs",
        "Rédiger les statuts",
    ]
    assert value(steps[0], "text") == "Au moins deux."
    assert trail(html) == [
        ("Accueil", HOST + "/fr/"),
        ("Ressources", HOST + "/fr/ressources/"),
        ("Créer une association", HOST + guide.url),
    ]


def test_a_guide_without_steps_is_an_article(client, site_tree):
    _home, index = site_tree
    guide = GuidePageFactory(parent=index, title="Le mécénat")
    (article,) = expanded(get(client, guide.url))["Article"]

    assert value(article, "headline") == "Le mécénat"
    assert value(article, "url") == HOST + guide.url
    assert value(value(article, "author"), "name") == "Entraide"
    assert value(article, "datePublished") and value(article, "dateModified")


def test_a_modele_is_a_digital_document_with_licence_and_formats(client, site_tree):
    _home, index = site_tree
    modele = ModelePageFactory(parent=index, title="Statuts types", licence="CC BY-SA 4.0")
    (document,) = expanded(get(client, modele.url))["DigitalDocument"]

    assert value(document, "name") == "Statuts types"
    assert value(document, "license") == "https://creativecommons.org/licenses/by-sa/4.0/"
    odt = "application/vnd.oasis.opendocument.text"
    assert values(document, "encodingFormat") == [odt]
    (fichier,) = values(document, "associatedMedia")
    assert value(fichier, "encodingFormat") == odt
    assert value(fichier, "contentUrl").startswith(HOST + "/")


def test_a_fiche_is_an_article_by_its_structure(client, site_tree):
    home, _index = site_tree
    structure = StructureFactory(nom="La Ressourcerie", site_web="https://ressourcerie.example")
    fiche = FichePageFactory(
        parent=get_or_create_fiche_index(home), structure=structure, title="Notre AG"
    )
    (article,) = expanded(get(client, fiche.url))["Article"]

    assert value(article, "headline") == "Notre AG"
    author = value(article, "author")
    assert author["@type"] == ["https://schema.org/Organization"]
    assert value(author, "name") == "La Ressourcerie"
    assert value(author, "url") == HOST + structure.get_absolute_url()


def test_a_structure_page_is_an_organization_with_public_fields_only(client, site_tree):
    membre = UserFactory(email=f"{SECRET}@asso.example")
    structure = StructureFactory(
        nom="Les Jardins",
        departement="69",
        site_web="https://jardins.example",
        siret="732829320",
        membres=[membre],
    )
    html = get(client, structure.get_absolute_url())
    (organisation,) = expanded(html)["Organization"]

    assert value(organisation, "name") == "Les Jardins"
    assert value(organisation, "url") == HOST + structure.get_absolute_url()
    assert value(organisation, "sameAs") == "https://jardins.example"
    assert value(value(organisation, "address"), "addressRegion").endswith("Rhône")
    assert "732829320" not in str(organisation) and SECRET not in str(organisation)
    assert [name for name, _url in trail(html)] == ["Accueil", "Structures", "Les Jardins"]


def all_json_ld(client, urls):
    return "".join(str(expanded(get(client, url))) for url in urls)


def test_nothing_unpublished_private_or_personal_is_in_any_json_ld(client, site_tree):
    home, index = site_tree
    fiches = get_or_create_fiche_index(home)
    membre = UserFactory(email=f"{SECRET}@asso.example", first_name=SECRET)
    structure = StructureFactory(nom="Asso publique", membres=[membre])
    guide = GuidePageFactory(parent=index, title="Guide publié")
    guide.title = f"Guide {SECRET}"
    guide.save_revision()  # a draft revision of a live page
    fiche = FichePageFactory(parent=fiches, structure=structure, title="Fiche publiée")
    fiche.chapo = SECRET
    fiche.save_revision()  # a change waiting for moderation
    FichePageFactory(parent=fiches, structure=structure, title=f"Fiche {SECRET}", live=False)
    prive = GuidePageFactory(parent=index, title=f"Privé {SECRET}")
    PageViewRestriction.objects.create(page=prive, restriction_type="login")

    urls = ["/fr/", index.url, fiches.url, guide.url, fiche.url, "/fr/domaines/"]
    urls += ["/fr/domaines/juridique-statuts/", "/fr/structures/"]
    urls += [structure.get_absolute_url()]
    published = all_json_ld(client, urls)
    assert "Guide publié" in published and "Fiche publiée" in published
    assert SECRET not in published


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


def test_listing_json_ld_adds_no_query_per_item(client, subtests):
    home, index = build_site_tree()
    fiches = get_or_create_fiche_index(home)
    urls = [fiches.url, "/fr/structures/", index.url]

    def add(count):
        for _number in range(count):
            FichePageFactory(parent=fiches)
            ModelePageFactory(parent=index)

    add(3)
    with_3 = {url: query_count(client, url) for url in urls}
    add(9)
    for url in urls:
        with subtests.test(url=url):
            assert "BreadcrumbList" in str(expanded(get(client, url)))
            assert query_count(client, url) == with_3[url]
