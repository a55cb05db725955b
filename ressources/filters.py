"""Filters of the ressource listings. Unknown values are ignored (the form marks them invalid
and django-filter leaves them out), so a hand-edited URL never breaks the page."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .models.taxonomy import Domaine, Niveau, Public


def taxon_filter(model, field_name, label):
    """Terms of a taxonomy by slug, offered in the active language, OR-ed together."""
    return django_filters.ModelMultipleChoiceFilter(
        label=label,
        field_name=f"{field_name}__slug",
        to_field_name="slug",
        queryset=lambda request: model.objects.in_active_locale(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )


class RessourceFilterSet(django_filters.FilterSet):
    RECENT = "recent"
    ALPHA = "az"

    domaine = taxon_filter(Domaine, "domaines", _("Domaine"))
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        choices=[],
        method="filter_type",
        widget=forms.CheckboxSelectMultiple,
    )
    public = taxon_filter(Public, "publics", _("Public"))
    niveau = django_filters.MultipleChoiceFilter(
        label=_("Niveau"), choices=Niveau.choices, widget=forms.CheckboxSelectMultiple
    )
    tri = django_filters.ChoiceFilter(
        label=_("Trier par"),
        choices=[(RECENT, _("Les plus récentes")), (ALPHA, _("Titre, de A à Z"))],
        method="sort",
        empty_label=None,
    )

    def __init__(self, *args, types=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.types = types or {}
        self.filters["type"].extra["choices"] = [
            (slug, model._meta.verbose_name) for slug, model in self.types.items()
        ]

    def filter_type(self, queryset, name, value):
        content_types = ContentType.objects.get_for_models(*(self.types[slug] for slug in value))
        return queryset.filter(content_type__in=content_types.values())

    def sort(self, queryset, name, value):
        """``tri`` is validated as a filter but applied by ``ordering``, after filtering."""
        return queryset

    @property
    def cleaned_data(self):
        """The valid values only (an unbound form has none)."""
        self.form.is_valid()
        return getattr(self.form, "cleaned_data", {})

    @property
    def ordering(self):
        if self.cleaned_data.get("tri") == self.ALPHA:
            return ["title", "pk"]
        return ["-last_published_at", "-pk"]

    @property
    def active_count(self):
        data = self.cleaned_data
        return sum(1 for name in self.filters if name != "tri" and data.get(name))
