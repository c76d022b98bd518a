"""An article's near-duplicate signature made again when its current text changes (a
re-read edit made a version of it: :mod:`newsprism.store_versions`).

The clustering signs each article's text once (``signatures``) and, while the article is
hot, files the signature's LSH band keys (``dedup_bands``, :mod:`newsprism.store_dedup`),
where later articles are matched against it. An edited article kept the old text's
signature, so a later copy of its new text, another outlet running the corrected wire
report, matched the old text: close after an edit of a few words, missed after one that
added paragraphs (two copies of one text then stood as two articles of one story).

The signature is made with the clustering's default :class:`DedupOptions` (no command
sets others), and only where the stored one was made with the same permutations and
seed: a store signed otherwise keeps its signature, as before. The article's copy group
is kept (decided when it was clustered); only later matches change.
"""

from __future__ import annotations

import logging
import sqlite3

logger = logging.getLogger(__name__)

__all__ = ["renew_signature"]


def renew_signature(conn: sqlite3.Connection, article_id: str, text: str) -> bool:
    """Sign ``text``, the article's new current text, in its stored signature's place
    and, when it is hot, in its band keys, inside the caller's write transaction. False
    (nothing changed) when it has no signature yet (not clustered: the clustering signs
    its current text) or one made with other options."""
    row = conn.execute("SELECT minhash FROM signatures WHERE article_id = ?", (article_id,))
    stored = row.fetchone()
    if stored is None:
        return False
    # Imported here: the clustering imports the store, and this runs only for an edit.
    from newsprism.cluster.dedup import (
        DedupOptions,
        signature,
        signature_bytes,
        signature_from_bytes,
    )
    from newsprism.cluster.dedup_window import band_keys

    options = DedupOptions()
    try:
        old = signature_from_bytes(bytes(stored[0]), options)
    except ValueError as exc:
        logger.info("%s: signature kept (%s)", article_id, exc)
        return False
    sig = signature(text, options)
    conn.execute(
        "UPDATE signatures SET minhash = ? WHERE article_id = ?",
        (signature_bytes(sig, options), article_id),
    )
    hot = conn.execute("SELECT seq FROM dedup_window WHERE article_id = ?", (article_id,))
    seq = hot.fetchone()
    if seq is not None:
        # By its old keys: the table's key is (key, seq); a delete by seq alone reads it all.
        gone = [(key, seq[0]) for key in band_keys(old, options)]
        conn.executemany("DELETE FROM dedup_bands WHERE key = ? AND seq = ?", gone)
        keys = [(key, seq[0]) for key in band_keys(sig, options)]
        conn.executemany("INSERT OR IGNORE INTO dedup_bands VALUES (?, ?)", keys)
    return True
