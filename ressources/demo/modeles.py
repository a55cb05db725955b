"""Demo modèles (French): the page (chapô, usage, how to adapt it) and the text of the files
to download, as a Gabarit rendered in each of ``formats``. Placeholders are in brackets:
« [Nom de l'association] »."""

from datetime import date

from .blocs import attention, checklist, conseil, etapes, exemple, faq, html, intertitre, paragraphe
from .documents import Gabarit, Tableau

A_COMPLETER = "[à compléter]"


STATUTS = {
    "slug": "statuts-association-loi-1901",
    "title": "Statuts d'association loi 1901",
    "chapo": (
        "Des statuts courts et complets pour une association déclarée, avec assemblée "
        "générale, conseil d'administration et bureau. À adapter à votre projet avant "
        "l'assemblée constitutive."
    ),
    "domaines": ["juridique-statuts", "gouvernance-vie-associative"],
    "publics": ["dirigeants-benevoles", "accompagnateurs"],
    "niveau": "debutant",
    "version_date": date(2025, 3, 12),
    "formats": ["docx", "odt", "pdf"],
    "usage": html(
        "Ce modèle sert à rédiger les statuts d'une association loi 1901 qui va être "
        "déclarée en préfecture. Il contient les mentions obligatoires (nom, objet, siège) et "
        "les règles de fonctionnement dont une petite association a besoin : membres, "
        "cotisation, assemblée générale, conseil d'administration, ressources, dissolution.",
        "Il ne convient pas tel quel aux associations d'Alsace-Moselle (droit local), aux "
        "associations qui veulent une gouvernance collégiale sans président, ni à celles qui "
        "demandent une reconnaissance d'utilité publique.",
    ),
    "adaptation": [
        intertitre("Les passages à adapter en priorité"),
        etapes(
            (
                "L'objet (article 2)",
                "Décrivez le but puis les moyens d'action. Évitez les formules trop vagues.",
            ),
            (
                "Les catégories de membres (article 5)",
                "Gardez seulement celles dont vous avez "
                "besoin : une seule catégorie suffit souvent.",
            ),
            (
                "La composition du conseil (article 11)",
                "Nombre de membres, durée des mandats, renouvellement par tiers ou en une fois.",
            ),
            (
                "Les délais et le quorum des assemblées (articles 9 et 10)",
                "Choisissez des règles que vous pourrez tenir chaque année.",
            ),
        ),
        conseil(
            "Gouvernance collégiale",
            "Si vous ne voulez ni président ni bureau, remplacez les articles 11 et 12 par un "
            "conseil collégial dont tous les membres ont les mêmes pouvoirs, et désignez "
            "au moins une personne pour représenter l'association en justice et auprès de la "
            "banque.",
        ),
        attention(
            "Les mentions à ne pas supprimer",
            "Le nom, l'objet et l'adresse du siège sont obligatoires. Gardez aussi les règles "
            "de modification des statuts et de dissolution : sans elles, le moindre "
            "changement devient source de conflit.",
        ),
        faq(
            (
                "Faut-il un règlement intérieur ?",
                "Non, mais il permet de garder des statuts "
                "courts et de préciser les détails pratiques, plus faciles à modifier.",
            ),
            (
                "Qui signe les statuts ?",
                "Au moins deux des personnes chargées de "
                "l'administration, en général le président et le trésorier ou le secrétaire.",
            ),
        ),
    ],
    "gabarit": Gabarit(
        titre="Statuts de l'association « [Nom de l'association] »",
        sous_titre="Association régie par la loi du 1er juillet 1901 et le décret du 16 août 1901",
        sections=[
            (
                "Article 1 – Nom",
                [
                    "Il est fondé entre les adhérents aux présents statuts une association régie "
                    "par la loi du 1er juillet 1901 et le décret du 16 août 1901, ayant pour "
                    "nom : « [Nom de l'association] ».",
                ],
            ),
            (
                "Article 2 – Objet",
                [
                    "Cette association a pour objet de [décrire le but de l'association].",
                    "Pour y parvenir, elle peut notamment : [moyen d'action 1], [moyen d'action "
                    "2], et mener toute action concourant à cet objet.",
                ],
            ),
            (
                "Article 3 – Siège social",
                [
                    "Le siège social est fixé au [adresse complète]. Il peut être transféré sur "
                    "simple décision du conseil d'administration, ratifiée par l'assemblée "
                    "générale suivante.",
                ],
            ),
            ("Article 4 – Durée", ["La durée de l'association est illimitée."]),
            (
                "Article 5 – Membres",
                [
                    "L'association se compose de membres actifs, qui participent à ses activités "
                    "et versent une cotisation annuelle dont le montant est fixé par l'assemblée "
                    "générale, et de [membres d'honneur, dispensés de cotisation, désignés par "
                    "le conseil d'administration pour les services rendus].",
                ],
            ),
            (
                "Article 6 – Adhésion",
                [
                    "Toute personne qui souhaite adhérer en fait la demande et s'engage à "
                    "respecter les présents statuts et le règlement intérieur. [Le conseil "
                    "d'administration statue sur les demandes d'adhésion ; en cas de refus, il "
                    "n'a pas à motiver sa décision.]",
                ],
            ),
            (
                "Article 7 – Perte de la qualité de membre",
                [
                    "La qualité de membre se perd par :",
                    [
                        "la démission adressée par écrit au président ;",
                        "le décès ;",
                        "le non-paiement de la cotisation [x] mois après son échéance ;",
                        "la radiation prononcée par le conseil d'administration pour motif grave, "
                        "l'intéressé ayant été invité à présenter ses explications.",
                    ],
                ],
            ),
            (
                "Article 8 – Ressources",
                [
                    "Les ressources de l'association comprennent les cotisations, les "
                    "subventions publiques, les dons manuels, le produit de ses activités et "
                    "toute autre ressource autorisée par la loi.",
                ],
            ),
            (
                "Article 9 – Assemblée générale ordinaire",
                [
                    "L'assemblée générale ordinaire comprend tous les membres à jour de leur "
                    "cotisation. Elle se réunit au moins une fois par an, sur convocation du "
                    "président adressée [quinze] jours au moins avant la date fixée, par courrier "
                    "ou par courrier électronique, avec l'ordre du jour.",
                    "Elle entend les rapports sur la gestion du conseil d'administration et sur "
                    "la situation financière, approuve les comptes de l'exercice clos, vote le "
                    "budget, fixe le montant de la cotisation et élit les membres du conseil "
                    "d'administration.",
                    "Les décisions sont prises à la majorité des voix des membres présents ou "
                    "représentés. Chaque membre peut détenir [un] pouvoir au plus.",
                ],
            ),
            (
                "Article 10 – Assemblée générale extraordinaire",
                [
                    "Sur demande du conseil d'administration ou de [la moitié] des membres, le "
                    "président convoque une assemblée générale extraordinaire pour modifier les "
                    "statuts ou dissoudre l'association. Elle ne délibère valablement que si "
                    "[le quart] des membres sont présents ou représentés ; à défaut, une seconde "
                    "assemblée est convoquée et délibère quel que soit le nombre de présents. "
                    "Les décisions sont prises à la majorité des [deux tiers] des voix.",
                ],
            ),
            (
                "Article 11 – Conseil d'administration",
                [
                    "L'association est administrée par un conseil de [3 à 9] membres élus pour "
                    "[deux] ans par l'assemblée générale et rééligibles. Le conseil se réunit au "
                    "moins [trois] fois par an sur convocation du président ou à la demande du "
                    "quart de ses membres. Les décisions sont prises à la majorité des voix ; en "
                    "cas de partage, la voix du président est prépondérante.",
                    "Les salariés de l'association ne peuvent pas représenter plus du quart des "
                    "membres du conseil.",
                ],
            ),
            (
                "Article 12 – Bureau",
                [
                    "Le conseil d'administration élit parmi ses membres un bureau composé d'un "
                    "président, d'un trésorier et d'un secrétaire [et, si besoin, de leurs "
                    "adjoints]. Le président représente l'association dans tous les actes de la "
                    "vie civile et en justice. Il peut déléguer ses pouvoirs par écrit.",
                ],
            ),
            (
                "Article 13 – Gratuité des fonctions",
                [
                    "Les fonctions de membre du conseil d'administration et du bureau sont "
                    "bénévoles. Les frais engagés pour l'association sont remboursés sur "
                    "justificatifs.",
                ],
            ),
            (
                "Article 14 – Règlement intérieur",
                [
                    "Un règlement intérieur peut être établi par le conseil d'administration et "
                    "approuvé par l'assemblée générale. Il précise les points non prévus par les "
                    "statuts.",
                ],
            ),
            (
                "Article 15 – Dissolution",
                [
                    "En cas de dissolution, l'assemblée générale extraordinaire désigne un ou "
                    "plusieurs liquidateurs. L'actif net est attribué à une ou plusieurs "
                    "associations poursuivant un but similaire, conformément à l'article 9 de la "
                    "loi du 1er juillet 1901.",
                ],
            ),
            (
                "",
                [
                    "Statuts adoptés par l'assemblée générale constitutive du [date], à [lieu].",
                    "Le président : [nom, signature]          Le trésorier : [nom, signature]",
                ],
            ),
        ],
    ),
}


