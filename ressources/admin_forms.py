"""The admin's page form, limited to the classification of the page's own language."""

from django import forms
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm

from .models.taxonomy import Taxon


class ClassementDeLaLangueForm(WagtailAdminPageForm):
    """Domaines and publics exist once per language: a page offers only its own language's terms
    (13 checkboxes, not 26 interleaved) and refuses one of another language with a message that
    says so. A translated page still pointing at the source's terms shows their translations
    ticked, so that saving it keeps its classification."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.page_locale()
        if locale is None:
            return
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and issubclass(
                field.queryset.model, Taxon
            ):
                self.limit_to_locale(name, field, locale)

    def page_locale(self):
        if self.instance.locale_id:
            return self.instance.locale
        return getattr(self.parent_page, "locale", None)

    def limit_to_locale(self, name, field, locale):
        model = field.queryset.model
        field.queryset = field.queryset.filter(locale=locale)
        field.error_messages = {
            **field.error_messages,
            "invalid_choice": gettext(
                "Ce choix n'est pas dans la langue de cette page ({langue}) : cochez les "
                "{termes} proposés."
            ).format(langue=locale.get_display_name(), termes=model._meta.verbose_name_plural),
        }
        if not self.is_bound and self.instance.pk and self.initial.get(name):
            self.initial[name] = same_terms_in_locale(model, self.initial[name], locale)


def same_terms_in_locale(model, terms, locale):
    """The terms of ``locale`` that translate ``terms`` (objects or primary keys)."""
    keys = model.objects.filter(pk__in=[getattr(term, "pk", term) for term in terms]).values(
        "translation_key"
    )
    return list(model.objects.filter(locale=locale, translation_key__in=keys))
