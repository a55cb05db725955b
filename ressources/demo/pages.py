"""The demo home page and Ressources index, in French (the English versions are in
translations.py)."""

HOME = {
    "title": "Entraide",
    "intro": (
        "Guides pratiques et modèles prêts à adapter pour les associations, coopératives et "
        "structures de l'économie sociale et solidaire. Gratuits, en français clair, écrits "
        "et relus par des structures du réseau."
    ),
}

INDEX = {
    "title": "Ressources",
    "intro": (
        "Tous les guides pratiques et les modèles de documents. Filtrez par domaine, par "
        "public ou par niveau, ou cherchez un mot : statuts, subvention, bénévoles, RGPD…"
    ),
}

FICHES = {
    "title": "Fiches pratiques",
    "intro": (
        "Ce qui a marché chez les autres : des structures du réseau racontent comment elles "
        "ont réglé un problème concret, étape par étape. Relues par un modérateur avant "
        "publication."
    ),
}
