"""The whole journey of a fiche, through the pages people really use: sign up, confirm the
e-mail, create a structure, write a draft with a file, submit, get a request for changes in
the Wagtail admin, fix, resubmit, get approved, and be published."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fiches.models import FichePage
from tests import markup
from tests.factories import UserFactory
from tests.fiches.helpers import PDF, fiche_data, moderator_acts, page_text, proposer_url

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-2026"


def link_in(message):
    return re.search(r"https?://[^\s]+", message.body).group(0)


def sign_up_and_confirm(client, email):
    response = client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    confirmation = mail.outbox[-1]
    assert email in confirmation.to
    path = re.sub(r"^https?://[^/]+", "", link_in(confirmation))
    response = client.post(path)
    assert response.status_code == 302
    return get_user_model().objects.get(email=email)


def test_a_fiche_goes_from_sign_up_to_publication(client, fiches_index, django_user_model):
    moderator = UserFactory(groups=["Modérateurs"], email="moderation@entraide.example")
    moderator_client = client.__class__()
    moderator_client.force_login(moderator)

    author = sign_up_and_confirm(client, "claire@asso-quartier.example")
    assert author.groups.filter(name="Contributeurs").exists()

    response = client.post(
        reverse("structure_nouvelle"),
        {"nom": "Asso du Quartier", "type_structure": "association", "departement": "69"},
    )
    assert response.status_code == 302
    structure = author.adhesions.get().structure

    upload = SimpleUploadedFile("bulletin.pdf", PDF)
    data = fiche_data(structure, nouveaux_fichiers=upload, enregistrer="")
    response = client.post(proposer_url(), data)
    assert response.status_code == 302, response.context["form"].errors
    fiche = FichePage.objects.get(structure=structure)
    assert not fiche.live
    assert "Brouillon" in page_text(client, reverse("mon_espace"))

    mail.outbox.clear()
    response = client.post(reverse("fiche_soumettre", args=[fiche.pk]))
    assert response.status_code == 302
    assert "En modération" in page_text(client, reverse("mon_espace"))
    assert any(moderator.email in message.to for message in mail.outbox)

    mail.outbox.clear()
    moderator_acts(moderator_client, fiche, "reject", "Précisez le coût du service, svp.")
    space = page_text(client, reverse("mon_espace"))
    assert "À corriger" in space
    assert "Précisez le coût du service, svp." in space
    to_author = [message for message in mail.outbox if author.email in message.to]
    assert to_author and "Précisez le coût du service" in to_author[0].body
    assert reverse("fiche_modifier", args=[fiche.pk]) in to_author[0].body
    assert client.get(fiche.url).status_code == 404

    data = fiche_data(
        structure, pieges="Le service coûte 10 € par mois et par salarié.", soumettre=""
    )
    response = client.post(reverse("fiche_modifier", args=[fiche.pk]), data)
    assert response.status_code == 302
    assert "En modération" in page_text(client, reverse("mon_espace"))

    mail.outbox.clear()
    moderator_acts(moderator_client, fiche, "approve")
    fiche.refresh_from_db()
    assert fiche.live
    assert any(author.email in message.to for message in mail.outbox)

    anonymous = client.__class__()
    page = page_text(anonymous, fiche.url)
    assert "Le service coûte 10 € par mois" in page
    assert "Asso du Quartier" in page
    assert "Notre première paie" in page_text(anonymous, fiches_index.url)
    assert "Notre première paie" in page_text(anonymous, structure.get_absolute_url())
    piece = fiche.pieces_jointes.get()
    download = anonymous.get(piece.get_absolute_url())
    assert download.status_code == 200
    assert markup.content(download) == PDF
