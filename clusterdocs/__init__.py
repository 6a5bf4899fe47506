"""Plain-Python core of the site: load, validate and render the project's data.

Nothing in this package imports MkDocs. The hooks in ``hooks/`` adapt MkDocs events to the
functions here, the tests call them directly, and ``python -m clusterdocs check`` runs every
validation from the command line.

One subpackage per stage, lowest first: ``base``, ``text``, ``read``, ``check``, ``render``,
``publish``; each imports only from itself and the ones before it (ARCHITECTURE.md, "Code map";
tests/unit/test_import_layers.py).
"""
