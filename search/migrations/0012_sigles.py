"""The abbreviations people of the field type, each with what it stands for, as groups of
synonyms editors can change in the admin (« Synonymes »)."""

from django.db import migrations

SIGLES = {
    "fr": [
        "CDD, contrat à durée déterminée",
        "CDI, contrat à durée indéterminée",
        "ESS, économie sociale et solidaire",
        "SIAE, structure d'insertion par l'activité économique",
        "SCOP, société coopérative et participative",
        "SCIC, société coopérative d'intérêt collectif",
        "ESUS, entreprise solidaire d'utilité sociale",
        "RGPD, protection des données",
        "ACI, atelier chantier d'insertion",
        "ETTI, entreprise de travail temporaire d'insertion",
        "RUP, reconnue d'utilité publique",
        "DLA, dispositif local d'accompagnement",
        "AAP, appel à projets",
        "CPO, convention pluriannuelle d'objectifs",
        "FDVA, fonds pour le développement de la vie associative",
        "CAC, commissaire aux comptes",
        "PV, procès-verbal",
        "AGO, assemblée générale ordinaire",
        "QPV, quartier prioritaire",
    ],
    "en": [
        "HR, human resources",
        "AGM, annual general meeting",
        "GDPR, data protection",
        "SSE, social and solidarity economy",
    ],
}


def create(apps, schema_editor):
    Synonyme = apps.get_model("search", "Synonyme")
    Locale = apps.get_model("wagtailcore", "Locale")
    for language, groups in SIGLES.items():
        locale, _created = Locale.objects.get_or_create(language_code=language)
        for expressions in groups:
            Synonyme.objects.get_or_create(locale=locale, expressions=expressions)


def delete(apps, schema_editor):
    Synonyme = apps.get_model("search", "Synonyme")
    for language, groups in SIGLES.items():
        Synonyme.objects.filter(locale__language_code=language, expressions__in=groups).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0011_synonyme_locale")]

    operations = [migrations.RunPython(create, delete)]
