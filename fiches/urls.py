from django.urls import path

from .views import contributions, pieces_jointes

urlpatterns = [
    path("mon-espace/fiches/<int:pk>/modifier/", contributions.modifier, name="fiche_modifier"),
    path("mon-espace/fiches/<int:pk>/apercu/", contributions.apercu, name="fiche_apercu"),
    path("mon-espace/fiches/<int:pk>/soumettre/", contributions.soumettre, name="fiche_soumettre"),
    path(
        "mon-espace/fiches/<int:pk>/retirer/",
        contributions.retirer_de_la_moderation,
        name="fiche_retirer",
    ),
    path("fiches/pieces-jointes/<int:pk>/", pieces_jointes.telecharger, name="piece_jointe"),
]
