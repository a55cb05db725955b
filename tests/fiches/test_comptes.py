"""Accounts on the public site: sign up with an e-mail address, confirm it, log in; robots and
password guessing kept out."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from tests import markup
from tests.factories import UserFactory, build_site_tree

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "Jardin-partage-2026!"
LINK = re.compile(r"https?://testserver(/\S+)")


@pytest.fixture(scope="module", autouse=True)
def tree(module_transaction):
    """The site's home page: every page's header links to it."""
    with module_transaction.unblock():
        return build_site_tree()


def link_in(message):
    """The path of the (single) link in an e-mail's body."""
    found = LINK.findall(message.body)
    assert len(found) == 1, message.body
    return found[0]


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.fixture
def confirmed_account(db):
    """A person who signed up and confirmed their address (allauth's mandatory confirmation)."""
    user = UserFactory(email="claire@asso-quartier.example", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_up(client, email="claire@asso-quartier.example", **extra):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra},
    )


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


# Sign up, confirm, log in ----------------------------------------------------------------------


def test_sign_up_sends_a_confirmation_email_with_a_link(client):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["claire@asso-quartier.example"]
    assert message.subject.startswith("[Entraide] ")
    assert link_in(message).startswith("/fr/comptes/confirm-email/")
    assert logged_in_user_id(client) is None


def test_following_the_confirmation_link_confirms_and_logs_in_a_contributor(client):
    sign_up(client)
    link = link_in(mail.outbox[0])

    confirmation_page = client.get(link)
    assert confirmation_page.status_code == 200
    assert "claire@asso-quartier.example" in markup.text(confirmation_page.content)
    response = client.post(link)

    user = User.objects.get(email="claire@asso-quartier.example")
    assert EmailAddress.objects.get(user=user).verified
    assert logged_in_user_id(client) == str(user.pk)
    assert response.status_code == 302
    espace = client.get(reverse("mon_espace"))
    assert espace.status_code == 200
    assert "Mes structures" in markup.text(espace.content)
    assert list(user.groups.values_list("name", flat=True)) == ["Contributeurs"]


