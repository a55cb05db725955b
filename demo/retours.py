"""A few readers' answers on the demo's guides and modèles, so that the Inventaire's
« Retours des lecteurs » shows something to sort. Added once: loading again adds nothing."""

from inventaire import retours
from inventaire.models import RetourLecteur, SignalementErreur

ANSWERS_PER_PAGE = 10
#: For the first pages: how many of ten readers said « oui », and the one comment left.
REPONSES = [
    (9, "Très clair : les étapes m'ont servi telles quelles."),
    (7, ""),
    (5, "Il manque un exemple pour une association qui emploie un salarié."),
    (3, "Les montants ne semblent pas à jour."),
]
SIGNALEMENT = "Le lien vers le formulaire Cerfa ne fonctionne plus."


def load_retours(pages):
    """Answers on the first ``pages``, and an error report on the least useful of them."""
    pages = pages[: len(REPONSES)]
    if RetourLecteur.objects.filter(page__in=pages).exists():
        return
    for page, (oui, commentaire) in zip(pages, REPONSES, strict=False):
        for number in range(ANSWERS_PER_PAGE):
            retours.repondre(page, number < oui, commentaire if number == 0 else "")
    if pages and not SignalementErreur.objects.filter(page=pages[-1]).exists():
        retours.signaler(pages[-1], SIGNALEMENT)
