"""/fr/recherche/ as a visitor reads it: the results with their type, domaines, date and the
searched words marked, the facets to narrow them, the sort, the pages, the help when nothing
or only part of the words is found, and what an empty search offers instead."""

import re
from datetime import timedelta

import pytest
from django.utils import formats, timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from inventaire.models import RechercheDuJour
from search.models import Entree
from tests import markup
from tests.evenements.helpers import in_days
from tests.search import corpus

pytestmark = pytest.mark.django_db

URL = "/fr/recherche/"


@pytest.fixture(scope="module")
def contenu(module_transaction):
    with module_transaction.unblock():
        return corpus.build()


def page(client, path=URL, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def results(html):
    """The HTML of each result, in the order shown."""
    return re.findall(r'<article class="resultat.*?</article>', html, re.S)


def result_titles(html):
    return markup.texts(html, "resultat__titre")


def result_slugs(html):
    """The slugs of the pages the results lead to, in the order shown."""
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links(html, "resultat__lien")]


def result(html, slug):
    """The HTML of the result leading to the page ``slug``."""
    found = [one for one in results(html) if f'/{slug}/"' in one]
    assert len(found) == 1, result_slugs(html)
    return found[0]


def links(html, css_class=None):
    """Every link (its attributes and its ``text``, whitespace collapsed), in page order."""
    found = markup.soup(html).select(f"a.{css_class}" if css_class else "a")
    return [{**a.attrs, "text": " ".join(a.get_text().split())} for a in found]


def link(html, text, css_class=None):
    """The one link whose text starts with ``text``."""
    found = [a for a in links(html, css_class) if a["text"].startswith(text)]
    assert len(found) == 1, [a["text"] for a in links(html, css_class)]
    return found[0]


def follow(client, href):
    """A link of the search page: a query string, or a path."""
    return page(client, URL + href if href.startswith("?") else href)


def shown_date(value, fmt="DATE_FORMAT"):
    return formats.date_format(timezone.localtime(value), fmt)


# The results


def test_a_result_shows_its_type_title_snippet_domaines_and_date(contenu, client):
    html = page(client, q="statuts")
    first = result(html, "statuts")
    entree = Entree.objects.get(page__slug="statuts")

    assert markup.result_count(html) == "3 résultats pour « statuts »"
    assert set(result_slugs(html)) == {"statuts", "fiche-statuts", "atelier-statuts"}
    assert markup.texts(first, "resultat__titre") == ["Rédiger les statuts d'une association"]
    assert markup.texts(first, "resultat__type") == ["Guide pratique"]
    assert "<mark>statuts</mark>" in first
    assert markup.texts(first, "resultat__extrait") == [
        "Objet, siège, gouvernance : ce que les statuts doivent prévoir."
    ]
    assert markup.texts(first, "resultat__domaines") == [
        "Juridique et statuts Gouvernance et vie associative"
    ]
    assert markup.texts(first, "resultat__date") == [f"Mis à jour le {shown_date(entree.date)}"]


def test_the_searched_words_are_marked_in_titles_and_snippets(contenu, client):
    first = result(page(client, q="bénévole"), "benevoles")

    assert "Accueillir des <mark>bénévoles</mark>" in first
    assert "Les premières semaines d&#x27;un <mark>bénévole</mark>." in first


def test_a_title_is_shown_whole_with_the_searched_words_marked(contenu, client):
    html = result(page(client, q="recrutement"), "fiche-recrutement")

    assert markup.texts(html, "resultat__titre") == ["Notre premier recrutement en CDI"]
    assert "Notre premier <mark>recrutement</mark> en CDI" in html


def test_a_workshop_shows_when_it_starts(contenu, client):
    html = page(client, q="statuts", type="atelier")
    debut = in_days(5, hour=14)

    assert result_slugs(html) == ["atelier-statuts"]
    assert markup.texts(html, "resultat__type") == ["Atelier"]
    assert markup.texts(html, "resultat__date") == [
        f"Atelier le {shown_date(debut)} à {shown_date(debut, 'TIME_FORMAT')}"
    ]
    assert shown_date(debut, "TIME_FORMAT") == "14:00"


def test_a_fiche_shows_its_structure_and_departement(contenu, client):
    html = page(client, q="recrutement", type="fiche")

    assert result_slugs(html) == ["fiche-recrutement"]
    assert markup.texts(html, "resultat__structure") == ["Par La Ressourcerie du Rhône"]
    assert markup.texts(html, "resultat__lieu") == ["Rhône (69)"]


