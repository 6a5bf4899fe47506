"""``mkdocs`` with the contributor page policy and the allow-list of contributed paths switched
off, as if the data check had missed something; with ``WITHOUT_SANITISER=1`` in the environment
the page sanitiser is switched off too, as if it had missed
everything, so that only the Content-Security-Policy stands between a contributed script and
the reader.

Used by the tests only (tests/conftest.py ``hostile_site_dir``, and the unsanitised build of
tests/browser/test_policy_in_browser.py): it shows what the build alone still makes inert (the
sanitiser in hooks/pages.py, the <title> override, the policy, the site audit) when hostile front
matter and HTML reach it. Run as ``[WITHOUT_SANITISER=1] python tests/mkdocs_without_page_policy.py
build …``.
"""

import os
import sys

import clusterdocs.read.contribution_paths
import clusterdocs.check.html_policy

clusterdocs.check.html_policy.page_policy_problems = lambda *args, **kwargs: []
clusterdocs.read.contribution_paths.contribution_path_problems = lambda *args, **kwargs: []
# Imported only now: the modules that load data import the two checks above by name.
import clusterdocs.render.pages  # noqa: E402

if os.environ.get("WITHOUT_SANITISER") == "1":
    clusterdocs.render.pages.sanitise = lambda html: html

from mkdocs.__main__ import cli  # noqa: E402 - imported after the policy is switched off

sys.exit(cli())
