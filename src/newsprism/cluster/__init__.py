"""Cluster: fold syndicated copies (MinHash LSH) and group articles into stories, online.

``dedup`` finds near-duplicate copies; ``stories`` assigns each new article to a recent
story (text vectors, shared names and speakers, time) through a nearest-neighbour index;
``batch`` runs both incrementally over the store.
"""
