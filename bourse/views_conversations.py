"""The conversations' pages: « Proposer mon aide » / « Je suis intéressé·e » on a published
annonce, a conversation (its messages, the reply form, « Partager nos coordonnées ») and
« Mes conversations ». Only the members of the conversation's two structures get anywhere:
anyone else a 404 (forged POSTs too), an anonymous visitor the log-in page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ressources import limites
from ressources.pages_personnelles import personnelle

from . import acces, cloture, conversations, espace
from .forms_conversations import MessageForm, PremierMessageForm
from .models import Annonce, Conversation, Cote

# Per account: a person opens a few conversations, a flood is a robot or a spammer.
CONVERSATIONS_PAR_HEURE = "5/h"
CONVERSATIONS_PAR_JOUR = "20/d"
MESSAGES_PAR_HEURE = "30/h"


def limite_atteinte(request, *paires):
    """Whether one of ``paires`` ((group, rate)) is reached; counts this attempt."""
    return any(limites.depasse(request, group, rate, par="user") for group, rate in paires)


def nouvelle_conversation_limitee(request):
    return limite_atteinte(
        request,
        ("bourse.conversation.heure", CONVERSATIONS_PAR_HEURE),
        ("bourse.conversation.jour", CONVERSATIONS_PAR_JOUR),
    )


def message_limite(request):
    return limite_atteinte(request, ("bourse.message", MESSAGES_PAR_HEURE))


def refuser_pour_limite(form):
    return limites.formulaire_refuse(
        form, _("Trop de messages en peu de temps : votre texte est gardé, réessayez plus tard.")
    )


@login_required
@personnelle
@require_http_methods(["GET", "HEAD", "POST"])
def contacter(request, pk):
    """The first message to the structure of a published, running annonce."""
    annonce = get_object_or_404(Annonce.objects.publiques().select_related("structure"), pk=pk)
    structures = list(conversations.structures_pour_repondre(request.user, annonce))
    existantes = dict(
        Conversation.objects.filter(annonce=annonce, structure__in=structures).values_list(
            "structure_id", "pk"
        )
    )
    context = {"annonce": annonce, "structures": structures}
    if not structures:
        return render(request, "bourse/conversation_nouvelle.html", context)
    if request.method != "POST" and len(structures) == 1 and structures[0].pk in existantes:
        return redirect("conversation", pk=existantes[structures[0].pk])
    form = PremierMessageForm(
        request.POST if request.method == "POST" else None,
        structures=conversations.structures_pour_repondre(request.user, annonce),
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        structure = form.cleaned_data["structure"]
        existante = structure.pk in existantes
        limitee = message_limite(request) if existante else nouvelle_conversation_limitee(request)
        if limitee:
            status = refuser_pour_limite(form)
        else:
            try:
                conversation = conversations.ouvrir(
                    annonce, structure, request.user, form.cleaned_data["texte"]
                )
            except conversations.ConversationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Message envoyé."))
                return redirect("conversation", pk=conversation.pk)
    context |= {"form": form, "existantes": existantes}
    return render(request, "bourse/conversation_nouvelle.html", context, status=status)


@login_required
@personnelle
@require_http_methods(["GET", "HEAD", "POST"])
def conversation(request, pk):
    """A conversation: the messages oldest first, the reply form, the details once shared."""
    conv = acces.conversation_de_membre(request.user, pk)
    cote = acces.cote(conv, request.user)
    form = MessageForm(
        request.POST if request.method == "POST" else None,
        coordonnees_permises=conv.coordonnees_partagees,
    )
    status = 200
    if request.method == "POST" and conv.closed_at is not None:
        # A closed conversation shows no reply form: say it above the page instead.
        messages.error(request, _("Cette conversation est close : elle ne reçoit plus de message."))
        return redirect("conversation", pk=conv.pk)
    if request.method == "POST" and form.is_valid():
        if message_limite(request):
            status = refuser_pour_limite(form)
        else:
            try:
                conversations.ecrire(conv, cote, request.user, form.cleaned_data["texte"])
            except conversations.ConversationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Message envoyé."))
                return redirect("conversation", pk=conv.pk)
    espace.marquer_lue(conv, request.user)
    return render(request, "bourse/conversation.html", contexte(conv, cote, form), status=status)


def contexte(conv, cote, form):
    autre = Cote.autre(cote)
    noms = {cote: conv.structure_de(cote), autre: conv.structure_de(autre)}
    return {
        "conversation": conv,
        "annonce": conv.annonce,
        "cote": cote,
        "notre_structure": noms[cote],
        "autre_structure": noms[autre],
        "messages_conversation": [
            {"message": message, "structure": noms[message.cote], "notre": message.cote == cote}
            for message in conv.messages.all()
        ],
        "form": form,
        "nous_partageons": conversations.a_partage(conv, cote),
        "ils_partagent": conversations.a_partage(conv, autre),
        "coordonnees": conversations.coordonnees(conv),
        "effacement_le": cloture.fin_de_conservation(conv),
    }


@login_required
@require_POST
def partager_coordonnees(request, pk):
    """« Partager nos coordonnées »: this side agrees; the addresses show once both have."""
    conv = acces.conversation_de_membre(request.user, pk)
    if conversations.partager(conv, acces.cote(conv, request.user)):
        messages.success(request, _("Les deux structures ont accepté : voici les coordonnées."))
    else:
        messages.success(
            request,
            _(
                "C'est noté. Les coordonnées s'afficheront dès que l'autre structure aura "
                "accepté elle aussi."
            ),
        )
    return redirect("conversation", pk=conv.pk)


@login_required
@personnelle
def mes_conversations(request):
    return render(request, "bourse/conversations_page.html", espace.mes_conversations(request.user))
