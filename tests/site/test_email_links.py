"""Links in e-mails (issue 13, item 7): every link of every e-mail — ours, allauth's and
Wagtail's moderation notifications — leads to the address the site really runs on.

The site runs the way `make run PORT=8080` starts it (its environment, read from `make -n`),
and a journey sends every kind of e-mail: sign-up confirmation, password reset, a join request
and its answer, a fiche submitted (Wagtail's mail to the moderators) and approved, a workshop
registration with its calendar file, the cron reminder."""

import email.message
import io
import re
import shlex
import subprocess
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from demo.management.commands.load_demo import Command as LoadDemo
from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from ressources import services
from structures.models import Adhesion, Structure
from tests.evenements.helpers import atelier, committed, form_data, inscrire_url, register
from tests.factories import StructureFactory, build_site_tree
from tests.fiches.helpers import contributor, draft, moderator, moderator_acts
from tests.site.helpers import BASE_DIR, import_settings

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

PASSWORD = "Jardin-partage-2026!"
LINK = re.compile(r"https?://[^\s\"'<>\\]+")


def make_run(*arguments):
    """(environment, host:port) of the server `make run …` starts, read from `make -n`."""
    printed = subprocess.run(
        ["make", "-n", "--no-print-directory", "run", *arguments],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    line = next(line for line in printed.splitlines() if "manage.py runserver" in line)
    words = shlex.split(line)
    environment = dict(word.split("=", 1) for word in words if re.match(r"^[A-Z_]+=", word))
    return environment, words[-1]


def texts(message):
    """Everything a mail carries as text: its body, its HTML version, its text attachments
    (a calendar file's folded lines joined again)."""
    found = [message.body]
    found += [content for content, _mimetype in getattr(message, "alternatives", [])]
    for attachment in message.attachments:
        if isinstance(attachment, email.message.Message):
            content, mimetype = attachment.get_payload(decode=True), attachment.get_content_type()
        else:
            _name, content, mimetype = attachment
        if mimetype.startswith("text/"):
            content = content.decode() if isinstance(content, bytes) else content
            found.append(re.sub(r"\r?\n[ \t]", "", content))
    return found


def links(message):
    return [link for text in texts(message) for link in LINK.findall(text)]


def path_of(link):
    return re.sub(r"^https?://[^/]+", "", link)


def web(host, user=None):
    """A browser that reaches the site at ``host``, logged in as ``user``."""
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def home():
    home, _index = build_site_tree()
    get_or_create_fiche_index(home)
    return home


@pytest.fixture
def malik():
    """A member of « Scop Vélo », address confirmed."""
    malik = contributor(email="malik@scop-velo.example", password=PASSWORD)
    EmailAddress.objects.create(user=malik, email=malik.email, verified=True, primary=True)
    StructureFactory(nom="Scop Vélo", membres=[malik])
    return malik


def workshop_tomorrow(home):
    """An in-person workshop in 20 hours (no visio link: its address is not the site's)."""
    return atelier(
        get_or_create_agenda(home),
        title="Premier salarié : mode d'emploi",
        debut=timezone.now() + timedelta(hours=20),
        format="presentiel",
        lien_visio="",
    )


def sign_up_and_confirm(client, address):
    """allauth: the confirmation e-mail, then its link."""
    client.post(
        reverse("account_signup"),
        {"email": address, "password1": PASSWORD, "password2": PASSWORD},
    )
    client.post(path_of(links(mail.outbox[-1])[0]))
    return get_user_model().objects.get(email=address)


def join(host, claire, malik):
    """Claire asks to join Malik's structure (mail to Malik), Malik accepts (mail to her)."""
    velo = Structure.objects.get(nom="Scop Vélo")
    web(host, claire).post(reverse("structure_rejoindre", args=[velo.slug]), {"message": "Bonjour"})
    demande = Adhesion.objects.get(user=claire, structure=velo)
    web(host, malik).post(reverse("adhesion_accepter", args=[demande.pk]))
    return velo


def test_every_link_of_every_email_leads_to_the_address_make_run_serves(home, malik, monkeypatch):
    environment, served = make_run("PORT=8080")
    assert served == "127.0.0.1:8080"
    dev = import_settings(
        monkeypatch, "entraide.settings.dev", **{"WAGTAILADMIN_BASE_URL": None, **environment}
    )
    base_url = f"http://{served}"
    with override_settings(WAGTAILADMIN_BASE_URL=dev.WAGTAILADMIN_BASE_URL):
        demo = LoadDemo().create_parser("manage.py", "load_demo").parse_args([])
        site = services.configure_site(home, hostname=demo.hostname, port=demo.port)
        moderation = moderator(email="moderation@entraide.example")

        claire = sign_up_and_confirm(web(served), "claire@asso-quartier.example")
        web(served).post(reverse("account_reset_password"), {"email": malik.email})
        velo = join(served, claire, malik)
        fiche = draft(velo, claire)
        with committed():
            web(served, claire).post(reverse("fiche_soumettre", args=[fiche.pk]))
        with committed():
            moderator_acts(web(served, moderation), fiche, "approve")
        with committed():
            web(served).post(
                inscrire_url(workshop_tomorrow(home)),
                form_data(email="camille@asso-quartier.example"),
            )
        call_command("envoyer_rappels", stdout=io.StringIO())

    recipients = {address for message in mail.outbox for address in message.to + message.bcc}
    assert {
        claire.email,
        malik.email,
        moderation.email,
        "camille@asso-quartier.example",
    } <= recipients
    assert len(mail.outbox) >= 8
    for message in mail.outbox:
        found = links(message)
        assert found, message.subject
        assert all(link.startswith(base_url + "/") for link in found), (message.subject, found)
    assert Site.objects.get(pk=site.pk).root_url == base_url  # Wagtail's own full URLs


@override_settings(WAGTAILADMIN_BASE_URL="http://configuree.example:8000")
def test_emails_sent_during_a_request_link_to_the_address_it_came_to(home, malik):
    """The site reached at another address than the configured one (a second port, a name
    on the local network): what a request sends links back there; cron has only the
    configured address."""
    served = "entraide.lan:8081"
    with override_settings(ALLOWED_HOSTS=["entraide.lan", "testserver"]):
        claire = sign_up_and_confirm(web(served), "claire@asso-quartier.example")
        join(served, claire, malik)
        by_request = list(mail.outbox)
        mail.outbox.clear()
        register(workshop_tomorrow(home), email="camille@asso-quartier.example")
        call_command("envoyer_rappels", stdout=io.StringIO())

    assert len(by_request) == 3
    for message in by_request:
        assert links(message)
        assert all(link.startswith(f"http://{served}/") for link in links(message))
    (reminder,) = [
        message for message in mail.outbox if "camille@asso-quartier.example" in message.to
    ]
    assert links(reminder)
    assert all(link.startswith("http://configuree.example:8000/") for link in links(reminder))
