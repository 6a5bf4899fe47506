"""``mkdocs`` with the contributor page policy and the allow-list of contributed paths switched
off, as if the data check had missed something.

Used by the tests only (tests/conftest.py ``hostile_site_dir``): it shows what the build alone
still makes inert (the sanitiser in hooks/pages.py, the <title> override, the site audit) when hostile
front matter and HTML reach it. Run as ``python tests/mkdocs_without_page_policy.py build …``.
"""

import sys

import clusterdocs.contribution_paths
import clusterdocs.html_policy

clusterdocs.html_policy.page_policy_problems = lambda *args, **kwargs: []
clusterdocs.contribution_paths.contribution_path_problems = lambda *args, **kwargs: []

from mkdocs.__main__ import cli  # noqa: E402 - imported after the policy is switched off

sys.exit(cli())
