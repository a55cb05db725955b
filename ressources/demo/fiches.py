"""Demo structures and their fiches pratiques, published as if a moderator had approved them."""

STRUCTURES = [
    {
        "nom": "Les Jardins de la Croix-Rousse",
        "type_structure": "association",
        "departement": "69",
        "rna": "W691234567",
        "description": (
            "Association de jardins partagés : 60 adhérents, 2 parcelles, des ateliers "
            "d'initiation au compostage pour les écoles du quartier."
        ),
        "verifiee": True,
    },
    {
        "nom": "Recyclerie du Pays de Redon",
        "type_structure": "aci",
        "departement": "35",
        "siret": "73282932000074",
        "description": (
            "Atelier et chantier d'insertion : collecte, tri et revente d'objets, "
            "12 salariés en parcours d'insertion."
        ),
        "verifiee": False,
    },
]

FICHES = [
    {
        "structure": "Les Jardins de la Croix-Rousse",
        "slug": "premiere-paie-cheque-emploi-associatif",
        "title": "Notre première paie avec le chèque emploi associatif",
        "chapo": (
            "Nous avons embauché notre première animatrice à mi-temps sans logiciel de paie "
            "ni expert-comptable : voici comment, et ce que nous referions autrement."
        ),
        "domaines": ["ressources-humaines", "gestion-comptabilite-fiscalite"],
        "publics": ["dirigeants-benevoles"],
        "niveau": "debutant",
        "situation": (
            "Association de 60 adhérents, aucun salarié jusque-là, un budget annuel "
            "d'environ 40 000 €. En 2025, une subvention de la ville nous a permis de créer "
            "un poste d'animatrice à mi-temps pour les ateliers avec les écoles.\n\n"
            "Personne au bureau n'avait jamais fait de paie."
        ),
        "etapes": (
            "- Nous avons vérifié que l'association pouvait utiliser le **chèque emploi "
            "associatif** (CEA) : c'est le cas des associations à but non lucratif, quel "
            "que soit le nombre de salariés.\n"
            "- Nous avons adhéré en ligne sur le site du CEA de l'Urssaf : "
            "https://www.cea.urssaf.fr\n"
            "- Nous avons fait la déclaration préalable à l'embauche (DPAE) avant le premier "
            "jour de travail.\n"
            "- Chaque mois, la trésorière déclare les heures et le salaire ; le CEA calcule "
            "les cotisations et envoie le bulletin de paie à la salariée.\n"
            "- Nous avons choisi une mutuelle d'entreprise avant l'embauche, car elle est "
            "obligatoire dès le premier salarié."
        ),
        "reussites": (
            "La déclaration mensuelle prend un quart d'heure. Les bulletins et les "
            "attestations sont faits par le service, ce qui a rassuré le bureau.\n\n"
            "Nous avons désigné **une seule personne** responsable de la paie, avec une "
            "suppléante, et un rappel dans l'agenda partagé chaque mois."
        ),
        "pieges": (
            "- Vérifiez la convention collective applicable (pour nous, celle de "
            "l'animation, ÉCLAT) : elle fixe les minimums de salaire et les congés.\n"
            "- Le CEA ne remplace pas le contrat de travail écrit : faites-le signer avant "
            "la prise de poste.\n"
            "- Pensez à la médecine du travail : l'adhésion à un service de santé au travail "
            "est obligatoire."
        ),
        "liens": "Le site du chèque emploi associatif : https://www.cea.urssaf.fr",
    },
    {
        "structure": "Recyclerie du Pays de Redon",
        "slug": "mutualiser-un-camion-entre-structures",
        "title": "Mutualiser un camion entre trois structures",
        "chapo": (
            "Trois structures d'un même territoire partagent depuis deux ans un camion de "
            "collecte. Convention, planning, assurance : ce que nous avons mis en place."
        ),
        "domaines": ["cooperation-mutualisation", "economie-circulaire"],
        "publics": ["dirigeants-benevoles", "salaries"],
        "niveau": "intermediaire",
        "situation": (
            "Notre recyclerie utilisait son camion deux jours par semaine. Une épicerie "
            "solidaire et une association de déménagement solidaire du territoire louaient "
            "des véhicules au coup par coup, cher et sans garantie de disponibilité."
        ),
        "etapes": (
            "- Une réunion pour lister les besoins de chacun : jours, volumes, permis.\n"
            "- Une **convention de mutualisation** signée par les trois présidents : "
            "propriété du camion, clé de répartition des frais au kilomètre, règles en cas "
            "de sinistre.\n"
            "- Un avenant au contrat d'assurance pour couvrir les conducteurs des trois "
            "structures.\n"
            "- Un planning partagé et un carnet de bord dans le camion (kilomètres, plein, "
            "incidents).\n"
            "- Un point trimestriel pour régler les comptes et ajuster la répartition."
        ),
        "reussites": (
            "Le coût par kilomètre a baissé pour tout le monde et le camion roule quatre "
            "jours sur cinq. Les équipes se connaissent mieux et s'échangent des "
            "bénévoles pour les grosses collectes."
        ),
        "pieges": (
            "- Prévoir dès le départ qui paie une grosse réparation : nous avons créé une "
            "petite provision commune.\n"
            "- Vérifier que la mise à disposition du véhicule est bien prévue par votre "
            "assureur avant le premier trajet."
        ),
        "liens": "",
    },
]
