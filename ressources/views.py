from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from . import limites, navigation, plan_du_site, serving, tasks
from .forms import ContactForm
from .models import Domaine, InformationPage
from .models.impression import refus_des_parametres

MESSAGES_PAR_HEURE = "5/h"  # from one address: a person writes once or twice, a robot more
PAGE_DONNEES_PERSONNELLES = "donnees-personnelles"


@require_safe
def download_document(request, document_id):
    """Serve a document as an attachment; public when its collection has no restriction."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    restrictions = list(document.collection.get_view_restrictions())
    if not all(restriction.accept_request(request) for restriction in restrictions):
        raise Http404
    return serving.download(
        request,
        document.file,
        document.filename,
        title=document.title,
        count=document.count_download,
        public=not restrictions,
    )


def page_donnees_personnelles(request):
    """The page d'information « Données personnelles » of the active language, if published."""
    home = navigation.home_page(request)
    if home is None:
        return None
    pages = InformationPage.objects.child_of(home).live().public()
    return pages.filter(slug=PAGE_DONNEES_PERSONNELLES).first()


def connu(user):
    """What the form already knows of a signed-in person: their name and address."""
    if not user.is_authenticated:
        return {}
    return {"nom": user.get_full_name() or user.get_username(), "email": user.email}


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    """« Nous écrire »: the message goes to the staff by e-mail through the task worker
    (``tasks.transmettre_message``), nothing is kept; then a thank-you page. A signed-in
    person finds their name and address filled in. Errors, and
    too many messages from one address (a 429), show the form again as it was typed."""
    if request.method != "POST" and (refus := refus_des_parametres(request)):
        return refus
    form = ContactForm(request.POST or None, initial=connu(request.user))
    status = 200
    if request.method == "POST":
        if limites.depasse(request, "ressources.contact", MESSAGES_PAR_HEURE):
            status = limites.formulaire_refuse(
                form, _("Trop de messages en peu de temps : réessayez dans une heure.")
            )
        elif form.is_valid():
            donnees = form.cleaned_data
            tasks.transmettre_message.enqueue(
                nom=donnees["nom"],
                email=donnees["email"],
                sujet=donnees["sujet"],
                message=donnees["message"],
                langue=get_language(),
            )
            return redirect("contact_merci")
    context = {"form": form, "donnees_personnelles": page_donnees_personnelles(request)}
    return render(request, "ressources/contact.html", context, status=status)


@require_safe
def contact_merci(request):
    return refus_des_parametres(request) or render(request, "ressources/contact_merci.html")


@require_safe
def plan(request):
    """« Plan du site » of the active language: its sections and their pages, the domaines."""
    if refus := refus_des_parametres(request):
        return refus
    home = navigation.home_page(request)
    context = {"home": home, "sections": [], "domaines": []}
    if home is not None:
        context["sections"] = plan_du_site.arbre(home)
        context["domaines"] = Domaine.objects.filter(locale_id=home.locale_id)
    return render(request, "ressources/plan_du_site.html", context)


@require_safe
def version_originale(request, pk):
    """A live page that has no translation in the active language, served in its own
    language with the menus in the reader's and a notice (``request.langue_originale``,
    read by the base template). Served as ``wagtail.views.serve`` serves a page: through
    the ``on_serve_page`` hooks (the view restrictions are one) and after the
    ``before_serve_page`` ones. A page in the reader's language, or translated into it, is
    a redirect there. Not for search engines: the page has its own address."""
    page = get_object_or_404(Page.objects.live().select_related("locale"), pk=pk)
    if page.get_url(request) is None:  # outside every site (the tree's root): no page to read
        raise Http404
    locale = Locale.get_active()
    translated = page.get_translation_or_none(locale) if page.locale_id != locale.pk else page
    if translated is not None and translated.live:
        return redirect(translated.get_url(request))
    langue = page.locale.language_code
    page, args, kwargs = page.specific.route(request, [])
    chain = serve_page
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    request.langue_originale = langue
    response = chain(page, request, args, kwargs)
    response["X-Robots-Tag"] = "noindex"
    return response


def serve_page(page, request, args, kwargs):
    """The end of the ``on_serve_page`` chain, as in Wagtail."""
    return page.serve(request, *args, **kwargs)
