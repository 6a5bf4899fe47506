"""Material's bundle is patched so that the built site fetches nothing from another host."""

from __future__ import annotations

from clusterdocs.publish.offline import strip_external_references


def test_external_references_are_stripped():
    bundle = (
        'x?_t("https://unpkg.com/resize-observer-polyfill"):y;_t("https://unpkg.com/mermaid@11/dist/mermaid.min.js")\n'
        "//# sourceMappingURL=bundle.min.js.map\n"
    )
    assert strip_external_references(bundle) == 'x?_t("data:text/javascript,"):y;_t("data:text/javascript,")\n'


def test_materials_sitemap_lookup_skips_the_absolute_alternate_links():
    bundle = 'e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href)))'
    assert (
        strip_external_references(bundle)
        == """e.pipe(b(()=>M("link[rel=alternate]:not([href*='//'])")),m(r=>new URL(r.href)))"""
    )
