"""The offline search: tokens, folding, the sharded lunr index and its files."""
