"""Every form of the site, ours and django-allauth's, read as its HTML (issue 13, items 21–23):
required fields marked before anyone submits, and after a failed submit a page titled « Erreur »
whose error summary links each error to its invalid field, help texts and errors tied to their
input by ids that point at text; the sign-up's honeypot is the site's own; search landmarks have
distinct names; a favicon. What only a browser shows (focus, colours, axe-core) is in
tests/test_accessibilite_browser.py."""

from collections import Counter

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests.evenements.helpers import atelier
from tests.factories import (
    AnnonceFactory,
    ConversationFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
)
from tests.fiches.helpers import proposer_url

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

User = get_user_model()
PASSWORD = "Jardin-partage-2026!"


@pytest.fixture(scope="module", autouse=True)
def site(module_transaction):
    """A home page with its fiches and workshops, an open workshop, and a contributor with a
    confirmed address and a structure."""
    with module_transaction.unblock():
        home, _index = build_site_tree()
        get_or_create_fiche_index(home)
        workshop = atelier(get_or_create_agenda(home), slug="atelier-ouvert")
        user = UserFactory(email="claire@asso-quartier.example", password=PASSWORD)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        velo = StructureFactory(nom="Vélo solidaire", membres=[user])
        AnnonceFactory(pk=1)
        # Vélo solidaire's annonces: one answered (its outcome), one to withdraw.
        ConversationFactory(pk=1, annonce=AnnonceFactory(pk=2, structure=velo))
        AnnonceFactory(pk=3, structure=velo)
        return {"atelier": workshop, "user": user}


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def visitor(site, logged_in):
    client = Client()
    if logged_in:
        client.force_login(site["user"])
    return client


# Each form: how to reach it, and what a failed submit sends (empty fields, the submit button).
FORMS = {
    "connexion": ("account_login", False, {}),
    "création de compte": ("account_signup", False, {}),
    "mot de passe oublié": ("account_reset_password", False, {}),
    "changement de mot de passe": ("account_change_password", True, {}),
    "adresse e-mail": ("account_email", True, {"action_add": ""}),
    "structure": ("structure_nouvelle", True, {"nom": ""}),
    "fiche": (proposer_url, True, {"soumettre": ""}),
    "alerte": (lambda: reverse("alertes:creer") + "?quoi=ateliers", False, {}),
    "annonce": ("annonce_nouvelle", True, {"soumettre": ""}),
    "signaler une annonce": (lambda: reverse("annonce_signaler", args=[1]), False, {}),
    "issue d'un échange": (lambda: reverse("conversation_issue", args=[1]), True, {}),
    "retirer une annonce": (lambda: reverse("annonce_retirer", args=[3]), True, {"question": "1"}),
}


def url_of(target):
    """A form's address: its URL name, or a function giving a page route."""
    return target() if callable(target) else reverse(target)


def workshop_forms(site, client):
    """The forms of a workshop page (registration, « Renvoyer mon lien »…): their addresses."""
    html = page(client.get(site["atelier"].url))
    return [form["action"].split("#")[0] for form in html.select("main form[method=post]")]


def failed_submits(site):
    """(label, response) of every form sent empty."""
    for label, (target, logged_in, data) in FORMS.items():
        client = visitor(site, logged_in)
        yield label, client.post(url_of(target), data)
    client = visitor(site, False)
    for number, action in enumerate(workshop_forms(site, client), 1):
        yield f"atelier, formulaire {number}", client.post(action, {})


def described_by_problems(html, label):
    """Every id named by aria-describedby or aria-labelledby is on the page, with text."""
    problems = []
    for element in html.select("[aria-describedby], [aria-labelledby]"):
        for attribute in ("aria-describedby", "aria-labelledby"):
            for target_id in element.get(attribute, "").split():
                target = html.find(id=target_id)
                if target is None or not text(target):
                    problems.append(f"{label}: {attribute}={target_id} points at no text")
    duplicates = [i for i, n in Counter(e["id"] for e in html.select("[id]")).items() if n > 1]
    if duplicates:
        problems.append(f"{label}: ids used twice: {duplicates}")
    return problems


def error_state_problems(response, label):
    """A failed submit: the form again (200), titled « Erreur », with a summary listing each
    error as a link to the invalid field it concerns, and every invalid field linked."""
    if response.status_code != 200:
        return [f"{label}: status {response.status_code} instead of the form again"]
    html = page(response)
    problems = described_by_problems(html, label)
    if not html.title.string.strip().startswith("Erreur :"):
        problems.append(f"{label}: title « {html.title.string.strip()} »")
    summary = html.select_one("[data-resume-erreurs]")
    if summary is None or summary.get("tabindex") != "-1":
        return problems + [f"{label}: no error summary that can take the focus"]
    linked = set()
    for link in summary.select("a[href^='#']"):
        target = html.find(id=link["href"][1:])
        if target is None or target.get("aria-invalid") != "true":
            problems.append(f"{label}: the summary's link {link['href']} leads to no invalid field")
        else:
            linked.add(target.get("name"))
    invalid = {field.get("name") for field in html.select("main [aria-invalid=true]")}
    if invalid - linked:
        problems.append(f"{label}: invalid fields missing from the summary: {invalid - linked}")
    if not summary.select("li"):
        problems.append(f"{label}: an empty summary")
    return problems


