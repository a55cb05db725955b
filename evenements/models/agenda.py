"""The agenda of one language: upcoming workshops first, the archive, the calendar feed, and
the registrants' personal pages, which the links of their e-mails open."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ressources.langues import with_untranslated
from ressources.models import SectionPage
from ressources.routes import file_route

from .. import calendrier, listing, views
from .ateliers import AtelierPage


class AgendaPage(RoutablePageMixin, SectionPage):
    """/fr/ateliers/. Its routes' first words are ``ateliers.ADRESSES_RESERVEES``."""

    subpage_types = ["evenements.AtelierPage"]

    class Meta:
        verbose_name = _("agenda des ateliers")
        verbose_name_plural = _("agendas des ateliers")

    def ateliers(self):
        """Its workshops anyone may see; an agenda in another language than the source one
        also shows the source agenda's workshops not translated yet (``langue`` says which)."""
        ateliers = AtelierPage.objects.live().public()
        where = ateliers.child_of_q(self)
        if self.locale.language_code != settings.LANGUAGE_CODE:
            source = (
                self.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
            )
            if source is not None:
                where |= ateliers.child_of_q(source)
        return with_untranslated(ateliers.filter(where), self.locale)

    @path("")
    def a_venir(self, request):
        return self.render(request, context_overrides=listing.agenda_context(request, self))

    @path("archives/")
    def archives(self, request):
        return self.render(
            request,
            template="evenements/agenda_archives.html",
            context_overrides=listing.agenda_context(request, self, archives=True),
        )

    @file_route(r"agenda\.ics", name="agenda_ics")
    def agenda_ics(self, request):
        """The feed to subscribe to (``?domaine=<slug>`` for one domain)."""
        return calendrier.agenda_response(request, self)

    @path("inscription/<str:signed>/", name="inscription")
    def inscription(self, request, signed):
        return views.inscription(request, self, signed)

    @file_route(r"inscription/(?P<signed>[^/]+)/atelier\.ics", name="inscription_ics")
    def inscription_ics(self, request, signed):
        return views.inscription_ics(request, self, signed)

    @path("inscription/<str:signed>/annuler/", name="inscription_annuler")
    def annuler(self, request, signed):
        return views.annuler(request, self, signed)