def test_the_result_count_is_announced_and_the_query_kept_in_the_box(contenu, client):
    html = page(client, q="recrutement")

    count = [p for p in markup.elements(html, "p") if p.get("class") == "result-count"]
    assert count == [{"class": "result-count", "role": "status"}]
    assert markup.result_count(html) == "2 résultats pour « recrutement »"
    boxes = [i for i in markup.elements(html, "input") if i.get("id") == "recherche-page"]
    assert boxes[0]["value"] == "recrutement"


def test_headings_follow_each_other_without_skipping_a_level(contenu, client):
    SearchPromotion.objects.create(
        query=Query.get("statuts"),
        page=Entree.objects.get(page__slug="plan-tresorerie").page,
        sort_order=0,
    )
    html = page(client, q="statuts")
    headings = markup.soup(html).select("h1, h2, h3, h4, h5, h6")
    levels = [int(heading.name[1]) for heading in headings]

    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


# Editors' picks


def test_the_teams_picks_come_first_with_their_description(contenu, client):
    SearchPromotion.objects.create(
        query=Query.get("statuts"),
        page=Entree.objects.get(page__slug="plan-tresorerie").page,
        sort_order=0,
        description="Avant de rédiger vos statuts, faites vos comptes.",
    )

    html = page(client, q="Statuts")

    assert "Sélection de l'équipe" in markup.texts(html, "selection")[0]
    assert markup.texts(html, "selection__titre") == ["Trésorerie : le plan de trésorerie"]
    assert markup.texts(html, "selection__description") == [
        "Avant de rédiger vos statuts, faites vos comptes."
    ]
    assert link(html, "Trésorerie : le plan")["href"] == "/fr/ressources/plan-tresorerie/"
    assert "Trésorerie : le plan de trésorerie" not in result_titles(html)


def test_a_pick_is_shown_even_when_it_was_the_only_match(contenu, client):
    SearchPromotion.objects.create(
        query=Query.get("annuels"),
        page=Entree.objects.get(page__slug="comptes-annuels").page,
        sort_order=0,
    )

    html = page(client, q="annuels")

    assert markup.texts(html, "selection__titre") == ["Les comptes annuels"]
    assert link(html, "Les comptes annuels")["href"] == "/fr/ressources/comptes-annuels/"
    assert not results(html)


# Facets


def test_facets_link_to_each_value_with_its_count(contenu, client):
    html = page(client, q="recrutement")

    assert markup.texts(html, "facette__titre") == [
        "Type de ressource",
        "Domaine",
        "Public",
        "Territoire",
    ]
    assert set(markup.texts(html, "facette__lien")) == {
        "Guide pratique 1 résultat",
        "Fiche pratique 1 résultat",
        "Ressources humaines 2 résultats",
        "Dirigeants bénévoles 1 résultat",
        "Rhône (69) 1 résultat",
    }
    assert link(html, "Fiche pratique", "facette__lien")["href"] == "?q=recrutement&type=fiche"
    assert link(html, "Rhône", "facette__lien")["href"] == "?q=recrutement&departement=69"


def test_a_chosen_facet_is_shown_and_can_be_removed(contenu, client):
    html = page(client, q="recrutement", type="fiche", tri="date")

    assert result_slugs(html) == ["fiche-recrutement"]
    chosen = link(html, "Fiche pratique", "facette__lien")
    assert chosen["aria-current"] == "true"
    assert chosen["text"] == "Fiche pratique – filtre actif, retirer 1 résultat"
    chip = link(html, "Fiche pratique", "puce")
    assert chip["text"] == "Fiche pratique – retirer ce filtre×"  # the cross is aria-hidden
    assert chip["href"] == chosen["href"] == "?q=recrutement&tri=date"
    assert link(html, "Effacer les filtres")["href"] == "?q=recrutement&tri=date"

    after = follow(client, chip["href"])

    assert set(result_slugs(after)) == {"premier-salarie", "fiche-recrutement"}
    assert not links(after, "puce")
    assert "Effacer les filtres" not in markup.text(after)


