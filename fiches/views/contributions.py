"""The contributor's side: write (``FicheIndexPage``'s route « proposer »), preview, submit,
withdraw from moderation. Only members of the fiche's structure get anywhere; anyone else gets
a 404, an anonymous visitor the log-in page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ressources import limites
from structures.models import Structure

from .. import moderation
from ..forms import FicheForm
from ..models.fiches import FichePage

SUBMISSIONS_PER_HOUR = "10/h"
PREVIEWS_PER_HOUR = "60/h"
# Saving renders the texts that changed (about half a second for a whole fiche of crafted text
# at the length limits): counted per person, like previews.
SAVES_PER_HOUR = "60/h"


@login_required
def proposer(request, index):
    """A new fiche, saved as a draft under ``index`` (submitted if asked)."""
    if not Structure.objects.of_member(request.user).exists():
        messages.info(
            request,
            _("Pour proposer une fiche, inscrivez d'abord votre structure ou rejoignez-la."),
        )
        return redirect("mon_espace")
    form = FicheForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid() and may_save(request, form):
        fiche = moderation.creer(index, form.apply(), request.user, form.pieces_jointes())
        return after_save(request, fiche)
    return render(request, "fiches/fiche_form.html", {"form": form})


@login_required
def modifier(request, pk):
    fiche = moderation.get_fiche_for(request.user, pk)
    draft = moderation.describe_one(fiche.get_latest_revision_as_object())
    if "modifier" not in draft.actions:
        messages.info(request, _("Cette fiche est en modération : retirez-la pour la modifier."))
        return redirect("mon_espace")
    form = FicheForm(request.POST or None, request.FILES or None, instance=draft, user=request.user)
    if request.method == "POST" and form.is_valid() and may_save(request, form):
        moderation.enregistrer(
            form.apply(),
            request.user,
            pieces_jointes=form.pieces_jointes(),
            a_retirer=form.cleaned_data.get("retirer") or [],
        )
        return after_save(request, fiche)
    return render(request, "fiches/fiche_form.html", {"form": form, "fiche": draft})


def may_save(request, form):
    """Under the hourly limit of saves; beyond it the form comes back with everything typed
    (and the files, already kept) and says when to try again."""
    message = _(
        "Trop d'enregistrements en peu de temps : votre texte est gardé ci-dessous, "
        "enregistrez-le à nouveau dans une heure."
    )
    return limites.sous_la_limite(
        request, form, "fiches.enregistrer", SAVES_PER_HOUR, message, par="user"
    )


def after_save(request, fiche):
    """« Enregistrer » keeps a draft; « Soumettre » also sends it to the moderators."""
    if "soumettre" in request.POST:
        return soumettre_et_dire(request, fiche)
    messages.success(request, _("Brouillon enregistré. Vous pouvez y revenir quand vous voulez."))
    return redirect("mon_espace")


@login_required
def apercu(request, pk):
    """The fiche exactly as it will be published, from its latest revision. Counted per
    person: a preview renders a whole page, and its texts when a revision was saved before
    they were kept rendered."""
    fiche = moderation.get_fiche_for(request.user, pk)
    limited = limites.depasse(request, "fiches.apercu", PREVIEWS_PER_HOUR, par="user")
    if limited:
        messages.error(request, _("Trop d'aperçus en peu de temps : réessayez dans une heure."))
        return redirect("mon_espace")
    draft = fiche.get_latest_revision_as_object()
    request.is_preview = True
    request.preview_mode = draft.default_preview_mode
    response = draft.serve_preview(request, draft.default_preview_mode)
    patch_cache_control(response, private=True)
    return response


@login_required
@require_POST
def soumettre(request, pk):
    return soumettre_et_dire(request, moderation.get_fiche_for(request.user, pk))


def soumettre_et_dire(request, fiche):
    """Every way of submitting (the button in « Mon espace », « Enregistrer et soumettre »)
    counts towards the same hourly limit."""
    limited = limites.depasse(request, "fiches.soumettre", SUBMISSIONS_PER_HOUR, par="user")
    if limited:
        messages.error(
            request, _("Trop de soumissions en peu de temps : réessayez dans une heure.")
        )
        return redirect("mon_espace")
    try:
        moderation.soumettre(FichePage.objects.get(pk=fiche.pk), request.user)
    except moderation.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Fiche envoyée en modération. Vous recevrez un e-mail quand un modérateur "
                "l'aura lue."
            ),
        )
    return redirect("mon_espace")


@login_required
@require_POST
def retirer_de_la_moderation(request, pk):
    fiche = moderation.get_fiche_for(request.user, pk)
    try:
        moderation.retirer_de_la_moderation(fiche, request.user)
    except moderation.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("La fiche est retirée de la modération ; c'est à nouveau un brouillon.")
        )
    return redirect("mon_espace")
