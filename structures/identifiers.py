"""The identifiers a structure gives: SIREN or SIRET (INSEE), RNA (associations register).

Checksums come from python-stdnum (Luhn, with La Poste's rule for SIREN 356000000);
the messages say what is wrong in plain French (and English through gettext)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum
from stdnum.fr import siren, siret

RNA_PATTERN = re.compile(r"^W[0-9][0-9AB][0-9]{7}$")


def compact(value):
    """Without spaces, dots or dashes, upper case: « 732 829 320 00074 » → 73282932000074."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def clean_siren_or_siret(value):
    """The compact SIREN (9 digits) or SIRET (14 digits), or a ValidationError."""
    number = compact(value)
    if not number.isdigit():
        raise ValidationError(
            _("Un SIREN ou un SIRET ne contient que des chiffres."), code="not_digits"
        )
    if len(number) not in (9, 14):
        raise ValidationError(
            _("Un SIREN compte 9 chiffres et un SIRET 14 ; vous en avez saisi %(count)d."),
            code="length",
            params={"count": len(number)},
        )
    module, label = (siren, _("SIREN")) if len(number) == 9 else (siret, _("SIRET"))
    try:
        module.validate(number)
    except InvalidChecksum:
        raise ValidationError(
            _("Ce numéro %(label)s n'existe pas : vérifiez qu'aucun chiffre n'a été inversé."),
            code="checksum",
            params={"label": label},
        ) from None
    return number


def clean_rna(value):
    """The RNA number, « W » then 9 characters (département and a number), e.g. W751234567."""
    number = compact(value)
    if not RNA_PATTERN.match(number):
        raise ValidationError(
            _(
                "Un numéro RNA commence par « W » suivi de 9 caractères "
                "(le département puis un numéro), par exemple W751234567."
            ),
            code="rna",
        )
    return number


def validate_siren_or_siret(value):
    clean_siren_or_siret(value)


def validate_rna(value):
    clean_rna(value)
