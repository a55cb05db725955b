"""What the public search reads: one entry per live page people can find, and the synonyms
editors maintain."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from ressources.models import Domaine, Public
from ressources.registry import search_labels


class EntreeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Entree(index.Indexed, models.Model):
    """A live guide, modèle, fiche or workshop as the search engine sees it, or an object that
    is not a page but is searched (a public annonce of the bourse: ``objet``, ``url``).

    An entry exists only while its page is live and public, or its object public (see
    ``search.indexation``), so the search index never holds a draft, a fiche awaiting
    moderation or a private field. Its
    columns are what results show and facets count, so a results page reads one table.

    The database engines search it with queries of their own (``search.engines``): on
    PostgreSQL through its two search vectors, on SQLite through a full text table beside it.
    Wagtail's search backend holds it only when the public search runs on Elasticsearch
    (``get_indexed_objects``)."""

    # Written by ``search.engines`` when the entry is, never by Wagtail's signal handlers.
    search_auto_update = False

    id = models.BigAutoField(primary_key=True)
    # A page's entry, or else an object's that is not a page (``ressources.registry.sources``:
    # an annonce of the bourse), by its key (``"annonce:12"``) and address.
    page = models.OneToOneField(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    objet = models.CharField(_("objet"), max_length=40, null=True, blank=True, unique=True)
    url = models.CharField(_("adresse"), max_length=300, blank=True)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # The ``type_key`` of the page's type; its label is the type's ``search_label``.
    type = models.CharField(_("type"), max_length=10)
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
    # PostgreSQL only (null elsewhere), each with a GIN index (migration ``search/0013``): every
    # searchable word, weighted (title A, chapô B, taxonomy and structure C, text D), which
    # decides what matches; and the title, chapô and taxonomy alone, short enough to rank
    # every match of a word found almost everywhere.
    search_vector = SearchVectorField(null=True, editable=False)
    title_vector = SearchVectorField(null=True, editable=False)

    objects = EntreeQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("chapo", boost=2),
        index.SearchField("taxons", boost=1.5),
        index.SearchField("structure"),
        index.SearchField("texte"),
        index.FilterField("id"),
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
            # The next workshop to end, which kept results wait for (``results_cache``).
            models.Index(fields=["fin"], name="search_entree_fin"),
            # A département chosen: its entries found first, their words checked next.
            models.Index(fields=["departement", "type"], name="search_entree_departement"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=False, objet__isnull=True)
                | models.Q(page__isnull=True, objet__isnull=False),
                name="search_entree_page_ou_objet",
            )
        ]

    def __str__(self):
        return self.title

    def get_url(self, request=None):
        """Its page's address, or the object's."""
        return self.page.get_url(request) if self.page_id else self.url

    @classmethod
    def get_indexed_objects(cls):
        """Every entry for Wagtail's backend when the public search is Elasticsearch; none
        otherwise, so that ``update_index`` does not copy them into the database backend's
        index, which the public search does not read."""
        if settings.PUBLIC_SEARCH_ENGINE == "elasticsearch":
            return super().get_indexed_objects()
        return cls.objects.none()

    @property
    def type_label(self):
        return search_labels().get(self.type, self.type)


def default_locale():
    """The site's default language (French), as the synonyms' form offers it first."""
    return Locale.get_default().pk


class Synonyme(models.Model):
    """Words that mean the same thing to the people who search: « RH, ressources humaines »."""

    locale = models.ForeignKey(
        Locale,
        verbose_name=_("langue"),
        on_delete=models.CASCADE,
        related_name="+",
        default=default_locale,
    )
    expressions = models.CharField(
        _("expressions"),
        max_length=500,
        help_text=_(
            "Séparées par des virgules : « AG, assemblée générale ». Chacune trouve ce que "
            "trouvent les autres."
        ),
    )

    panels = [FieldPanel("locale"), FieldPanel("expressions")]

    class Meta:
        verbose_name = _("groupe de synonymes")
        verbose_name_plural = _("synonymes")
        ordering = ["locale__language_code", "expressions"]

    def __str__(self):
        return self.expressions

    def liste(self):
        return [part.strip() for part in self.expressions.split(",") if part.strip()]


class FullTextTable(models.TextField):
    """The hidden column SQLite's FTS5 names after its table: the left side of ``MATCH`` and
    the argument of ``bm25()``, written with the alias Django gives the table."""


@FullTextTable.register_lookup
class Match(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class EntreeFullText(models.Model):
    """SQLite only: the FTS5 table of the entries' words, one row per entry (its ``rowid`` is
    the entry's id), created by migration ``search/0013`` and written by
    ``search.engines.sqlite``. Accents are folded by FTS5's ``unicode61`` tokenizer."""

    entree = models.OneToOneField(
        Entree, primary_key=True, db_column="rowid", on_delete=models.DO_NOTHING, related_name="+"
    )
    table = FullTextTable(db_column="search_entree_fts")
    title = models.TextField()
    chapo = models.TextField()
    taxons = models.TextField()
    texte = models.TextField()

    class Meta:
        managed = False
        db_table = "search_entree_fts"

    def __str__(self):
        return self.title
