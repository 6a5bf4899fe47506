"""A contributed file from disk to text or a parsed document: the allow-list of paths, the one
reader, YAML with the line of every value, JSON Schema, and the one load path every data kind
takes. May import ``text`` and ``base``.
"""
