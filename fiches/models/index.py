"""The fiches index of one language: the published fiches, and the submission of new ones."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ressources.langues import with_untranslated
from ressources.listing import ressource_listing
from ressources.models import SectionPage

from ..filters import FicheFilterSet
from ..views import contributions
from .fiches import FichePage


class FicheIndexPage(RoutablePageMixin, SectionPage):
    """/fr/fiches/: the published fiches, with the ressources' filters plus the structure's
    type and département; /fr/fiches/proposer/: a contributor writes a new one."""

    subpage_types = ["fiches.FichePage"]

    class Meta:
        verbose_name = _("liste des fiches pratiques")
        verbose_name_plural = _("listes des fiches pratiques")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In English, the French fiches not translated yet too, labelled.
        fiches = with_untranslated(FichePage.objects.live().public(), self.locale)
        context.update(
            ressource_listing(
                request,
                fiches.select_related("structure").defer("rendered_texts"),
                filterset_class=FicheFilterSet,
            )
        )
        return context

    @path("proposer/", name="proposer")
    def proposer(self, request):
        return contributions.proposer(request, self)
