"""Headless Chromium (Debian's, started by scripts/chromium.py) against the built site on 127.0.0.1."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from clusterdocs.base.languages import LANGUAGES
from clusterdocs.base.paths import DOCS_DIR, ROOT, TIMELINE_DIR
from support import EmptySearchIndex, by_page, published_html, scroll_kept

pytestmark = pytest.mark.browser


def expected_pages() -> list[str]:
    """URL paths of every HTML file the site publishes, from the source tree (known before the
    build, so that each page is its own test); a test checks the list against the built site."""
    paths = ["/404.html"]
    for language in LANGUAGES:
        # A generated language (zh-Hant) publishes the pages of the language it is converted from.
        folder, prefix = DOCS_DIR / (language.converted_from or language.code), f"/{language.prefix}"
        for source in sorted(folder.rglob("*")):
            relative = source.relative_to(folder).as_posix()
            if source.suffix == ".md":
                page = relative.removesuffix(".md").removesuffix("index")
                paths.append(prefix + (page + "/" if page and not page.endswith("/") else page))
            elif source.suffix == ".html":
                paths.append(prefix + relative)
    return sorted(paths)


PUBLISHED_PAGES = expected_pages()

# Only violations are collected: axe's documented option for large pages, which halves its time.
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize(
    "start, target_language, expected",
    [
        ("/timeline/", "zh-Hans", "/zh/timeline/"),
        ("/zh/timeline/", "en", "/timeline/"),
        ("/articles/central-local-2021/", "zh-Hans", "/zh/articles/central-local-2021/"),
        ("/zh/articles/conference-2025/", "en", "/articles/conference-2025/"),
        ("/timeline/", "zh-Hant", "/zh-Hant/timeline/"),
        ("/zh/articles/central-local-2021/", "zh-Hant", "/zh-Hant/articles/central-local-2021/"),
        ("/zh-Hant/articles/conference-2025/", "zh-Hans", "/zh/articles/conference-2025/"),
        ("/zh-Hant/clusters/", "en", "/clusters/"),
    ],
)
def test_language_switcher_lands_on_the_same_page(page_without_search, site_url, start, target_language, expected):
    page = page_without_search  # the load check reads every page's errors with the real search index
    page.goto(site_url + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang='{target_language}']").click()
    page.wait_for_url(re.compile(re.escape(site_url + expected) + r"$"))
    assert page.locator("html").get_attribute("lang") == target_language
    assert page.watcher.console_errors == [] and page.watcher.failed_responses == []


def test_the_page_list_is_every_published_html_file(site_dir):
    assert PUBLISHED_PAGES == published_html(site_dir)


def _load_problems(page) -> list[str]:
    """What went wrong while the page loaded: errors, failed or foreign requests, blocked content."""
    watcher = page.watcher
    return [
        f"{kind}: {item}"
        for kind in ("console_errors", "page_errors", "foreign_requests", "failed_responses", "csp_violations")
        for item in getattr(watcher, kind)
    ]


AXE_SCRIPT = Axe().axe_script


def _axe_violations(page) -> list[tuple[str, int]]:
    """axe-core's WCAG 2.1 AA violations on the page, as axe_playwright_python runs it, but with
    axe put into the page once per load (both schemes' runs use it)."""
    if page.evaluate("() => typeof window.axe") != "object":
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("(options) => axe.run(document, options)", WCAG_21_AA)
    return [(violation["id"], len(violation["nodes"])) for violation in results["violations"]]


# One load of each page (at a laptop's 1280×800) serves the load check and axe in both schemes
# (PageMeasurements), and the other files' checks of that page at that size: the load's problems
# are read before axe runs; each test asserts on its own measurement.
PAGE_CHECKS = {
    "problems": _load_problems,
    "policies": lambda page: page.locator('meta[http-equiv="Content-Security-Policy"]').count(),
    "scheme": lambda page: page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
    "axe": _axe_violations,
}
# The tests of one page run on one pytest-xdist worker, so that they share its loads; other files
# put their tests of a page in the same group (``page {path}``).
PAGES_GROUPED = [pytest.param(path, marks=by_page(path)) for path in PUBLISHED_PAGES]


@pytest.mark.parametrize("path", PAGES_GROUPED)
def test_page_loads_without_errors_or_foreign_requests(page_measurements, site_url, path):
    measured = page_measurements.measure(site_url + path, PAGE_CHECKS)
    assert measured["problems"] == []
    # Every page carries its policy, and it is in force: the browser reports what it blocks.
    assert measured["policies"] == 1


@pytest.mark.parametrize("path", PUBLISHED_PAGES)
def test_no_contributed_script_runs(script_provoker, hostile_site_url, path):
    """The hostile build (tests/bad_inputs/build/script-in-page) puts scripts, handlers and
    script links in titles, descriptions and page bodies; none of them may run, on any page."""
    page, watcher, dialogs = script_provoker.open(hostile_site_url + path)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == [] and watcher.page_errors == [] and watcher.foreign_requests == []
    assert (
        page.evaluate("""() => [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name) || /^\\s*(javascript|vbscript|data):/i.test(attribute.value)
                 && ['href', 'src', 'action', 'formaction'].includes(attribute.name))
        .map((attribute) => `${element.tagName} ${attribute.name}`))""")
        == []
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_hostile_titles_and_descriptions_show_as_text(browser, hostile_site_url, language):
    context = browser.new_context()
    page = context.new_page()
    prefix = "/zh" if language == "zh" else ""
    page.goto(f"{hostile_site_url}{prefix}/glossary/")
    if language == "en":
        assert page.title().startswith("Glossary</title><script>window.__xss = 'title'</script>")
        assert (
            page.locator("meta[name=description]").get_attribute("content")
            == "Terms\" onmouseover=\"window.__xss = 'description'"
        )
    else:
        assert page.title().startswith("术语表<img src=x onerror=\"window.__xss = 'zh title'\">")
    assert "window.__xss" in page.locator(".md-header__title").inner_text()  # shown as text in the header
    assert page.evaluate("typeof window.__xss") == "undefined"
    context.close()


def test_a_foreign_request_would_be_caught(page, site_url):
    """The watcher sees a request to another host; on the site's pages the policy blocks it first."""
    page.goto(site_url + "/")
    page.evaluate("() => { const i = new Image(); i.src = 'https://example.org/pixel.png'; document.body.append(i); }")
    page.wait_for_timeout(300)
    assert page.watcher.foreign_requests == []
    assert any("img-src https://example.org/pixel.png" in line for line in page.watcher.csp_violations)
    page.route(
        site_url + "/", lambda route: route.fulfill(body="<!doctype html><title>t</title>", content_type="text/html")
    )
    page.goto(site_url + "/")  # a page without the policy: the request leaves, and the watcher catches it
    page.evaluate("() => { const i = new Image(); i.src = 'https://example.org/pixel.png'; document.body.append(i); }")
    page.wait_for_timeout(300)
    assert page.watcher.foreign_requests == ["https://example.org/pixel.png"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES_GROUPED)
def test_page_passes_axe_wcag_21_aa(page_measurements, site_url, path, scheme):
    measured = page_measurements.measure(site_url + path, PAGE_CHECKS, scheme=scheme)
    assert measured["scheme"] == ("slate" if scheme == "dark" else "default")
    assert measured["axe"] == []


def _article_parts(page) -> dict:
    """The article's full citation, opened through "Cite" (and closed again: the load is
    shared), its figures and quotes, and whether its milestones section shows."""
    with scroll_kept(page):
        page.locator(".cd-byline__cite summary").click()  # the full citation sits behind "Cite"
        found = {
            "citation shown": page.locator(".cd-citation").is_visible(),
            "cite": page.locator(".cd-cite").inner_text().strip(),
        }
        page.locator(".cd-byline__cite summary").click()
        page.evaluate("() => document.activeElement.blur()")
    found["figure rows"] = page.locator("table.cd-figures tbody tr").count()
    found["quotes"] = page.locator(".cd-quote blockquote").count()
    found["milestones shown"] = page.locator("#milestones").is_visible()
    return found


ARTICLE_PARTS = {"article parts": _article_parts}
ARTICLES = [
    pytest.param(prefix, slug, marks=by_page(f"{prefix}/articles/{slug}/"), id=f"{prefix.strip('/') or 'en'}-{slug}")
    for prefix in ("", "/zh")
    for slug in (
        "central-local-2021",
        "blueprint-14th-fyp",
        "chengyu-cross-province-2023",
        "park-cluster-paths-2023",
        "conference-2025",
    )
]


@pytest.mark.parametrize("prefix, slug", ARTICLES)
def test_article_pages_show_citation_figures_and_quotes(page_measurements, site_url, prefix, slug):
    found = page_measurements.measure(f"{site_url}{prefix}/articles/{slug}/", ARTICLE_PARTS, search=False)[
        "article parts"
    ]
    assert found["citation shown"]
    assert found["cite"]
    assert found["figure rows"] >= 3
    assert found["quotes"] >= 3
    assert found["milestones shown"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_timeline_shows_every_entry_with_working_anchors_and_filters(page_without_search, site_url, language):
    page = page_without_search
    ids = sorted(path.stem for path in TIMELINE_DIR.glob("*.yml"))
    prefix = "/zh" if language == "zh" else ""
    page.goto(f"{site_url}{prefix}/timeline/")
    entries = page.locator("article.cd-entry")
    assert sorted(entries.evaluate_all("(nodes) => nodes.map((n) => n.id)")) == ids
    assert entries.evaluate_all("(nodes) => nodes.filter((n) => n.offsetParent === null).length") == 0

    # Anchors: the same id in both languages, scrolled into view.
    target = "2023-05-05-state-council-cluster-guideline"
    page.goto(f"{site_url}{prefix}/timeline/#{target}")
    page.wait_for_timeout(200)
    assert page.locator(f"[id='{target}']").is_visible()
    assert page.evaluate(
        f"() => {{ const r = document.getElementById('{target}').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }}"
    )

    # Filters: in a collapsed panel; keyboard-operable checkboxes; unchecking a category hides exactly its entries.
    form = page.locator("#timeline-filters")
    assert not form.is_visible()
    page.locator("#timeline-filters-panel > summary").click()
    assert form.is_visible()
    checkbox = form.locator("input[name=category][value=miit-competition]")
    checkbox.focus()
    page.keyboard.press("Space")
    hidden = sorted(entries.evaluate_all("(nodes) => nodes.filter((n) => n.hidden).map((n) => n.dataset.category)"))
    expected_hidden = page.locator("article.cd-entry[data-category=miit-competition]").count()
    assert hidden == ["miit-competition"] * expected_hidden and expected_hidden > 0
    assert page.locator("#timeline-count").inner_text() == str(len(ids) - expected_hidden)
    page.locator("#timeline-filters button[type=reset]").click()
    page.wait_for_timeout(100)
    assert page.locator("#timeline-count").inner_text() == str(len(ids))

    # Order: newest first puts the latest year first.
    page.locator("#timeline-filters input[name=order][value=newest]").check()
    years = page.locator(".cd-year").evaluate_all("(nodes) => nodes.map((n) => n.dataset.year)")
    assert years == sorted(years, reverse=True)

    # Exports are linked from the page and parse.
    href = page.locator(".cd-downloads a").first.get_attribute("href")
    response = page.request.get(page.url.split("#")[0] + href)
    exported = json.loads(response.text())
    assert sorted(item["id"] for item in exported["milestones"]) == ids


def test_timeline_without_javascript_shows_everything(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/timeline/")
    assert page.locator("article.cd-entry").count() == len(list(TIMELINE_DIR.glob("*.yml")))
    assert not page.locator("#timeline-filters").is_visible()
    # The outside-reporting switch works without JavaScript (CSS :has()).
    outside = page.locator("article.cd-entry[data-from-sources=no]")
    assert outside.count() >= 2 and all(outside.nth(index).is_visible() for index in range(outside.count()))
    page.locator("#timeline-hide-outside").check()
    assert not any(outside.nth(index).is_visible() for index in range(outside.count()))
    assert page.locator("article.cd-entry[data-from-sources=yes]").first.is_visible()
    context.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_timeline_hides_outside_only_entries_and_shows_targets_apart(page_without_search, site_url, language):
    page = page_without_search
    prefix = "/zh" if language == "zh" else ""
    page.goto(f"{site_url}{prefix}/timeline/")
    entries = page.locator("article.cd-entry")
    total = entries.count()
    outside_ids = sorted(
        page.locator("article.cd-entry[data-from-sources=no]").evaluate_all("(nodes) => nodes.map((n) => n.id)")
    )
    assert outside_ids == ["2022-11-24-miit-45-national-clusters", "2024-11-18-miit-2024-round-35-winners"]
    page.locator("#timeline-hide-outside").check()
    hidden = sorted(entries.evaluate_all("(nodes) => nodes.filter((n) => n.hidden).map((n) => n.id)"))
    assert hidden == outside_ids
    page.locator("#timeline-filters-panel > summary").click()  # the count is in the filter panel
    assert page.locator("#timeline-count").inner_text() == str(total - len(outside_ids))
    assert not page.locator("h2#year-2024").is_visible()  # its only entry rests on outside reporting
    page.locator("#timeline-filters button[type=reset]").click()
    page.wait_for_timeout(100)
    assert page.locator("#timeline-count").inner_text() == str(total)
    assert not page.locator("#timeline-hide-outside").is_checked()
    # Targets sit in their own section, after every year, and are not dated as events.
    assert page.locator(".cd-targets article.cd-entry").count() == 4
    assert page.locator(".cd-year article[data-kind=target]").count() == 0
    label = "Target for 2025" if language == "en" else "2025年目标"
    assert page.locator(".cd-targets time").get_by_text(label, exact=True).count() == 3


def test_chinese_page_renders_cjk_glyphs(page_without_search, site_url, tmp_path):
    page = page_without_search
    page.goto(f"{site_url}/zh/")
    width = page.evaluate("""() => {
        const span = document.createElement('span'); span.textContent = '先进制造业集群';
        span.style.fontSize = '20px'; document.body.append(span); return span.getBoundingClientRect().width; }""")
    assert width > 100  # seven full-width glyphs, not seven tofu boxes of zero width
    page.screenshot(path=str(tmp_path / "zh-home.png"))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_cluster_directory_filters_and_sorts(page_without_search, site_url, language):
    page = page_without_search
    prefix = "/zh" if language == "zh" else ""
    page.goto(f"{site_url}{prefix}/clusters/")
    rows = page.locator("#cluster-table tbody tr")
    total = rows.count()
    assert total == len(yaml.safe_load((ROOT / "data" / "clusters.yml").read_text(encoding="utf-8"))["clusters"])
    page.locator("#cluster-filters select[name=regions]").select_option("west")
    visible = rows.evaluate_all("(rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.regions)")
    assert visible and set(visible) == {"west"} and len(visible) < total
    assert page.locator("#cluster-count").inner_text() == str(len(visible))
    page.locator("#cluster-filters select[name=regions]").select_option("")
    assert page.locator("#cluster-count").inner_text() == str(total)

    # Each official list filters to exactly the clusters the data puts on it; its option names that count.
    data = yaml.safe_load((ROOT / "data" / "clusters.yml").read_text(encoding="utf-8"))
    members = {
        item["id"]: {
            cluster["id"] for cluster in data["clusters"] if item["id"] in [m["list"] for m in cluster["memberships"]]
        }
        for item in data["lists"]
    }
    lists = page.locator("#cluster-filters select[name=lists]")
    offered = lists.locator("option").evaluate_all("(options) => options.map((o) => [o.value, o.textContent])")
    assert [value for value, _ in offered[1:]] == [key for key, ids in members.items() if ids]
    for value, label in offered[1:]:
        lists.select_option(value)
        shown = rows.evaluate_all(
            "(rows) => rows.filter((r) => !r.hidden).map((r) => r.cells[0].querySelector('a').hash.slice(1))"
        )
        assert set(shown) == members[value] and len(shown) == len(members[value])
        assert page.locator("#cluster-count").inner_text() == str(len(shown))
        assert re.search(rf"\D{len(shown)}\D*$", label), label
    lists.select_option("")

    header = page.locator("#cluster-table thead th").nth(2)  # region
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = rows.evaluate_all("(rows) => rows.map((r) => r.cells[2].dataset.value)")
    collator = page.evaluate(
        "(values) => values.slice().sort((a, b) => a.localeCompare(b, document.documentElement.lang))", values
    )
    assert values == collator
    header.locator("button").press("Enter")
    assert header.get_attribute("aria-sort") == "descending"

    # Each row links to its entry, which links back to the articles that mention the cluster.
    first = rows.first.locator("a")
    anchor = first.get_attribute("href")
    first.click()
    entry = page.locator(f"section.cd-cluster[id='{anchor[1:]}']")
    assert entry.is_visible() and entry.locator("a[href*='articles/']").count() >= 1


@pytest.mark.parametrize("language", ["en", "zh"])
def test_charts_have_accessible_names_and_glossary_tooltips(page_without_search, site_url, language):
    page = page_without_search
    prefix = "/zh" if language == "zh" else ""
    page.goto(f"{site_url}{prefix}/figures/")
    titles = page.locator("svg.cd-chart__svg").evaluate_all(
        "(svgs) => svgs.map((svg) => svg.querySelector('title').textContent)"
    )
    assert len(titles) >= 5
    for title in titles:  # the accessible name comes from <title> via aria-labelledby
        assert page.get_by_role("img", name=title, exact=False).count() >= 1
    expected = "The 45 national clusters by region" if language == "en" else "45个国家先进制造业集群的区域分布"
    assert page.get_by_role("img", name=re.compile(re.escape(expected))).count() == 1
    details = page.locator(".cd-chart__data").first
    details.locator("summary").click()
    assert details.locator("table tbody tr").first.is_visible()

    page.goto(f"{site_url}{prefix}/articles/central-local-2021/")
    term = page.locator("a.cd-term").first
    title = term.get_attribute("title")
    assert title and len(title) > 20
    term.hover()
    # The definition starts after the label ("Glossary: 先进… " / "术语表：…"): a piece of it.
    snippet = title.split(" ")[1][:4] if language == "en" else title.split("：", 1)[1][:6]
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=snippet)
    tooltip.first.wait_for(state="visible", timeout=5000)
    href = term.get_attribute("href")
    term.click()
    page.wait_for_url(re.compile(r".*/glossary/#.+"))
    page.locator(f"h2.cd-glossary__heading[id='{href.split('#')[1]}']").wait_for(state="visible", timeout=5000)


def _page_with_clipboard(browser, site_url, language, path):
    """A new browser context allowed to use the clipboard, on ``path`` of the ``language`` site
    (its search index served empty: ``EmptySearchIndex``)."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    EmptySearchIndex().install(page)  # nothing here searches
    prefix = "/zh" if language == "zh" else ""
    page.goto(f"{site_url}{prefix}/{path}")
    return context, page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_cite_this_page_copies_to_the_clipboard(browser, site_url, language):
    context, page = _page_with_clipboard(browser, site_url, language, "articles/chengyu-cross-province-2023/")
    page.locator(".cd-byline__cite summary").click()
    cite = page.locator(".cd-cite__text").inner_text().strip()
    page.locator(".cd-cite .md-code__button").click()
    page.wait_for_timeout(200)
    assert page.evaluate("navigator.clipboard.readText()").strip() == cite
    assert "《产城》" in cite and "/articles/chengyu-cross-province-2023/" in cite
    context.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_timeline_entry_citation_copies_to_the_clipboard(browser, site_url, language):
    """The timeline's copy buttons are written in the page (overrides/hooks/cite.html), not added by Material."""
    context, page = _page_with_clipboard(browser, site_url, language, "timeline/")
    box = page.locator("article.cd-entry .cd-cite-box").first
    box.locator("summary").click()
    cite = box.locator(".cd-cite__text").inner_text().strip()
    button = box.locator(".cd-cite .md-code__button")
    assert button.is_visible() and button.get_attribute("aria-label")
    button.click()
    page.wait_for_timeout(200)
    assert page.evaluate("navigator.clipboard.readText()").strip() == cite
    assert "/timeline/#" in cite
    context.close()
