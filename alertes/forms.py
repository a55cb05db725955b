from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.forms import HoneypotMixin

from .models import Frequence


class ChoixUnique(forms.RadioSelect):
    """Radio buttons without ``required`` on each: one is always checked (the field's
    initial value), and the group's legend, not each button's label, says it is required."""

    def use_required_attribute(self, initial):
        return False


class AlerteForm(HoneypotMixin, forms.Form):
    """« Me prévenir »: how often, and, without an account, where to write."""

    frequence = forms.ChoiceField(
        label=_("À quelle fréquence ?"),
        choices=Frequence.choices,
        initial=Frequence.HEBDOMADAIRE,
        widget=ChoixUnique,
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Nous vous enverrons d'abord un lien pour confirmer."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["email"]  # the account's verified address


class FrequenceForm(forms.Form):
    frequence = forms.ChoiceField(label=_("Fréquence"), choices=Frequence.choices)
