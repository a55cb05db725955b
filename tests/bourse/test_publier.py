"""Posting in the bourse (issue 19, point 1): the form's rules, a structure's first annonce
moderated and the next ones published at once, what another structure's member cannot do,
the Modérateurs' decision in the admin, and the daily expiry."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from bourse.models import Annonce, Etat
from tests import markup
from tests.factories import AnnonceFactory, StructureFactory, UserFactory

pytestmark = pytest.mark.django_db

AUJOURDHUI = timezone.localdate


def jours(n):
    return (AUJOURDHUI() + datetime.timedelta(days=n)).isoformat()


def formulaire(structure, **changes):
    data = {
        "structure": structure.pk,
        "sens": "demande",
        "nature": "competence",
        "titre": "Un regard sur notre budget prévisionnel",
        "description": "Nous montons **notre premier** budget.\n\n- avec un tableur",
        "domaines": ["gestion-comptabilite-fiscalite"],
        "departements": ["69", "2A"],
        "format": "les-deux",
        "disponibilites": "le mardi soir",
        "contrepartie": "echange",
        "fin": "",
    }
    return data | changes


@pytest.fixture
def membre(site_tree):
    user = UserFactory(email="ines@asso.example")
    structure = StructureFactory(nom="Jardins de Vaise", membres=[user])
    return user, structure


def erreurs(response):
    return markup.texts(response.content, "form-errors__liste")


def test_the_rules_of_the_form_say_what_is_wrong_and_keep_what_was_typed(membre, client):
    user, structure = membre
    client.force_login(user)
    cas = {
        "passée": formulaire(structure, fin=jours(-1)),
        "trop loin": formulaire(structure, fin=jours(200)),
        "département inconnu": formulaire(structure, departements=["99"]),
        "sans nature": formulaire(structure, nature=""),
        "nulle part": formulaire(structure, departements=[]),
        "début après fin": formulaire(structure, debut=jours(20), fin=jours(10)),
    }
    reponses = {nom: client.post("/fr/bourse/nouvelle/", data) for nom, data in cas.items()}

    texts = {nom: " ".join(erreurs(reponse)) for nom, reponse in reponses.items()}
    assert all(reponse.status_code == 200 for reponse in reponses.values())
    assert "ne peut pas être passée" in texts["passée"]
    assert "au plus dans six mois" in texts["trop loin"]
    assert "« 99 » n'est pas un département connu" in texts["département inconnu"]
    assert "Choisissez la nature de l'annonce" in texts["sans nature"]
    assert "cochez « à distance »" in texts["nulle part"]
    assert "La date de début est après la date de fin" in texts["début après fin"]
    page = markup.soup(reponses["passée"].content)
    assert page.select_one("#id_titre")["value"] == "Un regard sur notre budget prévisionnel"
    assert Annonce.objects.count() == 0
    formulaire_vide = markup.text(client.get("/fr/bourse/nouvelle/").content)
    assert "L8241-2" in formulaire_vide
    assert "pas un conseil juridique" in formulaire_vide


def test_first_annonce_is_moderated_then_the_next_ones_are_published(
    membre, client, django_capture_on_commit_callbacks
):
    user, structure = membre
    client.force_login(user)
    moderatrice = UserFactory(groups=["Modérateurs"], email="moderation@entraide.example")

    client.post("/fr/bourse/nouvelle/", formulaire(structure, soumettre="1"))
    premiere = Annonce.objects.get()
    assert premiere.etat == Etat.MODERATION
    assert premiere.fin == AUJOURDHUI() + datetime.timedelta(days=60)  # a demande's default
    assert premiere.auteur == user
    assert premiere.codes_departements() == ["2A", "69"]
    assert "<strong>notre premier</strong>" in premiere.description_html
    assert client.get(f"/fr/bourse/{premiere.pk}/").status_code == 404  # not public yet

    # The Modérateur sends it back with a comment, then publishes it.
    client.force_login(moderatrice)
    url = f"/admin/bourse/moderer/{premiere.pk}/"
    assert premiere.titre in markup.text(client.get("/admin/annonces_a_moderer/").content)
    sans_commentaire = client.post(url, {"decision": "refuser"})
    assert sans_commentaire.status_code == 200  # a comment is required to send it back
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "refuser", "commentaire": "Précisez le montant."})
    premiere.refresh_from_db()
    assert premiere.etat == Etat.BROUILLON
    assert mail.outbox[-1].to == ["ines@asso.example"]
    assert "Précisez le montant." in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "publier"})  # a draft: refused, nothing changes
    premiere.refresh_from_db()
    assert premiere.etat == Etat.BROUILLON

    client.force_login(user)
    client.post(f"/fr/bourse/{premiere.pk}/soumettre/")
    client.force_login(moderatrice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "publier"})
    premiere.refresh_from_db()
    assert premiere.etat == Etat.PUBLIEE
    assert "est publiée" in mail.outbox[-1].subject

    client.force_login(user)
    client.post("/fr/bourse/nouvelle/", formulaire(structure, sens="offre", soumettre="1"))
    seconde = Annonce.objects.latest("pk")
    assert seconde.etat == Etat.PUBLIEE  # published at once, read afterwards
    assert seconde.fin == AUJOURDHUI() + datetime.timedelta(days=120)
    assert list(Annonce.objects.a_moderer()) == [seconde]
    assert client.get(f"/fr/bourse/{seconde.pk}/").status_code == 200
    # Sent back once published, it is read again before it comes back.
    client.force_login(moderatrice)
    client.post(
        f"/admin/bourse/moderer/{seconde.pk}/", {"decision": "refuser", "commentaire": "Non."}
    )
    client.force_login(user)
    client.post(f"/fr/bourse/{seconde.pk}/soumettre/")
    seconde.refresh_from_db()
    assert seconde.etat == Etat.MODERATION


def test_a_member_of_another_structure_can_neither_touch_nor_see_it(membre, client):
    user, structure = membre
    brouillon = AnnonceFactory(structure=structure, etat="brouillon", titre="Brouillon secret")
    publiee = AnnonceFactory(structure=structure)
    autre = UserFactory()
    StructureFactory(membres=[autre])
    client.force_login(autre)

    statuts = [
        client.get(f"/fr/bourse/{brouillon.pk}/modifier/").status_code,
        client.get(f"/fr/bourse/{brouillon.pk}/apercu/").status_code,
        client.get(f"/fr/bourse/{brouillon.pk}/").status_code,
        client.post(f"/fr/bourse/{brouillon.pk}/modifier/", formulaire(structure)).status_code,
        client.post(f"/fr/bourse/{brouillon.pk}/soumettre/").status_code,
        client.post(f"/fr/bourse/{publiee.pk}/retirer/").status_code,
        client.post(f"/fr/bourse/{publiee.pk}/pourvue/").status_code,
    ]
    mes_annonces = markup.text(client.get("/fr/bourse/mes-annonces/").content)

    assert statuts == [404] * 7
    assert "Brouillon secret" not in mes_annonces
    brouillon.refresh_from_db()
    publiee.refresh_from_db()
    assert (brouillon.etat, publiee.etat) == (Etat.BROUILLON, Etat.PUBLIEE)
    # Its own members can: withdraw one, mark the other fulfilled.
    client.force_login(user)
    assert client.get(f"/fr/bourse/{brouillon.pk}/apercu/").status_code == 200
    espace = markup.text(client.get("/fr/mon-espace/").content)
    assert "Les annonces de mes structures" in espace
    assert "Brouillon secret" in espace
    client.post(f"/fr/bourse/{publiee.pk}/pourvue/")
    client.post(f"/fr/bourse/{brouillon.pk}/retirer/")
    brouillon.refresh_from_db()
    publiee.refresh_from_db()
    assert (brouillon.etat, publiee.etat) == (Etat.RETIREE, Etat.POURVUE)
    assert client.get(f"/fr/bourse/{publiee.pk}/modifier/").status_code == 302  # closed


def test_expired_annonces_are_marked_by_the_daily_command(site_tree):
    hier = AnnonceFactory(fin=AUJOURDHUI() - datetime.timedelta(days=1))
    aujourdhui = AnnonceFactory(fin=AUJOURDHUI())
    pourvue = AnnonceFactory(etat="pourvue", fin=AUJOURDHUI() - datetime.timedelta(days=3))

    sortie = io.StringIO()
    call_command("expirer_annonces", stdout=sortie)

    etats = {a.pk: a.etat for a in Annonce.objects.all()}
    assert etats == {hier.pk: "expiree", aujourdhui.pk: "publiee", pourvue.pk: "pourvue"}
    assert "1 annonce(s) expirée(s)." in sortie.getvalue()
