"""The charts' PNG pictures are drawn once per SVG and set of installed fonts, then read from the
build cache (clusterdocs/render/chart_files.py): a cached picture is the one resvg draws, and a
change to the SVG or to the fonts draws it again."""

from __future__ import annotations

from clusterdocs.render.chart_files import PNG_CACHE, png_bytes

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="{}" height="10" fill="#123"/></svg>'


def test_a_picture_is_drawn_once_and_again_when_its_svg_or_the_fonts_change(tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERDOCS_CACHE_DIR", str(tmp_path))
    folder = tmp_path / PNG_CACHE
    first = png_bytes(SVG.format(10), "fonts A")
    assert first.startswith(b"\x89PNG") and len(list(folder.iterdir())) == 1
    (stored,) = folder.iterdir()
    stored.write_bytes(b"what the cache holds")  # read back, not drawn again
    assert png_bytes(SVG.format(10), "fonts A") == b"what the cache holds"
    drawn_again = png_bytes(SVG.format(15), "fonts A")
    assert drawn_again.startswith(b"\x89PNG") and drawn_again != first
    assert png_bytes(SVG.format(10), "fonts B") == first  # other fonts: drawn again, here the same picture
    assert len(list(folder.iterdir())) == 3


def test_without_a_writable_cache_the_picture_is_still_drawn(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("CLUSTERDOCS_CACHE_DIR", str(blocked))
    assert png_bytes(SVG.format(10), "fonts A").startswith(b"\x89PNG")
