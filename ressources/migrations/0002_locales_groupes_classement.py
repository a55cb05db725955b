"""Initial data: the English locale, the seeds' classification (in French and English)
and the four staff and member groups with the permissions of their role."""

import uuid

from django.contrib.auth.management import create_permissions
from django.db import migrations

DOMAINES = [
    ("financement-modele-economique", "Financement et modèle économique", "Funding and business model"),
    ("mecenat-fundraising", "Mécénat et fundraising", "Patronage and fundraising"),
    ("ressources-humaines", "Ressources humaines", "Human resources"),
    ("juridique-statuts", "Juridique et statuts", "Legal and articles of association"),
    ("gouvernance-vie-associative", "Gouvernance et vie associative", "Governance and membership"),
    ("gestion-comptabilite-fiscalite", "Gestion, comptabilité et fiscalité", "Management, accounting and tax"),
    ("communication", "Communication", "Communication"),
    ("numerique", "Numérique", "Digital"),
    ("evaluation-utilite-sociale", "Évaluation et utilité sociale", "Evaluation and social impact"),
    ("cooperation-mutualisation", "Coopération, mutualisation et partenariats", "Cooperation, pooling and partnerships"),
    ("insertion-activite-economique", "Insertion par l'activité économique", "Work integration (IAE)"),
    ("alimentation-durable", "Alimentation durable", "Sustainable food"),
    ("economie-circulaire", "Économie circulaire", "Circular economy"),
]

PUBLICS = [
    ("dirigeants-benevoles", "Dirigeants bénévoles", "Volunteer board members"),
    ("salaries", "Salariés", "Employees"),
    ("benevoles", "Bénévoles", "Volunteers"),
    ("accompagnateurs", "Accompagnateurs", "Support workers"),
]

PAGE_ACTIONS = {
    "Éditeurs": ["add", "change", "publish", "lock", "unlock"],
    "Modérateurs": ["change", "publish", "lock", "unlock"],
}
COLLECTION_ACTIONS = {
    "Éditeurs": ["add", "change", "delete", "choose"],
    "Modérateurs": ["choose"],
    "Animateurs": ["add", "choose"],
}
SNIPPET_ACTIONS = {"Éditeurs": ["add", "change", "delete"]}
ADMIN_GROUPS = ["Éditeurs", "Modérateurs", "Animateurs"]
RENAMED = {"Editors": "Éditeurs", "Moderators": "Modérateurs"}


def create_all_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def seed_locales_and_taxonomy(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for model_name, terms in (("Domaine", DOMAINES), ("Public", PUBLICS)):
        model = apps.get_model("ressources", model_name)
        for ordre, (slug, nom_fr, nom_en) in enumerate(terms, start=1):
            if model.objects.filter(locale=fr, slug=slug).exists():
                continue
            key = uuid.uuid4()
            model.objects.create(locale=fr, translation_key=key, slug=slug, nom=nom_fr, ordre=ordre)
            model.objects.create(locale=en, translation_key=key, slug=slug, nom=nom_en, ordre=ordre)


def create_groups(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for old, new in RENAMED.items():
        Group.objects.filter(name=old).exclude(
            pk__in=Group.objects.filter(name=new).values("pk")
        ).update(name=new)
    groups = {}
    for name in ["Éditeurs", "Modérateurs", "Animateurs", "Contributeurs"]:
        groups[name], _ = Group.objects.get_or_create(name=name)
        groups[name].permissions.clear()
        GroupPagePermission.objects.filter(group=groups[name]).delete()
        GroupCollectionPermission.objects.filter(group=groups[name]).delete()

    def permission(app_label, model, action):
        return Permission.objects.get(
            content_type=ContentType.objects.get(app_label=app_label, model=model),
            codename=f"{action}_{model}",
        )

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in ADMIN_GROUPS:
        groups[name].permissions.add(access_admin)

    root_page = Page.objects.filter(depth=1).first()
    for name, actions in PAGE_ACTIONS.items():
        for action in actions:
            GroupPagePermission.objects.create(
                group=groups[name], page=root_page, permission=permission("wagtailcore", "page", action)
            )

    root_collection = Collection.objects.filter(depth=1).first()
    for name, actions in COLLECTION_ACTIONS.items():
        for action in actions:
            # Wagtail checks document permissions on wagtaildocs.Document, whatever the model.
            for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
                GroupCollectionPermission.objects.create(
                    group=groups[name],
                    collection=root_collection,
                    permission=permission(app_label, model, action),
                )

    for name, actions in SNIPPET_ACTIONS.items():
        for action in actions:
            for model in ("domaine", "public"):
                groups[name].permissions.add(permission("ressources", model, action))


class Migration(migrations.Migration):
    dependencies = [
        ("ressources", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed_locales_and_taxonomy, migrations.RunPython.noop),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
