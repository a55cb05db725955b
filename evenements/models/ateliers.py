"""Ateliers (thematic workshops): each workshop, its routes (calendar file, registration) and
who animates it. The agenda that lists them is in ``agenda.py``."""

import uuid

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ressources import api, json_ld
from ressources.blocks import TEXT_FEATURES
from ressources.listing import with_taxonomy_labels
from ressources.models import Domaine
from ressources.registry import Registered, SearchEntry
from ressources.routes import file_route
from ressources.territoires import DEPARTEMENT_CHOICES
from structures.models import Structure

from .. import calendrier, liens, views
from ..admin_forms import AtelierPageForm
from ..forms import InscriptionForm, RenvoiLienForm
from ..situation import Situation
from .choices import Format, Statut
from .inscriptions import Inscription

ANIMATEURS = "Animateurs"  # the group whose members may be named as a workshop's animators
# The agenda's own routes (agenda.py) are found before its workshops: a workshop may not take
# their first word as its address.
ADRESSES_RESERVEES = ("archives", "inscription")
ATTENDANCE_MODES = {
    Format.PRESENTIEL: "OfflineEventAttendanceMode",
    Format.DISTANCE: "OnlineEventAttendanceMode",
    Format.HYBRIDE: "MixedEventAttendanceMode",
}


