"""The site audit refuses a loopback address in a build that would be published, and only there
(clusterdocs/publish/site_audit.py): a build for the public address is refused one in any file, outside
code in a page and the search indexes; a local build (``make serve``'s) is not."""

from __future__ import annotations

import pytest

from clusterdocs.publish.site_audit import audit_site, is_loopback

PUBLIC = "https://clusterdocs.github.io/clusterdocs/"
FILES = {
    "timeline/index.html": (
        '<!doctype html><html><head><link rel="canonical" href="http://127.0.0.1:8000/timeline/"></head>\n'
        "<body><p>Run <code>make serve</code>, then open <code>http://127.0.0.1:8000</code>.</p>\n"
        "<pre>make serve   # http://localhost:8000</pre></body></html>\n"
    ),
    "cite/en/timeline/x.ris": "TY  - ELEC\nUR  - http://[::1]:8000/timeline/#x\nER  - \n",
    "feed.xml": '<?xml version="1.0"?>\n<feed><id>http://0.0.0.0:8000/feed.xml</id></feed>\n',
    "search/search_index.json": '{"docs": [{"text": "make serve # http://127.0.0.1:8000"}]}\n',
    "timeline.csv": "id,url\nx,https://127.0.0.1.example.org/\n",
}


@pytest.fixture
def site(tmp_path):
    for path, text in FILES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_build_for_the_public_address_refuses_every_loopback_url_outside_code(site):
    found = {(problem.path, problem.line, problem.field) for problem in audit_site(site, PUBLIC)}
    assert found == {
        ("timeline/index.html", 1, "link[href]"),
        ("cite/en/timeline/x.ris", 2, "text"),
        ("feed.xml", 2, "text"),
    }


@pytest.mark.parametrize("local", ["http://127.0.0.1:8000/", "http://localhost:8001/", "http://[::1]:8000/"])
def test_a_local_build_may_carry_its_own_address(site, local):
    assert is_loopback(local)
    assert audit_site(site, local) == []


@pytest.mark.parametrize("address", [PUBLIC, "https://127.0.0.1.example.org/", ""])
def test_only_a_loopback_host_makes_a_build_local(address):
    assert not is_loopback(address)
