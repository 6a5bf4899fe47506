"""Give the language switcher and hreflang links full BCP 47 tags (``zh-Hans``, not ``zh``).

mkdocs-static-i18n fills ``config.extra.alternate`` for each page in its ``on_page_context``
(priority 50) with its locale codes; MkDocs calls this hook's ``on_page_context`` right after
(priority 0) to rewrite them. ``<html lang>`` gets the same tag from
``overrides/partials/language.html``.
"""

from clusterdocs.languages import bcp47


def on_page_context(context, page, config, nav):
    # Attribute access on purpose: mkdocs-static-i18n assigns the attribute, which is what
    # the templates read, and it can differ from config.extra["alternate"].
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["lang"] = bcp47(alternate["lang"])
    return context
