"""The admin's form of a workshop page."""

from django.utils.translation import gettext_lazy as _

from ressources.admin_forms import ClassementDeLaLangueForm

from . import acces

COMPTES_RESERVES = _(
    "Seuls les animateurs de cet atelier et les Éditeurs peuvent changer les comptes qui voient "
    "ses inscriptions."
)


class AtelierPageForm(ClassementDeLaLangueForm):
    """Naming an account among a workshop's animators lets it read the registrants' personal
    data: Animateurs may edit every workshop, but only those who already manage this one's
    registrations (its animators, its owner, the Éditeurs) may change who else does."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("animateurs")
        if formset is None or self.may_change_accounts():
            return cleaned_data
        for form in formset.forms:
            if self.changes_account(formset, form):
                form.add_error("compte" if "compte" in form.fields else None, COMPTES_RESERVES)
        return cleaned_data

    def may_change_accounts(self):
        if self.instance.pk is None:  # a new workshop: its author becomes its owner
            return True
        return acces.peut_gerer_inscriptions(self.instance, self.for_user)

    @staticmethod
    def changes_account(formset, form):
        """A row that names a new account, or removes (or empties) one that had an account."""
        had_account = form.instance.pk is not None and form.instance.compte_id is not None
        if formset.can_delete and getattr(form, "cleaned_data", {}).get("DELETE"):
            return had_account
        return "compte" in form.changed_data
