"""« Pages à revoir » in the admin's Reports: the guides and modèles the user may edit that
are past or near their « à revoir avant le » date, soonest first."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from .admin_access import editable_pages
from .models import RessourcePage
from .verification import pages_a_revoir


class PagesARevoirView(ReportView):
    page_title = _("Pages à revoir")
    header_icon = "time"
    index_url_name = "verification:pages_a_revoir"
    index_results_url_name = "verification:pages_a_revoir_results"
    permission_policy = page_permission_policy
    any_permission_required = ["change", "publish"]
    model = RessourcePage
    list_export = ["title", "echeance", "verifie"]
    export_headings = {
        "title": _("Titre"),
        "echeance": _("À revoir avant le"),
        "verifie": _("Vérifié le"),
    }

    def get_queryset(self):
        pages = RessourcePage.objects.filter(pk__in=editable_pages(self.request.user).values("pk"))
        return pages_a_revoir(pages)

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("Titre"), url_name="wagtailadmin_pages:edit"),
            Column("locale", label=_("Langue"), accessor="locale.get_display_name"),
            DateColumn("echeance", label=_("À revoir avant le")),
            DateColumn("verifie", label=_("Vérifié le")),
        ]


urlpatterns = [
    path("", PagesARevoirView.as_view(), name="pages_a_revoir"),
    path(
        "resultats/",
        PagesARevoirView.as_view(results_only=True),
        name="pages_a_revoir_results",
    ),
]
