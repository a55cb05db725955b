"""axe-core in real Chromium (tests/browser.py) over every public page type, at phone width and,
for a few, at desktop width, and over every form after a failed submit: no serious or critical
violation, no horizontal scroll; after a failed submit the focus is on the error summary, the
title starts with « Erreur » and invalid fields show a red border.

The live server reads committed data, and each test's data is wiped after it (browser_db):
each test builds what it shows once, from the demo's own content (demo/data/) for the
pages, and visits every page in a loop, reporting every problem at once."""

import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from bourse import liens
from bourse.models import Conversation
from demo import data_files, loader
from demo.bourse import load_annonces
from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests.browser import browser_db, describe, serious_violations
from tests.evenements.helpers import atelier, in_days, register
from tests.factories import (
    AnnonceFactory,
    ConversationFactory,
    GuidePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
)
from tests.search.helpers import index_everything

pytestmark = browser_db

DESKTOP = {"width": 1280, "height": 900}
ERROR_RED = "rgb(179, 38, 30)"  # --error in static/css/site.css
PASSWORD = "Jardin-partage-2026!"
GUIDE = "tenir-une-comptabilite-associative-simple"  # every kind of block but the video
MODELE = "budget-previsionnel-annuel"  # the file that guide links to
# What shows that a page is the type of page it stands for.
PAGE_TYPES = {
    "résultats et facettes": "Affiner la recherche",
    "aucun résultat": "Quelques pistes",
    "faute de frappe corrigée": "voici les résultats pour",
    "atelier complet": "liste d'attente",
    "atelier passé": "a eu lieu",
}
PERSONAL_LINK = re.compile(r"https?://[^/\s]+(/fr/ateliers/inscription/[^\s]+)")


def demo_pages():
    """One page of each type, built from the demo content: a guide with every kind of block,
    its modèle, the demo's fiches, structures and workshops (one of them past), a full
    workshop, and the search entries of all of them."""
    home, index = build_site_tree()
    demo = data_files.read()
    modele = [entry for entry in demo.modeles if entry.slug == MODELE]
    fichiers = loader.load_documents(modele)
    loader.load_modeles(index, modele)
    loader.load_guides(index, [entry for entry in demo.guides if entry.slug == GUIDE], fichiers)
    structures = loader.load_structures(demo.structures)
    loader.load_informations(home, demo.informations)
    loader.load_fiches(get_or_create_fiche_index(home), demo.fiches, structures)
    agenda = get_or_create_agenda(home, **demo.sections["ateliers"])
    loader.load_ateliers(agenda, demo.ateliers, structures)
    annonces = load_annonces(demo.annonces, structures)
    full = atelier(agenda, slug="atelier-complet", capacite=1, debut=in_days(5))
    register(full)
    index_everything()
    return structures, annonces


