"""Analyze: what each article says, with exact spans into its clean text.

Each article is parsed once by spaCy (``nlp``) and read by plain extractor functions:
``entities`` (people, places, organisations under one canonical name, with ``aliases``),
``quotes`` and ``speakers`` (direct and reported speech, attributed), ``quantities`` and
``numbers`` (values, bounds, units and what is counted), ``dates`` and
``relative_dates`` (resolved against the publication date, or deferred to the story).
``analyzer`` runs them over an article (in a worker pool for many); ``batch`` analyses
stored articles that lack a current analysis and stores the results.
"""
