"""The animators' tools in the admin, for one workshop: who registered (page and CSV file),
« Écrire à tous les inscrits », cancelling a registration and giving someone on the waitlist a
seat. Open only to that workshop's animators and the Éditeurs (acces.py): editing the page is
not enough."""

from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.admin.widgets import HeaderButton

from ressources import exports

from . import acces, changements, inscriptions
from .forms import MessageForm
from .models import AtelierPage, Inscription

PARIS = ZoneInfo("Europe/Paris")
DATE_FORMAT = "%d/%m/%Y %H:%M"  # 23/11/2026 18:00, what French spreadsheets read as a date


def paris(moment):
    """« 23/11/2026 18:00 », Paris time whatever the admin user's own time zone."""
    return timezone.localtime(moment, PARIS).strftime(DATE_FORMAT) if moment else ""


class Ligne:
    """One registration as shown to animators; anonymised ones keep their date and status."""

    def __init__(self, inscription):
        self.inscription = inscription
        self.anonymisee = inscription.anonymisee_at is not None
        self.statut = inscription.get_statut_display()
        self.inscrit_le = paris(inscription.created_at)
        self.inscrit_le_iso = timezone.localtime(inscription.created_at, PARIS).isoformat()
        if self.anonymisee:
            self.nom, self.email, self.structure, self.besoins = _("anonymisée"), "", "", ""
        else:
            self.nom = inscription.nom
            self.email = inscription.email
            self.structure = inscription.structure
            self.besoins = inscription.besoins


class Inscrits:
    """The registrations of a workshop, read in one query, split as the page shows them."""

    def __init__(self, atelier):
        self.atelier = atelier
        lignes = [
            Ligne(inscription)
            for inscription in Inscription.objects.filter(atelier=atelier).order_by(
                "created_at", "pk"
            )
        ]
        self.confirmees = [
            ligne for ligne in lignes if ligne.inscription.statut == Inscription.Statut.CONFIRMEE
        ]
        self.attente = [
            ligne for ligne in lignes if ligne.inscription.statut == Inscription.Statut.ATTENTE
        ]
        self.toutes = self.confirmees + self.attente
        self.gerables = not atelier.est_passe  # a workshop that is over keeps its list
        self.capacite = atelier.capacite
        self.places_libres = max(atelier.capacite - len(self.confirmees), 0)
        self.anonymisees = sum(1 for ligne in lignes if ligne.anonymisee)


class AtelierAdminMixin:
    """The workshop of the URL, or 404; PermissionDenied for who may not see its registrants."""

    def dispatch(self, request, *args, **kwargs):
        self.atelier = get_object_or_404(AtelierPage, pk=kwargs["page_id"])
        if not acces.peut_gerer_inscriptions(self.atelier, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def inscriptions_url(atelier):
    return reverse("evenements_admin:inscriptions", args=[atelier.pk])


class AtelierAdminPageMixin(AtelierAdminMixin, WagtailAdminTemplateMixin):
    header_icon = "group"

    def get_page_subtitle(self):
        return self.atelier.get_admin_display_title()

    @cached_property
    def breadcrumbs_items(self):
        return get_breadcrumbs_items_for_page(self.atelier, self.request.user)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": inscriptions_url(self.atelier), "label": _("Inscriptions")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["atelier"] = self.atelier
        return context


class InscriptionsView(AtelierAdminPageMixin, TemplateView):
    """Confirmed participants and the waitlist, in order, with the counts."""

    template_name = "evenements/admin/inscriptions.html"
    page_title = gettext_lazy("Inscriptions")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Inscriptions")}]

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Écrire à tous les inscrits"),
                reverse("evenements_admin:message", args=[self.atelier.pk]),
                icon_name="mail",
            ),
            HeaderButton(
                _("Exporter en CSV"),
                reverse("evenements_admin:csv", args=[self.atelier.pk]),
                icon_name="download",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inscrits"] = Inscrits(self.atelier)
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.atelier.pk])
        return context


