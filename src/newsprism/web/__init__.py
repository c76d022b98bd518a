"""Web: the browser UI and HTTP API over the store (issue #6).

Not built yet; the package exists so that the pipeline's shape is visible from day one.
"""
