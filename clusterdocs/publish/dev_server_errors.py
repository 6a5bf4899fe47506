"""The development server's side of a failed rebuild: the problem lines, kept and shown.

Used by hooks/dev_server.py under `mkdocs serve` only. ``BuildProblems.recording`` wraps the
server's builder: it keeps the warning and error lines a failing rebuild logs (the data check's
``path:line:column: field: message`` lines among them) and lets the server go on, where MkDocs
would leave every page request waiting for a good build. ``development_app`` wraps the server's
WSGI app: while the last rebuild failed, a page request gets an error page listing those lines,
which waits on the server's live-reload endpoint and reloads itself once a rebuild succeeds.
It also serves pages without their Content-Security-Policy (clusterdocs/publish/content_security.py):
the server's live-reload script is inline and different in every response, so no hash can allow
it. The files on disk, the ones `mkdocs build` publishes, keep their policy.
"""

from __future__ import annotations

import html
import logging
import socket
from collections.abc import Callable, Iterable

from .content_security import without_policy

FOOTER = "The site is rebuilt when you save a file; this page reloads by itself once the build succeeds."

# Asks the live-reload endpoint for the current build, then waits on it for the next one.
_RELOAD_SCRIPT = """(function wait(build) {
  fetch("/livereload/" + build + "/0").then(function (answer) { return answer.text(); })
    .then(function (now) { if (build && Number(now) > build) location.reload(); else wait(Number(now)); })
    .catch(function () { setTimeout(function () { wait(build); }, 1000); });
})(0);"""


def address_in_use(host: str, port: int) -> bool:
    """Whether a server could not bind ``host:port`` now (as MkDocs' server binds it, reusing the address)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class BuildProblems:
    """The problem lines of the last rebuild: empty while it succeeded."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def recording(self, builder: Callable[[], None], logger: str = "mkdocs") -> Callable[[], None]:
        def build() -> None:
            log, collect = logging.getLogger(logger), _Collect()
            log.addHandler(collect)
            try:
                builder()
            except Exception as error:  # any failed rebuild: its lines are already in the terminal
                self.lines = collect.lines or [f"{type(error).__name__}: {error}"]
            else:
                self.lines = []
            finally:
                log.removeHandler(collect)
            if self.lines:
                log.error("The browser shows these problems until a rebuild succeeds.")

        return build


def problem_page(lines: list[str]) -> bytes:
    items = "\n".join(html.escape(line) for line in lines)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}}
pre{{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #c62828;padding:1rem}}</style></head>
<body><h1>The last rebuild failed</h1>
<p>Fix these problems; the terminal shows the same lines.</p>
<pre id="build-problems">{items}</pre>
<p>{html.escape(FOOTER)}</p>
<script>{_RELOAD_SCRIPT}</script>
</body></html>""".encode()


def development_app(app: Callable, problems: BuildProblems) -> Callable:
    """``app`` as it is, except that pages are the error page while the last rebuild failed, and
    have no Content-Security-Policy."""

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        is_page = path.endswith(("/", ".html")) and not path.startswith("/livereload/")
        if problems.lines and is_page:
            body = problem_page(problems.lines)
            start_response(
                "500 Internal Server Error",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            )
            return [body]
        answer: dict = {}

        def keep(status: str, headers: list, exc_info=None) -> None:
            answer.update(status=status, headers=headers)

        body = b"".join(app(environ, keep))
        headers = answer["headers"]
        if any(name.lower() == "content-type" and value.startswith("text/html") for name, value in headers):
            body = without_policy(body)
            headers = [(n, str(len(body)) if n.lower() == "content-length" else v) for n, v in headers]
        start_response(answer["status"], headers)
        return [body]

    return serve
