from django.urls import path

from . import views

urlpatterns = [
    path("retours/<int:page_id>/", views.retour, name="retour_lecteurs"),
    path("signaler-une-erreur/<int:page_id>/", views.signaler, name="signaler_erreur"),
]
