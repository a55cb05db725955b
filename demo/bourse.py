"""The demo's bourse d'entraide (``data/annonces.yaml``): a few more structures and a dozen
annonces across départements and natures, offres and demandes, one fulfilled and one expired,
dated from the day the demo is loaded. Loading again creates nothing: an annonce is found by
its structure and its title."""

from datetime import timedelta

from django.utils import timezone

from bourse import services as bourse_services
from bourse.models import Annonce
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
    return {entry["titre"]: load_annonce(entry, structures) for entry in data["annonces"]}


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
