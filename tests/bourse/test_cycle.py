"""The lifecycle of an annonce without logging in (issue 19, point 4): the reminders 7 days
before the end and on the last day, each sent once, with signed one-click links that act once
(a GET never acts), tampered, foreign or old links refused with a French page; the bump and
the escalation of demandes nobody answered; the shared-job groups told to the animators."""

import datetime
import re
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from bourse import cycle, dates, liens, services
from bourse.models import AnimateurDepartement, Annonce, Etat
from tests import markup
from tests.factories import (
    AnnonceFactory,
    ConversationFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
)

pytestmark = pytest.mark.django_db

LIEN = re.compile(r"http://testserver(/fr/bourse/suite/[a-z]+/[^/\s]+/)")


def jours(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def il_y_a(n):
    return timezone.now() - datetime.timedelta(days=n)


def destinataires(message):
    return sorted(message.to + message.bcc)


def envoyes(sujet):
    return [m for m in mail.outbox if sujet in m.subject]


def lancer_deux_fois():
    for _twice in range(2):
        call_command("cycle_annonces", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_each_reminder_goes_once_to_the_author_or_else_the_members(client):
    build_site_tree()
    auteure = UserFactory(email="auteure@asso.example")
    membre = UserFactory(email="membre@asso.example")
    structure = StructureFactory(membres=[auteure, membre])
    avant = AnnonceFactory(
        structure=structure, auteur=auteure, titre="Avant", fin=jours(7), published_at=il_y_a(30)
    )
    AnnonceFactory(
        structure=structure, auteur=None, titre="Orpheline", fin=jours(0), published_at=il_y_a(9)
    )
    # Posted for 5 days only: it never stood « 7 days before its end », so no early reminder.
    AnnonceFactory(structure=structure, titre="Courte", fin=jours(5), published_at=il_y_a(1))
    AnnonceFactory(structure=structure, titre="Brouillon", etat="brouillon", fin=jours(7))

    lancer_deux_fois()

    (rappel,) = envoyes("se termine dans 7 jours")
    assert "« Avant »" in rappel.subject and destinataires(rappel) == ["auteure@asso.example"]
    assert len(LIEN.findall(rappel.body)) == 3
    (fin,) = envoyes("se termine aujourd'hui")
    assert "Orpheline" in fin.subject  # the author is gone: the structure's members
    assert destinataires(fin) == ["auteure@asso.example", "membre@asso.example"]
    avant.refresh_from_db()
    assert avant.rappel_avant_fin_le is not None and avant.rappel_fin_le is None


def test_the_links_show_a_button_act_once_and_renewing_starts_the_reminders_over(client):
    build_site_tree()
    annonce = AnnonceFactory(
        titre="Un local le mardi", fin=jours(7), published_at=il_y_a(30), auteur=UserFactory()
    )
    cycle.lancer()
    (rappel,) = envoyes("se termine dans 7 jours")
    renouveler, pourvue, _retirer = LIEN.findall(rappel.body)

    page = client.get(renouveler)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and "Oui, elle est toujours d’actualité" in page.text
    assert page["Cache-Control"].startswith("private") or "no-store" in page["Cache-Control"]
    annonce.refresh_from_db()
    assert annonce.fin == jours(7)

    fait = client.post(renouveler)
    annonce.refresh_from_db()
    assert fait.status_code == 200 and "C’est fait" in fait.text
    assert annonce.fin == dates.fin_par_defaut("demande") == jours(60)
    assert annonce.rappel_avant_fin_le is None and annonce.etat == Etat.PUBLIEE

    # Used, and the other links of that e-mail are for the old end date: 410, said in French.
    for lien in (renouveler, pourvue):
        refus = client.post(lien)
        assert refus.status_code == 410 and "Ce lien a déjà servi" in refus.text
    assert Annonce.objects.get(pk=annonce.pk).etat == Etat.PUBLIEE

    # The new end date gets its own reminder when it comes.
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=53)
    ):
        cycle.lancer()
    assert len(envoyes("se termine dans 7 jours")) == 2


