"""« Retours des lecteurs » in the Inventaire: per page, how useful readers found it, their
comments and the errors they reported, the least useful first; filtered by domaine and
language, exported as CSV in the site's format. One page's comments and error reports on a
page of their own, where staff mark a report treated (which erases the reader's address)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn

from ressources.models import Domaine, RessourcePage

from . import comptes, retours
from .admin_views import (
    InventaireFilterSet,
    InventaireView,
    nom_de_langue,
    noms_de_types,
    peut_voir_inventaire,
    sans_filtrer,
)
from .models import RetourLecteur, SignalementErreur


def url_des_retours(page):
    return reverse("inventaire:retours_page", args=[page.pk])


def pourcentage(page):
    return "—" if page.part_utile is None else f"{page.part_utile} %"


class RetoursFilterSet(InventaireFilterSet):
    domaine = django_filters.ModelChoiceFilter(
        label=_("Domaine"),
        queryset=Domaine.objects.select_related("locale").order_by("locale_id", "ordre", "nom"),
        empty_label=_("Tous"),
        method=sans_filtrer,
    )

    class Meta:
        model = RessourcePage
        fields = ["domaine", "langue"]


class RetoursView(InventaireView):
    page_title = _("Retours des lecteurs")
    page_subtitle = _("les pages jugées les moins utiles d'abord")
    url_name = "retours"
    filterset_class = RetoursFilterSet
    verbose_name = _("page")
    verbose_name_plural = _("pages")
    tiebreak = ("title", "pk")
    list_export = [
        "title",
        "type",
        "langue",
        "part_utile",
        "reponses",
        "utiles",
        "commentaires",
        "signalements",
        "url_retours",
    ]
    export_headings = {
        "title": _("Titre"),
        "type": _("Type"),
        "langue": _("Langue"),
        "part_utile": _("Utile (%)"),
        "reponses": _("Réponses"),
        "utiles": _("Réponses « oui »"),
        "commentaires": _("Commentaires"),
        "signalements": _("Erreurs à traiter"),
        "url_retours": _("Retours"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Titre"), get_url=url_des_retours, sort_key="title"),
            Column("type", label=_("Type")),
            Column("langue", label=_("Langue"), accessor=lambda page: nom_de_langue(page.langue)),
            Column("part_utile", label=_("Utile"), accessor=pourcentage, sort_key="part_utile"),
            NumberColumn("reponses", label=_("Réponses"), sort_key="reponses"),
            NumberColumn("commentaires", label=_("Commentaires"), sort_key="commentaires"),
            NumberColumn("signalements", label=_("Erreurs à traiter"), sort_key="signalements"),
        ]

    def get_queryset(self):
        return self.trier(comptes.retours_par_page(self.langue, self.filtre("domaine")))

    def decorate_paginated_queryset(self, pages):
        types = noms_de_types()
        for page in pages:
            page.type = types.get(page.modele, page.modele)
            if page.part_utile is not None:
                page.part_utile = round(page.part_utile)
            page.url_retours = self.request.build_absolute_uri(url_des_retours(page))
        return pages


class RetoursPageView(TemplateView):
    """One page's comments and error reports, newest first."""

    template_name = "inventaire/admin/retours_page.html"

    def dispatch(self, request, page_id):
        if not peut_voir_inventaire(request.user):
            raise PermissionDenied
        self.page = get_object_or_404(RessourcePage, pk=page_id)
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        commentaires = RetourLecteur.objects.filter(page=self.page).exclude(commentaire="")
        return super().get_context_data(
            page=self.page,
            page_title=_("Retours sur « %s »") % self.page.title,
            commentaires=commentaires.order_by("-jour", "-pk"),
            signalements=SignalementErreur.objects.filter(page=self.page).order_by(
                "traite_le", "-jour", "-pk"
            ),
            rapport_url=reverse("inventaire:retours"),
            **kwargs,
        )


@require_POST
def traiter(request, pk):
    """Mark an error report treated, from the page's feedback."""
    if not peut_voir_inventaire(request.user):
        raise PermissionDenied
    signalement = get_object_or_404(SignalementErreur, pk=pk)
    if signalement.traite_le is None:
        retours.traiter(signalement)
        messages.success(request, _("Erreur marquée traitée. L'adresse du lecteur est effacée."))
    return redirect("inventaire:retours_page", signalement.page_id)


urlpatterns = [
    path("retours/", RetoursView.as_view(), name="retours"),
    path("retours/resultats/", RetoursView.as_view(results_only=True), name="retours_results"),
    path("retours/pages/<int:page_id>/", RetoursPageView.as_view(), name="retours_page"),
    path("retours/erreurs/<int:pk>/traiter/", traiter, name="retours_traiter"),
]
