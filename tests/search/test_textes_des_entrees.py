"""What a search entry keeps of a page's text, which its snippets show."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ressources.models import GuidePage
from search.indexation import page_text

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàç", min_size=1, max_size=12)
pytestmark = pytest.mark.django_db  # rendering the blocks reads the site's settings

HEADINGS = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)


def guide(*blocks):
    page = GuidePage(title="Un guide")
    page.body = GuidePage._meta.get_field("body").stream_block.to_python(
        [{"type": kind, "value": value} for kind, value in blocks]
    )
    return page


@given(heading=HEADINGS, punctuation=st.sampled_from(["", " ?", " !", " :", "."]))
def test_a_heading_never_runs_into_the_text_that_follows(heading, punctuation):
    text = page_text(
        guide(
            ("intertitre", heading + punctuation),
            ("paragraphe", "<p>Le texte qui suit.</p>"),
        )
    )

    closed = heading + (punctuation or ".")
    assert f"{closed} Le texte qui suit." in text
    assert len(re.findall(rf"(?<!\w){re.escape(closed)}", text)) == 1  # not in « suit. »
