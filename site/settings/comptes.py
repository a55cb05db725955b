"""Settings of the accounts (django-allauth) and of the brute-force lockout (django-axes),
read by base.py."""

# Accounts (django-allauth): e-mail and password, confirmed e-mail address, rate limits.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Our sign-up form: the site's accessible honeypot (ressources.forms.HoneypotMixin), not allauth's.
ACCOUNT_FORMS = {"signup": "fiches.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Entraide] "
ACCOUNT_RATE_LIMITS = {
    "signup": "10/h/ip",
    "login": "30/m/ip",
    # Above django-axes' lockout (5 failures), so that its page, with the reset link, shows.
    "login_failed": "20/m/ip,10/5m/key",
    "reset_password": "5/h/ip,3/h/key",
    "confirm_email": "1/3m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "mon_espace"

# Brute force (django-axes): 5 failed log-ins for one account from one address lock it an hour,
# whatever the form (allauth's, Wagtail's, Django's) and the identifier typed (username or
# e-mail, in any case): fiches.comptes names the account. Attempts and lockouts are rows in the
# database (axes' database handler), where no cache can evict them.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "fiches.comptes.identifiant_de_connexion"
AXES_LOCKOUT_TEMPLATE = "account/verrouille.html"
