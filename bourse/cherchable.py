"""The annonces in the site search (issue 19, point 2), declared as the page types are: a
source of ``ressources.registry`` (``search`` reads the registry, never this app), with a
« Bourse d'entraide » type facet.

Only ``Annonce.objects.publiques()`` get an entry, written again when an annonce is saved
(published, changed, closed: ``signals``) and by ``update_index``. An entry also carries the
end of the annonce's last day (Paris time) as its ``fin``, and the search reads only entries
not ended (``search.moteur.candidates``): an annonce leaves the results the day after its end,
at once, with no job run and before any reindex. What an entry holds is what the annonce's
page shows anyone: its title, sens and nature, the description as published (contact details
masked, ``Annonce.save``), its dates, places and domaines, its structure's name; never an
author, an address or a number."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from ressources.registry import ObjetTrouve, SourceDeRecherche
from search import indexation

from .models import Annonce


def fin_de_journee(jour):
    """The moment an annonce ending on ``jour`` leaves: the next midnight, Paris time."""
    lendemain = jour + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(lendemain, datetime.time.min))


class AnnoncesCherchables(SourceDeRecherche):
    type_key = "annonce"
    search_label = _("Bourse d'entraide")
    language_code = settings.LANGUAGE_CODE  # annonces are written in French

    def objets(self, pks=None):
        annonces = Annonce.objects.publiques()
        if pks is not None:
            annonces = annonces.filter(pk__in=list(pks))
        annonces = annonces.select_related("structure").prefetch_related("domaines", "departements")
        with translation.override(self.language_code):
            return [self.objet(annonce) for annonce in annonces.order_by("pk")]

    def objet(self, annonce):
        lieux = annonce.noms_departements() + ([_("à distance")] if annonce.a_distance else [])
        codes = annonce.codes_departements()
        return ObjetTrouve(
            cle=self.cle(annonce.pk),
            url=annonce.get_absolute_url(),
            titre=annonce.titre,
            chapo=" – ".join(
                str(part)
                for part in (annonce.get_sens_display(), annonce.get_nature_display(), *lieux)
            ),
            texte=" ".join(
                strip_tags(f"{annonce.description_html} {annonce.disponibilites}").split()
            ),
            date=annonce.published_at,
            fin=fin_de_journee(annonce.fin),
            # One département per entry: an annonce of several is found under its first.
            departement=codes[0] if codes else "",
            structure=annonce.structure.nom,
            domaines=tuple(annonce.domaines.all()),
        )


SOURCE = AnnoncesCherchables()


def synchroniser_plus_tard(pks):
    """Bring the entries of annonces ``pks`` in step once the transaction commits (their
    domaines and départements are written after them)."""
    transaction.on_commit(lambda: indexation.synchroniser_objets(SOURCE, pks))
