"""Management commands that hand a job to the task worker (``cron`` runs them): what they
print, whether the task ran at once (development, tests) or waits for the worker."""

from django.utils.translation import gettext as _


def outcome(result, done):
    """``done(return value)`` once the task has run, else where it waits."""
    if result.is_finished:
        return done(result.return_value)
    return _("Tâche %(id)s confiée au worker des tâches.") % {"id": result.id}
