"""Caches (issue 13, item 12): the counters of rate limits and lockouts live where no search can
push them out, in every settings module; search results are kept their five minutes, and
dropped the moment a workshop they may show ends."""

import copy
import time
import types
from datetime import timedelta

import django_ratelimit.core
import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from search import moteur, requetes, results_cache
from tests import markup
from tests.evenements.helpers import atelier
from tests.factories import GuidePageFactory, StructureFactory, UserFactory, build_site_tree
from tests.fiches.helpers import contributor, draft, logged_in
from tests.search.helpers import index_everything
from tests.site.helpers import PRODUCTION, SETTINGS_MODULES, import_settings

pytestmark = pytest.mark.django_db

PASSWORD = "Jardin-partage-2026!"
SMALL = 20  # the search cache's size in the flood test: far fewer entries than searches
LOCKED = "Connexion temporairement bloquée"
TOO_MANY_SUBMISSIONS = "Trop de soumissions en peu de temps"


def storage(config):
    """Where a cache keeps its entries: two aliases with the same storage are one cache."""
    return config["BACKEND"], config.get("LOCATION", "")


@pytest.mark.parametrize("module", SETTINGS_MODULES)
def test_every_settings_module_keeps_search_results_away_from_the_counters(monkeypatch, module):
    settings_module = import_settings(monkeypatch, module)
    caches = settings_module.CACHES
    counters = caches[settings_module.RATELIMIT_USE_CACHE]

    assert settings_module.RATELIMIT_USE_CACHE == "default"  # allauth always counts there
    assert storage(caches[results_cache.CACHE]) != storage(counters)
    assert counters["OPTIONS"]["MAX_ENTRIES"] >= 1_000_000
    assert caches[results_cache.CACHE]["OPTIONS"]["MAX_ENTRIES"] >= 1000
    # django-axes' attempts and lockouts are database rows, in no cache.
    assert settings_module.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"


@pytest.fixture(params=["entraide.settings.test", PRODUCTION], ids=["test", "production"])
def small_search_cache(request, monkeypatch):
    """The caches of a settings module, the search cache made small (``SMALL`` entries), so
    that a few dozen searches overflow it; production's database tables are created."""
    configured = copy.deepcopy(import_settings(monkeypatch, request.param).CACHES)
    options = configured[results_cache.CACHE].setdefault("OPTIONS", {})
    options["MAX_ENTRIES"] = SMALL
    with override_settings(CACHES=configured):
        call_command("createcachetable", verbosity=0)
        yield configured


@pytest.fixture
def frozen_rate_limit_clock(monkeypatch):
    """django-ratelimit counts in fixed windows: keep all requests of a test in one."""
    clock = types.SimpleNamespace(time=lambda: 1_800_000_000)
    monkeypatch.setattr(django_ratelimit.core, "time", clock)


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def reset_password(client, email):
    return client.post(reverse("account_reset_password"), {"email": email})


def test_counters_of_limits_and_lockouts_outlast_a_flood_of_searches(
    client, small_search_cache, frozen_rate_limit_clock
):
    home, _index = build_site_tree()
    get_or_create_fiche_index(home)
    claire = UserFactory(email="claire@asso-quartier.example", password=PASSWORD)
    EmailAddress.objects.create(user=claire, email=claire.email, verified=True, primary=True)
    for _attempt in range(5):
        log_in(client, claire.email, "pas-le-bon")  # django-axes locks the account
    for _attempt in range(3):
        reset_password(client, claire.email)  # allauth: 3 an hour for one address
    assert len(mail.outbox) == 3
    malik = contributor()
    fiche = draft(StructureFactory(membres=[malik]), malik)
    auteur = logged_in(malik)
    soumettre = reverse("fiche_soumettre", args=[fiche.pk])
    for _attempt in range(10):
        auteur.post(soumettre)  # django-ratelimit: 10 submissions an hour

    passant = Client()  # types in the search box: a suggestion kept for each prefix
    for number in range(3 * SMALL):
        suggestions = passant.get(reverse("recherche_suggestions"), {"q": f"subvention {number}"})
        assert suggestions.status_code == 200

    locked = log_in(client, claire.email, PASSWORD)
    reset = reset_password(client, claire.email)
    submitted = auteur.post(soumettre, follow=True)
    held = {
        "lockout (django-axes)": locked.status_code == 429
        and LOCKED in markup.text(locked.content)
        and "_auth_user_id" not in client.session,
        "password resets (allauth)": reset.status_code == 429 and len(mail.outbox) == 3,
        "submissions (django-ratelimit)": TOO_MANY_SUBMISSIONS in markup.text(submitted.content),
    }
    assert held == dict.fromkeys(held, True)


class Clock:
    """Moves Django's clock (``timezone.now``) and the one local memory caches expire by."""

    def __init__(self, monkeypatch):
        self.offset = 0.0
        real_now, real_time = timezone.now, time.time
        monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=self.offset))
        monkeypatch.setattr(time, "time", lambda: real_time() + self.offset)

    def advance(self, minutes):
        self.offset += minutes * 60


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def computed(monkeypatch):
    """The results a search computed (not read back from the search cache)."""
    made = []
    keep = results_cache.get_or_compute

    def counting(cache_key, compute):
        def compute_and_say():
            made.append(cache_key)
            return compute()

        return keep(cache_key, compute_and_say)

    monkeypatch.setattr(results_cache, "get_or_compute", counting)
    return made


def search(text):
    results = moteur.search(
        requetes.parse(text), Locale.objects.get(language_code="fr"), moteur.Filters()
    )
    return results.count, [entree.title for entree in results.page.object_list]


@pytest.fixture
def home():
    """The home page, with a guide people find by « statuts »."""
    home, index = build_site_tree()
    GuidePageFactory(parent=index, title="Rédiger les statuts d'une association")
    return home


def test_a_search_made_again_within_five_minutes_reuses_what_was_found(home, clock, computed):
    index_everything()
    first = search("statuts")
    assert first == (1, ["Rédiger les statuts d'une association"])
    assert computed

    computed.clear()
    clock.advance(minutes=4)
    assert search("statuts") == first
    assert computed == []

    clock.advance(minutes=2)
    assert search("statuts") == first
    assert computed


def test_a_kept_result_goes_the_moment_a_workshop_it_shows_ends(home, clock, computed):
    atelier(
        get_or_create_agenda(home),
        title="Atelier statuts en direct",
        debut=timezone.now() - timedelta(hours=1),
        duree=timedelta(hours=1, minutes=3),
    )
    index_everything()
    assert search("statuts")[0] == 2

    computed.clear()
    clock.advance(minutes=2)  # still on: the kept result serves
    assert search("statuts")[0] == 2
    assert computed == []

    clock.advance(minutes=2)  # over a minute ago
    count, titles = search("statuts")
    assert (count, titles) == (1, ["Rédiger les statuts d'une association"])
