"""/api/v2/ (outside the language prefix, so that a partner's address does not depend on a
language): the root, the OpenAPI description and Wagtail's router of the three endpoints,
every one of them limited per client address."""

from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import api, api_vues

router = WagtailAPIRouter("api")
router.register_endpoint("pages", api.PagesPubliques)
router.register_endpoint("documents", api.DocumentsPublics)
router.register_endpoint("structures", api.StructuresPubliques)

urlpatterns = decorate_urlpatterns(
    [
        path("", api_vues.racine, name="api"),
        path("openapi.json", api_vues.openapi, name="api_openapi"),
        path("", include((router.get_urlpatterns(), "api"), namespace="api")),
    ],
    api_vues.limite_par_adresse,
)
