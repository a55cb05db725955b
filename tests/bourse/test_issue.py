"""The outcome of an exchange (issue 19, point 5): declared by one structure, confirmed or
corrected by the other, refused to anyone else; the closing of an annonce with its result;
and the fiche pratique prefilled from a useful exchange (point 6b)."""

import datetime
import io
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone

from bourse import views_issue
from bourse.models import Annonce, Conversation, Etat
from fiches.models import FichePage
from fiches.services import get_or_create_fiche_index
from tests import markup
from tests.factories import (
    AnnonceFactory,
    ConversationFactory,
    StructureFactory,
    UserFactory,
    domaine,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def echange(site_tree):
    """A demande of « Jardins de Vaise » (Inès) answered by « Compta Solidaire » (Bob),
    and Zoé of a third structure."""
    ines = UserFactory(email="ines@jardins.example")
    bob = UserFactory(email="bob@compta.example")
    zoe = UserFactory(email="zoe@ailleurs.example")
    jardins = StructureFactory(nom="Jardins de Vaise", membres=[ines])
    compta = StructureFactory(nom="Compta Solidaire", membres=[bob])
    StructureFactory(nom="Ailleurs", membres=[zoe])
    for user in (ines, bob, zoe):  # e-mails go to verified addresses only
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    annonce = AnnonceFactory(
        structure=jardins,
        titre="Un regard sur notre budget",
        description="Nous montons notre premier budget prévisionnel.",
        domaines=["gestion-comptabilite-fiscalite"],
    )
    conversation = ConversationFactory(annonce=annonce, structure=compta)
    return {"ines": ines, "bob": bob, "zoe": zoe, "conversation": conversation}


def url(conversation, suite="issue"):
    return f"/fr/bourse/conversations/{conversation.pk}/{suite}/"


def aide(**changes):
    return {"issue": "aide", "heures": "12,5", "valeur": "", "resume": "Deux soirées."} | changes


def erreurs(response):
    return " ".join(markup.texts(response.content, "form-errors__liste"))


def test_only_the_two_structures_reach_the_outcome_and_bad_numbers_are_explained(echange, client):
    conversation = echange["conversation"]
    assert client.get(url(conversation)).status_code == 302  # to the log-in page
    client.force_login(echange["zoe"])
    statuts = [
        client.get(url(conversation)).status_code,
        client.post(url(conversation), aide()).status_code,
        client.post(url(conversation), {"confirmer": "1", "version": "x"}).status_code,
        client.get(url(conversation, "fiche")).status_code,
    ]
    assert statuts == [404] * 4
    conversation.refresh_from_db()
    assert conversation.issue == ""

    client.force_login(echange["ines"])
    cas = {
        "négatif": aide(heures="-3"),
        "zéro": aide(heures="0"),
        "pas un nombre": aide(heures="douze"),
        "ambigu": aide(heures="", valeur="1.500,50"),
        "trop d'heures": aide(heures="2000,5"),
        "trop d'euros": aide(valeur="1 000 000,01"),
        "trop de décimales": aide(heures="1,25"),
        "ni l'un ni l'autre": aide(heures="", valeur=""),
        "sans texte": aide(resume=""),
        "coordonnées": aide(resume="Écrivez à bob@compta.example"),
        "rien choisi": {"heures": "3"},
    }
    textes = {nom: erreurs(client.post(url(conversation), data)) for nom, data in cas.items()}
    assert "supérieur à zéro" in textes["négatif"]
    assert "supérieur à zéro" in textes["zéro"]
    assert "Écrivez un nombre, par exemple « 12,5 »" in textes["pas un nombre"]
    assert "Écrivez un nombre" in textes["ambigu"]
    assert "Au plus 2 000 heures" in textes["trop d'heures"]
    assert "Au plus 1 000 000 euros" in textes["trop d'euros"]
    assert "Au plus 1 chiffre(s) après la virgule" in textes["trop de décimales"]
    assert "les heures données, la valeur prêtée, ou les deux" in textes["ni l'un ni l'autre"]
    assert "ce qui a été fait" in textes["sans texte"]
    assert "ni adresse e-mail ni numéro de téléphone" in textes["coordonnées"]
    assert "l'aide a été apportée" in textes["rien choisi"]
    garde = markup.soup(client.post(url(conversation), aide(heures="-3")).content)
    assert garde.select_one("#id_heures")["value"] == "-3"  # what was typed comes back
    conversation.refresh_from_db()
    assert conversation.issue == "" and conversation.closed_at is None


def test_declared_corrected_then_confirmed_by_both_sides(
    echange, client, django_capture_on_commit_callbacks
):
    conversation, ines, bob = echange["conversation"], echange["ines"], echange["bob"]
    client.force_login(ines)
    assert "Déclarer l’issue" in markup.text(client.get(url(conversation)).content)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url(conversation), aide(valeur="1 500,5 €"))
    assert reponse.status_code == 302
    conversation.refresh_from_db()
    assert (conversation.heures, conversation.valeur) == (Decimal("12.5"), Decimal("1500.50"))
    assert conversation.confirmee_annonceur_le and conversation.closed_at
    assert conversation.confirmee_repondant_le is None
    assert mail.outbox[-1].bcc == ["bob@compta.example"]
    assert "Jardins de Vaise a déclaré l'issue" in mail.outbox[-1].body
    assert url(conversation) in mail.outbox[-1].body
    a_corriger = markup.soup(client.get(url(conversation) + "?corriger=1").content)
    assert a_corriger.select_one("#id_heures")["value"] == "12,5"  # the French way, again

    # Bob reads it, Inès corrects it meanwhile: Bob's confirmation of the old one is refused.
    client.force_login(bob)
    page = markup.soup(client.get(url(conversation)).content)
    assert "12,5 h données" in markup.text(str(page))
    vieille_version = page.select_one("input[name=version]")["value"]
    client.force_login(ines)
    client.post(url(conversation), aide(heures="10"))
    client.force_login(bob)
    refus = client.post(
        url(conversation), {"confirmer": "1", "version": vieille_version}, follow=True
    )
    assert "relisez-la avant de confirmer" in markup.text(refus.content)
    conversation.refresh_from_db()
    assert conversation.confirmee_repondant_le is None

    # Bob corrects: Inès's confirmation is reset and she is told.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(conversation), aide(heures="8", valeur="40"))
    conversation.refresh_from_db()
    assert conversation.heures == Decimal("8") and conversation.confirmee_repondant_le
    assert conversation.confirmee_annonceur_le is None
    assert mail.outbox[-1].bcc == ["ines@jardins.example"]
    assert "a corrigé l'issue" in mail.outbox[-1].body

    client.force_login(ines)
    version = markup.soup(client.get(url(conversation)).content).select_one("input[name=version]")[
        "value"
    ]
    client.post(url(conversation), {"confirmer": "1", "version": version})
    conversation.refresh_from_db()
    assert conversation.confirmee
    fige = client.post(url(conversation), aide(heures="99"), follow=True)
    assert "ne peut plus changer" in markup.text(fige.content)
    conversation.refresh_from_db()
    assert conversation.heures == Decimal("8")

    # The fragment of the conversation page: the fiche invitation for the helping side only.
    vues = {
        cote: markup.text(
            render_to_string(
                "bourse/includes/conversation_issue.html",
                {"conversation": conversation, "cote": cote},
            )
        )
        for cote in ("annonceur", "repondant")
    }
    assert all("Confirmée par les deux structures" in vue for vue in vues.values())
    assert "Écrire une fiche pratique" in vues["repondant"]
    assert "Écrire une fiche pratique" not in vues["annonceur"]
    # The author's list shows the outcome of the annonce's exchanges.
    mes_annonces = markup.text(client.get("/fr/bourse/mes-annonces/").content)
    assert "Compta Solidaire — Aide apportée : 8 h données, 40 € prêtés ou donnés" in mes_annonces


