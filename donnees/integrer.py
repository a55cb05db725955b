"""Pages a partner site frames with one copy-pasted snippet (an ``<iframe>``): the next
ateliers, of a département or a domaine, or the latest ressources, of a domaine or a type.

Standalone and light: no header, menu or script, styles inline. What anyone may already read
only: live, public pages of the address's language, never a cancelled workshop. Framing is
allowed for these pages alone (``embeddable``); their parameters are allow-listed, and anything
else is a 400 page that says what is wrong. The snippet builder is in ``integrer_constructeur``.
"""

import re
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Locale

from evenements.listing import with_seats
from evenements.models import AgendaPage, AtelierPage
from ressources import listing, navigation
from ressources.models import Domaine, RessourceIndexPage, RessourcePage
from ressources.registry import registered_types
from ressources.territoires import DEPARTEMENTS

ATELIERS, RESSOURCES = "ateliers", "ressources"
#: The parameters each embed reads; any other is refused.
PARAMETRES = {
    ATELIERS: ("departement", "domaine", "nombre"),
    RESSOURCES: ("domaine", "type", "nombre"),
}
NOMBRE_PAR_DEFAUT, NOMBRE_MAX = 5, 20
NOMS_DEPARTEMENTS = dict(DEPARTEMENTS)
NOMBRE = re.compile(r"[0-9]{1,2}")
#: What the embeds may load and who may frame them: inline styles, nothing else.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


class ParametreInvalide(ValueError):
    """A parameter an embed does not read, or a value it does not know: a 400 saying which."""


@dataclass(frozen=True)
class Choix:
    """What one embed shows, its address's parameters once checked."""

    nombre: int = NOMBRE_PAR_DEFAUT
    departement: str = ""
    domaine: Domaine | None = None
    type_key: str = ""

    def parametres(self):
        """The address's parameters, in a stable order, without the defaults."""
        values = {
            "departement": self.departement,
            "domaine": self.domaine.slug if self.domaine else "",
            "type": self.type_key,
            "nombre": self.nombre if self.nombre != NOMBRE_PAR_DEFAUT else "",
        }
        return {name: value for name, value in values.items() if value}


def ressource_types():
    """``{type key: page model}`` of the ressources (guides, modèles, fiches)."""
    return registered_types(RessourcePage)


def shown(value):
    """A value from the address, short enough to quote in a message."""
    return Truncator(value).chars(40)


def nombre(value):
    if not value:
        return NOMBRE_PAR_DEFAUT
    if not NOMBRE.fullmatch(value) or not 1 <= int(value) <= NOMBRE_MAX:
        raise ParametreInvalide(
            _("« nombre » doit être un nombre entier de 1 à %(max)s ; il vaut « %(valeur)s ».")
            % {"max": NOMBRE_MAX, "valeur": shown(value)}
        )
    return int(value)


def departement(value):
    code = value.upper()
    if code and code not in NOMS_DEPARTEMENTS:
        raise ParametreInvalide(
            _("Département inconnu : %(code)s. Utilisez son code INSEE (69, 2A, 974…).")
            % {"code": shown(value)}
        )
    return code


def domaine(value, domaines):
    if value and value not in domaines:
        raise ParametreInvalide(_("Domaine inconnu : %(slug)s.") % {"slug": shown(value)})
    return domaines.get(value)


def type_key(value):
    if value and value not in ressource_types():
        raise ParametreInvalide(_("Type de contenu inconnu : %(type)s.") % {"type": shown(value)})
    return value


def choix(query, kind, domaines):
    """The ``Choix`` of ``query`` (the request's ``GET``) for the embed ``kind``; ``domaines``:
    the language's domaines by slug. An empty value means « all »."""
    accepted = PARAMETRES[kind]
    for name in query:
        if name not in accepted:
            raise ParametreInvalide(
                _("Paramètre inconnu : « %(nom)s ». Paramètres possibles : %(possibles)s.")
                % {"nom": shown(name), "possibles": ", ".join(accepted)}
            )
        if len(query.getlist(name)) > 1:
            raise ParametreInvalide(
                _("Le paramètre « %(nom)s » ne peut être donné qu'une fois.") % {"nom": name}
            )
    values = {name: query.get(name, "").strip() for name in accepted}
    return Choix(
        nombre=nombre(values["nombre"]),
        departement=departement(values.get("departement", "")),
        domaine=domaine(values["domaine"], domaines),
        type_key=type_key(values.get("type", "")),
    )


