"""Each data kind loaded and checked, then the rules that span files; ``sitedata.load_site_data``
runs them all and returns the one ``SiteData``. May import ``read``, ``text`` and ``base``.
"""
