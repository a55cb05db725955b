"""From a listing's query string to the canonical query an alert keeps, and back.

Only the parameters the listing's own filters read are kept, validated by those filters
(``ressources.filters``, ``fiches.filters``, ``evenements.filters``, ``search.moteur``): an
alert never stores raw input. Parameters that only page or sort a listing (``page``, ``tri``,
the agenda's dates) are dropped; any other parameter, or a value the filters do not know, is
refused with a message that says which."""

import hashlib

from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from bourse.filters import AnnonceFilterSet
from bourse.models import Nature, Sens
from evenements.filters import AtelierFilterSet
from evenements.models.choices import Format
from fiches.filters import FicheFilterSet
from fiches.models import FichePage
from ressources.filters import RessourceFilterSet
from ressources.models import Domaine, Niveau, Public, RessourcePage
from ressources.registry import registered_types, search_labels
from search import requetes as recherche
from search.moteur import DEPARTEMENT_NAMES, SLUG, Filters
from structures.models import TypeStructure

from .models import Quoi

CRITERES = {
    Quoi.RESSOURCES: ("domaine", "type", "public", "niveau"),
    Quoi.FICHES: ("domaine", "public", "niveau", "type_structure", "departement"),
    Quoi.ATELIERS: ("domaine", "format", "departement"),
    Quoi.RECHERCHE: ("q", "type", "domaine", "public", "departement"),
    Quoi.BOURSE: ("sens", "nature", "domaine", "departement", "a_distance"),
}
#: Parameters of the listing that choose a page, an order or dates: not part of an alert.
IGNORES = {
    Quoi.RESSOURCES: ("page", "tri"),
    Quoi.FICHES: ("page", "tri"),
    Quoi.ATELIERS: ("page", "periode", "du", "au", "places"),
    Quoi.RECHERCHE: ("page", "tri"),
    Quoi.BOURSE: ("page",),
}
QUOI = "quoi"


class ParametresInvalides(ValueError):
    """A query an alert cannot be made of; its text says why, for the person."""


def filterset_class(quoi):
    return {
        Quoi.RESSOURCES: RessourceFilterSet,
        Quoi.FICHES: FicheFilterSet,
        Quoi.ATELIERS: AtelierFilterSet,
        Quoi.BOURSE: AnnonceFilterSet,
    }[quoi]


def types_of(quoi):
    """The ``type`` choices of a listing's filters (only the ressources listing has some)."""
    return registered_types(base=RessourcePage) if quoi == Quoi.RESSOURCES else {}


def filterset(quoi, data, queryset):
    """The listing's filterset bound to ``data`` (a QueryDict) over ``queryset``."""
    cls = filterset_class(quoi)
    if cls is RessourceFilterSet:
        return cls(data, queryset=queryset, types=types_of(quoi))
    if cls is FicheFilterSet:
        return cls(data, queryset=queryset, types=registered_types(base=FichePage))
    return cls(data, queryset=queryset)


def lire(data):
    """``(quoi, criteres)`` of a query string (a QueryDict), or ``ParametresInvalides``."""
    quoi = data.get(QUOI, "")
    if quoi not in Quoi.values:
        raise ParametresInvalides(
            _("Le paramètre « quoi » doit valoir : %(valeurs)s.")
            % {"valeurs": ", ".join(Quoi.values)}
        )
    quoi = Quoi(quoi)
    inconnus = sorted(set(data) - {QUOI, *CRITERES[quoi], *IGNORES[quoi]})
    if inconnus:
        raise ParametresInvalides(
            _("Paramètre inconnu : %(noms)s. Paramètres possibles ici : %(possibles)s.")
            % {"noms": ", ".join(inconnus), "possibles": ", ".join(CRITERES[quoi])}
        )
    if quoi == Quoi.RECHERCHE:
        return quoi, _criteres_de_recherche(data)
    return quoi, _criteres_de_liste(quoi, data)


