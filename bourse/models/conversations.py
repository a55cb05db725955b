"""Conversations of the bourse: a structure answers an annonce (« Proposer mon aide » on a
demande, « Je suis intéressé·e » on an offre) and the two structures write to each other
through the site. Nobody's address is shown until both sides agree to share them.

A conversation is also the exchange whose outcome is recorded when it closes (point 5): the
hours given or the value lent, declared by one side and confirmed by the other. Twelve months
after it closes its messages and authors are deleted; the outcome stays, without names of
persons, for the structures' attestations and the indicators."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from structures.models import Structure

from .annonces import Annonce, Sens


class Cote(models.TextChoices):
    """The two sides of a conversation."""

    ANNONCEUR = "annonceur", _("La structure de l'annonce")
    REPONDANT = "repondant", _("La structure qui a répondu")

    @classmethod
    def autre(cls, cote):
        """The other side of ``cote``."""
        return cls.REPONDANT if cote == cls.ANNONCEUR else cls.ANNONCEUR


class Issue(models.TextChoices):
    AIDE = "aide", _("Aide apportée")
    SANS_SUITE = "sans-suite", _("Sans suite")


class ConversationQuerySet(models.QuerySet):
    def de_membre(self, user):
        """The conversations of the structures ``user`` belongs to, on either side."""
        structures = Structure.objects.of_member(user)
        return self.filter(
            models.Q(structure__in=structures) | models.Q(annonce__structure__in=structures)
        )

    def confirmees(self):
        """Exchanges whose help both structures confirmed (the attestation's lines)."""
        return self.filter(
            issue=Issue.AIDE,
            confirmee_annonceur_le__isnull=False,
            confirmee_repondant_le__isnull=False,
        )


class Conversation(models.Model):
    annonce = models.ForeignKey(
        Annonce, verbose_name=_("annonce"), on_delete=models.CASCADE, related_name="conversations"
    )
    #: The structure that answered the annonce (the other side is ``annonce.structure``).
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure qui a répondu"),
        on_delete=models.CASCADE,
        related_name="conversations_bourse",
    )
    initiee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ouverte par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ouverte le"), default=timezone.now, editable=False)
    derniere_activite = models.DateTimeField(_("dernier message le"), default=timezone.now)
    # Each side agrees to show its members' addresses; they show when both have.
    coordonnees_annonceur_le = models.DateTimeField(
        _("coordonnées partagées par l'annonceur le"), null=True, blank=True
    )
    coordonnees_repondant_le = models.DateTimeField(
        _("coordonnées partagées par le répondant le"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    # The outcome (point 5).
    issue = models.CharField(_("issue"), max_length=12, choices=Issue.choices, blank=True)
    heures = models.DecimalField(
        _("heures données"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    valeur = models.DecimalField(
        _("valeur prêtée ou donnée (euros)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    resume = models.TextField(_("ce qui a été fait"), max_length=2000, blank=True)
    confirmee_annonceur_le = models.DateTimeField(
        _("confirmée par l'annonceur le"), null=True, blank=True
    )
    confirmee_repondant_le = models.DateTimeField(
        _("confirmée par le répondant le"), null=True, blank=True
    )
    # The lifecycle asks both structures for the outcome once (``cycle.issues_a_declarer``).
    issue_demandee_le = models.DateTimeField(_("issue demandée le"), null=True, blank=True)
    donnees_effacees_le = models.DateTimeField(_("messages effacés le"), null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-derniere_activite", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["annonce", "structure"], name="conversation_annonce_structure_unique"
            )
        ]
        indexes = [
            models.Index(fields=["structure", "-derniere_activite"], name="conversation_structure"),
            models.Index(fields=["closed_at"], name="conversation_closed"),
        ]

    def __str__(self):
        return f"{self.annonce} — {self.structure}"

    def structure_de(self, cote):
        return self.annonce.structure if cote == Cote.ANNONCEUR else self.structure

    @property
    def structure_aidante(self):
        """Who gives: the annonce's structure for an offre, the one that answered a demande."""
        if self.annonce.sens == Sens.OFFRE:
            return self.annonce.structure
        return self.structure

    @property
    def structure_aidee(self):
        if self.annonce.sens == Sens.OFFRE:
            return self.structure
        return self.annonce.structure

    @property
    def coordonnees_partagees(self):
        return bool(self.coordonnees_annonceur_le and self.coordonnees_repondant_le)

    @property
    def confirmee(self):
        return bool(self.confirmee_annonceur_le and self.confirmee_repondant_le)


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    cote = models.CharField(_("de la part de"), max_length=10, choices=Cote.choices)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    texte = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("envoyé le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["conversation", "created_at"], name="message_conversation")]

    def __str__(self):
        return f"{self.conversation} — {self.created_at:%Y-%m-%d}"


class Lecture(models.Model):
    """When a person last opened a conversation: « Mes conversations » marks « Nouveau » those
    with a message since, written by somebody else. Goes with the account."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="lectures"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lue_le = models.DateTimeField(_("lue le"), default=timezone.now)

    class Meta:
        verbose_name = _("lecture d'une conversation")
        verbose_name_plural = _("lectures des conversations")
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="lecture_unique")
        ]

    def __str__(self):
        return f"{self.conversation} — {self.lue_le:%Y-%m-%d %H:%M}"
