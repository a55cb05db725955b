"""The demo's bourse d'entraide (``data/annonces.yaml``): a few more structures and a dozen
annonces across départements and natures, offres and demandes, one fulfilled and one expired,
then a few conversations between structures (details shared or not, some closed with their
outcome confirmed by both sides), dated from the day the demo is loaded. Loading again creates
nothing: an annonce is found by its structure and its title, a conversation by its annonce and
structure. Their messages have no author: the demo has no accounts."""

from datetime import timedelta

from django.utils import timezone

from bourse import services as bourse_services
from bourse.models import Annonce, Conversation, Cote, Message
from ressources.models import Domaine
from structures import services as structures_services

CHAMPS = ("sens", "nature", "titre", "description", "disponibilites", "format", "contrepartie")


def load_annonces(data, structures):
    """``data``: the file's ``{structures, annonces}``; ``structures``: those already loaded,
    by name. Returns the annonces by title."""
    structures = dict(structures)
    for fields in data.get("structures", []):
        structure = structures_services.get_or_create_structure(**fields)
        structures[structure.nom] = structure
    annonces = {entry["titre"]: load_annonce(entry, structures) for entry in data["annonces"]}
    for entry in data.get("conversations", []):
        load_conversation(entry, annonces, structures)
    return annonces


def load_annonce(entry, structures):
    structure = structures[entry["structure"]]
    existante = Annonce.objects.filter(structure=structure, titre=entry["titre"]).first()
    if existante is not None:
        return existante
    maintenant = timezone.now()
    publiee = maintenant - timedelta(days=entry.get("publiee_il_y_a", 0))
    etat = entry.get("etat", "publiee")
    annonce = Annonce(
        structure=structure,
        a_distance=entry.get("a_distance", False),
        fin=timezone.localdate() + timedelta(days=entry["fin_dans"]),
        etat=etat,
        created_at=publiee,
        published_at=publiee if etat not in ("brouillon", "moderation") else None,
        relue_le=publiee,
        closed_at=maintenant if etat in ("pourvue", "expiree", "retiree") else None,
        **{champ: entry.get(champ, "") for champ in CHAMPS},
    )
    annonce.full_clean(exclude=["fin"])  # an expired one ended in the past, as it should
    domaines = Domaine.objects.filter(locale__language_code="fr", slug__in=entry["domaines"])
    return bourse_services.enregistrer(annonce, entry["departements"], domaines)


def il_y_a(jours):
    return timezone.now() - timedelta(days=jours) if jours is not None else None


def load_conversation(entry, annonces, structures):
    annonce, structure = annonces[entry["annonce"]], structures[entry["structure"]]
    existante = Conversation.objects.filter(annonce=annonce, structure=structure).first()
    if existante is not None:
        return existante
    ouverte, close = il_y_a(entry["ouverte_il_y_a"]), il_y_a(entry.get("close_il_y_a"))
    partagees = ouverte + timedelta(days=1) if entry.get("coordonnees") else None
    confirmee = close if entry.get("issue") else None
    conversation = Conversation.objects.create(
        annonce=annonce,
        structure=structure,
        created_at=ouverte,
        coordonnees_annonceur_le=partagees,
        coordonnees_repondant_le=partagees,
        closed_at=close,
        issue=entry.get("issue", ""),
        heures=entry.get("heures"),
        valeur=entry.get("valeur"),
        resume=entry.get("resume", ""),
        confirmee_annonceur_le=confirmee,
        confirmee_repondant_le=confirmee,
    )
    # One message every few hours from the day it was opened.
    messages = Message.objects.bulk_create(
        Message(
            conversation=conversation,
            cote=Cote(message["de"]),
            texte=message["texte"],
            created_at=ouverte + timedelta(hours=5 * numero),
        )
        for numero, message in enumerate(entry["messages"])
    )
    conversation.derniere_activite = messages[-1].created_at
    conversation.save(update_fields=["derniere_activite"])
    return conversation
