"""Demo guides pratiques (French). Facts checked against French law and practice in 2025;
where a figure changes every year (ceilings, thresholds), the text says where to check it.

Each guide: slug, title, chapo, domaines and publics (taxonomy slugs), niveau, body (StreamField
raw data, see blocs.py), liees (slugs of related ressources, guides or modèles)."""

from .blocs import (
    attention,
    checklist,
    conseil,
    document,
    etapes,
    exemple,
    faq,
    intertitre,
    paragraphe,
    temoignage,
)

SERVICE_PUBLIC = "https://www.service-public.fr/associations"
ASSOCIATIONS_GOUV = "https://www.associations.gouv.fr"
LE_COMPTE_ASSO = "https://lecompteasso.associations.gouv.fr"
URSSAF = "https://www.urssaf.fr"
CNIL = "https://www.cnil.fr"
INCLUSION = "https://emplois.inclusion.beta.gouv.fr"

CREER_ASSOCIATION = {
    "slug": "creer-une-association-loi-1901",
    "title": "Créer une association loi 1901 pas à pas",
    "chapo": (
        "Vous êtes au moins deux et votre projet n'a pas pour but de partager des bénéfices ? "
        "Voici les étapes pour créer votre association, des statuts au numéro RNA, sans frais "
        "et en quelques semaines."
    ),
    "domaines": ["juridique-statuts", "gouvernance-vie-associative"],
    "publics": ["dirigeants-benevoles", "accompagnateurs"],
    "niveau": "debutant",
    "liees": [
        "statuts-association-loi-1901",
        "reglement-interieur",
        "organiser-son-assemblee-generale",
    ],
    "body": [
        paragraphe(
            "Une association loi 1901 est un contrat par lequel au moins deux personnes mettent "
            "en commun leurs connaissances ou leur activité dans un but autre que de partager "
            "des bénéfices. Elle peut exister sans être déclarée (on parle d'association de "
            "fait), mais seule la déclaration lui donne la capacité juridique : ouvrir un compte "
            "bancaire à son nom, signer un bail, embaucher, demander une subvention ou agir en "
            "justice.",
            "Avant de vous lancer, vérifiez deux points. Une association existe-t-elle déjà "
            "près de chez vous avec le même objet ? La rejoindre ou coopérer avec elle est "
            "parfois plus simple. Votre projet consiste-t-il surtout à vendre des biens ou des "
            "services en associant les salariés aux décisions ? Une coopérative (SCOP, SCIC) "
            "peut alors être mieux adaptée.",
        ),
        intertitre("Les étapes de la création"),
        etapes(
            (
                "Réunir les fondateurs et clarifier le projet",
                "Écrivez ensemble, en quelques lignes, ce que l'association veut faire, pour "
                "qui, sur quel territoire et avec quels moyens. Ce texte servira à rédiger "
                "l'objet des statuts et à présenter le projet aux futurs partenaires.",
            ),
            (
                "Rédiger les statuts",
                [
                    "La loi n'impose que trois mentions : le nom, l'objet et le siège. Les "
                    "statuts doivent pourtant aussi prévoir qui peut adhérer, comment on perd "
                    "la qualité de membre, le rôle de l'assemblée générale et des dirigeants, "
                    "les ressources et la dissolution. Partez d'un modèle et simplifiez-le : "
                    "des statuts trop détaillés deviennent vite impossibles à respecter.",
                ],
            ),
            (
                "Tenir l'assemblée constitutive",
                "Les fondateurs adoptent les statuts et désignent les premiers dirigeants. "
                "Rédigez un procès-verbal daté et signé : la banque vous le demandera souvent.",
            ),
            (
                "Déclarer l'association",
                f'La déclaration se fait en ligne sur <a href="{SERVICE_PUBLIC}">'
                "service-public.fr</a> ou auprès du greffe des associations du département "
                "du siège. Elle comprend les statuts datés et signés et la liste des "
                "personnes chargées de l'administration (nom, profession, domicile, "
                "nationalité).",
            ),
            (
                "Recevoir le récépissé et la publication au Journal officiel",
                "Le greffe délivre un récépissé qui porte le numéro RNA de l'association "
                "(la lettre W suivie de neuf caractères). Un extrait de la déclaration est "
                "publié au Journal officiel des associations (JOAFE) : cette publication est "
                "gratuite et c'est elle qui donne la capacité juridique.",
            ),
            (
                "Ouvrir un compte bancaire et demander un numéro SIREN si besoin",
                "Un numéro SIREN/SIRET est indispensable pour demander une subvention, "
                "embaucher ou exercer certaines activités économiques. Une association qui "
                "veut demander une subvention le demande à l'Insee, en ligne.",
            ),
            (
                "Assurer l'association",
                "Souscrivez au minimum une assurance responsabilité civile couvrant les "
                "activités, les membres et les bénévoles, et, si besoin, les locaux et le "
                "matériel.",
            ),
        ),
        conseil(
            "Un objet ni trop large ni trop étroit",
            "Un objet trop vague (« toutes actions d'intérêt général ») inquiète les "
            "financeurs et complique la reconnaissance de l'intérêt général. Un objet trop "
            "précis vous obligera à modifier les statuts au premier nouveau projet. Décrivez "
            "le but, puis les principaux moyens d'action en terminant par « et toute action "
            "concourant à cet objet ».",
        ),
        attention(
            "Alsace-Moselle : un autre régime",
            "Dans le Bas-Rhin, le Haut-Rhin et la Moselle, les associations relèvent du droit "
            "local (articles 21 à 79-III du Code civil local). Il faut au moins sept membres "
            "fondateurs et l'inscription se fait au registre des associations du tribunal "
            "judiciaire. Rapprochez-vous d'une structure d'accompagnement locale.",
        ),
        checklist(
            "Avant de déposer la déclaration",
            "Le nom est libre (pas d'association homonyme connue, pas de marque déposée)",
            "L'objet est rédigé en phrases claires",
            "L'adresse du siège est confirmée (accord écrit si c'est chez un particulier)",
            "Les statuts sont datés et signés",
            "La liste des dirigeants est complète (nom, profession, domicile, nationalité)",
            "Le procès-verbal de l'assemblée constitutive est signé",
            "Une adresse électronique de contact est choisie",
        ),
        document("statuts-association-loi-1901.docx", "Télécharger le modèle de statuts (Word)"),
        faq(
            (
                "Faut-il un capital pour créer une association ?",
                "Non. Aucun apport n'est exigé. L'association vit de cotisations, de dons, de "
                "subventions et du produit de ses activités.",
            ),
            (
                "Combien coûte la déclaration ?",
                "Rien : la déclaration en préfecture et la publication au JOAFE sont gratuites. "
                "Méfiez-vous des sites qui font payer ces démarches.",
            ),
            (
                "Combien de temps faut-il attendre ?",
                "La loi prévoit la délivrance du récépissé dans les cinq jours. En pratique, "
                "comptez quelques jours à quelques semaines avant la publication au Journal "
                "officiel.",
            ),
            (
                "Un salarié peut-il siéger au conseil d'administration ?",
                "C'est possible, mais pour préserver le caractère désintéressé de la gestion, "
                "l'administration fiscale admet que les salariés ne représentent pas plus du "
                "quart du conseil. Prévoyez-le dans les statuts.",
            ),
        ),
        temoignage(
            "Nous avons passé une soirée à écrire l'objet de l'association à six. Cette "
            "phrase nous sert encore aujourd'hui pour présenter le projet aux financeurs.",
            "Nadia",
            "Association Les Petits Débrouillards du quartier",
        ),
    ],
}

