"""Each group may do through the admin what its role needs, and nothing more: every action
below is tried, as it is done in the admin, by a member of each of the four groups."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
)

from ressources.models import Domaine
from search.models import Synonyme
from tests.factories import (
    GuidePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
    domaine,
    locale,
    translate,
)
from tests.fiches.helpers import png_bytes

pytestmark = pytest.mark.django_db

GROUPS = ["Éditeurs", "Modérateurs", "Animateurs", "Contributeurs"]


@pytest.fixture(scope="module")
def site(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        guide = GuidePageFactory(parent=index, title="Rédiger les statuts")
        guide.save_revision().publish()
        translate(home, title="Entraide (English)")
        translate(index, title="Resources")
        query = Query.get("budget")
        promotion = SearchPromotion.objects.create(
            query=query, page=guide, description="Le modèle de budget", sort_order=0
        )
        terme = Domaine.objects.create(
            locale=locale("fr"), slug="tiers-lieux", nom="Tiers-lieux", ordre=20
        )
        structure = StructureFactory(nom="Les Jardins du quartier")
    return {
        "guide": guide,
        "query": query,
        "promotion": promotion,
        "terme": terme,
        "structure": structure,
    }


def translate_a_page(client, site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[site["guide"].pk]),
            {"locales": [locale("en").pk]},
        )
    return site["guide"].get_translation_or_none(locale("en")) is not None


def translate_a_term(client, site, django_capture_on_commit_callbacks):
    terme = site["terme"]
    client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["ressources", "domaine", terme.pk]
        ),
        {"locales": [locale("en").pk]},
    )
    return terme.get_translation_or_none(locale("en")) is not None


def promotion_data(page, description, **changes):
    data = {
        "query_string": "statuts",
        "editors_picks-TOTAL_FORMS": "1",
        "editors_picks-INITIAL_FORMS": "0",
        "editors_picks-MIN_NUM_FORMS": "0",
        "editors_picks-MAX_NUM_FORMS": "1000",
        "editors_picks-0-page": str(page.pk),
        "editors_picks-0-external_link_url": "",
        "editors_picks-0-external_link_text": "",
        "editors_picks-0-description": description,
        "editors_picks-0-ORDER": "0",
        "editors_picks-0-DELETE": "",
    }
    data.update(changes)
    return data


def pin_a_page(client, site, _callbacks):
    client.post(
        reverse("wagtailsearchpromotions:add"),
        promotion_data(site["guide"], "Pour écrire ses statuts"),
    )
    return SearchPromotion.objects.filter(query__query_string="statuts").exists()


def edit_a_pinned_page(client, site, _callbacks):
    promotion = site["promotion"]
    client.post(
        reverse("wagtailsearchpromotions:edit", args=[promotion.query.pk]),
        promotion_data(
            promotion.page,
            "Un budget prévisionnel à adapter",
            query_string="budget",
            **{
                "editors_picks-INITIAL_FORMS": "1",
                "editors_picks-0-id": str(promotion.pk),
                "editors_picks-0-query": str(promotion.query.pk),
            },
        ),
    )
    promotion.refresh_from_db()
    return promotion.description == "Un budget prévisionnel à adapter"


def unpin_a_page(client, site, _callbacks):
    client.post(reverse("wagtailsearchpromotions:delete", args=[site["query"].pk]))
    return not SearchPromotion.objects.filter(pk=site["promotion"].pk).exists()


def describe_a_domaine(client, site, _callbacks):
    juridique = domaine("juridique-statuts")
    client.post(
        reverse("wagtailsnippets_ressources_domaine:edit", args=[juridique.pk]),
        {
            "nom": juridique.nom,
            "slug": juridique.slug,
            "description": "Statuts, assemblées, obligations déclaratives.",
            "ordre": str(juridique.ordre),
        },
    )
    juridique.refresh_from_db()
    return juridique.description == "Statuts, assemblées, obligations déclaratives."


NEW_SYNONYMS = "BDIS, base de données de l'innovation sociale"  # not among those seeded


def add_a_synonym(client, site, _callbacks):
    client.post(
        reverse("wagtailsnippets_search_synonyme:add"),
        {
            "locale": Locale.objects.get(language_code="fr").pk,
            "expressions": NEW_SYNONYMS,
        },
    )
    return Synonyme.objects.filter(expressions=NEW_SYNONYMS).exists()


def read_the_inventory(client, site, _callbacks):
    response = client.get(reverse("inventaire:recherches"))
    return response.status_code == 200 and "Recherches les plus fréquentes" in (
        response.content.decode()
    )


def verify_a_structure(client, site, _callbacks):
    structure = site["structure"]
    client.post(
        reverse("structures:edit", args=[structure.pk]),
        {
            "nom": structure.nom,
            "type_structure": structure.type_structure,
            "departement": structure.departement,
            "verifiee": "on",
        },
    )
    structure.refresh_from_db()
    return structure.verifiee


def upload_an_image(client, site, _callbacks):
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Affiche de l'assemblée",
            "file": SimpleUploadedFile("affiche.png", png_bytes()),
            "collection": str(Collection.get_first_root_node().pk),
        },
    )
    return get_image_model().objects.filter(title="Affiche de l'assemblée").exists()


ACTIONS = {
    translate_a_page: {"Éditeurs"},
    translate_a_term: {"Éditeurs"},
    pin_a_page: {"Éditeurs"},
    edit_a_pinned_page: {"Éditeurs"},
    unpin_a_page: {"Éditeurs"},
    describe_a_domaine: {"Éditeurs"},
    add_a_synonym: {"Éditeurs"},
    read_the_inventory: {"Éditeurs", "Modérateurs"},
    verify_a_structure: {"Éditeurs", "Modérateurs"},
    upload_an_image: {"Éditeurs"},
}


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
def test_each_group_does_through_the_admin_what_its_role_needs(
    client, site, django_capture_on_commit_callbacks, group, action
):
    client.force_login(UserFactory(groups=[group]))

    done = action(client, site, django_capture_on_commit_callbacks)

    assert done == (group in ACTIONS[action])


def model_permissions(group):
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in Group.objects.get(name=group).permissions.select_related("content_type")
    }


def collection_permissions(group):
    return {
        f"{item.permission.content_type.app_label}.{item.permission.codename}"
        for item in GroupCollectionPermission.objects.filter(group__name=group).select_related(
            "permission__content_type"
        )
    }


def root_page_permissions(group):
    return set(
        GroupPagePermission.objects.filter(
            group__name=group, page=Page.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )


TAXONOMY = {
    f"ressources.{action}_{model}"
    for action in ("add", "change", "delete", "view")
    for model in ("domaine", "public")
}
PERMISSIONS = {
    "Éditeurs": (
        {
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            *TAXONOMY,
            *(f"search.{action}_synonyme" for action in ("add", "change", "delete", "view")),
            "inventaire.view_recherchedujour",
            *(
                f"wagtailsearchpromotions.{action}_searchpromotion"
                for action in ("add", "change", "delete", "view")
            ),
            "structures.view_structure",
            "structures.change_structure",
            "evenements.gerer_inscriptions",
        },
        {
            f"{app}.{action}_{model}"
            for app, model in (("wagtaildocs", "document"), ("wagtailimages", "image"))
            for action in ("add", "change", "delete", "choose")
        },
        {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
    ),
    "Modérateurs": (
        {
            "wagtailadmin.access_admin",
            "inventaire.view_recherchedujour",
            "structures.view_structure",
            "structures.change_structure",
            # The bourse's moderation: read and decide, never write an annonce (issue 19).
            "bourse.view_annonce",
            "bourse.change_annonce",
            "bourse.view_signalement",
            "bourse.change_signalement",
        },
        {"wagtaildocs.choose_document"},
        {"change_page", "publish_page", "lock_page", "unlock_page"},
    ),
    "Animateurs": (
        {"wagtailadmin.access_admin"},
        {"wagtaildocs.add_document", "wagtaildocs.choose_document"},
        set(),
    ),
    "Contributeurs": (set(), set(), set()),
}


@pytest.mark.parametrize("group", GROUPS)
def test_each_group_holds_exactly_the_permissions_of_its_role(site, group):
    """Animateurs' page permissions are granted on each agenda page (see evenements)."""
    models, collections, pages = PERMISSIONS[group]

    assert model_permissions(group) == models
    assert collection_permissions(group) == collections
    assert root_page_permissions(group) == pages
