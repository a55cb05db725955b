"""What members do with their structure: change its public details, invite a colleague,
cancel an invitation, leave; and the page an invitation's link opens.

Only members of the structure (and staff) get anywhere: anyone else gets a 404, as if the
structure had no such page, whatever pk or slug a forged request names."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ressources import limites

from . import adhesions, invitations
from .forms import InvitationForm, StructureEditForm
from .models import Adhesion, Structure

INVITATIONS_PER_HOUR = "20/h"


def structure_geree(request, slug):
    """The structure ``slug`` if the person may manage it, else a 404."""
    structure = get_object_or_404(Structure, slug=slug)
    if not invitations.peut_inviter(request.user, structure):
        raise Http404
    return structure


@login_required
def structure_modifier(request, slug):
    structure = structure_geree(request, slug)
    form = StructureEditForm(request.POST or None, instance=structure)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                structure = form.save()
        except IntegrityError:  # the same number given to another structure a moment ago
            form.add_error(None, _("Ce numéro vient d'être enregistré pour une autre structure."))
        else:
            messages.success(request, _("Les informations de la structure sont enregistrées."))
            return redirect(structure)
    return render(
        request, "structures/structure_modifier.html", {"form": form, "structure": structure}
    )


@login_required
def structure_inviter(request, slug):
    """Invite by e-mail (GET: the form alone; the fragment of « Mon espace » posts here too,
    and a wrong address comes back here with the error summary)."""
    structure = structure_geree(request, slug)
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if limites.depasse(request, "structures.inviter", INVITATIONS_PER_HOUR, par="user"):
            status = limites.formulaire_refuse(
                form, _("Trop d'invitations en peu de temps : réessayez dans une heure.")
            )
        else:
            try:
                invitation, created = invitations.inviter(
                    structure, form.cleaned_data["email"], request.user
                )
            except invitations.InvitationError as error:
                form.add_error("email", str(error))
            else:
                message = (
                    _("Invitation envoyée à %(email)s.")
                    if created
                    else _("Invitation envoyée à nouveau à %(email)s, valable 14 jours de plus.")
                )
                messages.success(request, message % {"email": invitation.email})
                return redirect("mon_espace")
    return render(
        request,
        "structures/structure_inviter.html",
        {"form": form, "structure": structure},
        status=status,
    )


@login_required
@require_POST
def invitation_annuler(request, pk):
    if invitations.annuler(pk, request.user):
        messages.success(request, _("L'invitation est annulée : son lien ne fonctionne plus."))
    else:
        messages.info(request, _("Cette invitation n'est plus en cours."))
    return redirect("mon_espace")


@login_required
def structure_quitter(request, slug):
    """GET: the confirmation (what happens when one is the last member); POST: leave."""
    structure = get_object_or_404(Structure, slug=slug)
    if request.method == "POST":
        try:
            personne = adhesions.quitter(structure, request.user)
        except adhesions.AdhesionError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("Vous avez quitté « %(nom)s ».") % {"nom": structure.nom})
            if personne:
                messages.info(
                    request,
                    _(
                        "La structure n'a plus de membre : elle reste sur Entraide avec ses "
                        "fiches, et l'équipe du réseau pourra la confier à quelqu'un d'autre."
                    ),
                )
        return redirect("mon_espace")
    if not structure.has_member(request.user):
        raise Http404
    membres = structure.adhesions.filter(statut=Adhesion.Statut.ACCEPTEE).count()
    return render(
        request,
        "structures/structure_quitter.html",
        {"structure": structure, "dernier": membres <= 1},
    )


def refus(request, error):
    """The clear page of a link that cannot be used (tampered, cancelled, used, expired)."""
    return render(
        request,
        "structures/invitation_invalide.html",
        {"erreur": str(error)},
        status=error.status,
    )


@never_cache
def invitation(request, signed):
    """The page an invitation's link opens. Signed out: sign up (the address filled in and
    taken as confirmed, since the link reached it) or sign in, then back here; signed in: a
    button that joins (a POST, see ``structures.invitations``)."""
    try:
        invitation = invitations.invitation_de(signed)
    except invitations.InvitationError as error:
        return render(
            request,
            "structures/invitation_invalide.html",
            {"erreur": str(error)},
            status=error.status,
        )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            invitations.accepter(invitation, request.user)
        except invitations.InvitationError as error:
            return render(
                request,
                "structures/invitation_invalide.html",
                {"erreur": str(error)},
                status=error.status,
            )
        messages.success(
            request,
            _("Bienvenue : vous êtes membre de « %(nom)s ».") % {"nom": invitation.structure.nom},
        )
        return redirect("mon_espace")
    if not request.user.is_authenticated:
        get_adapter(request).stash_verified_email(request, invitation.email)
    return render(
        request,
        "structures/invitation.html",
        {
            "invitation": invitation,
            "structure": invitation.structure,
            "deja_membre": invitation.structure.has_member(request.user),
        },
    )
