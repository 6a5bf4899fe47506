"""Build the generated languages (zh-Hant) from the written ones, with no extra authoring.

- ``on_config`` (before mkdocs-static-i18n and the search plugin read their settings): the
  generated language's site name, description and navigation labels are its source language's,
  converted; the pages are written to ``docs/zh-Hant/`` and the search plugin gets a jieba user
  dictionary that knows the converted words (clusterdocs/publish/converted_site.py).
- ``on_files`` to ``on_nav``, then ``on_page_markdown`` (each before git-revision-date-localized):
  a generated page is dated by the git history of the file it is made from, so two builds of one
  commit stay identical. While the plugin looks up every file's history at once (its
  ``on_files``), a generated file points at the file it is made from, and points back at its own
  text before any page is read; the plugin would otherwise look for the history of a file git
  has never seen and log a line for each.
- ``on_page_context``: "edit this page" on a generated page opens the file it is made from.
"""

from pathlib import Path

import jieba
from mkdocs.plugins import event_priority

from _shared import data_errors_fail_the_build, search_plugin, site_data

from clusterdocs.publish.converted_site import converted_languages, jieba_dictionary, write_converted_pages
from clusterdocs.publish.search_words import use_user_dictionary


_project_dicts: dict[int, Path] = {}
_dictionaries: dict[str, Path] = {}
_written: dict = {}  # repository root -> the SiteData its files were last written from


@event_priority(100)
def on_config(config):
    root = Path(config.config_file_path).parent
    with data_errors_fail_the_build():
        data = site_data(config)
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        by_locale = {language.locale: language for language in i18n.config.languages}
        for language in converted_languages():
            target, source = by_locale.get(language.code), by_locale.get(language.converted_from)
            if target is None or source is None:
                continue
            convert = lambda text, code=language.code: data.text_in(text, code)  # noqa: E731
            target.site_name = target.site_name or (source.site_name and convert(source.site_name))
            target.site_description = target.site_description or (
                source.site_description and convert(source.site_description)
            )
            target.nav_translations = target.nav_translations or {
                english: convert(title) for english, title in (source.nav_translations or {}).items()
            }
    search = search_plugin(config)
    # mkdocs-static-i18n runs on_config once per language, on the same config and data: the files
    # are written once per data load, and the search plugin keeps the project's own dictionary.
    if search is not None and search.config.get("jieba_dict_user"):
        _project_dicts.setdefault(id(search), root / search.config["jieba_dict_user"])
    if _written.get(str(root)) is not data:
        write_converted_pages(root, data)
        if search is not None and id(search) in _project_dicts:
            _dictionaries[str(root)] = jieba_dictionary(
                root, data, Path(jieba.__file__).parent / "dict.txt", _project_dicts[id(search)]
            )
        _written[str(root)] = data
    if search is not None and str(root) in _dictionaries:
        # Loaded once here, not by the search plugin on every language (clusterdocs/publish/search_words.py).
        use_user_dictionary(_dictionaries[str(root)])
        search.config["jieba_dict_user"] = None
    return config


def _made_from(src_uri: str) -> str | None:
    """``zh-Hant/x.md`` -> ``zh/x.md``; ``None`` for a written page."""
    for language in converted_languages():
        if src_uri.startswith(f"{language.code}/"):
            return f"{language.converted_from}/{src_uri.removeprefix(f'{language.code}/')}"
    return None


@event_priority(100)
def on_files(files, config):
    for file in files.documentation_pages():
        source = _made_from(file.src_uri)
        if source is not None:
            file.generated_path, file.abs_src_path = file.abs_src_path, str(Path(config.docs_dir) / source)
    return files


def on_nav(nav, config, files):
    for file in files.documentation_pages():
        generated = getattr(file, "generated_path", None)
        if generated is not None:
            file.abs_src_path = generated
            del file.generated_path
    return nav


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    source = _made_from(page.file.src_uri)
    if source is not None:
        page.file.abs_src_path = str(Path(config.docs_dir) / source)
    return markdown


def on_page_context(context, page, config, nav):
    for language in converted_languages():
        prefix = f"{language.code}/"
        if page.edit_url and page.file.src_uri.startswith(prefix):
            page.edit_url = page.edit_url.replace(f"/{prefix}", f"/{language.converted_from}/", 1)
    return context
