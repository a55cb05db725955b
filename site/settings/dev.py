from . import env
from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-not-secret")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
