"""Contributors' text cannot tie up the server: every field a contributor or a visitor fills
is bounded, with a message that says the limit and the length typed; a fiche's Markdown is
rendered once per revision, never when a visitor reads it; previews are counted per person;
and the worst inputs known for markdown-it-py and linkify-it render, at the bound, in a time
proportional to a plain text of the same length."""

import time
import types

import django_ratelimit.core
import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from fiches import rendering
from fiches.forms import FicheForm
from fiches.models import FichePage
from fiches.views import contributions
from structures.forms import AdhesionForm, StructureForm
from structures.models import Adhesion, Structure
from tests import markup
from tests.factories import StructureFactory
from tests.fiches.helpers import (
    contributor,
    draft,
    fiche_data,
    logged_in,
    page_text,
    proposer_url,
    published,
)

pytestmark = pytest.mark.django_db

#: A page of what contributors really write: paragraphs, a list, bold, italics, links.
PLAIN = (
    "Nous avons **réuni le bureau** un soir de septembre pour parler de la première paie. "
    "Le trésorier avait lu le guide de l'[Urssaf](https://www.urssaf.fr) et la fiche "
    "*chèque emploi associatif*.\n\n"
    "- Adhérer au service d'aide en ligne\n"
    "- Déclarer l'embauche avant le premier jour (DPAE)\n"
    "- Garder une copie de chaque bulletin, voir https://www.cea.urssaf.fr\n\n"
)

#: Inputs that make markdown-it-py or linkify-it work hard, each repeated to the bound.
#: Before the fix, at 8,000 characters: « |www.a » took 8 s (linkify-it's regular
#: expression for addresses without scheme), « a:// » 0.6 s and « https://a.b/|c » 0.25 s
#: (both quadratic), against 0.01 s for the plain page.
PATHOLOGICAL = {
    "star runs": "*",
    "emphasis openers": "*a",
    "underscores": "_a",
    "emphasis and strong": "*a **a ",
    "mixed delimiters": "_*",
    "open brackets": "[",
    "brackets after text": "~[",
    "image openers": "![",
    "unclosed links": "[a](",
    "angle brackets": "<",
    "unclosed autolinks": "<http://a",
    "backticks": "`a``",
    "entities": "&#",
    "backslashes": "\\",
    "line breaks": "a\n",
    "schemes between spaces": "a:// ",
    "schemes in one word": "https://a.b/|c",
    "addresses without scheme": "|www.a",
    "accented addresses": "|www.é",
    "e-mail bait": "|a.b@c",
    "parentheses in addresses": "http://a/(",
    "domain bait": "a.fr ",
}
MAX_RATIO = 30


