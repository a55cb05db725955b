"""Conversations of the bourse (issue 19, point 3): who may open one and read it (members of
the two structures only; anyone else a 404, forged POSTs too), no address anywhere before both
structures agree, each message e-mailed to the other side only, the rate limits, closing with
the annonce, the erasure twelve months after the end, « Mes conversations » and the data
export, in a fixed number of queries."""

import datetime
import re
import types

import django_ratelimit.core
import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bourse import services, views_conversations
from bourse.models import Annonce, Conversation, Etat, Message
from bourse.tasks import expirer_annonces
from espace.sections import SECTIONS
from tests import markup
from tests.factories import (
    AdhesionFactory,
    AnnonceFactory,
    ConversationFactory,
    MessageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
)

pytestmark = pytest.mark.django_db

ADRESSE_OU_TELEPHONE = re.compile(r"@|(?:\+33|\b0)[1-9](?:[\s.-]?\d{2}){4}\b")


def membre(nom, verifiee=True):
    user = UserFactory(email=f"{nom}@{nom}.example", first_name=nom.capitalize())
    EmailAddress.objects.create(user=user, email=user.email, verified=verifiee, primary=True)
    return user


@pytest.fixture(scope="module")
def bourse(module_transaction):
    with module_transaction.unblock():
        build_site_tree()
        gens = {nom: membre(nom) for nom in ("alice", "bob", "rita", "tiers", "solo")}
        gens["charly"] = membre("charly", verifiee=False)
        jardins = StructureFactory(
            nom="Jardins de Vaise",
            departement="69",
            site_web="https://jardins.example",
            membres=[gens["alice"], gens["bob"], gens["charly"]],
        )
        AdhesionFactory(structure=jardins, user=membre("enattente"))  # not accepted
        recyclerie = StructureFactory(nom="Recyclerie du Plateau", membres=[gens["rita"]])
        StructureFactory(nom="Tiers-lieu", membres=[gens["tiers"]])
        annonces = {
            "demande": AnnonceFactory(
                structure=jardins, auteur=gens["alice"], titre="Relire notre budget"
            ),
            "offre": AnnonceFactory(structure=jardins, sens="offre", titre="Un broyeur"),
            "pourvue": AnnonceFactory(structure=jardins, etat="pourvue", titre="Pourvue"),
            "brouillon": AnnonceFactory(
                structure=jardins, etat="brouillon", titre="Quokkabrouillon"
            ),
        }
        return types.SimpleNamespace(
            gens=gens, jardins=jardins, recyclerie=recyclerie, annonces=annonces
        )


def page(response):
    return markup.text(response.content)


def principal(response):
    """The text of the page's main content (the header shows nothing personal either)."""
    return markup.soup(response.content).select_one("main").get_text(" ")


def ecrire(client, url, texte, **data):
    return client.post(url, {"texte": texte, **data})


