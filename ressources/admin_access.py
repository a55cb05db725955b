"""Who may read what in the admin, and which translations one may submit.

Wagtail's admin shows a page's latest title (``draft_title``) in its choosers, bulk action
confirmations and reports, whatever the reader's rights. Here a user reads a page's title if
they may edit the page (their groups' page permissions, their own pages, or a workflow task
waiting for their review); of a live page open to everyone, they read the published title,
the one the public site shows. Any other page is not shown to them at all.

wagtail-localize lets anyone holding ``submit_translation`` translate any page or snippet,
and publishes the translation of a live page: ``translation_refusals`` says what it would
create or change that the user may not."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext
from wagtail.models import Page, TaskState
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy
from wagtail_localize.segments import RelatedObjectSegmentValue
from wagtail_localize.segments.extract import extract_segments

REVIEW_CACHE = "entraide_pages_in_review"


def pages_in_review_by(user):
    """Ids of the pages whose current workflow task waits for ``user``'s decision (Wagtail
    opens its editor to them). Kept on the user object for the request, as Wagtail keeps
    the user's page permissions."""
    if not hasattr(user, REVIEW_CACHE):
        states = TaskState.objects.reviewable_by(user).filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page)
        )
        ids = states.values_list("workflow_state__object_id", flat=True)
        setattr(user, REVIEW_CACHE, {int(object_id) for object_id in ids})
    return getattr(user, REVIEW_CACHE)


def may_edit(user, page):
    """No query once the user's page permissions are loaded: safe to call for every row."""
    return page_permission_policy.user_has_permission_for_instance(
        user, "change", page
    ) or page.pk in pages_in_review_by(user)


def may_see(user, page):
    return may_edit(user, page) or (page.live and not page.get_view_restrictions().exists())


def visible_pages(user, pages):
    """``pages`` (a queryset) narrowed to those whose title ``user`` may read."""
    if user.is_superuser:
        return pages
    public = Page.objects.live_q() & ~Page.objects.private_q()
    return pages.filter(Q(pk__in=editable_pages(user).values("pk")) | public)


def editable_pages(user):
    editable = page_permission_policy.instances_user_has_any_permission_for(user, {"change"})
    return Page.objects.filter(Q(pk__in=editable.values("pk")) | Q(pk__in=pages_in_review_by(user)))


def translations_of_editable_pages(user, translations):
    """``translations`` (wagtail-localize's) narrowed, for pages, to those whose source and
    existing translation ``user`` may edit: its report shows the source's title when it was
    last submitted and the translation's draft title."""
    if user.is_superuser:
        return translations
    key, source_locale = OuterRef("source__object_id"), OuterRef("source__locale")
    editable = editable_pages(user)
    translated = Page.objects.filter(translation_key=key, locale=OuterRef("target_locale"))
    return translations.filter(
        ~Q(source__object__content_type=ContentType.objects.get_for_model(Page))
        | (
            Exists(editable.filter(translation_key=key, locale=source_locale))
            & (
                ~Exists(translated)
                | Exists(editable.filter(translation_key=key, locale=OuterRef("target_locale")))
            )
        )
    )


def as_seen_by(user, page):
    """``page``, showing its draft title only to someone who may edit it (the object is only
    displayed, never saved)."""
    if not may_edit(user, page):
        page.draft_title = page.title
    return page


def translation_refusals(user, objects, locales, publish=None):
    """Why ``user`` may not translate ``objects`` into ``locales``: empty when they may.

    Each object must be editable by the user, and each translation writable where it goes:
    publishable when it is published (by wagtail-localize's submit view, when the source is
    live: ``publish`` None; by its sync view, as asked)."""
    refusals = []
    for obj in objects:
        if not may_edit_object(user, obj):
            refusals.append(not_editable_message(user, obj))
            continue
        publishing = getattr(obj, "live", False) if publish is None else publish
        for locale in locales:
            if not may_write_translation(user, obj, locale, publishing):
                refusals.append(destination_message(user, obj, locale, publishing))
    return refusals


def translated_with(instance, include_subtree=False):
    """What wagtail-localize's submit view translates: the object, the translatable objects it
    refers to (one level), and on request a page's subtree with theirs."""
    sources = [instance]
    if include_subtree and isinstance(instance, Page):
        sources += list(instance.get_descendants())
    objects = {}
    for source in sources:
        for obj in [source, *related_translatable_objects(source)]:
            if isinstance(obj, Page):
                obj = obj.specific_deferred
            objects.setdefault((obj._meta.label, obj.pk), obj)
    return list(objects.values())


def related_translatable_objects(source):
    source = source.specific if isinstance(source, Page) else source
    related = []
    for segment in extract_segments(source):
        if isinstance(segment, RelatedObjectSegmentValue):
            try:
                related.append(segment.get_instance(source.locale))
            except segment.content_type.model_class().DoesNotExist:
                continue
    return related


def may_edit_object(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return ModelPermissionPolicy(type(obj)).user_has_permission(user, "change")


def may_write_translation(user, obj, locale, publishing):
    existing = obj.get_translation_or_none(locale)
    if not isinstance(obj, Page):
        action = "change" if existing else "add"
        return ModelPermissionPolicy(type(obj)).user_has_permission(user, action)
    if existing is not None:
        permissions = existing.permissions_for_user(user)
        return permissions.can_edit() and (not publishing or permissions.can_publish())
    permissions = translated_parent(obj, locale).permissions_for_user(user)
    return permissions.can_add_subpage() and (not publishing or permissions.can_publish_subpage())


def translated_parent(page, locale):
    """Where the translation will be made: under the nearest ancestor translated into
    ``locale`` (wagtail-localize copies the missing ones below it), or the root."""
    for ancestor in page.get_ancestors().order_by("-depth"):
        if ancestor.is_root():
            return ancestor
        translation = ancestor.get_translation_or_none(locale)
        if translation is not None:
            return translation
    return Page.get_first_root_node()


def not_editable_message(user, obj):
    if isinstance(obj, Page) and not may_see(user, obj):
        return gettext(
            "Une page liée à celle-ci ou placée dessous serait traduite avec elle, mais vous ne "
            "pouvez pas la modifier."
        )
    return gettext(
        "« {titre} » serait traduit avec cette page, mais vous ne pouvez pas le modifier."
    ).format(titre=display_title(user, obj))


def destination_message(user, obj, locale, publishing):
    if publishing:
        message = gettext("Vous ne pouvez pas publier la traduction « {langue} » de « {titre} ».")
    else:
        message = gettext(
            "Vous ne pouvez pas créer ou modifier la traduction « {langue} » de « {titre} »."
        )
    return message.format(langue=locale.get_display_name(), titre=display_title(user, obj))


def display_title(user, obj):
    if isinstance(obj, Page):
        return as_seen_by(user, obj).get_admin_display_title()
    return str(obj)
