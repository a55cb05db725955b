"""The French régions by their official INSEE code, and the départements of each: the
``broader``/``narrower`` links of the territories' vocabulary. Saint-Pierre-et-Miquelon (975),
a collectivité d'outre-mer, belongs to no région."""

REGIONS = {
    "01": ("Guadeloupe", ["971"]),
    "02": ("Martinique", ["972"]),
    "03": ("Guyane", ["973"]),
    "04": ("La Réunion", ["974"]),
    "06": ("Mayotte", ["976"]),
    "11": ("Île-de-France", ["75", "77", "78", "91", "92", "93", "94", "95"]),
    "24": ("Centre-Val de Loire", ["18", "28", "36", "37", "41", "45"]),
    "27": ("Bourgogne-Franche-Comté", ["21", "25", "39", "58", "70", "71", "89", "90"]),
    "28": ("Normandie", ["14", "27", "50", "61", "76"]),
    "32": ("Hauts-de-France", ["02", "59", "60", "62", "80"]),
    "44": ("Grand Est", ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]),
    "52": ("Pays de la Loire", ["44", "49", "53", "72", "85"]),
    "53": ("Bretagne", ["22", "29", "35", "56"]),
    "75": (
        "Nouvelle-Aquitaine",
        ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
    ),
    "76": (
        "Occitanie",
        ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
    ),
    "84": (
        "Auvergne-Rhône-Alpes",
        ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
    ),
    "93": ("Provence-Alpes-Côte d'Azur", ["04", "05", "06", "13", "83", "84"]),
    "94": ("Corse", ["2A", "2B"]),
}

REGION_OF = {
    departement: code
    for code, (_nom, departements) in REGIONS.items()
    for departement in departements
}