def test_who_sees_the_button_and_opening_a_conversation_tells_the_other_side(
    bourse, client, django_capture_on_commit_callbacks
):
    demande = bourse.annonces["demande"]
    url = f"/fr/bourse/{demande.pk}/contacter/"
    anonyme = client.get(demande.get_absolute_url())
    lien = markup.soup(anonyme.content).select_one("#titre-contact ~ p a.button")
    assert lien.get_text(strip=True) == "Proposer mon aide"
    assert lien["href"].startswith("/fr/comptes/login/?next=") and "contacter" in lien["href"]
    assert "/comptes/login/" in client.get(url)["Location"]

    client.force_login(bourse.gens["solo"])
    assert "membre d'une structure" in page(client.get(demande.get_absolute_url()))
    assert "membre d’une autre structure" in page(client.get(url))
    client.force_login(bourse.gens["alice"])  # the annonce's own structure: no button
    assert "titre-contact" not in client.get(demande.get_absolute_url()).content.decode()

    client.force_login(bourse.gens["rita"])
    offre = page(client.get(bourse.annonces["offre"].get_absolute_url()))
    assert "Je suis intéressé·e" in offre
    refus = ecrire(client, url, "Écrivez-moi à rita@rita.example ou au 06 12 34 56 78")
    assert refus.status_code == 200 and "Partager nos coordonnées" in page(refus)
    assert "06 12 34 56 78" in markup.soup(refus.content).select_one("#id_texte").get_text()
    with django_capture_on_commit_callbacks(execute=True):
        premier = ecrire(client, url, "Bonjour,\nnotre trésorière peut vous aider.")
    assert premier.status_code == 302, page(premier)
    conversation = Conversation.objects.get()
    assert premier["Location"] == f"/fr/bourse/conversations/{conversation.pk}/"
    assert (conversation.structure, conversation.initiee_par) == (
        bourse.recyclerie,
        bourse.gens["rita"],
    )
    [email] = mail.outbox
    assert sorted(email.bcc) == ["alice@alice.example", "bob@bob.example"] and not email.to
    assert "Recyclerie du Plateau" in email.subject and "Relire notre budget" in email.subject
    assert "notre trésorière peut vous aider" in email.body
    assert f"http://testserver/fr/bourse/conversations/{conversation.pk}/" in email.body
    assert "Ne répondez pas à cet e-mail" in email.body and "12 mois" in email.body
    assert "rita" not in str(email.message()).lower()  # neither her address nor her name
    assert not email.reply_to

    # A second attempt writes in the same conversation; a GET goes straight to it.
    assert client.get(url)["Location"] == premier["Location"]
    ecrire(client, url, "Nous sommes disponibles le mardi.")
    assert Conversation.objects.count() == 1 and Message.objects.count() == 2
    assert "titre-contact" in client.get(demande.get_absolute_url()).content.decode()
    assert "Voir la conversation de Recyclerie du Plateau" in page(
        client.get(demande.get_absolute_url())
    )
    for ferme in ("pourvue", "brouillon"):  # closed or not public: no new conversation
        annonce = bourse.annonces[ferme]
        assert ecrire(client, f"/fr/bourse/{annonce.pk}/contacter/", "Bonjour").status_code == 404
    autre = ecrire(client, url, "Au nom d'une autre", structure=bourse.jardins.pk)
    assert "Choisissez l'une de vos structures" in page(autre)
    assert Conversation.objects.count() == 1


@pytest.fixture
def conversation(bourse):
    conv = ConversationFactory(
        annonce=bourse.annonces["demande"],
        structure=bourse.recyclerie,
        initiee_par=bourse.gens["rita"],
    )
    MessageFactory(conversation=conv, cote="repondant", auteur=bourse.gens["rita"])
    return conv


def test_only_the_two_structures_reach_a_conversation(bourse, client, conversation):
    url = f"/fr/bourse/conversations/{conversation.pk}/"
    assert "/comptes/login/" in client.get(url)["Location"]
    assert "/comptes/login/" in client.post(url, {"texte": "Bonjour"})["Location"]
    client.force_login(bourse.gens["tiers"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"texte": "Bonjour"}).status_code == 404
    assert client.post(f"{url}coordonnees/").status_code == 404
    assert client.get("/fr/bourse/conversations/").status_code == 200
    assert Message.objects.count() == 1 and conversation.coordonnees_repondant_le is None
    client.force_login(bourse.gens["bob"])  # the annonce's side, who has not written
    reponse = client.get(url)
    assert reponse.status_code == 200 and "no-store" in reponse["Cache-Control"]
    assert "Recyclerie du Plateau" in page(reponse)


