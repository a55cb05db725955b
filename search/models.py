"""What the public search reads: one entry per live page people can find, the synonyms
editors maintain, and the anonymous daily tally of searches behind the staff inventory."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from ressources.models import Domaine, Public


class EntreeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Entree(index.Indexed, models.Model):
    """A live guide, modèle, fiche or workshop as the search engine sees it.

    An entry exists only while its page is live and public (see ``search.indexation``), so the
    search index never holds a draft, a fiche awaiting moderation or a private field. Its
    columns are what results show and facets count, so a results page reads one table."""

    # Searched one language at a time: on PostgreSQL, indexed and searched with its language's
    # text search configuration (``search.backends.postgres``).
    search_by_language = True

    class Type(models.TextChoices):
        GUIDE = "guide", _("Guide pratique")
        MODELE = "modele", _("Modèle à adapter")
        FICHE = "fiche", _("Fiche pratique")
        ATELIER = "atelier", _("Atelier")

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    # Named ``title`` because the database backends weigh the field of that name as the title.
    title = models.CharField(_("titre"), max_length=255)
    chapo = models.TextField(_("en bref"), blank=True)
    texte = models.TextField(_("texte"), blank=True)
    date = models.DateTimeField(_("date"), help_text=_("Publication, ou début d'un atelier."))
    fin = models.DateTimeField(_("fin"), null=True, blank=True)
    departement = models.CharField(_("département"), max_length=3, blank=True)
    structure = models.CharField(_("structure"), max_length=255, blank=True)
    domaines = models.ManyToManyField(Domaine, related_name="+", blank=True)
    publics = models.ManyToManyField(Public, related_name="+", blank=True)
    taxons = models.TextField(
        _("domaines et publics"),
        blank=True,
        help_text=_("Leurs noms dans la langue de la page, pour la recherche."),
    )

    objects = EntreeQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("chapo", boost=2),
        index.SearchField("taxons", boost=1.5),
        index.SearchField("structure"),
        index.SearchField("texte"),
        index.FilterField("page"),
        index.FilterField("locale"),
        index.FilterField("type"),
        index.FilterField("date"),
        index.FilterField("fin"),
        index.FilterField("departement"),
        index.FilterField("domaines"),
        index.FilterField("publics"),
    ]

    class Meta:
        verbose_name = _("entrée de recherche")
        verbose_name_plural = _("entrées de recherche")
        indexes = [
            models.Index(fields=["locale", "type", "date"]),
            # Sorted by date, the latest first: read in this order until a page is full.
            models.Index(fields=["locale", "date"]),
        ]

    def __str__(self):
        return self.title


class Synonyme(models.Model):
    """Words that mean the same thing to the people who search: « RH, ressources humaines »."""

    langue = models.CharField(
        _("langue"), max_length=5, choices=[("fr", "Français"), ("en", "English")], default="fr"
    )
    expressions = models.CharField(
        _("expressions"),
        max_length=500,
        help_text=_(
            "Séparées par des virgules : « AG, assemblée générale ». Chacune trouve ce que "
            "trouvent les autres."
        ),
    )

    panels = [FieldPanel("langue"), FieldPanel("expressions")]

    class Meta:
        verbose_name = _("groupe de synonymes")
        verbose_name_plural = _("synonymes")
        ordering = ["langue", "expressions"]

    def __str__(self):
        return self.expressions

    def liste(self):
        return [part.strip() for part in self.expressions.split(",") if part.strip()]


class RechercheDuJour(models.Model):
    """How many times a query was typed on a day, in a language, and how many of those found
    nothing. No user, no address, no session: the inventory needs the words, not the people."""

    jour = models.DateField(_("jour"))
    langue = models.CharField(_("langue"), max_length=5)
    requete = models.CharField(_("recherche"), max_length=200)
    nombre = models.PositiveIntegerField(_("nombre"), default=0)
    sans_resultat = models.PositiveIntegerField(_("sans résultat"), default=0)
    resultats = models.PositiveIntegerField(_("résultats (dernière fois)"), default=0)

    class Meta:
        verbose_name = _("recherche du jour")
        verbose_name_plural = _("recherches du jour")
        constraints = [
            models.UniqueConstraint(
                fields=["jour", "langue", "requete"], name="recherche_unique_par_jour"
            )
        ]
        indexes = [models.Index(fields=["langue", "jour"])]

    def __str__(self):
        return f"{self.jour} {self.langue} {self.requete}"
