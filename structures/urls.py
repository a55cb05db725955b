from django.urls import path

from . import views, views_membres

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
    path(
        "mon-espace/invitations/<int:pk>/annuler/",
        views_membres.invitation_annuler,
        name="invitation_annuler",
    ),
    path("structures/", views.structure_list, name="structures"),
    path("structures/nouvelle/", views.structure_create, name="structure_nouvelle"),
    path("structures/<slug:slug>/", views.structure_detail, name="structure"),
    path("structures/<slug:slug>/rejoindre/", views.structure_join, name="structure_rejoindre"),
    path(
        "structures/<slug:slug>/modifier/",
        views_membres.structure_modifier,
        name="structure_modifier",
    ),
    path(
        "structures/<slug:slug>/inviter/",
        views_membres.structure_inviter,
        name="structure_inviter",
    ),
    path(
        "structures/<slug:slug>/quitter/",
        views_membres.structure_quitter,
        name="structure_quitter",
    ),
    # After the routes above: a signed value has a colon, never « modifier » and the like.
    path("structures/invitation/<str:signed>/", views_membres.invitation, name="invitation"),
]
