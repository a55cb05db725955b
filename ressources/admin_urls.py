"""Admin addresses we answer in front of Wagtail's and wagtail-localize's own views (the
project's urls.py includes these just before Wagtail's admin): same paths, same names
resolved by Wagtail's ``reverse``, our views from ``admin_views.py``. Each Wagtail upgrade:
check that these views still match what they replace (Wagtail's ``chooser``,
``page_types_usage`` and wagtail-localize's submit, update and report views)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views

urlpatterns = [
    path("choose-page/", admin_views.PageChooserBrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", admin_views.PageChooserBrowseView.as_view()),
    path("choose-page/search/", admin_views.PageChooserSearchView.as_view()),
    path("choose-page/chosen-multiple/", admin_views.PageChooserChosenMultipleView.as_view()),
    path("reports/page-types-usage/", admin_views.PageTypesUsageReportView.as_view()),
    path(
        "reports/page-types-usage/results/",
        admin_views.PageTypesUsageReportView.as_view(results_only=True),
    ),
    path(
        "localize/submit/page/<int:page_id>/",
        admin_views.SubmitPageTranslationView.as_view(),
    ),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        admin_views.SubmitSnippetTranslationView.as_view(),
    ),
    path(
        "localize/update/<int:translation_source_id>/",
        admin_views.UpdateTranslationsView.as_view(),
    ),
    path("localize/reports/translations/", admin_views.TranslationsReportView.as_view()),
    path(
        "localize/reports/translations/results/",
        admin_views.TranslationsReportView.as_view(results_only=True),
    ),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
