"""Public pages of the site that are not Wagtail pages, in each language (``i18n_patterns``):
the contact form and the site map, both linked from the footer."""

from django.urls import path

from . import views

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("contact/merci/", views.contact_merci, name="contact_merci"),
    path("plan-du-site/", views.plan, name="plan_du_site"),
]