def contributor(structure=None):
    """A person with a confirmed address, member of ``structure`` (or of a new one)."""
    user = UserFactory(email="claire@asso-quartier.example", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if structure is None:
        StructureFactory(nom="Vélo solidaire", membres=[user])
    else:
        structure.adhesions.create(user=user, statut="acceptee", decided_by=user)
    return user


def log_in(tab, live_server, user):
    """The browser gets the session of ``user`` (no log-in form: that one is tested apart)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    tab.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


# Descriptions and names that point at nothing, or at an element with no text, as the browser
# parsed the page (allauth's password rules were a list inside a <span>, which the parser empties).
EMPTY_REFERENCES = """() => [...document.querySelectorAll("[aria-describedby], [aria-labelledby]")]
    .flatMap(element => ["aria-describedby", "aria-labelledby"].flatMap(attribute =>
        (element.getAttribute(attribute) || "").split(/\\s+/).filter(Boolean)
            .filter(id => !(document.getElementById(id)?.textContent.trim()))
            .map(id => `${element.id || element.tagName} ${attribute}=${id}`)))"""


def page_problems(tab, label):
    """What is wrong with the page the tab shows: axe's serious and critical violations, a
    description pointing at no text, a page wider than the window (a horizontal scroll)."""
    problems = []
    violations = serious_violations(tab)
    if violations:
        problems.append(f"{label}:\n{describe(violations)}")
    for reference in tab.evaluate(EMPTY_REFERENCES):
        problems.append(f"{label}: {reference} points at no text")
    width = tab.evaluate("document.documentElement.scrollWidth")
    viewport = tab.viewport_size["width"]
    if width > viewport:
        problems.append(f"{label}: {width} px wide in a {viewport} px window")
    return problems


def visit(tab, url, label, status=200):
    response = tab.goto(url)
    assert response.status == status, f"{label}: {response.status} at {url}"
    return page_problems(tab, label)


def personal_links(address):
    """The paths of the personal links (view, cancel) e-mailed to ``address``."""
    bodies = [message.body for message in mail.outbox if address in message.to]
    return sorted({path for body in bodies for path in PERSONAL_LINK.findall(body)})


def register_through_the_page(tab, url, address):
    tab.goto(url)
    form = tab.locator("#inscription form")
    form.locator("input[name$=nom]").fill("Camille Durand")
    form.locator("input[name$=email]").fill(address)
    form.locator("input[type=checkbox][name$=consentement]").check()
    form.locator("button[type=submit]").click()
    tab.wait_for_load_state()


def test_every_public_page_type_passes_axe_without_horizontal_scroll(tab, live_server):
    structures, annonces = demo_pages()
    demande = next(a for a in annonces.values() if a.sens == "demande" and a.est_publique)
    jardins = structures["Les Jardins de la Croix-Rousse"]
    member = contributor(jardins)
    conversation = Conversation.objects.filter(annonce__structure=jardins).first()
    autre_annonce = next(
        a for a in annonces.values() if a.est_publique and a.structure_id != jardins.pk
    )
    base = live_server.url
    pages = {
        "accueil": "/fr/",
        "domaines": "/fr/domaines/",
        "un domaine": "/fr/domaines/gestion-comptabilite-fiscalite/",
        "ressources filtrées": "/fr/ressources/?type=guide&niveau=debutant",
        "guide": f"/fr/ressources/{GUIDE}/",
        "modèle": f"/fr/ressources/{MODELE}/",
        "fiches": "/fr/fiches/",
        "fiche": "/fr/fiches/premiere-paie-cheque-emploi-associatif/",
        "agenda": "/fr/ateliers/",
        "archives": "/fr/ateliers/archives/",
        "atelier ouvert": "/fr/ateliers/premier-salarie-mode-emploi/",
        "atelier complet": "/fr/ateliers/atelier-complet/",
        "atelier passé": "/fr/ateliers/rgpd-pour-les-associations/",
        "recherche vide": "/fr/recherche/",
        "résultats et facettes": "/fr/recherche/?q=comptabilit%C3%A9",
        "aucun résultat": "/fr/recherche/?q=photosynth%C3%A8se",
        "faute de frappe corrigée": "/fr/recherche/?q=budjet",
        "structures": "/fr/structures/",
        "page d'information": "/fr/accessibilite/",
        "contact": "/fr/contact/",
        "plan du site": "/fr/plan-du-site/",
        "me prévenir": "/fr/alertes/creer/?quoi=ressources&domaine=gouvernance-vie-associative",
        "bourse d'entraide": "/fr/bourse/?sens=demande",
        "une annonce": demande.get_absolute_url(),
        "recherche anglaise, résultats en français": "/en/recherche/?q=statuts",
        "une structure": f"/fr/structures/{structures['Les Jardins de la Croix-Rousse'].slug}/",
        "le réseau en chiffres": "/fr/chiffres/",
        "connexion": "/fr/comptes/login/",
        "création de compte": "/fr/comptes/signup/",
        "mot de passe oublié": "/fr/comptes/password/reset/",
    }
    problems = []
    for label, path in pages.items():
        problems += visit(tab, base + path, label)
    problems += visit(tab, f"{base}/fr/cette-page-n-existe-pas/", "404", status=404)
    problems += visit(tab, f"{base}/fr/ateliers/inscription/abc/", "lien non valable", status=400)
    # The buttons of a bourse lifecycle e-mail's link (no log-in).
    problems += visit(
        tab, base + liens.lien(demande, liens.RETIRER), "lien « retirer » d'une annonce"
    )

    register_through_the_page(tab, f"{base}{pages['atelier ouvert']}", "camille@asso.example")
    problems += page_problems(tab, "après l'inscription")
    links = personal_links("camille@asso.example")
    assert links, "no personal link in the confirmation e-mail"
    for number, path in enumerate(links, 1):
        problems += visit(tab, base + path, f"lien personnel {number} ({path})")

    log_in(tab, live_server, member)
    for label, path in {
        "mon espace": "/fr/mon-espace/",
        "supprimer mon compte": "/fr/mon-espace/supprimer/",
        "nouvelle annonce": "/fr/bourse/nouvelle/",
        "mes annonces": "/fr/bourse/mes-annonces/",
        "mes conversations": "/fr/bourse/conversations/",
        "une conversation": f"/fr/bourse/conversations/{conversation.pk}/",
        "proposer mon aide": f"/fr/bourse/{autre_annonce.pk}/contacter/",
        "une annonce, connecté": autre_annonce.get_absolute_url(),
        "issue d'un échange": f"/fr/bourse/conversations/{conversation.pk}/issue/",
        "attestation": f"/fr/bourse/attestation/{jardins.slug}/{timezone.localdate().year}/",
        "inviter un membre": f"/fr/structures/{jardins.slug}/inviter/",
        "modifier la structure": f"/fr/structures/{jardins.slug}/modifier/",
        "quitter la structure": f"/fr/structures/{jardins.slug}/quitter/",
        "formulaire de fiche": "/fr/fiches/proposer/",
        "formulaire de structure": "/fr/structures/nouvelle/",
    }.items():
        problems += visit(tab, base + path, label)

    tab.set_viewport_size(DESKTOP)
    for label in (
        "accueil",
        "ressources filtrées",
        "guide",
        "résultats et facettes",
        "atelier ouvert",
    ):
        problems += visit(tab, base + pages[label], f"{label} (ordinateur)")

    assert not problems, "\n".join(problems)
    for label, what in PAGE_TYPES.items():
        tab.goto(base + pages[label])
        assert what in tab.locator("main").inner_text(), f"{label} is not the page meant"


def failed_submit(tab, url, form="main form:has(button[type=submit])", number=0):
    """Open ``url`` and send its form (the ``number``th of those ``form`` selects) empty."""
    tab.goto(url)
    tab.locator(form).nth(number).locator("button[type=submit]").last.click()
    tab.wait_for_load_state("load")
    return tab


def error_state_problems(tab, label):
    """After a failed submit: the title starts with « Erreur », the focus is on the error
    summary, each of its links leads to a field marked invalid, each invalid field shows a red
    border; axe finds nothing serious and the page is no wider than the window."""
    problems = page_problems(tab, label)
    tab.evaluate("new Promise(done => setTimeout(done, 0))")  # after the script's load handler
    if not tab.title().startswith("Erreur"):
        problems.append(f"{label}: title « {tab.title()} »")
    focused = tab.evaluate("document.activeElement.hasAttribute('data-resume-erreurs')")
    if not focused:
        problems.append(f"{label}: focus on {tab.evaluate('document.activeElement.outerHTML')}")
    targets = tab.locator("[data-resume-erreurs] a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    for href in targets:
        target = tab.locator(href)
        if target.count() != 1 or target.get_attribute("aria-invalid") != "true":
            problems.append(f"{label}: the summary's link {href} leads to no invalid field")
    borders = tab.locator(
        "[aria-invalid=true]:not([type=checkbox]):not([type=radio]):not([type=hidden])"
    ).evaluate_all("fields => fields.map(f => [f.id, getComputedStyle(f).borderTopColor])")
    for field_id, colour in borders:
        if colour != ERROR_RED:
            problems.append(f"{label}: #{field_id} has a {colour} border, not red")
    return problems


def test_every_form_after_a_failed_submit_focuses_a_summary_linking_to_red_fields(tab, live_server):
    home, index = build_site_tree()
    get_or_create_fiche_index(home)
    workshop = atelier(get_or_create_agenda(home), slug="atelier-ouvert")
    guide = GuidePageFactory(parent=index)
    user = contributor()
    structure = user.adhesions.get().structure
    ailleurs = AnnonceFactory(sens="offre", titre="Un camion le samedi")
    conversation = ConversationFactory(annonce=AnnonceFactory(structure=structure))
    base = live_server.url
    problems = []
    for label, path in {
        "connexion": "/fr/comptes/login/",
        "création de compte": "/fr/comptes/signup/",
        "mot de passe oublié": "/fr/comptes/password/reset/",
        "contact": "/fr/contact/",
        "signaler une erreur": f"/fr/signaler-une-erreur/{guide.pk}/",
        "me prévenir": "/fr/alertes/creer/?quoi=ressources",
        "signaler une annonce": f"/fr/bourse/{ailleurs.pk}/signaler/",
    }.items():
        problems += error_state_problems(failed_submit(tab, base + path), label)
    tab.goto(f"{base}{workshop.url}")
    workshop_forms = "main form[method=post]"  # registration, « Renvoyer mon lien »
    for number in range(tab.locator(workshop_forms).count()):
        failed_submit(tab, f"{base}{workshop.url}", workshop_forms, number)
        problems += error_state_problems(tab, f"atelier, formulaire {number + 1}")

    log_in(tab, live_server, user)
    for label, path in {
        "fiche": "/fr/fiches/proposer/",
        "structure": "/fr/structures/nouvelle/",
        "changement de mot de passe": "/fr/comptes/password/change/",
        "adresse e-mail": "/fr/comptes/email/",
        "invitation": f"/fr/structures/{structure.slug}/inviter/",
        "nouvelle annonce": "/fr/bourse/nouvelle/",
        "proposer mon aide": f"/fr/bourse/{ailleurs.pk}/contacter/",
        "message d'une conversation": f"/fr/bourse/conversations/{conversation.pk}/",
        "issue d'un échange": f"/fr/bourse/conversations/{conversation.pk}/issue/",
    }.items():
        form = "main form:has([name=action_add])" if "e-mail" in label else "main form"
        form = "main form:has(textarea)" if "conversation" in label else form
        problems += error_state_problems(failed_submit(tab, base + path, form), label)
    tab.set_viewport_size(DESKTOP)
    problems += error_state_problems(
        failed_submit(tab, f"{base}/fr/fiches/proposer/"), "fiche (ordinateur)"
    )

    assert not problems, "\n".join(problems)
    first_link = tab.locator("[data-resume-erreurs] a").first
    target = first_link.get_attribute("href")
    first_link.click()
    assert tab.evaluate("'#' + document.activeElement.id") == target
