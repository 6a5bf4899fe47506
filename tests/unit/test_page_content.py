"""The order of the page pipeline (clusterdocs/render/pages.py ``page_content``) is a guarantee:
contributed HTML is sanitised, the project's rendered sections are not, and glossary links
placed afterwards never land inside an attribute."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from clusterdocs.render.glossary_links import Term, link_first_uses
from clusterdocs.check.html_policy import sanitise
from clusterdocs.render.pages import page_content
from clusterdocs.render.templates import SLOT

OVERVIEW_LIKE = (
    '<svg viewBox="0 0 20 20"><defs><pattern id="p" patternUnits="userSpaceOnUse" width="4" height="4">'
    '<line x1="1" y1="0" x2="1" y2="4"></line></pattern></defs>'
    '<a href="#x" aria-label="x"><circle cx="5" cy="5" r="4"></circle></a>'
    '<a href="#y" aria-label="y"><polygon points="1,1 2,2 1,3"></polygon></a></svg>'
)
TERMS = [Term("cluster", "cluster", "../glossary/#cluster", 'Glossary: a "cluster" <group>')]


def link_terms(content: str) -> str:
    return link_first_uses(content, TERMS, "en")


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attributes += attrs


def attribute_values(html: str) -> list[tuple[str, str | None]]:
    """Every attribute of every element, in document order, as a browser reads them."""
    parser = _Attributes()
    parser.feed(html)
    return parser.attributes


def test_rendered_sections_are_put_in_after_sanitising_and_come_out_as_rendered():
    converted = f'<h2 id="a">A</h2>\n{SLOT.format(0)}\n<p>{OVERVIEW_LIKE}</p>'
    content = page_content(converted, [OVERVIEW_LIKE], "Link")
    rendered_part, contributed_part = content.split("\n<p>")
    assert rendered_part.endswith(OVERVIEW_LIKE)  # the project's markup, untouched
    # The same markup written in the page loses exactly what the sanitiser takes from it.
    assert "<p>" + contributed_part == sanitise(f"<p>{OVERVIEW_LIKE}</p>")
    assert "circle" not in contributed_part and "polygon" not in contributed_part


def test_a_glossary_link_placed_after_sanitising_never_lands_inside_an_attribute():
    """An attribute value holding ``>`` and a term: linking by splitting on tags would write the
    link into the attribute (and break the element), unless the sanitiser escapes ``>`` in
    attribute values, which it does."""
    converted = '<p><span title="x>cluster onmouseover=alert(1)">the cluster</span></p>'
    content = page_content(converted, [], "Link", link_terms)
    assert attribute_values(content)[0] == ("title", "x>cluster onmouseover=alert(1)")
    assert [name for name, _value in attribute_values(content)] == ["title", "class", "href", "title"]
    assert content.count('class="cd-term"') == 1 and '>the <a class="cd-term"' in content


def test_sanitised_html_writes_angle_brackets_only_as_tag_delimiters():
    dirty = '<p title="a<b>c" class="x>y">1 &lt; 2 <b data-x="<i>">b</b> 3 > 2</p><img alt="<>" src="a.png">'
    clean = sanitise(dirty)
    # Every < opens a tag and every > closes one: tags then split the text exactly.
    assert "".join(re.findall(r'<[^<>"]*(?:"[^"]*"[^<>"]*)*>', clean)) == "".join(re.findall(r"<[^>]*>", clean))
    assert "&lt;" in clean and "a&lt;b&gt;c" in clean and 'alt="&lt;&gt;"' in clean


def test_permalinks_are_named_before_sanitising_and_keep_their_name():
    converted = '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>'
    assert 'aria-label="Link to this section"' in page_content(converted, [], "Link to this section")