def _criteres_de_liste(quoi, data):
    subset = QueryDict(mutable=True)
    for name in CRITERES[quoi]:
        subset.setlist(name, data.getlist(name))
    bound = filterset(quoi, subset, RessourcePage.objects.none())
    if not bound.form.is_valid():
        raise ParametresInvalides(
            " ".join(
                f"{bound.form.fields[name].label} : {error}"
                for name, errors in bound.form.errors.items()
                for error in errors
            )
        )
    criteres = {}
    for name in CRITERES[quoi]:
        value = bound.form.cleaned_data.get(name)
        if not value:
            continue
        if value is True:  # a checkbox (the bourse's « à distance »), as a browser sends it
            value = "on"
        if isinstance(value, str):
            value = [value]
        criteres[name] = sorted(getattr(item, "slug", item) for item in value)
    return criteres


def _criteres_de_recherche(data):
    texte = recherche.clean(data.get("q", ""))
    if not recherche.parse(texte):
        raise ParametresInvalides(_("Indiquez les mots à rechercher (paramètre « q »)."))
    choisis = Filters.from_request(data).as_dict()
    for name in ("type", "domaine", "public", "departement"):
        if data.get(name) and name not in choisis:
            raise ParametresInvalides(
                _("Valeur inconnue pour « %(nom)s » : %(valeur)s.")
                % {"nom": name, "valeur": data.get(name)[:80]}
            )
    for name, model in (("domaine", Domaine), ("public", Public)):
        slug = choisis.get(name)
        if slug and not (SLUG.fullmatch(slug) and model.objects.filter(slug=slug).exists()):
            raise ParametresInvalides(
                _("Valeur inconnue pour « %(nom)s » : %(valeur)s.") % {"nom": name, "valeur": slug}
            )
    return {"q": [texte], **{name: [value] for name, value in choisis.items()}}


def querystring(criteres):
    """The criteria as a sorted query string: the same query always reads the same."""
    return urlencode(sorted(criteres.items()), doseq=True)


def parametres(quoi, criteres):
    """The query string that makes this alert again (« Me prévenir », its feed)."""
    query = querystring(criteres)
    return f"{QUOI}={quoi}&{query}" if query else f"{QUOI}={quoi}"


def cle(quoi, criteres):
    """A digest of the canonical query, of a fixed length (a search's text may be long)."""
    return hashlib.sha256(f"{quoi}?{querystring(criteres)}".encode()).hexdigest()


def query_dict(criteres):
    data = QueryDict(mutable=True)
    for name, values in criteres.items():
        data.setlist(name, values)
    return data


def _noms(model, slugs):
    names = dict(model.objects.in_active_locale().values_list("slug", "nom"))
    return [names.get(slug, slug) for slug in slugs]


def _libelles(quoi, name, values):
    if name in ("domaine", "public"):
        return _noms(Domaine if name == "domaine" else Public, values)
    if name == "type":
        labels = search_labels()
        return [str(labels.get(value, value)) for value in values]
    if name == "a_distance":
        return [str(_("À distance"))]
    choices = {
        "sens": Sens,
        "nature": Nature,
        "niveau": Niveau,
        "format": Format,
        "type_structure": TypeStructure,
    }
    if name in choices:
        return [str(choices[name](value).label) for value in values]
    if name == "departement":
        return [f"{DEPARTEMENT_NAMES.get(value, value)} ({value})" for value in values]
    return list(values)


def description(quoi, criteres):
    """« Ressources — Guide pratique, Gouvernance » in the active language."""
    titre = str(Quoi(quoi).label)
    if quoi == Quoi.RECHERCHE:
        titre = _("Recherche « %(texte)s »") % {"texte": criteres["q"][0]}
    parts = [
        libelle
        for name in CRITERES[quoi]
        if name != "q" and name in criteres
        for libelle in _libelles(quoi, name, criteres[name])
    ]
    text = f"{titre} — {', '.join(parts)}" if parts else titre
    return text[:500]
