"""`mkdocs serve` only: say what is wrong in one place a contributor is looking.

- A busy address is one line before anything is built (MkDocs would build the whole site first,
  then print a traceback when its server cannot bind).
- A rebuild that fails (bad data, a broken link) no longer leaves every page request waiting for
  a good build: the terminal prints the problem lines as usual, and the browser shows the same
  lines on an error page that reloads itself once a rebuild succeeds
  (clusterdocs/publish/dev_server_errors.py).
- Pages are served without their Content-Security-Policy, which would block the server's inline
  live-reload script. A plain `mkdocs build` is not affected by any of this.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

from clusterdocs.publish.dev_server_errors import BuildProblems, address_in_use, development_app

# Set by on_startup: whether the address still has to be checked (`mkdocs serve`, first build).
_address_unchecked = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _address_unchecked
    _address_unchecked = command == "serve"


@event_priority(100)  # before the data is loaded and anything is built
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    global _address_unchecked
    if _address_unchecked:
        _address_unchecked = False
        host, port = config.dev_addr
        if address_in_use(host, port):
            raise PluginError(
                f"{host}:{port} is already in use by another program; "
                f"serve on another port with `make serve PORT={port + 1}` (or stop the other server)"
            )
    return config


def on_serve(server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer | None:
    problems = BuildProblems()
    server.builder = problems.recording(server.builder)
    server.set_app(development_app(server.serve_request, problems))
    return server