def repeated(unit, length):
    return (unit * (length // len(unit) + 1))[:length]


def nested_list(length):
    return "".join(" " * (2 * depth) + "- a\n" for depth in range(length))[:length]


def nested_links(length):
    return ("[" * (length // 5) + "a" + "](b)" * (length // 5))[:length]


def bound(field):
    """The longest text a contributor may write in one of a fiche's texts."""
    return FichePage._meta.get_field(field).max_length


def longest_bound():
    return max(bound(field) for field in FichePage.TEXTS)


def render_time(text, rounds):
    best = float("inf")
    for _round in range(rounds):
        start = time.perf_counter()
        rendering.to_html(text)
        best = min(best, time.perf_counter() - start)
    return best


def ratio_to_plain(text, plain, rounds):
    """Render time of ``text`` over that of ``plain``, the best of ``rounds`` each, measured
    in turn so that a busy machine slows both alike."""
    times = {"text": float("inf"), "plain": float("inf")}
    for _round in range(rounds):
        times["plain"] = min(times["plain"], render_time(plain, 1))
        times["text"] = min(times["text"], render_time(text, 1))
    return times["text"] / times["plain"]


# Every field is bounded, and says so


def public_forms(user):
    return {
        "fiche": FicheForm(user=user),
        "structure": StructureForm(),
        "adhésion": AdhesionForm(),
    }


def test_every_text_field_a_contributor_or_visitor_fills_is_bounded(claire):
    unbounded, without_maxlength = [], []
    for name, form in public_forms(claire).items():
        for field in form.visible_fields():
            if field.name == getattr(form, "HONEYPOT", None):
                continue  # filled by robots only, and refused whatever it holds
            if isinstance(field.field, forms.CharField):
                if not field.field.max_length:
                    unbounded.append(f"{name}.{field.name}")
                elif f'maxlength="{field.field.max_length}"' not in str(field):
                    without_maxlength.append(f"{name}.{field.name}")

    assert unbounded == []
    assert without_maxlength == []


def too_long(limit):
    return f"Ce texte est trop long : {limit + 1} caractères pour {limit} au plus."


def one_too_many(unit, limit):
    """A text one character over ``limit``, that stays so once its spaces are trimmed."""
    return repeated(unit, limit) + "!"


@pytest.mark.parametrize(
    "field", ["title", "chapo", "situation", "etapes", "reussites", "pieges", "liens"]
)
def test_a_fiche_text_over_its_limit_comes_back_with_the_limit_and_its_length(
    client, claire, asso, field
):
    limit = FicheForm(user=claire).fields[field].max_length
    typed = one_too_many("Une phrase de la fiche. ", limit)
    client.force_login(claire)

    response = client.post(proposer_url(), fiche_data(asso, enregistrer="", **{field: typed}))

    assert response.status_code == 200
    assert too_long(limit) in markup.text(response.content)
    assert response.context["form"][field].value() == typed
    assert not FichePage.objects.exists()


@pytest.mark.parametrize("field", ["nom", "description"])
def test_a_structure_field_over_its_limit_comes_back_with_the_limit_and_its_length(
    client, claire, field
):
    limit = StructureForm().fields[field].max_length
    data = {
        "nom": "Les Amis du Jardin",
        "type_structure": "association",
        "departement": "69",
        field: one_too_many("Jardin partagé ", limit),
    }
    client.force_login(claire)

    response = client.post(reverse("structure_nouvelle"), data)

    assert response.status_code == 200
    assert too_long(limit) in markup.text(response.content)
    assert not Structure.objects.exists()


def test_a_join_request_over_its_limit_comes_back_with_the_message_typed(client, claire):
    jardin = StructureFactory(nom="Les Jardins du quartier")
    message = one_too_many("Je tiens l'atelier vélo. ", 500)
    client.force_login(claire)

    response = client.post(reverse("structure_rejoindre", args=[jardin.slug]), {"message": message})

    assert response.status_code == 200
    assert too_long(500) in markup.text(response.content)
    assert response.context["form"]["message"].value() == message
    assert not Adhesion.objects.exists()


def test_line_breaks_count_once_as_the_browser_counts_them(client, claire, asso):
    limit = bound("etapes")
    lines = repeated("- Une étape\n", limit)  # what the browser lets through « maxlength »
    client.force_login(claire)

    response = client.post(
        proposer_url(),
        fiche_data(asso, enregistrer="", etapes=lines.replace("\n", "\r\n")),
    )

    assert response.status_code == 302
    assert FichePage.objects.get().etapes == lines.strip()


# Rendering in linear time


def test_no_known_worst_input_renders_much_slower_than_a_plain_page_of_its_length():
    length = longest_bound()
    plain = repeated(PLAIN, length)
    inputs = {name: repeated(unit, length) for name, unit in PATHOLOGICAL.items()}
    inputs["nested lists"] = nested_list(length)
    inputs["nested links"] = nested_links(length)

    ratios = {name: ratio_to_plain(text, plain, rounds=1) for name, text in inputs.items()}
    # Measured again, longer, before blaming an input on one slow moment of a busy machine.
    slow = {
        name: ratio_to_plain(inputs[name], plain, rounds=5)
        for name, ratio in ratios.items()
        if ratio > MAX_RATIO
    }

    assert {name: round(ratio) for name, ratio in slow.items() if ratio > MAX_RATIO} == {}


def test_finding_addresses_stays_linear_far_beyond_the_bound():
    """The bound keeps a quadratic rendering to a fraction of a second; finding addresses is
    kept linear besides (markdown-it-py's inline rule off, linkify-it's reading bounded)."""
    length = 4 * longest_bound()
    plain = repeated(PLAIN, length)
    link_bait = ["schemes between spaces", "schemes in one word", "addresses without scheme"]

    ratios = {
        name: ratio_to_plain(repeated(PATHOLOGICAL[name], length), plain, rounds=2)
        for name in link_bait
    }

    assert {name: round(ratio) for name, ratio in ratios.items() if ratio > MAX_RATIO} == {}


def test_addresses_with_their_scheme_and_e_mails_become_links_the_others_stay_text():
    links = {
        "Voir https://www.cea.urssaf.fr pour adhérer.": ["https://www.cea.urssaf.fr"],
        "Écrire à tresorier@asso.fr": ["mailto:tresorier@asso.fr"],
        "Le [guide](https://www.urssaf.fr/guide)": ["https://www.urssaf.fr/guide"],
        "<https://exemple.org/statuts>": ["https://exemple.org/statuts"],
        "Sans protocole : www.exemple.org": [],
    }

    assert {text: markup.links(rendering.to_html(text)) for text in links} == links


def test_an_address_longer_than_the_bound_is_a_link_up_to_the_bound():
    address = "https://exemple.org/" + "a" * 3 * rendering.MAX_URL_LENGTH

    [link] = markup.links(rendering.to_html(address))

    assert address.startswith(link)
    assert rendering.MAX_URL_LENGTH <= len(link) <= rendering.MAX_URL_LENGTH + len("https:")


# Rendered once per revision


def worst_fiche_texts():
    """Every text of a fiche at its bound, with the inputs that were slowest to render."""
    return {
        "situation": repeated("|www.a", bound("situation")),
        "etapes": repeated("[", bound("etapes")),
        "reussites": repeated("a:// ", bound("reussites")),
        "pieges": repeated("https://a.b/|c", bound("pieges")),
        "liens": repeated("http://a/(", bound("liens")),
    }


@pytest.fixture
def count_renders(monkeypatch):
    """The texts markdown-it-py renders from now on."""
    calls = []
    render = rendering._markdown.render

    def counted(text, *args, **kwargs):
        calls.append(text)
        return render(text, *args, **kwargs)

    monkeypatch.setattr(rendering._markdown, "render", counted)
    return calls


def test_an_approved_fiche_with_the_worst_texts_is_served_without_rendering_it_again(
    asso, claire, count_renders
):
    """Serving an approved fiche renders no Markdown: its texts were rendered once, with the
    revision, so the worst texts cost a visitor what plain ones cost (no timing measured here:
    the renders are counted)."""
    worst = published(asso, claire, title="Fiche piège", **worst_fiche_texts())
    plain = published(
        asso,
        claire,
        title="Fiche ordinaire",
        **{field: repeated(PLAIN, bound(field)) for field in FichePage.TEXTS},
    )
    visitor = Client()
    count_renders.clear()

    for url in (plain.url, worst.url, worst.url):
        assert visitor.get(url).status_code == 200

    assert count_renders == []


def test_a_published_fiche_keeps_its_text_rendered_with_it(asso, claire, count_renders):
    fiche = published(asso, claire, etapes="- **Adhérer** au service\n- Déclarer l'embauche")
    count_renders.clear()

    html = Client().get(fiche.url).content

    assert b"<li><strong>Adh\xc3\xa9rer</strong> au service</li>" in html
    assert count_renders == []


def test_kept_html_is_served_only_while_it_is_that_of_the_text(asso, claire, count_renders):
    fiche = published(asso, claire, etapes="L'ancienne étape.")
    count_renders.clear()
    assert "L'ancienne étape." in page_text(Client(), fiche.url)
    assert count_renders == []

    FichePage.objects.filter(pk=fiche.pk).update(etapes="La nouvelle étape.")
    changed = page_text(Client(), fiche.url)
    FichePage.objects.filter(pk=fiche.pk).update(rendered_texts={})  # saved before this was kept
    never_kept = page_text(Client(), fiche.url)

    assert "La nouvelle étape." in changed and "L'ancienne étape." not in changed
    assert "La nouvelle étape." in never_kept


def test_each_revision_keeps_its_own_rendering(asso, claire, count_renders):
    fiche = published(asso, claire, situation="Le texte **relu**.")
    author = logged_in(claire)
    author.post(
        reverse("fiche_modifier", args=[fiche.pk]),
        fiche_data(asso, situation="Le texte **corrigé**.", enregistrer=""),
    )
    count_renders.clear()

    preview = author.get(reverse("fiche_apercu", args=[fiche.pk])).content.decode()
    public = Client().get(fiche.url).content.decode()

    assert "Le texte <strong>corrigé</strong>." in preview and "relu" not in preview
    assert "Le texte <strong>relu</strong>." in public and "corrigé" not in public
    assert count_renders == []


# Previews counted per person


@pytest.fixture
def frozen_rate_limit_clock(monkeypatch):
    """django-ratelimit counts in fixed windows: keep all requests of a test in one."""
    monkeypatch.setattr(
        django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1_800_000_000)
    )


TOO_MANY_PREVIEWS = "Trop d'aperçus en peu de temps : réessayez dans une heure."


def test_previews_beyond_the_hourly_limit_are_refused_with_a_message(
    asso, claire, frozen_rate_limit_clock, monkeypatch
):
    monkeypatch.setattr(contributions, "PREVIEWS_PER_HOUR", "3/h")
    fiche = draft(asso, claire)
    author = logged_in(claire)
    apercu = reverse("fiche_apercu", args=[fiche.pk])
    for _preview in range(3):
        assert "Aperçu :" in page_text(author, apercu)

    response = author.get(apercu, follow=True)

    assert response.redirect_chain == [(reverse("mon_espace"), 302)]
    assert TOO_MANY_PREVIEWS in markup.text(response.content)
    ines = contributor()
    asso.adhesions.create(user=ines, statut="acceptee")
    assert "Aperçu :" in page_text(logged_in(ines), apercu)  # counted per person


TOO_MANY_SAVES = "Trop d'enregistrements en peu de temps"


def test_saves_beyond_the_hourly_limit_keep_the_text_and_say_when_to_save_again(
    asso, claire, frozen_rate_limit_clock, monkeypatch
):
    monkeypatch.setattr(contributions, "SAVES_PER_HOUR", "2/h")
    fiche = draft(asso, claire)
    author = logged_in(claire)
    url = reverse("fiche_modifier", args=[fiche.pk])
    revisions = fiche.revisions.count()
    for number in range(2):
        data = fiche_data(asso, enregistrer="", situation=f"Version {number}")
        assert author.post(url, data).status_code == 302

    response = author.post(url, fiche_data(asso, enregistrer="", situation="Version gardée"))

    assert response.status_code == 200
    assert TOO_MANY_SAVES in markup.text(response.content)
    assert "Version gardée" in response.content.decode()
    assert fiche.revisions.count() == revisions + 2
