"""The query parameters of the public API (``donnees.api``): each read and checked once, a
bad value refused with a message that says which and why (``ParametreInvalide``, a 400),
then applied to a queryset.

Page filters apply to every page type they make sense for and keep, of a mixed list, the
pages that have what is asked: ``?public=`` keeps ressources for that public and no workshop
(a workshop has no public). What a type offers to a filter it declares itself
(``Registered.api_departement``, ``Registered.api_periode``)."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from ressources.models import Domaine, Public
from ressources.registry import registered_types
from ressources.territoires import DEPARTEMENTS

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 10
CODES_DEPARTEMENT = frozenset(code for code, _nom in DEPARTEMENTS)
#: What ``?order=`` accepts on every endpoint; a leading « - » reverses it.
ORDRES_PAGES = ("title", "first_published_at", "last_published_at", "id")


class ParametreInvalide(BadRequestError):
    """A query parameter the API does not know, or a value it cannot read: a 400."""


def refuser_inconnus(query, acceptes):
    """``ParametreInvalide`` for a parameter not in ``acceptes``, or any value with a NUL
    character (no database takes one in a text)."""
    inconnus = sorted(set(query) - set(acceptes))
    if inconnus:
        raise ParametreInvalide(
            _("Paramètre inconnu : %(noms)s. Paramètres acceptés : %(acceptes)s.")
            % {"noms": ", ".join(inconnus), "acceptes": ", ".join(sorted(acceptes))}
        )
    for nom, valeurs in query.lists():
        if len(valeurs) > 1:
            raise ParametreInvalide(
                _("Le paramètre %(nom)s est donné plusieurs fois : donnez-le une seule fois.")
                % {"nom": nom}
            )
        if "\x00" in valeurs[0]:
            raise ParametreInvalide(
                _("Le paramètre %(nom)s contient un caractère nul.") % {"nom": nom}
            )


def types_demandes(valeur):
    """The page models of ``?type=``: type keys (``guide,fiche``) or Wagtail's model names
    (``ressources.GuidePage``), among the published types only."""
    types = registered_types()
    par_nom = {model._meta.label.lower(): model for model in types.values()}
    if not valeur:
        return list(types.values())
    models = []
    for nom in valeur.split(","):
        model = types.get(nom) or par_nom.get(nom.lower())
        if model is None:
            raise ParametreInvalide(
                _("Type inconnu : %(type)s. Types acceptés : %(types)s.")
                % {"type": nom, "types": ", ".join(types)}
            )
        if model not in models:
            models.append(model)
    return models


def locale_demandee(valeur):
    codes = [code for code, _nom in settings.LANGUAGES]
    if valeur not in codes:
        raise ParametreInvalide(
            _("Langue inconnue : %(langue)s. Langues acceptées : %(langues)s.")
            % {"langue": valeur, "langues": ", ".join(codes)}
        )
    return Locale.objects.filter(language_code=valeur).first()


def slug_connu(model, valeur, message):
    if not model.objects.filter(slug=valeur).exists():
        raise ParametreInvalide(message % {"slug": valeur})
    return valeur


def departement(valeur):
    if valeur not in CODES_DEPARTEMENT:
        raise ParametreInvalide(
            _("Département inconnu : %(code)s. Donnez son code INSEE : 01…95, 2A, 2B, 971…976.")
            % {"code": valeur}
        )
    return valeur


def jour(nom, valeur):
    """A date written YYYY-MM-DD."""
    try:
        if not DATE.match(valeur):
            raise ValueError(valeur)
        return date.fromisoformat(valeur)
    except ValueError:
        raise ParametreInvalide(
            _("Date illisible pour %(nom)s : %(valeur)s. Écrivez-la AAAA-MM-JJ, ex. 2027-01-31.")
            % {"nom": nom, "valeur": valeur}
        ) from None


@dataclass
class FiltresPages:
    """What ``?domaine``, ``?public``, ``?departement``, ``?depuis`` and ``?jusqu_a`` ask."""

    domaine: str = ""
    public: str = ""
    departement: str = ""
    depuis: date | None = None
    jusqu_a: date | None = None

    @classmethod
    def lire(cls, query):
        filtres = cls()
        if "domaine" in query:
            filtres.domaine = slug_connu(
                Domaine, query["domaine"], _("Domaine inconnu : %(slug)s.")
            )
        if "public" in query:
            filtres.public = slug_connu(Public, query["public"], _("Public inconnu : %(slug)s."))
        if "departement" in query:
            filtres.departement = departement(query["departement"])
        if "depuis" in query:
            filtres.depuis = jour("depuis", query["depuis"])
        if "jusqu_a" in query:
            filtres.jusqu_a = jour("jusqu_a", query["jusqu_a"])
        if filtres.depuis and filtres.jusqu_a and filtres.depuis > filtres.jusqu_a:
            raise ParametreInvalide(_("La date depuis doit venir avant la date jusqu_a."))
        return filtres

    def condition(self, model):
        """What a page of ``model`` must meet, or None if no page of it can."""
        condition = Q()
        for relation, slug in (("domaines", self.domaine), ("publics", self.public)):
            if slug:
                if not has_field(model, relation):
                    return None
                condition &= Q(**{f"{relation}__slug": slug})
        if self.departement:
            if not model.api_departement:
                return None
            condition &= Q(**{model.api_departement: self.departement})
        debut, fin = model.api_periode
        if self.depuis:
            condition &= Q(**{f"{fin}__gte": datetime.combine(self.depuis, time.min, paris())})
        if self.jusqu_a:
            condition &= Q(**{f"{debut}__lte": datetime.combine(self.jusqu_a, time.max, paris())})
        return condition

    def appliquer(self, queryset, models):
        """The pages of ``queryset`` (of ``models``) that meet the filters: one subquery per
        type, so that a mixed list of pages filters on each type's own fields."""
        if self == FiltresPages():
            return queryset
        subqueries = Q(id__in=[])
        for model in models:
            condition = self.condition(model)
            if condition is not None:
                subqueries |= Q(id__in=model.objects.filter(condition).values("pk"))
        return queryset.filter(subqueries)


def paris():
    return timezone.get_default_timezone()


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def ordre(valeur, acceptes):
    """The ``order_by`` arguments of ``?order=`` (comma-separated, « - » to reverse)."""
    champs = valeur.split(",")
    for champ in champs:
        if champ.removeprefix("-") not in acceptes:
            raise ParametreInvalide(
                _("Tri inconnu : %(tri)s. Tris acceptés : %(tris)s (précédé de « - » : inversé).")
                % {"tri": champ, "tris": ", ".join(acceptes)}
            )
    return [*champs, "id"]


def entier(nom, valeur, maximum=None):
    """A non-negative integer, at most ``maximum``."""
    if not valeur.isascii() or not valeur.isdigit():
        raise ParametreInvalide(
            _("%(nom)s doit être un entier positif ou nul : %(valeur)s.")
            % {"nom": nom, "valeur": valeur[:50]}
        )
    nombre = int(valeur)
    if maximum is not None and nombre > maximum:
        raise ParametreInvalide(
            _("%(nom)s ne peut dépasser %(max)d.") % {"nom": nom, "max": maximum}
        )
    return nombre


def termes(valeur):
    """The words of ``?search=``, lower case, at most ``MAX_WORDS``: the search engine gets
    words only, never a quote or an operator its syntax would choke on (SQLite's FTS5 fails
    on an unbalanced quote, on a hundred words, on a bare « NOT »)."""
    return " ".join(WORD.findall(valeur.lower())[:MAX_WORDS])
