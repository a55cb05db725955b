"""Wagtail's first migrations create a workflow and its task named after the group of the time
(« Moderators approval »), attached to the root page: the editors' button read « Soumettre à
Moderators approval ». They get French names."""

from django.db import migrations

ENGLISH_NAME = "Moderators approval"
WORKFLOW_NAME = "Relecture par l'équipe"
TASK_NAME = "Relecture par un modérateur"


def rename(apps, workflow_names, task_names):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=workflow_names[0]).update(name=workflow_names[1])
    Task.objects.filter(name=task_names[0]).update(name=task_names[1])


def in_french(apps, schema_editor):
    rename(apps, (ENGLISH_NAME, WORKFLOW_NAME), (ENGLISH_NAME, TASK_NAME))


def in_english(apps, schema_editor):
    rename(apps, (WORKFLOW_NAME, ENGLISH_NAME), (TASK_NAME, ENGLISH_NAME))


class Migration(migrations.Migration):
    dependencies = [
        ("ressources", "0004_roles_des_groupes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(in_french, in_english)]
