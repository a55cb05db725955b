"""What the fiches tests share: the data a contributor types, small real files, the moderators'
decisions, and a reader for « Mon espace »."""

import io
from dataclasses import dataclass, field

import docx
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from PIL import Image

from fiches import moderation
from fiches.models import FicheIndexPage, FichePage, PieceJointe
from fiches.signals import add_to_contributeurs
from tests import markup
from tests.factories import UserFactory, domaine, public

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes(text="Ordre du jour de l'assemblée générale"):
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(name, content=PDF):
    return SimpleUploadedFile(name, content)


def fiche_data(structure, **changes):
    """What a contributor types in the fiche form."""
    data = {
        "structure": structure.pk,
        "title": "Notre première paie sans y passer la nuit",
        "chapo": "Comment une association de quartier a fait sa première paie.",
        "domaines": [domaine("ressources-humaines").pk],
        "publics": [public("dirigeants-benevoles").pk],
        "niveau": "debutant",
        "situation": "Une association de 40 bénévoles, un premier salarié en septembre.",
        "etapes": "- Adhérer au service d'aide\n- Déclarer l'embauche (DPAE)",
        "reussites": "Le **chèque emploi associatif** nous a simplifié la vie.",
        "pieges": "",
        "liens": "https://www.cea.urssaf.fr",
    }
    data.update(changes)
    return data


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return markup.text(response.content)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def contributor(**kwargs):
    """Someone who signed up on the public site (group Contributeurs, no admin access)."""
    user = UserFactory(**kwargs)
    add_to_contributeurs(request=None, user=user)
    return user


def moderator(**kwargs):
    return UserFactory(groups=["Modérateurs"], **kwargs)


def pending_file(user, name="bulletin.pdf", content=PDF):
    """A file ``user`` uploaded with a form that had errors: kept, attached to no fiche."""
    return PieceJointe.objects.create(
        deposee_par=user,
        fichier=ContentFile(content, name=name),
        nom=name,
        type_mime="application/pdf",
        taille=len(content),
    )


def draft(structure, author, pieces=(), **fields):
    """A fiche saved as a draft by ``author``, the way the « Proposer » form saves it."""
    values = {
        "title": "Notre première paie sans y passer la nuit",
        "chapo": "Comment une association de quartier a fait sa première paie.",
        "niveau": "debutant",
        "situation": "Une association de 40 bénévoles, un premier salarié en septembre.",
        "etapes": "- Adhérer au service d'aide\n- Déclarer l'embauche (DPAE)",
    }
    values.update(fields)
    fiche = FichePage(structure=structure, **values)
    fiche.domaines = [domaine("ressources-humaines")]
    fiche.publics = [public("dirigeants-benevoles")]
    index = FicheIndexPage.objects.get(locale__language_code="fr")
    return moderation.creer(index, fiche, author, pieces)


def proposer_url(language="fr"):
    """« Proposer une fiche »: the route of the fiches index (``FicheIndexPage.proposer``)."""
    index = FicheIndexPage.objects.get(locale__language_code=language)
    return index.url + index.reverse_subpage("proposer")


def submit(fiche, author):
    return moderation.soumettre(FichePage.objects.get(pk=fiche.pk), author)


def moderate(fiche, user, action, comment=""):
    """A moderator's decision through Wagtail's workflow API (what the admin view calls)."""
    fiche = FichePage.objects.get(pk=fiche.pk)
    task_state = fiche.current_workflow_task_state.specific
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    return FichePage.objects.get(pk=fiche.pk)


def moderator_acts(client, fiche, action, comment=""):
    """A moderator's decision through the Wagtail admin, as a moderator does it."""
    fiche = FichePage.objects.get(pk=fiche.pk)
    task_state = fiche.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[fiche.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302), response.content[:500]


def published(structure, author, pieces=(), **fields):
    """A fiche written by ``author``, submitted and approved by a moderator."""
    fiche = draft(structure, author, pieces, **fields)
    submit(fiche, author)
    return moderate(fiche, moderator(), "approve")


class FailingMailServer(BaseEmailBackend):
    """An e-mail backend whose server never answers."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("le serveur de courrier ne répond pas")


def event_handlers(html):
    """Every ``on…`` attribute of the page (onclick, onerror…), as (tag, attribute) pairs."""
    return [
        (element.name, name)
        for element in markup.soup(html).find_all(True)
        for name in element.attrs
        if name.startswith("on")
    ]


@dataclass
class Item:
    """One fiche in « Mon espace »: what the person reads and what they can do."""

    title: str = ""
    text: str = ""
    badges: list = field(default_factory=list)
    links: list = field(default_factory=list)
    forms: list = field(default_factory=list)


def my_fiches(html):
    """{title: Item} of the fiches listed in « Mon espace »."""
    section = markup.soup(html).find("section", attrs={"aria-labelledby": "titre-fiches"})
    items = {}
    for li in section.find_all("li") if section else []:
        title = li.find("strong")
        item = Item(
            title=title.get_text(strip=True) if title else "",
            text=" ".join(li.get_text(" ").split()),
            badges=[span.get_text(strip=True) for span in li.select("span.badge")],
            links=[a["href"] for a in li.find_all("a") if a.get("href")],
            forms=[form.get("action") for form in li.find_all("form")],
        )
        items[item.title] = item
    return items
