"""Everything the site is built from, loaded and validated in one pass.

``load_site_data(root)`` is what the hooks, the tests and ``python -m clusterdocs check`` call,
with the repository root (tests pass a fixture tree). It raises ``DataError`` with every problem
found; otherwise it returns a ``SiteData``. The result is cached until a data file changes, so
the English and Chinese builds (and each hook) share one load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .articles import ArticlePage, load_articles
from .cjk_text import spacing_problems
from .contenttext import content_text_problems
from ..read.contribution_paths import contribution_path_problems
from .conversion_review import place_problems, review_problems
from .corrections import page_titles
from .crossrefs import cluster_reference_problems
from ..read.datafile import text_again
from .datasets import CONVERSION, DATASETS, load_dataset
from .date_ledger import milestone_problems as ledger_milestone_problems
from .documents import document_problems
from ..base.free_memory import return_free_memory
from .markers import marker_problems
from .html_policy import page_policy_problems
from ..base.languages import CODES, LANGUAGES, is_generated, source_code
from .script_conversion import exception_pairs, localise, localise_text
from ..base.paths import ROOT, SCHEMAS_DIR
from ..base.problems import DataError
from .prose_numbers import prose_problems
from .sources import Source, load_sources
from .terminology import terminology_problems
from .divisions import figure_problems as map_figure_problems
from .timeline import Milestone, load_timeline
from .page_checks import (
    missing_translations,
    page_front_matter_problems,
    parity_problems,
)

CONTENT_DIRS = ("sources", "timeline", "data", "docs")


@dataclass
class SiteData:
    sources: dict[str, Source]
    articles: list[ArticlePage]
    milestones: list[Milestone]
    datasets: dict = field(default_factory=dict)
    page_titles: dict = field(
        default_factory=dict
    )  # (written language, page) -> title, for the pages the corrections log names
    _derived: dict = field(default_factory=dict, repr=False)  # generated-language views, built on first use

    @property
    def clusters(self) -> list[dict]:
        return self.datasets["clusters"]["clusters"]

    @property
    def sector_lists(self) -> list[dict]:
        """Fields that provincial work reports want developed as clusters: lists, not named clusters."""
        return self.datasets["clusters"].get("sector_lists", [])

    @property
    def documents(self) -> list[dict]:
        """The register of policy documents the sources name (data/documents.yml)."""
        return self.datasets["documents"]["documents"]

    @property
    def glossary(self) -> list[dict]:
        return self.datasets["glossary"]["terms"]

    @property
    def corrections(self) -> list[dict]:
        """The corrections log (data/corrections.yml), in file order."""
        return self.datasets.get("corrections", {}).get("corrections", [])

    def page_title(self, language: str, page: str) -> str:
        """The title of a page the corrections log names (clusterdocs/check/corrections.py), in ``language``."""
        return self.text_in(self.page_titles.get((source_code(language), page), page), language)

    @property
    def figures(self) -> dict:
        return self.datasets["figures"]

    @property
    def ui(self) -> dict[str, dict[str, str]]:
        """Interface strings by language (data/ui.yml), the generated languages' converted."""
        if "ui" not in self._derived:
            written = self.datasets["ui"]
            self._derived["ui"] = {
                language.code: written[language.code]
                if language.converted_from is None
                else {
                    key: self.in_language({language.converted_from: text}, language.code)
                    for key, text in written[language.converted_from].items()
                }
                for language in LANGUAGES
            }
        return self._derived["ui"]

    @property
    def conversion_exceptions(self) -> tuple[tuple[str, str], ...]:
        return exception_pairs(self.datasets.get("conversion_exceptions"))

    def in_language(self, values: dict, language: str) -> str:
        """``values[language]`` from a data file's language map, converted for a generated language."""
        return localise(values, language, self.conversion_exceptions)

    def optional_in(self, values: dict | None, language: str):
        """Like ``in_language`` for an optional map (``None`` when the map or its entry is absent)."""
        if not values or values.get(source_code(language)) is None:
            return None
        return self.in_language(values, language)

    def field_in(self, mapping: dict, name: str, language: str):
        """A per-language field written ``<name>_<code>`` (``title_zh``), converted for a generated language."""
        return self.optional_in({code: mapping.get(f"{name}_{code}") for code in CODES}, language)

    def text_in(self, text: str, language: str) -> str:
        """Text written in ``language``'s source language (Simplified for zh-Hant), in ``language``."""
        return localise_text(text, language, self.conversion_exceptions)

    @property
    def categories(self) -> dict:
        """Labels of the timeline's categories and levels (data/categories.yml)."""
        return self.datasets["categories"]

    @property
    def reference_labels(self) -> dict:
        """Labels of the clusters directory's sectors, regions and statuses (data/reference_labels.yml)."""
        return self.datasets["reference_labels"]

    def article(self, language: str, slug: str) -> ArticlePage | None:
        """The summary page of ``slug`` in ``language``; for a generated language, its source
        language's page with the site's own words converted (quoted wording stays as written)."""
        written = source_code(language)
        if "articles" not in self._derived:
            self._derived["articles"] = {}
            for page in self.articles:  # the first page of a (language, slug) counts, as before
                self._derived["articles"].setdefault((page.language, page.slug), page)
        by_key = self._derived["articles"]
        page = by_key.get((written, slug))
        if page is None or written == language:
            return page
        if (language, slug) not in by_key:  # converted once per build, not once per page that shows it
            by_key[(language, slug)] = page.converted(language, lambda text: self.text_in(text, language))
        return by_key[(language, slug)]

    def articles_in(self, language: str) -> list[ArticlePage]:
        """Every summary page in ``language`` (converted for a generated language)."""
        written = source_code(language)
        return [self.article(language, page.slug) for page in self.articles if page.language == written]

    def article_title(self, language: str, source_id: str) -> str:
        """The short title of an article's summary page, for links to it."""
        return self.article(language, source_id).meta["title"]

    def milestones_citing(self, source_id: str) -> list[Milestone]:
        return [milestone for milestone in self.milestones if source_id in milestone.articles]


