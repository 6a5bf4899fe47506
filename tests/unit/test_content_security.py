"""The Content-Security-Policy: hashes for the site's own inline scripts only."""

from __future__ import annotations

from clusterdocs.publish.content_security import (
    POLICY_META_START,
    allowed_inline_scripts,
    theme_scripts,
    with_policy,
    without_policy,
)
from clusterdocs.base.paths import ROOT

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>head()</script>
<script type="application/ld+json">{"a": 1}</script></head><body><script>theme()</script>
<article class="md-content__inner"><script>contributed()</script><script>theme()</script></article>
<script src="bundle.js"></script></body></html>"""


def test_only_head_scripts_and_the_themes_own_scripts_are_allowed():
    assert allowed_inline_scripts(PAGE, frozenset({"theme()"})) == ["head()", "theme()", "theme()"]
    assert "contributed()" not in allowed_inline_scripts(PAGE, frozenset({"theme()"}))


def test_the_policy_is_the_first_thing_after_the_character_set_and_names_every_directive():
    secured = with_policy(PAGE, frozenset({"theme()"}))
    assert secured.index('<meta charset="utf-8">') < secured.index(POLICY_META_START) < secured.index("<script>")
    content = secured.split(POLICY_META_START, 1)[1].split('"', 1)[0]
    directives = dict(part.split(" ", 1) for part in content.split("; "))
    assert directives["default-src"] == "'self'" and directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'none'"
    sources = directives["script-src"].split()
    assert sources[0] == "'self'" and len(sources) == 3 and all(source.startswith("'sha256-") for source in sources[1:])
    assert with_policy(secured, frozenset()) == secured  # once only
    assert without_policy(secured.encode()) == PAGE.encode()


def test_the_theme_scripts_are_read_from_the_templates_without_template_syntax():
    scripts = theme_scripts(sorted((ROOT / "overrides").rglob("*.html")))
    assert any("data-cd-palette" in script for script in scripts)
    assert all("{{" not in script and "{%" not in script for script in scripts)
