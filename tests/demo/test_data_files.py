"""manage.py load_demo with a wrong data file: it stops before writing anything and names the
file and what is wrong in it, instead of a traceback from deep in the loader."""

import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from demo.data_files import DATA
from ressources.models import RessourceDocument
from structures.models import Structure

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]


def inventory():
    return {
        "pages": Page.objects.count(),
        "documents": RessourceDocument.objects.count(),
        "revisions": Revision.objects.count(),
        "structures": Structure.objects.count(),
    }


def load_demo(data):
    call_command("load_demo", stdout=StringIO(), data=data)


@pytest.fixture
def data(tmp_path):
    """A copy of the demo's data, to break."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [pas fermé\n---\nTexte.\n", "while parsing"),
        ("---\ntitle: Un guide\n---\n:::conseil Titre\nJamais fermé.\n", "n'est pas fermé"),
        ("---\ntitle: Un guide\n---\n:::encadre\nTexte\n:::\n", "bloc inconnu « :::encadre »"),
    ],
)
def test_a_malformed_file_stops_the_loading_and_is_named(data, text, message):
    broken = data / "guides" / "02-embaucher-son-premier-salarie.md"
    broken.write_text(text)
    before = inventory()

    with pytest.raises(CommandError) as error:
        load_demo(data)

    assert str(error.value).startswith(f"{broken} : ")
    assert message in str(error.value)
    assert inventory() == before


@pytest.mark.parametrize(
    ("path", "old", "new", "messages"),
    [
        (
            "fiches/01-premiere-paie-cheque-emploi-associatif.md",
            "structure: Les Jardins",
            "structure: Jardins",
            ["« Jardins de la Croix-Rousse » introuvable"],
        ),
        (
            "guides/11-se-conformer-au-rgpd.md",
            "domaines: [",
            "domaines: [vie-de-quartier, ",
            ["Domaine inconnu(s)", "vie-de-quartier"],
        ),
    ],
)
def test_a_file_that_names_what_does_not_exist_is_named(data, path, old, new, messages):
    broken = data / path
    broken.write_text(broken.read_text().replace(old, new, 1))
    before = inventory()

    with pytest.raises(CommandError) as error:
        load_demo(data)

    assert str(error.value).startswith(f"{broken} : {messages[0]}")
    assert all(message in str(error.value) for message in messages)
    assert inventory() == before
