"""Page types of the resource centre: home, listing, and the ressources themselves."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Sum
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import api, json_ld, langues, listing
from ..admin_forms import ClassementDeLaLangueForm
from ..blocks import TEXT_FEATURES, GuideBodyBlock, ModeleBodyBlock
from ..registry import Registered
from .impression import EnPdf
from .sections import SectionPage
from .taxonomy import Domaine, Niveau, Public
from .verification import Verification

WORDS_READ_PER_MINUTE = 200
LATEST_ON_HOME = 6


class HomePage(RoutablePageMixin, Page):
    """The landing page of one language. Serves the domain pages too (/fr/domaines/<slug>/)."""

    intro = models.TextField(_("accroche"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "ressources.RessourceIndexPage",
        "fiches.FicheIndexPage",
        "evenements.AgendaPage",
        "ressources.InformationPage",
    ]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    @path("")
    def accueil(self, request):
        return self.render(request, context_overrides=self.home_context())

    def get_cached_paths(self):
        """What a reverse proxy keeps of this page: the page and its domaine routes, which
        list every ressource (Wagtail's front-end cache purges them all with the page)."""
        yield "/"
        yield "/domaines/"
        for slug in Domaine.objects.filter(locale=self.locale).values_list("slug", flat=True):
            yield f"/domaines/{slug}/"

    def home_context(self):
        """The latest guides and modèles, the domaines; the next workshops come from their
        app's template tag (``{% prochains_ateliers %}``)."""
        ressources = RessourcePage.live_in(self.locale)
        return {
            "ressource_index": RessourceIndexPage.objects.child_of(self).live().first(),
            "domaines": listing.domaines_with_counts(ressources, self.locale),
            "derniers_guides": listing.latest(GuidePage.live_in(self.locale), LATEST_ON_HOME),
            "derniers_modeles": listing.latest(ModelePage.live_in(self.locale), LATEST_ON_HOME),
        }

    def json_ld(self, request):
        """schema.org: the site, with its search (a WebSite and its SearchAction)."""
        return json_ld.website(request, self)

    def domaines_json_ld(self, request, domaine=None):
        """schema.org for the domaines' pages (served here, not Wagtail pages): a listing and
        its breadcrumb trail."""
        trail = [(_("Domaines"), self.get_url(request) + self.reverse_subpage("domaines"))]
        if domaine is not None:
            url = self.get_url(request) + self.reverse_subpage(
                "domaine", kwargs={"slug": domaine.slug}
            )
            trail.append((domaine.nom, url))
        name, url = trail[-1]
        description = domaine.description if domaine is not None else ""
        listing_page = json_ld.listing_page(request, name, url, description)
        trail = json_ld.home_trail(request, *trail)
        return [listing_page, json_ld.breadcrumb_list(request, trail)]

    @path("domaines/")
    def domaines(self, request):
        domaines = listing.domaines_with_counts(RessourcePage.live_in(self.locale), self.locale)
        return self.render(
            request,
            template="ressources/domaine_index.html",
            context_overrides={"domaines": domaines, "json_ld": self.domaines_json_ld(request)},
        )

    @path("domaines/<slug:slug>/")
    def domaine(self, request, slug):
        domaine = get_object_or_404(Domaine.objects.filter(locale=self.locale), slug=slug)
        context = listing.ressource_listing(
            request,
            RessourcePage.live_in(self.locale),
            domaine=domaine,
            untranslated=langues.untranslated_fallback(RessourcePage, self.locale),
        )
        context["domaine"] = domaine
        context["json_ld"] = self.domaines_json_ld(request, domaine)
        return self.render(
            request, template="ressources/domaine_page.html", context_overrides=context
        )


class RessourceIndexPage(SectionPage):
    """/fr/ressources/: every guide and modèle, filtered, sorted and paginated."""

    subpage_types = ["ressources.GuidePage", "ressources.ModelePage"]

    class Meta:
        verbose_name = _("liste des ressources")
        verbose_name_plural = _("listes des ressources")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            listing.ressource_listing(
                request,
                RessourcePage.live_in(self.locale),
                untranslated=langues.untranslated_fallback(RessourcePage, self.locale),
            )
        )
        return context


