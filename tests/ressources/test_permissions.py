"""What each of the four groups created by the data migration may do."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from ressources.models import GuidePage
from tests.factories import GuidePageFactory, UserFactory, build_site_tree, domaine

pytestmark = pytest.mark.django_db

document_policy = policy_registry.get_by_type(get_document_model())
GROUPS = ["Éditeurs", "Modérateurs", "Animateurs", "Contributeurs"]


@pytest.fixture(scope="module")
def tree(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        guide = GuidePageFactory(parent=index, title="Rédiger les statuts")
        guide.save_revision().publish()
    return {"home": home, "index": index, "guide": guide}


@pytest.fixture
def member(db):
    def make(group):
        return UserFactory(groups=[group])

    return make


def test_migration_creates_the_four_groups(db):
    assert set(Group.objects.filter(name__in=GROUPS).values_list("name", flat=True)) == set(GROUPS)


def test_editeur_can_open_the_admin(client, tree, member):
    client.force_login(member("Éditeurs"))

    response = client.get("/admin/")

    assert response.status_code == 200


def test_editeur_can_add_publish_and_edit_ressources(tree, member):
    editeur = member("Éditeurs")

    index_permissions = tree["index"].permissions_for_user(editeur)
    guide_permissions = tree["guide"].permissions_for_user(editeur)

    assert index_permissions.can_add_subpage()
    assert guide_permissions.can_edit()
    assert guide_permissions.can_publish()
    assert GuidePage.can_create_at(tree["index"])


def test_editeur_can_open_the_form_to_add_a_guide(client, tree, member):
    client.force_login(member("Éditeurs"))
    url = reverse("wagtailadmin_pages:add", args=["ressources", "guidepage", tree["index"].pk])

    response = client.get(url)

    assert response.status_code == 200
    assert "chapo" in response.content.decode()


def test_editeur_can_edit_a_guide_in_the_admin(client, tree, member):
    client.force_login(member("Éditeurs"))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[tree["guide"].pk]))

    assert response.status_code == 200


def test_moderateur_can_publish_but_not_add(tree, member):
    moderateur = member("Modérateurs")

    assert not tree["index"].permissions_for_user(moderateur).can_add_subpage()
    guide_permissions = tree["guide"].permissions_for_user(moderateur)
    assert guide_permissions.can_edit()
    assert guide_permissions.can_publish()


def add_guide_url(index):
    return reverse("wagtailadmin_pages:add", args=["ressources", "guidepage", index.pk])


def guide_form(client, index):
    """The admin's « add a guide » form, as an Éditeur's browser sends it once filled in."""
    response = client.get(add_guide_url(index))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(
        {
            "title": "Un guide ajouté sans y être autorisé",
            "slug": "guide-ajoute-sans-autorisation",
            "chapo": "Deux phrases pour dire à qui sert ce guide.",
            "niveau": "debutant",
            "body-count": "1",
            "body-0-type": "paragraphe",
            "body-0-value": rich_text("<p>Un premier paragraphe.</p>"),
            "body-0-deleted": "",
            "body-0-order": "0",
            "action-publish": "action-publish",
        }
    )
    data.setlist("domaines", [str(domaine("juridique-statuts").pk)])
    return data


def test_editeur_adds_a_guide_with_the_admin_form(client, tree, member):
    client.force_login(member("Éditeurs"))

    response = client.post(add_guide_url(tree["index"]), guide_form(client, tree["index"]))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[tree["index"].pk])
    guide = GuidePage.objects.child_of(tree["index"]).get(slug="guide-ajoute-sans-autorisation")
    assert guide.live


def test_moderateur_is_refused_adding_a_guide(client, tree, member):
    editeur = Client()
    editeur.force_login(member("Éditeurs"))
    data = guide_form(editeur, tree["index"])  # the same form that adds a guide above
    client.force_login(member("Modérateurs"))
    url = add_guide_url(tree["index"])

    assert client.get(url).status_code in (302, 403)
    response = client.post(url, data)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")  # « permission denied »
    assert not GuidePage.objects.filter(slug="guide-ajoute-sans-autorisation").exists()
    assert tree["index"].get_children().count() == 1


def test_animateur_can_open_the_admin_but_not_edit_ressources(client, tree, member):
    animateur = member("Animateurs")
    client.force_login(animateur)

    assert client.get("/admin/").status_code == 200
    permissions = tree["guide"].permissions_for_user(animateur)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not tree["index"].permissions_for_user(animateur).can_add_subpage()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[tree["guide"].pk]))
    assert response.status_code in (302, 403)


def test_editeur_can_upload_and_edit_documents(client, tree, member):
    editeur = member("Éditeurs")
    client.force_login(editeur)

    assert document_policy.user_has_permission(editeur, "add")
    assert document_policy.user_has_permission(editeur, "change")
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200


def test_animateur_can_upload_documents(client, tree, member):
    animateur = member("Animateurs")
    client.force_login(animateur)

    assert document_policy.user_has_permission(animateur, "add")
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200


def test_moderateur_can_choose_documents_but_not_upload(tree, member):
    moderateur = member("Modérateurs")

    assert document_policy.user_has_permission(moderateur, "choose")
    assert not document_policy.user_has_permission(moderateur, "add")


def test_contributeur_has_no_admin_access(client, tree, member):
    client.force_login(member("Contributeurs"))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_contributeur_cannot_edit_or_publish_ressources(tree, member):
    permissions = tree["guide"].permissions_for_user(member("Contributeurs"))

    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_editeur_can_edit_domaine_snippets(client, tree, member):
    editeur = member("Éditeurs")
    client.force_login(editeur)
    juridique = domaine("juridique-statuts")

    assert editeur.has_perm("ressources.change_domaine")
    assert editeur.has_perm("ressources.add_domaine")
    assert editeur.has_perm("ressources.change_public")
    response = client.get(reverse("wagtailsnippets_ressources_domaine:edit", args=[juridique.pk]))
    assert response.status_code == 200
    assert "Juridique et statuts" in response.content.decode()


def test_editeur_saves_a_domaine_description_through_the_admin(client, tree, member):
    client.force_login(member("Éditeurs"))
    juridique = domaine("juridique-statuts")
    url = reverse("wagtailsnippets_ressources_domaine:edit", args=[juridique.pk])

    response = client.post(
        url,
        {
            "nom": "Juridique et statuts",
            "slug": "juridique-statuts",
            "description": "Statuts, assemblées, obligations déclaratives.",
            "ordre": "4",
        },
    )

    assert response.status_code == 302
    juridique.refresh_from_db()
    assert juridique.description == "Statuts, assemblées, obligations déclaratives."


@pytest.mark.parametrize("group", ["Modérateurs", "Animateurs"])
def test_other_staff_cannot_edit_domaine_snippets(client, tree, member, group):
    user = member(group)
    client.force_login(user)

    assert not user.has_perm("ressources.change_domaine")
    response = client.get(
        reverse("wagtailsnippets_ressources_domaine:edit", args=[domaine("juridique-statuts").pk])
    )
    assert response.status_code in (302, 403)
