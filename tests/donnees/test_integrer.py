"""The pages partner sites frame (/fr/integrer/ateliers/, /fr/integrer/ressources/) and the
snippet builder (/fr/integrer/), read as a partner's visitor and a partner's webmaster would."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from evenements.models import Inscription
from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests import markup
from tests.factories import (
    AtelierPageFactory,
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    StructureFactory,
    build_site_tree,
    domaine,
    in_days,
)

pytestmark = pytest.mark.django_db

SECRET = "Zorglubium"
INSCRITE = ("Hortense Quidam-Secrète", "hortense.secrete@asso.example")
ATELIERS, RESSOURCES = "/fr/integrer/ateliers/", "/fr/integrer/ressources/"
STYLE = Path(settings.BASE_DIR) / "templates/donnees/integrer/style.css"


@pytest.fixture(scope="module")
def contenus(module_transaction):
    """Three upcoming public workshops, three public ressources, and what must never show."""
    with module_transaction.unblock():
        home, index = build_site_tree()
        agenda, fiches = get_or_create_agenda(home), get_or_create_fiche_index(home)
        rh, statuts = [domaine("ressources-humaines")], [domaine("juridique-statuts")]
        lyon = AtelierPageFactory(
            parent=agenda, title="Recruter à Lyon", format="presentiel", debut=in_days(5)
        )
        visio = AtelierPageFactory(
            parent=agenda, title="Statuts en visio", domaines=statuts, capacite=1
        )
        AtelierPageFactory(
            parent=agenda,
            title="Bénévolat à Paris",
            format="hybride",
            departement="75",
            debut=in_days(9, hour=9),
        )
        for atelier, (nom, email) in [(lyon, INSCRITE), (visio, ("Léon Autre", "leon@a.example"))]:
            Inscription.objects.create(
                atelier=atelier, statut=Inscription.Statut.CONFIRMEE, nom=nom, email=email
            )
        guide = GuidePageFactory(parent=index, title="Rédiger ses statuts", age_hours=5)
        ModelePageFactory(
            parent=index, title="Fiche de poste", domaines=rh, with_file=False, age_hours=3
        )
        fiche = FichePageFactory(
            parent=fiches,
            title="Notre premier salarié",
            structure=StructureFactory(nom="Asso du Quartier"),
            age_hours=1,
        )
        hidden(agenda, index, fiches, fiche)
        return {"agenda": agenda, "index": index, "fiches": fiches, "guide": guide}


def hidden(agenda, index, fiches, fiche):
    """A word that only unpublished, private, cancelled or past content holds."""
    AtelierPageFactory(parent=agenda, title=f"Brouillon {SECRET}", brouillon=True)
    AtelierPageFactory(parent=agenda, title=f"Annulé {SECRET}", annule=True)
    AtelierPageFactory(parent=agenda, title=f"Passé {SECRET}", debut=in_days(-3))
    AtelierPageFactory(parent=agenda, title=f"Retiré {SECRET}").unpublish()
    prive = AtelierPageFactory(parent=agenda, title=f"Réservé {SECRET}")
    PageViewRestriction.objects.create(page=prive, restriction_type="login")
    GuidePageFactory(parent=index, title=f"Guide brouillon {SECRET}", live=False, age_hours=0)
    prive = GuidePageFactory(parent=index, title=f"Guide réservé {SECRET}", age_hours=0)
    PageViewRestriction.objects.create(page=prive, restriction_type="login")
    FichePageFactory(parent=fiches, title=f"Fiche en modération {SECRET}", live=False)
    fiche.title = f"Nouveau titre en modération {SECRET}"
    fiche.save_revision()


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response, markup.soup(response.content)


def titles(soup):
    """The items' titles, without the « (nouvelle fenêtre) » every link ends with."""
    found = []
    for link in soup.select("li h2 a"):
        link.select_one(".nf").extract()
        found.append(link.get_text(strip=True))
    return found


def assert_standalone_and_framable(response, soup):
    assert soup.html["lang"] == "fr"
    assert not soup.select("script, header, nav, footer, link[rel=stylesheet], form")
    for link in soup.select("a"):
        assert (link["target"], link["rel"]) == ("_blank", "noopener")
        assert link.select_one(".nf").get_text(strip=True) == "(nouvelle fenêtre)"
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]
    assert response["Cache-Control"] in {"public, max-age=300", "max-age=300, public"}
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_the_workshops_embed_lists_the_next_public_ones_with_date_place_and_seats(client, contenus):
    response, soup = page(client, ATELIERS)

    assert_standalone_and_framable(response, soup)
    assert soup.title.get_text() == "Prochains ateliers – Entraide"
    assert soup.h1.get_text() == "Prochains ateliers"
    assert titles(soup) == ["Statuts en visio", "Recruter à Lyon", "Bénévolat à Paris"]
    items = [markup.text(str(item)) for item in soup.select("li")]
    assert "de 18:00 à 20:00" in items[0] and "En ligne" in items[0]
    assert "Complet : liste d'attente" in items[0]
    assert "Rhône" in items[1] and "9 places libres" in items[1]
    # the hour set in Paris time, shown in Paris time
    assert "de 09:00 à 11:00" in items[2] and "75 – Paris ou en ligne" in items[2]
    assert soup.select_one(".suite a")["href"] == contenus["agenda"].url
    assert len(response.content) < 15_000


