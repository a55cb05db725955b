"""Structures (the member organisations of the network) and who belongs to them.

The tables keep the names they had when these models lived in ``fiches``
(``Meta.db_table``): moving the models changed no row."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField

from ressources import api, json_ld
from ressources.territoires import DEPARTEMENT_CHOICES

from .annuaire import fold
from .identifiers import compact, validate_rna, validate_siren_or_siret


class TypeStructure(models.TextChoices):
    ASSOCIATION = "association", _("Association loi 1901")
    ASSOCIATION_DROIT_LOCAL = (
        "association-droit-local",
        _("Association de droit local (Alsace-Moselle)"),
    )
    ASSOCIATION_RUP = "association-rup", _("Association reconnue d'utilité publique")
    FONDATION = "fondation", _("Fondation")
    FONDS_DOTATION = "fonds-dotation", _("Fonds de dotation")
    SCOP = "scop", _("SCOP")
    SCIC = "scic", _("SCIC")
    COOPERATIVE = "cooperative", _("Coopérative (loi 1947)")
    MUTUELLE = "mutuelle", _("Mutuelle")
    ENTREPRISE_INSERTION = "entreprise-insertion", _("Entreprise d'insertion (EI)")
    ACI = "aci", _("Atelier et chantier d'insertion (ACI)")
    ETTI = "etti", _("Entreprise de travail temporaire d'insertion (ETTI)")
    AI = "ai", _("Association intermédiaire (AI)")
    ESUS = "esus", _("Entreprise ESUS")
    COLLECTIF = "collectif", _("Collectif informel")


class HttpsURLField(models.URLField):
    """A web address where « exemple.org » is read as https://exemple.org."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class StructureQuerySet(models.QuerySet):
    def of_member(self, user):
        """The structures ``user`` belongs to (accepted memberships only)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(adhesions__user=user, adhesions__statut=Adhesion.Statut.ACCEPTEE)


class Structure(models.Model):
    nom = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant d'URL"), max_length=160, unique=True, editable=False)
    type_structure = models.CharField(
        _("type de structure"), max_length=40, choices=TypeStructure.choices
    )
    siret = models.CharField(
        _("SIREN ou SIRET"),
        max_length=20,
        blank=True,
        validators=[validate_siren_or_siret],
        help_text=_("9 chiffres (SIREN) ou 14 chiffres (SIRET), espaces acceptés."),
    )
    rna = models.CharField(
        _("numéro RNA"),
        max_length=12,
        blank=True,
        validators=[validate_rna],
        help_text=_("Pour une association déclarée : « W » suivi de 9 caractères, ex. W751234567."),
    )
    departement = models.CharField(_("département"), max_length=3, choices=DEPARTEMENT_CHOICES)
    site_web = HttpsURLField(_("site web"), blank=True)
    description = models.TextField(_("présentation courte"), max_length=1000, blank=True)
    verifiee = models.BooleanField(
        _("vérifiée"),
        default=False,
        help_text=_("Cochée par l'équipe du réseau après vérification."),
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    search_key = models.TextField(_("clé de recherche"), default="", editable=False)

    objects = StructureQuerySet.as_manager()

    # The public API (donnees.api): what its public page shows; never its members, their
    # e-mails, its identifiers nor who created it.
    api_fields = [
        APIField("nom"),
        APIField("slug"),
        APIField("type_structure", serializer=api.ChoiceField(TypeStructure.choices)),
        APIField("departement", serializer=api.ChoiceField(DEPARTEMENT_CHOICES)),
        APIField("site_web"),
        APIField("description"),
        APIField("verifiee"),
    ]

    class Meta:
        db_table = "fiches_structure"
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"], condition=~Q(siret=""), name="structure_siret_unique"
            ),
            models.UniqueConstraint(
                fields=["rna"], condition=~Q(rna=""), name="structure_rna_unique"
            ),
        ]

    def __str__(self):
        return self.nom

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        self.search_key = fold(self.nom)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "nom" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("structure", kwargs={"slug": self.slug})

    def json_ld(self, request, context=True):
        """schema.org: an Organization with what its public page shows (name, type,
        département, website, presentation); never its members nor its identifiers, which the
        page does not show either."""
        data = {
            "@type": "Organization",
            "name": self.nom,
            "url": json_ld.absolute(request, self.get_absolute_url()),
            "keywords": str(self.get_type_structure_display()),
            "address": {
                "@type": "PostalAddress",
                "addressRegion": str(self.get_departement_display()),
                "addressCountry": "FR",
            },
        }
        if self.site_web:
            data["sameAs"] = self.site_web
        if self.description:
            data["description"] = self.description
        return {"@context": json_ld.CONTEXT, **data} if context else data

    def api_summary(self, request):
        """What the API shows of it inside a fiche: its name, slug, département, page."""
        return {
            "nom": self.nom,
            "slug": self.slug,
            "departement": self.departement,
            "html_url": request.build_absolute_uri(self.get_absolute_url()),
        }

    def clean(self):
        self.siret = compact(self.siret)
        self.rna = compact(self.rna)

    def _unique_slug(self):
        base = slugify(self.nom)[:150] or "structure"
        slug, n = base, 1
        while type(self).objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def has_member(self, user):
        return (
            user.is_authenticated
            and self.adhesions.filter(user=user, statut=Adhesion.Statut.ACCEPTEE).exists()
        )


class Adhesion(models.Model):
    """A person's membership of a structure: asked, then accepted by a member or by staff.
    Until accepted, the person sees nothing of the structure's drafts."""

    class Statut(models.TextChoices):
        EN_ATTENTE = "en-attente", _("En attente")
        ACCEPTEE = "acceptee", _("Acceptée")
        REFUSEE = "refusee", _("Refusée")

    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="adhesions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="adhesions",
    )
    statut = models.CharField(
        _("statut"), max_length=20, choices=Statut.choices, default=Statut.EN_ATTENTE
    )
    message = models.TextField(_("message"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("demandée le"), default=timezone.now)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "fiches_adhesion"
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["structure", "user"], name="adhesion_unique")
        ]

    def __str__(self):
        return f"{self.user} → {self.structure}"

    def decide(self, statut, by):
        """Record the decision if the request is still pending (one atomic UPDATE, so two
        simultaneous decisions cannot both pass); True if this call decided it."""
        now = timezone.now()
        decided = (
            type(self)
            .objects.filter(pk=self.pk, statut=self.Statut.EN_ATTENTE)
            .update(statut=statut, decided_by=by, decided_at=now)
        )
        if decided:
            self.statut, self.decided_by, self.decided_at = statut, by, now
        return bool(decided)


def nouveau_jeton():
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A member asking a colleague, by e-mail address, to join their structure. The e-mail
    carries a signed link to ``token`` (``structures.invitations``); following it, signed up
    or signed in, the person becomes a member. One row per structure and address: inviting
    again sends the same link anew and gives it ``VALIDITE`` more."""

    VALIDITE = timedelta(days=14)

    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("adresse e-mail"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitée par"),
        on_delete=models.CASCADE,
        related_name="invitations_envoyees",
    )
    token = models.CharField(max_length=64, unique=True, default=nouveau_jeton, editable=False)
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["structure", "email"], name="invitation_unique")
        ]

    def __str__(self):
        return f"{self.email} → {self.structure}"

    @property
    def expire_at(self):
        return self.created_at + self.VALIDITE

    def expiree(self, now=None):
        return (now or timezone.now()) >= self.expire_at
