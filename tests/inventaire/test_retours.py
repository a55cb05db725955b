"""Reader feedback (issue 18, point 3): « Cette page vous a-t-elle été utile ? » and
« Signaler une erreur » on guides, modèles and fiches, without an account and without
keeping anything about the reader; the editors' report « Retours des lecteurs » in the
Inventaire, the least useful pages first."""

import csv
import io
import types
from datetime import timedelta
from io import StringIO

import django_ratelimit.core
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.forms.models import model_to_dict
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from fiches.services import get_or_create_fiche_index
from inventaire import retours
from inventaire.models import RetourLecteur, SignalementErreur
from tests import markup
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    UserFactory,
    build_site_tree,
    domaine,
)
from tests.inventaire.test_inventaire import personne_du_reseau
from tests.test_formulaires import described_by_problems, error_state_problems

pytestmark = pytest.mark.django_db

SECRET = "Xylophage"  # only in pages that must never take feedback
ADRESSE_IP = "203.0.113.77"
RAPPORT = reverse("inventaire:retours")


@pytest.fixture(scope="module")
def contenu(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        fiches = get_or_create_fiche_index(home)
        prive = GuidePageFactory(parent=index, title=f"Guide privé {SECRET}", slug="prive")
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        return types.SimpleNamespace(
            guide=GuidePageFactory(parent=index, title="Rédiger des statuts", slug="statuts"),
            modele=ModelePageFactory(
                parent=index,
                title="Budget prévisionnel",
                slug="budget",
                domaines=[domaine("financement-modele-economique")],
            ),
            fiche=FichePageFactory(parent=fiches, title="Recruter un salarié", slug="recruter"),
            brouillon=GuidePageFactory(
                parent=index, title=f"Brouillon {SECRET}", slug="brouillon", live=False
            ),
            en_moderation=FichePageFactory(
                parent=fiches, title=f"Fiche {SECRET}", slug="en-moderation", live=False
            ),
            prive=prive,
            home=home,
            editeur=UserFactory(groups=["Éditeurs"], email="editrice@entraide.example"),
            moderateur=UserFactory(groups=["Modérateurs"], email="moderateur@entraide.example"),
        )


@pytest.fixture
def meme_fenetre(monkeypatch):
    """django-ratelimit counts in fixed windows: keep all requests of a test in one."""
    clock = types.SimpleNamespace(time=lambda: 1_800_000_000)
    monkeypatch.setattr(django_ratelimit.core, "time", clock)


def repondre(client, page, **data):
    return client.post(reverse("retour_lecteurs", args=[page.pk]), data, REMOTE_ADDR=ADRESSE_IP)


def signaler(client, page, **data):
    return client.post(reverse("signaler_erreur", args=[page.pk]), data, REMOTE_ADDR=ADRESSE_IP)


def errors(response):
    """The error summary at the top of the form, as a reader sees it."""
    return markup.soup(response.content).select_one(".form-errors").get_text()


def test_an_answer_is_counted_with_its_comment_and_nothing_about_the_reader(client, contenu):
    client.cookies["suivi"] = "abc123"
    response = repondre(client, contenu.guide, utile="non", commentaire="Il manque un modèle.")

    assert response.status_code == 302
    assert response["Location"] == "/fr/ressources/statuts/?merci=avis#retour-lecteurs-merci"
    retour = RetourLecteur.objects.get()
    saved = model_to_dict(retour)
    assert set(saved) == {"id", "page", "utile", "commentaire", "jour", "locale"}
    assert saved["page"] == contenu.guide.pk and saved["utile"] is False
    assert saved["commentaire"] == "Il manque un modèle."
    assert saved["jour"] == timezone.localdate()
    assert retour.locale.language_code == "fr"
    assert not any(part in str(saved) for part in (ADRESSE_IP, "abc123", "suivi"))

    thanked = Client().get(response["Location"])
    merci = markup.soup(thanked.content).select_one("#retour-lecteurs-merci")
    assert merci["role"] == "status" and merci["tabindex"] == "-1"
    assert "Merci pour votre réponse" in merci.get_text()


def test_the_widget_keeps_the_page_cacheable_and_adds_no_query(client, contenu, settings):
    settings.PAGE_CACHE_SECONDS = 300
    for page in (contenu.guide, contenu.modele, contenu.fiche):
        response = client.get(page.url)
        page_html = markup.soup(response.content)
        form = page_html.select_one("#retour-lecteurs form")
        assert form["method"] == "post", page.url
        assert form["action"].startswith(reverse("retour_lecteurs", args=[page.pk]))
        legend = form.select_one("fieldset legend").get_text()
        assert "Cette page vous a-t-elle été utile ?" in legend
        assert form.select('input[name="utile"]') and form.select_one("textarea[maxlength='1000']")
        assert described_by_problems(page_html, page.url) == []
        assert not page_html.select('input[name="csrfmiddlewaretoken"]')
        assert not response.cookies and "public" in response["Cache-Control"]
        link = page_html.select_one("#retour-lecteurs a[href*='signaler-une-erreur']")
        assert "Signaler une erreur" in link.get_text()
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        render_to_string(
            "inventaire/retour_lecteurs.html", {"page": contenu.guide, "request": request}
        )
    assert len(queries) == 0


def test_too_many_answers_from_one_address_get_a_429_in_french(client, contenu, meme_fenetre):
    for _ in range(20):
        assert repondre(client, contenu.modele, utile="oui").status_code == 302
    refused = repondre(client, contenu.modele, utile="oui")

    assert refused.status_code == 429
    assert "Trop de réponses depuis votre adresse" in refused.text
    assert RetourLecteur.objects.count() == 20
    assert repondre(Client(), contenu.modele, utile="oui").status_code == 429  # same address
    other = Client().post(
        reverse("retour_lecteurs", args=[contenu.modele.pk]), {"utile": "oui"}, REMOTE_ADDR="::1"
    )
    assert other.status_code == 302


@pytest.mark.parametrize(
    "data, message",
    [
        ({"commentaire": "Sans réponse"}, "Répondez « oui » ou « non »."),
        ({"utile": "peut-être"}, "Sélectionnez un choix valide"),
        ({"utile": "oui", "commentaire": "a" * 1001}, "Ce texte est trop long : 1001 caractères"),
        ({"utile": "non", "commentaire": "nul\x00"}, "Le caractère nul n’est pas autorisé"),
    ],
)
def test_bad_answers_get_the_form_back_with_a_clear_message(client, contenu, data, message):
    response = repondre(client, contenu.fiche, **data)

    assert error_state_problems(response, "avis") == []
    assert message in errors(response)
    assert not RetourLecteur.objects.exists()


def test_pages_that_take_no_feedback_say_so_and_never_show_their_content(client, contenu):
    pages = [contenu.brouillon, contenu.en_moderation, contenu.prive, contenu.home]
    ids = [page.pk for page in pages] + [987654]
    for page_id in ids:
        for name in ("retour_lecteurs", "signaler_erreur"):
            url = reverse(name, args=[page_id])
            for response in (client.get(url), client.post(url, {"utile": "oui"})):
                assert response.status_code == 404, (url, response.status_code)
                assert "Cette page n'accepte pas d'avis" in response.text
                assert SECRET not in response.text
    assert not RetourLecteur.objects.exists() and not SignalementErreur.objects.exists()


def test_an_error_report_goes_to_the_editors_and_its_address_does_not_stay(client, contenu):
    form_page = client.get(reverse("signaler_erreur", args=[contenu.guide.pk]))
    assert "csrfmiddlewaretoken" in form_page.text
    assert "Rédiger des statuts" in form_page.text
    mail.outbox.clear()
    response = signaler(
        client,
        contenu.guide,
        description="Le seuil de 153 000 € a changé en janvier.",
        email="lectrice@exemple.fr",
    )

    assert response["Location"] == "/fr/ressources/statuts/?merci=erreur#retour-lecteurs-merci"
    thanked = client.get(response["Location"])
    assert "Votre signalement est transmis" in thanked.text
    signalement = SignalementErreur.objects.get()
    assert signalement.email == "lectrice@exemple.fr" and signalement.traite_le is None
    (envoye,) = mail.outbox
    assert envoye.bcc == ["editrice@entraide.example"] and not envoye.to
    assert "Rédiger des statuts" in envoye.subject
    assert "153 000 €" in envoye.body and "lectrice@exemple.fr" in envoye.body
    assert reverse("inventaire:retours_page", args=[contenu.guide.pk]) in envoye.body

    equipe = Client()
    equipe.force_login(personne_du_reseau())
    retours_page = equipe.get(reverse("inventaire:retours_page", args=[contenu.guide.pk]))
    assert "153 000 €" in retours_page.text and "lectrice@exemple.fr" in retours_page.text
    equipe.post(reverse("inventaire:retours_traiter", args=[signalement.pk]))
    signalement.refresh_from_db()
    assert signalement.traite_le == timezone.localdate() and signalement.email == ""


def test_a_fiche_error_goes_to_the_moderators_and_old_addresses_are_erased(client, contenu):
    ancien = retours.signaler(contenu.guide, "Lien cassé", "ancien@exemple.fr")
    ancien.jour = timezone.localdate() - timedelta(days=31)
    ancien.save()
    mail.outbox.clear()

    signaler(client, contenu.fiche, description="Le lien vers l'URSSAF est cassé.")

    (envoye,) = mail.outbox
    assert envoye.bcc == ["moderateur@entraide.example"]
    assert "n'a pas laissé d'adresse" in envoye.body
    ancien.refresh_from_db()
    assert ancien.email == ""
    assert SignalementErreur.objects.get(page=contenu.fiche).email == ""


def test_the_daily_command_erases_addresses_kept_30_days_and_only_those(contenu):
    ancien = retours.signaler(contenu.guide, "Lien cassé", "ancien@exemple.fr")
    SignalementErreur.objects.filter(pk=ancien.pk).update(
        jour=timezone.localdate() - timedelta(days=31)
    )
    recent = retours.signaler(contenu.guide, "Faute", "recent@exemple.fr")
    out = StringIO()

    call_command("effacer_adresses_signalements", stdout=out)

    assert "1 adresse(s) effacée(s)." in out.getvalue()
    assert SignalementErreur.objects.get(pk=ancien.pk).email == ""
    assert SignalementErreur.objects.get(pk=recent.pk).email == "recent@exemple.fr"


def test_error_reports_are_rate_limited_and_checked(client, contenu, meme_fenetre):
    empty = signaler(client, contenu.modele, description="  ")
    assert error_state_problems(empty, "signalement") == []
    assert "Décrivez l'erreur" in errors(empty)
    bad = signaler(client, contenu.modele, description="x", email="pas-une-adresse")
    assert bad.status_code == 200 and "Saisissez une adresse e-mail valide" in errors(bad)
    for _ in range(3):
        assert signaler(client, contenu.modele, description="Faute").status_code == 302
    refused = signaler(client, contenu.modele, description="Faute")

    assert refused.status_code == 429
    assert "Trop de signalements depuis votre adresse" in refused.text
    assert SignalementErreur.objects.count() == 3


def answers(page, oui, non, commentaires=0):
    for number in range(oui + non):
        retours.repondre(page, number < oui, "Merci" if number < commentaires else "")


def test_the_report_puts_the_least_useful_pages_first_for_staff_only(client, contenu):
    answers(contenu.guide, oui=3, non=1, commentaires=2)
    answers(contenu.modele, oui=1, non=3)
    retours.signaler(contenu.fiche, "Faute de frappe")
    client.force_login(personne_du_reseau())

    rows = markup.soup(client.get(RAPPORT).content).select("tbody tr")
    cells = [[" ".join(td.get_text().split()) for td in row.select("td")] for row in rows]
    assert [row[0] for row in cells] == [
        "Budget prévisionnel",
        "Rédiger des statuts",
        "Recruter un salarié",
    ]
    assert cells[0][3:] == ["25 %", "4", "0", "0"]
    assert cells[1][3:] == ["75 %", "4", "2", "0"]
    assert cells[2][3:] == ["—", "0", "0", "1"]

    financement = domaine("financement-modele-economique")
    filtered = client.get(RAPPORT, {"domaine": financement.pk})
    rows = markup.soup(filtered.content).select("tbody tr")
    titles = [row.select_one("td").get_text(strip=True) for row in rows]
    assert titles == ["Budget prévisionnel"]

    export = client.get(RAPPORT, {"export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffTitre;Type;Langue;Utile (%);")
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert lines[1][:8] == ["Budget prévisionnel", "modèle", "fr", "25", "4", "1", "0", "0"]

    retours_page = reverse("inventaire:retours_page", args=[contenu.guide.pk])
    for group in ("Animateurs", "Contributeurs"):  # admin access without the inventory, none
        client.force_login(UserFactory(groups=[group]))
        assert client.get(RAPPORT).status_code == 302
        assert client.get(RAPPORT, {"export": "csv"}).status_code == 302
        assert client.get(retours_page).status_code == 302  # Wagtail: back to its home
    client.logout()
    assert client.get(RAPPORT).status_code == 302


def test_the_report_runs_the_same_queries_for_3_and_9_pages(client, contenu):
    client.force_login(personne_du_reseau())
    index = contenu.guide.get_parent()

    def count():
        client.get(RAPPORT)  # warms what a first request fills
        with CaptureQueriesContext(connection) as queries:
            response = client.get(RAPPORT)
        assert response.status_code == 200
        return len(queries), len(markup.soup(response.content).select("tbody tr"))

    answers(contenu.guide, 1, 1)
    answers(contenu.modele, 1, 0)
    retours.signaler(contenu.fiche, "Faute")
    few = count()
    for number in range(6):
        answers(GuidePageFactory(parent=index, title=f"Guide {number}"), number, 1, 1)
    many = count()

    assert few[1] == 3 and many[1] == 9
    assert few[0] == many[0]
