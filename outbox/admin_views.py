"""The e-mails that have not gone out, in the admin: staff who may see them (superusers, or
a group given « Can view courriel ») see why, and those who may change them send one again."""

import django_filters
from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import PermissionPolicyChecker
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Email
from .tasks import deliver

permission_policy = ModelPermissionPolicy(Email)
permission_checker = PermissionPolicyChecker(permission_policy)


class EmailFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("État"),
        choices=[(s.value, s.label) for s in (Email.State.FAILED, Email.State.PENDING)],
        empty_label=_("Tous"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Email
        fields = ["state"]


class UnsentEmailsView(ReportView):
    """E-mails waiting or given up, oldest problems first."""

    permission_policy = permission_policy
    permission_required = "view"
    page_title = _("Courriels non envoyés")
    header_icon = "mail"
    index_url_name = "outbox:unsent"
    index_results_url_name = "outbox:unsent_results"
    filterset_class = EmailFilterSet
    model = Email

    def get_base_queryset(self):
        return Email.objects.exclude(state=Email.State.SENT).order_by("created_at")

    @property
    def columns(self):
        return [
            TitleColumn(
                "subject",
                label=_("Objet"),
                get_url=lambda email: reverse("outbox:retry", args=[email.pk]),
            ),
            Column("to", label=_("Destinataires"), accessor=recipients_text),
            Column("state", label=_("État"), accessor="get_state_display"),
            NumberColumn("attempts", label=_("Tentatives")),
            Column("last_error", label=_("Dernière erreur")),
            DateColumn("created_at", label=_("Créé le")),
        ]


def recipients_text(email):
    return ", ".join(email.recipients)


class RetryView(TemplateView):
    """Confirm, then hand the e-mail to the worker again, its attempts counted afresh."""

    template_name = "outbox/retry.html"

    def dispatch(self, request, pk):
        self.email = get_object_or_404(Email.objects.exclude(state=Email.State.SENT), pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            email=self.email,
            page_title=_("Renvoyer un courriel"),
            back_url=reverse("outbox:unsent"),
            **kwargs,
        )

    def post(self, request, pk):
        Email.objects.filter(pk=self.email.pk).update(
            state=Email.State.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        deliver.enqueue(self.email.pk)
        messages.success(request, _("Le courriel « %s » est renvoyé.") % self.email.subject)
        return redirect("outbox:unsent")


urlpatterns = [
    path("", UnsentEmailsView.as_view(), name="unsent"),
    path("resultats/", UnsentEmailsView.as_view(results_only=True), name="unsent_results"),
    path(
        "<int:pk>/renvoyer/",
        permission_checker.require("change")(RetryView.as_view()),
        name="retry",
    ),
]