class AtelierPage(Registered, RoutablePageMixin, Page):
    debut = models.DateTimeField(_("début"))
    fin = models.DateTimeField(_("fin"))
    chapo = models.TextField(_("en bref"), help_text=_("Deux phrases : pour qui, pour quoi."))
    description = RichTextField(_("description"), features=TEXT_FEATURES)
    domaines = ParentalManyToManyField(Domaine, verbose_name=_("domaines"), related_name="+")
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    adresse = models.TextField(
        _("adresse"), blank=True, help_text=_("Pour un atelier en présentiel ou hybride.")
    )
    departement = models.CharField(
        _("département"), max_length=3, choices=DEPARTEMENT_CHOICES, blank=True
    )
    lien_visio = models.URLField(
        _("lien de la visio"),
        blank=True,
        help_text=_(
            "Jamais affiché publiquement : envoyé aux inscrits et visible sur leur page "
            "d'inscription."
        ),
    )
    capacite = models.PositiveIntegerField(
        _("nombre de places"), help_text=_("Au-delà, les personnes rejoignent la liste d'attente.")
    )
    date_limite = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Par défaut : le début de l'atelier."),
    )
    inscription_externe = models.URLField(
        _("page d'inscription externe"),
        blank=True,
        help_text=_(
            "Si les inscriptions se font ailleurs ; le formulaire du site est alors masqué."
        ),
    )
    annule = models.BooleanField(_("atelier annulé"), default=False)
    motif_annulation = models.TextField(_("motif de l'annulation"), blank=True)
    enregistrement = models.URLField(_("enregistrement (après l'atelier)"), blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    annonce = models.JSONField(
        default=dict,
        editable=False,
        help_text="Date, lieu and status last announced to the registrants (see changements.py).",
    )

    content_panels = Page.content_panels + [
        FieldPanel("chapo"),
        FieldRowPanel(
            [FieldPanel("debut"), FieldPanel("fin")], heading=_("Date et heure (heure de Paris)")
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("adresse"),
                FieldPanel("departement"),
                FieldPanel("lien_visio"),
            ],
            heading=_("Lieu"),
        ),
        FieldPanel("description"),
        FieldPanel("domaines", widget=forms.CheckboxSelectMultiple),
        InlinePanel("animateurs", label=_("Animateurs et animatrices"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("capacite"),
                FieldPanel("date_limite"),
                FieldPanel("inscription_externe"),
            ],
            heading=_("Inscriptions"),
        ),
        InlinePanel("documents", label=_("Documents")),
        FieldPanel("enregistrement"),
        MultiFieldPanel(
            [FieldPanel("annule"), FieldPanel("motif_annulation")], heading=_("Annulation")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("chapo", boost=1.5),
        index.SearchField("description"),
        index.RelatedFields("domaines", [index.SearchField("nom")]),
        index.FilterField("debut"),
        index.FilterField("format"),
        index.FilterField("departement"),
        index.FilterField("annule"),
    ]
    # The public API (donnees.api): what its page shows; never the visio link, its
    # registrations nor who animates it by account.
    api_fields = [
        APIField("chapo"),
        APIField("description"),
        APIField("domaines", serializer=api.TaxonsField()),
        APIField("debut"),
        APIField("fin"),
        APIField("format", serializer=api.ChoiceField(Format.choices)),
        APIField("adresse"),
        APIField("departement"),
        APIField("capacite"),
        APIField("inscription_externe"),
        APIField("annule"),
        APIField("motif_annulation"),
        APIField("animateurs", serializer=api.NomsField()),
    ]
    api_departement = "departement"
    api_periode = ("debut", "fin")
    api_prefetch_related = {"domaines": ["domaines"], "animateurs": ["animateurs"]}
    base_form_class = AtelierPageForm
    parent_page_types = ["evenements.AgendaPage"]
    subpage_types = []
    template = "evenements/atelier_page.html"
    type_key = "atelier"
    search_label = _("Atelier")
    search_result_template = "evenements/includes/atelier_result.html"
    listing_template = "evenements/includes/atelier_card.html"
    exclude_fields_in_copy = ["uid", "sequence", "annonce"]

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")

    def is_findable(self):
        """A cancelled workshop leaves search (its page stays, to tell who comes)."""
        return not self.annule

    def search_entry(self):
        """Found until it ends, dated by its start, placed in its département."""
        return SearchEntry(date=self.debut, fin=self.fin, departement=self.departement or "")

    def with_content_json(self, content):
        """What registrants were told (and the calendar UID/SEQUENCE) is a fact about the
        page, not about a revision: publishing an older revision must not roll it back."""
        page = super().with_content_json(content)
        page.uid, page.sequence, page.annonce = self.uid, self.sequence, self.annonce
        return page

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in ADRESSES_RESERVEES:
            errors["slug"] = _(
                "« %(slug)s » est réservé à une page de l'agenda : choisissez une autre adresse."
            ) % {"slug": self.slug}
        if self.debut and self.fin and self.fin <= self.debut:
            errors["fin"] = _("La fin doit venir après le début.")
        if self.date_limite and self.debut and self.date_limite > self.debut:
            errors["date_limite"] = _(
                "Les inscriptions doivent se clore au plus tard au début de l'atelier."
            )
        if self.format in (Format.PRESENTIEL, Format.HYBRIDE) and not self.adresse.strip():
            errors["adresse"] = _("Indiquez l'adresse d'un atelier en présentiel ou hybride.")
        if self.format in (Format.PRESENTIEL, Format.HYBRIDE) and not self.departement:
            errors["departement"] = _(
                "Indiquez le département d'un atelier en présentiel ou hybride."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def cloture(self):
        return self.date_limite or self.debut

    @cached_property
    def places_prises(self):
        """Confirmed seats; listings annotate them (``places_prises_annotees``) in their query."""
        annotated = getattr(self, "places_prises_annotees", None)
        if annotated is not None:
            return annotated
        if self.pk is None:  # a preview of a workshop not saved yet
            return 0
        return self.inscriptions.filter(statut=Inscription.Statut.CONFIRMEE).count()

    @property
    def places_libres(self):
        return max(self.capacite - self.places_prises, 0)

    @property
    def est_passe(self):
        return self.fin <= timezone.now()

    def statut(self, now=None):
        now = now or timezone.now()
        if self.annule:
            return Statut.ANNULE
        if self.fin <= now:
            return Statut.PASSE
        if self.places_libres == 0:
            return Statut.COMPLET
        return Statut.A_VENIR

    def inscriptions_ouvertes(self, now=None):
        now = now or timezone.now()
        return not self.annule and not self.inscription_externe and now < self.cloture

    def liens_valables(self, now=None):
        """Whether the registrants' personal links still work (until some time after the end)."""
        return (now or timezone.now()) < self.fin + liens.LIENS_VALABLES_APRES

    @cached_property
    def situation(self):
        """Where it stands now, for its page and its card (evenements.situation)."""
        return Situation.de(self)

    @cached_property
    def agenda(self):
        """The agenda it belongs to, whose routes serve its registrants' personal links."""
        return self.get_parent().specific

    def comptes_animateurs(self):
        """Who animates this workshop: the accounts named among its animators, and its owner
        (who created it). They see its registrants and are told of cancellations."""
        return (
            get_user_model()
            .objects.filter(
                models.Q(ateliers_animes__atelier=self) | models.Q(pk=self.owner_id),
                is_active=True,
            )
            .distinct()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:
            with_taxonomy_labels([self])
        context["inscription_form"] = InscriptionForm.pour(getattr(request, "user", None))
        context["renvoi_form"] = RenvoiLienForm()
        context["situation"] = self.situation
        return context

    def json_ld(self, request=None):
        """The workshop as a schema.org Event, for search engines: never the visio link."""
        url = json_ld.page_url(request, self) if request is not None else self.full_url
        lieux = []
        if self.format != Format.DISTANCE:
            adresse = {"@type": "PostalAddress", "streetAddress": self.adresse}
            if self.departement:
                adresse["addressRegion"] = self.get_departement_display()
            adresse["addressCountry"] = "FR"
            lieux.append({"@type": "Place", "address": adresse})
        if self.format != Format.PRESENTIEL:
            lieux.append({"@type": "VirtualLocation", "url": url})
        statut = "EventCancelled" if self.annule else "EventScheduled"
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.chapo,
            "url": url,
            "startDate": self.debut.astimezone(calendrier.PARIS).isoformat(),
            "endDate": self.fin.astimezone(calendrier.PARIS).isoformat(),
            "eventStatus": f"https://schema.org/{statut}",
            "eventAttendanceMode": f"https://schema.org/{ATTENDANCE_MODES[self.format]}",
            "location": lieux,
            "performer": [{"@type": "Person", "name": a.nom} for a in self.animateurs.all()],
            "organizer": {"@type": "Organization", "name": "Entraide"},
            "inLanguage": json_ld.language(),
        }

    def feed_description(self):
        """Its chapô after when and where it takes place (never the visio link)."""
        debut = self.debut.astimezone(calendrier.PARIS)
        fin = self.fin.astimezone(calendrier.PARIS)
        quand = _("Le %(jour)s, de %(debut)s à %(fin)s.") % {
            "jour": date_format(debut, "DATE_FORMAT"),
            "debut": time_format(debut, "TIME_FORMAT"),
            "fin": time_format(fin, "TIME_FORMAT"),
        }
        lieu = " ".join(self.adresse.split())
        if self.departement:
            lieu = f"{lieu} ({self.departement})".strip()
        if self.format == Format.DISTANCE:
            lieu = str(_("En ligne"))
        elif self.format == Format.HYBRIDE:
            lieu = _("%(lieu)s et en ligne") % {"lieu": lieu}
        return f"{quand} {lieu}\n\n{self.chapo}"

    @file_route("atelier.ics", name="atelier_ics")
    def atelier_ics(self, request):
        """Its public calendar file (no visio link)."""
        return calendrier.atelier_response(request, self)

    @path("inscription/", name="inscrire")
    def inscrire(self, request):
        return views.inscrire(request, self)

    @path("renvoyer-mon-lien/", name="renvoyer_lien")
    def renvoyer_lien(self, request):
        return views.renvoyer_lien(request, self)

    @path("verifiez-vos-emails/", name="verifiez")
    def verifiez(self, request):
        return views.verifiez(request, self)


class AtelierAnimateur(Orderable):
    atelier = ParentalKey(AtelierPage, on_delete=models.CASCADE, related_name="animateurs")
    nom = models.CharField(_("nom"), max_length=150)
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    compte = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte sur le site"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ateliers_animes",
        limit_choices_to={"groups__name": ANIMATEURS},
        help_text=_(
            "Parmi les membres du groupe Animateurs : ce compte voit les inscriptions de cet "
            "atelier et reçoit un e-mail à chaque annulation."
        ),
    )

    panels = [FieldPanel("nom"), FieldPanel("structure"), FieldPanel("compte")]

    class Meta(Orderable.Meta):
        verbose_name = _("animateur ou animatrice")
        verbose_name_plural = _("animateurs et animatrices")


class AtelierDocument(Orderable):
    atelier = ParentalKey(AtelierPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "ressources.RessourceDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    apres_atelier = models.BooleanField(_("support partagé après l'atelier"), default=False)

    panels = [FieldPanel("document"), FieldPanel("apres_atelier")]

    class Meta(Orderable.Meta):
        verbose_name = _("document de l'atelier")
        verbose_name_plural = _("documents de l'atelier")
