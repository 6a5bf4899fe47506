"""Link the first use of each glossary term on every page to the glossary, with a tooltip.

MkDocs calls ``on_page_content`` with each page's rendered HTML; this hook adds one link per
term found (clusterdocs/glossary_links.py), in the page's language: Chinese terms on the zh
site, the canonical English renderings on the en site. The glossary page itself is left alone.
The term list is built once per language and glossary address, not once per page.
"""

from _shared import language_and_path, link_to, site_data

from clusterdocs.glossary_links import Term, link_first_uses
from clusterdocs.languages import language_of
from clusterdocs.sitedata import in_language

_terms: dict[tuple[str, str], list[Term]] = {}
_terms_of: list = [None]  # the SiteData the cached lists were built from


def on_page_content(html, page, config, files):
    language, path = language_and_path(page)
    if path == "glossary.md":
        return html
    glossary_url = link_to(page, files, language, "glossary.md")
    return link_first_uses(html, _glossary_terms(site_data(config), language, glossary_url), language)


def _glossary_terms(data, language: str, glossary_url: str) -> list[Term]:
    if _terms_of[0] is not data:
        _terms.clear()
        _terms_of[0] = data
    key = (language, glossary_url)
    if key not in _terms:
        label = data.ui[language]["glossary_link_title"]
        terms = []
        for term in data.glossary:
            other = term["en"] if language_of(language).is_chinese else f"{term['zh']} ({term['pinyin']})"
            terms.append(
                Term(
                    term["id"],
                    in_language(term, language),
                    f"{glossary_url}#{term['id']}",
                    f"{label} {other}. {in_language(term['definition'], language)}",
                )
            )
        _terms[key] = terms
    return _terms[key]
