"""Cutting a page into articles: decode → layout → classify → segment → dedupe → audit.

Pure: no Pelican, no site or search code (the layer contract in pyproject.toml).
"""