class InscriptionsCsvView(AtelierAdminMixin, View):
    """The same list as a file, in the site's one CSV format (ressources.exports)."""

    def get(self, request, *args, **kwargs):
        inscrits = Inscrits(self.atelier)
        return exports.csv_response(
            f"inscriptions-{self.atelier.slug}.csv",
            [_("Nom"), _("E-mail"), _("Structure"), _("Besoins"), _("Statut"), _("Inscrit le")],
            (
                (
                    ligne.nom,
                    ligne.email,
                    ligne.structure,
                    ligne.besoins,
                    ligne.statut,
                    ligne.inscrit_le,
                )
                for ligne in inscrits.toutes
            ),
        )


class MessageView(AtelierAdminPageMixin, FormView):
    """« Écrire à tous les inscrits »: one e-mail, the addresses in Bcc."""

    template_name = "evenements/admin/message.html"
    form_class = MessageForm
    page_title = gettext_lazy("Écrire à tous les inscrits")

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": "", "label": _("Écrire à tous les inscrits")}
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse("evenements_admin:message", args=[self.atelier.pk]),
            submit_button_label=_("Envoyer"),
            submit_button_active_label=_("Envoi…"),
            confirmees=changements.destinataires(self.atelier, avec_liste_attente=False).count(),
            avec_attente=changements.destinataires(self.atelier).count(),
            cancel_url=inscriptions_url(self.atelier),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        if not changements.destinataires(self.atelier, data["liste_attente"]).exists():
            form.add_error(None, _("Personne à qui écrire : aucune inscription en cours."))
            return self.form_invalid(form)
        count = changements.ecrire_aux_inscrits(
            self.atelier, data["sujet"], data["message"], avec_liste_attente=data["liste_attente"]
        )
        if not count:
            messages.error(
                self.request,
                _("Le message n'a pas pu être envoyé. Réessayez dans quelques minutes."),
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "Message envoyé à %(count)d adresse.",
                "Message envoyé à %(count)d adresses.",
                count,
            )
            % {"count": count},
        )
        return redirect(inscriptions_url(self.atelier))

    def form_invalid(self, form):
        if form.errors:
            messages.validation_error(
                self.request, _("Le message n'a pas été envoyé : corrigez les erreurs."), form
            )
        return super().form_invalid(form)


class InscriptionActionView(AtelierAdminPageMixin, TemplateView):
    """A confirmation page (GET) and the action it confirms (POST) on one registration of
    the workshop; 404 for a registration of another workshop, or anonymised."""

    template_name = "evenements/admin/confirmer.html"

    @cached_property
    def inscription(self):
        return get_object_or_404(
            Inscription,
            pk=self.kwargs["inscription_id"],
            atelier=self.atelier,
            anonymisee_at__isnull=True,
        )

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inscrits = Inscrits(self.atelier)
        context.update(
            inscription=self.inscription,
            inscrits=inscrits,
            suivante=inscrits.attente[0].inscription if inscrits.attente else None,
            rang=inscriptions.rang(self.inscription),
            action_url=self.request.path,
            cancel_url=inscriptions_url(self.atelier),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            message = self.act(self.inscription)
        except inscriptions.InscriptionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
        return redirect(inscriptions_url(self.atelier))


class AnnulerInscriptionView(InscriptionActionView):
    """An animator cancels a registration: the person's data is deleted, they are told by
    e-mail, their seat goes to the waitlist."""

    page_title = gettext_lazy("Annuler une inscription")
    action = "annuler"

    def act(self, inscription):
        promue = inscriptions.annuler(inscription, par=self.request.user)
        message = _("L'inscription de %(nom)s est annulée et ses données sont supprimées.") % {
            "nom": inscription.nom
        }
        if promue is not None:
            message += " " + _("Sa place est allée à %(nom)s.") % {"nom": promue.nom}
        return message


class PromouvoirInscriptionView(InscriptionActionView):
    """An animator gives a seat to someone on the waitlist, even when none is free."""

    page_title = gettext_lazy("Donner une place")
    action = "promouvoir"

    def get(self, request, *args, **kwargs):
        if self.inscription.statut != Inscription.Statut.ATTENTE:
            messages.info(request, _("Cette personne a déjà une place confirmée."))
            return redirect(inscriptions_url(self.atelier))
        return super().get(request, *args, **kwargs)

    def act(self, inscription):
        inscriptions.promouvoir(inscription, par=self.request.user)
        return _("%(nom)s a maintenant une place confirmée et en est prévenu·e par e-mail.") % {
            "nom": inscription.nom
        }
