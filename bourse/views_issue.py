"""The outcome of an exchange, on its own page (``/bourse/conversations/<pk>/issue/``), and
the fiche pratique written from a useful exchange (issue 19, points 5 and 6b). Only the
members of the conversation's two structures get anywhere (``acces``): anyone else gets a
404, also with a forged POST."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fiches import espace as fiches_espace
from fiches.forms import FicheForm
from fiches.views import contributions
from ressources import limites
from ressources.models import Domaine
from ressources.pages_personnelles import personnelle

from . import acces, issues
from .forms_issue import IssueForm
from .models import Issue

DECLARATIONS_PAR_HEURE = "10/h"
#: What a fiche's « situation » may hold (FichePage.situation), the rest of the text cut.
SITUATION_MAX = 3000


@login_required
@personnelle
def issue(request, pk):
    """Declare, confirm or correct the outcome of the conversation ``pk``."""
    conversation = acces.conversation_de_membre(request.user, pk)
    cote = acces.cote(conversation, request.user)
    form = None
    if request.method == "POST" and "confirmer" in request.POST:
        try:
            issues.confirmer(conversation, cote, request.POST.get("version", ""))
        except issues.IssueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Merci : l'issue de cet échange est confirmée."))
        return redirect("conversation_issue", pk=conversation.pk)
    if request.method == "POST":
        form = IssueForm(request.POST)
        if form.is_valid() and peut_declarer(request, form):
            return declarer(request, conversation, cote, form.cleaned_data)
    return render(
        request,
        "bourse/conversation_issue_page.html",
        {
            "conversation": conversation,
            "cote": cote,
            "form": form or IssueForm(initial=valeurs_actuelles(conversation)),
            "etat": issues.etat(conversation, cote),
            "version": issues.version(conversation, cote),
            "corriger": form is not None or "corriger" in request.GET,
        },
    )


def peut_declarer(request, form):
    """Each declaration or correction e-mails the other structure: counted per person, so
    that nobody floods them; beyond the limit the form comes back as typed."""
    message = _(
        "Trop de déclarations en peu de temps : votre saisie est gardée, réessayez plus tard."
    )
    return limites.sous_la_limite(
        request, form, "bourse.issue", DECLARATIONS_PAR_HEURE, message, par="user"
    )


def valeurs_actuelles(conversation):
    if not conversation.issue:
        return {}
    return {
        "issue": conversation.issue,
        "heures": conversation.heures,
        "valeur": conversation.valeur,
        "resume": conversation.resume,
    }


def declarer(request, conversation, cote, data):
    try:
        corrigee = bool(conversation.issue)
        issues.declarer(
            conversation, cote, data["issue"], data["heures"], data["valeur"], data["resume"]
        )
    except issues.IssueError as error:
        messages.error(request, str(error))
    else:
        if corrigee:
            texte = _("Issue corrigée : l'autre structure est invitée à la confirmer.")
        else:
            texte = _("Issue enregistrée : l'autre structure est invitée à la confirmer.")
        messages.success(request, texte)
    return redirect("conversation_issue", pk=conversation.pk)


def echange_utile(request, pk):
    """The conversation ``pk`` if its help is confirmed by both sides and ``request.user``
    belongs to the structure that helped; else 404."""
    conversation = acces.conversation_de_membre(request.user, pk)
    utile = conversation.issue == Issue.AIDE and conversation.confirmee
    if not utile or acces.cote(conversation, request.user) != issues.cote_aidant(conversation):
        raise Http404
    return conversation


def fiche_initiale(conversation):
    """The fiche as the exchange suggests it: the annonce's title, its description as the
    situation, what was done as the steps, its domaines, the structure that helped."""
    annonce = conversation.annonce
    slugs = [domaine.slug for domaine in annonce.domaines.all()]
    return {
        "structure": conversation.structure_aidante.pk,
        "title": annonce.titre,
        "situation": annonce.description[:SITUATION_MAX],
        "etapes": conversation.resume,
        "domaines": list(
            Domaine.objects.in_active_locale().filter(slug__in=slugs).values_list("pk", flat=True)
        ),
    }


@login_required
@personnelle
def fiche(request, pk):
    """« Écrire une fiche pratique à partir de cet échange »: the fiches' own form, prefilled
    (GET); what it sends goes to the fiches' own view, which saves a draft under the fiches
    index (and submits it to the moderators only if asked). Nothing is published here."""
    conversation = echange_utile(request, pk)
    index = fiches_espace.fiche_index()
    if index is None:
        raise Http404
    if request.method == "POST":
        return contributions.proposer(request, index)
    messages.info(
        request,
        _(
            "Ce formulaire est prérempli à partir de l'échange « %(titre)s » : relisez-le et "
            "complétez-le. Rien n'est publié avant la relecture d'un modérateur."
        )
        % {"titre": conversation.annonce.titre},
    )
    form = FicheForm(initial=fiche_initiale(conversation), user=request.user)
    return render(request, "fiches/fiche_form.html", {"form": form})
