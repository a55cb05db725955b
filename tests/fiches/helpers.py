"""What the fiches tests share: the data a contributor types, small real files, the moderators'
decisions, and a reader for « Mon espace »."""

import io
from dataclasses import dataclass, field
from html.parser import HTMLParser

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


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def event_handlers(html):
    """Every ``on…`` attribute of the page (onclick, onerror…), as (tag, attribute) pairs."""
    parser = _Attributes()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return [(tag, name) for tag, attrs in parser.found for name in attrs if name.startswith("on")]


@dataclass
class Item:
    """One fiche in « Mon espace »: what the person reads and what they can do."""

    title: str = ""
    text: str = ""
    badges: list = field(default_factory=list)
    links: list = field(default_factory=list)
    forms: list = field(default_factory=list)


class _MyFiches(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = []
        self.in_section = False
        self.item = None
        self.capture = None  # "title" or "badge" while inside that element

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.in_section = attrs.get("aria-labelledby") == "titre-fiches"
        if not self.in_section:
            return
        if tag == "li":
            self.item = Item()
            self.items.append(self.item)
        elif self.item is None:
            return
        elif tag == "strong" and not self.item.title:
            self.capture = "title"
        elif tag == "span" and "badge" in (attrs.get("class") or "").split():
            self.item.badges.append("")
            self.capture = "badge"
        elif tag == "a" and attrs.get("href"):
            self.item.links.append(attrs["href"])
        elif tag == "form":
            self.item.forms.append(attrs.get("action"))

    def handle_endtag(self, tag):
        if tag == "section":
            self.in_section = False
        elif tag == "li":
            self.item = None
        elif tag in ("strong", "span"):
            self.capture = None

    def handle_data(self, data):
        if self.item is None:
            return
        self.item.text += " " + data
        if self.capture == "title":
            self.item.title += data.strip()
        elif self.capture == "badge":
            self.item.badges[-1] += data.strip()


def my_fiches(html):
    """{title: Item} of the fiches listed in « Mon espace »."""
    parser = _MyFiches()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    items = {}
    for item in parser.items:
        item.text = " ".join(item.text.split())
        items[item.title] = item
    return items