def test_no_address_shows_before_both_structures_agree(
    bourse, client, conversation, django_capture_on_commit_callbacks
):
    url = f"/fr/bourse/conversations/{conversation.pk}/"
    client.force_login(bourse.gens["alice"])
    with django_capture_on_commit_callbacks(execute=True):
        reponse = ecrire(client, url, "Merci !\nQuand êtes-vous disponibles ?")
    assert reponse["Location"] == url
    [email] = mail.outbox
    assert email.bcc == ["rita@rita.example"]  # the other side only, never the sender
    assert not ADRESSE_OU_TELEPHONE.search(email.body + email.subject)
    refus = ecrire(client, url, "Appelez-moi au 04 78 12 34 56")
    assert "Partager nos coordonnées" in page(refus)
    assert "04 78 12 34 56" in markup.soup(refus.content).select_one("#id_texte").get_text()

    lue = client.get(url)
    texte = principal(lue)
    assert texte.index("Bonjour, nous avons fait") < texte.index("Quand êtes-vous disponibles")
    assert "Merci !<br>Quand" in lue.content.decode()  # line breaks kept, nothing else
    assert not ADRESSE_OU_TELEPHONE.search(texte)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{url}coordonnees/")
        client.post(f"{url}coordonnees/")  # a second click tells nobody again
    assert not ADRESSE_OU_TELEPHONE.search(principal(client.get(url)))
    demande = mail.outbox[-1]
    assert len(mail.outbox) == 2 and demande.bcc == ["rita@rita.example"]
    assert "Partager nos coordonnées" in demande.body and url in demande.body
    client.force_login(bourse.gens["rita"])
    assert "Jardins de Vaise a déjà accepté" in page(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        partage = client.post(f"{url}coordonnees/", follow=True)
    accord = mail.outbox[-1]
    assert "alice@alice.example" in accord.bcc and "rita@rita.example" not in accord.bcc
    assert "s'affichent désormais" in accord.body
    assert not ADRESSE_OU_TELEPHONE.search(demande.body + accord.body + accord.subject)
    texte = principal(partage)
    assert "alice@alice.example" in texte and "rita@rita.example" in texte
    assert "bob@" not in texte  # only those who wrote
    assert "https://jardins.example" in texte
    with django_capture_on_commit_callbacks(execute=True):
        ecrire(client, url, "Mon numéro : 06 12 34 56 78 <script>alert(1)</script>")
    assert Message.objects.filter(texte__contains="06 12 34 56 78").exists()
    html = client.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_writing_too_much_is_a_429_that_keeps_the_text(bourse, client, monkeypatch):
    monkeypatch.setattr(
        django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1_800_000_000)
    )
    monkeypatch.setattr(views_conversations, "CONVERSATIONS_PAR_HEURE", "2/h")
    monkeypatch.setattr(views_conversations, "MESSAGES_PAR_HEURE", "2/h")
    client.force_login(bourse.gens["rita"])
    annonces = [AnnonceFactory(titre=f"Annonce limitée {n}") for n in range(3)]
    reponses = [
        ecrire(client, f"/fr/bourse/{a.pk}/contacter/", f"Bonjour {n}")
        for n, a in enumerate(annonces)
    ]
    assert [r.status_code for r in reponses] == [302, 302, 429]
    assert "Trop de messages" in page(reponses[-1])
    assert "Bonjour 2" in markup.soup(reponses[-1].content).select_one("#id_texte").get_text()
    url = reponses[0]["Location"]
    assert [ecrire(client, url, f"Suite {n}").status_code for n in range(3)] == [302, 302, 429]
    assert Conversation.objects.count() == 2


def test_conversations_close_with_their_annonce_and_are_erased_twelve_months_later(bourse, client):
    maintenant = timezone.now()
    demande = Annonce.objects.get(pk=bourse.annonces["demande"].pk)  # the module's stays open
    ouverte = ConversationFactory(annonce=demande)
    expiree = ConversationFactory(annonce=AnnonceFactory(fin=timezone.localdate()))
    services.fermer(demande, Etat.POURVUE)
    ouverte.refresh_from_db()
    assert ouverte.closed_at is not None
    expiree.annonce.fin = timezone.localdate() - datetime.timedelta(days=1)
    expiree.annonce.save()
    expirer_annonces.call()
    expiree.refresh_from_db()
    assert expiree.closed_at is not None

    def close_depuis(jours, **champs):
        conv = ConversationFactory(
            closed_at=maintenant - datetime.timedelta(days=jours),
            initiee_par=UserFactory(),
            **champs,
        )
        MessageFactory(conversation=conv, texte=f"Message de {jours} jours")
        return conv

    ancienne = close_depuis(370, issue="aide", heures=3, resume="Budget relu")
    recente = close_depuis(330)
    call_command("effacer_conversations", stdout=None)
    ancienne.refresh_from_db()
    recente.refresh_from_db()
    assert not ancienne.messages.exists() and ancienne.initiee_par is None
    assert ancienne.donnees_effacees_le is not None
    assert (ancienne.issue, ancienne.heures, ancienne.resume) == ("aide", 3, "Budget relu")
    assert recente.messages.count() == 1 and recente.donnees_effacees_le is None
    effacee_le = ancienne.donnees_effacees_le
    call_command("effacer_conversations", stdout=None)  # idempotent
    ancienne.refresh_from_db()
    assert ancienne.donnees_effacees_le == effacee_le

    client.force_login(bourse.gens["alice"])
    close = client.get(f"/fr/bourse/conversations/{ouverte.pk}/")
    assert "est close depuis" in page(close) and "id_texte" not in close.content.decode()
    refus = client.post(f"/fr/bourse/conversations/{ouverte.pk}/", {"texte": "Encore"}, follow=True)
    assert "ne reçoit plus de message" in page(refus) and not ouverte.messages.exists()


