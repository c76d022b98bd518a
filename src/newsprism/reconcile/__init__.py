"""Reconcile: cross-check one story's articles into a brief.

``brief`` runs every step in dependency order over a story's material (its articles and
their analyses): ``roster`` (the story's names), ``statements`` (one utterance lined up
across outlets, translations and paraphrases included), ``facts`` (numbers grouped by
what they measure, agree/differ/single), ``discrepancies`` (claims that cannot all be
true), ``exclusives`` (what only one source carries), ``timeline``, ``summary``
(extractive, each sentence with the articles that support it) and ``framing``
(headlines, coverage and voices per outlet). ``similarity`` is the sentence similarity
they share (lexical, or dense with the ``embed`` extra).
"""
