"""French text and facets for the search benchmark, sampled from the demo content.

The sentences are those of the demo guides, modèles, fiches and workshops, as their search
entries hold them (already flattened to text). They are drawn with a Zipf law over a shuffled
order, so a few sentences are in many items and most in few: a common word (« association »)
ends up in a large share of the items, a rarer one (« mécénat ») in a small share. Titles
combine verbs and objects assembled from the demo's vocabulary with the demo titles.
"""

import re
from bisect import bisect
from collections import Counter
from datetime import timedelta
from itertools import accumulate

from search.analysis import STOPWORDS, WORD, fold

SENTENCE = re.compile(r"(?<=[.!?…:])\s+(?=[A-ZÀ-ÖØ-Þ«(0-9])")
MARKUP = re.compile(r"\*\*|__|https?://\S+|(?:^|\s)- ")
ZIPF_SENTENCES = 0.9
ZIPF_TITLES = 0.8

VERBES = [
    "Créer", "Organiser", "Financer", "Embaucher", "Accueillir", "Animer", "Mutualiser",
    "Déclarer", "Gérer", "Préparer", "Réussir", "Lancer", "Mesurer", "Recruter", "Former",
    "Sécuriser", "Évaluer", "Piloter", "Rédiger", "Choisir", "Développer", "Fidéliser",
    "Comprendre", "Transmettre", "Structurer",
]  # fmt: skip
OBJETS = [
    "son association", "une association loi 1901", "son assemblée générale",
    "ses bénévoles", "son premier salarié", "un dossier de subvention", "ses statuts",
    "le conseil d'administration", "une campagne de crowdfunding", "le mécénat d'entreprise",
    "sa comptabilité", "un budget prévisionnel", "un groupement d'employeurs",
    "un projet d'alimentation durable", "une ressourcerie", "son utilité sociale",
    "un tiers-lieu", "une coopérative (SCIC)", "le règlement intérieur", "ses adhérents",
    "un partenariat avec la mairie", "les reçus fiscaux", "un chantier d'insertion",
    "sa communication", "la mise en conformité RGPD", "un contrat de travail",
    "la trésorerie", "un service civique", "une épicerie solidaire", "les dons en ligne",
]  # fmt: skip
QUALIFICATIFS = [
    "", "", "", " pas à pas", " en pratique", " : l'essentiel", " dans une petite structure",
    " en milieu rural", " : retour d'expérience", " avec peu de moyens", " sans se tromper",
    " : les questions fréquentes", " en dix étapes", " quand on débute",
]  # fmt: skip
STRUCTURES = [
    "Association", "Recyclerie", "Épicerie solidaire", "Tiers-lieu", "Coopérative",
    "Jardins partagés", "Ressourcerie", "Centre social", "Régie de quartier", "Atelier vélo",
]  # fmt: skip
LIEUX = [
    "des Pentes", "du Val", "de la Vallée", "Bellevue", "du Centre", "des Coteaux",
    "du Port", "de la Gare", "des Quatre-Vents", "du Pays d'Aubrac", "de l'Estuaire",
    "des Tilleuls", "du Marais", "de la Plaine", "des Remparts",
]  # fmt: skip


def clean(text):
    return " ".join(MARKUP.sub(" ", text or "").split())


class Sampler:
    """Draws from ``items`` with a Zipf law of exponent ``s`` over their order."""

    def __init__(self, items, rng, s):
        self.items, self.rng = list(items), rng
        self.cumulative = list(accumulate(1 / rank**s for rank in range(1, len(self.items) + 1)))

    def __call__(self):
        return self.items[bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]


class Corpus:
    """Titles, summaries and texts of 150 to 300 words, from ``entries``:
    ``(title, chapo, texte)`` of the demo's French search entries."""

    def __init__(self, entries, rng):
        self.rng = rng
        sentences, chapos = set(), set()
        for _title, chapo, texte in entries:
            for sentence in SENTENCE.split(clean(texte)):
                if 6 <= len(sentence.split()) <= 45:
                    sentences.add(sentence)
            chapos.update(s for s in SENTENCE.split(clean(chapo)) if len(s.split()) >= 5)
        sentences, chapos = sorted(sentences), sorted(chapos)
        rng.shuffle(sentences)
        rng.shuffle(chapos)
        self.sentence = Sampler(sentences, rng, ZIPF_SENTENCES)
        self.chapo_sentence = Sampler(chapos, rng, ZIPF_SENTENCES)
        titles = sorted({title for title, _chapo, _texte in entries})
        rng.shuffle(titles)
        self.demo_title = Sampler(titles, rng, ZIPF_TITLES)
        self.objet = Sampler(OBJETS, rng, ZIPF_TITLES)
        self.sentence_count, self.chapo_count = len(sentences), len(chapos)
        self.vocabulary = Counter(
            fold(word)
            for sentence in sentences
            for word in WORD.findall(sentence)
            if len(word) > 2 and not word.isdigit() and fold(word) not in STOPWORDS
        )

    def title(self):
        rng = self.rng
        demo = rng.random() < 0.35
        base = self.demo_title() if demo else f"{rng.choice(VERBES)} {self.objet()}"
        return (base + rng.choice(QUALIFICATIFS))[:250]

    def chapo(self):
        count = 1 if self.rng.random() < 0.6 else 2
        return " ".join(self.chapo_sentence() for _ in range(count))

    def texte(self):
        target = self.rng.randint(150, 300)
        parts, length = [], 0
        while length < target:
            sentence = self.sentence()
            parts.append(sentence)
            length += len(sentence.split())
        return " ".join(parts)

    def structure(self):
        return f"{self.rng.choice(STRUCTURES)} {self.rng.choice(LIEUX)}"


def publication_dates(rng, now, years=3):
    """First and last publication, spread over ``years``; a third were updated later."""
    first = now - timedelta(seconds=rng.randrange(int(years * 365.25 * 86400)))
    last = first
    if rng.random() < 0.33:
        last = min(now, first + timedelta(days=rng.randint(1, 300)))
    return first, last


def workshop_dates(rng, now, upcoming):
    """Start and end of a workshop: within six months ahead, or within the past three years."""
    if upcoming:
        start = now + timedelta(hours=rng.randint(2, 180 * 24))
    else:
        start = now - timedelta(hours=rng.randint(2, 3 * 365 * 24))
    start = start.replace(minute=0, second=0, microsecond=0)
    return start, start + timedelta(minutes=rng.choice((60, 90, 120, 180)))


def weighted(rng, population, count, s=0.7):
    """``count`` distinct items, the first ones of ``population`` more often."""
    weights = [1 / rank**s for rank in range(1, len(population) + 1)]
    chosen = []
    while len(chosen) < count:
        item = rng.choices(population, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen
