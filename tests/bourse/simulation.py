"""A time-travel simulation of the bourse (issue 19): structures post annonces day after day,
some are answered by a conversation, some renewed, fulfilled or withdrawn through the links
of their reminders, some fulfilled by their members; each simulated day runs the daily
commands (``expirer_annonces``, ``cycle_annonces``, ``envoyer_alertes``) with the clock moved
(``django.utils.timezone.now`` patched) and the tasks at once (the immediate backend).

The simulation keeps its own model of every annonce (``Suivi``) and, from the rules of the
issue, what must be sent each day; it then checks against the outbox that every reminder,
bump and escalation went out exactly once, and against the public pages (listing, feed,
sitemap, search, digests) that no annonce past its end or closed ever shows.

Used by bench/bourse_simulation.py (450 structures, 180 days) and by a small test."""

import datetime
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from unittest import mock

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from alertes import services as alertes
from alertes.models import Frequence
from bourse import dates, services
from bourse.models import AnimateurDepartement, Annonce, AnnonceDepartement, Conversation
from outbox.models import Email
from ressources.models import Domaine
from tests.factories import StructureFactory, UserFactory, build_site_tree

DEPARTEMENTS = ["13", "29", "35", "59", "69", "75"]
ANIMES = ["35", "69", "75"]  # the others fall back to the Modérateurs
NATURES = ["competence"] * 3 + ["materiel"] * 2 + ["accompagnement", "achat-groupe"]
NATURES += ["emploi-partage"] * 2
DOMAINES = ["ressources-humaines", "numerique"]
LIEN = re.compile(r"https?://[^/\s]+(/fr/bourse/suite/([a-z]+)/[^/\s]+/)")
ANNONCE = re.compile(r"/fr/bourse/(\d+)/")
#: What the author does with a reminder: (share, action, days later).
CHOIX = [(0.35, "renouveler", 0), (0.1, "renouveler", 1), (0.05, "renouveler", 2),
         (0.15, "pourvue", 0), (0.05, "pourvue", 1), (0.1, "retirer", 0)]  # fmt: skip


def mot(n):
    """A word of letters only, unique to annonce ``n`` (searchable, no digits)."""
    lettres = ""
    n += 100
    while n:
        n, reste = divmod(n, 100)
        lettres = "bcdfghjklmnpqrstvwxz"[reste // 5] + "aeiou"[reste % 5] + lettres
    return f"Simu{lettres}"


@dataclass
class Suivi:
    """The simulation's own record of an annonce, independent of the site's code."""

    pk: int
    mot: str
    sens: str
    nature: str
    departement: str
    domaine: str
    publiee: datetime.date
    fin: datetime.date
    etat: str = "publiee"
    conversation: bool = False

    def publique(self, jour):
        return self.etat == "publiee" and self.fin >= jour


@dataclass
class Chiffres:
    envoyes: Counter = field(default_factory=Counter)
    attendus: Counter = field(default_factory=Counter)
    digests: Counter = field(default_factory=Counter)
    digests_attendus: Counter = field(default_factory=Counter)
    emploi_nouvelles: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)
    pages_lues: Counter = field(default_factory=Counter)
    erreurs: list = field(default_factory=list)


