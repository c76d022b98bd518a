"""Analyze: sentences, entities, quotes, quantities and dates per article (issue #3).

Not built yet; the package exists so that the pipeline's shape is visible from day one.
"""
