from django.urls import path

from . import flux, views, views_cycle, views_membres

urlpatterns = [
    path("bourse/", views.liste, name="bourse"),
    path("bourse/flux/", flux.AnnoncesFlux(), name="bourse_flux"),
    path("bourse/mes-annonces/", views_membres.mes_annonces, name="mes_annonces"),
    path("bourse/nouvelle/", views_membres.nouvelle, name="annonce_nouvelle"),
    path("bourse/<int:pk>/", views.detail, name="annonce"),
    path("bourse/<int:pk>/signaler/", views.signaler, name="annonce_signaler"),
    path("bourse/<int:pk>/signalee/", views.signalee, name="annonce_signalee"),
    path("bourse/<int:pk>/modifier/", views_membres.modifier, name="annonce_modifier"),
    path("bourse/<int:pk>/apercu/", views_membres.apercu, name="annonce_apercu"),
    path("bourse/<int:pk>/soumettre/", views_membres.soumettre, name="annonce_soumettre"),
    path("bourse/<int:pk>/retirer/", views_membres.retirer, name="annonce_retirer"),
    path("bourse/<int:pk>/pourvue/", views_membres.pourvue, name="annonce_pourvue"),
    # The one-click links of the lifecycle e-mails (issue 19, point 4).
    path("bourse/suite/<slug:action>/<str:signed>/", views_cycle.lien, name="annonce_lien"),
]
