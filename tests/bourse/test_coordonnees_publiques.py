"""No poster's e-mail address or phone number on any public page or feed of the bourse
(issue 19): an annonce written through the admin or a script with contact details in its
title, hours and text, by a member whose address is known, then every public place an
annonce reaches read as a visitor — the listing and the pages it links to, the structure's
page, the feeds, the alert feed, the sitemap, the search, the resources fragment."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bourse import coordonnees
from tests import markup
from tests.factories import AnnonceFactory, StructureFactory, UserFactory, build_site_tree

pytestmark = pytest.mark.django_db

ADRESSE = "jeanne.poste@asso-du-plateau.example"
NUMERO = "0612345678"
SAISIES = [
    f"Écrivez à {ADRESSE}",
    "ou jeanne.poste [at] asso-du-plateau.example",
    "appelez le 06 12 34 56 78, le 06.12.34.56.78",
    "ou le +33 6 12 34 56 78 / 0033 (0)6 12 34 56 78",
]
BOURSE = ("/fr/bourse/", "/fr/structures/")


def sans_separateurs(texte):
    return re.sub(r"[\s.()+/-]", "", texte)


def fuites(contenu):
    """The poster's address (in any spelling) or number (with any separators) in ``contenu``."""
    texte = contenu.lower()
    compact = sans_separateurs(texte)
    trouve = []
    if "jeanne.poste" in texte or "jeannepostel" in compact or "asso-du-plateau.example" in texte:
        trouve.append("adresse")
    if NUMERO[1:] in compact:
        trouve.append("numéro")
    return trouve


def test_no_public_page_or_feed_shows_a_posters_address_or_number(client):
    build_site_tree()
    jeanne = UserFactory(email=ADRESSE, first_name="Jeanne")
    plateau = StructureFactory(nom="Ressourcerie du Plateau", membres=[jeanne])
    annonce = AnnonceFactory(
        structure=plateau,
        auteur=jeanne,
        titre="Prêt de camion, appelez 06 12 34 56 78",
        disponibilites=f"le samedi, {ADRESSE}",
        description="\n\n".join(SAISIES) + "\n\nNous prêtons un camion frigorifique.",
    )
    AnnonceFactory(structure=plateau, sens="offre", titre="Frigorifique à prêter")

    adresses = [
        "/fr/bourse/",
        "/fr/bourse/flux/",
        "/fr/alertes/flux/?quoi=bourse",
        "/sitemap.xml",
        "/fr/recherche/?q=frigorifique",
        "/fr/recherche/?q=camion&type=annonce",
        "/fr/bourse/ressources-utiles/?titre=camion&description=frigorifique",
        plateau.get_absolute_url(),
        f"{annonce.get_absolute_url()}signaler/",
    ]
    lues, a_lire = set(), list(adresses)
    while a_lire and len(lues) < 60:
        adresse = a_lire.pop(0)
        if adresse in lues:
            continue
        lues.add(adresse)
        response = client.get(adresse)
        if response.status_code == 302:  # a members' page: the log-in, nothing of theirs
            continue
        assert response.status_code == 200, adresse
        contenu = response.content.decode()
        assert not fuites(contenu), (adresse, fuites(contenu))
        if "html" in response["Content-Type"]:
            a_lire += [
                lien
                for lien in markup.links(response.content)
                if lien.startswith(BOURSE) and "?" not in lien and lien not in lues
            ]
    # The crawl reached the annonce's own page, with its JSON-LD.
    assert annonce.get_absolute_url() in lues


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    separateur=st.sampled_from([" ", ".", "-", ""]),
    indicatif=st.sampled_from(["0", "+33 ", "+33", "0033 ", "+33 (0)"]),
    chiffres=st.lists(st.integers(0, 99), min_size=4, max_size=4),
    premier=st.integers(1, 9),
    autour=st.sampled_from(["Tél. {}", "{}", "au {} le soir", "({})"]),
)
def test_any_french_number_typed_is_masked(separateur, indicatif, chiffres, premier, autour):
    paires = separateur.join(f"{n:02d}" for n in chiffres)
    numero = f"{indicatif}{premier}{separateur}{paires}"
    masque = coordonnees.masquer(autour.format(numero))
    assert coordonnees.contient(autour.format(numero))
    assert "".join(f"{n:02d}" for n in chiffres) not in sans_separateurs(masque)
