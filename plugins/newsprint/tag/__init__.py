"""Tagging the articles of a page: districts, topics, dates, figures (sidecar and places too).

Pure: no Pelican, no site or search code (the layer contract in pyproject.toml).
"""