def test_every_form_sent_with_errors_is_titled_erreur_and_links_each_error_to_its_field(site):
    problems = []
    for label, response in failed_submits(site):
        problems += error_state_problems(response, label)

    assert not problems, "\n".join(problems)


def test_every_form_marks_its_required_fields_before_anyone_submits(site):
    problems = []
    for label, (target, logged_in, _data) in FORMS.items():
        html = page(visitor(site, logged_in).get(url_of(target)))
        problems += described_by_problems(html, label)
        for field in html.select("main form [required]"):
            labels = html.select(f"label[for='{field['id']}']")
            if not labels or "(obligatoire)" not in text(labels[0]):
                problems.append(f"{label}: {field['name']} is required, its label does not say")
        for field in html.select("main form input:not([required]):not([type=hidden])"):
            labels = html.select(f"label[for='{field.get('id')}']")
            if labels and "(obligatoire)" in text(labels[0]):
                problems.append(f"{label}: {field['name']} is optional, its label says required")

    assert not problems, "\n".join(problems)


def test_fiche_form_says_domaines_are_required_in_the_legend_of_their_group(site):
    html = page(visitor(site, True).get(proposer_url()))

    legends = {
        text(fieldset.legend): fieldset
        for fieldset in html.select("fieldset")
        if fieldset.select("input[type=checkbox]") and fieldset.legend
    }
    assert "Domaines (obligatoire)" in legends
    assert "Publics" in legends
    domaines = legends["Domaines (obligatoire)"]
    assert {box["name"] for box in domaines.select("input[type=checkbox]")} == {"domaines"}


def test_sign_up_honeypot_is_the_sites_labelled_one_kept_out_of_sight_and_of_the_keyboard():
    html = page(Client().get(reverse("account_signup")))

    field = html.find("input", attrs={"name": "site_internet"})
    assert field["autocomplete"] == "off"
    assert field["tabindex"] == "-1"
    assert "style" not in field.attrs  # allauth's made the page 100,000 px wide
    assert text(html.find("label", attrs={"for": field["id"]})) == "Laissez ce champ vide"
    wrapper = field.find_parent(class_="honeypot")
    assert wrapper is not None and wrapper["aria-hidden"] == "true"


def test_sign_up_with_the_honeypot_filled_is_refused_and_creates_nothing():
    response = Client().post(
        reverse("account_signup"),
        {
            "email": "robot@spam.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "site_internet": "https://spam.example",
        },
    )

    assert response.status_code == 200
    assert "Le formulaire n'a pas pu être envoyé." in text(page(response).main)
    assert not User.objects.filter(email="robot@spam.example").exists()
    assert mail.outbox == []


SEARCH_PAGES = {
    "accueil": "/fr/",
    "recherche": "/fr/recherche/?q=statuts",
    "ressources sans résultat": "/fr/ressources/?type=guide",
    "structures": "/fr/structures/",
    "404": "/fr/cette-page-n-existe-pas/",
}


def landmark_name(html, form):
    if form.get("aria-label"):
        return form["aria-label"]
    targets = [html.find(id=i) for i in form.get("aria-labelledby", "").split()]
    return " ".join(text(target) for target in targets if target is not None)


@pytest.mark.parametrize("url", SEARCH_PAGES.values(), ids=SEARCH_PAGES.keys())
def test_each_search_landmark_of_a_page_has_its_own_name(url):
    html = page(Client().get(url))

    names = [landmark_name(html, form) for form in html.select("[role=search]")]
    assert len(names) >= 2, names  # the header's box and the page's own
    assert all(names), names
    assert len(set(names)) == len(names), names


STANDALONE_PAGES = {"500.html": {}, "413.html": {"taille": 60_000_000, "maximum": 51_000_000}}


@pytest.mark.parametrize("template", [None, *STANDALONE_PAGES])
def test_every_page_links_a_favicon_that_the_site_serves(template):
    """The site's pages, and the error pages that stand alone (no database, no session)."""
    if template is None:
        html = page(Client().get("/fr/"))
    else:
        html = BeautifulSoup(render_to_string(template, STANDALONE_PAGES[template]), "html.parser")

    icons = html.select("link[rel~=icon]")
    assert {icon.get("type") for icon in icons} >= {"image/svg+xml", "image/png"}
    for icon in icons + html.select("link[rel=apple-touch-icon]"):
        path = icon["href"].removeprefix("/static/")
        assert finders.find(path), icon["href"]


def test_a_page_without_a_form_error_is_not_titled_erreur_nor_gets_a_csrf_cookie():
    """The title's check looks at the page's forms without waking the lazy CSRF token."""
    response = Client().get("/fr/")

    assert not page(response).title.string.strip().startswith("Erreur")
    assert "csrftoken" not in response.cookies
