"""Give each language its own search index, so zh searches return zh pages and en only en.

mkdocs-static-i18n merges every language into ``search/search_index.json`` in its own
``on_post_build`` (priority -100), once all languages are built. MkDocs calls this hook's
``on_post_build`` after that and splits the merged index (clusterdocs/search_index.py).
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from clusterdocs.search_index import write_language_indexes


@event_priority(-200)
def on_post_build(config):
    write_language_indexes(Path(config.site_dir))
