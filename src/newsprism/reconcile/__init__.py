"""Reconcile: the cross-checked story brief (issue #5).

Not built yet; the package exists so that the pipeline's shape is visible from day one.
"""
