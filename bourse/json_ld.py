"""schema.org JSON-LD of an annonce's page, in the style of ``ressources.json_ld``.

An offre is an ``Offer`` (a structure « offers (sells / leases / lends / loans) » a service or
goods, here without profit): ``offeredBy`` its structure. A demande is a ``Demand``, which
schema.org defines as « the public, not necessarily binding, not necessarily exclusive,
announcement by an organization or person to seek a certain type of goods or services »:
exactly a demande of the bourse. ``Demand`` has no property naming who seeks; schema.org
names it from the other side (``Organization.seeks``), so the structure comes through
JSON-LD's ``@reverse``. Both carry ``itemOffered``: a ``Service`` of the annonce's nature and
domaines. ``CreativeWork`` would only say « a text »; these say what the text is for.

What it shows is what the page shows: the structure's public card (``Structure.json_ld``: its
name, page, type, département, website), never a person, an e-mail address, a number or a
street address; the description is the one masked when saved (``Annonce.save``)."""

from django.utils.html import strip_tags

from ressources import json_ld

from .models import Contrepartie, Sens

DESCRIPTION = 500


def lieux(annonce):
    """``areaServed``: the annonce's départements (its page's « Où »)."""
    return [
        {"@type": "AdministrativeArea", "name": str(nom), "address": {"addressCountry": "FR"}}
        for nom in annonce.noms_departements()
    ]


def service(annonce):
    domaines = [domaine.nom for domaine in annonce.domaines.all()]
    data = {"@type": "Service", "serviceType": str(annonce.get_nature_display())}
    if domaines:
        data["category"] = domaines
    if annonce.a_distance:
        data["availableChannel"] = {"@type": "ServiceChannel", "name": "à distance"}
    return data


def annonce_json_ld(request, annonce):
    """The Offer or Demand of a public annonce (published, running)."""
    description = " ".join(strip_tags(annonce.description_html).split())
    data = {
        "@context": json_ld.CONTEXT,
        "@type": "Offer" if annonce.sens == Sens.OFFRE else "Demand",
        "name": annonce.titre,
        "description": description[:DESCRIPTION],
        "url": json_ld.absolute(request, annonce.get_absolute_url()),
        "itemOffered": service(annonce),
        "areaServed": lieux(annonce),
        "validFrom": json_ld.iso(annonce.published_at),
        "validThrough": annonce.fin.isoformat(),
        "availabilityStarts": annonce.debut.isoformat() if annonce.debut else None,
        "availabilityEnds": annonce.fin.isoformat(),
        "inLanguage": "fr",
    }
    structure = annonce.structure.json_ld(request, context=False)
    if annonce.sens == Sens.OFFRE:
        data["offeredBy"] = structure
        if annonce.contrepartie == Contrepartie.AUCUNE:
            data["price"] = 0
            data["priceCurrency"] = "EUR"
    else:
        data["@reverse"] = {"seeks": structure}
    return {key: value for key, value in data.items() if value or value == 0}
