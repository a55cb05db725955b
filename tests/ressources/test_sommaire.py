"""The « Sommaire » of a long guide (ressources/sommaire.py): when a guide gets one, the ids of its
headings (stable, unique, clear of the page's own), and the page a reader gets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from ressources import sommaire
from ressources.blocks import GuideBodyBlock
from tests import markup
from tests.factories import GuidePageFactory, stream

WORDS = "Un paragraphe de dix mots pour bien mesurer la longueur. "


def body(headings, words):
    """A guide body: ``headings`` intertitres, ``words`` words of text shared between them."""
    per_part = words // 10 // max(headings, 1)
    blocks = [("paragraphe", f"<p>{WORDS * (words // 10 - per_part * headings)}</p>")]
    for number in range(1, headings + 1):
        blocks.append(("intertitre", f"Partie {number}"))
        blocks.append(("paragraphe", f"<p>{WORDS * per_part}</p>"))
    return GuideBodyBlock().to_python([{"type": kind, "value": value} for kind, value in blocks])


@pytest.mark.parametrize(
    ("headings", "words", "shown"),
    [
        (0, 3000, False),  # nothing to link to
        (1, 3000, False),  # a sommaire of one entry
        (2, 300, False),  # two short parts: one screen or two
        (3, 440, False),
        (2, 460, True),  # over three phone screens
        (4, 100, True),  # four parts make a long page
    ],
)
def test_a_guide_gets_a_sommaire_when_longer_than_three_screens(headings, words, shown):
    found = sommaire.du_corps(body(headings, words))
    assert found.visible is shown
    assert [entree.titre for entree in found.entrees] == [
        f"Partie {number}" for number in range(1, headings + 1)
    ]


def test_heading_ids_are_stable_unique_and_clear_of_the_pages_own():
    titles = ["Les statuts", "Contenu", "Les statuts", "€ ?", "Les statuts"]
    assert sommaire.ancres(titles) == [
        "partie-les-statuts",
        "partie-contenu",  # never « contenu », the skip link's target
        "partie-les-statuts-2",
        "partie-4",
        "partie-les-statuts-3",
    ]
    assert sommaire.ancres(titles) == sommaire.ancres(list(titles))


def long_guide(index, headings, slug):
    parts = [("paragraphe", "<p>Pour commencer.</p>")]
    for number in range(1, headings + 1):
        parts += [("intertitre", f"Étape {number} : préparer"), ("paragraphe", f"<p>{WORDS}</p>")]
    return GuidePageFactory(parent=index, slug=slug, body=stream(*parts))


@pytest.mark.django_db
def test_the_sommaire_links_to_every_heading_with_the_same_queries_for_4_or_8(client, site_tree):
    _home, index = site_tree
    short = GuidePageFactory(
        parent=index,
        slug="court",
        body=stream(("intertitre", "Seul"), ("paragraphe", "<p>Bref.</p>")),
    )
    counts = {}
    for headings in (4, 8):
        guide = long_guide(index, headings, slug=f"guide-{headings}")
        client.get(guide.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(guide.url)
        counts[headings] = len(queries)
        page = markup.soup(response.content)
        nav = page.select_one("main nav.sommaire")
        assert nav and page.find(id=nav["aria-labelledby"]).get_text(strip=True) == "Sommaire"
        targets = [link["href"].removeprefix("#") for link in nav.select("a")]
        headings_ids = [h2["id"] for h2 in page.select(".ressource__body h2")]
        assert targets == headings_ids and len(targets) == headings
        assert targets[0] == "partie-etape-1-preparer"
        all_ids = [element["id"] for element in page.select("[id]")]
        assert len(all_ids) == len(set(all_ids)), "an id is used twice"
    assert counts[4] == counts[8]

    page = markup.soup(client.get(short.url).content)
    assert page.select_one("nav.sommaire") is None
    assert page.select_one(".ressource__body h2")["id"] == "partie-seul"


@pytest.mark.django_db
def test_the_sommaire_shows_only_the_live_public_headings(client, site_tree):
    """A heading in a draft revision or in a private guide never reaches a reader."""
    _home, index = site_tree
    secret = "Zorglub"
    guide = long_guide(index, 4, slug="public")
    draft = guide.get_latest_revision_as_object()
    draft.body = stream(*[("intertitre", f"{secret} {number}") for number in range(1, 6)])
    draft.save_revision()  # a draft of a live page
    private = long_guide(index, 4, slug="prive")
    private.body = stream(*[("intertitre", f"{secret} privé {number}") for number in range(1, 6)])
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    for url in (guide.url, private.url):
        response = client.get(url, follow=True)
        assert secret not in response.content.decode(), url
    page = markup.soup(client.get(guide.url).content)
    assert len(page.select("nav.sommaire a")) == 4