def domaines_of(locale):
    return {domaine.slug: domaine for domaine in Domaine.objects.filter(locale=locale)}


def titre(kind, choix):
    """The embed's heading and the iframe's ``title``: what it lists, and for what."""
    parts = [_("Prochains ateliers") if kind == ATELIERS else _("Dernières ressources")]
    if choix.type_key:
        parts.append(str(ressource_types()[choix.type_key]._meta.verbose_name_plural).capitalize())
    if choix.departement:
        parts.append(f"{NOMS_DEPARTEMENTS[choix.departement]} ({choix.departement})")
    if choix.domaine is not None:
        parts.append(choix.domaine.nom)
    return " – ".join(parts)


def prochains_ateliers(locale, choix):
    """The ``choix.nombre`` next workshops, soonest first, seats counted in the same query."""
    ateliers = (
        AtelierPage.objects.live()
        .public()
        .filter(locale=locale, fin__gt=timezone.now(), annule=False)
    )
    if choix.departement:
        ateliers = ateliers.filter(departement=choix.departement)
    if choix.domaine is not None:
        # by slug: a translated workshop keeps the source language's terms
        ateliers = ateliers.filter(domaines__slug=choix.domaine.slug)
    ateliers = with_seats(ateliers).defer("description").order_by("debut", "pk")
    return listing.with_taxonomy_labels(ateliers[: choix.nombre])


def dernieres_ressources(locale, choix):
    """The ``choix.nombre`` ressources published last, as the home page lists them."""
    ressources = RessourcePage.live_in(locale)
    if choix.domaine is not None:
        ressources = ressources.filter(domaines__slug=choix.domaine.slug)
    if choix.type_key:
        model = ressource_types()[choix.type_key]
        ressources = ressources.filter(content_type=ContentType.objects.get_for_model(model))
    return listing.latest(ressources, choix.nombre)


def with_query(url, parameters):
    return f"{url}?{urlencode(parameters)}" if url and parameters else url


def agenda_url(request, locale, choix):
    """The agenda, filtered as the embed is (its filters read the same parameters)."""
    agenda = AgendaPage.objects.live().public().filter(locale=locale).first()
    if agenda is None:
        home = navigation.home_page(request)
        return home.get_url(request) if home else "/"
    parameters = {name: value for name, value in choix.parametres().items() if name != "nombre"}
    return with_query(agenda.get_url(request), parameters)


def ressources_url(request, locale, choix):
    """The domaine's page, or the list of every ressource, of the embed's type."""
    parameters = {"type": choix.type_key} if choix.type_key else {}
    if choix.domaine is not None:
        return with_query(navigation.domaine_url(request, choix.domaine.slug), parameters)
    index = RessourceIndexPage.objects.live().public().filter(locale=locale).first()
    return with_query(index.get_url(request) if index else "/", parameters)


def csp():
    """The embeds' Content-Security-Policy: any site may frame them, or only the
    ``INTEGRER_ORIGINES_AUTORISEES`` when set."""
    ancestors = " ".join(settings.INTEGRER_ORIGINES_AUTORISEES) or "*"
    return f"{POLICY}; frame-ancestors {ancestors}"


def embeddable(view):
    """Framable (X-Frame-Options left out, CSP ``frame-ancestors`` instead), kept a few
    minutes by browsers and proxies: the same for everyone, it sets no cookie and reads no
    session."""

    @xframe_options_exempt
    @wraps(view)
    def framed(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = csp()
        patch_cache_control(response, public=True, max_age=settings.INTEGRER_CACHE_SECONDS)
        return response

    return framed


def erreur(request, error):
    return render(
        request,
        "donnees/integrer/erreur.html",
        {"message": str(error), "constructeur_url": reverse("integrer")},
        status=400,
    )


def cadre(request, kind, items, liste_url):
    """The framed list of ``kind`` (``ATELIERS`` or ``RESSOURCES``): its template is named
    after it, and so is the list in its context."""
    locale = Locale.get_active()
    try:
        chosen = choix(request.GET, kind, domaines_of(locale))
    except ParametreInvalide as error:
        return erreur(request, error)
    context = {
        "titre": titre(kind, chosen),
        kind: items(locale, chosen),
        "liste_url": liste_url(request, locale, chosen),
    }
    return render(request, f"donnees/integrer/{kind}.html", context)


@embeddable
def ateliers(request):
    return cadre(request, ATELIERS, prochains_ateliers, agenda_url)


@embeddable
def ressources(request):
    return cadre(request, RESSOURCES, dernieres_ressources, ressources_url)