def compter(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_my_conversations_the_page_and_the_export_in_fixed_queries(bourse, client, conversation):
    rita = bourse.gens["rita"]
    client.force_login(rita)
    url = f"/fr/bourse/conversations/{conversation.pk}/"
    client.post(f"{url}coordonnees/")
    conversation.coordonnees_annonceur_le = timezone.now()
    conversation.save()
    for _ in range(2):
        MessageFactory(conversation=conversation, cote="annonceur", auteur=bourse.gens["alice"])
    compter(client, url)
    avant = {u: compter(client, u) for u in (url, "/fr/bourse/conversations/", "/fr/mon-espace/")}
    for n in range(9):
        MessageFactory(conversation=conversation, auteur=rita, texte=f"Message {n}")
    for annonce in (bourse.annonces["offre"], AnnonceFactory(), AnnonceFactory()):
        MessageFactory(
            conversation=ConversationFactory(annonce=annonce, structure=bourse.recyclerie)
        )
    apres = {u: compter(client, u) for u in avant}
    assert apres == avant
    assert Message.objects.filter(conversation=conversation).count() == 12

    liste = page(client.get("/fr/bourse/conversations/"))
    assert "Relire notre budget — avec Jardins de Vaise" in liste and "12 messages" in liste
    for vue in (liste, page(client.get(url)), page(client.get("/fr/mon-espace/"))):
        assert "Quokkabrouillon" not in vue  # another structure's draft, never
    assert "Mes conversations" in page(client.get("/fr/mon-espace/"))
    [section] = [s for s in SECTIONS if s.nom == "conversations"]
    lignes = section.donnees(rita)
    assert len(lignes) == 10 and lignes[-1]["message"] == "Message 8"
    assert lignes[-1]["au_nom_de"] == "Recyclerie du Plateau"
    assert lignes[-1]["conversation"] == "Relire notre budget — Recyclerie du Plateau"


def test_my_conversations_mark_those_with_a_message_i_have_not_seen(bourse, client, conversation):
    liste = "/fr/bourse/conversations/"
    url = f"/fr/bourse/conversations/{conversation.pk}/"

    def nouvelles(nom):
        client.force_login(bourse.gens[nom])
        return markup.soup(client.get(liste).content).select(".badge--nouveau")

    # Other structures' messages first, so that messages' and conversations' ids differ.
    MessageFactory.create_batch(3, conversation=ConversationFactory())
    MessageFactory(conversation=conversation, cote="repondant", auteur=bourse.gens["rita"])
    # Rita's structure opened it; Alice (the annonce's side) never read it.
    assert not nouvelles("rita") and nouvelles("alice")
    client.get(url)  # Alice reads it
    assert not nouvelles("alice")
    ecrire(client, url, "Jeudi nous irait.")  # and answers: not new for her, new for Rita
    assert not nouvelles("alice") and nouvelles("rita")
    MessageFactory(conversation=conversation, cote="annonceur", auteur=bourse.gens["bob"])
    assert nouvelles("alice")  # a colleague's message is new to her too
    [lectures] = [s for s in SECTIONS if s.nom == "lectures"]  # in her data export
    assert [ligne["conversation"] for ligne in lectures.donnees(bourse.gens["alice"])] == [
        str(conversation)
    ]
