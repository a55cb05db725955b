"""« Me prévenir »: an alert made from a listing's address, confirmed (at once signed in, by a
signed link otherwise), sent as a digest of what is new and matches it, once per period, and
undone in one click. The site is built once for the module."""

import io
import json
import re
import types
from datetime import timedelta

import django_ratelimit.core
import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from alertes import comptes, services, views
from alertes.models import Alerte, Frequence
from evenements.models import AtelierPage
from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from search import indexation
from tests import markup
from tests.evenements.helpers import atelier, in_days
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
    domaine,
)

pytestmark = pytest.mark.django_db

SECRET = "motsecretalerte"
GOUVERNANCE = "gouvernance-vie-associative"
CREER = "/fr/alertes/creer/"


def _guide(index, title, slug, minutes_ago, **fields):
    when = timezone.now() - timedelta(minutes=minutes_ago)
    return GuidePageFactory(
        parent=index,
        title=title,
        domaines=[domaine(slug)],
        first_published_at=when,
        last_published_at=when,
        **fields,
    )


@pytest.fixture(scope="module")
def site(module_transaction):
    """Old and new pages of several kinds; what must never be sent (a draft, a private page,
    a fiche in moderation, all new and matching) carries ``SECRET``."""
    with module_transaction.unblock():
        home, index = build_site_tree()
        fiches, agenda = get_or_create_fiche_index(home), get_or_create_agenda(home)
        _guide(index, "Gouvernance : le guide ancien", GOUVERNANCE, 48 * 60)
        _guide(index, "Gouvernance : le guide nouveau", GOUVERNANCE, 10)
        _guide(index, "Statuts : un guide nouveau", "juridique-statuts", 10)
        _guide(index, f"Gouvernance {SECRET} brouillon", GOUVERNANCE, 10, live=False)
        prive = _guide(index, f"Gouvernance {SECRET} privée", GOUVERNANCE, 10)
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        rennes = StructureFactory(nom="Asso de Rennes", departement="35")
        now = timezone.now() - timedelta(minutes=5)
        FichePageFactory(parent=fiches, title="Fiche de Rennes", structure=rennes,
                         first_published_at=now, last_published_at=now)  # fmt: skip
        FichePageFactory(parent=fiches, title=f"Fiche {SECRET}", structure=rennes, live=False,
                         first_published_at=now, last_published_at=now)  # fmt: skip
        atelier(agenda, title="Atelier nouveau à Lyon", format="presentiel", debut=in_days(5))
        ancien = atelier(agenda, title="Atelier ancien à Lyon", format="presentiel")
        AtelierPage.objects.filter(pk=ancien.pk).update(
            first_published_at=timezone.now() - timedelta(days=3)
        )
        atelier(agenda, title="Atelier en visio", format="distance")
        indexation.synchroniser_tout()
        return {"home": home, "index": index, "fiches": fiches, "agenda": agenda}


def _alerte(quoi, criteres, email="lectrice@asso.example", frequence=Frequence.HEBDOMADAIRE):
    alerte, _created = services.creer(quoi, criteres, quoi, email, frequence, "fr")
    services.confirmer(alerte)
    Alerte.objects.filter(pk=alerte.pk).update(envoyee_jusqu_a=timezone.now() - timedelta(hours=1))
    return alerte


def _lien(message, chemin):
    return re.search(rf"http://testserver(/fr/alertes/{chemin}/[^/\s]+/)", message.body)[1]


def test_an_anonymous_alert_waits_for_its_signed_confirmation(site, client):
    query = f"?quoi=ressources&domaine={GOUVERNANCE}&type=guide&page=2&tri=az"
    page = client.get(CREER + query)
    assert page.status_code == 200
    assert "Ressources — Gouvernance et vie associative, Guide pratique" in markup.text(
        page.content
    )

    for _twice in range(2):
        sent = client.post(
            CREER + query, {"email": "Nouvelle@Asso.example", "frequence": "quotidienne"}
        )
        assert sent.status_code == 302 and sent["Location"] == "/fr/alertes/verifiez/"
    [alerte] = Alerte.objects.all()  # same address and query twice: one alert
    assert (alerte.email, alerte.confirmee) == ("nouvelle@asso.example", False)
    assert alerte.criteres == {"domaine": [GOUVERNANCE], "type": ["guide"]}
    assert len(mail.outbox) == 2 and mail.outbox[0].to == ["nouvelle@asso.example"]

    call_command("envoyer_alertes", "--frequence", "quotidienne", stdout=io.StringIO())
    assert len(mail.outbox) == 2  # unconfirmed: nothing sent

    lien = _lien(mail.outbox[0], "confirmer")
    assert client.get(lien[:-3] + "xx/").status_code == 400
    assert "Confirmer mon alerte" in markup.text(client.get(lien).content)
    assert Alerte.objects.get().confirmee is False  # a GET (a mail scanner) confirms nothing
    confirmed = client.post(lien)
    assert "Votre alerte est active" in markup.text(confirmed.content)
    assert Alerte.objects.get().confirmee


