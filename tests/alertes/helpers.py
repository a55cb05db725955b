"""What the alerts' PostgreSQL tests share: a confirmed weekly alert already sent an hour
ago, and a guide published since that matches it."""

from datetime import timedelta

from django.utils import timezone

from alertes import services
from alertes.models import Alerte, Frequence
from tests.factories import GuidePageFactory, build_site_tree, domaine

ADRESSE = "lectrice@asso.example"
DOMAINE = "gouvernance-vie-associative"


def alerte_et_guide_nouveau():
    _home, index = build_site_tree()
    alerte, _created = services.creer(
        "ressources", {"domaine": [DOMAINE]}, "Gouvernance", ADRESSE, Frequence.HEBDOMADAIRE, "fr"
    )
    services.confirmer(alerte)
    Alerte.objects.filter(pk=alerte.pk).update(envoyee_jusqu_a=timezone.now() - timedelta(hours=1))
    guide = GuidePageFactory(
        parent=index,
        title="Le guide nouveau de la gouvernance",
        domaines=[domaine(DOMAINE)],
        live=False,
        first_published_at=None,
    )
    guide.save_revision().publish()  # as an editor publishes it: new from now
    return alerte
