"""The one Language concept: every place that depends on a language reads clusterdocs/base/languages.py."""

from __future__ import annotations

import re

import pytest
import yaml
from babel import Locale

from clusterdocs.render.article_view import cite_line, citation_values
from clusterdocs.base.languages import CODES, DEFAULT, LANGUAGES, bcp47, code_for_tag, counterpart, language_of
from clusterdocs.check.sitedata import load_site_data

from support import ROOT


def test_each_language_is_defined_once_and_consistently():
    assert [language.code for language in LANGUAGES if language.default] == [DEFAULT.code]
    assert len({language.code for language in LANGUAGES}) == len(LANGUAGES)
    for language in LANGUAGES:
        # The tag is a real BCP 47 tag whose language and script agree with the Babel locale.
        tagged = Locale.parse(language.tag, sep="-")
        assert tagged.language == language.babel_locale.language, language
        assert tagged.script == language.babel_locale.script, language
        assert code_for_tag(language.tag) == language.code
        assert bcp47(language.code) == language.tag
        assert language.prefix == ("" if language.default else f"{language.code}/")


def test_the_i18n_plugin_builds_exactly_these_languages():
    """mkdocs.yml cannot import Python, so a test keeps its language list in step with LANGUAGES."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    configured = [(entry["locale"], entry["name"], entry.get("default", False)) for entry in i18n["languages"]]
    assert configured == [(language.code, language.name, language.default) for language in LANGUAGES]


@pytest.mark.parametrize(
    "code, items, expected",
    [
        ("en", ["Chengdu"], "Chengdu"),
        ("en", ["Chengdu", "Chongqing"], "Chengdu and Chongqing"),
        ("en", ["Guangzhou", "Shenzhen", "Foshan"], "Guangzhou, Shenzhen and Foshan"),
        ("zh", ["成都", "重庆"], "成都和重庆"),
        ("zh", ["广州", "深圳", "佛山"], "广州、深圳和佛山"),
    ],
)
def test_lists_follow_the_locale(code, items, expected):
    language = language_of(code)
    assert language.join(items) == expected
    # Templates that add markup around each item use the same joints.
    joints = language.list_joints(len(items))
    assert "".join(item + joint for item, joint in zip(items, joints)) == expected


def test_counterpart_names_the_other_script_family():
    assert counterpart("en").code == "zh"
    assert counterpart("zh").code == "en"


@pytest.mark.parametrize("code", CODES)
def test_authors_are_joined_the_same_way_in_the_list_and_the_citation_line(code):
    data = load_site_data(ROOT)
    source = data.sources["central-local-2021"]
    names = [author["name"] for author in citation_values(source, code, data)["authors"]]
    assert len(names) == 4
    line = cite_line(source, "Title", "https://example.org/", code, data)
    assert language_of(code).join(names) in line
    assert citation_values(source, code, data)["author_joints"] == language_of(code).list_joints(4)


def test_verbatim_text_carries_its_sources_script():
    data = load_site_data(ROOT)
    by_capture = {source.header["capture"][:3]: source.lang for source in data.sources.values()}
    assert by_capture == {"000": "zh-Hant", "001": "zh-Hans", "002": "zh-Hant", "003": "zh-Hant", "004": "zh-Hans"}


def test_templates_hard_code_no_language():
    """Templates take the language from the render context, never a folder name or a bare lang="zh"."""
    for template in sorted((ROOT / "overrides").rglob("*.html")) + [ROOT / "overrides" / "sitemap.xml"]:
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"language\s*==", text), template
        assert not re.search(r'lang="zh"', text), template
        assert "i18n_page_locale" not in text, template