def test_two_facets_combine_and_clear_together(contenu, client):
    html = page(client, q="recrutement", domaine="ressources-humaines", departement="69")

    assert result_slugs(html) == ["fiche-recrutement"]
    assert [a["text"] for a in links(html, "puce")] == [
        "Ressources humaines – retirer ce filtre×",
        "Rhône (69) – retirer ce filtre×",
    ]
    assert link(html, "Ressources humaines", "puce")["href"] == "?q=recrutement&departement=69"
    assert link(html, "Effacer les filtres")["href"] == "?q=recrutement"


def test_filters_that_match_nothing_say_how_to_get_results_back(contenu, client):
    html = page(client, q="statuts", domaine="numerique")

    assert markup.result_count(html) == "Aucun résultat pour « statuts »"
    assert link(html, "cherchez sans filtre")["href"] == "?q=statuts"
    assert not markup.texts(html, "facettes")


# Sort and pages


def test_sorting_by_date_puts_the_latest_first(contenu, client):
    by_relevance = page(client, q="trésorerie")
    by_date = follow(client, link(by_relevance, "date")["href"])

    assert result_slugs(by_relevance) == ["plan-tresorerie", "comptes-annuels"]
    assert result_slugs(by_date) == ["comptes-annuels", "plan-tresorerie"]
    assert link(by_relevance, "pertinence").get("aria-current") == "true"
    assert link(by_date, "date").get("aria-current") == "true"
    assert "aria-current" not in link(by_date, "pertinence")


def test_pages_keep_the_query_the_filters_and_the_sort(contenu, client):
    html = page(client, q="budget", domaine="financement-modele-economique", tri="date")

    assert markup.result_count(html) == "12 résultats pour « budget », page 1 sur 2"
    assert len(results(html)) == 10
    next_page = link(html, "Page suivante")["href"]
    assert next_page == "?q=budget&domaine=financement-modele-economique&tri=date&page=2"

    second = follow(client, next_page)

    assert markup.result_count(second) == "12 résultats pour « budget », page 2 sur 2"
    assert result_slugs(second) == ["budget-11", "budget-12"]
    assert 'start="11"' in second
    # Choosing a facet or a sort goes back to the first page.
    assert link(second, "pertinence")["href"] == "?q=budget&domaine=financement-modele-economique"
    assert "page=" not in link(second, "Financement", "puce")["href"]


# When words are missing or misspelt


def test_results_with_only_some_of_the_words_are_announced_as_such(contenu, client):
    html = page(client, q="bénévoles photosynthèse")

    assert result_slugs(html)[0] == "benevoles"
    assert markup.texts(html, "recherche__partiel") == [
        "Aucun résultat ne contient tous vos mots ; voici ceux qui en contiennent une partie."
    ]
    assert not markup.texts(page(client, q="bénévoles"), "recherche__partiel")


def test_a_few_results_with_every_word_come_first_then_those_with_some(contenu, client):
    """Fewer than a handful of results have every word: those come first, and the results
    with only some of the words follow, ranked, announced as such."""
    html = page(client, q="bénévoles accueillir")

    assert result_slugs(html)[0] == "benevoles"
    assert len(result_slugs(html)) > 1
    assert markup.texts(html, "recherche__partiel") == [
        "Un seul résultat contient tous vos mots ; ceux qui suivent en contiennent une partie."
    ]


def test_when_nothing_is_found_the_other_language_is_offered(contenu, client):
    html = page(client, q="writing")

    assert markup.result_count(html) == "Aucun résultat pour « writing »"
    assert markup.texts(html, "recherche__ailleurs") == ["1 résultat en anglais : le voir."]
    offer = link(html, "le voir")
    assert offer["hreflang"] == "en"
    assert result_slugs(follow(client, offer["href"])) == ["writing-articles"]
    assert not markup.texts(page(client, q="photosynthèse"), "recherche__ailleurs")


def test_a_query_too_long_is_cut_and_says_so(contenu, client):
    html = page(client, q="statuts " + "association " * 40)

    assert markup.texts(html, "recherche__coupee") == [
        "Votre recherche était trop longue : seuls ses 200 premiers caractères ont été cherchés."
    ]
    assert result_slugs(html)
    assert not markup.texts(page(client, q="statuts"), "recherche__coupee")


def test_a_typo_shows_the_results_of_its_correction_and_says_so(contenu, client):
    html = page(client, q="benevolles acueil")

    assert markup.texts(html, "recherche__correction") == [
        "Aucun résultat pour « benevolles acueil » : voici les résultats pour "
        "« bénévoles accueillir »."
    ]
    assert markup.result_count(html).endswith("pour « bénévoles accueillir »")
    assert result_slugs(html)[0] == "benevoles"


