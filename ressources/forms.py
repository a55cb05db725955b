"""Form pieces every public form of the site shares."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import contact


class HoneypotMixin(forms.Form):
    """A field people never see nor fill (hidden by CSS, skipped by screen readers and the
    keyboard); robots filling every field are refused without a hint of why."""

    HONEYPOT = "site_internet"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.HONEYPOT] = forms.CharField(
            required=False,
            label=_("Laissez ce champ vide"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(self.HONEYPOT):
            raise forms.ValidationError(_("Le formulaire n'a pas pu être envoyé."), code="honeypot")
        return cleaned_data


TOO_LONG = _("Ce texte est trop long : %(show_value)d caractères pour %(limit_value)d au plus.")


class LongText(forms.CharField):
    """Text on several lines, its line breaks counted as one character each, as the browser
    counts them for ``maxlength`` (it sends them as two: CR LF)."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class BoundedLengthsMixin:
    """Every text field of the form says its limit and the length typed when it is over."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = TOO_LONG


class ContactForm(HoneypotMixin, BoundedLengthsMixin, forms.Form):
    """« Nous écrire » (``/contact/``): what a reader asks the network's staff. Nothing of it
    is kept on the site (``ressources.contact``)."""

    nom = forms.CharField(
        label=_("Votre nom"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Pour vous répondre, rien d'autre."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    sujet = forms.ChoiceField(label=_("Sujet"), choices=contact.SUJETS)
    message = LongText(
        label=_("Votre message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
