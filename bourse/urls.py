from django.urls import path

from . import (
    flux,
    views,
    views_attestation,
    views_conversations,
    views_cycle,
    views_issue,
    views_membres,
    views_ressources,
)

urlpatterns = [
    path("bourse/", views.liste, name="bourse"),
    path("bourse/flux/", flux.AnnoncesFlux(), name="bourse_flux"),
    path("bourse/mes-annonces/", views_membres.mes_annonces, name="mes_annonces"),
    path(
        "bourse/ressources-utiles/",
        views_ressources.ressources_utiles_fragment,
        name="bourse_ressources_utiles",
    ),
    path("bourse/nouvelle/", views_membres.nouvelle, name="annonce_nouvelle"),
    path("bourse/<int:pk>/", views.detail, name="annonce"),
    path("bourse/<int:pk>/signaler/", views.signaler, name="annonce_signaler"),
    path("bourse/<int:pk>/signalee/", views.signalee, name="annonce_signalee"),
    path("bourse/<int:pk>/modifier/", views_membres.modifier, name="annonce_modifier"),
    path("bourse/<int:pk>/apercu/", views_membres.apercu, name="annonce_apercu"),
    path("bourse/<int:pk>/soumettre/", views_membres.soumettre, name="annonce_soumettre"),
    path("bourse/<int:pk>/retirer/", views_membres.retirer, name="annonce_retirer"),
    path("bourse/<int:pk>/pourvue/", views_membres.pourvue, name="annonce_pourvue"),
    path("bourse/conversations/<int:pk>/issue/", views_issue.issue, name="conversation_issue"),
    path("bourse/conversations/<int:pk>/fiche/", views_issue.fiche, name="conversation_fiche"),
    path(
        "bourse/attestation/<slug:slug>/<int:annee>/",
        views_attestation.attestation,
        name="attestation",
    ),
    path(
        "bourse/attestation/<slug:slug>/<int:annee>/pdf/",
        views_attestation.attestation_pdf_vue,
        name="attestation_pdf",
    ),
    path("bourse/<int:pk>/contacter/", views_conversations.contacter, name="annonce_contacter"),
    path(
        "bourse/conversations/",
        views_conversations.mes_conversations,
        name="mes_conversations",
    ),
    path(
        "bourse/conversations/<int:pk>/",
        views_conversations.conversation,
        name="conversation",
    ),
    path(
        "bourse/conversations/<int:pk>/coordonnees/",
        views_conversations.partager_coordonnees,
        name="conversation_coordonnees",
    ),
    # The one-click links of the lifecycle e-mails (issue 19, point 4).
    path("bourse/suite/<slug:action>/<str:signed>/", views_cycle.lien, name="annonce_lien"),
]
