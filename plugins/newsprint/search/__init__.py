"""The offline search, one module per job, in the order a build runs them.

tokens     text → index terms (mirrored in theme/static/js/tokenize.js)
fold       traditional → simplified table (OpenCC's data)
html_text  article HTML → plain text
docs       Pelican article → SearchDoc, and the index fields
shards     which shard holds which term (ShardPlan)
index      the shards' lunr JSON and positions (two backends, one output)
facets     district, year, kind and topics as base64 columns
files      output/search/: shards, positions, stored text, facets, manifest
generator  the Pelican generator that runs it all
"""
