from django.urls import path

from . import views

urlpatterns = [
    path("mon-espace/", views.mon_espace, name="mon_espace"),
    path(
        "mon-espace/inscriptions/<int:pk>/annuler/",
        views.annuler_inscription,
        name="espace_annuler_inscription",
    ),
    path("mon-espace/mes-donnees/", views.mes_donnees, name="espace_mes_donnees"),
    path("mon-espace/supprimer/", views.supprimer_compte, name="espace_supprimer"),
    path(
        "mon-espace/supprimer/<str:jeton>/",
        views.confirmer_suppression,
        name="espace_supprimer_confirmer",
    ),
    path("compte-supprime/", views.compte_supprime, name="espace_compte_supprime"),
]
