"""The site's languages, defined once: folder, BCP 47 tag, URL prefix, Babel locale, script.

Everything that depends on a language reads it from here: the data and page checks (which
folders exist), the hooks (URL prefixes, search indexes, feeds), the formatting of dates and
lists (``babel_locale``), the ``lang`` and ``hreflang`` attributes (``tag``) and, through the
render context, the templates. Adding a language means adding one entry to ``LANGUAGES`` plus
its pages and interface strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from babel import Locale
from babel.lists import format_list


@dataclass(frozen=True)
class Language:
    code: str  # folder under docs/ and key in the bilingual data files
    tag: str  # BCP 47 tag for lang and hreflang attributes
    name: str  # the language's name in itself, for the language switcher
    locale: str  # Babel locale that formats dates, lists and numbers
    script: str  # "Latin", "Simplified" or "Traditional"; a source's `script` uses the same names
    default: bool = False
    # A language nobody writes: its pages, interface strings and data are generated at build
    # time from this language's by OpenCC (clusterdocs/check/script_conversion.py).
    converted_from: str | None = None

    @property
    def prefix(self) -> str:
        """Where the language's pages live in the built site: ``""`` or ``"zh/"``."""
        return "" if self.default else f"{self.code}/"

    @property
    def is_chinese(self) -> bool:
        return self.tag.split("-")[0] == "zh"

    @cached_property
    def babel_locale(self) -> Locale:
        return Locale.parse(self.locale)

    @property
    def english_name(self) -> str:
        """The language's English name without script or region (``Chinese``), as BibTeX wants it."""
        return Locale(self.babel_locale.language).english_name

    @property
    def og_locale(self) -> str:
        """OpenGraph's language_TERRITORY form (``en_GB``, ``zh_CN``)."""
        return f"{self.babel_locale.language}_{self.babel_locale.territory}"

    def join(self, items: list[str]) -> str:
        """``["a", "b", "c"]`` -> ``a, b and c`` / ``a、b和c``, by the locale's list patterns."""
        return format_list(list(items), locale=self.babel_locale) if items else ""

    def list_joints(self, count: int) -> list[str]:
        """What follows each of ``count`` list items (``", "``, ``" and "``, ``""`` after the last),
        for templates that lay out items with their own markup."""
        if count == 0:
            return []
        markers = [f"\x00{index}\x00" for index in range(count)]
        joined = self.join(markers)
        return [
            joined[joined.index(marker) + len(marker) : joined.index(markers[index + 1])] if index + 1 < count else ""
            for index, marker in enumerate(markers)
        ]


LANGUAGES = (
    Language("en", "en", "English", "en_GB", "Latin", default=True),
    Language("zh", "zh-Hans", "简体中文", "zh_Hans_CN", "Simplified"),
    Language("zh-Hant", "zh-Hant", "繁體中文", "zh_Hant_TW", "Traditional", converted_from="zh"),
)
# The languages contributors write (folders under docs/, keys in the data files).
CODES = tuple(language.code for language in LANGUAGES if language.converted_from is None)
# The languages the build writes (docs/<code>/, git-ignored): no check reads their folders.
GENERATED_CODES = tuple(language.code for language in LANGUAGES if language.converted_from is not None)
DEFAULT = next(language for language in LANGUAGES if language.default)
_BY_CODE = {language.code: language for language in LANGUAGES}


def is_generated(path: Path, docs_dir: Path) -> bool:
    """Whether ``path`` is in a generated language's folder under ``docs_dir``."""
    try:
        return path.relative_to(docs_dir).parts[0] in GENERATED_CODES
    except (ValueError, IndexError):
        return False


def language_of(code: str | Language) -> Language:
    """The language with folder ``code`` (a ``Language`` is returned as it is)."""
    return code if isinstance(code, Language) else _BY_CODE[code]


def counterpart(code: str | Language) -> Language:
    """The language a page also names things in: Chinese pages add English, English pages Chinese."""
    this = language_of(code)
    return DEFAULT if this.is_chinese else next(other for other in LANGUAGES if other.is_chinese)


def source_code(code: str | Language) -> str:
    """The language whose pages and data ``code``'s are made from: itself, or the one it is converted from."""
    this = language_of(code)
    return this.converted_from or this.code


def bcp47(code: str) -> str:
    """The BCP 47 tag of the language with folder ``code`` (an unknown code is returned as it is)."""
    return _BY_CODE[code].tag if code in _BY_CODE else code


def code_for_tag(tag: str) -> str:
    """The folder name of the language tagged ``tag`` (a folder name is returned as it is)."""
    return next((language.code for language in LANGUAGES if language.tag == tag), tag)


def script_tag(script: str) -> str:
    """The BCP 47 tag for Chinese text in ``script`` ("Simplified" or "Traditional")."""
    return SCRIPT_TAGS[script]


SCRIPT_TAGS = {"Simplified": "zh-Hans", "Traditional": "zh-Hant"}
