"""SIREN, SIRET and RNA numbers: accepted in the forms people type them, refused with a message
that says what is wrong."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from structures.identifiers import clean_rna, clean_siren_or_siret, validate_siren_or_siret

NOT_DIGITS = "Un SIREN ou un SIRET ne contient que des chiffres."
RNA_MESSAGE = (
    "Un numéro RNA commence par « W » suivi de 9 caractères "
    "(le département puis un numéro), par exemple W751234567."
)


def message(error):
    return " ".join(error.value.messages)


# SIREN ---------------------------------------------------------------------------------------


def test_valid_siren_is_accepted():
    assert clean_siren_or_siret("732829320") == "732829320"


def test_siren_with_a_wrong_checksum_says_a_digit_may_be_swapped():
    with pytest.raises(ValidationError) as error:
        clean_siren_or_siret("732829321")

    assert error.value.code == "checksum"
    assert message(error) == (
        "Ce numéro SIREN n'existe pas : vérifiez qu'aucun chiffre n'a été inversé."
    )


# SIRET ---------------------------------------------------------------------------------------


def test_valid_siret_is_accepted():
    assert clean_siren_or_siret("73282932000074") == "73282932000074"


def test_siret_with_a_wrong_checksum_says_a_digit_may_be_swapped():
    with pytest.raises(ValidationError) as error:
        clean_siren_or_siret("73282932000075")

    assert error.value.code == "checksum"
    assert message(error) == (
        "Ce numéro SIRET n'existe pas : vérifiez qu'aucun chiffre n'a été inversé."
    )


@pytest.mark.parametrize(
    "typed",
    [
        "732 829 320 00074",
        "732.829.320.00074",
        "732-829-320-00074",
        " 73282932000074 ",
        "732\t829 320\u00a000074",
    ],
)
def test_siret_typed_with_spaces_dots_or_dashes_is_compacted(typed):
    assert clean_siren_or_siret(typed) == "73282932000074"


def test_siren_typed_with_spaces_is_compacted():
    assert clean_siren_or_siret("732 829 320") == "732829320"


# La Poste: SIREN 356000000, its establishments' SIRETs use « digit sum divisible by 5 » --------


def test_la_poste_head_office_siret_is_accepted():
    # The head office is the exception to La Poste's rule: it follows Luhn (digit sum 26).
    assert clean_siren_or_siret("35600000000048") == "35600000000048"


def test_la_poste_establishment_siret_is_accepted_although_it_fails_luhn():
    # Luhn says no; the digit sum, 45, is divisible by 5.
    assert clean_siren_or_siret("356 000 000 49837") == "35600000049837"


@pytest.mark.parametrize(
    "number",
    [
        "35600000000049",  # digit sum 27, fails Luhn too
        "35600000000014",  # passes Luhn, but La Poste's rule applies: digit sum 14
    ],
)
def test_la_poste_siret_whose_digit_sum_is_not_divisible_by_5_is_refused(number):
    with pytest.raises(ValidationError) as error:
        clean_siren_or_siret(number)

    assert error.value.code == "checksum"
    assert "SIRET" in message(error)


# Wrong lengths, letters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "count"),
    [("73282932", 8), ("7328293200", 10), ("7328293200007", 13), ("732829320000740", 15)],
)
def test_wrong_length_says_how_many_digits_were_typed(typed, count):
    with pytest.raises(ValidationError) as error:
        clean_siren_or_siret(typed)

    assert error.value.code == "length"
    assert message(error) == (
        f"Un SIREN compte 9 chiffres et un SIRET 14 ; vous en avez saisi {count}."
    )


def test_length_is_counted_after_spaces_are_removed():
    with pytest.raises(ValidationError) as error:
        clean_siren_or_siret("732 829 32")

    assert message(error).endswith("vous en avez saisi 8.")


@pytest.mark.parametrize("typed", ["73282932O", "FR732829320", "7328293200007A", "732829320/00074"])
def test_letters_or_other_signs_say_only_digits_are_allowed(typed):
    with pytest.raises(ValidationError) as error:
        clean_siren_or_siret(typed)

    assert error.value.code == "not_digits"
    assert message(error) == NOT_DIGITS


@pytest.mark.parametrize("typed", ["", "   ", " . - "])
def test_empty_siret_is_refused_by_the_validator(typed):
    """The form skips an empty field; the validator itself never says an empty number is fine."""
    with pytest.raises(ValidationError):
        clean_siren_or_siret(typed)


def test_model_validator_refuses_what_the_cleaner_refuses():
    assert validate_siren_or_siret("73282932000074") is None
    with pytest.raises(ValidationError):
        validate_siren_or_siret("73282932000075")


# RNA -----------------------------------------------------------------------------------------


def test_valid_rna_is_accepted():
    assert clean_rna("W751234567") == "W751234567"


@pytest.mark.parametrize("number", ["W2A1234567", "W2B1234567"])
def test_corsican_rna_is_accepted(number):
    assert clean_rna(number) == number


def test_lowercase_rna_is_accepted_and_upper_cased():
    assert clean_rna("w751234567") == "W751234567"
    assert clean_rna("w2a1234567") == "W2A1234567"


def test_rna_typed_with_spaces_is_compacted():
    assert clean_rna(" W75 123 456 7 ") == "W751234567"


@pytest.mark.parametrize(
    "typed",
    [
        "751234567",  # no W
        "7512345678",  # no W, right length
        "X751234567",  # another letter instead of W
        "W75123456",  # too short
        "W7512345678",  # too long
        "W75123456A",  # a letter at the end
        "W7C1234567",  # only A or B after the first digit (Corsica)
        "WA51234567",  # a letter where a digit is expected
        "",
    ],
)
def test_malformed_rna_is_refused_with_an_example(typed):
    with pytest.raises(ValidationError) as error:
        clean_rna(typed)

    assert error.value.code == "rna"
    assert message(error) == RNA_MESSAGE


# In English ----------------------------------------------------------------------------------


def test_messages_are_in_english_for_english_visitors():
    with translation.override("en"):
        with pytest.raises(ValidationError) as not_digits:
            clean_siren_or_siret("73282932O")
        with pytest.raises(ValidationError) as length:
            clean_siren_or_siret("73282932")
        with pytest.raises(ValidationError) as checksum:
            clean_siren_or_siret("73282932000075")
        with pytest.raises(ValidationError) as rna:
            clean_rna("751234567")

        assert message(not_digits) == "A SIREN or SIRET number contains digits only."
        assert message(length) == (
            "A SIREN number has 9 digits and a SIRET number 14; you entered 8."
        )
        assert message(checksum) == (
            "This SIRET number does not exist: check that no digits have been swapped."
        )
        assert message(rna) == (
            "An RNA number starts with “W” followed by 9 characters (the département, "
            "then a number), for example W751234567."
        )
