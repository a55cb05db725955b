"""Les annonces de la bourse d'entraide: a structure offers (offre) or asks for (demande)
help, for a while. Every public place reads ``Annonce.objects.publiques()``: published AND not
past its end date in Paris time, so an annonce disappears everywhere on the day after its end
even before ``expirer_annonces`` marks it expirée.

Shaped for what comes later (issue 19): conversations point at an annonce, the lifecycle
e-mails read ``fin`` and ``etat``, the outcome closes it (``closed_at``), matching reads
``nature``, ``domaines``, ``departements`` and ``a_distance``."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fiches import rendering
from ressources.models import Domaine
from ressources.territoires import DEPARTEMENT_CHOICES
from structures.models import Structure

from .. import coordonnees, dates


class Sens(models.TextChoices):
    OFFRE = "offre", _("Offre")
    DEMANDE = "demande", _("Demande")


class Nature(models.TextChoices):
    COMPETENCE = "competence", _("Compétence")
    MATERIEL = "materiel", _("Matériel ou locaux")
    ACCOMPAGNEMENT = "accompagnement", _("Accompagnement, mentorat")
    ACHAT_GROUPE = "achat-groupe", _("Achat groupé")
    EMPLOI_PARTAGE = "emploi-partage", _("Emploi partagé")


class Format(models.TextChoices):
    SUR_PLACE = "sur-place", _("Sur place")
    A_DISTANCE = "a-distance", _("À distance")
    LES_DEUX = "les-deux", _("Sur place ou à distance")


class Contrepartie(models.TextChoices):
    AUCUNE = "aucune", _("Aucune")
    ECHANGE = "echange", _("Échange de services")
    PRIX_COUTANT = "prix-coutant", _("Prix coûtant")


class Etat(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    MODERATION = "moderation", _("En modération")
    PUBLIEE = "publiee", _("Publiée")
    POURVUE = "pourvue", _("Pourvue")
    EXPIREE = "expiree", _("Expirée")
    RETIREE = "retiree", _("Retirée")


#: States an author may still change; the others close the annonce.
class Resultat(models.TextChoices):
    """How an annonce ended, for its author and the indicators (issue 19, point 5)."""

    AIDEE = "aidee", _("Aide trouvée")
    PLUS_BESOIN = "plus-besoin", _("Plus besoin")
    SANS_REPONSE = "sans-reponse", _("Sans réponse")


MODIFIABLES = (Etat.BROUILLON, Etat.MODERATION, Etat.PUBLIEE)
FERMEES = (Etat.POURVUE, Etat.EXPIREE, Etat.RETIREE)


class AnnonceQuerySet(models.QuerySet):
    def publiques(self):
        """What anyone may see: published and not past its end date (Paris time)."""
        return self.filter(etat=Etat.PUBLIEE, fin__gte=dates.aujourdhui())

    def de_membre(self, user):
        """The annonces of the structures ``user`` belongs to, in any state."""
        return self.filter(structure__in=Structure.objects.of_member(user))

    def a_moderer(self):
        """For the Modérateurs: waiting for them, published without their reading yet, or
        reported and not treated."""
        signalee = Signalement.objects.filter(annonce=models.OuterRef("pk"), traite_le=None)
        return self.filter(
            models.Q(etat=Etat.MODERATION)
            | models.Q(etat=Etat.PUBLIEE, relue_le__isnull=True)
            | models.Q(models.Exists(signalee))
        )


class Annonce(models.Model):
    sens = models.CharField(_("offre ou demande"), max_length=10, choices=Sens.choices)
    nature = models.CharField(_("nature"), max_length=20, choices=Nature.choices)
    titre = models.CharField(_("titre"), max_length=150)
    description = models.TextField(_("description"), max_length=4000)
    description_html = models.TextField(editable=False, default="")
    domaines = models.ManyToManyField(
        Domaine, verbose_name=_("domaines"), related_name="annonces", blank=True
    )
    a_distance = models.BooleanField(_("à distance"), default=False)
    disponibilites = models.CharField(
        _("dates ou horaires"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : « le samedi matin », « deux jours par mois »."),
    )
    debut = models.DateField(_("à partir du"), null=True, blank=True)
    format = models.CharField(
        _("format"), max_length=12, choices=Format.choices, default=Format.SUR_PLACE
    )
    contrepartie = models.CharField(
        _("contrepartie"), max_length=15, choices=Contrepartie.choices, default=Contrepartie.AUCUNE
    )
    fin = models.DateField(_("date de fin"))
    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="annonces"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="annonces",
    )
    etat = models.CharField(_("état"), max_length=12, choices=Etat.choices, default=Etat.BROUILLON)
    commentaire_moderation = models.TextField(
        _("commentaire de la modération"), blank=True, max_length=2000
    )
    relue_le = models.DateTimeField(_("relue par la modération le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    resultat = models.CharField(
        _("résultat"), max_length=15, choices=Resultat.choices, blank=True, default=""
    )
    # The lifecycle (point 4): each step is stamped once, by a conditional UPDATE, so a second
    # run of the daily command never sends it again; renewing the annonce clears them.
    rappel_avant_fin_le = models.DateTimeField(
        _("rappel avant la fin envoyé le"), null=True, blank=True
    )
    rappel_fin_le = models.DateTimeField(_("rappel de fin envoyé le"), null=True, blank=True)
    relancee_le = models.DateTimeField(_("relancée dans les alertes le"), null=True, blank=True)
    animateurs_prevenus_le = models.DateTimeField(
        _("animateurs prévenus le"), null=True, blank=True
    )
    emploi_partage_signale_le = models.DateTimeField(
        _("emploi partagé signalé le"), null=True, blank=True
    )

    objects = AnnonceQuerySet.as_manager()

    class Meta:
        verbose_name = _("annonce")
        verbose_name_plural = _("annonces")
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The listing: published, not ended, newest first; then its filters.
            models.Index(fields=["etat", "fin", "-published_at"], name="annonce_publiques"),
            models.Index(fields=["sens", "nature"], name="annonce_sens_nature"),
            models.Index(fields=["structure", "etat"], name="annonce_structure_etat"),
        ]

    def __str__(self):
        return self.titre

    def save(self, *args, **kwargs):
        # The form refuses contact details; saved another way (the admin, a script) they are
        # masked in everything shown: the title and the hours as kept, the text as rendered.
        self.titre = coordonnees.masquer(self.titre)
        self.disponibilites = coordonnees.masquer(self.disponibilites)
        self.description_html = rendering.to_html(coordonnees.masquer(self.description))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "description" in update_fields:
            kwargs["update_fields"] = {*update_fields, "description_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("annonce", kwargs={"pk": self.pk})

    @property
    def est_publique(self):
        return self.etat == Etat.PUBLIEE and self.fin >= dates.aujourdhui()

    @property
    def modifiable(self):
        return self.etat in MODIFIABLES

    def codes_departements(self):
        return [lieu.departement for lieu in self.departements.all()]

    def noms_departements(self):
        noms = dict(DEPARTEMENT_CHOICES)
        return [noms.get(lieu.departement, lieu.departement) for lieu in self.departements.all()]


class AnnonceDepartement(models.Model):
    """A département where an annonce stands (one row each: filtered with an index, on
    SQLite as on PostgreSQL)."""

    annonce = models.ForeignKey(Annonce, on_delete=models.CASCADE, related_name="departements")
    departement = models.CharField(_("département"), max_length=3, choices=DEPARTEMENT_CHOICES)

    class Meta:
        verbose_name = _("département d'une annonce")
        verbose_name_plural = _("départements d'une annonce")
        ordering = ["departement"]
        constraints = [
            models.UniqueConstraint(
                fields=["annonce", "departement"], name="annonce_departement_unique"
            )
        ]
        indexes = [models.Index(fields=["departement", "annonce"], name="annonce_dep")]

    def __str__(self):
        return self.departement


class Motif(models.TextChoices):
    ARNAQUE = "arnaque", _("Arnaque ou demande d'argent")
    COMMERCIAL = "commercial", _("Publicité ou démarchage commercial")
    INAPPROPRIE = "inapproprie", _("Contenu choquant ou discriminatoire")
    ILLEGAL = "illegal", _("Offre illégale (prêt de main-d'œuvre, travail dissimulé…)")
    DONNEES = "donnees", _("Données personnelles d'un tiers")
    PERIMEE = "perimee", _("Annonce qui n'est plus d'actualité")
    AUTRE = "autre", _("Autre raison")


class Signalement(models.Model):
    """« Signaler » on a published annonce: no account, nothing about who reported it."""

    annonce = models.ForeignKey(
        Annonce, on_delete=models.CASCADE, related_name="signalements", verbose_name=_("annonce")
    )
    motif = models.CharField(_("motif"), max_length=15, choices=Motif.choices)
    commentaire = models.TextField(_("commentaire"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reçu le"), default=timezone.now, editable=False)
    traite_le = models.DateTimeField(_("traité le"), null=True, blank=True)

    class Meta:
        verbose_name = _("signalement d'annonce")
        verbose_name_plural = _("signalements d'annonces")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.annonce} — {self.get_motif_display()}"
