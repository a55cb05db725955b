"""Wagtail's and wagtail-localize's admin views, narrowed by ``admin_access``.

Where Wagtail offers no hook, our subclasses answer at the same addresses, in front of theirs
(``admin_urls.py``): the page chooser showed titles of pages the reader may not see, the page
types report the title of an unapproved revision, wagtail-localize's report the titles of
every translated page, and its translation views checked only the global permission. The page
bulk actions replace Wagtail's through its registration hook (``wagtail_hooks.py``)."""

from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Subquery
from django.http import Http404
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.views import chooser
from wagtail.admin.views.pages.bulk_actions import delete, move, publish, unpublish
from wagtail.admin.views.reports import page_types_usage
from wagtail.models import Locale, Page
from wagtail_localize.views import report, submit_translations, update_translations

from .admin_access import (
    as_seen_by,
    may_edit,
    may_edit_object,
    may_see,
    translated_with,
    translation_refusals,
    translations_of_editable_pages,
    visible_pages,
)


class VisibleTitleColumn(chooser.PageTitleColumn):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def get_cell_context_data(self, instance, parent_context):
        return super().get_cell_context_data(as_seen_by(self.user, instance), parent_context)


class VisibleParentColumn(chooser.ParentPageColumn):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def get_value(self, instance):
        """A live parent with its published title, an editable one with its draft title."""
        parent = instance.get_parent()
        if parent is None or not (parent.live or may_edit(self.user, parent)):
            return None
        return as_seen_by(self.user, parent)


class VisibleTitlesChooserMixin:
    """The chooser's title and parent columns show what ``admin_access`` allows; the rows
    themselves are narrowed by our ``construct_page_chooser_queryset`` hook."""

    @property
    def columns(self):
        return [self.visible_column(column) for column in super().columns]

    def visible_column(self, column):
        user = self.request.user
        if isinstance(column, chooser.PageTitleColumn):
            return VisibleTitleColumn(
                column.name,
                label=column.label,
                is_multiple_choice=column.is_multiple_choice,
                user=user,
            )
        if isinstance(column, chooser.ParentPageColumn):
            return VisibleParentColumn(column.name, label=column.label, user=user)
        return column


class PageChooserBrowseView(VisibleTitlesChooserMixin, chooser.BrowseView):
    def get_object_list(self):
        """Wagtail has just found the page to browse (the one asked for, or the common
        ancestor of the wanted types): one the user may not see is not found."""
        if not may_see(self.request.user, self.parent_page):
            raise Http404
        as_seen_by(self.request.user, self.parent_page)
        return super().get_object_list()


class PageChooserSearchView(VisibleTitlesChooserMixin, chooser.SearchView):
    pass


class PageChooserChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = visible_pages(request.user, Page.objects.filter(pk__in=ids)).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": as_seen_by(request.user, page).get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


class PageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """« Last edited page » of each type: the last edited among those the user may see."""

    def get_queryset(self):
        queryset = super().get_queryset()
        filters = {}
        if language_code := self.filters.form.cleaned_data.get("page_locale"):
            filters["locale__language_code"] = language_code
        if site_root_path := self.filters.form.cleaned_data.get("site"):
            filters["path__startswith"] = site_root_path
        pages = Page.objects.filter(content_type=OuterRef("pk"), **filters)
        latest = visible_pages(self.request.user, pages).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(last_visible_page_id=Subquery(latest.values("pk")[:1]))

    def decorate_paginated_queryset(self, page_types):
        for page_type in page_types:
            page_type.last_edited_page_id = page_type.last_visible_page_id
        page_types = super().decorate_paginated_queryset(page_types)
        for page_type in page_types:
            if page_type.last_edited_page is not None:
                as_seen_by(self.request.user, page_type.last_edited_page)
        return page_types


class TranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's report of every translation, shown to every admin user: here, of
    pages, only those the user may edit."""

    def get_queryset(self):
        translations = translations_of_editable_pages(self.request.user, super().get_queryset())
        return translations.order_by("pk")


class VisibleTitlesBulkActionMixin:
    """Wagtail's confirmation lists every page asked for by id, with its latest title, those
    the user may not act on included. Here the action takes only pages the user may see, and
    lists only those, each with the title the user may read."""

    page_lists = [
        "items",
        "items_with_no_access",
        "pages_without_common_parent_page",
        "pages_without_destination_access",
        "pages_with_duplicate_slugs",
    ]

    def check_perm(self, page):
        return super().check_perm(page) and may_see(self.request.user, page)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for name in self.page_lists:
            if name in context:
                context[name] = self.visible_entries(context[name])
        return context

    def visible_entries(self, entries):
        user = self.request.user
        ids = [entry["item"].pk for entry in entries]
        visible = set(
            visible_pages(user, Page.objects.filter(pk__in=ids)).values_list("pk", flat=True)
        )
        return [
            {**entry, "item": as_seen_by(user, entry["item"])}
            for entry in entries
            if entry["item"].pk in visible
        ]


class DeleteBulkAction(VisibleTitlesBulkActionMixin, delete.DeleteBulkAction):
    pass


class PublishBulkAction(VisibleTitlesBulkActionMixin, publish.PublishBulkAction):
    pass


class UnpublishBulkAction(VisibleTitlesBulkActionMixin, unpublish.UnpublishBulkAction):
    pass


class MoveBulkAction(VisibleTitlesBulkActionMixin, move.MoveBulkAction):
    def get_form_kwargs(self):
        """A destination the user may not see is taken as none chosen: the form, shown again
        with its error, would otherwise show that page's title in its chooser."""
        kwargs = super().get_form_kwargs()
        destination = kwargs.get("data", {}).get("chooser", "")
        if destination and not (
            destination.isdigit()
            and visible_pages(self.request.user, Page.objects.filter(pk=destination)).exists()
        ):
            kwargs["data"] = kwargs["data"].copy()
            del kwargs["data"]["chooser"]
        return kwargs


class RightsCheckedTranslationForm(submit_translations.SubmitTranslationForm):
    """wagtail-localize's form, refusing what ``translation_refusals`` refuses (shown under
    the languages: its template shows only the fields' errors)."""

    def __init__(self, instance, *args, user, **kwargs):
        super().__init__(instance, *args, **kwargs)
        self.instance = instance
        self.user = user

    def clean(self):
        cleaned_data = super().clean()
        locales = cleaned_data.get("locales")
        if not locales:
            return cleaned_data
        objects = translated_with(self.instance, cleaned_data.get("include_subtree"))
        for message in translation_refusals(self.user, objects, locales):
            self.add_error("locales", message)
        return cleaned_data


class RightsCheckedSubmitMixin:
    """Submitting a translation needs the right to edit its source, and what the form checks."""

    def get_form(self):
        if self.request.method == "POST":
            return RightsCheckedTranslationForm(
                self.object, self.request.POST, user=self.request.user
            )
        language_code = self.request.GET.get("select_locale")
        locale = language_code and Locale.objects.filter(language_code=language_code).first()
        initial = {"locales": [locale]} if locale else None
        return RightsCheckedTranslationForm(self.object, initial=initial, user=self.request.user)


class SubmitPageTranslationView(
    RightsCheckedSubmitMixin, submit_translations.SubmitPageTranslationView
):
    def get_object(self):
        page = super().get_object()
        if not may_edit_object(self.request.user, page):
            raise PermissionDenied
        return page


class SubmitSnippetTranslationView(
    RightsCheckedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    def get_object(self):
        snippet = super().get_object()
        if not may_edit_object(self.request.user, snippet):
            raise PermissionDenied
        return snippet


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Syncing writes every enabled translation, published if asked: each must be writable.
    Its template shows no form errors: the refusals are the page's error messages."""

    def get_object(self):
        source = super().get_object()
        if not may_edit_object(self.request.user, source.get_source_instance()):
            raise PermissionDenied
        return source

    def form_valid(self, form):
        translations = self.object.translations.filter(enabled=True)
        refusals = translation_refusals(
            self.request.user,
            [self.object.get_source_instance()],
            [
                translation.target_locale
                for translation in translations.select_related("target_locale")
            ],
            publish=bool(form.cleaned_data["publish_translations"]),
        )
        if not refusals:
            return super().form_valid(form)
        for refusal in refusals:
            messages.error(self.request, refusal)
        return self.render_to_response(self.get_context_data())