def test_unconfirmed_alerts_are_deleted_after_three_days(site):
    alerte, _created = services.creer("fiches", {}, "Fiches", "x@asso.example", "quotidienne", "fr")
    Alerte.objects.filter(pk=alerte.pk).update(created_at=timezone.now() - timedelta(days=4))
    assert services.nettoyer() == 1


def test_a_signed_in_person_confirms_in_one_step_and_manages_their_alerts(site, client):
    user = UserFactory(email="membre@asso.example")
    EmailAddress.objects.create(user=user, email="autre@asso.example", verified=True)
    client.force_login(user)
    response = client.post(CREER + "?quoi=ateliers&departement=69", {"frequence": "quotidienne"})
    assert response.status_code == 302 and response["Location"] == "/fr/ateliers/?departement=69"
    alerte = Alerte.objects.get()
    assert (alerte.user, alerte.email, alerte.confirmee) == (user, "membre@asso.example", True)
    assert not mail.outbox
    ailleurs = _alerte("fiches", {}, email="autre@asso.example")
    _alerte("fiches", {}, email="quelquun@autre.example")

    assert set(comptes.alertes_de(user)) == {alerte, ailleurs}
    fragment = Template("{% include 'alertes/mes_alertes.html' %}").render(
        Context({"alertes": comptes.alertes_de(user), "csrf_token": "x"})
    )
    assert "Ateliers — Rhône (69)" in fragment
    client.post(f"/fr/alertes/{alerte.pk}/frequence/", {"frequence": "hebdomadaire"})
    assert Alerte.objects.get(pk=alerte.pk).frequence == "hebdomadaire"
    other = Alerte.objects.get(email="quelquun@autre.example")
    assert client.post(f"/fr/alertes/{other.pk}/supprimer/").status_code == 404
    exported = json.loads(json.dumps(comptes.donnees_personnelles(user)))
    assert {item["email"] for item in exported} == {"membre@asso.example", "autre@asso.example"}
    assert comptes.supprimer_pour(user) == 2
    assert list(Alerte.objects.all()) == [other]


def test_a_digest_lists_only_new_matching_public_items_once_per_period(site, client):
    alertes = {
        "ressources": _alerte("ressources", {"domaine": [GOUVERNANCE]}),
        "fiches": _alerte("fiches", {"departement": ["35"]}),
        "ateliers": _alerte("ateliers", {"departement": ["69"]}),
        "recherche": _alerte("recherche", {"q": ["gouvernance"]}),
        "rien": _alerte("ressources", {"domaine": ["numerique"]}),
        "chaque jour": _alerte("fiches", {}, frequence=Frequence.QUOTIDIENNE),
    }
    for _twice in range(2):
        out = io.StringIO()
        call_command("envoyer_alertes", "--frequence", "hebdomadaire", stdout=out)
    assert out.getvalue().startswith("0 alerte(s) hebdomadaire")  # the second run: none due

    assert len(mail.outbox) == 4  # not the one with nothing new, nor the daily one, nor twice
    by_subject = {message.subject: message for message in mail.outbox}
    titles = {
        subject: re.findall(r"^- (.+?) \(", message.body, re.M)
        for subject, message in by_subject.items()
    }
    assert titles == {
        "[Entraide] 1 nouveauté : ressources": ["Gouvernance : le guide nouveau"],
        "[Entraide] 1 nouveauté : fiches": ["Fiche de Rennes"],
        "[Entraide] 1 nouveauté : ateliers": ["Atelier nouveau à Lyon"],
        "[Entraide] 1 nouveauté : recherche": ["Gouvernance : le guide nouveau"],
    }
    ateliers = by_subject["[Entraide] 1 nouveauté : ateliers"]
    assert "Atelier nouveau à Lyon (Atelier, le " in ateliers.body
    assert all(SECRET not in message.body for message in mail.outbox)
    message = by_subject["[Entraide] 1 nouveauté : ressources"]
    desabonner = _lien(message, "desabonner")
    assert message.extra_headers == {
        "List-Unsubscribe": f"<http://testserver{desabonner}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert "http://testserver/fr/ressources/gouvernance-le-guide-nouveau/" in message.body
    assert services.envoyer(alertes["ressources"].pk, services.periode("hebdomadaire")) is None


def test_unsubscribe_by_signed_link_and_by_one_click_post(site, client):
    premiere, seconde = _alerte("fiches", {}), _alerte("ateliers", {})
    services.envoyer_nouveautes(premiere, [])
    services.envoyer_nouveautes(seconde, [])
    lien, one_click = (_lien(message, "desabonner") for message in mail.outbox)

    assert client.get(lien[:-4] + "abc/").status_code == 400
    page = client.get(lien)
    assert "Me désabonner" in markup.text(page.content) and "no-store" in page["Cache-Control"]
    assert client.post(lien).status_code == 200
    assert client.get(lien).status_code == 404  # gone: says so, no error
    rfc8058 = client.post(
        one_click, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert rfc8058.status_code == 200
    assert not Alerte.objects.exists()
    assert client.post(one_click).status_code == 200  # a second click: already done


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?quoi=tout",
        "?quoi=ressources&inconnu=1",
        "?quoi=ressources&domaine=nulle-part",
        "?quoi=fiches&departement=99",
        "?quoi=ateliers&format=fusee",
        "?quoi=recherche",
        "?quoi=recherche&q=statuts&domaine=a%00b",
        "?quoi=recherche&q=statuts&type=podcast",
        "?quoi=ressources&niveau=%00",
    ],
)
def test_parameters_an_alert_cannot_be_made_of_are_a_clear_400(site, client, query):
    for url in (CREER, "/fr/alertes/flux/"):
        response = client.get(url + query)
        assert response.status_code == 400, url
        assert response.content