@pytest.mark.parametrize(
    ("query", "expected", "heading", "agenda_query"),
    [
        (
            "departement=69",
            ["Recruter à Lyon"],
            "Prochains ateliers – Rhône (69)",
            "?departement=69",
        ),
        (
            "domaine=juridique-statuts&nombre=1",
            ["Statuts en visio"],
            "Prochains ateliers – {juridique}",
            "?domaine=juridique-statuts",
        ),
        (
            "departement=2a&domaine=",
            [],
            "Prochains ateliers – Corse-du-Sud (2A)",
            "?departement=2A",
        ),
        ("nombre=2", ["Statuts en visio", "Recruter à Lyon"], "Prochains ateliers", ""),
    ],
)
def test_the_workshops_embed_filters_and_links_to_the_agenda_filtered_alike(
    client, contenus, query, expected, heading, agenda_query
):
    _, soup = page(client, f"{ATELIERS}?{query}")

    assert titles(soup) == expected
    assert soup.h1.get_text() == heading.format(juridique=domaine("juridique-statuts").nom)
    assert soup.select_one(".suite a")["href"] == contenus["agenda"].url + agenda_query
    if not expected:
        assert "Aucun atelier à venir pour le moment." in markup.text(str(soup))


def test_the_ressources_embed_lists_the_latest_of_a_domaine_or_a_type(client, contenus):
    response, soup = page(client, RESSOURCES)

    assert_standalone_and_framable(response, soup)
    assert titles(soup) == ["Notre premier salarié", "Fiche de poste", "Rédiger ses statuts"]
    fiche = markup.text(str(soup.select("li")[0]))
    assert "Fiche pratique · Par Asso du Quartier · Mis à jour le" in fiche
    assert soup.select_one(".suite a")["href"] == contenus["index"].url

    _, soup = page(client, f"{RESSOURCES}?domaine=ressources-humaines&type=modele")
    assert titles(soup) == ["Fiche de poste"]
    assert soup.h1.get_text() == (
        f"Dernières ressources – Modèles – {domaine('ressources-humaines').nom}"
    )
    assert soup.select_one(".suite a")["href"] == "/fr/domaines/ressources-humaines/?type=modele"

    _, soup = page(client, f"{RESSOURCES}?type=guide&nombre=20")
    assert titles(soup) == ["Rédiger ses statuts"]
    assert soup.select_one(".suite a")["href"] == contenus["index"].url + "?type=guide"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (f"{ATELIERS}?departement=99", "Département inconnu : 99."),
        (f"{ATELIERS}?domaine=inconnu", "Domaine inconnu : inconnu."),
        (f"{ATELIERS}?nombre=0", "« nombre » doit être un nombre entier de 1 à 20"),
        (f"{ATELIERS}?nombre=21", "il vaut « 21 »"),
        (f"{ATELIERS}?nombre=%C2%B2", "il vaut « ² »"),
        (f"{ATELIERS}?type=guide", "Paramètre inconnu : « type »."),
        (f"{ATELIERS}?departement=69&departement=75", "« departement » ne peut être donné"),
        (f"{RESSOURCES}?type=atelier", "Type de contenu inconnu : atelier."),
        (f"{RESSOURCES}?departement=69", "Paramètres possibles : domaine, type, nombre."),
        (f"{RESSOURCES}?domaine=a%00b", "Domaine inconnu : a"),
        ("/en/integrer/ressources/?domaine=inconnu", "Unknown domain: inconnu."),
    ],
)
def test_a_parameter_the_embed_does_not_accept_is_a_400_that_says_which(
    client, contenus, url, message
):
    response, soup = page(client, url, status=400)

    assert message in markup.text(str(soup))
    assert not soup.select("script, header, nav")
    assert soup.select_one(".suite a")["href"].endswith("/integrer/")
    assert "X-Frame-Options" not in response  # shown in the partner's frame, to its webmaster