REGLEMENT_INTERIEUR = {
    "slug": "reglement-interieur",
    "title": "Règlement intérieur d'association",
    "chapo": (
        "Le complément pratique des statuts : adhésion, cotisation, réunions, remboursement "
        "des frais, usage des locaux et du matériel. Plus facile à modifier que les statuts."
    ),
    "domaines": ["gouvernance-vie-associative", "juridique-statuts"],
    "publics": ["dirigeants-benevoles", "benevoles"],
    "niveau": "debutant",
    "version_date": date(2025, 2, 4),
    "formats": ["docx", "odt"],
    "usage": html(
        "Le règlement intérieur précise ce que les statuts ne disent pas : comment on adhère, "
        "comment se déroulent les réunions, comment sont remboursés les frais, comment "
        "utiliser les locaux. Il s'impose à tous les membres une fois approuvé selon la "
        "procédure prévue par les statuts.",
        "Il ne peut pas contredire les statuts : en cas de conflit, ce sont les statuts qui "
        "s'appliquent.",
    ),
    "adaptation": [
        paragraphe(
            "Supprimez les articles dont vous n'avez pas besoin et ajoutez ceux qui "
            "correspondent à vos activités (sécurité d'une activité sportive, accueil de "
            "mineurs, prêt de matériel).",
        ),
        checklist(
            "À vérifier avant l'approbation",
            "Aucune règle ne contredit les statuts",
            "Le montant au-delà duquel une dépense est validée à deux est fixé",
            "Le barème de remboursement des frais est à jour",
            "La procédure d'approbation suit les statuts",
        ),
        conseil(
            "Le faire vivre",
            "Relisez le règlement intérieur chaque année avant l'assemblée générale et "
            "remettez-le à chaque nouvel adhérent avec la charte du bénévole.",
        ),
    ],
    "gabarit": Gabarit(
        titre="Règlement intérieur de l'association « [Nom de l'association] »",
        sous_titre="Approuvé par [l'assemblée générale / le conseil d'administration] le [date]",
        sections=[
            (
                "Article 1 – Objet du règlement",
                [
                    "Le présent règlement complète les statuts de l'association. Il s'applique à "
                    "tous les membres. En cas de contradiction, les statuts prévalent.",
                ],
            ),
            (
                "Article 2 – Adhésion et cotisation",
                [
                    "L'adhésion se fait au moyen du bulletin d'adhésion, accompagné de la "
                    "cotisation annuelle. Le montant de la cotisation, fixé par l'assemblée "
                    "générale, est de [montant] € pour l'année [année] [tarif réduit : montant].",
                    "La cotisation est valable du [date] au [date] et n'est pas remboursable.",
                ],
            ),
            (
                "Article 3 – Réunions du conseil d'administration",
                [
                    "Le conseil est convoqué par courrier électronique [sept] jours au moins "
                    "avant la réunion. Les membres peuvent participer par visioconférence. Un "
                    "compte rendu est adressé aux membres du conseil dans les [quinze] jours.",
                ],
            ),
            (
                "Article 4 – Engagement des dépenses",
                [
                    "Le président et le trésorier engagent les dépenses prévues au budget. Toute "
                    "dépense supérieure à [montant] € est validée par deux membres du bureau. "
                    "Toute dépense non prévue au budget et supérieure à [montant] € est soumise "
                    "au conseil d'administration.",
                ],
            ),
            (
                "Article 5 – Remboursement des frais",
                [
                    "Les frais engagés pour l'association par les bénévoles sont remboursés sur "
                    "présentation d'une note de frais et des justificatifs, dans un délai de "
                    "[trente] jours. Les frais kilométriques sont remboursés selon le barème "
                    "[fixé par le conseil d'administration].",
                    "Le bénévole peut renoncer au remboursement ; si l'association est d'intérêt "
                    "général, un reçu fiscal lui est alors délivré.",
                ],
            ),
            (
                "Article 6 – Locaux et matériel",
                [
                    "Les locaux et le matériel sont utilisés pour les activités de l'association. "
                    "Le prêt de matériel à un membre est noté dans le cahier de prêt. Chacun "
                    "laisse les locaux propres et fermés.",
                ],
            ),
            (
                "Article 7 – Données personnelles et droit à l'image",
                [
                    "Les données des membres sont utilisées pour la gestion de l'association et "
                    "ne sont jamais cédées. Chaque membre peut y accéder et les faire rectifier "
                    "auprès de [fonction ou adresse électronique]. La publication de photos des "
                    "membres est soumise à leur accord écrit.",
                ],
            ),
            (
                "Article 8 – Modification du règlement",
                [
                    "Le règlement peut être modifié par [le conseil d'administration / "
                    "l'assemblée générale]. Les membres sont informés de toute modification.",
                ],
            ),
        ],
    ),
}