class Simulation:
    def __init__(self, structures=450, jours=180, graine=19, fin_max=180, pages=(1, 15)):
        """``pages``: the public pages are read every ``pages[0]`` days, all the listing's
        pages, the sitemap and the search every ``pages[1]`` days (and on the last day)."""
        self.nb_structures, self.jours, self.fin_max = structures, jours, fin_max
        self.pages_tous_les, self.complet_tous_les = pages
        self.rng = random.Random(graine)
        self.par_jour = max(2.0, structures / 60)
        self.suivis, self.par_mot, self.a_cliquer = {}, {}, defaultdict(list)
        self.chiffres = Chiffres()
        self.client = Client()
        self.debut = timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0)
        self.maintenant = self.debut

    def horloge(self):
        return self.maintenant

    def erreur(self, texte):
        self.chiffres.erreurs.append(f"jour {self.jour}: {texte}")

    def preparer(self):
        build_site_tree()
        self.domaines = {d.slug: d for d in Domaine.objects.filter(slug__in=DOMAINES)}
        UserFactory(email="moderation@simulation.example", groups=["Modérateurs"])
        for code in ANIMES:
            user = UserFactory(email=f"anim{code}@simulation.example", groups=["Animateurs"])
            AnimateurDepartement.objects.create(user=user, departement=code)
        self.structures = []
        for n in range(self.nb_structures):
            membre = UserFactory(email=f"membre{n}@simulation.example")
            structure = StructureFactory(membres=[membre], departement=DEPARTEMENTS[n % 6])
            self.structures.append((structure, membre))
        self.alertes = {}
        for nom, criteres in (("tout", {}), ("demandes", {"sens": ["demande"]})):
            alerte, _created = alertes.creer(
                "bourse", criteres, nom, f"{nom}@simulation.example", Frequence.QUOTIDIENNE, "fr"
            )
            alertes.confirmer(alerte)
            self.alertes[alerte.email] = nom

    def lancer(self):
        with mock.patch("django.utils.timezone.now", self.horloge):
            self.maintenant = self.debut - datetime.timedelta(hours=1)  # alerts made before
            self.preparer()
            self.dernier_email = Email.objects.order_by("-pk").values_list("pk", flat=True).first()
            for jour in range(self.jours):
                self.jour = jour
                self.un_jour()
        return self.chiffres

    def un_jour(self):
        self.maintenant = self.debut + datetime.timedelta(days=self.jour)
        aujourdhui = timezone.localdate()
        self.publier(aujourdhui)
        self.vivre(aujourdhui)
        for action, lien, pk in self.a_cliquer.pop(aujourdhui, []):
            self.cliquer(action, lien, pk, aujourdhui)
        sortie = open("/dev/null", "w")  # noqa: SIM115
        call_command("expirer_annonces", stdout=sortie)
        call_command("cycle_annonces", stdout=sortie)
        call_command("envoyer_alertes", "--frequence", "quotidienne", stdout=sortie)
        for suivi in self.suivis.values():
            if suivi.etat == "publiee" and suivi.fin < aujourdhui:
                suivi.etat = "expiree"
        self.attendre(aujourdhui)
        self.lire_les_emails(aujourdhui)
        for action, lien, pk in self.a_cliquer.pop(aujourdhui, []):
            self.cliquer(action, lien, pk, aujourdhui)
        dernier = self.jour == self.jours - 1
        complet = self.jour % self.complet_tous_les == 0 or dernier
        if complet or self.jour % self.pages_tous_les == 0:
            self.verifier_les_pages(aujourdhui, complet)

    def publier(self, aujourdhui):
        nombre = int(self.par_jour) + (self.rng.random() < self.par_jour % 1)
        for _n in range(nombre):
            structure, membre = self.rng.choice(self.structures)
            n = len(self.suivis)
            nature = self.rng.choice(NATURES)
            sens = (
                "demande" if nature == "emploi-partage" else self.rng.choice(["offre", "demande"])
            )
            fin = min(
                aujourdhui + datetime.timedelta(days=self.rng.randint(7, self.fin_max)),
                dates.fin_maximum(aujourdhui),
            )
            suivi = Suivi(0, mot(n), sens, nature, self.rng.choice(DEPARTEMENTS),
                          self.rng.choice(DOMAINES), aujourdhui, fin)  # fmt: skip
            annonce = Annonce.objects.create(
                sens=sens, nature=nature, titre=f"{suivi.mot} {nature}", structure=structure,
                description=f"Annonce simulée {suivi.mot}.", auteur=membre, fin=fin,
                etat="publiee", published_at=self.maintenant, relue_le=self.maintenant,
            )  # fmt: skip
            AnnonceDepartement.objects.create(annonce=annonce, departement=suivi.departement)
            annonce.domaines.set([self.domaines[suivi.domaine]])
            suivi.pk = annonce.pk
            self.suivis[annonce.pk] = suivi
            self.par_mot[suivi.mot] = suivi

    def vivre(self, aujourdhui):
        """Answers (a conversation) and fulfilments by a member, at random."""
        for suivi in list(self.suivis.values()):
            if not suivi.publique(aujourdhui):
                continue
            if not suivi.conversation and self.rng.random() < 0.04:
                structure, _membre = self.rng.choice(self.structures)
                Conversation.objects.create(annonce_id=suivi.pk, structure=structure)
                suivi.conversation = True
            elif self.rng.random() < 0.005:
                services.fermer(Annonce.objects.get(pk=suivi.pk), "pourvue")
                suivi.etat = "pourvue"
                self.chiffres.actions["pourvue par un membre"] += 1

    def attendre(self, jour):
        """What the rules of the issue say today's run must have sent."""
        attendus = self.chiffres.attendus
        for s in self.suivis.values():
            if (
                s.publique(jour)
                and s.fin - datetime.timedelta(days=7) == jour
                and (s.publiee <= jour)
            ):
                attendus[(s.pk, "avant-fin", s.fin)] += 1
            if s.publique(jour) and s.fin == jour:
                attendus[(s.pk, "fin", s.fin)] += 1
            silence = (jour - s.publiee).days
            if s.sens == "demande" and s.publique(jour) and not s.conversation:
                if silence == 5:
                    for nom in ("tout", "demandes"):
                        self.chiffres.digests_attendus[(nom, "relance", s.pk)] += 1
                if silence == 10:
                    attendus[(s.pk, "escalade", None)] += 1
            if s.publiee == jour and s.publique(jour):  # not closed the day it came out
                self.chiffres.digests_attendus[("tout", "nouvelle", s.pk)] += 1
                if s.sens == "demande":
                    self.chiffres.digests_attendus[("demandes", "nouvelle", s.pk)] += 1

    def lire_les_emails(self, jour):
        nouveaux = Email.objects.order_by("pk")
        if self.dernier_email:
            nouveaux = nouveaux.filter(pk__gt=self.dernier_email)
        for email in nouveaux:
            self.dernier_email = email.pk
            self.lire_un_email(email, jour)
        self.verifier_les_groupes(jour)

    def lire_un_email(self, email, jour):
        sujet, corps = email.subject, email.body
        destinataires = email.to + email.bcc
        if not destinataires:
            self.erreur(f"e-mail sans destinataire : {sujet}")
        trouve = re.search(r"Simu[a-z]+", sujet)
        suivi = self.par_mot.get(trouve.group(0)) if trouve else None
        if "se termine" in sujet and suivi:
            etape = "fin" if "aujourd'hui" in sujet else "avant-fin"
            self.chiffres.envoyes[(suivi.pk, etape, suivi.fin)] += 1
            self.reagir(suivi, corps, jour)
        elif "sans réponse depuis 10 jours" in sujet and suivi:
            self.chiffres.envoyes[(suivi.pk, "escalade", None)] += 1
        elif "emploi partagé" in sujet:
            for ligne in corps.splitlines():
                trouve = re.search(r"Simu[a-z]+", ligne)
                if trouve and "[nouvelle]" in ligne:
                    self.chiffres.emploi_nouvelles[self.par_mot[trouve.group(0)].pk] += 1
        elif email.to and email.to[0] in self.alertes:
            self.lire_un_digest(self.alertes[email.to[0]], corps, jour)

    def lire_un_digest(self, nom, corps, jour):
        nouvelles, _sep, relances = corps.partition("Toujours sans réponse :")
        for partie, genre in ((nouvelles, "nouvelle"), (relances, "relance")):
            for pk in map(int, ANNONCE.findall(partie)):
                self.chiffres.digests[(nom, genre, pk)] += 1
                if not self.suivis[pk].publique(jour):
                    self.erreur(f"annonce {pk} non publique dans un digest")

    def reagir(self, suivi, corps, jour):
        liens = {action: chemin for chemin, action in LIEN.findall(corps)}
        tirage, cumul = self.rng.random(), 0.0
        for part, action, plus_tard in CHOIX:
            cumul += part
            if tirage < cumul:
                # Today's clicks wait until every e-mail of the run is read (the digests
                # were sent before anybody clicked).
                quand = jour + datetime.timedelta(days=plus_tard)
                self.a_cliquer[quand].append((action, liens[action], suivi.pk))
                return
        self.chiffres.actions["rappel laissé sans réponse"] += 1

    def cliquer(self, action, lien, pk, jour):
        suivi = self.suivis[pk]
        if self.client.get(lien).status_code not in (200, 410):
            self.erreur(f"GET {lien}")
        reponse = self.client.post(lien)
        if reponse.status_code == 410:
            self.chiffres.actions[f"{action} : lien périmé (410)"] += 1
            return
        if reponse.status_code != 200:
            self.erreur(f"POST {lien}: {reponse.status_code}")
            return
        self.chiffres.actions[action] += 1
        if action == "renouveler":
            suivi.fin, suivi.etat = dates.fin_par_defaut(suivi.sens, jour), "publiee"
            if Annonce.objects.get(pk=pk).fin != suivi.fin:
                self.erreur(f"renouvelée à une autre date que la durée par défaut : {pk}")
            if suivi.fin > dates.plus_mois(jour, 6):
                self.erreur(f"renouvelée au-delà de 6 mois : {pk}")
        elif suivi.etat == "publiee":
            suivi.etat = "pourvue" if action == "pourvue" else "retiree"
        if self.client.post(lien).status_code != 410:  # the same link again: used
            self.erreur(f"lien réutilisable : {lien}")

    def verifier_les_groupes(self, jour):
        """Every shared-job demande in a group of ≥ 3 public ones is flagged by now, once."""
        groupes = defaultdict(list)
        for s in self.suivis.values():
            if s.nature == "emploi-partage" and s.publique(jour):
                groupes[(s.departement, s.domaine)].append(s.pk)
        for membres in groupes.values():
            if len(membres) >= 3:
                for pk in membres:
                    if self.chiffres.emploi_nouvelles[pk] != 1:
                        self.erreur(f"emploi partagé {pk} signalé "
                                    f"{self.chiffres.emploi_nouvelles[pk]} fois")  # fmt: skip

    def verifier_les_pages(self, jour, complet):
        ouvertes = {pk for pk, s in self.suivis.items() if s.publique(jour)}
        vues = set()
        page = 1
        while True:
            reponse = self.client.get(f"/fr/bourse/?page={page}")
            self.chiffres.pages_lues["liste"] += 1
            vues |= {int(pk) for pk in ANNONCE.findall(reponse.text)}
            if not complet or f"page={page + 1}" not in reponse.text:
                break
            page += 1
        self.verifier("liste", vues, ouvertes, exact=complet)
        flux = self.client.get("/fr/bourse/flux/").text
        self.verifier("flux", {int(pk) for pk in ANNONCE.findall(flux)}, ouvertes)
        self.chiffres.pages_lues["flux"] += 1
        if complet:
            self.verifier_plan_et_recherche(jour, ouvertes)

    def verifier_plan_et_recherche(self, jour, ouvertes):
        plan = self.client.get("/sitemap.xml").text
        self.verifier("plan du site", {int(pk) for pk in ANNONCE.findall(plan)}, ouvertes)
        fermees = [s for s in self.suivis.values() if not s.publique(jour)]
        for suivi in self.rng.sample(fermees, min(10, len(fermees))):
            reponse = self.client.get(f"/fr/recherche/?q={suivi.mot}")
            self.chiffres.pages_lues["recherche"] += 1
            if f"/fr/bourse/{suivi.pk}/" in reponse.text:
                self.erreur(f"annonce close {suivi.pk} dans la recherche")

    def verifier(self, ou, vues, ouvertes, exact=False):
        if vues - ouvertes:
            self.erreur(f"{ou} : annonces non publiques {sorted(vues - ouvertes)[:5]}")
        if exact and vues != ouvertes:
            self.erreur(f"{ou} : il manque {sorted(ouvertes - vues)[:5]}")


