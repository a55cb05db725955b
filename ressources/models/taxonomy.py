"""The shared classification: domaines and publics, translatable snippets editors manage."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonQuerySet(models.QuerySet):
    def in_active_locale(self):
        return self.filter(locale=Locale.get_active())


class Taxon(TranslatableMixin, index.Indexed, models.Model):
    """A term of a stable vocabulary. The slug is shared by every translation of a term,
    so links and filters (``?domaine=juridique-statuts``) work in every language."""

    nom = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(
        _("identifiant d'URL"),
        max_length=80,
        help_text=_("Identique dans toutes les langues ; sert dans les adresses et les filtres."),
    )
    description = models.TextField(_("description"), blank=True)
    ordre = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=100)

    objects = TaxonQuerySet.as_manager()

    panels = [FieldPanel("nom"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("ordre")]
    translatable_fields = [
        TranslatableField("nom"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("ordre"),
    ]
    search_fields = [index.SearchField("nom", boost=2), index.AutocompleteField("nom")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["ordre", "nom"]

    def __str__(self):
        return self.nom


class Domaine(Taxon):
    class Meta(Taxon.Meta):
        verbose_name = _("domaine")
        verbose_name_plural = _("domaines")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="domaine_unique_slug_per_locale"
            )
        ]


class Public(Taxon):
    class Meta(Taxon.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="public_unique_slug_per_locale")
        ]


class Niveau(models.TextChoices):
    DEBUTANT = "debutant", _("Débutant")
    INTERMEDIAIRE = "intermediaire", _("Intermédiaire")
    AVANCE = "avance", _("Avancé")
