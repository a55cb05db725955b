"""Ateliers (thematic workshops): the agenda, each workshop, and who animates it."""

import uuid
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from fiches.models import Structure
from fiches.territoires import DEPARTEMENT_CHOICES
from ressources.blocks import TEXT_FEATURES
from ressources.listing import with_taxonomy_labels
from ressources.models import Domaine

from ..admin_forms import AtelierPageForm

RESERVED_SLUG = "agenda"  # /fr/ateliers/agenda.ics is the feed of the whole agenda
ANIMATEURS = "Animateurs"  # the group whose members may be named as a workshop's animators
# Personal links (see liens.py) stop working this long after the workshop's end.
LIENS_VALABLES_APRES = timedelta(days=30)


class Format(models.TextChoices):
    PRESENTIEL = "presentiel", _("En présentiel")
    DISTANCE = "distance", _("À distance (visio)")
    HYBRIDE = "hybride", _("Hybride")


class Statut(models.TextChoices):
    A_VENIR = "a-venir", _("À venir")
    COMPLET = "complet", _("Complet")
    ANNULE = "annule", _("Annulé")
    PASSE = "passe", _("Passé")


class AgendaPage(RoutablePageMixin, Page):
    """/fr/ateliers/: upcoming workshops first, the archive, and the calendar feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["ressources.HomePage"]
    subpage_types = ["evenements.AtelierPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda des ateliers")
        verbose_name_plural = _("agendas des ateliers")

    @path("")
    def a_venir(self, request):
        from ..agenda import agenda_context

        return self.render(request, context_overrides=agenda_context(request, self))

    @path("archives/")
    def archives(self, request):
        from ..agenda import agenda_context

        return self.render(
            request,
            template="evenements/agenda_archives.html",
            context_overrides=agenda_context(request, self, archives=True),
        )


class AtelierPage(Page):
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
    base_form_class = AtelierPageForm
    parent_page_types = ["evenements.AgendaPage"]
    subpage_types = []
    template = "evenements/atelier_page.html"
    exclude_fields_in_copy = ["uid", "sequence", "annonce"]

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")

    def with_content_json(self, content):
        """What registrants were told (and the calendar UID/SEQUENCE) is a fact about the
        page, not about a revision: publishing an older revision must not roll it back."""
        page = super().with_content_json(content)
        page.uid, page.sequence, page.annonce = self.uid, self.sequence, self.annonce
        return page

    def clean(self):
        super().clean()
        errors = {}
        if self.slug == RESERVED_SLUG:
            errors["slug"] = _(
                "« agenda » est réservé au flux de l'agenda : choisissez une autre adresse."
            )
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
        from .inscriptions import Inscription

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
        return (now or timezone.now()) < self.fin + LIENS_VALABLES_APRES

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

    def get_context(self, request, *args, inscription_form=None, renvoi_form=None, **kwargs):
        from ..forms import InscriptionForm, RenvoiLienForm

        context = super().get_context(request, *args, **kwargs)
        if self.pk:
            with_taxonomy_labels([self])
        context["inscription_form"] = inscription_form or InscriptionForm()
        context["renvoi_form"] = renvoi_form or RenvoiLienForm()
        context["renvoi_possible"] = not self.inscription_externe and self.liens_valables()
        context["statut"] = self.statut()
        context["inscriptions_ouvertes"] = self.inscriptions_ouvertes()
        return context


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
