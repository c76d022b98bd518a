"""The options of story clustering, apart from the clusterer so that the vectorizers can
read them without importing the clusterer (no import circle)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from newsprism.cluster.join import JoinModel

logger = logging.getLogger(__name__)

__all__ = ["ClusterOptions"]


@dataclass(frozen=True)
class ClusterOptions:
    """How articles are grouped into stories.

    ``join_probability``: an article joins the candidate story the join model
    (:mod:`newsprism.cluster.join`) gives the highest probability if it reaches this;
    two stories merge at the same cut. The model's coefficients ship as data
    (``cluster/join_model.json``, one model per vectorizer), fitted by
    ``eval/clustering_fit.py`` on labelled real news (ECB+, BASIL and the Multi-News
    sample) and the generated stream's tuning seed; the file records the fit and
    eval/README.md its coefficients (lexical, refitted 6 Dec on the IDF with the
    background prior: intercept -4.34, text_mean +40.36, text_centroid -12.20, cohesion
    -9.62, no_cohesion -2.62, names +16.99, speakers +6.66, names_gap -8.75, numbers
    +6.20, gap -1.46 per log(1 + days); the lead, fitted second on 6 Dec, +38.3; its
    story model intercept -3.46, text_mean +31.28, cohesion -9.24, names +7.50, numbers
    +9.00, gap -7.40; a calendar day in common weighs 0: fitted on top on 7 Dec, +6.59
    and +10.86, it joined unrelated reports of one news day on the day alone (review
    s43/g S1; a weekday resolved against the publication time gives every article of
    that day the same date); a future fit must gate it on text or name evidence, use only
    dates written out in the text, cap it at the held-out weight and be measured on ECB+
    and unrelated same-day pairs) and eval/results/clustering_real.md the cross-set
    scores. The dense
    model is fitted the same way but marked provisional on purpose (behind lexical
    cross-set on ECB+ and Multi-News, about 20 times the CPU), so ``embeddings="auto"``
    stays lexical.
    ``model`` overrides the packaged model (the fit script passes its candidates here).
    0.5 is the model's own even-odds point, not tuned; checked held out (stop 38,
    ``eval/single_merge_kfold.py --option join_probability --values
    0.45,0.5,0.55,0.6``: BASIL + Multi-News in 5 story folds, cross-set lexical models,
    mean of four orders, B3 F1 (P)): the folds pick 0.45 four times and 0.5 once, and
    held out BASIL 0.950 (0.998) vs 0.949 (0.998), Multi-News 0.933 (0.970) vs 0.934
    (0.973); 0.55 and 0.6 cost BASIL recall (0.939, 0.937). ECB+, never read, moves
    either way at 0.45 and 0.55 alike (arrival 0.932 (0.951) at 0.5, 0.939 (0.962) at
    0.45, 0.938 (0.963) at 0.55: one mixed story that order decides), so no gain there
    holds. Kept at 0.5. Two stories of two or more
    members each (a merge, a split's halves) are judged by the join model and by the
    packaged *story* model, fitted on the teacher's story-to-story examples alone
    (``eval/clustering_fit.py``): a merge needs both, a split either
    (:mod:`newsprism.cluster.consolidate`). ``story_model`` overrides the packaged one;
    with ``model`` given and no ``story_model``, ``model`` is both.

    ``split_probability``: consolidation splits a story in two (its best two-way cut of
    the members, :mod:`newsprism.cluster.split`) when the model gives its halves, judged
    as two stories, less than this probability of being one; under
    ``join_probability`` so that a split half is not merged straight back. Chosen
    cross-set (eval/README.md, *On real news*); checked held out (stop 38,
    ``eval/single_merge_kfold.py --option split_probability --values
    0.2,0.25,0.3,0.35``, B3 F1 (P), mean of four orders): every fold picks 0.35, all from
    one BASIL story it splits in arrival order (BASIL arrival 0.957 (0.993) -> 0.960
    (1.000); held out 0.950 (1.000) vs 0.949 (0.998); Multi-News unchanged, 0.934
    (0.973)), the flat folds by the pick's tie-break (the higher value, for this option
    the one that splits more); ECB+, never read, loses at 0.35 (mean 0.934 -> 0.933,
    reversed 0.928 -> 0.925). Kept at 0.3. Known fault, left open: on ECB+ the
    2-means cut also splits one event's reports (arrival order, after the graph split of
    a two-event story, 15 reports of one event cut 13 | 2 at log-odds -1.84; another
    event's 14 cut 3 | 11 at -1.22), always where only the story model doubts (the join
    model scores those halves 1.3-4.4) and the story's nearest-neighbour graph shows one
    group (normalized cut 0.42-0.58; the 2-means splits of two ECB+ events cut 0.15 or
    less). Tried 7 Dec and dropped: no 2-means split of a story of
    :data:`~newsprism.cluster.split.MIN_GRAPH` or more members whose graph cut is 0.3 or
    more (0.2-0.4 the same on ECB+; cross-set lexical B3 F1 (P) arrival 0.938 (0.963) ->
    0.947 (0.963), shuffled 0.940 -> 0.946, window-shuffled 0.937 -> 0.940, reversed
    0.928 -> 0.927; BASIL and Multi-News unchanged, no story of 8), but the short-article
    stream's cross-set row fell 0.630 (0.508) -> 0.616 (0.488), as its mixed stories of
    several small templated stories are split by 2-means where the graph shows no two
    groups (19 such splits, mostly clean, their join log-odds -1 to 3.7 like ECB+'s bad
    ones); the rule only on stories split before, 0.624; only where the join model
    also doubts, 0.617. Measured 7 Dec and dropped: the halves' name overlap does not
    tell them apart either (ECB+ arrival, cross-set lexical: the one-event 13 | 2 halves
    share 0.12 of their names (IDF-weighted Jaccard) and the 3 | 10 ones 0.22, the
    two-event 2-means splits 0.01-0.14), so a veto where the graph shows one group and
    the halves share half their names (``consolidate._CLEAN_NAMES``) changed nothing
    (0.938 (0.963)).

    ``graph_cut`` and ``graph_split_probability``: when the model keeps a story's
    2-means halves together, consolidation also cuts the story through its members'
    3-nearest-neighbour graph (:func:`newsprism.cluster.split.graph_halves`) and splits
    it when the cut's normalized-cut value is under ``graph_cut`` (two groups whose
    members' nearest fellows lie on their own side) and the model gives the two groups
    less than ``graph_split_probability`` of being one story. Two look-alike events
    (ECB+: two earthquakes, two piracy attacks) share words and names enough for the
    model to score their halves as one story (log-odds 0-2), but each event's reports
    are one another's nearest neighbours; one event's reports mostly are not split that
    way. Calibrated on ECB+ with names (the only labelled set whose stories are large
    enough to cut: grid 0.05-0.25 x 0.5-0.95, B3 F1 0.885-0.917, the chosen point
    0.917, its neighbours 0.911-0.917); the stream's tuning seed is unchanged at the
    three grid points tried on it; reported on the others (the consolidate module doc).
    ``named_graph_cut`` takes ``graph_cut``'s place where both groups have names (the
    names overlap measured): then the model's doubt is informed by the strongest
    evidence, and a looser graph cut suffices; text alone scores one event's groups low
    too, so without names the tight cut stays. Set 6 Dec with the lead-era models
    (cross-set, each scored set's model fitted on the other sets): on ECB+ after
    consolidation, five stories held both events of a topic with a graph cut of 0.03-0.31
    that found the events exactly or within one report, scored as one story at log-odds
    0.20-2.76, against four one-event stories with cuts under 0.31 scored 2.56-5.44.
    Grid (named cut / probability; ECB+ cross-set B3 F1 (P); one run each of a driver
    reproducing ``real_clustering.py``'s rows): 0.15 / 0.88 (before) 0.921 (0.900); 0.25
    / 0.9 0.920 (0.920); 0.3 / 0.88 0.926 (0.930); 0.3 / 0.9 0.934 (0.945); 0.35 / 0.9
    0.934 (0.945); 0.3 / 0.92 0.930 (0.945). The text-only rows (names unmeasured, so
    ``graph_cut``) unchanged; the same cut on them (0.3 / 0.88 for all) cut one-event
    stories: text-only ECB+ 0.903 -> 0.873 (the probability 0.88 -> 0.9 alone leaves them
    unchanged). The shipped model's ECB+ row (in-sample) 0.915 (0.933) -> 0.909 (0.965);
    BASIL and Multi-News (no story of 8 members) unchanged; the short-article stream
    (shipped model) 0.630 (0.506) -> 0.646 (0.535). Read off ECB+, the only labelled
    real set with stories large enough to cut, so that grid's 0.934 is in-sample for
    these two constants. Held out (``eval/graph_cut_cv.py``: ECB+ split by topic
    parity, 373 / 347 articles; the point chosen on one fold from the same grid, ties to
    higher precision then the smaller point, scored on the other, and swapped; cross-set
    model; B3 F1 (P)): with all of ECB+ clustered and each fold scored on its articles,
    odd topics 0.894 (0.888) (even's pick 0.25 / 0.88: the even fold is flat, every
    named cut >= 0.25 giving 0.951 (0.961)), even 0.951 (0.961) (odd's pick 0.3 / 0.9),
    both folds 0.922 (0.923), against 0.923 (0.902) before and 0.935 (0.948) shipped;
    each fold clustered alone, odd 0.907 (0.893), even 0.949 (0.961) (odd's pick 0.3 /
    0.88), both 0.927 (0.925), before 0.928 (0.906), shipped 0.926 (0.935). Held out,
    the change is a precision gain (+0.02) at no F1 gain, not the in-sample +0.013 F1.
    The named cut 0.3 (0.35 the same everywhere) is kept: at either probability, its F1
    and precision are at or above 0.15's and 0.25's on every fold of both protocols. The
    probability is not decided by held-out data (with the cut 0.3, odd topics give 0.88
    0.918 against 0.9's 0.905 clustered alone, but 0.905 against 0.919 inside the whole
    set; the even fold does not move); 0.9 is kept because its precision is at or above
    0.88's on every fold (odd, whole set: 0.936 against 0.907; elsewhere equal). With
    analysis version 38 (stop 38; names read afresh) the cross-set arrival row's topic 5
    holds both events again (13 + 6 reports, graph cut 0.312, just over 0.3; halves
    log-odds 0.38, names overlap 0.12): ECB+ arrival 0.938 (0.963) -> 0.932 (0.951), the
    other orders unchanged. ``graph_cut_cv.py`` rerun (whole set, scored per fold): the
    odd fold's best is now 0.35 / 0.9 (0.927 (0.970) vs shipped 0.917 (0.948)), but the
    even fold is flat, so the odd fold's held-out pick is 0.25 / 0.88 (0.903 (0.919));
    0.35 / 0.9 on both folds 0.939 (0.965) vs shipped 0.934 (0.954) is in sample, one
    story. Not changed. Set both cuts to 0 to switch the graph split off. Split stories
    are not merged back (the clusterer's state keeps which were split apart).

    ``clean_graph_cut`` and ``clean_split_probability``: where the graph all but falls
    apart (normalized cut under ``clean_graph_cut``, and under the graph cut in use) and
    the two groups share under half their names (``consolidate._CLEAN_NAMES``: two phases
    of one event, a storm and its clean-up, fall apart in the graph too, sharing nearly
    all their names), the odds cut is ``clean_split_probability`` instead of
    ``graph_split_probability``, each as set (a clean probability under
    ``graph_split_probability`` makes clean graphs the harder to split; a low
    ``graph_split_probability`` leaves clean graphs at ``clean_split_probability``: set
    ``clean_graph_cut`` to 0 for one odds cut everywhere; review s35/2 LOW, it was the
    laxer of the two before): such
    a graph is evidence the model's halves odds do not see (each member's nearest fellows
    all on its own side). Calibrated 6 Dec on ECB+ and BASIL together (BASIL's stories of
    three are never graph-cut; Multi-News, held out, has no story of 8 members): after
    consolidation (cross-set lexical model, arrival order) one story held both events of
    an ECB+ topic (15 + 11 reports), its graph cut 0.03 finding them exactly, its halves
    scored as one story at log-odds 2.76 (probability 0.94, over 0.9); every one-event
    story's cut was 0.17 or more. So the clean cut sits between (0.05 and 0.1 gave the
    same), and 0.95 is the least round probability over 0.94 (0.99 gave the same). B3
    F1 (P), ECB+ cross-set, off / on: arrival 0.934 (0.945) / 0.938 (0.963); reversed
    0.922 (0.920) / 0.928 (0.935); shuffled 0.931 (0.939) / 0.940 (0.956);
    window-shuffled 0.937 (0.958) unchanged; short-article stream (shipped and cross-set
    rows) unchanged. Held out 7 Dec (``eval/graph_cut_cv.py --constants clean``: ECB+
    by topic parity, cut 0 (off), 0.05-0.2 x 0.95 / 0.99, picked on one fold, scored on
    the other; B3 F1 (P)): the mixed story is in the odd fold, and the even fold is flat
    from 0 to 0.15 (0.949 (0.961) clustered alone, 0.951 (0.961) inside the whole set;
    0.2 cuts a one-event story there, 0.941 / 0.943), so the even fold picks 0 (ties
    to the smaller cut) and the odd fold's held-out score is the clean cut off: odd
    0.905 (0.912) against 0.921 (0.946) shipped (0.919 (0.936) / 0.927 (0.970) inside
    the whole set); both folds held out 0.926 (0.935), shipped 0.934 (0.953) (whole
    set 0.935 (0.948) / 0.939 (0.965)). **Out of sample the clean cut's gain is not
    confirmed** (no held-out story needs it); what the held-out fold does show is that
    a cut of 0.05-0.15 at either probability costs nothing where it was not read off,
    and 0.2 starts cutting one-event stories. Kept at 0.1 on that reading; the gain is
    in-sample. Why not a cut of the members' pairwise log-odds (member against
    member, the model's own evidence): in the same run every mixed story's cross-event
    pairs scored log-odds 3-9 on average, and one-event stories held cuts as sharp (gap
    between the halves' own and their cross pairs' mean log-odds up to 11, against 0.7-3.5
    between two events' reports), so no cut of that matrix told them apart.

    ``replace_margin``: consolidation moves a member of a story to another hot story
    (of two or more source members) when the model's log-odds for it there reach the
    join cut and exceed its log-odds with its own story's other members by this margin
    (0: the model's own choice, not tuned; margins 1 and 2 moved fewer of ECB+'s
    misplaced members and changed nothing on Multi-News or the stream's tuning seed);
    None switches re-placement off (:mod:`newsprism.cluster.consolidate`).

    ``eject_logit``: in re-placement, a member whose log-odds with its own story's other
    members (its lead over its other candidates counted, as the join counts it) fall
    under this, and which no story takes, leaves for a story of its own, kept apart from
    the old one; the merge pass then places it. None (or ``replace_margin`` None): never.
    Chosen 6 Dec between -1 and -2 (lexical cross-set model, every order of
    ``eval/real_clustering.py``) as the most eager that leaves BASIL and ECB+ as they
    were (-1: BASIL reversed order B3 F1 0.955 -> 0.945, ECB+ reversed 0.922 -> 0.920);
    Multi-News, held out, then gains (window-shuffled order 0.919 -> 0.926, reversed
    0.931 -> 0.933, arrival 0.941 unchanged); the short-article stream's cross-set row
    0.617 -> 0.630 (with the lead on merges of a story of one, the same commit).
    Confirmed held out (stop 38, ``eval/single_merge_kfold.py --option eject_logit
    --values off,-3,-2,-1.5,-1``: BASIL + Multi-News in 5 story folds, B3 F1 (P), mean of
    four orders): every fold picks -2 (-3 ties it); held out Multi-News 0.934 (0.973) vs
    off 0.931 (0.970), BASIL 0.949 (0.998) either way; -1.5 and -1 lose on both (BASIL
    0.947, 0.944).

    ``single_merge_probability``: the consolidation's merge pass gives each story of one
    source article a second look, merging it with its best candidate where the join
    model gives at least this (arrival joins, and merges of two stories of two or more,
    keep ``join_probability``); None (the default): no second look, and a value equal to
    ``join_probability`` changes nothing either. It must lie between
    ``split_probability`` and ``join_probability`` (a second look is laxer than the
    join, and a story of one it merges must not be one the split pass would cut off
    again). Why: on Multi-News every missed merge involves a story of one article, some
    within 0.2 log-odds of the join cut. **Off: the held-out folds picked 0.4, but the
    CI gate's ECB+ row lost at it; with the second look run last (below) the gate
    passes at 0.4, but one held-out direction then picks 0.3 and loses precision.**
    Measured 7 Dec with ``eval/single_merge_cv.py``
    (cross-set lexical models; B3 F1 (P), mean of the arrival, reversed, shuffled and
    window-shuffled orders): Multi-News's gold clusters split by cluster-number parity
    (odd 148 articles / 55 stories, even 143 / 58), the grid off, 0.3, 0.35, 0.4, 0.45
    read on one fold and scored on the other. Each fold clustered alone: odd picks 0.45
    -> held-out even 0.936 (0.986) vs off 0.935 (0.986); even picks 0.4 -> held-out odd
    0.949 (0.978) vs off 0.948 (0.978). The whole set clustered, scored per fold: both
    pick 0.4 -> held-out odd 0.947 (0.976) vs off 0.942 (0.976), even 0.935 (0.988) vs
    0.934 (0.988); both folds together 0.941 (0.982) vs 0.938 (0.982). 0.3 and 0.35
    lose precision on both folds (whole set 0.966 / 0.975 vs 0.982). At 0.4 the
    cross-set rows of the sets not read hold: ECB+ unchanged in every order (arrival
    0.938 (0.963), mean 0.936 (0.953)); BASIL unchanged but shuffled 0.929 -> 0.939.
    The pick over BASIL + ECB+ instead (every order, Multi-News unseen) is 0.3 (pooled
    0.945 vs 0.943 at 0.4 and 0.942 off), and Multi-News held out at 0.3 loses: mean
    0.934 (0.973) -> 0.930 (0.953), arrival 0.941 (0.981) -> 0.938 (0.965). What
    blocks 0.4: the shipped model with no names (the CI gate's row,
    ``tests/test_eval_clustering_gate.py``) on ECB+ falls from 0.903 (0.967) to 0.897
    (0.954), under the gate's minimum 0.898 (0.962), 95 -> 91 stories. Not by the
    second look's own merges (all four stories of one it merged went to their own
    event) but by what follows: two of them made topic 5's other-event story 2 -> 4
    articles, which the ordinary merge pass then joined to the look-alike event's story
    of 13 (a new 13 + 5 mixed story); in topic 10 one report of the other event moved
    into a story of 6. The short-article stream's shipped row 0.661 (0.558) -> 0.660
    (0.557), its cross-set row 0.630 (0.508) unchanged; the two eject tests of
    ``tests/test_cluster_replace.py`` failed at 0.4 (an ejected member, a story of one,
    went back to the flood story at the laxer cut). **Since 7 Dec, later (e0d06c1)**:
    the cause was not that merge pass: run before the split pass, the second look grew
    topic 5's other-event story 2 -> 3, and a member of the 13 + 5 story (log-odds 0.29
    with its own) no longer moved there, so the re-placement and split that undo the
    mixed story (off, they do) never came. The second look now runs last, once the
    consolidation's rounds of merges and splits settle, and a split pass then checks
    the stories it grew; a story of one an eject opened takes no second look. At 0.4
    the gate row's ECB+ is 0.903 (0.963), 92 stories (off 0.903 (0.967), 95; minimum
    0.898 (0.962)); BASIL 0.971 (0.993) unchanged; Multi-News 0.918 (0.993) -> 0.919
    (0.990); the eject tests and the order tests pass at 0.4. Held out again with
    the second look last (``eval/single_merge_cv.py --part folds``, same folds): each
    fold clustered alone as before (odd picks 0.45 -> held-out even 0.936 (0.986) vs
    off 0.935 (0.986); even picks 0.4 -> held-out odd 0.949 (0.978) vs 0.948 (0.978));
    the whole set scored per fold, the odd fold now picks 0.3 (0.948 (0.975) vs 0.947
    (0.976) at 0.4), which loses on the held-out even fold, 0.933 (0.974) vs off 0.934
    (0.988); even picks 0.4 -> held-out odd 0.947 (0.976) vs 0.942 (0.976); both folds
    held out 0.940 (0.975) vs off 0.938 (0.982) (0.4 on both 0.941 (0.982)). The
    short-article stream's shipped row at 0.4: 0.661 (0.558), as off. Still off: no
    single held-out pick, and at 0.4 the gate rows lose precision (ECB+ 0.967 -> 0.963,
    Multi-News 0.993 -> 0.990) for F1 within 0.001. BASIL + ECB+ (``--part fit-sets``)
    with the second look last: at 0.4 ECB+ unchanged in every order, BASIL mean 0.948
    -> 0.951 (shuffled 0.929 -> 0.939); their pick is 0.3 again (pooled 0.945 vs 0.942
    off), where Multi-News loses, mean 0.934 (0.973) -> 0.933 (0.959). **Decided off
    on a larger held-out set (stop 38, ``eval/single_merge_kfold.py``, analysis version
    38):** BASIL + Multi-News (501 articles, 183 stories) in 5 story folds (a fixed hash
    of each gold story), the value picked on four folds of both sets and scored on the
    fifth, every article scored against its whole set's clustering (a false merge with
    another fold's story counts). Picks 0.4 four times, 0.3 once; held out, mean of the
    four orders, B3 F1 (P): BASIL 0.952 (0.998) vs off 0.949 (0.998) (the gain all in
    the shuffled order, 0.929 -> 0.939), Multi-News 0.935 (0.966) vs off 0.934 (0.973);
    0.4 everywhere: Multi-News 0.936 (0.971). Checked at the pairs, never picked on:
    SemEval-2022 task 8's English pairs as one stream (321 articles; 36 same-story pairs,
    69 different; shipped model; arrival / reversed / shuffled) join 29 / 30 / 31 same
    and 4 / 2 / 3 different pairs off, 29 / 30 / 31 and 4 / 4 / 4 at 0.4 (0.3: 31 / 30 /
    31 and 5 / 5 / 5): the second look gains no same-story pair there and joins more
    different ones. ECB+ (cross-set) unchanged at 0.4 in the arrival, reversed and
    shuffled orders. An F1 gain of 0.001-0.003 against a precision loss on Multi-News and
    on the pairs: off. Switch on to reproduce.

    ``names_threshold``: an article in another language than a story's (text
    similarity means nothing across languages) joins when the weighted mean of its
    name overlap (0.35) and speaker overlap (0.10) reaches it and it shares at least
    two names: the German sample report scores 0.27 with its English story and at most
    0.05 with the others.

    ``window_days``: a dated article is compared only with stories whose span is within
    this many days (undated articles, and undated stories, are compared with every hot
    story; time is evidence when present, never a reason to split when absent).
    ``keep_days``: a story stays hot (retrievable, mergeable) until the latest date seen
    is this far past its last join (a late arrival, an article dated so far back that its
    window reaches past that, holds it back a while: ``stories`` module doc, Time).
    ``candidates``: stories nominated by the ANN index.
    ``consolidate``: after each batch, the stories it touched are merged with any hot
    story the model now joins them to (see the module doc of ``stories``).
    ``blas_threads``: BLAS threads for the clusterer's small matrix products while it
    adds and consolidates (None: as the process has them); one, since threads only slow
    products this small (:mod:`newsprism.cluster.threads` has the measurement).
    """

    window_days: float = 7.0
    keep_days: float = 30.0
    join_probability: float = 0.5
    split_probability: float = 0.3
    replace_margin: float | None = 0.0
    eject_logit: float | None = -2.0
    graph_cut: float = 0.15
    graph_split_probability: float = 0.9
    named_graph_cut: float = 0.3
    clean_graph_cut: float = 0.1
    clean_split_probability: float = 0.95
    single_merge_probability: float | None = None
    names_threshold: float = 0.2
    candidates: int = 32
    consolidate: bool = True
    blas_threads: int | None = 1
    embeddings: Literal["auto", "off", "on"] = "auto"
    model: JoinModel | None = None
    story_model: JoinModel | None = None

    def __post_init__(self) -> None:
        if not 0 < self.join_probability < 1:
            raise ValueError("join_probability must be between 0 and 1")
        if not 0 < self.split_probability <= self.join_probability:
            raise ValueError("need 0 < split_probability <= join_probability")
        if (
            not 0 < self.graph_split_probability < 1
            or not 0 < self.clean_split_probability < 1
            or min(self.graph_cut, self.named_graph_cut, self.clean_graph_cut) < 0
        ):
            raise ValueError(
                "need 0 < graph_split_probability, clean_split_probability < 1 and "
                "graph_cut, named_graph_cut, clean_graph_cut >= 0"
            )
        single = self.single_merge_probability
        if single is not None and not self.split_probability <= single <= self.join_probability:
            raise ValueError(
                "need split_probability <= single_merge_probability <= join_probability "
                "(or single_merge_probability None: off)"
            )
        if self.replace_margin is not None and self.replace_margin < 0:
            raise ValueError("replace_margin must be at least 0 (or None: off)")
        if self.window_days <= 0 or self.keep_days < self.window_days:
            raise ValueError("need 0 < window_days <= keep_days")
        if self.candidates < 1:
            raise ValueError("candidates must be positive")
        if self.blas_threads is not None and self.blas_threads < 1:
            raise ValueError("blas_threads must be positive or None")
