from django.urls import path

from .views import contributions, pieces_jointes, structures

urlpatterns = [
    path("mon-espace/", contributions.mon_espace, name="mon_espace"),
    path(
        "mon-espace/adhesions/<int:pk>/accepter/",
        structures.adhesion_decide,
        {"accepter": True},
        name="adhesion_accepter",
    ),
    path(
        "mon-espace/adhesions/<int:pk>/refuser/",
        structures.adhesion_decide,
        {"accepter": False},
        name="adhesion_refuser",
    ),
    path("fiches/proposer/", contributions.proposer, name="fiche_proposer"),
    path("mon-espace/fiches/<int:pk>/modifier/", contributions.modifier, name="fiche_modifier"),
    path("mon-espace/fiches/<int:pk>/apercu/", contributions.apercu, name="fiche_apercu"),
    path("mon-espace/fiches/<int:pk>/soumettre/", contributions.soumettre, name="fiche_soumettre"),
    path("mon-espace/fiches/<int:pk>/retirer/", contributions.retirer, name="fiche_retirer"),
    path("fiches/pieces-jointes/<int:pk>/", pieces_jointes.telecharger, name="piece_jointe"),
    path("structures/", structures.structure_list, name="structures"),
    path("structures/nouvelle/", structures.structure_create, name="structure_nouvelle"),
    path("structures/<slug:slug>/", structures.structure_detail, name="structure"),
    path(
        "structures/<slug:slug>/rejoindre/",
        structures.structure_join,
        name="structure_rejoindre",
    ),
]
