"""Read what a visitor sees in a rendered page, without depending on whitespace."""

from bs4 import BeautifulSoup

INVISIBLE = ("head", "script", "style")


def soup(html):
    """The parsed page. Attributes stay strings as written (``class="a b"``, not a list), and
    an attribute written without a value reads as ``""``."""
    if isinstance(html, bytes):
        html = html.decode()
    return BeautifulSoup(html, "html.parser", multi_valued_attributes=None)


def _clean(text):
    return " ".join(text.split())


def texts(html, css_class):
    """The text of every element with ``css_class``, whitespace collapsed, in page order."""
    return [_clean(element.get_text()) for element in soup(html).select(f".{css_class}")]


def card_titles(html):
    """The titles of the ressource cards, in the order they are shown."""
    return texts(html, "card__title")


def result_count(html):
    """The "N ressources" line of a listing."""
    found = texts(html, "result-count")
    return found[0] if found else None


def elements(html, tag):
    """The attributes of every ``tag`` element, in page order."""
    return [element.attrs for element in soup(html).find_all(tag)]


def links(html):
    """The ``href`` of every ``<a>``, in page order."""
    return [a["href"] for a in soup(html).find_all("a") if a.get("href")]


def language_links(html):
    """{language code: href} of the language switcher."""
    return {
        a["hreflang"]: a["href"]
        for a in soup(html).find_all("a")
        if a.get("hreflang") and a.get("href")
    }


def text(html):
    """The visible text of the page body, entities decoded, whitespace collapsed."""
    page = soup(html)
    for element in page.find_all(INVISIBLE):
        element.decompose()
    return _clean(page.get_text(" "))


def content(response):
    """The body of a response, streamed or not. A streamed response (a download) is read to
    its end, which closes it the way the test client expects: closing it again would fire
    ``request_finished`` a second time and close the database connection of the test."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
