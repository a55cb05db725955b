"""E-mail addresses and phone numbers in what an author types. Contact goes through the
platform (issue 19): an annonce never shows anyone's address or number. The form refuses
them with a message; an annonce saved some other way (the admin, a script) has them masked
in its rendered description."""

import re

from django.utils.translation import gettext_lazy as _

EMAIL = re.compile(r"[\w.+-]+(?:@|\s?\(at\)\s?|\s?\[at\]\s?)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# French numbers (0X XX XX XX XX, +33 X XX XX XX XX, with spaces, dots or dashes) and any
# other run of 9 digits or more with such separators; never dates nor amounts with a unit.
TELEPHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{2,3}[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)"
)
MASQUE = "[…]"
MESSAGE = _(
    "N'écrivez ni adresse e-mail ni numéro de téléphone : le contact passe par le site, "
    "et vos coordonnées ne sont échangées que si les deux structures l'acceptent."
)


def contient(texte):
    return bool(texte) and bool(EMAIL.search(texte) or TELEPHONE.search(texte))


def masquer(texte):
    return TELEPHONE.sub(MASQUE, EMAIL.sub(MASQUE, texte or ""))
