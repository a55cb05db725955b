"""Each staff group gets what its role needs and no more.

Éditeurs translate pages and classification terms (wagtail-localize's ``submit_translation``,
which ``0002`` cleared with the rest) and pin pages for a query (search promotions). No page
type has an image field: only Éditeurs keep Wagtail's images (the README's « images »);
Modérateurs and Animateurs lose the image permissions ``0002`` gave them with the documents'.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTED = {
    "Éditeurs": [
        ("wagtail_localize", "translation", "submit_translation"),
        ("wagtailsearchpromotions", "searchpromotion", "add_searchpromotion"),
        ("wagtailsearchpromotions", "searchpromotion", "change_searchpromotion"),
        ("wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion"),
        ("wagtailsearchpromotions", "searchpromotion", "view_searchpromotion"),
        ("ressources", "domaine", "view_domaine"),
        ("ressources", "public", "view_public"),
    ],
}
IMAGES_REMOVED = {"Modérateurs": ["choose"], "Animateurs": ["add", "choose"]}


def permissions(apps, triples):
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, codename in triples:
        yield Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )


def grant(apps, schema_editor):
    for label in ("wagtailsearchpromotions", "ressources"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name, triples in GRANTED.items():
        for group in Group.objects.filter(name=name):
            group.permissions.add(*permissions(apps, triples))
    GroupCollectionPermission.objects.filter(
        group__name__in=IMAGES_REMOVED, permission__content_type__app_label="wagtailimages"
    ).delete()


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name, triples in GRANTED.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*permissions(apps, triples))
    root_collection = Collection.objects.filter(depth=1).first()
    for name, actions in IMAGES_REMOVED.items():
        images = [("wagtailimages", "image", f"{action}_image") for action in actions]
        for group in Group.objects.filter(name=name):
            for permission in permissions(apps, images):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("ressources", "0003_index_enfants_des_pages"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
