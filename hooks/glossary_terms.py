"""Link the first use of each glossary term on every page to the glossary, with a tooltip.

MkDocs calls ``on_page_content`` with each page's rendered HTML; this hook adds one link per
term found (clusterdocs/glossary_links.py), in the page's language: Chinese terms on the zh
site, the canonical English renderings on the en site. The glossary page itself is left alone.
"""

from _shared import language_and_path, link_to, site_data

from clusterdocs.glossary_links import Term, link_first_uses
from clusterdocs.render import ui_strings


def on_page_content(html, page, config, files):
    language, path = language_and_path(page)
    if path == "glossary.md":
        return html
    label = ui_strings()[language]["glossary_link_title"]
    terms = []
    for term in site_data(config).glossary:
        other = term["en"] if language == "zh" else f"{term['zh']} ({term['pinyin']})"
        terms.append(Term(term["id"], term[language], link_to(page, files, language, "glossary.md", term["id"]),
                          f"{label} {other}. {term['definition'][language]}"))
    return link_first_uses(html, terms, language)