def test_sans_suite_needs_no_number_and_corrections_are_limited(echange, client, monkeypatch):
    conversation = echange["conversation"]
    client.force_login(echange["bob"])
    monkeypatch.setattr(views_issue, "DECLARATIONS_PAR_HEURE", "1/h")
    client.post(url(conversation), {"issue": "sans-suite", "heures": "abc", "resume": "x"})
    trop = client.post(url(conversation), aide())
    assert "Trop de déclarations en peu de temps" in erreurs(trop)
    conversation.refresh_from_db()
    assert (conversation.issue, conversation.heures, conversation.resume) == (
        "sans-suite",
        None,
        "",
    )
    assert conversation.confirmee_repondant_le and conversation.closed_at


def test_the_helping_structure_writes_a_fiche_prefilled_from_the_exchange(
    echange, site_tree, client
):
    conversation = echange["conversation"]
    maintenant = timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(
        issue="aide",
        heures=3,
        resume="Nous avons relu le budget ligne à ligne.",
        closed_at=maintenant,
        confirmee_annonceur_le=maintenant,
        confirmee_repondant_le=maintenant,
    )
    get_or_create_fiche_index(site_tree[0])
    client.force_login(echange["ines"])  # the structure that was helped
    assert client.get(url(conversation, "fiche")).status_code == 404

    client.force_login(echange["bob"])
    reponse = client.get(url(conversation, "fiche"))
    page = markup.soup(reponse.content)
    assert page.select_one("#id_title")["value"] == "Un regard sur notre budget"
    assert "premier budget prévisionnel" in page.select_one("#id_situation").get_text()
    assert "relu le budget ligne à ligne" in page.select_one("#id_etapes").get_text()
    coche = page.select_one(
        f"input[name=domaines][value='{domaine('gestion-comptabilite-fiscalite').pk}']"
    )
    assert coche.has_attr("checked")
    assert "Compta Solidaire" in page.select_one("#id_structure option[selected]").get_text()
    assert "Rien n'est publié avant la relecture d'un modérateur" in markup.text(reponse.content)

    donnees = {
        "structure": conversation.structure.pk,
        "title": "Relire le budget d'une autre association",
        "chapo": "Ce que nous avons appris en relisant un budget prévisionnel.",
        "domaines": [domaine("gestion-comptabilite-fiscalite").pk],
        "niveau": "debutant",
        "situation": "Une demande de la bourse.",
        "etapes": "- Relire\n- Commenter",
    }
    envoi = client.post(url(conversation, "fiche"), donnees)
    assert envoi.status_code == 302
    fiche = FichePage.objects.get(title="Relire le budget d'une autre association")
    assert not fiche.live and fiche.structure == conversation.structure


