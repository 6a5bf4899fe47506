"""What is written or checked once per build: the feeds, the search indexes, the generated
zh-Hant pages, the Content-Security-Policy, the theme's assets made offline and the audit of
the built site, and ``mkdocs serve``'s error page. May import ``render`` and everything below.
"""