_cache: dict[tuple, SiteData] = {}


_fingerprints_this_build: dict[tuple, tuple] | None = None


def start_build() -> None:
    """Called when a build starts (the ``on_config`` hook, which ``mkdocs serve`` runs before every
    rebuild): from then on the files are stat-ed once per build, not on each of the hooks' loads."""
    global _fingerprints_this_build
    _fingerprints_this_build = {}


def finish_build() -> None:
    """Called when a build ends, well or badly: later loads in this process (the next test, a
    script) stat the files again instead of trusting what this build saw."""
    global _fingerprints_this_build
    _fingerprints_this_build = None


def _fingerprint(directories) -> tuple:
    key = tuple(str(directory) for directory in directories)
    if _fingerprints_this_build is not None and key in _fingerprints_this_build:
        return _fingerprints_this_build[key]
    fingerprint = tuple(
        sorted(
            (os.path.join(folder, name), os.stat(os.path.join(folder, name)).st_mtime_ns)
            for directory in directories
            for folder, _, names in os.walk(directory)
            if not is_generated(Path(folder), directory)
            for name in names
        )
    )
    if _fingerprints_this_build is not None:
        _fingerprints_this_build[key] = fingerprint
    return fingerprint


def load_site_data(root: Path = ROOT) -> SiteData:
    """Everything under ``root`` (a repository, or a test's fixture tree), loaded and checked."""
    root = Path(root)
    key = (str(root), _fingerprint([root / name for name in CONTENT_DIRS] + [SCHEMAS_DIR]))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _load(root)
        return_free_memory()  # what the load's parse trees and checks freed; only after a real load
    return _cache[key]


def _load(root: Path) -> SiteData:
    refused = contribution_path_problems(root)
    if refused:
        raise DataError(refused)  # no loader reads a file a contribution may not hold
    sources, problems = load_sources(root)
    broken_sources = {Path(problem.path).stem for problem in problems}
    articles, found = load_articles(sources, root)
    problems += found
    milestones, found = load_timeline(sources, root)
    problems += found
    broken_milestones = {Path(problem.path).stem for problem in found}
    documents = {}
    for name in DATASETS:
        documents[name], found = load_dataset(name, sources, root)
        problems += found
    if documents["clusters"] is not None:
        problems += cluster_reference_problems(documents["clusters"], milestones, articles, broken_milestones)
    if documents["figures"] is not None:
        problems += map_figure_problems(documents["figures"])
    if documents["date_ledger"] is not None:
        problems += ledger_milestone_problems(documents["date_ledger"], {m.id for m in milestones}, broken_milestones)
    problems += review_problems(root, documents, milestones) + place_problems(sources, documents, milestones)
    if documents["documents"] is not None:
        clusters = documents["clusters"]
        problems += document_problems(
            documents["documents"],
            sources,
            {milestone.id for milestone in milestones} | broken_milestones,
            None if clusters is None else {cluster["id"] for cluster in clusters.data["clusters"]},
            {page.slug for page in articles},
            broken_sources,
        )
    problems += missing_translations(root) + page_front_matter_problems(root)
    problems += content_text_problems(root, CONTENT_DIRS)
    found = marker_problems(root)
    problems += found + parity_problems(root, {problem.path for problem in found})
    if documents["glossary"] is not None:
        english = [milestone.document for milestone in milestones] + [
            document  # the corrections log quotes what a page said before: an old rendering may stand there
            for name, document in documents.items()
            if document is not None and name != "corrections"
        ]
        problems += terminology_problems(documents["glossary"], english, root / "docs", root)
    problems += prose_problems(sources, articles, milestones, documents, root, broken_sources)
    problems += spacing_problems(
        [milestone.document for milestone in milestones if milestone.document is not None]
        + [document for name, document in documents.items() if document is not None and name not in CONVERSION],
        {source_id: source.body for source_id, source in sources.items()},
    )
    problems += page_policy_problems(root / "docs", root, {page.path: page.document for page in articles})
    if problems:
        raise DataError(problems)
    _release_check_only_text(sources, articles, milestones, root)
    titles = page_titles(documents["corrections"].data["corrections"], root) if documents["corrections"] else {}
    return SiteData(
        sources, articles, milestones, {name: document.data for name, document in documents.items()}, titles
    )


def _release_check_only_text(
    sources: dict[str, Source], articles: list[ArticlePage], milestones: list[Milestone], root: Path
) -> None:
    """Once every check has passed, drop what only the checks read: the sources' bodies (quotes
    are verified against them) and the YAML texts kept to find a problem's line. Together they
    are as large as the content, and a build would otherwise hold them to its end. A problem
    found later still gets its line: the text is then read again from the file."""
    for source in sources.values():
        source.release_body()
    for items, front_matter in ((articles, True), (milestones, False)):
        for item in items:
            if item.document is not None:
                file = root / item.document.path
                item.document.release_text(partial(text_again, file, root, front_matter=front_matter))
