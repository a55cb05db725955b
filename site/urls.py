from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from bourse.sitemap import AnnoncesSitemap
from donnees.sitemap import SitemapTraduit
from ressources import admin_urls as ressources_admin_urls
from ressources import views as ressources_views
from ressources.routes import SERVE_PATTERN
from search import views as search_views

from .health import sante, sante_serveur

urlpatterns = [
    # Admin views of ours answering in front of Wagtail's (ressources/admin_urls.py).
    path("admin/", include(ressources_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"wagtail": SitemapTraduit, "bourse": AnnoncesSitemap}},
        name="sitemap",
    ),
    # The public API, versioned, language-neutral (donnees/api_urls.py).
    path("api/v2/", include("donnees.api_urls")),
    path("sante/", sante, name="sante"),
    path("sante/serveur/", sante_serveur, name="sante_serveur"),
    # Open vocabularies at language-neutral, stable addresses (donnees/vocabulaires_urls.py).
    path("", include("donnees.vocabulaires_urls")),
    # « Le réseau en chiffres » as a dataset (donnees/chiffres_urls.py).
    path("", include("donnees.chiffres_urls")),
    # The open datasets' files, at stable addresses for programs (donnees/jeux_urls.py).
    path("", include("donnees.jeux_urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents are never served from MEDIA_ROOT (see RessourceDocument.url).
    urlpatterns += static(
        f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images"
    )

urlpatterns += i18n_patterns(
    path("recherche/", search_views.search, name="recherche"),
    path(
        "recherche/suggestions/",
        search_views.autocomplete,
        name="recherche_suggestions",
    ),
    path("comptes/", include("allauth.urls")),
    path("", include("donnees.urls")),
    path("", include("alertes.urls")),
    path("", include("espace.urls")),
    path("", include("fiches.urls")),
    path("", include("structures.urls")),
    # La bourse d'entraide (bourse/urls.py).
    path("", include("bourse.urls")),
    # Contact and plan du site (ressources/urls.py).
    path("", include("ressources.urls")),
    path("", include("inventaire.urls")),
    path(
        "telecharger/<int:document_id>/",
        ressources_views.download_document,
        name="telecharger",
    ),
    # A page without a translation, read in its own language from another one.
    path(
        "version-originale/<int:pk>/",
        ressources_views.version_originale,
        name="version_originale",
    ),
    path("", include(wagtail_urls)),
    # Page routes Wagtail's own pattern leaves out: a file name, a signed value (see
    # ressources/routes.py).
    re_path(SERVE_PATTERN, wagtail_views.serve, name="wagtail_serve_routes"),
    prefix_default_language=True,
)
