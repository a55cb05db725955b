"""Get-or-create helper for structures, used by the demo content and the tests."""

from .models import Structure


def get_or_create_structure(*, nom, type_structure, departement, **fields):
    """A structure found by name, else created with ``fields``."""
    structure = Structure.objects.filter(nom=nom).first()
    if structure is None:
        structure = Structure.objects.create(
            nom=nom, type_structure=type_structure, departement=departement, **fields
        )
    return structure
