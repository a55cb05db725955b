"""What the public API (``donnees.api``, Wagtail's API v2) shows of a field whose default
serialisation would say too little or too much: the terms of the classification by their
stable slug and name, a choice with its label, a document by its counting address.

Page models declare their ``api_fields`` with these serialisers, next to their fields, as
Wagtail intends; each one reads only what the listing prefetched (``.all()`` on a prefetched
relation is no query), so a list of any length runs the same queries."""

from django.db.models import Q
from rest_framework.fields import Field
from wagtail.models import Collection, CollectionViewRestriction

from .models.taxonomy import Niveau

STRING = {"type": "string"}


class TaxonsField(Field):
    """Domaines or publics: ``[{"slug", "nom"}]``. The slug is the same in every language
    (``?domaine=`` takes it, the open vocabularies name the term by it)."""

    #: Its JSON schema in the API's OpenAPI description (donnees.api_openapi).
    openapi = {
        "type": "array",
        "items": {"type": "object", "properties": {"slug": STRING, "nom": STRING}},
    }

    def to_representation(self, value):
        return [{"slug": taxon.slug, "nom": taxon.nom} for taxon in value.all()]


class ChoiceField(Field):
    """A field with choices: ``{"code", "libelle"}``, the label in the request's language."""

    openapi = {"type": "object", "properties": {"code": STRING, "libelle": STRING}}

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return {"code": value, "libelle": str(self.labels.get(value, value))}


def collections_restreintes():
    """The ids of the collections behind a view restriction and of those inside them: their
    documents are not public, whoever asks (the API reads no session)."""
    restreintes = Q(pk__in=[])
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        restreintes |= Q(path__startswith=restriction.collection.path)
    return set(Collection.objects.filter(restreintes).values_list("pk", flat=True))


def niveau_field():
    return ChoiceField(Niveau.choices)


class FichiersField(Field):
    """A modèle's files: title, label, format and the public download address (the counting
    view, ``RessourceDocument.url``), never the storage's own address."""

    openapi = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "document": {"type": "integer"},
                "libelle": STRING,
                "format": STRING,
                "url": {"type": "string", "format": "uri"},
            },
        },
    }

    def to_representation(self, value):
        request = self.context["request"]
        if "collections_restreintes" not in self.context:  # once per request
            self.context["collections_restreintes"] = collections_restreintes()
        restreintes = self.context["collections_restreintes"]
        return [
            {
                "document": fichier.document_id,
                "libelle": fichier.label,
                "format": fichier.document.format_label,
                "url": request.build_absolute_uri(fichier.document.url),
            }
            for fichier in value.all()
            if fichier.document.collection_id not in restreintes
        ]


class NomsField(Field):
    """People named on a page (a workshop's animators): their names only."""

    openapi = {"type": "array", "items": {"type": "object", "properties": {"nom": STRING}}}

    def to_representation(self, value):
        return [{"nom": personne.nom} for personne in value.all()]
