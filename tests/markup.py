"""Read what a visitor sees in a rendered page, without depending on whitespace."""

from html.parser import HTMLParser


class _Collector(HTMLParser):
    """Collects the elements' attributes and the text of elements carrying given classes."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self, classes=()):
        super().__init__(convert_charrefs=True)
        self.classes = set(classes)
        self.elements = []
        self.texts = {name: [] for name in self.classes}
        self._open = []  # (tag, class names being captured by this element)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in self.VOID:
            return
        captured = self.classes.intersection((attrs.get("class") or "").split())
        for name in captured:
            self.texts[name].append("")
        self._open.append((tag, captured))

    def handle_endtag(self, tag):
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position][0] == tag:
                del self._open[position:]
                return

    def handle_data(self, data):
        active = set().union(*(captured for _, captured in self._open)) if self._open else set()
        for name in active:
            self.texts[name][-1] += data


def _parse(html, classes=()):
    if isinstance(html, bytes):
        html = html.decode()
    parser = _Collector(classes)
    parser.feed(html)
    parser.close()
    return parser


def _clean(text):
    return " ".join(text.split())


def texts(html, css_class):
    """The text of every element with ``css_class``, whitespace collapsed, in page order."""
    return [_clean(text) for text in _parse(html, [css_class]).texts[css_class]]


def card_titles(html):
    """The titles of the ressource cards, in the order they are shown."""
    return texts(html, "card__title")


def result_count(html):
    """The "N ressources" line of a listing."""
    found = texts(html, "result-count")
    return found[0] if found else None


def elements(html, tag):
    return [attrs for name, attrs in _parse(html).elements if name == tag]


def links(html):
    """The ``href`` of every ``<a>``, in page order."""
    return [attrs["href"] for attrs in elements(html, "a") if attrs.get("href")]


def language_links(html):
    """{language code: href} of the language switcher."""
    return {
        attrs["hreflang"]: attrs["href"]
        for attrs in elements(html, "a")
        if attrs.get("hreflang") and attrs.get("href")
    }


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def text(html):
    """The visible text of the page body, entities decoded, whitespace collapsed."""
    if isinstance(html, bytes):
        html = html.decode()
    parser = _Text()
    parser.feed(html)
    parser.close()
    return _clean(" ".join(parser.parts))


def content(response):
    """The body of a response, streamed or not. A streamed response (a download) is read to
    its end, which closes it the way the test client expects: closing it again would fire
    ``request_finished`` a second time and close the database connection of the test."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