PREMIER_SALARIE = {
    "slug": "embaucher-son-premier-salarie",
    "title": "Embaucher son premier salarié",
    "chapo": (
        "Déclaration préalable, contrat, convention collective, mutuelle, santé au travail : "
        "la liste des démarches pour devenir employeur sans rien oublier, quand on est une "
        "petite association gérée par des bénévoles."
    ),
    "domaines": ["ressources-humaines", "gestion-comptabilite-fiscalite"],
    "publics": ["dirigeants-benevoles"],
    "niveau": "intermediaire",
    "liees": ["fiche-de-poste", "contrat-cdd-trame", "budget-previsionnel-annuel"],
    "body": [
        paragraphe(
            "Avec un premier salarié, l'association devient employeur. Elle doit respecter le "
            "Code du travail et, le plus souvent, une convention collective. Ce sont les "
            "dirigeants bénévoles, le président en tête, qui en répondent. Bien préparée, "
            "l'embauche se fait pourtant en quelques semaines.",
        ),
        intertitre("Vérifier que le poste est finançable"),
        paragraphe(
            "Calculez le coût complet du poste, et non le seul salaire net : salaire brut, "
            "cotisations patronales, complémentaire santé, service de santé au travail, "
            "formation, matériel et frais de déplacement. Assurez au moins douze mois de "
            "financement avant de recruter, surtout en CDI.",
            "Renseignez-vous sur les aides possibles : postes FONJEP pour les associations de "
            "jeunesse et d'éducation populaire, contrats aidés (parcours emploi compétences) "
            "selon les enveloppes du moment, aides de votre région ou de votre département. "
            "Les associations non soumises à la TVA paient la taxe sur les salaires, mais "
            "bénéficient d'un abattement annuel qui l'annule souvent pour un premier poste.",
        ),
        intertitre("Les étapes"),
        etapes(
            (
                "Écrire la fiche de poste",
                "Missions, compétences attendues, temps de travail, lieu, personne référente "
                "au bureau. Elle sert à recruter, à rédiger le contrat et à faire le point "
                "chaque année.",
            ),
            (
                "Identifier la convention collective",
                "Elle dépend de l'activité principale réelle de l'association, pas seulement "
                "de son code APE : par exemple ECLAT pour l'animation, l'éducation populaire "
                "et la culture, ALISFA pour les centres sociaux et la petite enfance, ou la "
                "convention du sport. Elle fixe les salaires minima, la classification, la "
                "période d'essai et souvent la prévoyance. Vérifiez sur Légifrance.",
            ),
            (
                "Choisir le contrat",
                [
                    "Le CDI est la forme normale du contrat de travail. Un CDD n'est possible "
                    "que dans les cas prévus par la loi (remplacement d'un salarié absent, "
                    "accroissement temporaire d'activité, emploi saisonnier…) : il doit être "
                    "écrit, préciser son motif et être remis au salarié au plus tard dans les "
                    "deux jours ouvrables qui suivent l'embauche.",
                    "Un temps partiel est d'au moins 24 heures par semaine, sauf exceptions "
                    "(demande écrite et motivée du salarié, accord de branche).",
                ],
            ),
            (
                "Recruter",
                "Publiez l'annonce sur France Travail et dans vos réseaux, recevez les "
                "candidats à deux et utilisez la même grille pour tous. Ne posez aucune "
                "question sans lien avec le poste (situation familiale, santé, origine…).",
            ),
            (
                "Faire les déclarations avant le premier jour",
                [
                    [
                        f"la déclaration préalable à l'embauche (DPAE) à l'<a href=\"{URSSAF}\">"
                        "Urssaf</a>, au plus tôt huit jours avant l'embauche et au plus tard "
                        "avant la prise de poste ;",
                        "l'immatriculation au répertoire Sirene, si l'association n'a pas "
                        "encore de numéro SIRET ;",
                        "l'adhésion à un service de prévention et de santé au travail ;",
                        "l'affiliation à la caisse de retraite complémentaire et, si la "
                        "convention collective l'impose, à un organisme de prévoyance ;",
                        "la mise en place de la complémentaire santé collective.",
                    ]
                ],
            ),
            (
                "Préparer l'arrivée",
                "Poste de travail, clés, accès aux outils, rencontre avec l'équipe bénévole. "
                "Inscrivez le salarié au registre unique du personnel. La visite "
                "d'information et de prévention a lieu dans les trois mois qui suivent la "
                "prise de poste.",
            ),
            (
                "Payer et déclarer chaque mois",
                "Remettez un bulletin de paie et transmettez la déclaration sociale nominative "
                "(DSN), ou confiez ces tâches au Chèque emploi associatif.",
            ),
        ),
        conseil(
            "Le Chèque emploi associatif",
            "Cette offre gratuite de l'Urssaf est réservée aux associations de 20 salariés au "
            "plus. Vous déclarez le salaire en ligne ; l'Urssaf calcule les cotisations, "
            "établit le bulletin de paie et fait les déclarations à votre place.",
        ),
        attention(
            "Mutuelle et document unique dès le premier salarié",
            "Tout employeur privé doit proposer une complémentaire santé collective et en "
            "financer au moins la moitié ; le salarié peut en être dispensé dans certains cas "
            "(couverture par le contrat de son conjoint, CDD court…), à sa demande écrite. "
            "Le document unique d'évaluation des risques professionnels (DUERP) est lui aussi "
            "obligatoire dès le premier salarié.",
        ),
        checklist(
            "Le jour de l'embauche",
            "DPAE faite, accusé de réception conservé",
            "Contrat signé en deux exemplaires",
            "Registre unique du personnel à jour",
            "Adhésion au service de santé au travail",
            "Bulletin d'affiliation à la mutuelle remis",
            "Document unique d'évaluation des risques rédigé",
            "Affichages obligatoires en place",
        ),
        document("contrat-cdd-trame.docx", "Télécharger la trame de contrat à durée déterminée"),
        faq(
            (
                "Qui est l'employeur ?",
                "L'association, représentée par son président ou par la personne à qui les "
                "statuts ou une délégation écrite donnent ce pouvoir.",
            ),
            (
                "Un bénévole peut-il devenir salarié ?",
                "Oui. S'il est membre du conseil d'administration, il doit en principe le "
                "quitter ou veiller à la règle du quart, et ne jamais décider de sa propre "
                "rémunération.",
            ),
            (
                "Faut-il un expert-comptable ?",
                "Ce n'est pas obligatoire. Pour sécuriser la paie, le Chèque emploi associatif "
                "ou un tiers de confiance agréé par l'Urssaf (dispositif Impact Emploi) sont "
                "des solutions simples et peu coûteuses.",
            ),
        ),
        temoignage(
            "Nous avions peur de la paperasse. Avec le Chèque emploi associatif, la paie de "
            "notre coordinatrice nous prend vingt minutes par mois.",
            "Jean-Pierre, trésorier",
            "Ressourcerie du Val",
        ),
    ],
}

BENEVOLES = {
    "slug": "accueillir-et-fideliser-les-benevoles",
    "title": "Accueillir et fidéliser les bénévoles",
    "chapo": (
        "Recruter des bénévoles est une chose, leur donner envie de rester en est une autre. "
        "Fiches missions, accueil, reconnaissance, cadre juridique : les pratiques qui marchent "
        "dans les petites associations."
    ),
    "domaines": ["ressources-humaines", "gouvernance-vie-associative"],
    "publics": ["dirigeants-benevoles", "benevoles", "salaries"],
    "niveau": "debutant",
    "liees": ["charte-du-benevole", "reglement-interieur"],
    "body": [
        paragraphe(
            "Les bénévoles s'engagent de plus en plus pour des missions précises et limitées "
            "dans le temps. Ils attendent un accueil, un rôle clair et le sentiment d'être "
            "utiles. Une association qui prépare ces trois points perd beaucoup moins de "
            "bénévoles au bout de quelques mois.",
        ),
        intertitre("Avant de recruter : savoir ce que l'on propose"),
        paragraphe(
            "Faites la liste des besoins réels et transformez-les en missions : ce qu'il y a à "
            "faire, le temps demandé, la période, le lieu, les compétences utiles et ce que le "
            "bénévole y gagnera (rencontres, formation, expérience).",
        ),
        etapes(
            (
                "Rédiger des fiches missions",
                "Une demi-page par mission suffit. Distinguez les missions ponctuelles "
                "(tenir un stand un samedi) et régulières (accompagnement scolaire chaque "
                "mardi).",
            ),
            (
                "Diffuser largement",
                "Plateformes de mise en relation (JeVeuxAider.gouv.fr, France Bénévolat, "
                "Tous Bénévoles), forum des associations, réseaux sociaux, affiche chez les "
                "commerçants, et surtout bouche-à-oreille des bénévoles actuels.",
            ),
            (
                "Prendre le temps d'un premier échange",
                "Écoutez les motivations et les disponibilités, présentez le projet et ses "
                "valeurs, proposez une mission adaptée plutôt que celle qui vous arrange.",
            ),
            (
                "Accueillir",
                "Un binôme ou un parrain, une visite, une présentation de l'équipe, la charte "
                "du bénévole et les contacts utiles. La première mission doit être courte et "
                "réussie.",
            ),
            (
                "Faire un point après un mois",
                "La mission convient-elle ? Que faudrait-il changer ? Ce simple échange évite "
                "beaucoup de départs silencieux.",
            ),
        ),
        intertitre("Fidéliser : reconnaître, former, associer"),
        paragraphe(
            [
                "remercier, personnellement et publiquement (rapport d'activité, assemblée "
                "générale) ;",
                "informer régulièrement de la vie de l'association et des résultats obtenus ;",
                "proposer des formations, y compris celles financées par le FDVA ;",
                "confier des responsabilités progressives à ceux qui le souhaitent ;",
                "rembourser les frais rapidement, sur justificatifs ;",
                "associer les bénévoles aux décisions qui les concernent ;",
                "aider à valoriser l'expérience (passeport bénévole, compte d'engagement "
                "citoyen pour les bénévoles dirigeants ou encadrants).",
            ]
        ),
        attention(
            "Le bénévole n'est pas un salarié déguisé",
            "Le bénévole ne reçoit aucune rémunération, en argent ou en nature, et n'est pas "
            "placé sous un lien de subordination : pas d'horaires imposés sous peine de "
            "sanction, pas de pouvoir disciplinaire. Des « défraiements » forfaitaires ou un "
            "encadrement de type salarial peuvent conduire à une requalification en contrat "
            "de travail.",
        ),
        conseil(
            "Les frais non remboursés peuvent devenir un don",
            "Si l'association est d'intérêt général, un bénévole peut renoncer au "
            "remboursement de frais engagés pour elle (déplacements, achats) et recevoir un "
            "reçu fiscal. Il faut des justificatifs et une renonciation écrite, et les frais "
            "doivent figurer dans les comptes de l'association.",
        ),
        checklist(
            "Le kit d'accueil du bénévole",
            "La charte du bénévole",
            "Qui fait quoi : un organigramme simple avec les contacts",
            "Le calendrier des prochains mois",
            "Le modèle de note de frais",
            "L'attestation que l'assurance couvre les bénévoles",
            "Les accès aux outils partagés (et comment les rendre en partant)",
        ),
        document("charte-du-benevole.pdf", "Télécharger la charte du bénévole (PDF)"),
        faq(
            (
                "Faut-il signer un contrat avec un bénévole ?",
                "Non, pas de contrat de travail. Une charte ou une convention d'engagement "
                "réciproque est recommandée : elle précise la mission et les engagements de "
                "chacun, sans créer de lien de subordination.",
            ),
            (
                "Les bénévoles sont-ils assurés ?",
                "Seulement si le contrat de l'association le prévoit. Vérifiez que la "
                "responsabilité civile et l'assurance des personnes couvrent les bénévoles, "
                "y compris pendant leurs déplacements.",
            ),
            (
                "Un salarié peut-il être bénévole dans son association ?",
                "Oui, pour des tâches clairement distinctes de son emploi et en dehors de son "
                "temps de travail. Sinon, les heures risquent d'être considérées comme du "
                "travail non payé.",
            ),
            (
                "Comment montrer le bénévolat dans les comptes ?",
                "Par les contributions volontaires en nature : nombre d'heures multiplié par "
                "un taux horaire que l'association choisit et explique dans l'annexe.",
            ),
        ),
        temoignage(
            "Le jour où on a nommé une référente accueil, on a arrêté de perdre la moitié "
            "des nouveaux bénévoles en trois mois.",
            "Samia",
            "Épicerie solidaire La Passerelle",
        ),
        temoignage(
            "On m'a confié une mission précise : la gazette du mois. J'ai su tout de suite "
            "à quoi je servais.",
            "Louis, bénévole depuis deux ans",
        ),
    ],
}

