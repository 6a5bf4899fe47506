"""Give templates the page's language (clusterdocs/languages.py) and hreflang links full BCP 47 tags.

mkdocs-static-i18n fills ``config.extra.alternate`` for each page in its ``on_page_context``
(priority 50) with its folder names; MkDocs calls this hook's ``on_page_context`` right after
(priority 0) to rewrite them to tags (``zh-Hans``, not ``zh``). Every template, pages and
static ones (404.html, sitemap.xml) alike, gets ``site_language`` (the ``Language`` being
built) and ``site_languages`` (all of them, by folder name).
"""

from clusterdocs.languages import LANGUAGES, bcp47, language_of


def _add_languages(context, config):
    context["site_language"] = language_of(config.theme["language"])
    context["site_languages"] = {language.code: language for language in LANGUAGES}
    return context


def on_template_context(context, template_name, config):
    return _add_languages(context, config)


def on_page_context(context, page, config, nav):
    # Attribute access on purpose: mkdocs-static-i18n assigns the attribute, which is what
    # the templates read, and it can differ from config.extra["alternate"].
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["lang"] = bcp47(alternate["lang"])
    return _add_languages(context, config)
