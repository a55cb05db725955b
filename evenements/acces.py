"""Who sees and manages the personal data of a workshop's registrants: that workshop's
animators (the accounts named among them, and the page's owner) and whoever holds
``evenements.gerer_inscriptions`` (the Éditeurs; superusers hold every permission). Being able
to edit the page is not enough: Modérateurs edit every page."""

GERER_INSCRIPTIONS = "evenements.gerer_inscriptions"


def ateliers_animes(user):
    """The ids of the workshops ``user`` is named an animator of, read once per user object
    (a request's user), so that a listing of workshops asks the database once."""
    cached = getattr(user, "entraide_ateliers_animes", None)
    if cached is None:
        cached = frozenset(user.ateliers_animes.values_list("atelier_id", flat=True))
        user.entraide_ateliers_animes = cached
    return cached


def peut_gerer_inscriptions(atelier, user):
    """See the registrants of ``atelier`` (page, CSV, « écrire à tous »), cancel or promote."""
    if not user.is_active:
        return False
    if user.has_perm(GERER_INSCRIPTIONS):
        return True
    return user.pk == atelier.owner_id or atelier.pk in ateliers_animes(user)
