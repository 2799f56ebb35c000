"""Articles to Markdown posts: slugs, writing, the import with its cache and lock, the CLI.

Pure: no Pelican, no site or search code (the layer contract in pyproject.toml).
"""
