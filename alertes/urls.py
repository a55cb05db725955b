"""Under the language prefix: /fr/alertes/…"""

from django.urls import path

from . import flux, views

app_name = "alertes"

urlpatterns = [
    path("alertes/creer/", views.creer, name="creer"),
    path("alertes/flux/", flux.FluxDeLaRequete(), name="flux"),
    path("alertes/verifiez/", views.verifiez, name="verifiez"),
    path("alertes/confirmer/<str:signed>/", views.confirmer, name="confirmer"),
    path("alertes/desabonner/<str:signed>/", views.desabonner, name="desabonner"),
    path("alertes/<int:pk>/frequence/", views.modifier, name="modifier"),
    path("alertes/<int:pk>/supprimer/", views.supprimer, name="supprimer"),
]
