from django.urls import path

from . import views

urlpatterns = [
    path("ateliers/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("ateliers/<slug:slug>.ics", views.atelier_ics, name="atelier_ics"),
    path("ateliers/<int:pk>/inscription/", views.inscrire, name="atelier_inscrire"),
    path("ateliers/<int:pk>/renvoyer-mon-lien/", views.renvoyer_lien, name="atelier_renvoyer_lien"),
    path("ateliers/<int:pk>/verifiez-vos-emails/", views.verifiez, name="atelier_verifiez"),
    path("ateliers/inscription/<str:signed>/", views.inscription, name="inscription"),
    path(
        "ateliers/inscription/<str:signed>/atelier.ics",
        views.inscription_ics,
        name="inscription_ics",
    ),
    path("ateliers/inscription/<str:signed>/annuler/", views.annuler, name="inscription_annuler"),
]
