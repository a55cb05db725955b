"""The forms of an exchange's outcome (issue 19, point 5) and of « Retirer » an annonce.

Hours and euros are typed the French way (« 12,5 », « 1 500 € ») or the English way
(« 12.5 »): both read the same, and every mistake says what to type in French."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.forms import BoundedLengthsMixin, LongText

from . import coordonnees
from .forms import Choix
from .models import Issue, Resultat

# Spaces a person or a spreadsheet puts between thousands: plain, no-break, narrow no-break.
ESPACES = str.maketrans("", "", " \u00a0\u202f")


class Nombre(forms.DecimalField):
    """A positive amount with at most ``decimales`` decimals and a ``maximum``, read from
    « 12,5 », « 12.5 », « 1 500 » or « 1 500 € »."""

    def __init__(self, *, maximum, decimales, message_maximum, unite, **kwargs):
        self.maximum = Decimal(maximum)
        self.message_maximum = message_maximum
        self.unite = unite
        super().__init__(
            required=False,
            localize=True,
            decimal_places=decimales,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            error_messages={
                "invalid": _("Écrivez un nombre, par exemple « 12,5 »."),
                "max_decimal_places": _("Au plus %(max)s chiffre(s) après la virgule."),
                "max_digits": message_maximum,
                "max_whole_digits": message_maximum,
            },
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            texte = value.translate(ESPACES).strip().removesuffix(self.unite).strip()
            if "," in texte and "." in texte:  # « 1.500,50 » or « 1,500.50 »: ambiguous
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            value = texte.replace(",", ".")
        try:
            return super().to_python(value)
        except InvalidOperation as error:  # pragma: no cover - DecimalField already says so
            raise forms.ValidationError(self.error_messages["invalid"]) from error

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value <= 0:
            raise forms.ValidationError(_("Le nombre doit être supérieur à zéro."), code="min")
        if value > self.maximum:
            raise forms.ValidationError(self.message_maximum, code="max")


class IssueForm(BoundedLengthsMixin, forms.Form):
    """Declare or correct the outcome: « Aide apportée » with hours and/or a value and what
    was done, or « Sans suite »."""

    issue = forms.ChoiceField(
        label=_("Comment s'est terminé cet échange ?"),
        choices=Issue.choices,
        widget=Choix,
        error_messages={
            "required": _("Dites si l'aide a été apportée ou si l'échange est resté sans suite.")
        },
    )
    heures = Nombre(
        label=_("Heures données"),
        maximum=2000,
        decimales=1,
        unite="h",
        message_maximum=_("Au plus 2 000 heures pour un échange."),
        help_text=_(
            "Le temps passé par les personnes de la structure qui a aidé, par exemple « 12,5 »."
        ),
    )
    valeur = Nombre(
        label=_("Valeur prêtée ou donnée, en euros"),
        maximum=1_000_000,
        decimales=2,
        unite="€",
        message_maximum=_("Au plus 1 000 000 euros pour un échange."),
        help_text=_("Pour du matériel ou des locaux : leur valeur d'usage, par exemple « 150 »."),
    )
    resume = LongText(
        label=_("Ce qui a été fait"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("En quelques phrases, sans nom de personne, ni adresse, ni téléphone."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.data.get("issue") == Issue.SANS_SUITE:
            # Nothing to count: whatever was typed in the numbers is not read, nor refused.
            for name in ("heures", "valeur", "resume"):
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        if data.get("issue") != Issue.AIDE:
            return data | {"heures": None, "valeur": None, "resume": ""}
        erreurs_de_nombre = "heures" in self.errors or "valeur" in self.errors
        if not erreurs_de_nombre and data.get("heures") is None and data.get("valeur") is None:
            self.add_error(
                "heures", _("Indiquez les heures données, la valeur prêtée, ou les deux.")
            )
        if not data.get("resume"):
            self.add_error("resume", _("Dites en quelques mots ce qui a été fait."))
        elif coordonnees.contient(data["resume"]):
            self.add_error("resume", coordonnees.MESSAGE)
        return data


class RetraitForm(forms.Form):
    """« Retirer » a published annonce: why, for its author's list and the indicators."""

    resultat = forms.ChoiceField(
        label=_("Pourquoi retirez-vous cette annonce ?"),
        choices=[
            (Resultat.PLUS_BESOIN, _("Plus besoin : la situation a changé")),
            (Resultat.SANS_REPONSE, _("Sans réponse : personne n'a répondu utilement")),
        ],
        widget=Choix,
        error_messages={"required": _("Choisissez une raison.")},
    )