def test_an_annonce_closes_with_its_result(echange, client):
    ines = echange["ines"]
    structure = echange["conversation"].annonce.structure
    pourvue = echange["conversation"].annonce
    retiree = AnnonceFactory(structure=structure, titre="Plus utile")
    brouillon = AnnonceFactory(structure=structure, etat="brouillon")
    client.force_login(ines)
    client.post(f"/fr/bourse/{pourvue.pk}/pourvue/")
    question = client.post(f"/fr/bourse/{retiree.pk}/retirer/")  # the button: asks why
    assert "Pourquoi retirez-vous cette annonce" in markup.text(question.content)
    sans_choix = client.post(f"/fr/bourse/{retiree.pk}/retirer/", {"question": "1"})
    assert "Choisissez une raison" in erreurs(sans_choix)
    client.post(f"/fr/bourse/{retiree.pk}/retirer/", {"question": "1", "resultat": "plus-besoin"})
    client.post(f"/fr/bourse/{brouillon.pk}/retirer/")  # never published: nothing to ask

    resultats = {a.pk: (a.etat, a.resultat) for a in Annonce.objects.all()}
    assert resultats[pourvue.pk] == (Etat.POURVUE, "aidee")
    assert resultats[retiree.pk] == (Etat.RETIREE, "plus-besoin")
    assert resultats[brouillon.pk] == (Etat.RETIREE, "")
    assert client.get(f"/fr/bourse/{retiree.pk}/retirer/").status_code == 302  # closed

    hier = timezone.localdate() - datetime.timedelta(days=1)
    seule = AnnonceFactory(fin=hier)
    repondue = AnnonceFactory(fin=hier)
    ConversationFactory(annonce=repondue)
    jamais_publiee = AnnonceFactory(fin=hier, etat="brouillon")
    call_command("expirer_annonces", stdout=io.StringIO())
    resultats = {a.pk: (a.etat, a.resultat) for a in Annonce.objects.all()}
    assert resultats[seule.pk] == (Etat.EXPIREE, "sans-reponse")
    assert resultats[repondue.pk] == (Etat.EXPIREE, "")
    assert resultats[jamais_publiee.pk] == (Etat.EXPIREE, "")