class RessourcePage(Registered, Page):
    """What every published ressource has: a chapô and its place in the classification.
    Concrete, so that one query lists, filters and paginates guides and modèles together."""

    chapo = models.TextField(
        _("chapô"), help_text=_("Deux ou trois phrases : à qui sert cette ressource et pourquoi.")
    )
    domaines = ParentalManyToManyField(Domaine, verbose_name=_("domaines"), related_name="+")
    publics = ParentalManyToManyField(
        Public, verbose_name=_("publics"), related_name="+", blank=True
    )
    niveau = models.CharField(
        _("niveau"), max_length=20, choices=Niveau.choices, default=Niveau.DEBUTANT
    )

    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("domaines", widget=forms.CheckboxSelectMultiple),
                FieldPanel("publics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("niveau"),
            ],
            heading=_("Classement"),
        )
    ]
    search_fields = Page.search_fields + [
        index.SearchField("chapo", boost=1.5),
        index.RelatedFields("domaines", [index.SearchField("nom")]),
        index.FilterField("niveau"),
    ]

    search_facets = ("domaines", "publics")
    # The public API (donnees.api): what its page shows, never a draft's (the page's row is
    # the live version; drafts live in revisions).
    api_fields = [
        APIField("chapo"),
        APIField("domaines", serializer=api.TaxonsField()),
        APIField("publics", serializer=api.TaxonsField()),
        APIField("niveau", serializer=api.niveau_field()),
        APIField("last_published_at"),
    ]
    api_prefetch_related = {"domaines": ["domaines"], "publics": ["publics"]}

    base_form_class = ClassementDeLaLangueForm
    is_creatable = False
    parent_page_types = ["ressources.RessourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")

    @property
    def type_label(self):
        return self.specific_class._meta.verbose_name

    @classmethod
    def live_in(cls, locale):
        """The live, public pages of this type in a language: what listings start from."""
        return cls.objects.live().public().filter(locale=locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing.ressource_page_context(self, RessourcePage.live_in(self.locale)))
        return context


class GuidePage(EnPdf, Verification, RessourcePage):
    """A guide pratique: an editorial how-to."""

    body = StreamField(GuideBodyBlock(), verbose_name=_("contenu"))
    reading_time = models.PositiveSmallIntegerField(
        _("temps de lecture (minutes)"), default=1, editable=False
    )

    content_panels = (
        Page.content_panels
        + [FieldPanel("chapo"), FieldPanel("body")]
        + RessourcePage.classification_panels
        + [InlinePanel("ressources_liees", label=_("Ressources liées"), max_num=6)]
        + Verification.verification_panels
    )
    search_fields = RessourcePage.search_fields + [index.SearchField("body")]
    api_fields = RessourcePage.api_fields + [APIField("body"), APIField("reading_time")]

    template = "ressources/guide_page.html"
    type_key = "guide"
    search_label = _("Guide pratique")

    class Meta:
        verbose_name = _("guide pratique")
        verbose_name_plural = _("guides pratiques")

    def save(self, *args, **kwargs):
        self.reading_time = self.compute_reading_time()
        return super().save(*args, **kwargs)

    def json_ld(self, request):
        """schema.org: a HowTo when the guide has numbered steps, else an Article."""
        steps = json_ld.howto_steps(self.body)
        if not steps:
            return json_ld.creative_work(request, self, "Article") | {"author": json_ld.publisher()}
        data = json_ld.creative_work(request, self, "HowTo")
        return data | {
            "author": json_ld.publisher(),
            "step": steps,
            "timeRequired": f"PT{self.reading_time}M",
        }

    def compute_reading_time(self):
        texts = self.body.stream_block.get_searchable_content(self.body)
        words = sum(len(text.split()) for text in texts) + len(self.chapo.split())
        return max(1, round(words / WORDS_READ_PER_MINUTE))