def bilan(chiffres):
    """The figures and what does not hold (an empty ``erreurs`` means all held)."""
    erreurs = list(chiffres.erreurs)
    if chiffres.envoyes != chiffres.attendus:
        manquants = chiffres.attendus - chiffres.envoyes
        en_trop = chiffres.envoyes - chiffres.attendus
        erreurs.append(f"e-mails manquants {list(manquants)[:5]}, en trop {list(en_trop)[:5]}")
    if chiffres.digests != chiffres.digests_attendus:
        manquants = chiffres.digests_attendus - chiffres.digests
        en_trop = chiffres.digests - chiffres.digests_attendus
        erreurs.append(f"digests : manquants {list(manquants)[:5]}, en trop {list(en_trop)[:5]}")
    par_genre = Counter(
        genre for (_pk, genre, _fin), n in chiffres.envoyes.items() for _ in range(n)
    )
    digests = Counter(
        (nom, genre) for (nom, genre, _pk), n in chiffres.digests.items() for _ in range(n)
    )
    return {
        "e-mails par étape": dict(par_genre),
        "digests": {f"{nom}/{genre}": n for (nom, genre), n in sorted(digests.items())},
        "emplois partagés signalés": sum(chiffres.emploi_nouvelles.values()),
        "actions": dict(chiffres.actions),
        "pages lues": dict(chiffres.pages_lues),
        "erreurs": erreurs,
    }