def test_tampered_foreign_and_expired_links_get_a_clear_page_never_a_500(client):
    build_site_tree()
    annonce = AnnonceFactory(fin=jours(3))
    signe = liens.signer(annonce, liens.RETIRER)
    for adresse, status in [
        (f"/fr/bourse/suite/retirer/{signe[:-2]}xx/", 400),  # tampered
        (f"/fr/bourse/suite/pourvue/{signe}/", 400),  # signed to withdraw, not to fulfil
        ("/fr/bourse/suite/retirer/n%27importe-quoi/", 400),
        (f"/fr/bourse/suite/effacer/{signe}/", 404),
    ]:
        response = client.post(adresse)
        assert response.status_code == status, adresse
    mal_copie = client.get(f"/fr/bourse/suite/retirer/{signe}x/")
    assert "Ce lien n'est pas valable" in markup.text(mal_copie.content)
    plus_tard = timezone.now() + liens.VALABLE + datetime.timedelta(days=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=plus_tard),
        mock.patch("time.time", return_value=plus_tard.timestamp()),
    ):
        expire = client.post(f"/fr/bourse/suite/retirer/{signe}/")
    assert expire.status_code == 410 and "Ce lien a expiré" in expire.text
    assert Annonce.objects.get(pk=annonce.pk).etat == Etat.PUBLIEE


def test_pourvue_and_retirer_close_the_annonce_and_record_its_outcome(client):
    build_site_tree()
    pourvue = AnnonceFactory(titre="Zebupourvue", fin=jours(7))
    retiree = AnnonceFactory(titre="Gnouretiree", fin=jours(7))
    muette = AnnonceFactory(titre="Muette", fin=jours(7))
    expiree = AnnonceFactory(titre="Expirée", fin=jours(-1), etat="expiree")
    refusee = AnnonceFactory(titre="Renvoyée", fin=jours(7))

    assert client.post(liens.lien(pourvue, liens.POURVUE)).status_code == 200
    assert client.post(liens.lien(retiree, liens.RETIRER)).status_code == 200
    # « Retirer » asks why: the button « Personne n'a répondu » says « sans réponse ».
    page = client.get(liens.lien(muette, liens.RETIRER)).text
    assert 'value="sans-reponse"' in page and 'value="plus-besoin"' in page
    reponse = client.post(liens.lien(muette, liens.RETIRER), {"resultat": "sans-reponse"})
    assert reponse.status_code == 200
    # The day-of-end e-mail read late: the annonce expired meanwhile and may run again.
    assert client.post(liens.lien(expiree, liens.RENOUVELER)).status_code == 200
    lien_refusee = liens.lien(refusee, liens.RENOUVELER)
    Annonce.objects.filter(pk=refusee.pk).update(etat=Etat.BROUILLON)  # sent back meanwhile

    etats = dict(Annonce.objects.values_list("titre", "etat"))
    assert etats["Zebupourvue"] == "pourvue" and etats["Gnouretiree"] == "retiree"
    assert etats["Expirée"] == "publiee"
    resultats = dict(Annonce.objects.values_list("titre", "resultat"))
    assert resultats["Zebupourvue"] == "aidee" and resultats["Gnouretiree"] == "plus-besoin"
    assert resultats["Muette"] == "sans-reponse"
    assert client.post(lien_refusee).status_code == 410
    listing = client.get("/fr/bourse/").text
    assert "Zebupourvue" not in listing and "Gnouretiree" not in listing


def test_renewing_never_goes_beyond_six_months():
    for decalage in range(0, 400, 7):
        jour = datetime.date(2026, 8, 31) + datetime.timedelta(days=decalage)
        for sens in ("offre", "demande"):
            fin = dates.fin_par_defaut(sens, jour)
            assert jour < fin <= dates.plus_mois(jour, 6)


def test_silence_bumps_then_tells_the_animators_once():
    build_site_tree()
    animatrice = UserFactory(email="anim69@entraide.example", groups=["Animateurs"])
    AnimateurDepartement.objects.create(user=animatrice, departement="69")
    UserFactory(email="moderation@entraide.example", groups=["Modérateurs"])
    lyon = AnnonceFactory(titre="Lyon muette", departements=["69"], published_at=il_y_a(11))
    distance = AnnonceFactory(
        titre="Au loin", departements=[], a_distance=True, published_at=il_y_a(11)
    )
    nord = AnnonceFactory(titre="Nord muet", departements=["59"], published_at=il_y_a(11))
    recente = AnnonceFactory(titre="Récente", published_at=il_y_a(6))
    repondue = AnnonceFactory(titre="Répondue", published_at=il_y_a(11))
    ConversationFactory(annonce=repondue)
    AnnonceFactory(titre="Une offre", sens="offre", published_at=il_y_a(11))

    lancer_deux_fois()

    relancees = set(
        Annonce.objects.filter(relancee_le__isnull=False).values_list("titre", flat=True)
    )
    assert relancees == {"Lyon muette", "Au loin", "Nord muet", "Récente"}
    recus = {
        m.subject.split("« ")[1].rstrip("»").strip(): destinataires(m)
        for m in envoyes("sans réponse")
    }
    assert recus == {
        "Lyon muette": ["anim69@entraide.example"],
        "Au loin": ["moderation@entraide.example"],  # « à distance »: nobody's département
        "Nord muet": ["moderation@entraide.example"],  # nobody animates the Nord
    }
    for annonce in (lyon, distance, nord, recente):
        annonce.refresh_from_db()
    assert recente.animateurs_prevenus_le is None and lyon.animateurs_prevenus_le is not None


