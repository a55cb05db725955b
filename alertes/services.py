"""Making, confirming and sending alerts. A digest goes out at most once per period (a day or
an ISO week, in Paris time): the task claims the period with one conditional UPDATE, which
only one of two concurrent runs can win, before it reads anything."""

from django.utils import timezone

from ressources import emails

from . import liens, nouveautes, requetes
from .models import Alerte, Frequence


def creer(quoi, criteres, description, email, frequence, langue, user=None):
    """``(alerte, created)``: one alert per address and query (and language). Signed in, the
    address is the account's verified one: the alert is confirmed at once (and an existing
    one takes the new frequency); otherwise it waits for its confirmation link."""
    from_account = user is not None
    alerte, created = Alerte.objects.get_or_create(
        email=email.strip().lower(),
        quoi=quoi,
        cle=requetes.cle(quoi, criteres),
        langue=langue,
        defaults={
            "criteres": criteres,
            "description": description,
            "frequence": frequence,
            "user": user,
        },
    )
    if from_account:
        alerte.user = user
        alerte.frequence = frequence
        alerte.save(update_fields=["user", "frequence"])
        confirmer(alerte)
    return alerte, created


def confirmer(alerte):
    """Confirm ``alerte``: what is published from now on will be in its digests."""
    if alerte.confirmed_at is None:
        now = timezone.now()
        alerte.confirmed_at = now
        alerte.envoyee_jusqu_a = now
        alerte.save(update_fields=["confirmed_at", "envoyee_jusqu_a"])


def envoyer_confirmation(alerte):
    return emails.notify(
        [alerte.email],
        "alertes/emails/confirmation",
        {
            "alerte": alerte,
            "lien": emails.absolute(liens.confirmer(alerte)),
            "jours": liens.CONFIRMATION_VALABLE.days,
        },
        language=alerte.langue,
    )


def periode(frequence, now=None):
    """The period a digest of ``frequence`` is for: « 2026-12-07 » or « 2026-W49 »."""
    day = timezone.localdate(now or timezone.now())
    if frequence == Frequence.HEBDOMADAIRE:
        year, week, _day = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def dues(frequence, cle_periode):
    """The confirmed alerts of ``frequence`` not yet sent for the period."""
    return (
        Alerte.objects.confirmees()
        .filter(frequence=frequence)
        .exclude(derniere_periode=cle_periode)
    )


def nettoyer(now=None):
    """Delete the alerts nobody confirmed in time. Returns how many."""
    limite = (now or timezone.now()) - liens.CONFIRMATION_VALABLE
    deleted, _details = Alerte.objects.filter(
        confirmed_at__isnull=True, created_at__lt=limite
    ).delete()
    return deleted


def envoyer(pk, cle_periode):
    """Send alert ``pk``'s digest for the period if nobody has yet: the number of new items
    it listed (0: nothing new, no e-mail), or None when the period was already claimed."""
    alerte = Alerte.objects.confirmees().filter(pk=pk).first()
    if alerte is None:
        return None
    now = timezone.now()
    claimed = (
        Alerte.objects.filter(pk=pk, envoyee_jusqu_a=alerte.envoyee_jusqu_a)
        .exclude(derniere_periode=cle_periode)
        .update(derniere_periode=cle_periode, envoyee_jusqu_a=now)
    )
    if not claimed:
        return None
    items = nouveautes.trouver(alerte, depuis=alerte.envoyee_jusqu_a, jusqu_a=now)
    if items:
        envoyer_nouveautes(alerte, items)
    return len(items)


def envoyer_nouveautes(alerte, items):
    desabonner = emails.absolute(liens.desabonner(alerte))
    liste = nouveautes.adresse_de_la_liste(alerte.quoi, alerte.criteres, alerte.langue)
    lignes = [{"item": item, "url": emails.absolute(item.url)} for item in items]
    return emails.notify(
        [alerte.email],
        "alertes/emails/nouveautes",
        {
            "alerte": alerte,
            # A bourse alert's demandes still without an answer come under their own title.
            "items": [ligne for ligne in lignes if not ligne["item"].relance],
            "relances": [ligne for ligne in lignes if ligne["item"].relance],
            "total": len(lignes),
            "limite": len(items) >= nouveautes.LIMITE,
            "liste": emails.absolute(liste),
            "desabonner": desabonner,
        },
        language=alerte.langue,
        headers={
            "List-Unsubscribe": f"<{desabonner}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