def _queries(client, url):
    client.get(url)  # warms the caches a first request fills
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_the_feed_of_a_query_shows_its_public_items_in_constant_queries(site, client):
    flux = "/fr/alertes/flux/?quoi=ressources&domaine="
    response, two_items = _queries(client, flux + GOUVERNANCE)
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "Gouvernance : le guide nouveau" in body and "le guide ancien" in body
    assert SECRET not in body and "Statuts" not in body
    one, one_item = _queries(client, flux + "juridique-statuts")
    assert one.content.decode().count("<item>") == 1
    assert one_item == two_items
    search, _count = _queries(client, "/fr/alertes/flux/?quoi=recherche&q=gouvernance")
    assert "le guide nouveau" in search.content.decode()
    assert SECRET not in search.content.decode()


def test_the_links_on_listings_add_no_query_and_keep_pages_cacheable(site, client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    tag = Template("{% load alertes %}{% me_prevenir 'ressources' domaine='numerique' %}")
    request = client.get("/fr/ressources/").wsgi_request
    request.GET = request.GET.copy()
    request.GET.setlist("type", ["guide", "modele"])
    request.GET["page"] = "3"
    with CaptureQueriesContext(connection) as queries:
        html = tag.render(Context({"request": request}))
    assert len(queries) == 0
    assert (
        "/fr/alertes/creer/?quoi=ressources&amp;type=guide&amp;type=modele&amp;domaine=numerique"
        in html
    )

    pages = {
        "/fr/ressources/?domaine=numerique": "quoi=ressources&amp;domaine=numerique",
        f"/fr/domaines/{GOUVERNANCE}/": f"quoi=ressources&amp;domaine={GOUVERNANCE}",
        "/fr/fiches/?departement=35": "quoi=fiches&amp;departement=35",
        "/fr/ateliers/?departement=69&periode=mois": "quoi=ateliers&amp;departement=69",
        "/fr/recherche/?q=statuts&type=guide": "quoi=recherche&amp;q=statuts&amp;type=guide",
    }
    for url, query in pages.items():
        response = client.get(url)
        assert f'href="/fr/alertes/creer/?{query}"' in response.content.decode(), url
        assert not response.cookies, url  # a link, no CSRF form: the page stays cacheable


def test_too_many_alerts_from_one_address_get_the_form_again_with_a_429(site, client, monkeypatch):
    monkeypatch.setattr(views, "ALERTES_PAR_IP", "1/h")
    # django-ratelimit counts in fixed windows: keep both requests in one.
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1.8e9))
    data = {"email": "vite@asso.example", "frequence": "quotidienne"}
    assert client.post(CREER + "?quoi=fiches", data).status_code == 302
    limited = client.post(CREER + "?quoi=ateliers", data)
    assert limited.status_code == 429
    assert "Trop de demandes en peu de temps" in markup.text(limited.content)
    assert Alerte.objects.count() == 1
