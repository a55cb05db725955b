"""Demo workshops, dated relative to the day the demo is loaded (evenings, so that
volunteers can come; in person, by visio, or both)."""

AGENDA = {
    "title": "Ateliers",
    "intro": (
        "Des ateliers thématiques, souvent en soirée, pour avancer à plusieurs sur les "
        "besoins que les structures du réseau ont exprimés. Gratuits, sur inscription."
    ),
}

ATELIERS = [
    {
        "slug": "premier-salarie-mode-emploi",
        "title": "Premier salarié : mode d'emploi",
        "jours": 9,
        "heure": 18,
        "duree_minutes": 120,
        "format": "distance",
        "capacite": 30,
        "domaines": ["ressources-humaines"],
        "animateurs": [("Claire Martin", "Les Jardins de la Croix-Rousse")],
        "chapo": (
            "Deux heures en visio pour préparer sereinement une première embauche : contrat, "
            "DPAE, convention collective, paie."
        ),
        "description": (
            "<p>Vous envisagez d'embaucher votre premier salarié ? Nous passons en revue les "
            "étapes, de la fiche de poste à la première paie, et répondons à vos questions.</p>"
            "<ul><li>choisir le contrat et rédiger la fiche de poste ;</li>"
            "<li>les démarches obligatoires avant le premier jour ;</li>"
            "<li>faire la paie simplement.</li></ul>"
        ),
        "lien_visio": "https://visio.entraide.example/premier-salarie",
    },
    {
        "slug": "reussir-son-dossier-de-subvention-lyon",
        "title": "Réussir son dossier de subvention",
        "jours": 16,
        "heure": 18,
        "duree_minutes": 150,
        "format": "presentiel",
        "capacite": 12,
        "adresse": "Maison des associations, 28 rue Denfert-Rochereau, 69004 Lyon",
        "departement": "69",
        "domaines": ["financement-modele-economique"],
        "animateurs": [("Karim Benali", None)],
        "chapo": (
            "Un atelier pratique, dossier en main : budget prévisionnel, indicateurs, "
            "calendrier des financeurs."
        ),
        "description": (
            "<p>Apportez un dossier en cours ou un projet : nous travaillons en petits "
            "groupes sur le budget du projet et la manière d'en montrer l'utilité.</p>"
        ),
    },
    {
        "slug": "mutualiser-du-materiel-rennes",
        "title": "Mutualiser du matériel entre structures",
        "jours": 30,
        "heure": 18,
        "duree_minutes": 120,
        "format": "hybride",
        "capacite": 20,
        "adresse": "Tiers-lieu La Cohue, 10 rue de Brest, 35000 Rennes",
        "departement": "35",
        "domaines": ["cooperation-mutualisation", "economie-circulaire"],
        "animateurs": [("Julie Le Goff", "Recyclerie du Pays de Redon")],
        "chapo": "Camion, salle, outillage : comment partager sans se fâcher.",
        "description": (
            "<p>Retour d'expérience d'une mutualisation de camion entre trois structures, "
            "puis travail sur vos propres projets de partage.</p>"
        ),
        "lien_visio": "https://visio.entraide.example/mutualiser",
    },
    {
        "slug": "rgpd-pour-les-associations",
        "title": "Le RGPD pour les associations",
        "jours": -20,
        "heure": 18,
        "duree_minutes": 90,
        "format": "distance",
        "capacite": 40,
        "domaines": ["numerique", "juridique-statuts"],
        "animateurs": [("Sophie Durand", None)],
        "chapo": "Fichier des adhérents, newsletter, photos : les bons réflexes.",
        "description": "<p>Les obligations essentielles, et un registre simple pour démarrer.</p>",
        "enregistrement": "https://video.entraide.example/rgpd-associations",
    },
]
