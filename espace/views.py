"""« Mon espace »: what a signed-in person has on the site, gathered from each app, and their
rights over it (take their data away, cancel a registration, delete their account)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from alertes import comptes as alertes_comptes
from bourse import espace as bourse_espace
from evenements import donnees_personnelles as evenements_donnees
from evenements import inscriptions
from fiches import espace as fiches_espace
from ressources import emails, limites
from ressources.pages_personnelles import personnelle
from structures import espace as structures_espace

from . import archive, suppression

DEMANDES_DE_SUPPRESSION = "3/h"
TROP_DE_DEMANDES = gettext_lazy("Trop de demandes en peu de temps : réessayez dans une heure.")


@login_required
def mon_espace(request):
    a_venir, passees = evenements_donnees.a_venir_et_passees(request.user)
    return render(
        request,
        "espace/mon_espace.html",
        {
            **fiches_espace.mes_fiches(request.user),
            **bourse_espace.mes_annonces(request.user),
            **bourse_espace.mes_conversations(request.user),
            "inscriptions_a_venir": a_venir,
            "inscriptions_passees": passees,
            "mes_structures": structures_espace.mes_structures(request.user),
            "alertes": list(alertes_comptes.alertes_de(request.user)),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def annuler_inscription(request, pk):
    """Cancel one of one's registrations: the page says what goes, its form does it."""
    inscription = evenements_donnees.inscription_de(request.user, pk)
    if inscription is None:
        raise Http404
    atelier = inscription.atelier
    if request.method == "POST":
        try:
            inscriptions.annuler(inscription)
        except inscriptions.InscriptionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Votre inscription à « %s » est annulée.") % atelier.title)
        return redirect("mon_espace")
    return render(
        request,
        "espace/annuler_inscription.html",
        {"inscription": inscription, "atelier": atelier},
    )


@login_required
def mes_donnees(request):
    """The archive of everything the site keeps about the person (GDPR, right of access and
    portability)."""
    response = HttpResponse(archive.archive(request.user), content_type="application/zip")
    jour = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="entraide-mes-donnees-{jour}.zip"'
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def supprimer_compte(request):
    """Step one: say what goes and what stays; the form sends the confirmation link."""
    if request.method == "POST":
        if limites.depasse(request, "espace.suppression", DEMANDES_DE_SUPPRESSION, par="user"):
            messages.error(request, limites.TROP_DE_DEMANDES)
            return render(request, "espace/supprimer_compte.html", status=limites.STATUS)
        lien = reverse("espace_supprimer_confirmer", args=[suppression.jeton(request.user)])
        emails.notify(
            [request.user.email],
            "espace/emails/suppression",
            {"url": emails.absolute(lien), "heures": suppression.VALABLE // 3600},
        )
        messages.success(
            request,
            _(
                "Nous vous avons envoyé un e-mail : suivez son lien dans les 24 heures pour "
                "confirmer la suppression de votre compte."
            ),
        )
        return redirect("mon_espace")
    return render(request, "espace/supprimer_compte.html")


@personnelle
@require_http_methods(["GET", "HEAD", "POST"])
def confirmer_suppression(request, jeton):
    """Step two, from the e-mail's link: one more button, then the account is gone."""
    try:
        user = suppression.compte_du_jeton(jeton)
    except suppression.LienInvalide:
        return render(request, "espace/lien_invalide.html", status=400)
    if request.method == "POST":
        if request.user.pk == user.pk:
            logout(request)
        suppression.supprimer(user)
        return redirect("espace_compte_supprime")
    return render(request, "espace/confirmer_suppression.html", {"compte": user})


def compte_supprime(request):
    return render(request, "espace/compte_supprime.html")