PLAN_FINANCEMENT = {
    "slug": "plan-de-financement-projet",
    "title": "Plan de financement d'un projet",
    "chapo": (
        "Le tableau qui montre ce que coûte un projet et qui le finance, à joindre à une "
        "demande de subvention, de mécénat ou de prêt. Avec les investissements et les "
        "contributions en nature."
    ),
    "domaines": ["financement-modele-economique", "mecenat-fundraising"],
    "publics": ["dirigeants-benevoles", "salaries", "accompagnateurs"],
    "niveau": "intermediaire",
    "version_date": date(2025, 4, 22),
    "formats": ["docx", "odt", "pdf"],
    "usage": html(
        "Le plan de financement présente, pour un projet précis, les besoins (investissements "
        "et dépenses de démarrage) et les ressources qui les couvrent. Il complète le budget "
        "prévisionnel de l'action, qui porte sur le fonctionnement.",
        "Les financeurs y regardent l'équilibre, la part d'autofinancement et la diversité des "
        "ressources : un projet qui dépend d'un seul financeur est fragile.",
    ),
    "adaptation": [
        etapes(
            (
                "Lister les besoins",
                "Devis à l'appui pour les investissements ; n'oubliez pas "
                "le besoin de trésorerie en attendant le versement des subventions.",
            ),
            (
                "Lister les ressources",
                "Indiquez pour chacune si elle est acquise, demandée ou à demander.",
            ),
            (
                "Équilibrer",
                "Le total des ressources est égal au total des besoins. S'il manque "
                "une somme, dites comment vous comptez la trouver.",
            ),
        ),
        attention(
            "La trésorerie",
            "Les subventions sont souvent versées en plusieurs fois, parfois après la "
            "réalisation. Prévoyez comment l'association fera l'avance des dépenses.",
        ),
        exemple(
            "Ordre de grandeur",
            "Beaucoup de financeurs attendent une part d'autofinancement ou de financement "
            "privé, même modeste. Demandez-leur ce qu'ils attendent.",
        ),
    ],
    "gabarit": Gabarit(
        titre="Plan de financement du projet « [Nom du projet] »",
        sous_titre="Association « [Nom de l'association] » – période du [date] au [date]",
        sections=[
            (
                "Présentation du projet",
                [
                    "Objectif : [ce que le projet veut changer, pour qui].",
                    "Calendrier : [dates de début et de fin, grandes étapes].",
                ],
            ),
            (
                "Besoins",
                [
                    Tableau(
                        [
                            ["Besoins", "Détail", "Montant (€)"],
                            [
                                "Investissements matériels",
                                "[équipement, véhicule, mobilier]",
                                "[montant]",
                            ],
                            ["Travaux d'aménagement", "[selon devis]", "[montant]"],
                            ["Logiciels et matériel informatique", "[détail]", "[montant]"],
                            [
                                "Frais de démarrage",
                                "[étude, formation, communication]",
                                "[montant]",
                            ],
                            ["Besoin en fonds de roulement", "[avance des dépenses]", "[montant]"],
                            ["Total des besoins", "", "[total]"],
                        ]
                    ),
                ],
            ),
            (
                "Ressources",
                [
                    Tableau(
                        [
                            ["Ressources", "Statut (acquis, demandé, à demander)", "Montant (€)"],
                            ["Fonds propres de l'association", "acquis", "[montant]"],
                            ["Subvention de la commune", "[statut]", "[montant]"],
                            ["Subvention du département ou de la région", "[statut]", "[montant]"],
                            ["Fondation ou mécénat d'entreprise", "[statut]", "[montant]"],
                            ["Financement participatif", "[statut]", "[montant]"],
                            ["Prêt ou avance remboursable", "[statut]", "[montant]"],
                            ["Total des ressources", "", "[total]"],
                        ]
                    ),
                ],
            ),
            (
                "Contributions volontaires en nature",
                [
                    "Bénévolat : [nombre] heures valorisées à [taux] € de l'heure, soit "
                    "[montant] €.",
                    "Mises à disposition (locaux, matériel) : [détail et montant].",
                ],
            ),
            (
                "Commentaires",
                [
                    "[Hypothèses retenues, ressources incertaines et solutions de repli.]",
                ],
            ),
        ],
    ),
}


