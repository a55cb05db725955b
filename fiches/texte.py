"""What contributors write: plain text with a few Markdown marks (paragraphs, lists, links,
**gras**, *italique*). Raw HTML is never kept: it is shown as text, and the rendered HTML
goes through an allow-list; every link gets rel="nofollow ugc"."""

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "a", "strong", "em"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True})
    .enable("linkify")
    .disable(["image", "heading", "lheading", "code", "fence", "blockquote", "hr", "table"])
)


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