def test_contributor_who_signed_up_cannot_open_the_admin(client):
    sign_up(client)
    client.post(link_in(mail.outbox[0]))
    assert logged_in_user_id(client) is not None

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_log_in_before_confirming_the_address_is_refused(client):
    sign_up(client)
    client.logout()

    response = log_in(client, "claire@asso-quartier.example", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert logged_in_user_id(client) is None
    assert client.get(reverse("mon_espace")).status_code == 302


def test_confirmed_account_logs_in_and_lands_on_its_space(client, confirmed_account):
    response = log_in(client, "claire@asso-quartier.example", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("mon_espace")
    assert logged_in_user_id(client) == str(confirmed_account.pk)


def test_log_in_ignores_the_case_of_the_address(client, confirmed_account):
    log_in(client, "Claire@Asso-Quartier.example", PASSWORD)

    assert logged_in_user_id(client) == str(confirmed_account.pk)


def test_sign_up_with_an_address_already_registered_creates_no_second_account(
    client, confirmed_account
):
    sign_up(client, email="claire@asso-quartier.example")

    assert User.objects.filter(email__iexact="claire@asso-quartier.example").count() == 1
    assert logged_in_user_id(client) is None


# Robots -----------------------------------------------------------------------------------------


def test_sign_up_page_hides_the_honeypot_field(client):
    response = client.get(reverse("account_signup"))

    inputs = {attrs.get("name") for attrs in markup.elements(response.content, "input")}
    assert {"email", "password1", "password2", "site_internet"} <= inputs


def test_sign_up_with_the_honeypot_filled_creates_no_account(client):
    sign_up(client, email="robot@spam.example", site_internet="https://spam.example")

    assert not User.objects.filter(email="robot@spam.example").exists()
    assert not EmailAddress.objects.filter(email="robot@spam.example").exists()
    assert mail.outbox == []
    assert logged_in_user_id(client) is None


# Password guessing (django-axes) ----------------------------------------------------------------


def test_five_wrong_passwords_then_the_right_one_do_not_log_in(client, confirmed_account):
    for _attempt in range(5):
        log_in(client, "claire@asso-quartier.example", "pas-le-bon")

    log_in(client, "claire@asso-quartier.example", PASSWORD)

    assert logged_in_user_id(client) is None
    assert client.get(reverse("mon_espace")).status_code == 302


def test_fifth_wrong_password_shows_the_lockout_page(client, confirmed_account):
    for _attempt in range(4):
        log_in(client, "claire@asso-quartier.example", "pas-le-bon")

    response = log_in(client, "claire@asso-quartier.example", "pas-le-bon")

    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in markup.text(response.content)
    assert reverse("account_reset_password") in markup.links(response.content)


def test_right_password_after_five_failures_shows_the_lockout_page(client, confirmed_account):
    for _attempt in range(5):
        log_in(client, "claire@asso-quartier.example", "pas-le-bon")

    response = log_in(client, "claire@asso-quartier.example", PASSWORD)

    assert logged_in_user_id(client) is None
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in markup.text(response.content)


def test_lockout_outlasts_allauths_short_rate_limit(client, confirmed_account):
    """allauth refuses log-ins for 5 minutes after 5 failures (its rate limits live in the
    cache); django-axes keeps the account locked for an hour."""
    for _attempt in range(5):
        log_in(client, "claire@asso-quartier.example", "pas-le-bon")
    cache.clear()  # allauth's 5 minutes are over

    response = log_in(client, "claire@asso-quartier.example", PASSWORD)

    assert logged_in_user_id(client) is None
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in markup.text(response.content)


def test_lockout_counts_attempts_whatever_the_case_of_the_address(client, confirmed_account):
    for typed in ["claire@asso-quartier.example", "Claire@asso-quartier.example"] * 2 + [
        "CLAIRE@ASSO-QUARTIER.EXAMPLE"
    ]:
        log_in(client, typed, "pas-le-bon")
    cache.clear()  # only django-axes counts: allauth's rate limits are over

    log_in(client, "claire@asso-quartier.example", PASSWORD)

    assert logged_in_user_id(client) is None


def test_four_wrong_passwords_do_not_lock_the_account_out(client, confirmed_account):
    for _attempt in range(4):
        log_in(client, "claire@asso-quartier.example", "pas-le-bon")

    log_in(client, "claire@asso-quartier.example", PASSWORD)

    assert logged_in_user_id(client) == str(confirmed_account.pk)


def test_lockout_of_one_account_does_not_lock_out_another(client, confirmed_account):
    other = UserFactory(email="malik@scop-velo.example", password=PASSWORD)
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    for _attempt in range(5):
        log_in(client, "claire@asso-quartier.example", "pas-le-bon")

    log_in(client, "malik@scop-velo.example", PASSWORD)

    assert logged_in_user_id(client) == str(other.pk)


# One lockout per account, whatever the form and the identifier ---------------------------------

# (form, what is typed) for the log-ins of an editor, username « claire »: allauth's form asks for
# the e-mail address; Wagtail's admin and Django's authenticate() take a username or an address.
WAYS_IN = {
    "allauth-email": ("allauth", "claire@asso-quartier.example"),
    "allauth-EMAIL": ("allauth", "CLAIRE@Asso-Quartier.EXAMPLE"),
    "wagtail-username": ("wagtail", "claire"),
    "wagtail-Email": ("wagtail", "Claire@asso-quartier.example"),
    "django-username": ("django", "claire"),
    "django-email": ("django", "claire@ASSO-QUARTIER.example"),
}
BY_USERNAME = ["wagtail-username", "django-username"]
BY_EMAIL = [way for way in WAYS_IN if way not in BY_USERNAME]
STRANGER = "claire@autre-asso.example"  # the address of no account


@pytest.fixture
def editor(db):
    """Someone who may log in everywhere: the public site and the admin (Éditeurs)."""
    user = UserFactory(username="claire", email="claire@asso-quartier.example", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Éditeurs"))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def attempt(client, way, password):
    """A log-in attempt; True if it logged the person in."""
    form, typed = WAYS_IN[way]
    if form == "django":
        request = RequestFactory().post("/connexion/")
        return authenticate(request, username=typed, password=password) is not None
    if form == "wagtail":
        response = client.post(
            reverse("wagtailadmin_login"), {"username": typed, "password": password}
        )
    else:
        response = log_in(client, typed, password)
    return response.status_code != 429 and logged_in_user_id(client) is not None


@pytest.mark.parametrize(
    "failing, then",
    [(failing, then) for failing in BY_USERNAME for then in BY_EMAIL]
    + [(failing, then) for failing in BY_EMAIL for then in BY_USERNAME],
)
def test_five_failures_one_way_lock_the_account_every_other_way(client, editor, failing, then):
    assert attempt(client, then, PASSWORD)  # that way in works, until…
    client.logout()
    for _attempt in range(5):
        assert not attempt(client, failing, "pas-le-bon")
    cache.clear()  # allauth's own short limits are over: only the lockout stands

    assert not attempt(client, then, PASSWORD)
    assert logged_in_user_id(client) is None


@pytest.mark.parametrize("then", WAYS_IN)
def test_failures_spread_over_every_way_lock_the_account(client, editor, then):
    for _attempt in range(5):  # failures for no account lock nobody's
        log_in(client, STRANGER, "pas-le-bon")
    cache.clear()
    assert attempt(client, then, PASSWORD)
    client.logout()
    spread = [
        "allauth-email",
        "wagtail-username",
        "django-email",
        "django-username",
        "wagtail-Email",
    ]
    for way in spread:
        assert not attempt(client, way, "pas-le-bon")
    cache.clear()

    assert not attempt(client, then, PASSWORD)
    assert logged_in_user_id(client) is None


def test_the_admin_log_in_of_a_locked_account_shows_the_lockout_page(client, editor):
    for _attempt in range(5):
        log_in(client, "claire@asso-quartier.example", "pas-le-bon")

    response = client.post(
        reverse("wagtailadmin_login"), {"username": "claire", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in markup.text(response.content)


# Password reset ----------------------------------------------------------------------------------


def test_password_reset_sends_an_email_with_a_link_that_sets_a_new_password(
    client, confirmed_account
):
    response = client.post(
        reverse("account_reset_password"), {"email": "claire@asso-quartier.example"}
    )

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["claire@asso-quartier.example"]
    assert message.subject.startswith("[Entraide] ")
    link = link_in(message)
    assert link.startswith("/fr/comptes/password/reset/key/")

    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": "Nouveau-potager-2026!", "password2": "Nouveau-potager-2026!"},
    )
    client.logout()
    log_in(client, "claire@asso-quartier.example", "Nouveau-potager-2026!")
    assert logged_in_user_id(client) == str(confirmed_account.pk)
