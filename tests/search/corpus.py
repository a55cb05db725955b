"""The one small site the search tests search: each kind of page, what must never be found
(a draft, a private page, a past and a cancelled workshop), a page translated into English,
and enough budgets to fill more than one page of results.

Pages are placed in time by ``age_hours`` (the smaller, the more recent): no two share one,
so that sorting by date never depends on how a database orders equal timestamps."""

from dataclasses import dataclass

from wagtail.models import PageViewRestriction

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from search import indexation
from tests.evenements.helpers import atelier, in_days
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    StructureFactory,
    build_site_tree,
    domaine,
    public,
    stream,
    translate,
)

BUDGETS = 12  # more than a page of results (search.moteur.PER_PAGE)

GUIDES = [
    {
        "slug": "statuts",
        "title": "Rédiger les statuts d'une association",
        "chapo": "Objet, siège, gouvernance : ce que les statuts doivent prévoir.",
        "domaines": ["juridique-statuts", "gouvernance-vie-associative"],
        "publics": ["dirigeants-benevoles"],
        "age_hours": 1,
    },
    {
        "slug": "premier-salarie",
        "title": "Embaucher son premier salarié",
        "chapo": "Le recrutement pas à pas : fiche de poste, contrat, déclaration.",
        "body": "<p>Les ressources humaines d'une petite structure.</p>",
        "domaines": ["ressources-humaines"],
        "publics": ["dirigeants-benevoles"],
        "age_hours": 2,
    },
    {
        "slug": "benevoles",
        "title": "Accueillir des bénévoles",
        "chapo": "Les premières semaines d'un bénévole.",
        "body": "<p>Prévoir une convention d'engagement.</p>",
        "domaines": ["ressources-humaines"],
        "age_hours": 3,
    },
    {
        "slug": "assemblee-generale",
        "title": "Préparer son assemblée générale",
        "chapo": "Convocation, quorum, procès-verbal.",
        "domaines": ["gouvernance-vie-associative"],
        "age_hours": 4,
    },
    {
        "slug": "brouillon",
        "title": "Statuts : brouillon jamais publié",
        "chapo": "Ne doit pas être trouvé.",
        "live": False,
        "age_hours": 6,
    },
    {
        "slug": "prive",
        "title": "Statuts réservés aux administrateurs",
        "chapo": "Page privée.",
        "age_hours": 7,
    },
    {
        "slug": "comptes-annuels",
        "title": "Les comptes annuels",
        "chapo": "Bilan, compte de résultat, annexe.",
        "body": "<p>Et un mot sur la trésorerie de fin d'année.</p>",
        "domaines": ["gestion-comptabilite-fiscalite"],
        "age_hours": 9,
    },
    {  # a budget outside financement; not in « Communication », which PostgreSQL stems as
        # « commune », a synonym of « mairie »
        "slug": "budget-fete",
        "title": "Budget de la fête de quartier",
        "domaines": ["gestion-comptabilite-fiscalite"],
        "age_hours": 50,
    },
    *(
        {
            "slug": f"budget-{number}",
            "title": f"Budget prévisionnel, cas numéro {number}",
            "domaines": ["financement-modele-economique"],
            "age_hours": 99 + number,
        }
        for number in range(1, BUDGETS + 1)
    ),
    {
        "slug": "plan-tresorerie",
        "title": "Trésorerie : le plan de trésorerie",
        "chapo": "La trésorerie mois par mois, pour voir venir.",
        "domaines": ["gestion-comptabilite-fiscalite"],
        "age_hours": 400,
    },
]
MODELES = [
    {
        "slug": "dossier-financement",
        "title": "Dossier de demande de financement public",
        "chapo": "Le dossier Cerfa commenté, pour la mairie ou le département.",
        "domaines": ["financement-modele-economique"],
        "age_hours": 5,
    },
]
FICHES = [  # both by La Ressourcerie du Rhône, in the Rhône (69)
    {
        "slug": "fiche-recrutement",
        "title": "Notre premier recrutement en CDI",
        "chapo": "Comment nous avons recruté notre coordinatrice.",
        "domaines": ["ressources-humaines"],
        "age_hours": 8,
    },
    {
        "slug": "fiche-statuts",
        "title": "Nos statuts réécrits en un week-end",
        "chapo": "Ce que nous avons changé dans nos statuts.",
        "situation": "Un club sportif qui ouvrait une section culturelle.",
        "etapes": "- Relire les statuts article par article\n- Les faire voter par les adhérents",
        "domaines": ["juridique-statuts"],
        "age_hours": 10,
    },
]
PRIVATE = {"prive"}  # visible after logging in only


def ateliers():
    """The workshops, in ressources-humaines as ``atelier`` makes them; dated when the
    corpus is built, from that day."""
    return [
        {
            "slug": "atelier-statuts",
            "title": "Atelier statuts : questions-réponses",
            "debut": in_days(5, hour=14),
        },
        {"slug": "atelier-passe", "title": "Atelier statuts passé", "debut": in_days(-10)},
        {
            "slug": "atelier-annule",
            "title": "Atelier statuts annulé",
            "debut": in_days(5),
            "annule": True,
            "motif_annulation": "Animatrice absente.",
        },
    ]


@dataclass
class Corpus:
    home: object
    index: object
    fiches: object
    agenda: object
    pages: dict  # slug → page, French ones and « writing-articles »


def classified(values):
    """Factory arguments from a page of the lists above."""
    values = dict(values)
    values["domaines"] = [domaine(slug) for slug in values.get("domaines", ["juridique-statuts"])]
    values["publics"] = [public(slug) for slug in values.get("publics", [])]
    if "body" in values:
        values["body"] = stream(("paragraphe", values["body"]))
    return values


def build():
    """The site, and its search entries indexed by the public search's engine."""
    home, index = build_site_tree()
    fiches, agenda = get_or_create_fiche_index(home), get_or_create_agenda(home)
    structure = StructureFactory(nom="La Ressourcerie du Rhône", departement="69")
    pages = {}
    for values in GUIDES:
        pages[values["slug"]] = GuidePageFactory(parent=index, **classified(values))
    for values in MODELES:
        pages[values["slug"]] = ModelePageFactory(
            parent=index, with_file=False, **classified(values)
        )
    for values in FICHES:
        pages[values["slug"]] = FichePageFactory(
            parent=fiches, structure=structure, **classified(values)
        )
    for values in ateliers():
        pages[values["slug"]] = atelier(agenda, **values)
    for slug in PRIVATE:
        PageViewRestriction.objects.create(page=pages[slug], restriction_type="login")
    translate(home)
    translate(index)
    pages["writing-articles"] = translate(
        pages["statuts"], title="Writing articles of association", slug="writing-articles"
    )
    indexation.synchroniser_tout()
    return Corpus(home, index, fiches, agenda, pages)
