"""What every stage uses: the one problem format, where the project's files live, the site's
languages, and the build's caches and memory. Imports nothing else of the project.
"""
