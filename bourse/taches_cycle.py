"""The lifecycle's e-mails, sent by the task worker once ``cycle`` has claimed their step:
the author's reminder with its one-click links, the animators' notice of a demande left
without an answer, and of a possible shared job. Each re-reads the annonce: one closed in
between gets nothing."""

from collections import Counter

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from ressources import emails
from ressources.territoires import DEPARTEMENT_CHOICES

from . import destinataires, liens
from .models import Annonce, Conversation, Etat

AVANT_FIN = "avant-fin"
FIN = "fin"
ETAPES = (AVANT_FIN, FIN)


def absolu(path):
    return emails.absolute(path)


@task()
def envoyer_rappel(annonce_id, etape):
    """7 days before the end (``AVANT_FIN``) or on the day (``FIN``): one e-mail to the
    author with « Toujours d'actualité », « Pourvue », « Retirer ». True if it went out."""
    annonce = (
        Annonce.objects.select_related("auteur", "structure")
        .filter(pk=annonce_id, etat__in=[Etat.PUBLIEE, Etat.EXPIREE])
        .first()
    )
    if annonce is None or etape not in ETAPES:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "annonce": annonce,
            "etape": etape,
            "url": absolu(annonce.get_absolute_url()),
            "liens": {action: absolu(path) for action, path in liens.liens(annonce).items()},
            "jours": liens.VALABLE.days,
            "mes_annonces": absolu(reverse("mes_annonces")),
        }
        return emails.notify(
            destinataires.auteurs(annonce), "bourse/emails/rappel", context, bcc=True
        )


def noms(codes):
    libelles = dict(DEPARTEMENT_CHOICES)
    return [str(libelles.get(code, code)) for code in codes]  # « 69 – Rhône »


@task()
def prevenir_animateurs(annonce_id):
    """A demande still without any conversation 10 days after its publication: its
    département's animators (or the Modérateurs) may know who could help."""
    annonce = Annonce.objects.publiques().select_related("structure").filter(pk=annonce_id).first()
    if annonce is None:
        return False
    codes = annonce.codes_departements()
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "annonce": annonce,
            "departements": noms(codes),
            "url": absolu(annonce.get_absolute_url()),
        }
        return emails.notify(
            destinataires.animateurs(codes), "bourse/emails/sans_reponse", context, bcc=True
        )


@task()
def signaler_emploi_partage(annonce_ids, nouvelles_ids):
    """A group of shared-job demandes (``correspondances.emplois_partages``), to the animators
    of the départements they share: a groupement d'employeurs may answer them together."""
    annonces = list(
        Annonce.objects.publiques()
        .filter(pk__in=annonce_ids)
        .select_related("structure")
        .prefetch_related("departements", "domaines")
        .order_by("pk")
    )
    if not annonces:
        return False
    # The départements at least two of them share (the group's area).
    compte = Counter(code for a in annonces for code in a.codes_departements())
    partages = sorted(code for code, nombre in compte.items() if nombre >= 2)
    with translation.override(settings.LANGUAGE_CODE):
        lignes = [
            {
                "annonce": a,
                "nouvelle": a.pk in nouvelles_ids,
                "url": absolu(a.get_absolute_url()),
                "domaines": ", ".join(d.nom for d in a.domaines.all()),
            }
            for a in annonces
        ]
        context = {"lignes": lignes, "departements": noms(partages), "nombre": len(annonces)}
        return emails.notify(
            destinataires.animateurs(partages), "bourse/emails/emploi_partage", context, bcc=True
        )


@task()
def demander_issue(conversation_id):
    """Both structures of an exchange with no outcome are asked what came of it (the link to
    declare it). Nothing if it was declared meanwhile. True if it went out."""
    conversation = (
        Conversation.objects.select_related("annonce__structure", "structure")
        .filter(pk=conversation_id, issue="")
        .first()
    )
    if conversation is None:
        return False
    adresses = sorted(
        {
            *destinataires.membres(conversation.annonce.structure),
            *destinataires.membres(conversation.structure),
        }
    )
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "conversation": conversation,
            "annonce": conversation.annonce,
            "url": absolu(reverse("conversation_issue", args=[conversation.pk])),
        }
        return emails.notify(adresses, "bourse/emails/issue_a_declarer", context, bcc=True)
