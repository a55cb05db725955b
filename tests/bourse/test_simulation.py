"""The 180-day time-travel simulation of the bourse (bench/bourse_simulation.py), small: 20
structures for 26 days, annonces ending within 20 days so that every step of the lifecycle
happens. Every reminder, bump and escalation goes out exactly once; no annonce past its end
or closed is ever in the listing, the feed, the sitemap, the search or a digest."""

import pytest

from tests.bourse.simulation import Simulation, bilan

pytestmark = pytest.mark.django_db


def test_twenty_six_simulated_days_keep_every_promise():
    chiffres = Simulation(structures=20, jours=26, graine=7, fin_max=20, pages=(5, 25))
    resultat = bilan(chiffres.lancer())

    assert resultat["erreurs"] == []
    etapes = resultat["e-mails par étape"]
    assert etapes["avant-fin"] and etapes["fin"] and etapes["escalade"]
    assert resultat["digests"]["tout/relance"] and resultat["actions"]["renouveler"]
