"""Docs as data: pages, front matter, the F1 keyword index and the content checks."""