class RessourceLiee(Orderable):
    guide = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="ressources_liees")
    ressource = models.ForeignKey(
        RessourcePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("ressource")
    )

    panels = [PageChooserPanel("ressource", ["ressources.GuidePage", "ressources.ModelePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource liée")
        verbose_name_plural = _("ressources liées")

    def clean(self):
        if self.ressource_id and self.ressource_id == self.guide_id:
            raise ValidationError(
                {"ressource": _("Une ressource ne peut pas être liée à elle-même.")}
            )


class ModelePage(EnPdf, Verification, RessourcePage):
    """A modèle: a document to download and adapt (statuts, budget prévisionnel, fiche de poste)."""

    usage = RichTextField(_("à quoi sert ce modèle"), features=TEXT_FEATURES)
    adaptation = StreamField(ModeleBodyBlock(), verbose_name=_("comment l'adapter"), blank=True)
    licence = models.CharField(_("licence"), max_length=120, default="CC BY-SA 4.0")
    version_date = models.DateField(_("version du"))

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("chapo"),
            FieldPanel("usage"),
            InlinePanel("fichiers", label=_("Fichiers"), min_num=1, max_num=6),
            FieldPanel("adaptation"),
            MultiFieldPanel(
                [FieldPanel("licence"), FieldPanel("version_date")], heading=_("Version")
            ),
        ]
        + RessourcePage.classification_panels
        + Verification.verification_panels
    )
    search_fields = RessourcePage.search_fields + [
        index.SearchField("usage"),
        index.SearchField("adaptation"),
    ]
    api_fields = RessourcePage.api_fields + [
        APIField("usage"),
        APIField("adaptation"),
        APIField("licence"),
        APIField("version_date"),
        APIField("fichiers", serializer=api.FichiersField()),
    ]
    api_prefetch_related = RessourcePage.api_prefetch_related | {"fichiers": ["fichiers__document"]}

    template = "ressources/modele_page.html"
    type_key = "modele"
    search_label = _("Modèle à adapter")

    class Meta:
        verbose_name = _("modèle")
        verbose_name_plural = _("modèles")

    @cached_property
    def fichiers_avec_documents(self):
        return list(self.fichiers.select_related("document"))

    def json_ld(self, request):
        """schema.org: a DigitalDocument, with its licence and the formats of its files."""
        fichiers = [
            {
                "@type": "MediaObject",
                "name": fichier.label,
                "contentUrl": json_ld.absolute(request, fichier.document.url),
                "encodingFormat": json_ld.encoding_format(fichier.document.filename),
            }
            for fichier in self.fichiers_avec_documents
        ]
        data = json_ld.creative_work(request, self, "DigitalDocument")
        return data | {
            "author": json_ld.publisher(),
            "license": json_ld.licence(self.licence),
            "version": json_ld.iso(self.version_date),
            "encodingFormat": sorted({fichier["encodingFormat"] for fichier in fichiers}),
            "associatedMedia": fichiers,
        }

    @property
    def download_count(self):
        return sum(fichier.document.download_count for fichier in self.fichiers_avec_documents)

    @classmethod
    def downloads(cls):
        fichiers = ModeleFichier.objects.filter(modele=OuterRef("pk")).values("modele")
        return fichiers.order_by().annotate(n=Sum("document__download_count")).values("n")


class ModeleFichier(Orderable):
    modele = ParentalKey(ModelePage, on_delete=models.CASCADE, related_name="fichiers")
    document = models.ForeignKey(
        "ressources.RessourceDocument",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )
    libelle = models.CharField(
        _("libellé"), max_length=120, blank=True, help_text=_("Par défaut, le titre du document.")
    )

    panels = [FieldPanel("document"), FieldPanel("libelle")]

    class Meta(Orderable.Meta):
        verbose_name = _("fichier du modèle")
        verbose_name_plural = _("fichiers du modèle")

    @property
    def label(self):
        return self.libelle or self.document.title