def test_nothing_unpublished_private_or_personal_is_ever_embedded(client, contenus):
    urls = [
        ATELIERS,
        f"{ATELIERS}?nombre=20",
        f"{ATELIERS}?domaine=ressources-humaines&nombre=20",
        f"{ATELIERS}?departement=69&nombre=20",
        f"{RESSOURCES}?nombre=20",
        f"{RESSOURCES}?type=fiche&nombre=20",
        f"{RESSOURCES}?type=guide&domaine=juridique-statuts&nombre=20",
        "/fr/integrer/?quoi=ateliers&nombre=20",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for word in (SECRET, *INSCRITE, "visio.entraide.example"):
            assert word not in response.text, (url, word)
    assert "Notre premier salarié" in client.get(RESSOURCES).text


def test_only_the_embeds_may_be_framed(client, contenus, settings):
    for url in ["/fr/", "/fr/integrer/", contenus["agenda"].url, contenus["guide"].url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url

    settings.INTEGRER_ORIGINES_AUTORISEES = ["https://cress.example", "https://fede.example"]
    for url in [ATELIERS, f"{RESSOURCES}?type=oups"]:
        policy = client.get(url)["Content-Security-Policy"]
        assert "frame-ancestors https://cress.example https://fede.example" in policy
        assert "default-src 'none'" in policy


def add_items(contenus, count):
    for number in range(count):
        AtelierPageFactory(parent=contenus["agenda"], format="presentiel", capacite=number + 1)
        factory = FichePageFactory if number % 2 else GuidePageFactory
        factory(parent=contenus["fiches" if number % 2 else "index"], age_hours=10 + number)


def queries_and_size(client, url):
    client.get(url)  # warms the caches a partner's first visitor fills
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content), len(titles(markup.soup(response.content)))


def test_an_embed_runs_the_same_queries_for_3_and_8_items_and_stays_light_at_20(client, contenus):
    urls = [f"{ATELIERS}?nombre=20", f"{RESSOURCES}?nombre=20"]
    few = [queries_and_size(client, url) for url in urls]
    add_items(contenus, 5)
    many = [queries_and_size(client, url) for url in urls]

    for (queries, size, items), (more_queries, more_size, more_items) in zip(
        few, many, strict=True
    ):
        assert (items, more_items) == (3, 8)
        assert queries == more_queries
        # what 20 items would weigh, from what each of these 5 added
        assert size + (more_size - size) / 5 * 17 < 15_000


def test_the_builder_gives_the_snippet_to_paste_and_a_preview(client, contenus):
    response, soup = page(client, "/fr/integrer/")
    assert response["X-Frame-Options"] == "DENY"
    assert soup.select_one("form")["method"] == "get"
    assert not soup.select("textarea")
    assert soup.select_one('a[href="/fr/flux/types/atelier/"]')

    _, soup = page(
        client, "/fr/integrer/?quoi=ateliers&departement=69&domaine=&type=guide&nombre=3"
    )
    code = soup.select_one("textarea#extrait").get_text()
    (iframe,) = markup.soup(code).select("iframe")
    assert iframe["src"] == "http://testserver/fr/integrer/ateliers/?departement=69&nombre=3"
    assert iframe["title"] == "Prochains ateliers – Rhône (69) (Entraide)"
    assert (iframe["width"], iframe["loading"]) == ("100%", "lazy")
    assert int(iframe["height"]) > 300
    assert soup.select_one(".apercu iframe")["src"] == iframe["src"]

    _, soup = page(client, "/fr/integrer/?quoi=ressources&domaine=juridique-statuts&nombre=21")
    assert not soup.select("textarea")
    assert soup.select(".has-error")


def test_the_open_data_page_section_leads_to_the_builder_and_the_feeds():
    section = markup.soup(render_to_string("donnees/ouvertes/integrer.html")).section

    assert section.h2.get_text() == "Sur votre site : ateliers et ressources"
    assert {link["href"] for link in section.select("a")} == {
        "/fr/integrer/",
        "/fr/flux/types/atelier/",
        "/fr/flux/ressources/",
    }


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    light, dark = sorted([luminance(one), luminance(other)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_embeds_colours_are_readable():
    colours = {
        name: value if len(value) == 7 else "#" + "".join(c * 2 for c in value[1:])
        for name, value in re.findall(r"--([a-z-]+):(#[0-9a-f]{3,6})", STYLE.read_text())
    }
    for text, background in [
        ("texte", "fond"),
        ("discret", "fond"),
        ("lien", "fond"),
        ("badge", "badge-fond"),
        ("complet", "complet-fond"),
    ]:
        assert contrast(colours[text], colours[background]) >= 4.5, (text, background)
    assert contrast(colours["focus"], colours["fond"]) >= 3
    assert not re.search(r"width:\s*[0-9]{3,}px", STYLE.read_text())  # readable from 280 px
