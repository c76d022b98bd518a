"""Cluster: near-duplicate folding and online story grouping (issue #4).

Not built yet; the package exists so that the pipeline's shape is visible from day one.
"""
