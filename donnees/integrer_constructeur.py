"""The snippet builder, /fr/integrer/: a partner chooses what to show on its site and gets the
``<iframe>`` to paste, with a preview. A GET form, no script: the choices are in the address,
so a builder's page can be shared too. The embeds themselves are in ``integrer``."""

from django import forms
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from ressources.territoires import DEPARTEMENT_CHOICES

from . import integrer
from .integrer import ATELIERS, NOMBRE_MAX, NOMBRE_PAR_DEFAUT, PARAMETRES, RESSOURCES

#: The iframe's suggested height: its heading and its link to the full list, then each item
#: (a workshop has a line more: where, and its seats). Partners adjust it to their column.
HAUTEUR_CADRE = {ATELIERS: (110, 120), RESSOURCES: (110, 95)}


class IntegrationForm(forms.Form):
    quoi = forms.ChoiceField(
        label=_("À afficher"),
        choices=[
            (ATELIERS, _("Les prochains ateliers")),
            (RESSOURCES, _("Les dernières ressources")),
        ],
        initial=ATELIERS,
        widget=forms.RadioSelect,
    )
    departement = forms.ChoiceField(
        label=_("Département"),
        choices=[("", _("Tous les départements")), *DEPARTEMENT_CHOICES],
        required=False,
        help_text=_("Pour les ateliers seulement."),
    )
    domaine = forms.ChoiceField(label=_("Domaine"), required=False)
    type = forms.ChoiceField(
        label=_("Type de ressource"),
        required=False,
        help_text=_("Pour les ressources seulement."),
    )
    nombre = forms.IntegerField(
        label=_("Nombre d'éléments"),
        min_value=1,
        max_value=NOMBRE_MAX,
        initial=NOMBRE_PAR_DEFAUT,
    )

    def __init__(self, *args, domaines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nombre"].help_text = gettext("De 1 à %(max)s.") % {"max": NOMBRE_MAX}
        self.fields["domaine"].choices = [
            ("", _("Tous les domaines")),
            *((slug, domaine.nom) for slug, domaine in domaines.items()),
        ]
        self.fields["type"].choices = [
            ("", _("Tous les types")),
            *(
                (key, str(model._meta.verbose_name_plural).capitalize())
                for key, model in integrer.ressource_types().items()
            ),
        ]

    def embed_query(self):
        """The chosen embed's parameters, as its address takes them (the other kind's left
        out, an empty choice meaning « all »)."""
        kind = self.cleaned_data["quoi"]
        query = QueryDict(mutable=True)
        for name in PARAMETRES[kind]:
            value = self.cleaned_data.get(name)
            if value not in ("", None):
                query[name] = str(value)
        return query


def snippet(request, kind, chosen):
    """The ``<iframe>`` a partner pastes: titled, full width, loaded when scrolled to."""
    address = integrer.with_query(reverse(f"integrer_{kind}"), chosen.parametres())
    top, item = HAUTEUR_CADRE[kind]
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy" '
        'style="border:0"></iframe>',
        request.build_absolute_uri(address),
        f"{integrer.titre(kind, chosen)} (Entraide)",
        top + item * chosen.nombre,
    )


def constructeur(request):
    domaines = integrer.domaines_of(Locale.get_active())
    form = IntegrationForm(request.GET or None, domaines=domaines)
    context = {"form": form, "flux": flux_urls(domaines)}
    if form.is_bound and form.is_valid():
        kind = form.cleaned_data["quoi"]
        chosen = integrer.choix(form.embed_query(), kind, domaines)
        context["code"] = snippet(request, kind, chosen)
    return render(request, "donnees/integrer/constructeur.html", context)


def flux_urls(domaines):
    """The feeds that serve the same lists, for a partner whose site reads RSS or Atom."""
    premier = next(iter(domaines), None)
    return {
        "ateliers": reverse("flux_type", kwargs={"type_key": "atelier"}),
        "ressources": reverse("flux_ressources"),
        "domaine": reverse("flux_domaine", kwargs={"slug": premier}) if premier else "",
        "exemple_domaine": domaines[premier].nom if premier else "",
    }
