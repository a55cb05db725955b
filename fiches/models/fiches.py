"""Fiches pratiques: what a member structure learnt, published after moderation."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.db import models
from django.db.models import F, OuterRef, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, Workflow
from wagtail.search import index

from ressources import json_ld
from ressources.models import RessourcePage
from ressources.registry import Followed, SearchEntry
from structures.models import Structure

from .. import rendering

WORKFLOW_NAME = "Modération des fiches"


def private_storage():
    """Contributors' files: the storage named "private" in STORAGES (ressources.storage), on the
    local disk or in a private bucket. No URL serves them, only the counting view, after its
    permission checks. A callable, so that settings choose it and migrations do not record
    it."""
    return storages["private"]


class StructureField(Field):
    """The structure that wrote a fiche, as its public page shows it."""

    openapi = {
        "type": "object",
        "properties": {
            "nom": {"type": "string"},
            "slug": {"type": "string"},
            "departement": {"type": "string"},
            "html_url": {"type": "string", "format": "uri"},
        },
    }

    def to_representation(self, value):
        request = self.context["request"]
        return value.api_summary(request)


class FichePage(RessourcePage):
    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.PROTECT, related_name="fiches"
    )
    situation = models.TextField(
        _("notre situation"),
        max_length=3000,
        help_text=_("Qui vous êtes, le problème que vous aviez."),
    )
    etapes = models.TextField(
        _("les étapes"), max_length=8000, help_text=_("Ce que vous avez fait, dans l'ordre.")
    )
    reussites = models.TextField(_("ce qui a marché"), max_length=3000, blank=True)
    pieges = models.TextField(_("les pièges à éviter"), max_length=3000, blank=True)
    liens = models.TextField(_("liens utiles"), max_length=2000, blank=True)
    rendered_texts = models.JSONField(_("textes mis en page"), default=dict, editable=False)

    #: The fields written in Markdown (fiches.rendering), kept rendered in ``rendered_texts``.
    TEXTS = ("situation", "etapes", "reussites", "pieges", "liens")

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("structure"),
            FieldPanel("chapo"),
            FieldPanel("situation"),
            FieldPanel("etapes"),
            FieldPanel("reussites"),
            FieldPanel("pieges"),
            FieldPanel("liens"),
        ]
        + RessourcePage.classification_panels
    )
    search_fields = RessourcePage.search_fields + [
        index.SearchField("situation"),
        index.SearchField("etapes"),
        index.SearchField("reussites"),
        index.SearchField("pieges"),
        index.RelatedFields("structure", [index.SearchField("nom")]),
    ]

    parent_page_types = ["fiches.FicheIndexPage"]
    subpage_types = []
    template = "fiches/fiche_page.html"
    type_key = "fiche"
    search_label = _("Fiche pratique")
    search_select_related = ("structure",)
    # The public API (donnees.api): the texts as written (Markdown) and the structure's public
    # fields; never its attachments (PieceJointe), whose files no public address serves.
    api_fields = RessourcePage.api_fields + [
        APIField("structure", serializer=StructureField()),
        *(APIField(texte) for texte in TEXTS),
    ]
    api_departement = "structure__departement"
    api_prefetch_related = RessourcePage.api_prefetch_related | {"structure": ["structure"]}
    # Its entry shows the structure's name and département: they follow its edits.
    search_followed = (
        Followed(Structure, "structure", {"structure": "nom", "departement": "departement"}),
    )

    class Meta:
        verbose_name = _("fiche pratique")
        verbose_name_plural = _("fiches pratiques")

    def search_entry(self):
        structure = self.structure
        return SearchEntry(
            date=self.last_published_at or self.first_published_at,
            departement=structure.departement,
            structure=structure.nom,
        )

    def feed_author(self):
        """The structure that wrote it (read with it: ``search_select_related``)."""
        return self.structure.nom

    def json_ld(self, request):
        """schema.org: an Article by its structure (its public fields only)."""
        data = json_ld.creative_work(request, self, "Article")
        return data | {"author": self.structure.json_ld(request, context=False)}

    @classmethod
    def enrich_cards(cls, cards):
        """``structure_name`` on the fiches among ``cards``: read with their structure, or
        else looked up in one query for the whole list."""
        content_type = ContentType.objects.get_for_model(cls)
        fiches = [card for card in cards if card.content_type_id == content_type.pk]
        missing = [card.pk for card in fiches if not isinstance(card, cls)]
        names = {}
        if missing:
            rows = cls.objects.filter(pk__in=missing).values_list("pk", "structure__nom")
            names = dict(rows)
        for card in fiches:
            card.structure_name = (
                card.structure.nom if isinstance(card, cls) else names.get(card.pk, "")
            )

    @classmethod
    def downloads(cls):
        pieces = PieceJointe.objects.filter(fiche=OuterRef("pk")).values("fiche")
        return pieces.order_by().annotate(n=Sum("download_count")).values("n")

    def render_texts(self):
        """Render the texts that changed, to be kept with the page and each revision: the
        Markdown is rendered once, when a contributor or a moderator saves, never when a
        visitor reads."""
        self.rendered_texts = rendering.render_all(
            {field: getattr(self, field) for field in self.TEXTS}, self.rendered_texts
        )

    def save(self, *args, **kwargs):
        self.render_texts()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.render_texts()
        return super().save_revision(*args, **kwargs)

    def html(self, field):
        """Safe HTML of one of the ``TEXTS``."""
        return rendering.html_for(self.rendered_texts, field, getattr(self, field))

    def get_workflow(self):
        """Every fiche goes through the moderators, wherever it sits in the tree."""
        return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):  # as it will be once approved
            context["pieces_jointes"] = self.pieces_jointes.filter(a_retirer=False)
        else:
            context["pieces_jointes"] = self.pieces_jointes.filter(publiee=True)
        return context


class PieceJointe(models.Model):
    """A file attached to a fiche. It becomes public when a moderator approves the fiche
    (``publiee``); one removed from a published fiche stays until then (``a_retirer``).
    Uploaded with a form that had errors, it waits without a fiche (``fiche`` empty) so that
    nothing is lost."""

    fiche = models.ForeignKey(
        FichePage,
        verbose_name=_("fiche"),
        on_delete=models.CASCADE,
        related_name="pieces_jointes",
        null=True,
        blank=True,
    )
    deposee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déposée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    fichier = models.FileField(_("fichier"), storage=private_storage, upload_to="fiches/%Y/%m/")
    nom = models.CharField(_("nom du fichier"), max_length=200)
    type_mime = models.CharField(_("type"), max_length=120)
    taille = models.PositiveIntegerField(_("taille (octets)"))
    publiee = models.BooleanField(_("publiée"), default=False)
    a_retirer = models.BooleanField(_("à retirer"), default=False)
    download_count = models.PositiveIntegerField(_("téléchargements"), default=0)
    created_at = models.DateTimeField(_("déposée le"), default=timezone.now)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.nom

    def get_absolute_url(self):
        return reverse("piece_jointe", args=[self.pk])

    def count_download(self):
        type(self).objects.filter(pk=self.pk).update(download_count=F("download_count") + 1)

    @property
    def format_label(self):
        return self.nom.rsplit(".", 1)[-1].upper() if "." in self.nom else ""
