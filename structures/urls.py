from django.urls import path

from . import views

urlpatterns = [
    path(
        "mon-espace/adhesions/<int:pk>/accepter/",
        views.adhesion_decide,
        {"accepter": True},
        name="adhesion_accepter",
    ),
    path(
        "mon-espace/adhesions/<int:pk>/refuser/",
        views.adhesion_decide,
        {"accepter": False},
        name="adhesion_refuser",
    ),
    path("structures/", views.structure_list, name="structures"),
    path("structures/nouvelle/", views.structure_create, name="structure_nouvelle"),
    path("structures/<slug:slug>/", views.structure_detail, name="structure"),
    path("structures/<slug:slug>/rejoindre/", views.structure_join, name="structure_rejoindre"),
]