DOSSIER_SUBVENTION = {
    "slug": "dossier-demande-subvention-trame",
    "title": "Dossier de demande de subvention (trame de préparation)",
    "chapo": (
        "Une trame pour préparer, au calme et à plusieurs, les réponses du formulaire de "
        "demande de subvention, avant de les reporter dans Le Compte Asso ou dans le Cerfa."
    ),
    "domaines": ["financement-modele-economique", "evaluation-utilite-sociale"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "intermediaire",
    "version_date": date(2025, 1, 20),
    "formats": ["docx", "odt"],
    "usage": html(
        "La plupart des financeurs publics utilisent le formulaire commun de demande de "
        "subvention (Cerfa n° 12156) ou sa version en ligne, Le Compte Asso. Cette trame en "
        "reprend les grandes rubriques sous forme de questions, pour rédiger les réponses "
        "dans un traitement de texte, les faire relire et les réutiliser d'un financeur à "
        "l'autre.",
        "Ce n'est pas le formulaire officiel : reportez ensuite vos réponses dans le "
        "formulaire demandé par le financeur.",
    ),
    "adaptation": [
        paragraphe(
            "Remplissez une fois la partie sur l'association, puis une fiche par action. "
            "Gardez le document d'une année sur l'autre : il suffira de le mettre à jour.",
        ),
        conseil(
            "Parler la langue du financeur",
            "Reprenez les mots de ses priorités ou de l'appel à projets, et montrez "
            "précisément en quoi votre action y répond.",
        ),
        faq(
            (
                "Faut-il tout remplir ?",
                "Oui : une rubrique vide retarde souvent l'instruction. "
                "Écrivez « sans objet » si une question ne vous concerne pas.",
            ),
        ),
    ],
    "gabarit": Gabarit(
        titre="Préparer sa demande de subvention",
        sous_titre="Trame de travail de l'association « [Nom de l'association] » – ce document "
        "n'est pas le formulaire officiel",
        sections=[
            (
                "1. Identification de l'association",
                [
                    "Nom : [Nom de l'association]. Numéro RNA : [W000000000]. SIRET : "
                    "[14 chiffres].",
                    "Adresse du siège : [adresse]. Représentant légal : [nom, fonction].",
                    "Personne chargée du dossier : [nom, téléphone, courriel].",
                ],
            ),
            (
                "2. Présentation de l'association",
                [
                    "Objet et activités principales : [quelques lignes].",
                    "Moyens humains : [nombre d'adhérents, de bénévoles réguliers, de salariés et "
                    "d'équivalents temps plein].",
                    "Agréments, labels, réseaux : [liste].",
                ],
            ),
            (
                "3. Description de l'action",
                [
                    [
                        "Intitulé de l'action : [titre court].",
                        "Besoin constaté : [quel problème, pour qui, d'où vient le constat].",
                        "Objectifs : [ce qui doit changer].",
                        "Public visé : [qui, combien, comment il est mobilisé].",
                        "Lieu(x) et calendrier : [où, quand].",
                        "Moyens mis en œuvre : [humains, matériels, partenaires].",
                        "Évaluation : [indicateurs et méthode de suivi].",
                    ],
                ],
            ),
            (
                "4. Budget de l'action",
                [
                    Tableau(
                        [
                            ["Charges", "Montant (€)", "Produits", "Montant (€)"],
                            ["60 – Achats", "[ ]", "70 – Ventes, prestations", "[ ]"],
                            [
                                "61 – Services extérieurs",
                                "[ ]",
                                "74 – Subventions (détailler)",
                                "[ ]",
                            ],
                            [
                                "62 – Autres services extérieurs",
                                "[ ]",
                                "75 – Cotisations, dons",
                                "[ ]",
                            ],
                            ["64 – Charges de personnel", "[ ]", "Fonds propres", "[ ]"],
                            ["Total", "[ ]", "Total", "[ ]"],
                            [
                                "86 – Emplois des contributions en nature",
                                "[ ]",
                                "87 – Contributions en nature",
                                "[ ]",
                            ],
                        ]
                    ),
                ],
            ),
            (
                "5. Pièces à joindre",
                [
                    [
                        "statuts à jour et liste des dirigeants ;",
                        "relevé d'identité bancaire au nom de l'association ;",
                        "derniers comptes approuvés et rapport d'activité ;",
                        "budget prévisionnel de l'association pour l'année ;",
                        "le cas échéant, délégation de signature.",
                    ],
                ],
            ),
            (
                "6. Engagements",
                [
                    "Le représentant légal atteste l'exactitude des informations et l'engagement "
                    "de l'association à respecter le contrat d'engagement républicain.",
                ],
            ),
        ],
    ),
}


FICHE_POSTE = {
    "slug": "fiche-de-poste",
    "title": "Fiche de poste",
    "chapo": (
        "Décrire un poste salarié avant de recruter : missions, activités, compétences, "
        "conditions de travail et liens avec les bénévoles. Sert aussi aux entretiens annuels."
    ),
    "domaines": ["ressources-humaines"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "debutant",
    "version_date": date(2025, 5, 6),
    "formats": ["docx", "odt"],
    "usage": html(
        "La fiche de poste décrit ce que l'association attend du salarié. Elle sert à rédiger "
        "l'annonce et le contrat, à accueillir la personne, puis à faire le point lors des "
        "entretiens. Dans une petite association, elle clarifie aussi ce qui revient au "
        "salarié et ce qui reste aux bénévoles.",
    ),
    "adaptation": [
        etapes(
            (
                "Partir des missions",
                "Trois à cinq missions, chacune détaillée en activités concrètes.",
            ),
            (
                "Distinguer les compétences",
                "Indispensables à l'embauche, ou à acquérir par la formation.",
            ),
            (
                "Vérifier la classification",
                "Le niveau du poste dans la convention collective détermine le salaire minimum.",
            ),
        ),
        conseil(
            "Écrire à plusieurs",
            "Faites relire la fiche par un bénévole qui travaillera avec le salarié : c'est "
            "le meilleur moyen d'éviter les malentendus sur le partage des rôles.",
        ),
    ],
    "gabarit": Gabarit(
        titre="Fiche de poste – [Intitulé du poste]",
        sous_titre="Association « [Nom de l'association] » – mise à jour le [date]",
        sections=[
            (
                "Le poste",
                [
                    Tableau(
                        [
                            ["Rubrique", "À compléter"],
                            ["Intitulé", "[coordinateur·rice, animateur·rice, chargé·e de…]"],
                            ["Contrat", "[CDI / CDD], [temps plein / temps partiel : x heures]"],
                            [
                                "Convention collective et classification",
                                "[convention, groupe, coefficient]",
                            ],
                            ["Lieu de travail", "[adresse, déplacements éventuels]"],
                            ["Rattachement", "[président·e ou membre du bureau référent]"],
                        ]
                    ),
                ],
            ),
            (
                "Raison d'être du poste",
                [
                    "[En deux ou trois phrases : pourquoi ce poste existe, à quoi il contribue.]",
                ],
            ),
            (
                "Missions et activités",
                [
                    "Mission 1 : [intitulé]",
                    ["[activité]", "[activité]"],
                    "Mission 2 : [intitulé]",
                    ["[activité]", "[activité]"],
                    "Mission 3 : [intitulé]",
                    ["[activité]", "[activité]"],
                ],
            ),
            (
                "Compétences",
                [
                    "Indispensables : [savoir-faire, connaissances].",
                    "Appréciées ou à acquérir : [compétences].",
                    "Qualités relationnelles : [travail avec des bénévoles, accueil de publics…].",
                ],
            ),
            (
                "Relations",
                [
                    "Avec les bénévoles : [ce que le salarié anime, ce qui reste aux bénévoles].",
                    "Avec les partenaires : [financeurs, structures du territoire].",
                ],
            ),
            (
                "Conditions",
                [
                    "Horaires : [horaires habituels, travail en soirée ou le week-end éventuel].",
                    "Rémunération : [salaire brut mensuel], [avantages].",
                ],
            ),
        ],
    ),
}


CONTRAT_CDD = {
    "slug": "contrat-cdd-trame",
    "title": "Contrat de travail à durée déterminée (trame)",
    "chapo": (
        "Une trame de CDD avec les clauses obligatoires : motif, durée, poste, rémunération, "
        "convention collective. À compléter avec les règles de votre convention et à faire "
        "relire."
    ),
    "domaines": ["ressources-humaines", "juridique-statuts"],
    "publics": ["dirigeants-benevoles"],
    "niveau": "intermediaire",
    "version_date": date(2025, 6, 17),
    "formats": ["docx", "pdf"],
    "usage": html(
        "Le contrat à durée déterminée doit être écrit et comporter la définition précise de "
        "son motif ; à défaut, il est réputé conclu pour une durée indéterminée. Il est "
        "transmis au salarié au plus tard dans les deux jours ouvrables qui suivent "
        "l'embauche.",
        "Cette trame rassemble les mentions habituelles. Elle ne remplace ni la lecture de la "
        "convention collective (période d'essai, classification, prévoyance, primes) ni un "
        "conseil en cas de situation particulière.",
    ),
    "adaptation": [
        etapes(
            (
                "Choisir le motif",
                "Remplacement d'un salarié absent (nommé), accroissement "
                "temporaire d'activité (décrit), emploi saisonnier… Un CDD ne peut pas pourvoir "
                "durablement un emploi permanent.",
            ),
            (
                "Fixer le terme",
                "Une date de fin précise, ou une durée minimale en cas de remplacement.",
            ),
            (
                "Reporter les règles de la convention",
                "Période d'essai, classification, salaire minimum, prévoyance, ancienneté.",
            ),
        ),
        attention(
            "Indemnité de fin de contrat",
            "Sauf exceptions prévues par la loi, le salarié reçoit à la fin du CDD une "
            "indemnité de fin de contrat égale à 10 % de la rémunération brute totale, sauf "
            "taux différent prévu par un accord. Prévoyez-la dans le budget.",
        ),
        checklist(
            "Avant la signature",
            "Motif précis et justifiable",
            "Date de fin ou durée minimale",
            "Convention collective et classification indiquées",
            "Caisse de retraite complémentaire et prévoyance renseignées",
            "Deux exemplaires signés",
        ),
    ],
    "gabarit": Gabarit(
        titre="Contrat de travail à durée déterminée",
        sous_titre="Trame à compléter et à adapter à la convention collective applicable",
        sections=[
            (
                "Entre les soussignés",
                [
                    "L'association « [Nom de l'association] », [adresse du siège], SIRET "
                    "[numéro], représentée par [nom], en qualité de [président·e], ci-après "
                    "« l'employeur »,",
                    "et [Nom, prénom], né·e le [date] à [lieu], demeurant [adresse], numéro de "
                    "sécurité sociale [numéro], ci-après « le salarié »,",
                    "il a été convenu ce qui suit.",
                ],
            ),
            (
                "Article 1 – Motif du contrat",
                [
                    "Le présent contrat est conclu pour [motif : remplacement de [nom, poste], "
                    "absent pour [raison] / accroissement temporaire d'activité lié à [description "
                    "précise]], en application de l'article L. 1242-2 du Code du travail.",
                ],
            ),
            (
                "Article 2 – Durée",
                [
                    "Le contrat prend effet le [date] et se termine le [date]. [Ou, pour un "
                    "remplacement : il est conclu pour une durée minimale de [durée] et prendra "
                    "fin au retour de [nom].]",
                    "La période d'essai est de [durée, dans la limite prévue par la loi et la "
                    "convention collective].",
                ],
            ),
            (
                "Article 3 – Poste et classification",
                [
                    "Le salarié est engagé en qualité de [intitulé du poste], [groupe, "
                    "coefficient] de la convention collective [nom et IDCC]. Ses missions sont "
                    "décrites dans la fiche de poste jointe.",
                ],
            ),
            (
                "Article 4 – Lieu et durée du travail",
                [
                    "Le salarié exerce ses fonctions à [lieu]. La durée du travail est de "
                    "[35 heures / x heures] par semaine, réparties [répartition].",
                ],
            ),
            (
                "Article 5 – Rémunération",
                [
                    "Le salarié perçoit une rémunération brute mensuelle de [montant] €. À "
                    "l'issue du contrat, il perçoit l'indemnité de fin de contrat et "
                    "l'indemnité compensatrice de congés payés dans les conditions prévues par "
                    "la loi.",
                ],
            ),
            (
                "Article 6 – Protection sociale",
                [
                    "Caisse de retraite complémentaire : [nom]. Organisme de prévoyance : [nom]. "
                    "Complémentaire santé : [organisme], dans les conditions de l'acte "
                    "instituant le régime.",
                ],
            ),
            (
                "Article 7 – Convention collective",
                [
                    "Le contrat est régi par la convention collective [nom], tenue à la "
                    "disposition du salarié [lieu].",
                ],
            ),
            (
                "",
                [
                    "Fait à [lieu], le [date], en deux exemplaires.",
                    "L'employeur : [signature]          Le salarié : [signature, précédée de la "
                    "mention « lu et approuvé »]",
                ],
            ),
        ],
    ),
}


CHARTE_BENEVOLE = {
    "slug": "charte-du-benevole",
    "title": "Charte du bénévole",
    "chapo": (
        "Les engagements réciproques de l'association et de ses bénévoles, à remettre à "
        "l'accueil et à signer si vous le souhaitez. Sans lien de subordination ni "
        "rémunération."
    ),
    "domaines": ["ressources-humaines", "gouvernance-vie-associative"],
    "publics": ["dirigeants-benevoles", "benevoles"],
    "niveau": "debutant",
    "version_date": date(2025, 3, 3),
    "formats": ["docx", "odt", "pdf"],
    "usage": html(
        "La charte pose le cadre de l'engagement bénévole : ce que l'association apporte, ce "
        "qu'elle attend, comment on se retire. Elle rassure les nouveaux venus et évite les "
        "malentendus. Elle peut être complétée par une fiche mission personnalisée.",
        "Ce n'est pas un contrat de travail : elle ne doit comporter ni horaires imposés, ni "
        "sanctions, ni rémunération.",
    ),
    "adaptation": [
        paragraphe(
            "Remplacez les valeurs proposées par celles de votre projet associatif et "
            "indiquez les personnes ressources réelles.",
        ),
        attention(
            "Pas de lien de subordination",
            "Évitez les formules du type « le bénévole est tenu de » assorties de sanctions : "
            "parlez d'engagements réciproques.",
        ),
        faq(
            (
                "Faut-il la faire signer ?",
                "Ce n'est pas obligatoire. Une signature marque "
                "l'engagement et permet de dater l'accueil ; gardez un double.",
            ),
        ),
    ],
    "gabarit": Gabarit(
        titre="Charte du bénévole de l'association « [Nom de l'association] »",
        sous_titre="Nos engagements réciproques",
        sections=[
            (
                "Le bénévolat chez nous",
                [
                    "Le bénévole s'engage librement, sans rémunération, pour contribuer au projet "
                    "de l'association : [rappel de l'objet en une phrase]. Nos valeurs : [valeur "
                    "1], [valeur 2], [valeur 3].",
                ],
            ),
            (
                "L'association s'engage à",
                [
                    [
                        "accueillir chaque bénévole, lui présenter le projet, l'équipe et son "
                        "fonctionnement ;",
                        "lui confier une mission qui correspond à ses envies, ses compétences et "
                        "ses "
                        "disponibilités ;",
                        "désigner une personne référente : [nom ou fonction] ;",
                        "l'informer de la vie de l'association et l'inviter à l'assemblée "
                        "générale ;",
                        "lui proposer des formations utiles à sa mission ;",
                        "rembourser les frais engagés pour l'association, sur justificatifs ;",
                        "l'assurer pendant ses activités (contrat n° [numéro] auprès de "
                        "[assureur]) ;",
                        "reconnaître et valoriser son engagement (attestation, passeport "
                        "bénévole).",
                    ]
                ],
            ),
            (
                "Le bénévole s'engage à",
                [
                    [
                        "adhérer au projet et aux valeurs de l'association ;",
                        "réaliser la mission choisie avec sérieux, dans la mesure de ses "
                        "disponibilités ;",
                        "prévenir sa personne référente en cas d'absence ou d'arrêt ;",
                        "respecter la confidentialité des informations sur les personnes "
                        "accompagnées ;",
                        "respecter les autres bénévoles, les salariés et le public ;",
                        "suivre les consignes de sécurité et d'hygiène liées à sa mission.",
                    ]
                ],
            ),
            (
                "Se retirer",
                [
                    "Le bénévole peut mettre fin à son engagement à tout moment, de préférence en "
                    "prévenant quelques jours avant. L'association peut aussi y mettre fin après "
                    "un échange, si la mission ne peut plus être assurée dans de bonnes "
                    "conditions.",
                ],
            ),
            (
                "Signatures",
                [
                    "Mission : [intitulé de la mission]. Date d'arrivée : [date].",
                    "Pour l'association : [nom, signature]          Le bénévole : [nom, signature]",
                ],
            ),
        ],
    ),
}


CHARTE_PARTENARIAT = {
    "slug": "charte-de-partenariat",
    "title": "Charte de partenariat entre structures",
    "chapo": (
        "Pour coopérer avec une autre association, une entreprise ou une collectivité sans "
        "malentendus : objectifs partagés, apports de chacun, communication, règlement des "
        "désaccords."
    ),
    "domaines": ["cooperation-mutualisation", "communication"],
    "publics": ["dirigeants-benevoles", "salaries", "accompagnateurs"],
    "niveau": "intermediaire",
    "version_date": date(2025, 7, 8),
    "formats": ["docx", "odt"],
    "usage": html(
        "La charte formalise une coopération entre deux structures ou plus : un projet "
        "commun, une mutualisation de locaux ou de matériel, un partenariat avec une "
        "entreprise. Elle fixe l'esprit et les règles pratiques. Lorsque de l'argent circule "
        "ou que du personnel est mis à disposition, complétez-la par une convention "
        "juridique.",
    ),
    "adaptation": [
        etapes(
            (
                "Écrire ensemble",
                "La charte se rédige au cours d'une réunion commune, pas par échange de versions.",
            ),
            (
                "Être précis sur les apports",
                "Temps, locaux, matériel, argent, réseau : qui apporte quoi, jusqu'à quand.",
            ),
            (
                "Prévoir la fin",
                "Comment on évalue, comment on se sépare, à qui reviennent les "
                "outils créés ensemble.",
            ),
        ),
        conseil(
            "Avec une entreprise",
            "Précisez la nature du soutien (mécénat financier, en nature ou de compétences) "
            "et les contreparties de visibilité, qui doivent rester limitées pour que le "
            "mécénat ouvre droit à réduction d'impôt.",
        ),
    ],
    "gabarit": Gabarit(
        titre="Charte de partenariat",
        sous_titre="Entre « [Structure A] » et « [Structure B] » – projet « [Nom du projet] »",
        sections=[
            (
                "Les partenaires",
                [
                    Tableau(
                        [
                            ["", "Structure A", "Structure B"],
                            ["Nom et statut", "[association, SCIC…]", "[ ]"],
                            ["Adresse", "[ ]", "[ ]"],
                            ["Représentée par", "[nom, fonction]", "[nom, fonction]"],
                            ["Personne référente", "[nom, contact]", "[nom, contact]"],
                        ]
                    ),
                ],
            ),
            (
                "Pourquoi nous coopérons",
                [
                    "[Le constat partagé et l'objectif commun, en quelques lignes.]",
                ],
            ),
            (
                "Ce que chacun apporte",
                [
                    "Structure A : [temps, compétences, locaux, matériel, financement, réseau].",
                    "Structure B : [ ].",
                ],
            ),
            (
                "Nos engagements communs",
                [
                    [
                        "partager les informations utiles au projet ;",
                        "décider ensemble des orientations, lors d'un comité qui se réunit "
                        "[fréquence] ;",
                        "respecter l'identité, l'indépendance et les valeurs de chaque "
                        "partenaire ;",
                        "citer tous les partenaires dans la communication sur le projet ;",
                        "protéger les données personnelles échangées.",
                    ]
                ],
            ),
            (
                "Communication",
                [
                    "Logos et mentions : [règles]. Validation des supports par [qui], sous "
                    "[délai].",
                ],
            ),
            (
                "Suivi, désaccords et fin du partenariat",
                [
                    "Le partenariat est conclu pour [durée] et fait l'objet d'un bilan [annuel]. "
                    "En cas de désaccord, les référents se rencontrent dans les [quinze] jours. "
                    "Chaque partenaire peut se retirer en prévenant les autres [deux mois] à "
                    "l'avance. Les outils créés ensemble restent utilisables par chacun, sous "
                    "licence [CC BY-SA 4.0].",
                ],
            ),
            (
                "Signatures",
                [
                    "Fait à [lieu], le [date].",
                    "Pour [Structure A] : [signature]          Pour [Structure B] : [signature]",
                ],
            ),
        ],
    ),
}


BUDGET = {
    "slug": "budget-previsionnel-annuel",
    "title": "Budget prévisionnel annuel",
    "chapo": (
        "Le budget de l'association pour l'année, présenté selon les comptes utilisés par les "
        "financeurs publics, avec les contributions volontaires en nature. À voter en "
        "assemblée générale."
    ),
    "domaines": ["gestion-comptabilite-fiscalite", "financement-modele-economique"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "debutant",
    "version_date": date(2025, 9, 15),
    "formats": ["docx", "odt", "pdf"],
    "usage": html(
        "Le budget prévisionnel chiffre l'activité de l'année à venir : charges d'un côté, "
        "produits de l'autre, en équilibre. Il est voté par l'assemblée générale (ou le "
        "conseil, selon les statuts) et joint à chaque demande de subvention.",
        "Ce modèle reprend les grandes rubriques du formulaire commun de demande de "
        "subvention : vos chiffres se reportent directement.",
    ),
    "adaptation": [
        etapes(
            (
                "Partir du réalisé",
                "Reprenez les comptes de l'année écoulée, puis ajustez "
                "chaque ligne selon les projets prévus.",
            ),
            (
                "Chiffrer les produits prudemment",
                "Ne comptez que les subventions probables ; "
                "notez à part celles qui sont seulement demandées.",
            ),
            (
                "Équilibrer",
                "Si les charges dépassent les produits, dites comment l'écart sera "
                "couvert (réserves, nouvelle ressource) ou réduisez des dépenses.",
            ),
        ),
        conseil(
            "Suivre en cours d'année",
            "Ajoutez une colonne « réalisé » et comparez chaque trimestre. Un écart important "
            "se traite mieux en mars qu'en décembre.",
        ),
    ],
    "gabarit": Gabarit(
        titre="Budget prévisionnel [année] – « [Nom de l'association] »",
        sous_titre="Exercice du [date] au [date] – voté le [date]",
        sections=[
            (
                "Charges",
                [
                    Tableau(
                        [
                            ["Compte", "Charges", "Montant (€)"],
                            ["60", "Achats (fournitures, petit matériel, alimentation)", "[ ]"],
                            ["61", "Services extérieurs (loyer, assurances, entretien)", "[ ]"],
                            [
                                "62",
                                "Autres services extérieurs (honoraires, communication, "
                                "déplacements, frais bancaires)",
                                "[ ]",
                            ],
                            ["63", "Impôts et taxes (dont taxe sur les salaires)", "[ ]"],
                            ["64", "Charges de personnel (salaires et cotisations)", "[ ]"],
                            ["65", "Autres charges de gestion courante", "[ ]"],
                            ["66", "Charges financières", "[ ]"],
                            ["68", "Dotations aux amortissements", "[ ]"],
                            ["", "Total des charges", "[ ]"],
                        ]
                    ),
                ],
            ),
            (
                "Produits",
                [
                    Tableau(
                        [
                            ["Compte", "Produits", "Montant (€)"],
                            [
                                "70",
                                "Ventes, prestations de services, participations des usagers",
                                "[ ]",
                            ],
                            [
                                "74",
                                "Subventions : État [ ], région [ ], département [ ], "
                                "intercommunalité [ ], commune [ ], autres [ ]",
                                "[ ]",
                            ],
                            [
                                "75",
                                "Autres produits de gestion courante : cotisations, dons, mécénat",
                                "[ ]",
                            ],
                            ["76", "Produits financiers", "[ ]"],
                            ["78", "Reprises sur amortissements et provisions", "[ ]"],
                            ["", "Total des produits", "[ ]"],
                        ]
                    ),
                ],
            ),
            (
                "Contributions volontaires en nature",
                [
                    Tableau(
                        [
                            [
                                "Emplois (compte 86)",
                                "Montant (€)",
                                "Ressources (compte 87)",
                                "Montant (€)",
                            ],
                            [
                                "Mise à disposition gratuite de biens et services",
                                "[ ]",
                                "Prestations en nature",
                                "[ ]",
                            ],
                            ["Personnel bénévole", "[ ]", "Bénévolat", "[ ]"],
                            ["Total", "[ ]", "Total", "[ ]"],
                        ]
                    ),
                    "Bénévolat valorisé sur la base de [nombre] heures à [taux] € de l'heure.",
                ],
            ),
            (
                "Hypothèses",
                [
                    "[Projets nouveaux, embauches, hausses de loyer, subventions incertaines.]",
                ],
            ),
        ],
    ),
}


PV_AG = {
    "slug": "proces-verbal-assemblee-generale",
    "title": "Procès-verbal d'assemblée générale",
    "chapo": (
        "Le compte rendu officiel de l'assemblée générale : présents, quorum, résolutions et "
        "résultats des votes. À signer et conserver ; il sert pour la préfecture et la banque."
    ),
    "domaines": ["gouvernance-vie-associative", "juridique-statuts"],
    "publics": ["dirigeants-benevoles"],
    "niveau": "debutant",
    "version_date": date(2025, 4, 2),
    "formats": ["docx", "odt"],
    "usage": html(
        "Le procès-verbal prouve que les décisions ont été prises régulièrement. La "
        "préfecture peut le demander lors d'une déclaration de modification, la banque lors "
        "d'un changement de signataires. Rédigez-le juste après l'assemblée, à partir de la "
        "feuille d'émargement et des notes du secrétaire de séance.",
    ),
    "adaptation": [
        paragraphe(
            "Reprenez exactement l'ordre du jour de la convocation et rédigez une résolution "
            "par décision, avec le résultat du vote en chiffres.",
        ),
        checklist(
            "Un procès-verbal complet",
            "Date, heure, lieu et mode de convocation",
            "Nombre de membres présents et représentés, quorum",
            "Président et secrétaire de séance",
            "Chaque résolution avec les voix pour, contre et abstentions",
            "Signatures prévues par les statuts",
        ),
        faq(
            (
                "Faut-il joindre la feuille d'émargement ?",
                "Ce n'est pas toujours exigé, mais "
                "conservez-la avec le procès-verbal : elle prouve le quorum.",
            ),
        ),
    ],
    "gabarit": Gabarit(
        titre="Procès-verbal de l'assemblée générale [ordinaire / extraordinaire]",
        sous_titre="Association « [Nom de l'association] » – RNA [W000000000]",
        sections=[
            (
                "Convocation et présences",
                [
                    "Le [date], à [heure], les membres de l'association se sont réunis en "
                    "assemblée générale [ordinaire] à [lieu / en visioconférence], sur "
                    "convocation du [président] adressée le [date].",
                    "Sont présents ou représentés [nombre] membres sur [nombre] membres à jour de "
                    "leur cotisation (feuille d'émargement annexée). Le quorum de [quorum prévu "
                    "par les statuts] est atteint ; l'assemblée peut valablement délibérer.",
                    "L'assemblée est présidée par [nom]. [Nom] est désigné·e secrétaire de séance.",
                ],
            ),
            (
                "Ordre du jour",
                [
                    [
                        "rapport moral et rapport d'activité ;",
                        "rapport financier et approbation des comptes de l'exercice [année] ;",
                        "affectation du résultat ;",
                        "budget prévisionnel et montant de la cotisation [année] ;",
                        "renouvellement du conseil d'administration ;",
                        "questions diverses.",
                    ]
                ],
            ),
            (
                "Résolutions",
                [
                    "Première résolution – L'assemblée générale approuve le rapport moral et le "
                    "rapport d'activité. Pour : [ ] – Contre : [ ] – Abstentions : [ ].",
                    "Deuxième résolution – L'assemblée générale approuve les comptes de "
                    "l'exercice clos le [date], faisant apparaître un résultat de [montant] €, et "
                    "donne quitus au conseil d'administration. Pour : [ ] – Contre : [ ] – "
                    "Abstentions : [ ].",
                    "Troisième résolution – L'assemblée générale décide d'affecter le résultat "
                    "[aux réserves / au report à nouveau]. Pour : [ ] – Contre : [ ] – "
                    "Abstentions : [ ].",
                    "Quatrième résolution – L'assemblée générale adopte le budget prévisionnel "
                    "[année] et fixe la cotisation à [montant] €. Pour : [ ] – Contre : [ ] – "
                    "Abstentions : [ ].",
                    "Cinquième résolution – Sont élus au conseil d'administration : [noms]. "
                    "Pour : [ ] – Contre : [ ] – Abstentions : [ ].",
                ],
            ),
            (
                "Clôture",
                [
                    "L'ordre du jour étant épuisé, la séance est levée à [heure].",
                    "Le président de séance : [nom, signature]          Le secrétaire de séance : "
                    "[nom, signature]",
                ],
            ),
        ],
    ),
}


RECU_DON = {
    "slug": "recu-dons-trame",
    "title": "Reçu au titre des dons (trame)",
    "chapo": (
        "Une trame de reçu fiscal reprenant les mentions utiles pour les dons des "
        "particuliers, à réserver aux associations qui remplissent les conditions de "
        "l'intérêt général."
    ),
    "domaines": ["mecenat-fundraising", "gestion-comptabilite-fiscalite"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "intermediaire",
    "version_date": date(2025, 10, 6),
    "formats": ["pdf", "docx"],
    "usage": html(
        "Ce document permet à un particulier de justifier d'un don ouvrant droit à la "
        "réduction d'impôt (article 200 du Code général des impôts). Il reprend les mentions "
        "attendues par l'administration ; ce n'est pas le formulaire Cerfa officiel n° 11580, "
        "que vous pouvez aussi utiliser.",
        "<b>Avant de l'utiliser</b>, vérifiez que l'association remplit les conditions de "
        "l'intérêt général, idéalement par un rescrit : un reçu délivré à tort est "
        "sanctionné par une amende.",
    ),
    "adaptation": [
        etapes(
            (
                "Compléter l'en-tête une fois pour toutes",
                "Nom, adresse, objet et qualité de "
                "l'organisme (cochez la catégorie qui vous correspond).",
            ),
            ("Numéroter", "Chaque reçu a un numéro d'ordre unique ; gardez un double."),
            (
                "Indiquer la forme du don",
                "Numéraire, abandon de frais, don en nature (valorisé à sa valeur réelle).",
            ),
        ),
        attention(
            "Entreprises",
            "Pour un don d'entreprise (article 238 bis), adaptez les mentions : "
            "identification de l'entreprise, nature et valorisation du don.",
        ),
        faq(
            (
                "Peut-on envoyer un reçu récapitulatif annuel ?",
                "Oui, pour les dons réguliers "
                "d'un même donateur, à condition d'indiquer le total et les dates de versement.",
            ),
        ),
    ],
    "gabarit": Gabarit(
        titre="Reçu au titre des dons à certains organismes d'intérêt général",
        sous_titre="Articles 200 et 238 bis du Code général des impôts – reçu n° [numéro d'ordre]",
        sections=[
            (
                "Organisme bénéficiaire",
                [
                    "Nom : [Nom de l'association]. Adresse : [adresse].",
                    "Objet : [objet de l'association].",
                    "Qualité : [association ou fondation reconnue d'utilité publique / œuvre ou "
                    "organisme d'intérêt général à caractère [social, culturel, éducatif…] / "
                    "autre : préciser].",
                    "Rescrit fiscal : [référence et date, le cas échéant].",
                ],
            ),
            (
                "Donateur",
                [
                    "Nom, prénom : [ ]. Adresse : [ ].",
                ],
            ),
            (
                "Le don",
                [
                    "L'organisme bénéficiaire reconnaît avoir reçu, au titre des dons et "
                    "versements ouvrant droit à réduction d'impôt, la somme de :",
                    "[montant en chiffres] € – [montant en lettres] euros.",
                    "Date du versement ou du don : [date].",
                    Tableau(
                        [
                            ["Forme du don", "Nature du don", "Mode de versement"],
                            [
                                "[ ] acte authentique  [ ] acte sous seing privé  [ ] "
                                "déclaration de "
                                "don manuel  [ ] autre",
                                "[ ] numéraire  [ ] titres  [ ] autres (abandon de frais, don en "
                                "nature)",
                                "[ ] espèces  [ ] chèque  [ ] virement, prélèvement, carte "
                                "bancaire",
                            ],
                        ]
                    ),
                    "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il "
                    "reçoit ouvrent droit à la réduction d'impôt prévue à l'article [200 / "
                    "238 bis] du Code général des impôts.",
                ],
            ),
            (
                "Signature",
                [
                    "Fait à [lieu], le [date]. [Nom et fonction du signataire], [signature].",
                    "Ce document est une trame proposée par Entraide ; il ne s'agit pas du "
                    "formulaire Cerfa officiel.",
                ],
            ),
        ],
    ),
}


def _fiche_traitement(nom, finalite, base, personnes, donnees, destinataires, duree):
    return (
        nom,
        [
            Tableau(
                [
                    ["Rubrique", "Description"],
                    ["Finalité", finalite],
                    ["Base légale", base],
                    ["Personnes concernées", personnes],
                    ["Données collectées", donnees],
                    ["Destinataires", destinataires],
                    ["Durée de conservation", duree],
                    ["Mesures de sécurité", "[accès nominatifs, mots de passe, sauvegardes…]"],
                ]
            )
        ],
    )


REGISTRE_RGPD = {
    "slug": "registre-traitements-rgpd",
    "title": "Registre des activités de traitement (RGPD)",
    "chapo": (
        "Un registre prêt à compléter, avec quatre fiches préremplies pour les traitements "
        "les plus courants d'une association : adhérents, dons, lettre d'information, "
        "bénévoles."
    ),
    "domaines": ["numerique", "juridique-statuts"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "intermediaire",
    "version_date": date(2025, 8, 25),
    "formats": ["docx", "odt"],
    "usage": html(
        "Le registre des activités de traitement recense les fichiers et usages de données "
        "personnelles de l'association. C'est le premier document que demanderait la CNIL, "
        "et le meilleur outil pour faire le ménage dans ses fichiers.",
        "Les fiches préremplies sont des exemples : vérifiez chaque rubrique au regard de vos "
        "pratiques réelles.",
    ),
    "adaptation": [
        etapes(
            (
                "Lister vos fichiers",
                "Tableurs, logiciel d'adhésion, plateforme de dons, messagerie, dossiers papier.",
            ),
            (
                "Une fiche par finalité",
                "Pas une fiche par logiciel : un même outil peut servir plusieurs finalités.",
            ),
            (
                "Dater et mettre à jour",
                "Relisez le registre chaque année et à chaque nouvel outil.",
            ),
        ),
        conseil(
            "Les données des bénéficiaires",
            "Si vous accompagnez des personnes (social, santé, insertion), ajoutez une fiche "
            "dédiée et limitez strictement les données sensibles et les accès.",
        ),
    ],
    "gabarit": Gabarit(
        titre="Registre des activités de traitement de l'association « [Nom de l'association] »",
        sous_titre="Responsable du traitement : [Nom de l'association], représentée par "
        "[nom, fonction] – référent : [contact] – mis à jour le [date]",
        sections=[
            _fiche_traitement(
                "Fiche 1 – Gestion des adhérents",
                "Gérer les adhésions et cotisations, convoquer aux assemblées, informer les "
                "membres.",
                "Exécution du contrat d'adhésion (statuts).",
                "Adhérents et anciens adhérents.",
                "Nom, prénom, coordonnées, date d'adhésion, cotisation.",
                "Membres du bureau ; prestataire du logiciel d'adhésion [nom].",
                "Durée de l'adhésion, puis [3] ans.",
            ),
            _fiche_traitement(
                "Fiche 2 – Dons et reçus fiscaux",
                "Enregistrer les dons, délivrer les reçus fiscaux, remercier les donateurs.",
                "Obligation légale (reçus, comptabilité) ; intérêt légitime (remerciements).",
                "Donateurs.",
                "Identité, adresse, montant, date et mode de versement.",
                "Trésorier ; plateforme de dons [nom] ; administration fiscale en cas de contrôle.",
                "[10] ans pour les pièces comptables ; [3] ans après le dernier don pour les "
                "sollicitations.",
            ),
            _fiche_traitement(
                "Fiche 3 – Lettre d'information",
                "Informer des activités et des événements de l'association.",
                "Intérêt légitime pour les membres ; consentement pour les autres contacts.",
                "Membres, sympathisants inscrits.",
                "Adresse électronique, prénom.",
                "Chargé·e de communication ; outil d'envoi [nom].",
                "Jusqu'à la désinscription ; [3] ans sans ouverture pour les non-membres.",
            ),
            _fiche_traitement(
                "Fiche 4 – Gestion des bénévoles",
                "Organiser les missions, les plannings et les formations des bénévoles.",
                "Intérêt légitime de l'association.",
                "Bénévoles.",
                "Identité, coordonnées, disponibilités, missions, formations suivies.",
                "Référent·e des bénévoles ; coordinateurs de mission.",
                "Durée de l'engagement, puis [2] ans.",
            ),
            (
                "Exercice des droits",
                [
                    "Les personnes peuvent exercer leurs droits d'accès, de rectification, "
                    "d'effacement, de limitation et d'opposition en écrivant à [adresse "
                    "électronique]. Réponse sous un mois.",
                ],
            ),
        ],
    ),
}

MODELES = [
    STATUTS,
    REGLEMENT_INTERIEUR,
    PLAN_FINANCEMENT,
    DOSSIER_SUBVENTION,
    FICHE_POSTE,
    CONTRAT_CDD,
    CHARTE_BENEVOLE,
    CHARTE_PARTENARIAT,
    BUDGET,
    PV_AG,
    RECU_DON,
    REGISTRE_RGPD,
]
