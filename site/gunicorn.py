"""Gunicorn's settings for serving the site in production, read from the environment:

    gunicorn -c python:entraide.gunicorn entraide.wsgi

``PORT`` (8000) and ``BIND_ADDRESS`` (0.0.0.0) where it listens; ``WEB_CONCURRENCY`` worker
processes (two per CPU, plus one); ``FORWARDED_ALLOW_IPS`` the reverse proxies whose
``X-Forwarded-*`` headers it trusts (127.0.0.1 by default). Static files are served by the
application itself (WhiteNoise), so nothing else is needed in front but HTTPS.
"""

import multiprocessing
import os

bind = f"{os.environ.get('BIND_ADDRESS', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# A request still running after 30 s is a fault (the search and the pages answer in well under
# one): the worker is replaced rather than left to hold a slot.
timeout = 30
graceful_timeout = 30
# Workers are renewed now and then, each at its own moment, so no slow leak grows for ever.
max_requests = 2000
max_requests_jitter = 1000
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
