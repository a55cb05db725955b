"""What the inventory keeps of its own: the anonymous daily tallies of searches and downloads."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class RechercheDuJour(models.Model):
    """How many times a query was typed on a day, in a language, and how many of those found
    nothing. No user, no address, no session: the inventory needs the words, not the people."""

    jour = models.DateField(_("jour"))
    locale = models.ForeignKey(
        Locale, verbose_name=_("langue"), on_delete=models.CASCADE, related_name="+"
    )
    requete = models.CharField(_("recherche"), max_length=200)
    nombre = models.PositiveIntegerField(_("nombre"), default=0)
    sans_resultat = models.PositiveIntegerField(_("sans résultat"), default=0)
    resultats = models.PositiveIntegerField(_("résultats (dernière fois)"), default=0)

    class Meta:
        # Born in ``search``, moved here with its rows: the table keeps its name.
        db_table = "search_recherchedujour"
        verbose_name = _("recherche du jour")
        verbose_name_plural = _("recherches du jour")
        constraints = [
            models.UniqueConstraint(
                fields=["jour", "locale", "requete"], name="recherche_unique_par_jour"
            )
        ]
        indexes = [models.Index(fields=["locale", "jour"])]

    def __str__(self):
        return f"{self.jour} {self.locale.language_code} {self.requete}"


class TelechargementDuJour(models.Model):
    """How many files the public downloaded on a day (``ressources.serving.file_downloaded``).
    The files keep their own running totals; this tally says *when*, for the figures by
    month (``donnees.chiffres``). No file, no user, no address: a number per day."""

    jour = models.DateField(_("jour"), unique=True)
    nombre = models.PositiveIntegerField(_("nombre"), default=0)

    class Meta:
        verbose_name = _("téléchargements du jour")
        verbose_name_plural = _("téléchargements par jour")

    def __str__(self):
        return f"{self.jour} {self.nombre}"


class RetourLecteur(models.Model):
    """« Cette page vous a-t-elle été utile ? »: one answer, its optional comment, the day
    and the page's language. Nothing about who answered: no address, no account, no cookie;
    the rate limit counts addresses in the cache only (``inventaire.retours``)."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    utile = models.BooleanField(_("utile"))
    commentaire = models.TextField(_("commentaire"), max_length=1000, blank=True)
    jour = models.DateField(_("jour"))
    locale = models.ForeignKey(
        Locale, verbose_name=_("langue"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("retour d'un lecteur")
        verbose_name_plural = _("retours des lecteurs")
        indexes = [models.Index(fields=["page", "utile"])]

    def __str__(self):
        return f"{self.jour} {self.page_id} {'+' if self.utile else '-'}"


class SignalementErreur(models.Model):
    """« Signaler une erreur »: what is wrong on a page, told to its editors. The address
    to answer is optional, kept only to answer: erased when the report is treated, or
    ``inventaire.retours.ADRESSE_GARDEE`` after it, whichever comes first."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.TextField(_("ce qui ne va pas"), max_length=2000)
    email = models.EmailField(_("adresse pour vous répondre"), blank=True)
    jour = models.DateField(_("jour"))
    locale = models.ForeignKey(
        Locale, verbose_name=_("langue"), on_delete=models.CASCADE, related_name="+"
    )
    traite_le = models.DateField(_("traité le"), null=True, blank=True)

    class Meta:
        verbose_name = _("erreur signalée")
        verbose_name_plural = _("erreurs signalées")
        indexes = [models.Index(fields=["page", "traite_le"])]

    def __str__(self):
        return f"{self.jour} {self.page_id}"
