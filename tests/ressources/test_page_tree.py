"""Where each page type may live in the tree."""

from wagtail.coreutils import get_dummy_request
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from evenements.models import AgendaPage
from fiches.models import FicheIndexPage
from ressources.models import (
    GuidePage,
    HomePage,
    InformationPage,
    ModelePage,
    RessourceIndexPage,
    RessourcePage,
)
from tests.factories import GuidePageFactory, HomePageFactory, ModelePageFactory, build_site_tree


class TestPageTreeRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site_tree()
        cls.guide = GuidePageFactory(parent=cls.index, title="Rédiger les statuts")
        cls.modele = ModelePageFactory(parent=cls.index, title="Modèle de statuts")

    def test_ressource_page_cannot_be_created_anywhere(self):
        self.assertFalse(RessourcePage.is_creatable)
        self.assertCanNotCreateAt(RessourceIndexPage, RessourcePage)
        self.assertNotIn(RessourcePage, RessourceIndexPage.creatable_subpage_models())

    def test_guides_and_modeles_are_created_only_under_the_ressource_index(self):
        self.assertCanCreateAt(RessourceIndexPage, GuidePage)
        self.assertCanCreateAt(RessourceIndexPage, ModelePage)
        self.assertAllowedParentPageTypes(GuidePage, {RessourceIndexPage})
        self.assertAllowedParentPageTypes(ModelePage, {RessourceIndexPage})
        for parent in (Page, HomePage, GuidePage, ModelePage):
            self.assertCanNotCreateAt(parent, GuidePage)
            self.assertCanNotCreateAt(parent, ModelePage)

    def test_ressource_index_accepts_only_guides_and_modeles(self):
        self.assertAllowedSubpageTypes(RessourceIndexPage, {GuidePage, ModelePage})

    def test_guides_and_modeles_have_no_subpages(self):
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertAllowedSubpageTypes(ModelePage, set())

    def test_ressource_index_lives_only_under_a_home_page(self):
        self.assertCanCreateAt(HomePage, RessourceIndexPage)
        self.assertAllowedParentPageTypes(RessourceIndexPage, {HomePage})
        self.assertCanNotCreateAt(Page, RessourceIndexPage)
        self.assertCanNotCreateAt(RessourceIndexPage, RessourceIndexPage)

    def test_home_page_lives_under_the_root_and_holds_the_indexes(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {RessourceIndexPage, FicheIndexPage, AgendaPage, InformationPage}
        )

    def test_a_home_page_holds_a_single_ressource_index(self):
        self.assertFalse(RessourceIndexPage.can_create_at(self.home))
        other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="autre-accueil")
        self.assertTrue(RessourceIndexPage.can_create_at(other_home))

    def test_pages_of_the_tree_are_routed_from_their_french_url(self):
        # Wagtail's assertPageIsRoutable keeps the /fr/ prefix of i18n_patterns in the path it
        # routes, so route the path below the language prefix ourselves.
        request = get_dummy_request()
        for page in (self.index, self.guide, self.modele):
            with self.subTest(page=page.title):
                url = page.get_url(request)
                self.assertTrue(url.startswith("/fr/"), url)
                components = [part for part in url.split("/")[2:] if part]
                routed = self.home.route(request, components)
                self.assertEqual(routed.page.pk, page.pk)

    def test_domain_routes_of_the_home_page_resolve(self):
        request = get_dummy_request()
        self.assertEqual(self.home.route(request, ["domaines"]).page.pk, self.home.pk)
        routed = self.home.route(request, ["domaines", "juridique-statuts"])
        view, args, kwargs = routed.args
        self.assertEqual(view.__name__, "domaine")
        self.assertEqual(kwargs, {"slug": "juridique-statuts"})

    def test_pages_of_the_tree_are_renderable(self):
        for page in (self.home, self.index, self.guide, self.modele):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(self.home, "domaines/")
        self.assertPageIsRenderable(self.home, "domaines/juridique-statuts/")
        self.assertPageIsRenderable(self.home, "domaines/domaine-inconnu/", accept_404=True)
