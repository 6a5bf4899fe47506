"""`mkdocs serve`: a busy address is refused up front, and a failed rebuild's lines reach the browser."""

from __future__ import annotations

import logging
import socket

from clusterdocs.publish.dev_server_errors import BuildProblems, address_in_use, development_app

LINE = "timeline/x.yml:3:1: date: <b>not</b> a date"


def call(app, path: str) -> tuple[str, bytes]:
    answer = {}

    def start_response(status, headers):
        answer["status"] = status

    body = b"".join(app({"PATH_INFO": path}, start_response))
    return answer["status"], body


def site(environ, start_response):
    start_response("200 OK", [])
    return [b"the page"]


def failing_build():
    logging.getLogger("mkdocs.test").error(LINE)
    raise RuntimeError("Aborted")


def test_a_failed_rebuild_shows_its_lines_on_every_page_until_a_rebuild_succeeds():
    problems = BuildProblems()
    app = development_app(site, problems)
    problems.recording(failing_build)()
    assert problems.lines == [LINE]
    status, body = call(app, "/timeline/")
    assert status.startswith("500") and b"timeline/x.yml:3:1: date: &lt;b&gt;not&lt;/b&gt; a date" in body
    assert b"<b>not</b>" not in body and b"/livereload/" in body
    assert call(app, "/zh/index.html")[0].startswith("500")
    # Assets and the live-reload endpoint still answer, so the error page can wait for a good build.
    assert call(app, "/assets/extra.css") == ("200 OK", b"the page")
    assert call(app, "/livereload/0/0") == ("200 OK", b"the page")
    problems.recording(lambda: None)()
    assert problems.lines == [] and call(app, "/timeline/") == ("200 OK", b"the page")


def test_the_server_goes_on_after_a_failed_rebuild_and_says_where_to_look(caplog):
    problems = BuildProblems()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        problems.recording(failing_build)()  # does not raise: MkDocs' server would otherwise wait forever
    assert caplog.messages[-1] == "The browser shows these problems until a rebuild succeeds."
    assert problems.lines == [LINE]


def test_a_rebuild_that_fails_without_logging_shows_its_exception():
    problems = BuildProblems()

    def fails():
        raise OSError("disk full")

    problems.recording(fails)()
    assert problems.lines == ["OSError: disk full"]


def test_an_address_in_use_is_found_before_anything_is_built():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert address_in_use("127.0.0.1", port)
    assert not address_in_use("127.0.0.1", port)


def test_pages_are_served_without_their_policy_so_the_live_reload_script_runs():
    page = b'<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"></head></html>'

    def html_site(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(page)))])
        return [page]

    headers = {}

    def start_response(status, given):
        headers.update(given)

    body = b"".join(development_app(html_site, BuildProblems())({"PATH_INFO": "/"}, start_response))
    assert body == b'<html><head><meta charset="utf-8"></head></html>'
    assert headers["Content-Length"] == str(len(body))