def test_shared_job_groups_are_flagged_once_and_again_when_they_grow():
    build_site_tree()
    animateur = UserFactory(email="anim35@entraide.example", groups=["Animateurs"])
    AnimateurDepartement.objects.create(user=animateur, departement="35")

    def demande(titre, departement="35", domaine="ressources-humaines"):
        return AnnonceFactory(
            titre=titre, nature="emploi-partage", departements=[departement], domaines=[domaine]
        )

    for titre in ("Comptable A", "Comptable B", "Comptable C"):
        demande(titre)
    demande("Ailleurs", departement="29")
    demande("Autre domaine", domaine="numerique")
    lancer_deux_fois()
    (premier,) = envoyes("emploi partagé")
    assert destinataires(premier) == ["anim35@entraide.example"]
    assert "3 structures" in premier.subject and "groupement d'employeurs" in premier.body
    assert "Ailleurs" not in premier.body and "Autre domaine" not in premier.body
    assert premier.body.count("http://testserver/fr/bourse/") == 3

    demande("Comptable D")
    lancer_deux_fois()
    assert len(envoyes("emploi partagé")) == 2
    second = envoyes("emploi partagé")[-1]
    assert "4 structures" in second.subject
    assert "Comptable D — " in second.body and second.body.count("[nouvelle]") == 1


def test_staff_name_the_animators_in_the_admin(client):
    build_site_tree()
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/animateurs_bourse/").status_code == 200
    moderatrice = UserFactory(groups=["Modérateurs"], is_staff=True)
    client.force_login(moderatrice)
    assert client.get("/admin/animateurs_bourse/").status_code in (302, 403)


def test_exchanges_without_an_outcome_are_asked_for_it_once(client):
    build_site_tree()

    def structure(nom):
        user = UserFactory(email=f"{nom}@asso.example")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return StructureFactory(nom=nom.capitalize(), membres=[user])

    jardins, recyclerie = structure("jardins"), structure("recyclerie")
    pourvue = AnnonceFactory(titre="Pourvue aujourd'hui", structure=jardins)
    ConversationFactory(annonce=pourvue, structure=recyclerie)
    services.fermer(pourvue, Etat.POURVUE)  # closes its conversation now
    ConversationFactory(
        annonce=AnnonceFactory(titre="Muette depuis un mois", structure=jardins),
        structure=recyclerie,
        derniere_activite=il_y_a(31),
    )
    for titre, champs in (
        ("En cours", {"derniere_activite": il_y_a(2)}),
        ("Close il y a longtemps", {"closed_at": il_y_a(40)}),
        ("Déjà déclarée", {"closed_at": il_y_a(1), "issue": "aide", "heures": 3}),
    ):
        ConversationFactory(annonce=AnnonceFactory(titre=titre), structure=recyclerie, **champs)

    lancer_deux_fois()

    demandes = envoyes("Qu'a donné l'échange")
    assert sorted(m.subject for m in demandes) == [
        "[Entraide] Qu'a donné l'échange « Muette depuis un mois » ?",
        "[Entraide] Qu'a donné l'échange « Pourvue aujourd'hui » ?",
    ]
    for message in demandes:
        assert destinataires(message) == ["jardins@asso.example", "recyclerie@asso.example"]
        [lien] = re.findall(r"http://testserver(/fr/bourse/conversations/\d+/issue/)", message.body)
        client.force_login(UserFactory(email="intrus@asso.example"))
        assert client.get(lien).status_code == 404  # the link needs a member of the exchange
