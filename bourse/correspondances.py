"""Which offres fit a demande, and the reverse (issue 19, point 7): what a careful animator
checks first, then what reads closest.

An annonce here is anything with ``nature``, ``domaines`` and ``departements`` (slugs and
codes), ``a_distance``, ``debut`` and ``fin`` (dates), ``titre`` and ``description``: the
model's rows, or the judged set's entries (bench/bourse_matching.py).

1. The rules, all required: the same nature; a place that fits (a shared département, or an
   offre that can be given at a distance); dates that overlap.
2. The order, among those: how close the texts are (the words' stems, the editors' synonyms
   of the search added, each shared word weighted by how rare it is among the candidates),
   then a shared domaine, then the same département rather than at a distance."""

import math
from collections import Counter
from types import SimpleNamespace

from django.db.models import Q
from django.utils import timezone

from search.analysis import fold, meaningful, stem, words
from search.requetes import synonym_groups

from . import dates
from .models import Annonce, Sens

#: How much a shared domaine and a shared département add to the texts' closeness (0–1).
POIDS_DOMAINE = 0.3
POIDS_PROXIMITE = 0.1


def au_bon_endroit(offre, demande):
    return offre.a_distance or bool(set(offre.departements) & set(demande.departements))


def se_chevauchent(offre, demande):
    return offre.debut <= demande.fin and demande.debut <= offre.fin


def compatibles(offre, demande):
    return (
        offre.nature == demande.nature
        and au_bon_endroit(offre, demande)
        and se_chevauchent(offre, demande)
    )


def termes(annonce, langue="fr"):
    """The stems of the annonce's title and description, with those of the synonyms of any
    expression in it (« AG » brings « assemblée générale »)."""
    typed = [word for word in words(f"{annonce.titre} {annonce.description}") if meaningful(word)]
    folded = [fold(word) for word in typed]
    found = {stem(word, langue) for word in folded}
    for key, others in synonym_groups(langue).items():
        size = len(key)
        if any(tuple(folded[i : i + size]) == key for i in range(len(folded) - size + 1)):
            found.update(stem(fold(word), langue) for other in others for word in other.split())
    return found


def _proximite_des_textes(termes_a, termes_b, idf):
    shared = termes_a & termes_b
    if not shared:
        return 0.0
    poids = sum(idf[terme] for terme in shared)
    norme = math.sqrt(sum(idf[t] for t in termes_a) * sum(idf[t] for t in termes_b))
    return poids / norme if norme else 0.0


def classer(annonce, candidates, langue="fr"):
    """``candidates`` (the other side: offres for a demande, demandes for an offre) that
    follow the rules, closest first: [(candidate, score)]."""
    regle = (
        (lambda c: compatibles(c, annonce))
        if getattr(annonce, "sens", "demande") == "demande"
        else (lambda c: compatibles(annonce, c))
    )
    retenues = [candidate for candidate in candidates if regle(candidate)]
    if not retenues:
        return []
    sacs = {id(candidate): termes(candidate, langue) for candidate in retenues}
    propres = termes(annonce, langue)
    frequence = Counter(terme for sac in sacs.values() for terme in sac)
    total = len(retenues) + 1
    idf = {
        terme: math.log(total / (1 + frequence[terme])) + 1.0 for terme in set(frequence) | propres
    }
    scores = []
    for candidate in retenues:
        score = _proximite_des_textes(propres, sacs[id(candidate)], idf)
        if set(candidate.domaines) & set(annonce.domaines):
            score += POIDS_DOMAINE
        if set(candidate.departements) & set(annonce.departements):
            score += POIDS_PROXIMITE
        scores.append((candidate, score))
    return sorted(scores, key=lambda paire: -paire[1])


#: From this many demandes for a shared job, in one département and one domaine, animators
#: are told: a groupement d'employeurs may answer them together.
EMPLOI_PARTAGE_SEUIL = 3


def emplois_partages(demandes, seuil=EMPLOI_PARTAGE_SEUIL):
    """Groups of at least ``seuil`` « emploi partagé » demandes of one département sharing a
    domaine, each group once, largest first: [[demande, …]]. Demandes are linked when they
    share a département and a domaine; a group is what is linked, directly or not."""
    candidates = [d for d in demandes if d.nature == "emploi-partage"]
    parent = list(range(len(candidates)))

    def racine(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            if set(a.departements) & set(b.departements) and set(a.domaines) & set(b.domaines):
                parent[racine(i)] = racine(j)
    groupes = {}
    for i, demande in enumerate(candidates):
        groupes.setdefault(racine(i), []).append(demande)
    return sorted((g for g in groupes.values() if len(g) >= seuil), key=len, reverse=True)


def pour_le_classement(annonce):
    """An ``Annonce`` row (its domaines and départements prefetched) as ``classer`` reads
    it: slugs and codes, and a start date (its own, else its publication, else today)."""
    commence = annonce.debut or (
        timezone.localdate(annonce.published_at) if annonce.published_at else dates.aujourdhui()
    )
    return SimpleNamespace(
        objet=annonce,
        sens=annonce.sens,
        nature=annonce.nature,
        titre=annonce.titre,
        description=annonce.description,
        domaines=[domaine.slug for domaine in annonce.domaines.all()],
        departements=annonce.codes_departements(),
        a_distance=annonce.a_distance,
        debut=commence,
        fin=annonce.fin,
    )


#: At most this many public annonces of the other side are read and ranked for one page.
CANDIDATES_LUES = 300


def correspondantes(annonce, nombre=5):
    """The public annonces of the other side that fit ``annonce``, closest first: what its
    page proposes (« Offres qui pourraient répondre », and the reverse). A fixed number of
    queries: the candidates the rules may keep (same nature, other side, dates that overlap)
    with their domaines and départements; the place is checked in Python."""
    autre = Sens.DEMANDE if annonce.sens == Sens.OFFRE else Sens.OFFRE
    debut = pour_le_classement(annonce).debut
    candidates = (
        Annonce.objects.publiques()
        .filter(sens=autre, nature=annonce.nature, fin__gte=debut)
        .filter(Q(debut__isnull=True) | Q(debut__lte=annonce.fin))
        .exclude(structure=annonce.structure)
        .select_related("structure")
        .prefetch_related("domaines", "departements")
        .order_by("-published_at", "-pk")[:CANDIDATES_LUES]
    )
    classees = classer(pour_le_classement(annonce), [pour_le_classement(c) for c in candidates])
    return [candidate.objet for candidate, _score in classees[:nombre]]