def test_nothing_found_gives_tips_not_an_empty_page(contenu, client):
    html = page(client, q="photosynthèse")
    text = markup.text(html)

    assert markup.result_count(html) == "Aucun résultat pour « photosynthèse »"
    assert "Vouliez-vous dire" not in text
    assert "vérifiez l'orthographe" in text
    assert "par domaine" in text
    assert not results(html)
    assert "Affiner la recherche" not in text


# An empty search


def test_an_empty_search_offers_popular_searches_and_the_domaines(contenu, client):
    today = timezone.localdate()
    fr, en = (Locale.objects.get(language_code=code) for code in ("fr", "en"))
    for requete, nombre, resultats in [("statuts", 9, 4), ("budget", 3, 12), ("zzz", 20, 0)]:
        RechercheDuJour.objects.create(
            jour=today, locale=fr, requete=requete, nombre=nombre, resultats=resultats
        )
    RechercheDuJour.objects.create(
        jour=today - timedelta(days=1), locale=en, requete="articles", nombre=50, resultats=1
    )

    html = page(client)

    assert markup.result_count(html) is None
    populaires = markup.soup(html).select(".recherches-populaires a")
    assert [(a.get_text(strip=True), a["href"]) for a in populaires] == [
        ("statuts", "/fr/recherche/?q=statuts"),
        ("budget", "/fr/recherche/?q=budget"),
    ]
    tiles = markup.texts(html, "domaine-tile")
    assert "Juridique et statuts 2 ressources" in tiles  # the statuts guide and fiche
    assert "Financement et modèle économique 13 ressources" in tiles  # budgets, the dossier
    assert not any(tile.startswith("Alimentation durable") for tile in tiles)  # nothing in it
    assert link(html, "Juridique et statuts", "domaine-tile")["href"] == (
        "/fr/domaines/juridique-statuts/"
    )


# In English


def test_the_english_search_page_shows_english_content_only(contenu, client):
    found = markup.soup(page(client, "/en/recherche/", q="articles"))
    for french in found.select(".recherche__langue-source"):  # few results: French ones follow
        french.decompose()
    html = str(found)

    assert result_slugs(html) == ["writing-articles"]
    assert result_titles(html) == ["Writing articles of association"]
    assert link(html, "Writing articles")["href"] == "/en/ressources/writing-articles/"
    assert markup.texts(html, "resultat__domaines") == [
        "Legal and articles of association Governance and membership"
    ]
    # French content shows only below, labelled (tests/ressources/test_langue_anglaise.py).
    french = markup.soup(page(client, "/en/recherche/", q="recrutement")).select("a.resultat__lien")
    assert french
    assert all(a.find_parent(class_="recherche__langue-source") for a in french)

    empty = page(client, "/en/recherche/")
    tiles = markup.texts(empty, "domaine-tile")
    assert [tile.rsplit(" ", 2)[0] for tile in tiles] == [
        "Legal and articles of association",
        "Governance and membership",
    ]


# The search boxes, with and without JavaScript


def test_the_search_boxes_submit_without_javascript_and_offer_suggestions_with_it(contenu, client):
    html = page(client, q="statuts")
    forms = [f for f in markup.elements(html, "form") if f.get("role") == "search"]
    boxes = {i["id"]: i for i in markup.elements(html, "input") if i.get("name") == "q"}
    scripts = [s for s in markup.elements(html, "script") if "recherche" in s.get("src", "")]

    assert [f["action"] for f in forms] == [URL, URL]
    assert set(boxes) == {"recherche-entete", "recherche-page"}
    assert {box["data-suggestions-url"] for box in boxes.values()} == {"/fr/recherche/suggestions/"}
    assert not any("role" in box for box in boxes.values())  # the script adds the combobox
    assert scripts == [
        {
            "src": "/static/js/recherche.js",
            "defer": "",
            "data-liste": "Suggestions",
            "data-une": "1 suggestion : flèches haut et bas pour la choisir, Entrée pour l’ouvrir.",
            "data-plusieurs": (
                "{n} suggestions : flèches haut et bas pour les parcourir, Entrée pour ouvrir."
            ),
            "data-aucune": "Aucune suggestion.",
        }
    ]
