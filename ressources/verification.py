"""Guides and modèles due for a check (``models.verification``): what the editors' weekly
e-mail and the admin report « Pages à revoir » list."""

from datetime import timedelta

from django.db.models import Q
from django.db.models.functions import Coalesce

from .models import RessourcePage
from .models.verification import aujourd_hui

#: How far ahead the editors are warned.
PREAVIS = timedelta(days=30)
GROUPE_EDITEURS = "Éditeurs"


def pages_a_revoir(pages=None, jusqu_au=None):
    """The live guides and modèles (of ``pages``, a RessourcePage queryset) due by
    ``jusqu_au`` (in 30 days by default), past ones first; each annotated with ``echeance``
    (its « à revoir avant le ») and ``verifie`` (its « vérifié le »)."""
    limite = jusqu_au or aujourd_hui() + PREAVIS
    pages = RessourcePage.objects.all() if pages is None else pages
    return (
        pages.live()
        .filter(
            Q(guidepage__a_revoir_avant__lte=limite) | Q(modelepage__a_revoir_avant__lte=limite)
        )
        .annotate(
            echeance=Coalesce("guidepage__a_revoir_avant", "modelepage__a_revoir_avant"),
            verifie=Coalesce("guidepage__verifie_le", "modelepage__verifie_le"),
        )
        .select_related("locale")
        .order_by("echeance", "title", "pk")
    )
