"""How often one address or one account may do a thing (send a message, invite, subscribe…),
counted by django-ratelimit in the cache: nothing about the visitor is stored in the database.

Over the limit a form comes back as it was typed, its error summary saying when to try again,
with the status 429 (Too Many Requests)."""

from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

#: The message of most forms over their limit (some say more precisely what was limited).
TROP_DE_DEMANDES = _("Trop de demandes en peu de temps : réessayez dans une heure.")
STATUS = 429


def depasse(request, groupe, taux, par="ip"):
    """Counts this request in ``groupe`` and says whether it goes over ``taux`` (« 5/h »),
    per IP address (``par="ip"``) or per account (``par="user"``)."""
    return is_ratelimited(request, group=groupe, key=par, rate=taux, increment=True)


def depasse_pour(request, groupe, taux, valeur):
    """The same, counted per ``valeur`` (an e-mail address…) whoever sends it."""
    return is_ratelimited(
        request, group=groupe, key=lambda _group, _request: valeur, rate=taux, increment=True
    )


def sous_la_limite(request, form, groupe, taux, message=TROP_DE_DEMANDES, par="ip"):
    """Counts this sending of ``form``: True while under ``taux``, else False with
    ``message`` at the top of the form (kept as typed)."""
    if depasse(request, groupe, taux, par=par):
        form.add_error(None, message)
        return False
    return True


def formulaire_refuse(form, message=TROP_DE_DEMANDES):
    """Puts ``message`` at the top of ``form`` (kept as typed) and returns the status of the
    page that shows it again."""
    form.add_error(None, message)
    return STATUS
