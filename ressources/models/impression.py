"""« Télécharger en PDF » on the pages people print or keep offline (guides, modèles)."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .. import pdf


def refus_des_parametres(request):
    """A 400 with a message when an address that reads no query parameter gets one."""
    if not request.GET:
        return None
    message = _("Cette adresse ne prend aucun paramètre (reçu : %(noms)s).") % {
        "noms": ", ".join(sorted(request.GET))[:200]
    }
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


class EnPdf(RoutablePageMixin):
    """Serves ``<page>/pdf/``: the live page as a PDF (``ressources.pdf``). Mixed in before
    the page's other classes. Only a page anyone may read has one: Wagtail already turns
    away drafts (not routed) and visitors a restriction stops; a restricted page is not
    printed for those it admits either, as a PDF travels beyond them."""

    @path("pdf/", name="pdf")
    def pdf(self, request):
        if refus := refus_des_parametres(request):
            return refus
        if self.get_view_restrictions().exists():
            raise Http404
        adresse = request.build_absolute_uri(self.get_url(request))
        origine = f"{request.scheme}://{request.get_host()}"
        response = HttpResponse(
            pdf.document(self, adresse, origine), content_type="application/pdf"
        )
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.slug}.pdf"
        )
        return response
