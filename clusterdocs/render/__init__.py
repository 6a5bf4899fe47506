"""A page's sections from ``SiteData``: the renderer table (``pages``), one renderer per page kind,
the Jinja environment, and what a page and an export both show (citations, charts, the open
data's description). May import ``check``, ``read``, ``text`` and ``base``.
"""
