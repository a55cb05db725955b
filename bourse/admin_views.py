"""The Modérateurs' side in the Wagtail admin: « Annonces à modérer » (first annonces waiting,
published ones not read yet, reported ones) and, for one annonce, its text, its reports and
the decision: publish (or mark read) or send back to its author with a comment, e-mailed by
the task worker."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .models import Annonce

PERMISSION = "bourse.change_annonce"


class AnnoncesAModererIndexView(IndexView):
    def get_base_queryset(self):
        return (
            Annonce.objects.a_moderer()
            .select_related("structure")
            .annotate(signalements_ouverts=Count("signalements", Q(signalements__traite_le=None)))
        )


class DecisionForm(forms.Form):
    PUBLIER, REFUSER = "publier", "refuser"
    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"),
        widget=forms.RadioSelect,
        choices=[
            (PUBLIER, gettext_lazy("Publier (ou laisser publiée) : l'annonce est relue")),
            (REFUSER, gettext_lazy("Renvoyer à son auteur avec un commentaire (dépubliée)")),
        ],
    )
    commentaire = forms.CharField(
        label=gettext_lazy("Commentaire pour l'auteur"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Envoyé par e-mail ; obligatoire pour renvoyer l'annonce."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REFUSER and not data.get("commentaire", "").strip():
            self.add_error("commentaire", _("Dites à l'auteur ce qu'il faut changer."))
        return data


class ModererView(WagtailAdminTemplateMixin, FormView):
    template_name = "bourse/admin/moderer.html"
    form_class = DecisionForm
    page_title = gettext_lazy("Modérer une annonce")
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        annonces = Annonce.objects.select_related("structure", "auteur")
        self.annonce = get_object_or_404(annonces, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.annonce.titre

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            annonce=self.annonce,
            signalements=self.annonce.signalements.all(),
            action_url=reverse("bourse_moderer", args=[self.annonce.pk]),
            submit_button_label=_("Enregistrer la décision"),
            cancel_url=reverse("annonces_a_moderer:index"),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if data["decision"] == DecisionForm.PUBLIER:
                services.approuver(self.annonce)
            else:
                services.refuser(self.annonce, data["commentaire"].strip())
        except services.AnnonceError as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        self.annonce.signalements.filter(traite_le=None).update(traite_le=timezone.now())
        messages.success(self.request, _("Décision enregistrée."))
        return redirect("annonces_a_moderer:index")


urlpatterns = [path("<int:pk>/", ModererView.as_view(), name="bourse_moderer")]