CROWDFUNDING = {
    "slug": "lancer-une-campagne-de-crowdfunding",
    "title": "Lancer une campagne de crowdfunding",
    "chapo": (
        "Le financement participatif permet de financer un projet précis tout en faisant "
        "connaître l'association. Choisir la plateforme, fixer l'objectif, mobiliser son "
        "premier cercle : la méthode en six étapes."
    ),
    "domaines": ["mecenat-fundraising", "communication"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "intermediaire",
    "liees": ["plan-de-financement-projet", "recu-dons-trame", "communiquer-avec-peu-de-moyens"],
    "body": [
        paragraphe(
            "Une campagne de financement participatif (crowdfunding) collecte des dons en "
            "ligne pour un projet précis, pendant une durée limitée. Elle marche d'autant "
            "mieux que le projet est concret et que l'association a déjà une communauté. Ce "
            "guide traite du don, avec ou sans contreparties ; le prêt et l'investissement "
            "participatifs, utilisés par certaines coopératives, obéissent à d'autres règles.",
        ),
        intertitre("Un projet, un montant, une date"),
        paragraphe(
            "Les donateurs financent un résultat visible : un camion réfrigéré, des ateliers "
            "pour 50 enfants, la rénovation d'un local. Fixez un montant réaliste, calculé à "
            "partir d'un budget détaillé, et une durée courte : la plupart des campagnes "
            "durent entre quatre et six semaines. La majorité des premiers dons vient des "
            "proches de l'association : c'est leur élan qui attire ensuite des inconnus.",
        ),
        etapes(
            (
                "Choisir le projet et l'objectif",
                "Un besoin précis, un budget détaillé et, si possible, un objectif "
                "complémentaire en cas de dépassement.",
            ),
            (
                "Choisir la plateforme",
                [
                    "Comparez les commissions et frais de paiement, le modèle (« tout ou "
                    "rien » ou « on garde tout »), la délivrance automatique des reçus fiscaux "
                    "et le public de la plateforme. Certaines plateformes associatives se "
                    "financent par un pourboire facultatif demandé aux donateurs ; d'autres, "
                    "généralistes, prélèvent une commission sur les sommes collectées.",
                ],
            ),
            (
                "Préparer la page",
                "Un titre parlant, une vidéo courte et sous-titrée ou des photos, un texte "
                "qui répond à « pourquoi maintenant ? », le budget détaillé et des "
                "contreparties simples.",
            ),
            (
                "Mobiliser le premier cercle avant le lancement",
                "Listez les membres, bénévoles, partenaires et familles ; demandez à quelques "
                "ambassadeurs de donner dès le premier jour et de relayer.",
            ),
            (
                "Animer la campagne",
                "Publiez des nouvelles régulières, remerciez en public, relancez à mi-parcours "
                "et dans les derniers jours, qui sont souvent les plus actifs.",
            ),
            (
                "Remercier et rendre compte",
                "Envoyez les reçus fiscaux et les contreparties, puis racontez ce que les dons "
                "ont permis de faire. Ces donateurs sont ceux de la prochaine campagne.",
            ),
        ),
        attention(
            "Contreparties et reçu fiscal",
            "Si l'association peut délivrer des reçus fiscaux, les contreparties doivent rester "
            "d'une valeur très faible par rapport au don (règle de la « disproportion "
            "marquée »), dans la limite d'un plafond fixé par l'administration et révisé "
            "régulièrement : vérifiez-le sur impots.gouv.fr. Sinon, la somme n'est plus un don.",
        ),
        exemple(
            "Une chambre froide pour l'épicerie solidaire",
            "Une épicerie solidaire (exemple fictif) a besoin d'une chambre froide pour "
            "accepter les dons de produits frais. Objectif : 6 000 €, en 40 jours, sur une "
            "plateforme associative. Contreparties : une carte postale dessinée par les "
            "enfants du quartier, une visite du local, un atelier cuisine. Les 30 bénévoles "
            "ont chacun relayé la campagne auprès de dix personnes : 180 donateurs, objectif "
            "atteint en 33 jours.",
        ),
        checklist(
            "Avant de lancer",
            "Budget détaillé publié sur la page",
            "Trois contreparties au plus, faciles à livrer",
            "Liste d'au moins 50 contacts prévenus personnellement",
            "Calendrier de publications pour toute la durée",
            "Vidéo de moins de deux minutes, sous-titrée",
            "Reçus fiscaux paramétrés, si l'association y a droit",
            "Autorisation des personnes qui apparaissent sur les photos",
        ),
        faq(
            (
                "« Tout ou rien » ou « on garde tout » ?",
                "En « tout ou rien », les donateurs sont remboursés si l'objectif n'est pas "
                "atteint : c'est rassurant et motivant, mais risqué. « On garde tout » convient "
                "si le projet peut être réalisé en partie.",
            ),
            (
                "Les sommes collectées sont-elles imposables ?",
                "Les dons reçus par une association dont la gestion est désintéressée et "
                "l'activité non lucrative ne sont pas imposés. Ils figurent dans ses comptes "
                "comme les autres dons.",
            ),
            (
                "Et si nous n'avons pas de communauté en ligne ?",
                "Commencez par un objectif modeste et mobilisez vos partenaires : mairie, "
                "commerçants, réseau associatif. Le crowdfunding amplifie une communauté, il "
                "ne la crée pas.",
            ),
        ),
        temoignage(
            "La campagne nous a rapporté 4 000 €, mais surtout 120 nouveaux contacts, dont "
            "quinze sont devenus bénévoles.",
            "Thomas",
            "Vélo-école Roue Libre",
        ),
    ],
}

SUBVENTION = {
    "slug": "reussir-son-dossier-de-subvention",
    "title": "Réussir son dossier de demande de subvention",
    "chapo": (
        "Qui finance quoi, comment remplir le formulaire commun, quelles pièces joindre et "
        "comment rendre compte : la méthode pour déposer un dossier solide et garder la "
        "confiance de ses financeurs."
    ),
    "domaines": ["financement-modele-economique", "gestion-comptabilite-fiscalite"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "intermediaire",
    "liees": [
        "dossier-demande-subvention-trame",
        "budget-previsionnel-annuel",
        "plan-de-financement-projet",
    ],
    "body": [
        paragraphe(
            "Une subvention est une contribution facultative d'une autorité publique à une "
            "action d'intérêt général que l'association a elle-même imaginée et qu'elle "
            "conduit. Ce n'est pas le paiement d'un service commandé par la collectivité : "
            "dans ce cas, on parle de marché public.",
        ),
        intertitre("Qui finance quoi ?"),
        paragraphe(
            [
                "la commune et l'intercommunalité : vie locale, culture, sport, jeunesse ;",
                "le département : action sociale, insertion, personnes âgées, handicap ;",
                "la région : emploi, formation, développement économique, ESS ;",
                "l'État, par ses services départementaux et régionaux, et le FDVA (Fonds pour "
                "le développement de la vie associative) pour la formation des bénévoles et "
                "le fonctionnement ou l'innovation des petites associations ;",
                "l'Europe, souvent par des organismes intermédiaires ;",
                "les fondations, par des appels à projets aux règles proches.",
            ]
        ),
        etapes(
            (
                "Repérer les appels et les calendriers",
                "Beaucoup de collectivités ont une date limite unique par an, parfois à "
                "l'automne pour l'année suivante. Tenez un calendrier des échéances.",
            ),
            (
                "Rencontrer le financeur avant d'écrire",
                "Un rendez-vous avec le chargé de mission permet de vérifier que le projet "
                "entre dans ses priorités et d'éviter un refus pour une raison de forme.",
            ),
            (
                "Remplir le dossier",
                f"La plupart des financeurs publics utilisent le formulaire commun Cerfa "
                f'n° 12156 ou sa version en ligne sur <a href="{LE_COMPTE_ASSO}">Le Compte '
                "Asso</a>. Il comprend la présentation de l'association, la fiche de l'action, "
                "le budget de l'action et celui de l'association.",
            ),
            (
                "Joindre les pièces",
                "Statuts, liste des dirigeants, RIB, numéro SIRET, derniers comptes approuvés, "
                "rapport d'activité et budget prévisionnel de l'année.",
            ),
            (
                "Suivre la décision",
                "Au-delà de 23 000 € par an, une convention précisant l'objet, le montant et "
                "les conditions d'utilisation est obligatoire. Lisez-la avant de signer.",
            ),
            (
                "Rendre compte",
                "Le compte rendu financier (Cerfa n° 15059) est à transmettre dans les six "
                "mois suivant la fin de l'exercice au cours duquel la subvention a été "
                "utilisée.",
            ),
        ),
        conseil(
            "Un budget équilibré et crédible",
            "Le total des charges est égal au total des produits. Montrez les "
            "cofinancements, même demandés et pas encore obtenus, la part d'autofinancement "
            "et les contributions volontaires en nature (bénévolat, locaux prêtés). Imputez "
            "au projet une part raisonnable des frais de structure, en expliquant la clé de "
            "répartition.",
        ),
        attention(
            "Le contrat d'engagement républicain",
            "Depuis 2022, toute association qui demande une subvention publique s'engage à "
            "respecter le contrat d'engagement républicain (loi du 24 août 2021). Cet "
            "engagement figure dans le formulaire. Un manquement peut conduire au "
            "remboursement de la subvention.",
        ),
        checklist(
            "Avant d'envoyer",
            "L'action répond à une priorité du financeur, citée dans le texte",
            "Objectifs, public, lieu et calendrier sont précis",
            "Le budget de l'action est équilibré",
            "Les indicateurs de résultat sont réalistes",
            "Toutes les pièces sont jointes et à jour",
            "Le dossier est signé par le représentant légal ou son délégataire",
        ),
        document(
            "dossier-demande-subvention-trame.docx",
            "Télécharger la trame pour préparer le dossier (Word)",
        ),
        faq(
            (
                "Subvention de fonctionnement ou de projet ?",
                "La subvention de fonctionnement soutient l'ensemble du projet associatif ; "
                "la subvention de projet finance une action précise. Les deux se demandent "
                "avec le même formulaire.",
            ),
            (
                "Peut-on utiliser la subvention pour autre chose ?",
                "Non, pas sans l'accord écrit du financeur. Prévenez-le dès qu'un projet "
                "change : un avenant est presque toujours possible si l'on s'y prend tôt.",
            ),
            (
                "Le dossier est refusé : que faire ?",
                "Demandez un retour au chargé de mission. Les raisons d'un refus (budget "
                "épuisé, projet hors priorités) aident à mieux cibler la demande suivante.",
            ),
        ),
        temoignage(
            "Depuis que nous rencontrons chaque financeur avant le dépôt, nous n'avons plus "
            "eu de refus pour « projet hors champ ».",
            "Fatou, coordinatrice",
            "Centre social des Tilleuls",
        ),
    ],
}

ASSEMBLEE_GENERALE = {
    "slug": "organiser-son-assemblee-generale",
    "title": "Organiser son assemblée générale",
    "chapo": (
        "Moment obligé pour approuver les comptes et élire les dirigeants, l'assemblée "
        "générale peut aussi être un temps fort de la vie associative. Le calendrier, les "
        "documents et les formalités, étape par étape."
    ),
    "domaines": ["gouvernance-vie-associative", "juridique-statuts"],
    "publics": ["dirigeants-benevoles", "benevoles"],
    "niveau": "debutant",
    "liees": ["proces-verbal-assemblee-generale", "statuts-association-loi-1901"],
    "body": [
        paragraphe(
            "La loi de 1901 n'impose pas d'assemblée générale : ce sont les statuts qui "
            "fixent ses règles. La plupart prévoient une assemblée générale ordinaire chaque "
            "année (rapports, approbation des comptes, élections) et une assemblée générale "
            "extraordinaire pour modifier les statuts ou dissoudre l'association. Relire les "
            "statuts est donc toujours la première étape.",
        ),
        intertitre("Le calendrier"),
        etapes(
            (
                "Deux à trois mois avant : relire les statuts",
                "Qui convoque, dans quel délai, sous quelle forme ? Quel quorum ? Les "
                "procurations et le vote à distance sont-ils prévus ? Notez tout dans un "
                "rétroplanning.",
            ),
            (
                "Fixer la date et le lieu",
                "Choisissez un horaire compatible avec le travail des bénévoles, souvent en "
                "soirée ou le samedi, et un lieu accessible aux personnes à mobilité réduite.",
            ),
            (
                "Préparer les documents",
                "Rapport moral, rapport d'activité, comptes de l'exercice, budget "
                "prévisionnel, liste des candidats, texte des résolutions soumises au vote.",
            ),
            (
                "Convoquer",
                "Dans les formes et délais des statuts : ordre du jour, date, lieu, "
                "formulaire de procuration et documents ou lien pour les consulter.",
            ),
            (
                "Tenir l'assemblée",
                "Feuille d'émargement, vérification du quorum, désignation d'un président et "
                "d'un secrétaire de séance, votes résolution par résolution, décompte clair "
                "des voix.",
            ),
            (
                "Après l'assemblée",
                "Rédigez et signez le procès-verbal, diffusez-le aux membres et déclarez en "
                "préfecture, dans les trois mois, tout changement de dirigeants ou de statuts.",
            ),
        ),
        conseil(
            "Une assemblée vivante",
            "Expédiez les formalités en moins d'une heure et gardez du temps pour autre "
            "chose : témoignages de bénéficiaires, ateliers sur les projets de l'année, "
            "vote sur une priorité, moment convivial. Les membres qui viennent pour cela "
            "reviennent l'année suivante.",
        ),
        attention(
            "Si le quorum n'est pas atteint",
            "Appliquez exactement ce que prévoient les statuts, en général une seconde "
            "assemblée sans quorum. Une décision prise sans respecter les statuts peut être "
            "contestée en justice par un membre.",
        ),
        checklist(
            "Quinze jours avant",
            "Convocations envoyées dans le délai des statuts",
            "Rapports et comptes relus par le bureau",
            "Appel à candidatures clos",
            "Formulaires de procuration prêts",
            "Feuille d'émargement imprimée",
            "Salle réservée, accessible, avec micro si besoin",
        ),
        document(
            "proces-verbal-assemblee-generale.docx",
            "Télécharger le modèle de procès-verbal d'assemblée générale",
        ),
        faq(
            (
                "Peut-on voter par procuration ?",
                "Seulement si les statuts ou le règlement intérieur le prévoient. Limitez le "
                "nombre de pouvoirs par personne pour éviter qu'une minorité décide.",
            ),
            (
                "L'assemblée peut-elle se tenir en visioconférence ?",
                "Oui si les statuts le permettent. Il faut pouvoir identifier les "
                "participants et garantir, si nécessaire, le secret du vote.",
            ),
            (
                "Qui signe le procès-verbal ?",
                "Les personnes désignées par les statuts, le plus souvent le président et le "
                "secrétaire de séance.",
            ),
        ),
        temoignage(
            "On a remplacé la lecture du rapport d'activité par trois témoignages de "
            "familles. La salle n'a jamais été aussi pleine.",
            "Isabelle, présidente",
            "Association Lire et faire lire du canton",
        ),
    ],
}

UTILITE_SOCIALE = {
    "slug": "mesurer-son-utilite-sociale",
    "title": "Mesurer son utilité sociale",
    "chapo": (
        "Évaluer ce que l'association change pour les personnes et le territoire, avec des "
        "moyens modestes : partir de ses propres questions, choisir peu d'indicateurs et "
        "utiliser les résultats pour décider."
    ),
    "domaines": ["evaluation-utilite-sociale", "financement-modele-economique"],
    "publics": ["salaries", "dirigeants-benevoles", "accompagnateurs"],
    "niveau": "avance",
    "liees": ["dossier-demande-subvention-trame", "reussir-son-dossier-de-subvention"],
    "body": [
        paragraphe(
            "Compter les activités (nombre d'ateliers, de repas, de personnes reçues) ne dit "
            "pas ce qu'elles ont changé. L'utilité sociale, c'est ce que l'association apporte "
            "en plus : une personne qui reprend confiance, un quartier où l'on se parle, des "
            "déchets évités. L'évaluer sert d'abord à piloter le projet, ensuite à convaincre "
            "les financeurs, enfin à reconnaître le travail des équipes.",
        ),
        intertitre("Partir de vos questions, pas des indicateurs"),
        paragraphe(
            "La tentation est de lister tous les chiffres disponibles. Commencez plutôt par "
            "deux ou trois questions auxquelles vous voulez vraiment répondre, avec ceux qui "
            "décident et ceux qui sont concernés, bénéficiaires compris.",
        ),
        etapes(
            (
                "Définir ce que vous voulez savoir, et pour qui",
                "Par exemple : « Nos ateliers aident-ils les participants à entreprendre seuls "
                "leurs démarches ? » La réponse intéresse l'équipe, le conseil "
                "d'administration et le financeur.",
            ),
            (
                "Décrire votre chaîne de valeur",
                "Ressources → activités → réalisations → résultats pour les personnes → "
                "effets à plus long terme. Ce schéma, appelé aussi théorie du changement, "
                "montre où se situent vos questions.",
            ),
            (
                "Choisir peu d'indicateurs",
                "Cinq à dix, en mélangeant chiffres et éléments qualitatifs. Pour chacun : la "
                "définition, la source, qui collecte et quand.",
            ),
            (
                "Collecter simplement",
                "Feuilles d'émargement, questionnaire court au début et à la fin d'un "
                "parcours, entretiens avec quelques personnes, récits de changement, photos "
                "avant et après.",
            ),
            (
                "Analyser ensemble",
                "Une demi-journée par an avec salariés, bénévoles et, si possible, "
                "bénéficiaires, pour lire les résultats et les interpréter.",
            ),
            (
                "Restituer et décider",
                "Un document court et illustré, et surtout une ou deux décisions prises grâce "
                "aux résultats : c'est ce qui donne du sens à l'exercice.",
            ),
        ),
        exemple(
            "Les indicateurs d'une recyclerie",
            [
                "tonnes d'objets collectées et part réemployée ou réutilisée ;",
                "nombre de clients et part de clients du quartier ;",
                "pour les salariés en insertion : formations suivies et situation à la sortie ;",
                "ce que les habitants disent avoir appris lors des ateliers de réparation.",
            ],
        ),
        attention(
            "Ne vous attribuez pas tout",
            "Une personne qui retrouve un emploi a souvent été aidée par plusieurs acteurs. "
            "Parlez de contribution plutôt que d'impact exclusif. Et traitez les données des "
            "bénéficiaires dans le respect du RGPD : minimisation, anonymisation des "
            "résultats, information des personnes.",
        ),
        paragraphe(
            "Des méthodes plus poussées existent, comme le retour social sur investissement "
            "(SROI) ou les études avec groupe de comparaison. Elles demandent du temps et un "
            "accompagnement spécialisé, à réserver aux programmes importants. Pour être "
            "accompagnée, une structure employeuse peut solliciter le dispositif local "
            "d'accompagnement (DLA) de son département.",
        ),
        checklist(
            "Votre démarche tient la route si…",
            "Les questions évaluatives sont écrites et partagées",
            "Chaque indicateur a une source et un responsable",
            "La collecte tient dans le temps de travail existant",
            "Les bénéficiaires ont été associés",
            "Les résultats ont conduit à au moins une décision",
        ),
        faq(
            (
                "Combien d'indicateurs faut-il ?",
                "Le moins possible : un indicateur que personne ne renseigne ou ne lit ne "
                "sert à rien. Mieux vaut cinq indicateurs suivis que trente abandonnés.",
            ),
            (
                "Comment mesurer le lien social ?",
                "Par des questions simples posées avant et après (« À combien de voisins "
                "pouvez-vous demander un service ? ») et par des récits recueillis en "
                "entretien.",
            ),
            (
                "Faut-il faire appel à un cabinet ?",
                "Pas pour commencer. Un regard extérieur est utile pour une évaluation "
                "importante, demandée par un financeur, ou pour former l'équipe.",
            ),
        ),
        temoignage(
            "Les questionnaires avant et après nous ont montré que les ateliers rassuraient "
            "surtout les plus âgés. Nous avons créé un créneau pour eux.",
            "Karim, animateur",
            "Espace de médiation numérique Le Lien",
        ),
    ],
}

COMPTABILITE = {
    "slug": "tenir-une-comptabilite-associative-simple",
    "title": "Tenir une comptabilité associative simple",
    "chapo": (
        "Trésorier bénévole et pas comptable ? Les obligations qui s'appliquent vraiment, la "
        "méthode pour tenir les comptes d'une petite association et présenter un bilan clair "
        "à l'assemblée générale."
    ),
    "domaines": ["gestion-comptabilite-fiscalite"],
    "publics": ["dirigeants-benevoles", "benevoles"],
    "niveau": "debutant",
    "liees": ["budget-previsionnel-annuel", "organiser-son-assemblee-generale"],
    "body": [
        paragraphe(
            "Aucun texte n'oblige toutes les associations à tenir une comptabilité "
            "normalisée. L'obligation existe par exemple au-delà de 153 000 € de subventions "
            "publiques ou de dons ouvrant droit à réduction d'impôt par an, en cas "
            "d'activité économique soumise aux impôts commerciaux, ou si les statuts le "
            "prévoient. Mais tenir des comptes est indispensable dans tous les cas : pour "
            "rendre compte aux membres, demander une subvention ou simplement savoir où "
            "l'on en est.",
        ),
        intertitre("Trésorerie ou engagement ?"),
        paragraphe(
            "Une petite association peut tenir une comptabilité de trésorerie : elle note les "
            "recettes et les dépenses au moment où l'argent entre ou sort. Quand une "
            "obligation s'applique, il faut une comptabilité d'engagement (en partie double), "
            "conforme au règlement de l'Autorité des normes comptables n° 2018-06 propre aux "
            "associations. Un expert-comptable ou un bénévole formé devient alors utile.",
        ),
        etapes(
            (
                "Séparer les comptes",
                "Un compte bancaire au nom de l'association, jamais d'opération personnelle "
                "dessus, au moins deux personnes qui y ont accès.",
            ),
            (
                "Numéroter et classer chaque pièce",
                "Facture, ticket, relevé : chaque mouvement a une pièce, numérotée dans "
                "l'ordre, classée par mois, en papier ou en version numérisée.",
            ),
            (
                "Tenir le journal",
                "Un tableau suffit : date, numéro de pièce, libellé, catégorie, recette ou "
                "dépense, mode de paiement.",
            ),
            (
                "Rapprocher chaque mois",
                "Comparez le journal au relevé bancaire et expliquez chaque écart (chèque non "
                "encaissé, prélèvement oublié).",
            ),
            (
                "Suivre le budget",
                "Chaque trimestre, comparez le réalisé au budget prévisionnel et alertez le "
                "bureau en cas d'écart important.",
            ),
            (
                "Clôturer l'exercice",
                "Arrêtez les comptes à la date prévue par les statuts, préparez un compte de "
                "résultat simple et un état de la trésorerie, faites-les vérifier par un "
                "membre qui n'a pas tenu les comptes et présentez-les à l'assemblée.",
            ),
        ),
        exemple(
            "Des catégories simples",
            [
                "dépenses : achats, loyer et charges, assurances, communication, "
                "déplacements, frais bancaires, salaires et cotisations ;",
                "recettes : cotisations, dons, subventions (par financeur), participations "
                "des usagers, ventes, produits de manifestations.",
            ],
            "Reprenez les mêmes catégories dans le budget prévisionnel : la comparaison "
            "devient immédiate.",
        ),
        conseil(
            "Deux regards valent mieux qu'un",
            "Fixez dans le règlement intérieur un montant au-delà duquel une dépense est "
            "validée par deux membres du bureau. C'est une protection pour le trésorier "
            "autant que pour l'association.",
        ),
        attention(
            "La caisse en espèces",
            "Limitez-la au strict nécessaire, tenez un cahier de caisse et comptez-la à chaque "
            "manifestation à deux personnes. Déposez rapidement les espèces en banque.",
        ),
        paragraphe(
            "Le bénévolat, les locaux mis à disposition et les dons en nature peuvent "
            "apparaître en pied de compte de résultat, dans les contributions volontaires en "
            "nature (comptes 86 et 87). Ils montrent la valeur réelle du projet aux financeurs.",
        ),
        checklist(
            "Fin d'exercice",
            "Toutes les pièces sont classées et numérotées",
            "Le solde du journal correspond au relevé bancaire",
            "Les subventions reçues sont rapprochées de leur utilisation",
            "Le compte de résultat et l'état de trésorerie sont prêts",
            "Un vérificateur aux comptes bénévole a relu",
            "Le budget de l'année suivante est préparé",
        ),
        document(
            "budget-previsionnel-annuel.odt", "Télécharger le modèle de budget (OpenDocument)"
        ),
        faq(
            (
                "Quel logiciel utiliser ?",
                "Un tableur suffit pour commencer. Des logiciels libres pensés pour les "
                "associations, comme Paheko, gèrent aussi les adhésions et la comptabilité en "
                "partie double.",
            ),
            (
                "Combien de temps garder les pièces ?",
                "Dix ans est la durée de référence pour les documents comptables ; gardez au "
                "minimum les pièces demandées par vos financeurs pendant la durée qu'ils "
                "fixent.",
            ),
            (
                "Le trésorier est-il personnellement responsable ?",
                "C'est l'association qui est responsable de ses dettes. Un dirigeant ne "
                "répond personnellement qu'en cas de faute de gestion, par exemple s'il "
                "engage des dépenses sans rapport avec l'objet.",
            ),
        ),
        temoignage(
            "Je n'avais jamais fait de comptabilité. Un tableau, un classeur et un "
            "rapprochement chaque mois : en un an, je n'ai plus eu peur de l'AG.",
            "Marc, trésorier",
            "Club de randonnée des Trois Vallées",
        ),
    ],
}

RESCRIT = {
    "slug": "rescrit-fiscal-et-recus-fiscaux",
    "title": "Rescrit fiscal et reçus fiscaux : sécuriser les dons",
    "chapo": (
        "Avant de promettre une réduction d'impôt à vos donateurs, vérifiez que l'association "
        "y a droit. Conditions de l'intérêt général, demande de rescrit, mentions du reçu, "
        "déclaration annuelle : l'essentiel."
    ),
    "domaines": ["mecenat-fundraising", "gestion-comptabilite-fiscalite"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "avance",
    "liees": ["recu-dons-trame", "lancer-une-campagne-de-crowdfunding"],
    "body": [
        paragraphe(
            "Les dons à un organisme d'intérêt général ouvrent droit à une réduction d'impôt. "
            "Pour un particulier, elle est de 66 % du don dans la limite de 20 % du revenu "
            "imposable, et de 75 % jusqu'à un plafond annuel pour certains organismes d'aide "
            "aux personnes en difficulté. Pour une entreprise, elle est de 60 % du don, dans "
            "la limite de 20 000 € ou de 0,5 % du chiffre d'affaires si ce montant est plus "
            "élevé. Encore faut-il que l'association remplisse les conditions.",
        ),
        intertitre("L'association est-elle d'intérêt général ?"),
        paragraphe(
            "Trois conditions cumulatives, puis un caractère :",
            [
                "une activité non lucrative (pas de concurrence avec le secteur commercial "
                "dans des conditions similaires) ;",
                "une gestion désintéressée (dirigeants bénévoles, sauf exceptions encadrées, "
                "pas de distribution de bénéfices) ;",
                "une action qui ne profite pas à un cercle restreint de personnes (les seuls "
                "membres, une famille…) ;",
                "un caractère philanthropique, éducatif, scientifique, social, humanitaire, "
                "sportif, familial, culturel ou de défense de l'environnement, notamment.",
            ],
        ),
        intertitre("Demander un rescrit"),
        etapes(
            (
                "Analyser votre situation",
                "Listez vos activités, vos ressources et le fonctionnement de la gouvernance. "
                "En cas de doute, faites-vous accompagner.",
            ),
            (
                "Constituer le dossier",
                "La demande décrit précisément l'association et ses activités ; joignez les "
                "statuts, le dernier rapport d'activité, les comptes et le budget.",
            ),
            (
                "Envoyer la demande",
                "À la direction des finances publiques du département du siège, selon le "
                "modèle et les modalités indiqués sur impots.gouv.fr.",
            ),
            (
                "Attendre la réponse",
                "L'administration a six mois pour répondre. Son silence au-delà de ce délai "
                "vaut accord tacite.",
            ),
            (
                "Conserver la réponse",
                "Elle engage l'administration tant que votre situation et vos activités ne "
                "changent pas. Refaites le point à chaque évolution importante.",
            ),
        ),
        attention(
            "Un reçu délivré à tort coûte cher",
            "Un organisme qui délivre des reçus sans y avoir droit s'expose à une amende égale "
            "au taux de la réduction d'impôt appliqué aux sommes indûment mentionnées "
            "(article 1740 A du Code général des impôts). Le rescrit protège l'association "
            "de bonne foi.",
        ),
        intertitre("Délivrer les reçus"),
        paragraphe(
            "Le reçu mentionne l'organisme (nom, adresse, objet), le donateur, le montant et "
            "la date du don, sa forme (numéraire, nature, abandon de frais), son mode de "
            "versement et l'article du Code général des impôts concerné (200 pour les "
            "particuliers, 238 bis pour les entreprises). L'utilisation du modèle Cerfa "
            "n° 11580 n'est pas obligatoire si toutes les mentions y sont. Numérotez les "
            "reçus et gardez-en un double.",
        ),
        conseil(
            "La déclaration annuelle",
            "Les organismes qui délivrent des reçus doivent déclarer chaque année à "
            "l'administration le montant total des dons reçus et le nombre de reçus "
            "délivrés. Notez l'échéance dans votre calendrier de fin d'exercice.",
        ),
        checklist(
            "Un reçu conforme",
            "Numéro d'ordre unique",
            "Identité et objet de l'organisme",
            "Nom et adresse du donateur",
            "Montant en chiffres et en lettres, date du versement",
            "Forme et mode de versement",
            "Article du Code général des impôts visé",
            "Date et signature de la personne habilitée",
        ),
        document("recu-dons-trame.pdf", "Télécharger la trame de reçu de don (PDF)"),
        faq(
            (
                "Une cotisation peut-elle donner lieu à un reçu ?",
                "Oui, si l'adhésion n'apporte pas de contrepartie autre que la participation à "
                "la vie de l'association (voter en assemblée, recevoir ses informations).",
            ),
            (
                "Et les frais abandonnés par les bénévoles ?",
                "Ils sont assimilés à un don s'ils sont justifiés, engagés pour l'objet de "
                "l'association, inscrits dans ses comptes et si le bénévole renonce "
                "expressément à leur remboursement.",
            ),
            (
                "Une entreprise mécène peut-elle recevoir des contreparties ?",
                "Oui, à condition qu'elles restent nettement disproportionnées : "
                "l'administration admet des contreparties d'une valeur allant jusqu'au quart "
                "du don (visibilité, invitations).",
            ),
        ),
        temoignage(
            "La réponse au rescrit nous a pris cinq mois, mais elle a rassuré notre premier "
            "mécène et les suivants.",
            "Claire, directrice",
            "Fonds de dotation Terre commune",
        ),
    ],
}

GROUPEMENT_EMPLOYEURS = {
    "slug": "mutualiser-un-emploi-groupement-employeurs",
    "title": "Mutualiser un emploi : le groupement d'employeurs",
    "chapo": (
        "Besoin d'un comptable une journée par semaine, d'un chargé de communication à "
        "mi-temps ? En se regroupant, plusieurs petites structures peuvent offrir un vrai "
        "emploi stable. Fonctionnement, étapes et précautions."
    ),
    "domaines": ["cooperation-mutualisation", "ressources-humaines"],
    "publics": ["dirigeants-benevoles", "accompagnateurs"],
    "niveau": "avance",
    "liees": ["charte-de-partenariat", "fiche-de-poste", "embaucher-son-premier-salarie"],
    "body": [
        paragraphe(
            "Beaucoup d'associations ont des besoins réels mais trop petits pour un emploi "
            "entier. Le groupement d'employeurs (GE) répond à cette situation : il embauche "
            "lui-même des salariés et les met à disposition de ses membres, qui se partagent "
            "leur temps de travail et leur coût.",
        ),
        intertitre("Comment fonctionne un groupement d'employeurs"),
        paragraphe(
            [
                "le GE est le plus souvent une association loi 1901 dont les membres sont les "
                "structures utilisatrices ;",
                "le salarié a un seul employeur, un seul contrat et un seul bulletin de paie ;",
                "chaque membre paie le temps qu'il utilise, selon des règles fixées par le "
                "règlement intérieur ;",
                "les membres sont solidairement responsables des dettes du GE envers les "
                "salariés et les organismes sociaux ;",
                "le salarié bénéficie de l'égalité de traitement, notamment de rémunération, "
                "avec les salariés de la structure où il travaille.",
            ]
        ),
        etapes(
            (
                "Identifier les besoins communs",
                "Quelles compétences, combien d'heures par semaine, à quelles périodes ? Un "
                "tableau croisé des besoins montre si un emploi cohérent se dessine.",
            ),
            (
                "Vérifier la compatibilité",
                "Conventions collectives des membres, localisation, outils, calendrier. Le "
                "GE choisit la convention collective qu'il applique.",
            ),
            (
                "Créer le groupement",
                "Statuts et règlement intérieur : répartition du temps, facturation, "
                "conditions d'entrée et de sortie d'un membre, gestion d'une absence.",
            ),
            (
                "Déclarer la création",
                "La création d'un groupement d'employeurs doit être déclarée à l'inspection "
                "du travail, au sein des services de l'État dans le département (DDETS).",
            ),
            (
                "Recruter et organiser le planning",
                "Une fiche de poste commune, un entretien avec les membres concernés et un "
                "planning stable, connu à l'avance.",
            ),
            (
                "Suivre et ajuster",
                "Un comité de suivi trimestriel et un bilan annuel avec le salarié.",
            ),
        ),
        attention(
            "La solidarité financière",
            "Si un membre ne paie pas, les autres peuvent devoir régler les salaires et "
            "cotisations correspondants. Facturez chaque mois, prévoyez une réserve de "
            "trésorerie et des règles de sortie claires.",
        ),
        conseil(
            "Des formules plus légères",
            [
                "le prêt de main-d'œuvre à but non lucratif : une structure met un de ses "
                "salariés à disposition d'une autre, par convention, au coût réel et avec "
                "l'accord écrit du salarié (avenant) ;",
                "l'emploi partagé à temps partiel : deux contrats distincts chez deux employeurs ;",
                "le GEIQ, un groupement qui recrute des personnes éloignées de l'emploi pour "
                "les qualifier.",
            ],
        ),
        checklist(
            "Avant de créer un GE",
            "Au moins deux membres engagés pour plusieurs années",
            "Un volume d'heures stable pour un emploi d'au moins un mi-temps",
            "Une convention collective choisie",
            "Des règles de facturation et de sortie écrites",
            "Un dirigeant bénévole référent pour le salarié",
        ),
        faq(
            (
                "Qui encadre le salarié au quotidien ?",
                "La structure où il travaille organise le travail (horaires, sécurité) ; le "
                "GE reste l'employeur pour le contrat, la paie, la formation et la discipline.",
            ),
            (
                "Une collectivité peut-elle être membre ?",
                "Oui, sous conditions et pour une part limitée de l'activité. Renseignez-vous "
                "auprès des centres de ressources des groupements d'employeurs.",
            ),
            (
                "Combien de membres faut-il ?",
                "Deux suffisent juridiquement. En pratique, trois à six membres stables "
                "donnent de la souplesse sans alourdir la gouvernance.",
            ),
        ),
        temoignage(
            "Seules, aucune de nos trois associations ne pouvait payer un comptable. "
            "Ensemble, nous avons un salarié en CDI qui connaît nos trois maisons.",
            "Hélène, présidente",
            "Groupement Emploi Solidaire du Pays d'Auge",
        ),
    ],
}

RGPD = {
    "slug": "se-conformer-au-rgpd",
    "title": "Se conformer au RGPD dans une petite association",
    "chapo": (
        "Fichier d'adhérents, liste de donateurs, dossiers de bénéficiaires : le RGPD "
        "s'applique aussi aux associations. Les huit gestes pour être en règle sans y passer "
        "ses soirées."
    ),
    "domaines": ["numerique", "juridique-statuts"],
    "publics": ["dirigeants-benevoles", "salaries", "benevoles"],
    "niveau": "intermediaire",
    "liees": ["registre-traitements-rgpd", "communiquer-avec-peu-de-moyens"],
    "body": [
        paragraphe(
            "Le règlement général sur la protection des données (RGPD) s'applique dès qu'une "
            "association utilise des informations sur des personnes : adhérents, bénévoles, "
            "donateurs, bénéficiaires, salariés, contacts de la lettre d'information. Il ne "
            "s'agit pas de tout verrouiller, mais de savoir ce que l'on collecte, pourquoi, et "
            "de le protéger.",
        ),
        etapes(
            (
                "Faire l'inventaire",
                "Listez vos fichiers et outils dans un registre des activités de traitement : "
                "ce que vous collectez, pourquoi, qui y accède, combien de temps vous le "
                "gardez.",
            ),
            (
                "Vérifier la finalité et la base légale",
                "Chaque traitement a un but et une base : le contrat d'adhésion, une "
                "obligation légale (paie, reçus fiscaux), l'intérêt légitime ou le "
                "consentement.",
            ),
            (
                "Ne collecter que le nécessaire",
                "Pas de date de naissance si l'âge ne sert à rien. Les données sensibles "
                "(santé, opinions, religion, origine) sont interdites sauf exceptions : "
                "soyez particulièrement prudents avec les dossiers des bénéficiaires.",
            ),
            (
                "Informer les personnes",
                "Sur chaque formulaire : qui collecte, pourquoi, combien de temps, qui reçoit "
                "les données et comment exercer ses droits.",
            ),
            (
                "Fixer des durées de conservation",
                "Par exemple, supprimer les coordonnées d'un ancien adhérent quelques années "
                "après son départ, sauf ce que la loi oblige à garder.",
            ),
            (
                "Sécuriser",
                "Mots de passe robustes et personnels, double authentification, accès limité "
                "à ceux qui en ont besoin, sauvegardes, pas de fichier en partage public.",
            ),
            (
                "Encadrer les prestataires",
                "Logiciel d'adhésion, plateforme de dons, hébergeur : vérifiez que le contrat "
                "comporte les clauses prévues par le RGPD et où les données sont hébergées.",
            ),
            (
                "Répondre aux demandes",
                "Accès, rectification, effacement, opposition : la réponse est due dans un "
                "délai d'un mois. Désignez la personne qui s'en charge.",
            ),
        ),
        attention(
            "En cas de fuite de données",
            f"Ordinateur volé, fichier envoyé à la mauvaise liste, compte piraté : si la "
            f"violation présente un risque pour les personnes, elle doit être notifiée à la "
            f'<a href="{CNIL}">CNIL</a> dans les 72 heures, et les personnes doivent être '
            "prévenues si le risque est élevé. Notez chaque incident dans un registre.",
        ),
        exemple(
            "Le droit à l'image, une règle à part",
            "Publier la photo d'une personne reconnaissable demande son autorisation, et celle "
            "des parents pour un mineur. Prévoyez un formulaire d'autorisation précisant les "
            "supports et la durée.",
        ),
        conseil(
            "La lettre d'information",
            "Chaque envoi comporte un lien de désinscription qui fonctionne. Pour écrire à "
            "des personnes qui ne sont ni membres ni donateurs, recueillez leur consentement.",
        ),
        checklist(
            "En règle en une journée",
            "Registre des traitements rempli",
            "Mentions d'information sur les formulaires",
            "Durées de conservation décidées",
            "Accès aux fichiers revus et mots de passe changés",
            "Contrats des prestataires vérifiés",
            "Personne référente pour les demandes désignée",
        ),
        document(
            "registre-traitements-rgpd.odt", "Télécharger le modèle de registre (OpenDocument)"
        ),
        faq(
            (
                "Une petite association doit-elle tenir un registre ?",
                "En pratique oui. L'exemption prévue pour les structures de moins de 250 "
                "personnes ne vaut que pour des traitements occasionnels et sans données "
                "sensibles ; gérer ses adhérents est un traitement régulier.",
            ),
            (
                "Faut-il désigner un délégué à la protection des données ?",
                "Ce n'est obligatoire que pour certains organismes, par exemple ceux qui "
                "traitent à grande échelle des données sensibles. Un référent interne suffit "
                "le plus souvent.",
            ),
            (
                "Peut-on utiliser un tableur en ligne gratuit ?",
                "Oui, avec des précautions : accès nominatifs, partage restreint, et de "
                "préférence un service hébergé dans l'Union européenne.",
            ),
        ),
        temoignage(
            "Faire le registre nous a fait découvrir quatre fichiers d'adhérents différents. "
            "Nous n'en avons plus qu'un, et il est à jour.",
            "Sophie, secrétaire",
            "Amicale laïque de Bellevue",
        ),
    ],
}

COMMUNICATION = {
    "slug": "communiquer-avec-peu-de-moyens",
    "title": "Communiquer avec peu de moyens",
    "chapo": (
        "Pas de budget, pas de chargé de communication ? Un message clair, des canaux bien "
        "choisis et un calendrier réaliste suffisent pour se faire connaître de ceux qui "
        "comptent pour l'association."
    ),
    "domaines": ["communication", "numerique"],
    "publics": ["benevoles", "salaries", "dirigeants-benevoles"],
    "niveau": "debutant",
    "liees": ["lancer-une-campagne-de-crowdfunding", "se-conformer-au-rgpd"],
    "body": [
        paragraphe(
            "Bien communiquer, ce n'est pas être partout : c'est dire la bonne chose aux "
            "bonnes personnes, au bon endroit. Une petite association qui choisit deux ou "
            "trois canaux et les tient régulièrement obtient plus qu'une association qui "
            "ouvre six comptes et les abandonne.",
        ),
        etapes(
            (
                "Écrire votre message en une phrase",
                "« Nous aidons les habitants du quartier à réparer leurs objets au lieu de "
                "les jeter. » Cette phrase doit pouvoir être dite par chaque bénévole.",
            ),
            (
                "Choisir trois publics au plus",
                "Par exemple : les habitants, les futurs bénévoles, les partenaires "
                "financiers. Pour chacun : ce qu'il doit savoir et ce que vous attendez de "
                "lui.",
            ),
            (
                "Choisir les canaux qui touchent ces publics",
                "Affiches chez les commerçants, bulletin municipal, presse et radios locales, "
                "lettre d'information, réseaux sociaux, partenaires relais. Le bouche-à-oreille "
                "reste le canal le plus efficace : donnez aux membres de quoi en parler.",
            ),
            (
                "Faire un calendrier",
                "Une page : les temps forts de l'année, qui prépare quoi, quand. Une "
                "publication par semaine tenue vaut mieux que cinq au lancement.",
            ),
            (
                "S'outiller simplement",
                "Un modèle d'affiche et de publication réutilisable, une banque de photos "
                "autorisées, un outil de lettre d'information. Les logiciels libres et les "
                "offres gratuites pour associations couvrent l'essentiel.",
            ),
            (
                "Regarder ce qui marche",
                "Une fois par trimestre : d'où viennent les nouveaux membres, quelles "
                "publications ont fait réagir ? Arrêtez ce qui ne donne rien.",
            ),
        ),
        conseil(
            "Écrire en langage clair",
            "Phrases courtes, mots courants, verbes actifs, une idée par paragraphe, les "
            "informations pratiques en premier (quoi, où, quand, combien). Pour certains "
            "publics, la méthode FALC (« facile à lire et à comprendre ») rend les textes "
            "accessibles à tous.",
        ),
        attention(
            "Penser à l'accessibilité",
            "Ne donnez jamais une information seulement dans une image : ajoutez un texte "
            "alternatif et reprenez-la dans le message. Sous-titrez les vidéos, vérifiez les "
            "contrastes et préférez un document texte à un PDF scanné.",
        ),
        exemple(
            "Un communiqué de presse efficace",
            "Une page. Un titre informatif. Le premier paragraphe répond à : qui, quoi, où, "
            "quand, pourquoi. Une citation d'un bénévole ou d'un bénéficiaire. Une photo "
            "libre de droits. Un contact joignable. Envoyé dix jours avant, relancé par "
            "téléphone.",
        ),
        checklist(
            "Avant chaque publication",
            "L'information pratique est en tête",
            "Le texte est relu par quelqu'un d'extérieur au projet",
            "Les images ont un texte alternatif",
            "Les personnes photographiées ont donné leur accord",
            "Il y a un contact ou un lien pour agir",
        ),
        faq(
            (
                "Quel réseau social choisir ?",
                "Celui où se trouvent déjà vos publics. Demandez-leur. Un groupe local ou une "
                "messagerie de quartier touchent parfois mieux que les grands réseaux.",
            ),
            (
                "Peut-on utiliser une photo trouvée sur internet ?",
                "Non, sauf si sa licence le permet explicitement. Utilisez vos propres photos "
                "ou des banques d'images libres, en citant l'auteur quand la licence le "
                "demande.",
            ),
            (
                "Faut-il un site web ?",
                "Une page simple et à jour (qui vous êtes, ce que vous faites, comment vous "
                "joindre ou aider) est utile pour être trouvé. Un site abandonné fait plus de "
                "tort que pas de site.",
            ),
        ),
        temoignage(
            "Nous avons arrêté Instagram et misé sur la radio associative et les affiches "
            "chez les commerçants. Les ateliers sont complets.",
            "Yasmine",
            "Repair Café de la Croix-Rousse",
        ),
    ],
}

ILLECTRONISME = {
    "slug": "lutter-contre-l-illectronisme",
    "title": "Lutter contre l'illectronisme de ses publics",
    "chapo": (
        "De nombreuses démarches se font désormais en ligne, et une partie de vos publics "
        "n'y arrive pas seule. Repérer les difficultés, orienter, accompagner sans faire à la "
        "place, et dans un cadre sûr."
    ),
    "domaines": ["numerique", "evaluation-utilite-sociale"],
    "publics": ["accompagnateurs", "benevoles", "salaries"],
    "niveau": "intermediaire",
    "liees": ["se-conformer-au-rgpd", "registre-traitements-rgpd"],
    "body": [
        paragraphe(
            "Caisse d'allocations familiales, France Travail, impôts, santé : la plupart des "
            "démarches passent par internet. L'illectronisme, c'est la difficulté à utiliser "
            "les outils numériques faute d'équipement, de connexion ou de compétences. Il "
            "touche des personnes âgées, mais aussi des jeunes à l'aise avec un téléphone et "
            "perdus devant un formulaire administratif.",
        ),
        intertitre("Repérer sans stigmatiser"),
        paragraphe(
            "Les signes sont souvent indirects : courriers non ouverts, droits non demandés, "
            "mot de passe toujours « oublié », demande d'aide d'un proche. Posez des questions "
            "ouvertes (« Comment faites-vous pour vos démarches en ligne ? ») et proposez des "
            "outils de diagnostic simples, utilisés dans les lieux de médiation numérique.",
        ),
        etapes(
            (
                "Repérer les besoins",
                "Un temps d'échange à l'accueil, quelques questions dans le premier entretien, "
                "sans jugement.",
            ),
            (
                "Orienter vers le bon lieu",
                "France Services, conseillers numériques, médiathèques, associations de "
                "médiation numérique : faites une liste des lieux proches avec leurs horaires "
                "et un contact.",
            ),
            (
                "Accompagner en faisant avec",
                "La personne tient la souris ou le téléphone, vous expliquez. C'est plus long "
                "la première fois, mais c'est ce qui rend autonome.",
            ),
            (
                "Si vous devez faire à la place, le faire dans un cadre sûr",
                "Pour les aidants professionnels, le dispositif public Aidants Connect permet "
                "de réaliser des démarches pour le compte d'une personne avec son mandat, sans "
                "connaître ses identifiants.",
            ),
            (
                "Former par petites étapes",
                "Ateliers courts et réguliers, en petits groupes, à des horaires adaptés "
                "(en soirée pour ceux qui travaillent), sur les démarches réelles des "
                "participants.",
            ),
            (
                "Traiter l'équipement et la connexion",
                "Ordinateurs et téléphones reconditionnés par des structures de l'ESS, offres "
                "sociales des opérateurs, accès libre dans les lieux publics.",
            ),
        ),
        attention(
            "Ne gardez jamais les identifiants d'une personne",
            "Ni dans un carnet, ni dans un fichier, ni dans le navigateur de l'ordinateur "
            "de l'association. Aidez la personne à les noter dans un carnet qu'elle garde et "
            "déconnectez chaque session. En cas de problème, la responsabilité de "
            "l'accompagnant pourrait être engagée.",
        ),
        conseil(
            "Les « pass numériques »",
            "Certaines collectivités distribuent des chèques donnant droit à des ateliers dans "
            "des lieux de médiation numérique. Renseignez-vous auprès de votre département ou "
            "de votre intercommunalité.",
        ),
        checklist(
            "Pour un atelier réussi",
            "Six participants au plus par accompagnant",
            "Des appareils chargés et une connexion testée",
            "Des adresses électroniques créées à l'avance si nécessaire",
            "Un support papier à emporter",
            "Un temps de questions libres à la fin",
        ),
        faq(
            (
                "Nos bénévoles ne sont pas experts : est-ce un problème ?",
                "Non. Il faut surtout de la patience et de la bienveillance. Une courte "
                "formation, proposée par les réseaux de médiation numérique, aide à trouver "
                "la bonne posture.",
            ),
            (
                "Peut-on faire une démarche en ligne à la place de quelqu'un ?",
                "En sa présence, avec son accord, et sans conserver ses identifiants. Pour "
                "une aide régulière, un cadre comme Aidants Connect protège la personne et "
                "l'aidant.",
            ),
            (
                "Comment trouver les lieux de médiation près de chez nous ?",
                "Votre mairie, votre France Services et votre médiathèque les connaissent. "
                "Constituez-vous un annuaire et mettez-le à jour chaque année.",
            ),
        ),
        temoignage(
            "Au début, je remplissais les dossiers pour eux. Maintenant, ils viennent me "
            "montrer ce qu'ils ont fait seuls.",
            "Malik, bénévole",
            "Centre social Saint-Exupéry",
        ),
    ],
}

IAE = {
    "slug": "devenir-structure-insertion-activite-economique",
    "title": "Devenir une structure d'insertion (SIAE) : le conventionnement IAE",
    "chapo": (
        "Chantier d'insertion, entreprise d'insertion, association intermédiaire : comment "
        "construire un projet d'insertion par l'activité économique et obtenir le "
        "conventionnement de l'État."
    ),
    "domaines": ["insertion-activite-economique", "financement-modele-economique"],
    "publics": ["dirigeants-benevoles", "salaries", "accompagnateurs"],
    "niveau": "avance",
    "liees": ["plan-de-financement-projet", "creer-une-ressourcerie"],
    "body": [
        paragraphe(
            "L'insertion par l'activité économique (IAE) permet à des personnes sans emploi "
            "rencontrant des difficultés sociales et professionnelles particulières de "
            "travailler, avec un contrat de travail, tout en étant accompagnées vers un "
            "emploi durable. Les structures d'insertion (SIAE) sont conventionnées par l'État, "
            "qui finance une aide au poste pour chaque emploi d'insertion.",
        ),
        intertitre("Les formes de SIAE"),
        paragraphe(
            [
                "<b>l'atelier et chantier d'insertion (ACI)</b>, porté par une association ou "
                "une collectivité, sur des activités d'utilité sociale ;",
                "<b>l'entreprise d'insertion (EI)</b>, qui produit des biens ou des services "
                "sur le marché ;",
                "<b>l'entreprise de travail temporaire d'insertion (ETTI)</b>, qui propose "
                "des missions d'intérim ;",
                "<b>l'association intermédiaire (AI)</b>, qui met des personnes à disposition "
                "de particuliers, d'associations, de collectivités ou d'entreprises ;",
                "<b>l'entreprise d'insertion par le travail indépendant (EITI)</b>, pour "
                "l'insertion par une activité d'indépendant.",
            ]
        ),
        etapes(
            (
                "Étudier le besoin et l'activité support",
                "Rencontrez les services de l'État dans le département (DDETS), France "
                "Travail, le conseil départemental et les réseaux de l'IAE : le besoin "
                "d'insertion et le marché de l'activité doivent être établis.",
            ),
            (
                "Construire le projet",
                "Activité support, encadrement technique, accompagnement socioprofessionnel, "
                "partenariats pour la formation et les sorties, modèle économique : aide au "
                "poste, chiffre d'affaires, autres financements publics.",
            ),
            (
                "Déposer la demande de conventionnement",
                "Auprès de la DDETS, qui la présente au conseil départemental de l'insertion "
                "par l'activité économique (CDIAE) pour avis.",
            ),
            (
                "Signer la convention",
                "Elle est conclue pour une durée pouvant aller jusqu'à trois ans, avec une "
                "annexe financière annuelle qui fixe le nombre de postes d'insertion aidés.",
            ),
            (
                "Recruter par la plateforme de l'inclusion",
                f"L'éligibilité des personnes est vérifiée et le PASS IAE délivré par la "
                f'<a href="{INCLUSION}">plateforme de l\'inclusion</a>, après orientation par '
                "un prescripteur habilité ou, sous conditions, par la SIAE elle-même.",
            ),
            (
                "Accompagner et rendre compte",
                "Suivi de chaque parcours, formation, préparation de la sortie, puis dialogue "
                "de gestion annuel avec la DDETS sur les résultats.",
            ),
        ),
        attention(
            "Un chantier d'insertion n'est pas une entreprise comme une autre",
            "Dans un ACI, les recettes tirées de la vente de la production ne peuvent couvrir "
            "qu'une part limitée des charges, fixée par la réglementation. Si votre modèle "
            "repose surtout sur les ventes, la forme d'entreprise d'insertion est sans doute "
            "plus adaptée.",
        ),
        conseil(
            "Se faire accompagner",
            "Le dispositif local d'accompagnement (DLA) et les têtes de réseau de l'IAE "
            "aident à construire le modèle économique et le dossier. Visitez deux ou trois "
            "SIAE proches avant de vous lancer.",
        ),
        checklist(
            "Le dossier de conventionnement",
            "Diagnostic des besoins d'insertion du territoire",
            "Description de l'activité support et de son marché",
            "Organisation de l'encadrement technique et de l'accompagnement",
            "Partenariats de formation et d'emploi",
            "Budget prévisionnel sur trois ans",
            "Statuts, comptes et composition de la gouvernance",
        ),
        faq(
            (
                "Quel contrat pour les salariés en insertion ?",
                "En ACI et en EI, le contrat à durée déterminée d'insertion (CDDI) : au moins "
                "quatre mois, renouvelable dans la limite de 24 mois en tout, sauf dérogations "
                "prévues par la loi.",
            ),
            (
                "Qui peut orienter une personne vers la SIAE ?",
                "Des prescripteurs habilités (France Travail, missions locales, Cap emploi, "
                "services du département…), ou la SIAE elle-même lorsque la personne remplit "
                "les critères d'éligibilité.",
            ),
            (
                "Une association peut-elle porter une entreprise d'insertion ?",
                "Oui, mais une activité marchande pose la question des impôts commerciaux. "
                "Faites analyser la situation fiscale dès la conception.",
            ),
        ),
        temoignage(
            "Le chantier maraîcher m'a redonné un rythme et un métier. Aujourd'hui je suis "
            "salarié dans une exploitation bio.",
            "Didier, ancien salarié en insertion",
            "Jardins de Cocagne de la vallée",
        ),
    ],
}

ALIMENTATION = {
    "slug": "lancer-un-projet-alimentation-durable",
    "title": "Lancer un projet d'alimentation durable",
    "chapo": (
        "Épicerie solidaire, groupement d'achat, jardin partagé, ateliers cuisine : des "
        "idées, une méthode et les règles d'hygiène à connaître pour rendre une alimentation "
        "de qualité accessible à tous."
    ),
    "domaines": ["alimentation-durable", "cooperation-mutualisation"],
    "publics": ["dirigeants-benevoles", "benevoles", "salaries"],
    "niveau": "intermediaire",
    "liees": ["plan-de-financement-projet", "charte-de-partenariat"],
    "body": [
        paragraphe(
            "Manger sain, local et de saison reste difficile pour beaucoup de ménages. Les "
            "associations peuvent agir sur le prix, l'accès et le savoir-faire, tout en "
            "soutenant les producteurs du territoire. Le bon projet dépend des besoins des "
            "habitants et de ce qui existe déjà.",
        ),
        intertitre("Quel projet pour quel besoin ?"),
        paragraphe(
            [
                "<b>groupement d'achat</b> : les habitants commandent ensemble, en gros, à des "
                "producteurs ; peu de moyens, beaucoup de bénévolat ;",
                "<b>épicerie solidaire</b> : des produits à prix réduits pour des personnes "
                "orientées par les travailleurs sociaux, avec un accompagnement ;",
                "<b>jardin partagé</b> : produire, apprendre et se rencontrer ;",
                "<b>ateliers cuisine</b> : cuisiner les produits de saison et les dons à "
                "petit budget ;",
                "<b>cuisine ou légumerie collective</b> : un outil partagé entre plusieurs "
                "structures, projet plus lourd.",
            ]
        ),
        etapes(
            (
                "Faire un diagnostic avec les habitants",
                "Où fait-on ses courses, à quel prix, qu'est-ce qui manque ? Associez les "
                "futurs bénéficiaires dès le départ.",
            ),
            (
                "Repérer les acteurs",
                "Producteurs, épiceries et banques alimentaires, centres sociaux, CCAS, "
                "bailleurs sociaux, collectivité. Renseignez-vous sur le projet alimentaire "
                "territorial (PAT) de votre territoire, qui peut soutenir votre action.",
            ),
            (
                "Choisir le modèle et le lieu",
                "Local, stockage, chaîne du froid, horaires, tarification (prix unique, prix "
                "selon les revenus, prix libre).",
            ),
            (
                "Se mettre en règle",
                "Les structures qui manipulent, stockent ou distribuent des denrées animales "
                "ou d'origine animale déclarent leur activité aux services vétérinaires du "
                "département (DDPP ou DDETSPP). Formez les personnes à l'hygiène alimentaire.",
            ),
            (
                "Construire le budget",
                "Investissements (froid, étagères, véhicule), fonctionnement, ressources : "
                "participations, subventions, fondations, mécénat d'entreprises locales.",
            ),
            (
                "Ouvrir, puis ajuster",
                "Commencez petit, avec une ouverture par semaine, et faites le point avec les "
                "usagers et les bénévoles au bout de trois mois.",
            ),
        ),
        attention(
            "L'hygiène n'est pas négociable",
            "Respectez la chaîne du froid, les dates limites de consommation et la "
            "traçabilité des produits. Un plan de maîtrise sanitaire simple (nettoyage, "
            "températures relevées, gestion des invendus) protège les usagers et "
            "l'association.",
        ),
        exemple(
            "Un groupement d'achat de quartier",
            "Vingt familles d'une résidence (exemple fictif) commandent chaque mois des "
            "produits secs et d'entretien en vrac auprès de fournisseurs régionaux. Le bailleur "
            "prête un local, le centre social anime la distribution. Les prix obtenus sont "
            "proches de ceux du discount, pour des produits bio ou locaux.",
        ),
        checklist(
            "Avant d'ouvrir",
            "Local adapté et assurance à jour",
            "Activité déclarée aux services vétérinaires si nécessaire",
            "Bénévoles formés à l'hygiène",
            "Thermomètres et relevés de température",
            "Tarifs et règles d'accès écrits et affichés",
            "Partenaires d'orientation informés",
        ),
        faq(
            (
                "Peut-on recevoir les invendus des supermarchés ?",
                "Oui. Les grandes surfaces alimentaires doivent proposer une convention de "
                "don à une association d'aide alimentaire. Vérifiez que vous pouvez trier, "
                "stocker et distribuer ces produits rapidement.",
            ),
            (
                "Faut-il une habilitation ?",
                "Pour recevoir des denrées issues des programmes publics d'aide alimentaire, "
                "l'association doit être habilitée, au niveau national par un réseau ou au "
                "niveau régional. Un groupement d'achat n'en a pas besoin.",
            ),
            (
                "Les produits doivent-ils être bio ?",
                "Aucune règle ne l'impose à une association. La loi EGalim fixe des objectifs "
                "de produits durables et bio pour la restauration collective : si vous gérez "
                "une cantine ou un restaurant collectif, renseignez-vous.",
            ),
        ),
        temoignage(
            "Les familles choisissent elles-mêmes les produits et paient un prix adapté. "
            "Personne ne se sent assisté, et les producteurs locaux y gagnent.",
            "Anne-Laure, coordinatrice",
            "Épicerie solidaire Le Panier du Lac",
        ),
    ],
}

RESSOURCERIE = {
    "slug": "creer-une-ressourcerie",
    "title": "Économie circulaire : créer une ressourcerie",
    "chapo": (
        "Collecter des objets, les remettre en état, les revendre à petit prix et sensibiliser "
        "les habitants : les étapes, les partenaires et les règles pour créer une ressourcerie "
        "ou une recyclerie associative."
    ),
    "domaines": ["economie-circulaire", "insertion-activite-economique"],
    "publics": ["dirigeants-benevoles", "salaries"],
    "niveau": "intermediaire",
    "liees": [
        "plan-de-financement-projet",
        "budget-previsionnel-annuel",
        "devenir-structure-insertion-activite-economique",
    ],
    "body": [
        paragraphe(
            "Une ressourcerie donne une seconde vie aux objets dont les habitants se "
            "séparent : meubles, vaisselle, livres, jouets, textiles, appareils. Elle remplit "
            "quatre fonctions : collecter, valoriser (trier, nettoyer, réparer), revendre à "
            "petit prix et sensibiliser à la réduction des déchets. Beaucoup de ressourceries "
            "emploient aussi des personnes en insertion.",
        ),
        intertitre("Un projet de territoire"),
        paragraphe(
            "La loi anti-gaspillage pour une économie circulaire (AGEC) de 2020 a renforcé la "
            "place du réemploi : les collectivités et les éco-organismes cherchent des "
            "partenaires. Votre premier interlocuteur est la collectivité compétente pour la "
            "collecte des déchets, souvent l'intercommunalité.",
        ),
        etapes(
            (
                "Étudier l'opportunité",
                "Quels gisements d'objets, quels autres acteurs du réemploi, quelle clientèle ? "
                "Une étude accompagnée par la collectivité ou par un réseau de ressourceries "
                "évite les mauvaises surprises.",
            ),
            (
                "Trouver le local",
                "Il faut de la place pour l'apport, le tri, l'atelier, le stockage et la "
                "boutique, un accès pour les véhicules et une bonne visibilité.",
            ),
            (
                "Organiser la collecte",
                "Apports volontaires à la boutique, collecte à domicile, convention pour une "
                "zone de réemploi en déchèterie, partenariats avec des entreprises.",
            ),
            (
                "Définir les règles de valorisation et de vente",
                "Ce que l'on accepte ou non, le contrôle de sécurité des appareils électriques "
                "et des articles de puériculture, une grille de prix simple.",
            ),
            (
                "Construire le modèle économique",
                "Ventes, prestations pour la collectivité, soutiens à l'emploi (notamment en "
                "IAE), subventions, financements des éco-organismes pour le réemploi.",
            ),
            (
                "Sensibiliser",
                "Ateliers de réparation, animations scolaires, visites : c'est la quatrième "
                "fonction, et souvent celle que les financeurs regardent.",
            ),
        ),
        attention(
            "Vendre des objets d'occasion",
            "La revente régulière d'objets mobiliers d'occasion est soumise à une déclaration "
            "en préfecture et à la tenue d'un registre des objets achetés ou reçus : "
            "renseignez-vous avant l'ouverture. Les ventes régulières peuvent aussi rendre "
            "l'activité lucrative au sens fiscal ; faites analyser votre situation.",
        ),
        conseil(
            "Rejoindre un réseau",
            "Les réseaux de ressourceries et recycleries proposent formations, outils de suivi "
            "des tonnages et échanges entre pairs. Visitez plusieurs structures avant de vous "
            "lancer.",
        ),
        checklist(
            "Pour ouvrir la boutique",
            "Local conforme à l'accueil du public",
            "Assurance couvrant les biens, les activités et les bénévoles",
            "Déclaration et registre pour la revente d'objets d'occasion",
            "Procédure de contrôle des appareils électriques",
            "Outil de suivi des entrées et sorties (poids, catégories)",
            "Filières pour ce qui ne peut pas être revendu",
        ),
        faq(
            (
                "Ressourcerie ou recyclerie : quelle différence ?",
                "Les deux termes désignent des structures de réemploi. « Ressourcerie » est "
                "une marque associée à un réseau et à ses quatre fonctions ; dans la pratique, "
                "les projets se ressemblent beaucoup.",
            ),
            (
                "Faut-il des salariés ?",
                "Il est possible de démarrer avec des bénévoles, mais la collecte et la "
                "valorisation demandent vite une présence régulière. Beaucoup de structures "
                "s'appuient sur l'insertion par l'activité économique.",
            ),
            (
                "Que faire des objets invendables ?",
                "Orientez-les vers les filières de recyclage (textiles, équipements "
                "électriques, meubles) avec lesquelles vous avez passé convention.",
            ),
        ),
        temoignage(
            "La première année, nous avons détourné 80 tonnes de la déchèterie. Les habitants "
            "viennent autant pour les ateliers de réparation que pour la boutique.",
            "Julien, directeur",
            "La Ressourcerie des Coteaux",
        ),
    ],
}

GUIDES = [
    CREER_ASSOCIATION,
    PREMIER_SALARIE,
    BENEVOLES,
    CROWDFUNDING,
    SUBVENTION,
    ASSEMBLEE_GENERALE,
    UTILITE_SOCIALE,
    COMPTABILITE,
    RESCRIT,
    GROUPEMENT_EMPLOYEURS,
    RGPD,
    COMMUNICATION,
    ILLECTRONISME,
    IAE,
    ALIMENTATION,
    RESSOURCERIE,
]
