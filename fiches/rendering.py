"""What contributors write: plain text with a few Markdown marks (paragraphs, lists, links,
**gras**, *italique*). Raw HTML is never kept: it is shown as text, and the rendered HTML
goes through an allow-list; every link gets rel="nofollow ugc".

Rendering stays linear in the length of the text, whatever a contributor types: the fields
are bounded (``fiches.models``) and three parts of the link detection that are not linear on
crafted input are left out or bounded (see ``BoundedLinkify`` and ``_markdown``). A fiche keeps
its text rendered with each revision (``render_all``, ``html_for``): visitors never pay
for it."""

import hashlib

import nh3
from linkify_it import LinkifyIt
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "a", "strong", "em"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

#: Longest web address made into a link; the rest of a longer one stays text.
MAX_URL_LENGTH = 2000

#: Changes whenever the rendering changes, so that HTML kept by an older one is not reused.
VERSION = "2"


class BoundedLinkify(LinkifyIt):
    """Finds « https://… », « mailto:… » and e-mail addresses in text. Each address found
    is read at most ``MAX_URL_LENGTH`` characters far: without that bound, a run of text
    repeating « https://a.b/| » made linkify-it read to its end again at each « https »
    (quadratic time). Addresses without their scheme (« www.exemple.org ») are left as
    text: linkify-it's regular expression for them backtracks for seconds on a few
    thousand characters such as « |www.a|www.a… »."""

    def __init__(self):
        super().__init__(options={"fuzzy_link": False})

    def test_schema_at(self, text, name, position):
        return super().test_schema_at(text[: position + MAX_URL_LENGTH], name, position)


_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True})
    .enable("linkify")
    .disable(["image", "heading", "lheading", "code", "fence", "blockquote", "hr", "table"])
)
_markdown.linkify = BoundedLinkify()
# The inline linkify rule searches all the text read since the last mark at every « :// »:
# quadratic on « a:// a:// … ». The core rule finds the same addresses in one pass.
_markdown.inline.ruler.disable("linkify")


def to_html(text):
    """Safe HTML for a contributor's text."""
    if not text:
        return ""
    return nh3.clean(
        _markdown.render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def fingerprint(text):
    """What identifies a text and the way it is rendered."""
    return hashlib.sha256(f"{VERSION}\n{text}".encode()).hexdigest()


def _kept(rendered, field, text):
    kept = (rendered or {}).get(field)
    if isinstance(kept, dict) and kept.get("fingerprint") == fingerprint(text or ""):
        return kept
    return None


def render_all(texts, rendered=None):
    """``{field: {"fingerprint", "html"}}`` for ``texts`` (``{field: text}``), rendering only
    the texts that changed since ``rendered`` (the same mapping, kept from before)."""
    return {
        field: _kept(rendered, field, text)
        or {"fingerprint": fingerprint(text or ""), "html": to_html(text)}
        for field, text in texts.items()
    }


def html_for(rendered, field, text):
    """The HTML kept for ``field`` if it is still that of ``text``; else rendered now (a
    revision saved before HTML was kept, a page built from an admin form for its preview)."""
    kept = _kept(rendered, field, text)
    return kept["html"] if kept else to_html(text)
