"""Read a page's JSON-LD as a search engine does: every script element, expanded by a JSON-LD
processor (pyld). The machine has no network: the schema.org context is served by a local
document loader (pyld's documented ``documentLoader`` option), a minimal one mapping every term
to schema.org's vocabulary, so that a term the processor cannot expand fails the test."""

import json

from pyld import jsonld

from tests import markup

SCHEMA = "https://schema.org/"
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def local_loader(url, options=None):
    """Only the schema.org context, from here: any other address is a failure."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the JSON-LD asks for a context from {url}")
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def blocks(html):
    """Every JSON-LD block of a page, as written."""
    scripts = markup.soup(html).find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


def expanded(html):
    """Every node of the page's JSON-LD, expanded (full schema.org IRIs), by type name."""
    nodes = {}
    for block in blocks(html):
        assert block.get("@context") == "https://schema.org", block
        for node in jsonld.expand(block, {"documentLoader": local_loader}):
            for type_iri in node["@type"]:
                assert type_iri.startswith(SCHEMA), type_iri
                nodes.setdefault(type_iri.removeprefix(SCHEMA), []).append(node)
    return nodes


def values(node, name):
    """The plain values of an expanded property (``name`` without the vocabulary)."""
    return [item.get("@value", item) for item in node.get(SCHEMA + name, [])]


def value(node, name):
    found = values(node, name)
    assert len(found) == 1, (name, found)
    return found[0]


def trail(html):
    """(name, url) of the page's one BreadcrumbList, in order of position."""
    lists = expanded(html)["BreadcrumbList"]
    assert len(lists) == 1
    items = [(value(item, "position"), item) for item in values(lists[0], "itemListElement")]
    assert [position for position, _item in items] == list(range(1, len(items) + 1))
    return [(value(item, "name"), value(item, "item")) for _position, item in sorted(items)]
