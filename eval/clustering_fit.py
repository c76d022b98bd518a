"""Fit the join model of story clustering (``src/newsprism/cluster/join_model.json``) on
labelled sets, by logistic regression over the evidence the clusterer measures.

Run: ``.venv/bin/python eval/clustering_fit.py [--write] [--no-dense] [--only KIND]``.

Examples (teacher forcing): each calibration set's articles are fed to the clusterer in
arrival order, but every article is placed in its *gold* story; before placing it, the
evidence (:class:`~newsprism.cluster.join.Evidence`) between it and every candidate
story the clusterer retrieves (plus its gold story, if retrieval missed it) is recorded,
labelled 1 for its gold story and 0 for the others. So the model learns exactly the
decision the clusterer takes, on the stories it would see. For merges, every gold
story of two or more articles is split in two halves, scored against each other (1)
and against the halves of its nearest other stories (0). Every set is run twice,
with the analyser's names and without any (a store without analyses, and the CI gate's
text-only run), so the model knows what text, titles and time are worth alone.

The evidence has no story-size term: an article is judged by its mean cosine with the
story's members beside the members' own mean cosine with each other (``cohesion``),
which do not drift with size. The fit on ECB+, BASIL and the stream gave the story
size (log members) a weight of -2.94 when it was a feature, and that term split an
undated follow-up from the 8-article sample wildfire story (probability 0.28 with the
story, 0.97-1.00 with each member alone); with cohesion instead, the samples are
recovered exactly and the cross-set scores rose (eval/results/clustering_real.md).

Look-alike events (ECB+: two earthquakes, two rehab stays in one topic) share words and
often names; what they do not share is their figures. ``numbers`` (Jaccard of the
numbers written, years left out) was added for them: on ECB+'s same-topic article
pairs, 21 % of same-event pairs write no number in common against 63 % of
different-event pairs, and in a pair model (cosine, names) it lowered the grouped
cross-validated log-loss from 0.406 to 0.371. Tried beside it and dropped: the overlap
of places named in the lead (first 300 characters) and of PERSON names as features of
their own; fitted on BASIL and the stream they took weight from ``names`` and cut the
cross-set ECB+ B-cubed F1 from 0.816 (numbers only) to 0.752-0.764.

Shared names against time (``names_gap``, names x log(1 + days) when both sides are
dated): the stream files a follow-up with the same people and town 3-21 days later as a
story of its own, so without it every shared name had to weigh little, and the sample
wildfire story's undated follow-up (on the fire's cause; the same governor, town,
reserve and neighbour's planes, few words and figures in common) was split off. With
it the names weight rose 16.9 -> 18.8 and names_gap took -8.1 (one fit, 5 Dec):
cross-set B-cubed F1 ECB+ 0.817 -> 0.851 (P 0.818 -> 0.834), BASIL 0.872 -> 0.874,
samples exact. Tried the same day (one fit each, cross-set B-cubed F1 ECB+ / BASIL):
every example weighing the same instead of each set: 0.857 / 0.877 alone, 0.861-0.873 /
0.864-0.883 with names_gap or the features below, but the follow-up split in every one
of them (the stream's 124k examples then outweigh BASIL's 1k); with each set weighing
the same, the IDF-weighted share of the story's names the article writes beside
names_gap (0.853 / 0.874, ECB+ precision 0.79 against 0.834) and the members' own
agreement on names, a yardstick like cohesion (0.839 / 0.874). The share of the
article's numbers the story writes and the members' agreement on numbers were tried
pooled only (0.858-0.869 / 0.864-0.877).

Calibration sets: ECB+ (``../shared/data/ecbplus``), BASIL (``basil``), the Multi-News
sample (``multinews-sample``; debris left out, see ``real_sets.read_multinews``) and the
generated stream's tuning seed (72026, 2,000 articles). Multi-News joined them on 5 Dec
because BASIL's cross-set recall was bounded by what ECB+ and the stream teach: every
BASIL story split by the model fitted on those two (30 of 70, mostly the NYT report
left alone) was split by the join itself (48 of 50 placements scored the gold story
under the cut, 2 did not retrieve it; none fell outside the time window, consolidation
merged nothing, no other threshold took part). Reports of one event by three outlets
share a text cosine of 0.15-0.35 and an IDF name overlap of 0.05-0.25 with a story of
one, where the ECB+ look-alikes sit (hard negatives: median cosine 0.28, names 0.05) and
far under the stream's positives (median cosine 0.60, names 0.63): the stream alone gave
BASIL recall 0.58, ECB+ alone 0.83, both 0.78, whatever the stream's weight (0.25: the
same 0.784; 0: 0.836, with ECB+ cross-set 0.864 -> 0.842). BASIL undated did no better
(recall 0.797, precision 0.986 -> 0.915): the stream's time terms were not the block.
Multi-News is another set of one event told by several outlets; with it (one run, same
code) cross-set B-cubed F1 BASIL 0.874 -> 0.890 (P 0.986 -> 0.994, R 0.784 -> 0.807),
ECB+ 0.864 -> 0.859 (P 0.829 -> 0.775: the model fitted on BASIL, Multi-News and the
stream joins more look-alikes), SemEval r -0.575 -> -0.598. Tried beside it (one fit
each): L2 1.0 (BASIL 0.875, ECB+ 0.842) and the stream at half weight (0.892 / 0.862).
Each set weighs the same in the fit (example weights 1 / examples of the set). L2
penalty 0.1 on the weights (not the intercept); Newton-Raphson (IRLS) to convergence. The evaluation
(``eval/real_clustering.py``) reports every real set with a model fitted on the
*other* sets (leave one set out), and the shipped model (all three) beside it.
SemEval-2022 task 8 and the stream's report seed (42026) are never fitted on.

The dense model (all-MiniLM-L6-v2 vectors; same examples, features, weighting and L2)
was first fitted on 5 Dec, late; until then the file held hand-set coefficients
(intercept -10, text_mean +10, text_centroid +6, title +2, names +4, speakers +1, gap
-1, the rest 0), and with ``--embeddings on`` they over-merged the generated stream
(seed 42026, 5,013 articles: 90 stories for 444, B-cubed F1 0.308). The stream's
templated text puts different stories of one kind close in the dense space (the
teacher's negatives: median cosine 0.38, 99th percentile 0.67, against 0.13-0.28 on the
real sets) and its follow-ups share their cabinet's names; with no cohesion yardstick
and no names_gap, the hand-set model scored 2.6 % of the stream's negatives above the
cut (the fitted one 0.12 %), and the joins chained. Fitted (log-odds): intercept -9.25;
text_mean +27.50, text_centroid -6.08, cohesion -7.76, no_cohesion -4.87, title -1.06,
no_title +1.24, names +11.03, speakers +3.22, no_names +1.22, gap -1.45, numbers +9.94,
no_numbers +1.99, names_gap -5.23. The cross-set dense rows were already fitted each
run and did not move. Written provisional (``AUTO_KINDS``): see there.

The time gap's shape (5 Dec; lexical, cross-set B-cubed F1 ECB+ / BASIL / Multi-News,
same run 0.911 / 0.890 / 0.942): a one-day gap costs the BASIL cross-set model (fitted
on ECB+, Multi-News and the stream) about 2 log-odds, two days 3.2. With the gap in
bins instead, the same sets charge 1.8 at 1-2 days and 3.0 at 2-3, the stream alone
1.3 and 2.6, and BASIL alone 1.5 and 2.0: the stream is not harsher on a day than
BASIL itself; log(1 + days) overcharges 1-2 days a little. Shapes tried in its place
(refitted, every set; one run each, and a newer analyser's names alone moved a row by up
to 0.006): min(days, 3) 0.912 / 0.890 / 0.942; log(1 + days)^2 0.901 /
0.889 / 0.929; log(1 + days) plus min(days, 2) 0.906 / 0.900 / 0.927; plus hinges at 1
and 3 days 0.908 / 0.890 / 0.921. BASIL with its dates removed: 0.902 (P 0.967, R
0.845). So time bounds BASIL's recall by a few points at most; what splits its stories
is the text (three outlets' lexical cosine 0.15-0.35 to a story of one). Folding a
PERSON's name to its surname ("Barack Obama" = "Obama") gave 0.894 / 0.892 / 0.938; a
separate text slope for a story of one 0.907 / 0.892 / 0.946; an indicator of numbers
on both sides with none shared 0.912 / 0.890 / 0.944. None kept. What does move BASIL
is the stream: fitted on ECB+ and Multi-News alone, BASIL cross-set is 0.921 (P 0.986,
R 0.865). But the stream's text examples are what keeps ECB+'s look-alikes apart: with
the real sets' fit as an offset and only gap and names_gap fitted on the stream, ECB+
fell to 0.839 (P 0.731), Multi-News 0.931, BASIL 0.892, the stream 0.948.

Tried (5 Dec, late; not kept): a hybrid text representation, since lexical and dense
each win on different sets. The vector was the lexical and the dense unit vectors side
by side, each times 1/sqrt(2), so every cosine the clusterer takes (members, centroid,
cohesion, headlines) is the mean of the lexical and dense cosines; the evidence code
unchanged, the model refitted (same examples, weighting and L2; cross-set rows left one
set out, as real_clustering.cross_set_models does). One run of a throwaway driver over
this code (dense rows from eval/.cache; stream = seed 42026, 5,000 articles, model fitted
on all four sets), cross-set B3 F1 (P) ECB+ / BASIL / Multi-News, stream:
lexical 0.908 (0.872) / 0.890 (0.994) / 0.944, 0.958; dense 0.896 (0.853) / 0.946
(0.994) / 0.923, 0.989; hybrid 0.907 (0.891) / 0.928 (0.994) / 0.930, 0.972. Between
the two on every set, ahead of both on none (ECB+ precision rose 0.02, not the 0.95
asked). Weights other than halves, for their shape only (not a choice): lexical share
0.3 gave 0.901 / 0.926 / 0.926, 0.7 gave 0.912 / 0.910 / 0.936. Separate features (the
lexical mean and centroid cosines as two more features beside the hybrid ones, so the
fit weighs lexical and dense text freely; the same numbers with the join's pruning bound off):
0.899 (0.872) / 0.932 / 0.924, stream 0.976; fitted weights text_mean (hybrid) +44.6,
lexical text_mean -8.2, i.e. dense +22.3 and lexical +14.1 per unit cosine. Neither
beats lexical on ECB+ or Multi-News, so the shipped kinds stay lexical and dense.

Tried (5 Dec, evening; none kept, lexical, cross-set B3 F1 ECB+ / BASIL / Multi-News,
each one run of ``real_clustering.py --sets ecbplus,basil,multinews --no-dense`` or of a
throwaway loop over pickled teacher examples that reproduces its cross-set rows exactly).
Same code as shipped: 0.908 (P 0.872) / 0.890 (R 0.807) / 0.944; TF-IDF fair 0.878 /
0.921 / 0.936, ceiling 0.880 / 0.941 / 0.942.

* Calendar words among the number keys (ECB+'s look-alikes differ in their days: of
  the same-topic pairs where both name a weekday, 18 % of same-event pairs share none
  against 59 % of different-event pairs; BASIL 10 % / 47 %, Multi-News 13 % / 44 %):
  weekday and month names 0.910 / 0.888 / 0.924; with years too 0.908 / 0.885 / 0.923.
* The analyser's resolved in-text dates among the number keys: all 0.903 / 0.915 /
  0.901; only those resolved against the publication date ("on Monday", "yesterday";
  BASIL, where both sides have one: none shared in 12 % of same-story pairs, 95 % of
  others)
  0.897 / 0.900 / 0.894. The undated sets have none of the latter, yet their cross-set
  models changed (BASIL's examples moved the numbers weight). As features of their own
  (offline, teacher article examples, cross-set log-loss ECB+ / BASIL / Multi-News; base
  0.0301 / 0.376 / 0.0231): weekdays 0.0316 / 0.405 / 0.0228, months 0.0306 / 0.381 /
  0.0243, years 0.0296 / 0.362 / 0.0240, publication-anchored dates 0.0365 / 0.376 /
  0.0314: only BASIL has those (ECB+ and Multi-News are undated, the stream's truth
  analyses hold no dates), so no cross-set model can learn their weight for it.
* The headline vector of title plus the first 300 characters (a lead): 0.913 / 0.886 /
  0.944.
* Teacher negatives cut to the 3 candidates of highest text cosine per article (BASIL's
  examples are 50 % positive, the others' 3-4 %): 0.902 / 0.886 / 0.924.
* L2 0.01 / 0.03 / 0.3: 0.906 / 0.892 / 0.944, 0.901 / 0.892 / 0.944, 0.903 / 0.883 /
  0.942. Fitted without title and no_title 0.906 / 0.902 / 0.929; without no_title 0.906
  / 0.894 / 0.927; without gap 0.905 / 0.897 / 0.927; without speakers 0.910 / 0.890 /
  0.944; without no_numbers and no_names 0.900 / 0.854 / 0.931.
* A wider lexical projection (``vectors.LEXICAL_DIM``; its error on a cosine ~1/sqrt(dim)
  against same-story cosines of 0.15-0.35): 1024 0.910 (P 0.884) / 0.892 / 0.932; 2048
  0.921 (P 0.896) / 0.900 / 0.934; 4096 0.921 (P 0.899) / 0.898 / 0.932. With the headline
  features left out of the fit: 1024 0.910 / 0.921 / 0.932, 2048 0.909 / 0.925 (R 0.865)
  / 0.939. The lead worth a session of its own, but not shipped: Multi-News falls under
  its TF-IDF fair baseline in every wider variant, a saved clusterer state of dim 512 no
  longer restores (``LexicalVectorizer.load_state`` raises on another dim), and the memory
  per article grows (bench/cluster.py at 10k on the shared machine, CPU per article about
  the same under a shifting load: 5.6 -> 5.0 ms; resident 238 -> 320 MiB).

What the ECB+ cross-set errors are (5 Dec, night; the model fitted on BASIL, Multi-News
and the stream): 11 of its 70 stories mix events, 10 of them the two events of one topic
(two pirate captures with different ships and tolls, two players' DUI arrests, a
coach's firing and his hiring years before). They are not made by merges (8 merges in
the run, all small) but at the first join: undated articles arrive by id, so the two
events of a topic alternate, and the second event's first report joins the first
event's story of one (log-odds 4.6-9.6 in 9 topics: text cosine 0.29-0.40, headline
0.05-0.39, names 0.04-0.28; a pair of look-alike reports reads like a pair of reports).
The mixed story then takes both events' reports. Consolidation's graph split finds the
two events exactly in 3 of the topics (normalized cut 0.00-0.12) and all but one report
in 2 more (0.16-0.18), but the model scores the two events' reports, as two stories, at
log-odds 2.6-5.6, over the graph split's 0.88 (2.0), so nothing is split. Years written
in the text are rare there (most of those reports write none, and the lead almost
never), so a years feature has little to work with.

The story model (5 Dec, night; kept). The join model is fitted on every teacher row, and
nearly all of them are an article against a story (ECB+ 1,190 story rows of 34,671,
Multi-News 2,098 of 18,625, the stream 1,498 of 123,827, BASIL 312 of 1,086), so what
two stories of many members are worth to each other is what an article is worth to a
story. A second model of the same features, fitted (same weighting and L2) on the
story-to-story rows alone (:meth:`_Teacher.story_examples`; ``fit_story``), judges two
stories of two or more members each beside the join model: a merge needs both to reach
the cut, a split either to score the halves under its own (``consolidate``). Fitted on
all four sets it weighs names less (8.3 against 18.7) and time more (gap -7.4 against
-1.4). Same code, one run each, lexical, cross-set B3 F1 (P) ECB+ / BASIL / Multi-News,
stream (seed 42026, the shipped fit): join model only 0.908 (0.872) / 0.890 / 0.944,
0.957; the story model deciding merges and splits alone 0.926 (0.906) / 0.890 / 0.944,
0.974, but the CI gate's text-only row fell under its ECB+ precision minimum (0.946 ->
0.935, minimum 0.941: borderline merges the story model scored 0.1-0.9 and the join
model under 0); the mean of the two models' log-odds 0.918 (0.891) / 0.890 / 0.944,
0.966 (gate row 0.943); the story model for splits only (merges by the join model)
0.915 (0.889) / 0.890 / 0.944; both for a merge and the story model alone for a split
0.917 (0.893); the story model for merges and either for a split 0.926 (0.906), gate
row 0.937; shipped (both for a merge, either for a split): 0.917 (0.893) / 0.890 / 0.944,
stream 0.974 (P 0.927 -> 0.962), gate row ECB+ P 0.948, F1 0.874 (0.876 before).
Fitted on the rows whose two sides both have two or more members (as it is used; the
story model deciding merges alone, in a throwaway driver): 0.893 (0.915) / 0.890 / 0.935
(Multi-News keeps 196 rows, BASIL none). Dense, same rule (``real_clustering.py``, the
code before against after, one run each): cross-set 0.896 (0.853) -> 0.909 (0.883) /
0.946 -> 0.946 / 0.923 -> 0.923. SemEval r unchanged (-0.598: pairs are article joins).
Cost: a merge check measures the story model's candidates first, and only those the join
model's bound lets reach its cut (``LogitBound.best``'s ``gate``), then the join model's
above that margin; bench/cluster.py at 10k articles, alternating runs on the shared
machine, median add 3.20 / 3.13 ms -> 3.26 / 3.44 ms, CPU an article 3.3 / 3.4 -> 3.4 /
3.6 ms, resident 239 -> 247 MiB (its stream now ends in 204 stories, not 147); at
100k, the two run side by side: CPU an article over the last 5,000 4.7 -> 4.9 ms,
median add 4.39 -> 4.4 ms, resident 509 -> 566 MiB (1,202 -> about 2,000 stories; the
light stream's own labels hold about 1,200 stories per 10,000 articles, so its stories
were over-merged before and are less so now). Then
both parts of a split are checked again (``consolidate``'s module doc): lexical
cross-set 0.924 (0.906) / 0.890 / 0.944, stream 0.974; dense 0.916 (0.894) / 0.946 /
0.923.

Tried (5 Dec, night; none kept; lexical, cross-set B3 F1 (P) ECB+ / BASIL / Multi-News,
one run of ``real_clustering.py --sets ecbplus,basil,multinews --no-dense`` each; same
code as shipped before the story model 0.908 (0.872) / 0.890 (0.994) / 0.944, stream
0.957):

* ``shortfall``, max(0, 1 - text_mean / cohesion) (cohesion floored at 0.05; 0 without
  cohesion): scale-free where text_mean and cohesion are not: on the teacher rows with a
  cohesion, text_mean / cohesion has a median of 1.01-1.03 for positives on all four
  sets and 0.09-0.19 for negatives (90th percentile 0.23-0.45). 0.903 (0.884) / 0.898 /
  0.945, stream (seed 42026, 5,013 articles) 0.957; fitted weight -4.5 (cohesion -10.2
  -> -4.0), so a shortfall of 0.3 costs about 1.4 log-odds, and the look-alike pairs the
  graph split finds still score 1.6-4.3 as two stories. The same only between two
  stories of two or more members each (article rows 0): 0.897 (0.857) / 0.883 / 0.934.
* ``missing``: the largest share of a story's members (a side of two or more) that write
  a name the other side never writes. On ECB+ the two events of a topic score a median
  0.91 (72 % >= 0.75: each event's own player, ship or official), one event's alternate
  halves 0.44 (5 %). A bounded field measured after the names. 0.914 (0.876) / 0.888 /
  0.940, but its fitted weight is -0.4 to +0.4: on the article rows (nearly all rows) a
  story of two's shared name that a third report leaves out is common on every set.
  Only between two stories of two or more each: 0.899 (0.860) / 0.890 / 0.941 (weight
  -1.8 to -2.0: the teacher's same-story halves of Multi-News and the stream miss a name
  too, mean 0.92 and 0.61); with (count - 1) / size for the share: 0.906 (0.879) / 0.894
  / 0.938. With shortfall: 0.904 (0.893) / 0.898 / 0.945.
* Years among the number keys (``number_keys`` without its year rule): 0.908 (0.872) /
  0.881 / 0.933.
* ``LEXICAL_DIM`` 2048 with shortfall (see the wider projection above for 2048 alone,
  0.921 (0.896) / 0.900 / 0.934): 0.916 (0.946) / 0.894 / 0.930: the nearest to ECB+'s
  precision goal so far, but Multi-News under its fair baseline and the same state and
  memory cost as 2048 alone.

What bounds BASIL cross-set: its model (fitted on ECB+, Multi-News and the stream) has
intercept -7.72 against the shipped -4.10, and 24.5 % of BASIL's teacher positives score
under even odds with it (3.8 % with the shipped model); those positives have a mean text
cosine of 0.26 with their story. ``no_title`` is 1 on every Multi-News row and 0 on every
other set's, so its weight is in effect an intercept for Multi-News.

Tried (6 Dec; not kept): features relative to the article's other candidates, as a
nearest-neighbour ratio test would use them (BASIL's missed positives are usually the
nearest story by far, ECB+'s look-alikes are not). Measured offline on the teacher's
rows (candidates grouped per article; cross-set fit; each article's decision the argmax
over its candidates if it reaches even odds), counts join right / wrong join / missed
join / new story right, on the IDF with the background prior. Plain features: BASIL
194 / 2 / 78 / 88, ECB+ 1175 / 69 / 32 / 100, Multi-News 311 / 45 / 36 / 188. With
``text_mean`` minus the best other candidate's (0 without one; fitted weight +17 to
+20): BASIL 253 / 6 / 19 / 84, ECB+ 1200 / 71 / 13 / 92, but Multi-News 321 / 152 / 17
/ 90: the nearest candidate always gets a positive margin, so the first report of a new
story joins its nearest stranger (Multi-News: 113 stories in 291 articles). With the
best other candidate's ``text_mean`` alone as a feature: BASIL 230 / 4 / 42 / 86, ECB+
1140 / 57 / 80 / 99, Multi-News 328 / 106 / 17 / 129. Both trade Multi-News (and the
second ECB+) for BASIL, so neither reached the clusterer. The product,
``lead`` = text_mean x (text_mean - the best other candidate's), counts the margin in
proportion to how close the story is: offline BASIL 244 / 4 / 28 / 86, ECB+ 1198 / 65 /
17 / 96, Multi-News 309 / 37 / 41 / 193 (max(0, margin) x text_mean: Multi-News missed
48). In the clusterer (a FEATURES entry; set in ``_best_story`` over the in-window
candidates, 0 elsewhere, the teacher's rows taking it over their candidates), one run of
``real_clustering.py --sets ecbplus,basil,multinews --no-dense``, cross-set B3 F1 (P)
against 0.925 (0.904) / 0.894 (0.994) / 0.940 (0.985) without it: 0.931 (0.899) / 0.955
(0.994) / 0.935 (0.984); with leads for merges too (``_closest_story``'s candidates, and
each teacher half's): 0.931 (0.895) / 0.967 (0.994) / 0.935 (0.975). BASIL's goal (0.95)
is reached and passed, but Multi-News falls under its fair TF-IDF baseline (0.936), so it
was not kept; what Multi-News loses to it (precision with merge leads, recall without)
is the next thing to look at.

Tried (6 Dec; not kept): SemEval-2022 task 8 pairs as a fifth calibration set, so that
the model sees real same-story pairs from two outlets. English pairs only (161 en-en:
36 rated ``Overall <= 1.5``, label 1, and 69 ``>= 3.5``, label 0; the middle left out):
the lexical vectorizer's stop words and background IDF are English, the evaluation
analyses English only, and without an analysis names are capitalised words (every German
noun). Two forms, each with and without names like the other sets: *pairs* (each side
scored against a story of the other alone, both ways, IDF over all the pairs' texts, as
``real_clustering.evaluate_semeval`` scores them: 420 rows, 144 positive) and *teacher*
(the pairs' 210 articles as a clustering set, a same-story pair one story and every
other article a story of its own, fed to the teacher: 13,632 rows, 216 positive).
Cross-set rows left one set out as always; the SemEval row would have been scored with
a model fitted without it (leave-SemEval-out: the model as shipped, r -0.601). One run of
a throwaway driver over pickled teacher rows (it reproduces the cross-set rows of
``real_clustering.py --no-dense`` exactly), cross-set B3 F1 (P, R) ECB+ / BASIL /
Multi-News, stream (seed 42026, 5,000 articles; the fit on every set). Lexical, without
SemEval: 0.925 (0.904) / 0.894 (R 0.813) / 0.940, stream 0.975. Pairs at the weight of a
set 0.909 (0.912) / 0.881 (R 0.791) / 0.942, stream 0.972, SemEval r -0.603 in-sample;
at 0.5 0.917 / 0.879 / 0.935; 0.25 0.920 / 0.879 / 0.930; 0.1 0.922 (0.901) / 0.885 /
0.932. Teacher 0.917 (0.903) / 0.875 (R 0.781) / 0.896 (R 0.811), stream 0.976; at 0.5
0.912 / 0.875 / 0.901; 0.25 0.912 / 0.879 / 0.910. With the stream's weight cut: pairs
and the stream at 0.5 0.910 (0.883) / 0.881 / 0.938, at 0.25 0.908 (0.868) / 0.881 /
0.937, without the stream 0.852 (0.760) / 0.932 (R 0.878) / 0.937 (without the stream and
without SemEval, this code: 0.838 (0.731) / 0.930 / 0.929); teacher and the stream at 0.5
0.915 (0.880) / 0.875 / 0.904, 0.25 0.904 (0.854) / 0.875 / 0.903. So SemEval does not
stand in for the stream's look-alike negatives, and BASIL falls in every variant.
Why: the pairs are nearly separable by text alone (lexical cosine of positives 10th
percentile 0.17, negatives 90th 0.10: unrelated stories, nothing like ECB+'s
look-alikes), so a set of them weighing like a whole set pulls the fit towards text
alone (fitted on the pairs alone: text_mean +12, names +0.9); with the pairs at weight 1
names fell 17.0 -> 4.0 and numbers 6.2 -> 0.9, the evidence that keeps ECB+'s look-alikes
apart. 38 % of their negatives share a name (a name index warmed with the pairs' own
articles first, so common names weigh less: the negatives' 90th percentile 0.14 -> 0.11,
no change). Their titles are glued to the body without a separator, so every row is
untitled (no_title 1, like Multi-News's) and says nothing of the titled regime where
BASIL's intercept is set; the teacher form, 98 % negatives, makes the untitled regime
stricter (no_title -0.90 -> -1.40) and Multi-News's recall falls (0.899 -> 0.811).
Dense (same driver): without SemEval 0.916 (0.894) / 0.943 (R 0.897) / 0.923, stream
0.989; pairs at weight 1 0.919 (0.897) / 0.949 (P 1.000, R 0.903) / 0.940, stream 0.984;
at 0.5 0.916 / 0.946 / 0.938, 0.25 0.915 / 0.946 / 0.940; teacher 0.909 (0.883) / 0.936 /
0.883; pairs with the warmed name index 0.919 / 0.946 / 0.940. A gain on all three, but
it comes from the names weight turning negative (+10.9 -> -1.9; -1.3 warmed; on the pairs
alone -1.7: dense cosines separate them and the shared names of unrelated pairs count
against), i.e. shared names read as evidence of two stories, and the stream loses 0.005;
the dense model is not the default either. Not kept for either kind.

The lead, fitted second (6 Dec; kept). The ``lead`` above (text_mean x its margin over
the best other candidate's) lifted BASIL past its goal but cost Multi-News when fitted
with the other features: it took their weight (Multi-News's cross-set model: text_mean
43.0 -> 34.9, numbers 6.5 -> 1.9), and merges and splits, which never measure it (0),
were judged by the weakened rest: a Multi-News story cut in two at the join stayed so
(its second fragment is its own first fragment's nearest rival, so neither stands out,
and the merge no longer reached the cut). :func:`fit` now fits :data:`SECOND_STAGE`
after the rest, with their log-odds as an offset: the other weights are those of the fit
without it, and the lead only moves an article's choice among its candidates. One run
each of ``real_clustering.py --sets ecbplus,basil,multinews,semeval --refit --no-write``
(or a driver over the same pickled teacher rows that reproduces its cross-set rows),
lexical cross-set B3 F1 (P) ECB+ / BASIL / Multi-News; without the lead 0.925 (0.904) /
0.894 (0.994, R 0.813) / 0.940 (0.985); fitted jointly 0.931 (0.899) / 0.952 (0.994) /
0.935 (0.984); second, everywhere 0.932 (0.906) / 0.953 (0.986) / 0.944 (0.985), but
the CI gate's text-only row fell under its ECB+ precision minimum (0.967 -> 0.960, min
0.962): without names, a look-alike event's first report stands out towards the other
event's story just as a story's next report does. Shipped: second, and only where the
names were measured (rows without names keep lead 0, as the gate's): 0.932 (0.906, R
0.960) / 0.950 (0.986, R 0.916) / 0.942 (0.985); fitted lead weight 30.9 / 33.7 / 38.3
(shipped, all four sets: 38.3; dense 11.5); dense cross-set 0.916 (0.894) -> 0.921
(0.897) / 0.943 -> 0.990 / 0.923 -> 0.942; shipped lexical 0.904 / 0.971 / 0.921 ->
0.916 / 0.987 / 0.927; gate rows 0.903 (0.967) / 0.967 (0.986) / 0.918 (0.993); the
generated stream (seed 42026, 5,013 articles, ``eval/clustering.py``) lexical 0.975 (P
0.965) -> 0.961 (P 0.941), dense 0.989 -> 0.982: its templated stories of one kind stand
out towards each other too; SemEval r -0.601 unchanged (a pair has no other candidate
and ``probability`` sets no lead). The TF-IDF baselines, fair / ceiling: 0.878 / 0.880,
0.921 / 0.941, 0.936 / 0.942.

The lead as the product measures it (6 Dec, review s30/2 F3; kept). The teacher took
every candidate (and the gold target it forces in) as a rival; the product
(``StoryClusterer._best_story``) measures the lead over its in-window candidates only.
:func:`product_leads` now does the same (every row kept, so the first stage is as
before). ``real_clustering.py --sets ecbplus,basil,multinews --refit --no-write``: lead
weight lexical cross-set 30.9 / 33.7 / 38.3 -> 28.4 / 33.0 / 35.4, shipped 38.3 -> 35.4,
dense 11.5 -> 9.6; lexical cross-set B3 F1 ECB+ 0.932 -> 0.931, BASIL 0.950, Multi-News
0.942 unchanged, ECB+ in 4 runs against one 0.999 -> 1.000; shipped lexical 0.916 ->
0.915 / 0.987 / 0.927; dense cross-set 0.921 / 0.990 / 0.942 -> 0.940, shipped 0.910 ->
0.906 / 0.993 / 0.950; gate rows unchanged (no names, no lead).

Tried (6 Dec; not kept): lead people in conflict. The people (PERSON) named in the
headline or the text's first 300 characters, as surname keys, kept per story like the
numbers; ``lead_conflict`` 1 when each side's lead names someone (the story's: named in
the lead of half its members or more) whose surname the other side's names never hold.
On ECB+'s same-topic article pairs of TF-IDF cosine >= 0.25 it holds for 30 % of
different-event pairs and 7 % of same-event pairs (BASIL's same-story pairs 4 %,
Multi-News's 8 %); among the teacher's ECB+ rows the cross-set model joins (log-odds >
0), 12 % of the wrong ones and 1 % of the right ones. But both sides name lead people in
only 27-45 % of those rows, and a later event's report often names the earlier event's
person in passing (the second running back's injury report names the first), which
clears the conflict. Cross-set lexical B3 F1 (P) ECB+ / BASIL / Multi-News against 0.925
(0.904) / 0.894 / 0.940: fitted jointly 0.926 (0.885) / 0.898 / 0.938 (weight -4.1 /
-1.0 / -4.6, but the intercept rose 1.3: every row without a conflict, nearly all of
them, joined more easily); with a no_leads indicator 0.907 (0.859) / 0.917 / 0.915; in
the story model alone 0.917 (0.884) / 0.894 / 0.940; fitted second as a pure penalty
(the rest's log-odds as offset, weight -3.0 in the join model) 0.923 (0.904) / 0.894 /
0.941. ECB+ precision did not move in any variant.

Refitted after BASIL's id fix (6 Dec, 03941da; studied, not shipped). As one id, BASIL's four
"empty" rows were one article placed four times in the last row's story, which then
spanned four dates years apart and so stayed in the window of later BASIL articles: the
set gave 1,222 teacher rows, 552 positive; as four articles, 928, 560 positive (294 fewer
negatives, read as rows against that story; not traced row by row). Refitted on the
corrected rows (one run of a driver over pickled teacher rows that reproduces
``real_clustering.py``'s rows): intercept -4.34 -> -3.40,
text_mean +40.4 -> +47.6, text_centroid -12.2 -> -17.0, cohesion -9.6 -> -13.1, lead
+35.4 -> +41.3. Lexical B3 F1 (P), the shipped model before -> after: ECB+ 0.915 ->
0.913 (0.923), BASIL 0.994, Multi-News 0.927 unchanged; the gate's text-only rows ECB+
0.903 -> 0.911 (0.966), BASIL 0.971 -> 0.977 (0.993), Multi-News 0.918 -> 0.907 (0.990);
cross-set rows as before (refitted each run: 0.921 (0.900) / 0.957 (0.993) / 0.941). The
same refit on the old BASIL rows gives the text-only Multi-News row 0.917, so the id fix
moved it: the steeper cohesion weight asks more of an article joining a cohesive story,
and four text-only Multi-News stories of 5-6 reports lose their third or fourth report
(log-odds 0.14 / 0.32 / 0.60 / 0.71 -> -0.54 / -0.21 / 0.15 / -0.41 for the report and
story that part; one of the four then cut by consolidation's 2-means), while one pair now
joins (-0.31 -> 0.03). Shipped at first (2cb2a28, that gate minimum lowered 0.913 ->
0.902), then taken back: on bench/cluster.py's light stream (10,000 articles of a
headline and 2-3 sentences, 1,194 stories by its labels; runs of 2,000, frozen stories
released, one consolidation) it made 221 stories against the old model's 435, B3 P
0.178 against 0.322, F1 0.291 against 0.446: a steeper text_mean and a higher intercept
join short templated reports of one kind (the join model's doing: the refitted join
model with the old story model 220 stories, F1 0.292; the old join model with the
refitted story model 420, F1 0.444). The shipped model stays the 03941da one.

ECB+ errors of the cross-set model after the refit (6 Dec): 10 stories mix events (both
events of topics holding 13+7, 15+11, 17+11, 9+13, 9+5, 14+4, 13+6 reports, and three
with one or two strays). 18 of 634 joins put a report in a story without its event, 14
of them the second event's first report joining the first event's story of one (ids
arrive topic by topic; log-odds without the lead 0.6-13.2: text 0.21-0.39, headline up
to 0.40, names up to 0.28, numbers up to 0.5, so the pair reads like one story's two
reports). Consolidation's graph cut finds the two events exactly, or within one report,
in five of the topics still mixed (normalized cut 0.03, 0.155, 0.23, 0.25, 0.31), but the
models score those halves as one story at log-odds 2.76, 1.95, 0.19, 2.04, 0.37, and four
are over ``graph_cut`` (0.15). Tried (none kept; cross-set models, the refit above as shipped):

* ``graph_cut`` 0.35 (the stream's tuning seed does not bound it: every true story's
  graph halves there score log-odds 9.8 or more): cross-set ECB+ 0.921 (P 0.900, R
  0.944) -> 0.926 (P 0.930, R 0.922), BASIL and Multi-News unchanged (no story of 8
  members), but the gate's text-only ECB+ row 0.911 -> 0.874 (true stories cut where no
  names are measured) and the shipped ECB+ row 0.913 -> 0.909; and the value was read
  off ECB+'s own cuts.
* Salient names in conflict, measured before fitting: the PERSON with the most mentions
  (2 or more) on each side, its surname absent from the other side's names, both ways:
  on ECB+'s same-topic pairs of TF-IDF cosine 0.2 or more, 28 % of different-event pairs
  and 4 % of same-event pairs (3 or more mentions: 18 % / 1 %; the top GPE or LOC: 6 % /
  2 %), about what the dropped lead-people conflict gave (30 % / 7 %), so not fitted.
  Between split halves (a name in half of one half's members and at most 10 % of the
  other's, both ways): on 3 of the 5 refused correct graph cuts and on 14 of 51 true
  stories' graph halves: no separator either.
* Years in conflict (both sides write a year, none in common): ECB+ same-topic pairs 12 %
  of different-event and 6 % of same-event pairs; same-story pairs of BASIL 15 %,
  Multi-News 13 %. Figures for the same measure in conflict (a number before the same
  word, or after "magnitude", on both sides, and no such measure agreeing): 26 % / 7 %,
  BASIL 8 %, Multi-News 13 %; on the cross-set run's joins it (or the salient-person
  conflict) fires on 5 of the 14 wrong joins to a story of one, 3 of 36 right ones and 38
  of 269 right joins to larger stories: mostly what ``numbers`` already says. Not fitted.
* Names in the members' graph (edge weight cosine + a x the names' Jaccard, a 0.5-2,
  optionally + the numbers' Jaccard): true stories' normalized cuts fall with the mixed
  ones' (at a = 1 one true story at 0.04, mixed ones 0.00-0.26), no better separated.
* (6 Dec, afternoon; cross-set models refitted each run, the gate row's model the refit on
  the current rows, as in the ``graph_cut`` item above) a wider graph cut that also
  splits where the models score the halves a little more as one:
  ``graph_cut`` / ``graph_split_probability`` 0.35 / 0.5, 0.25 / 0.7, 0.35 / 0.7 gave
  cross-set ECB+ 0.902 (P 0.852), 0.915 (P 0.875), 0.921 (P 0.887) against 0.921 (P
  0.900), and the text-only gate row 0.896, 0.886, 0.880 against 0.911; BASIL and
  Multi-News unchanged (no story of 8 members). Precision fell, not rose: not traced
  (the halves of a cut story are open to later joins and merges of other reports).
* (same afternoon, same models) a higher join cut, ``join_probability`` 0.7 / 0.85
  against 0.5: cross-set ECB+ 0.920 (P 0.904) / 0.918 (P 0.915), BASIL 0.945 / 0.907,
  Multi-News 0.939 / 0.927; text-only gate rows ECB+ 0.868 / 0.805, BASIL 0.967 / 0.955,
  Multi-News 0.902 / 0.869. The wrong joins are confident ones (log-odds up to 13), so
  precision hardly moves while every set loses recall. What makes them confident is left
  to study: a second event's first report meets its look-alike's story of one as its
  only near candidate, so ``lead`` (its margin over the other candidates) is at its
  largest exactly there.

Where ``lead`` sits on ECB+'s wrong joins (6 Dec, late; measured, nothing kept). The
cross-set model (fitted on BASIL, Multi-News and the stream; lead weight +33.5) in the
clusterer, each join's evidence against the story it chose, its lead over the in-window
candidates as ``_best_story`` measures it: 634 joins, 18 wrong, 14 of them to a story of
one. The guess above does not hold: the lead is *smaller* on the wrong joins to a story of
one (median 0.062, 10th-90th percentile 0.027-0.107; 2.1 log-odds) than on the right ones
(36 joins, median 0.103, 0.002-0.266; 3.5) and on right joins to larger stories (580,
median 0.089; 3.0). Without the lead the 14 still score log-odds 0.6-13.2 (median 6.1),
all over the cut, so no cap or lead term can undo one of them. What carries them is the
text: median contributions text_mean +12.7 (cosine 0.29 x 44.0), text_centroid -4.0,
names +2.1, no_cohesion -3.4 (right joins to a story of one +17.1 / -5.3 / +2.7; a
separate text slope for a story of one was tried on 5 Dec, above). Tried anyway, one run
each of a driver over pickled teacher rows that reproduces ``real_clustering.py``'s
cross-set rows (cross-set B3 F1 (P) ECB+ / BASIL / Multi-News; text-only rows of the
model refitted on all four sets; the short stream, seed 42026, with that refit), against
0.921 (0.900) / 0.957 (0.993) / 0.941 (0.976), text-only 0.911 / 0.977 / 0.907, short
0.597 (the shipped file 0.630):

* ``lead_single``, lead x (no cohesion: a story of one), fitted in the second stage
  jointly with ``lead``: fitted +15.0 / -0.9 / +11.0 beside lead 31.4 / 33.1 / 39.9 (all
  four: +10.3 beside 40.1): the fit leans *more* on a story of one's lead, as measured.
  Every cross-set and text-only row unchanged to the third decimal (ECB+ P 0.900); short
  0.607.
* ``lead`` capped at 0.1 (the wrong joins' 90th percentile): all rows unchanged, short
  0.597; at 0.05: ECB+ and Multi-News unchanged, BASIL 0.957 -> 0.936 (R 0.924 ->
  0.886), short 0.626.

The text-only rows cannot move with a lead term (no names, lead 0). ECB+ precision did
not move in any variant.

How a story of one weighs the text (6 Dec, evening; nothing kept). The 14 wrong joins to
a story of one (cross-set model, ECB+) against the 36 right ones: text cosine 0.13-0.39
(median 0.29) against 0.12-0.84 (0.40), headline 0.0-0.40 against 0.0-0.86, names 0-0.28
against 0-0.58, numbers alike; 17 of the right ones lie in the wrong ones' text range with
the same spread of names, headline and numbers, so no one-article term separates them.
One run each of a driver over pickled teacher rows that reproduces
``real_clustering.py``'s cross-set rows (lexical B3 F1 (P) ECB+ / BASIL / Multi-News,
each feature fitted with the first stage; before 0.921 (0.900) / 0.957 (0.993) / 0.941):
a separate text slope for a story of one (text_mean x no_cohesion) 0.921 (0.900) / 0.942
/ 0.941; a hinge, no_cohesion x max(0, 0.4 - text_mean) 0.921 / 0.942 / 0.941; the
headline for a story of one 0.921 (0.900) / 0.949 / 0.941 (Multi-News P 0.985); a second
signal required (an indicator: a story of one, names under 0.1, headline under 0.2 and
no number shared) 0.921 (0.901) / 0.955 / 0.941; the names overlap for a story of one
0.922 (0.899) / 0.957 / 0.942. ECB+'s precision is not lost at the
first wrong join but in what follows it: 153 of its 634 joins went to a story whose
members were mostly the other event, and at the end five stories held both events of a
topic whose members' graph cut (``split.graph_halves``) found the two events exactly or
within one report (normalized cut 0.03-0.31) while the models scored the halves as one
story at log-odds 0.20-2.76: under the cut of ``graph_split_probability`` 0.88 (2.0) in
three, but at or over ``graph_cut`` (0.15) in four. The graph split now takes a looser cut where
both groups have names (``ClusterOptions.named_graph_cut`` 0.3, ``graph_split_probability``
0.9): cross-set ECB+ 0.921 (0.900) -> 0.934 (0.945) in-sample for those two constants
(read off ECB+); see ``ClusterOptions`` for the grid. Held out by topic parity
(``eval/graph_cut_cv.py``: chosen on one half of ECB+'s topics, scored on the other,
swapped) the gain is precision only: both halves 0.922 (0.923) against 0.923 (0.902)
before, all of ECB+ clustered (0.927 (0.925) against 0.928 (0.906), each half alone); the
named cut 0.3 is at or above 0.15 and 0.25 on every half, the probability 0.9 is kept for
precision (0.88 has the better F1 on odd topics clustered alone, the worse inside the
whole set, the same on even topics; ``ClusterOptions``).
The wider cuts tried in the afternoon (0.25-0.35) lowered the probability to 0.5-0.7 with
them, so stories the 0.88 cut had split were likely kept whole (not traced).

Why the shipped model scores under the cross-set ones on its own sets (7 Dec, stop 40;
studied, nothing kept). The shipped rows of eval/results/clustering_real.md (ECB+ 0.909,
P 0.964, R 0.860; Multi-News 0.927, R 0.871) sit under the cross-set rows (0.932 /
0.941) though the shipped model was fitted on those very sets. The file holds the
03941da fit (see above); refitted on today's rows it is the same: ECB+ 0.913 (0.959),
BASIL 0.994, Multi-News 0.927; text-only 0.909 / 0.977 / 0.904; short-article stream
0.630 (the file 0.661). In-sample it *is* the better model of its rows: log-loss on each
set's teacher rows, the fit on all four against the one without the set, ECB+ 0.037 /
0.058, BASIL 0.043 / 0.288, Multi-News 0.042 / 0.113. What differs is mostly the
intercept: without ECB+ -2.38, without Multi-News -1.86, without BASIL -7.85, all four
-3.40. Each set weighs the same and BASIL's rows are 60 % positive against 3-4 % on the
others (ECB+ 4.3 %, Multi-News 4.3 %, the stream 3.2 %: an article meets 24-32 candidate
stories there, 1.5 in BASIL), so the cut sits where the mix of sets puts it; the models
that score ECB+ and Multi-News cross-set leave out a set of many negatives and are the
more lenient. Every set rewards leniency in-sample: the shipped join and story
intercepts raised together by 0.5 / 1 / 1.5 / 2 give ECB+ 0.938 / 0.933 / 0.941 / 0.958,
Multi-News 0.930 / 0.936 / 0.937 / 0.947, BASIL 0.994-0.993 (raising the join model's
alone: ECB+ 0.931 / 0.917 / 0.918 / 0.918: a merge needs the story model too). Out of
sample it does not hold. Cross-set models raised alike (0, 0.5, 1, 1.5, 2): ECB+ 0.932 /
0.932 / 0.944 (P 0.923) / 0.933 / 0.918, BASIL 0.957 / 0.961 / 0.967 / 0.967 / 0.976,
Multi-News 0.941 / 0.938 / 0.907 / 0.809 / 0.319 (P 0.227); mean 0.943 at 0 and 0.5,
under it from 1. Choosing the raise as the shipped model would be chosen (on the fit
sets' own B3 F1, grid 0-2.5, each set held out in turn): without ECB+ the fit sets pick
2.5 and ECB+ scores 0.906 (P 0.842); without BASIL 2.0, BASIL 0.976; without Multi-News
2.5, Multi-News 0.150. So the in-sample rows measure how sharp a model is on its own
rows, not a cut a user should get; the even-odds cut stays. Refits tried the same day
(one run each of a driver over pickled teacher rows that reproduces
``real_clustering.py``'s rows; cross-set B3 F1 (P) ECB+ / BASIL / Multi-News, then
shipped, text-only and short-stream rows of the fit on all four): as shipped 0.932
(0.951) / 0.957 (0.993) / 0.941 (0.981); shipped 0.913 / 0.994 / 0.927, text-only 0.909
/ 0.977 / 0.904, short 0.630.

* Positives and negatives each half of their set's weight: 0.940 (0.944) / 0.987 /
  0.928 (0.945); shipped 0.935 / 0.990 / 0.936; text-only ECB+ 0.928 (P 0.918, under
  the gate's 0.962); short 0.527 (P 0.377). Join model only (story model as shipped):
  0.935 / 0.987 / 0.929; short 0.534.
* Story-level placements, every article weighing the same: its gold story's row 1 and
  its negatives sharing 1 (story-to-story rows 1 each): 0.936 (0.955) / 0.982 / 0.904
  (0.908); shipped 0.918 (0.964) / 0.994 / 0.933; text-only 0.912 (0.952) / 0.974 /
  0.919; short 0.662. Intercept -2.42, names 12.9, numbers 9.8, lead 52.4.
* Placements as decisions, each article's gold row and its hardest negative (highest
  text_mean) only: 0.910 (0.917) / 0.952 / 0.916 (0.934); shipped 0.915 / 0.984 / 0.927;
  short 0.697.
* Each set its own intercept (slopes shared; the model's intercept the mean of the
  sets', so no set's prior sets the cut): 0.904 (0.879) / 0.961 / 0.907 (R 0.830);
  shipped 0.910 (0.898) / 0.969 / 0.921; short 0.515. Set intercepts (all four, join
  model) ECB+ -8.29, BASIL -2.72, Multi-News -6.12, the stream -10.72; ``no_title``, 1
  on Multi-News rows only, is one of them in effect, and the stream's sits far under
  the real sets', so their mean is no cut for any.

Each buys BASIL (the set whose cross-set model is strictest) with Multi-News: a fit
that weighs the decision per article or per class is more lenient on a set it has not
seen, and Multi-News (untitled, undated, 113 stories in 291 articles) loses precision
first. None kept.

Calendar days (7 Dec, stop 43; weighed 0 since review s43/g S1, see
:data:`HELD_AT_ZERO`: the weight below joined unrelated reports of one news day on the
day alone; the signal and the saved state keep the days). ``days``: Jaccard of the
calendar days the two sides' texts give (``signals.calendar_days``: the analyser's dates
resolved to one day, written out or against a dated article's publication time;
ranges, undecided day/month orders and unresolved relative dates left out), 0 when
either gives none. Measured at
stop 42 over ECB+'s same-topic pairs: a day in common for 9.4 % of same-event pairs and
1.1 % of look-alike pairs (Multi-News same story 19.2 %); days that differ are not
evidence (Multi-News same-story pairs differ more often than ECB+ look-alikes), hence no
indicator. On the teacher rows (lexical) a day in common is rare outside BASIL: ECB+ 45
of 34,707 rows (41 positive), BASIL 286 of 928 (255), Multi-News 12 of 18,717 (12), the
stream none (its truth analyses hold no dates). Fitted second (:data:`SECOND_STAGE`), so
a row without a shared day scores as before; cross-set log-loss (the fit without the
set, teacher rows), without -> with: BASIL join rows 0.288 -> 0.251 (its rows with a day:
accuracy 0.920 -> 0.969), story rows 1.042 -> 0.952; ECB+ 0.0577 and Multi-News 0.1125
unchanged (story rows 0.3935 -> 0.3938, 0.7393 -> 0.7392); cross-set weights 2.5 / 3.8 /
5.6 (join; ECB+ / BASIL / Multi-News held out). The shipped lexical model took the weight
by :func:`fit_on_top` (its other weights stay the 03941da fit, kept for the light
stream): join +6.59, story +10.86; the dense model weighs it 0 (not fitted). Where it
helps is the dated set; the undated sets rarely write a full date, so it does not reach
ECB+'s look-alike joins (it cannot lower a join, only raise one).

The short-article stream (``bench/cluster.py``'s) as a fit set: see :data:`SHORT_WEIGHT`.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from clustering import cached_dense
from newsprism.cluster.hot import HotStory, gap, spans_gap, widen_span
from newsprism.cluster.join import FEATURES, Evidence, JoinModel, lead_margins
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.stories import ArticleSignals, StoryClusterer
from real_sets import SETS

logger = logging.getLogger(__name__)

MODEL_FILE: Final = (Path(__file__).resolve().parent.parent / "src" / "newsprism" / "cluster"
                     / "join_model.json")
# Ridge penalty on the weights. 1.0 gave cross-set B3 F1 0.840 on ECB+ but 0.792 on
# BASIL (the size-term model: 0.799 / 0.801); 0.1 gives 0.813 / 0.815, above it on both.
# Chosen by looking at the reported sets' cross-set rows (two values tried), so it is
# one mild choice on the evaluation data.
L2: Final = 0.1
STREAM_ARTICLES: Final = 2_000
# The short-article stream (bench/cluster.py's: stream.iter_light_articles, a headline and
# 2-3 sentences an article, at the benchmark's default rate): a calibration set and an
# evaluation row since 6 Dec, because a refit on the real sets alone over-merged it (see
# the module doc). 3,000 articles (~1.1 days, every one in the window: ~500 stories, about
# a minute to cluster on the shared machine) already tell the over-merging model apart.
# Fitted on the tuning seed (72026); scored (eval/real_clustering.py) on the benchmark's
# own seed (42026), so even the shipped model's row is out of sample.
SHORT: Final = "short-stream"
SHORT_ARTICLES: Final = 3_000
SHORT_PER_DAY: Final = 2_740.0
# The short stream's weight in the fit beside the other sets' 1 (0: examples not made, the
# set an evaluation row only). Tried 6 Dec (cross-set lexical B3 F1 ECB+ / BASIL /
# Multi-News; the short stream, seed 42026, with the model fitted on every set): 0 (as
# shipped) 0.921 / 0.957 / 0.941, short 0.597; 0.1: 0.895 / 0.948 / 0.936, short 0.666;
# 0.3: 0.869 / 0.917 / 0.925, short 0.683; 1: 0.866 / 0.887 / 0.912. Every weight costs
# every real set: on short templated articles, stories of one kind share their template
# and their public figures, and the fit answers with less weight on text and names, which
# splits the real sets' three-outlet stories. The TF-IDF ceiling on that stream is 0.618
# and the shipped model scores 0.630 there (the refit without it 0.597), so the row checks
# a refit instead (see eval/real_clustering.py).
SHORT_WEIGHT: Final = 0.0
# A set gives the story model its story rows when it has at least this many (every
# calibration set has hundreds; the floor only keeps a tiny test set out).
MIN_STORY_ROWS: Final = 20
# Kinds ``embeddings="auto"`` may choose. Any other kind is written fitted but marked
# ``provisional`` (``join.fitted`` is False, so auto stays lexical; ``--embeddings on``
# uses the fitted coefficients). The dense model was fitted on 5 Dec, and it is not
# ahead everywhere: cross-set B3 F1 dense / lexical ECB+ 0.896 / 0.911, BASIL 0.946 /
# 0.890, Multi-News 0.923 / 0.942 (eval/results/clustering_real.md), at ~20x the CPU
# per article; switching auto to it changes every default run, so that is left to a
# decision of its own.
AUTO_KINDS: Final = ("lexical",)
# Features fitted after the others, with their log-odds as an offset (see fit): ``lead``
# is measured only between an article and its candidates (0 on story-to-story rows and in
# merges), so fitted jointly it took text_mean's weight (43.0 -> 34.9 in the model for
# Multi-News) and merges, which never measure it, lost it.
#
# ``days`` (a calendar day given by both sides, join.FEATURES) is fitted second too: a
# rare positive signal (over ECB+'s same-topic pairs 9.4 % of same-event pairs share a
# day, 1.1 % of look-alike pairs), so fitted second it moves only the rows that have it
# and every row without it (most rows, every text-only one) is scored as before; and the
# shipped model's other weights (the 03941da fit, kept: a refit of them over-merged
# bench/cluster.py's light stream, see the module doc) can take it by :func:`fit_on_top`.
SECOND_STAGE: Final = ("lead", "days")
# Features :func:`fit` leaves at 0 (kept as signals and in the saved state, not weighed).
# ``days`` (review s43/g S1 on 273fc28): fitted, it joined unrelated reports of one news
# day on the day alone (a weekday resolved against the publication time gives every
# article of that day the same date: a warehouse fire and a bus crash, both "on Tuesday",
# no shared words or names, P(join) 0.006 -> 0.805), and the teacher rows hold almost no
# such pairs (a shared day on 35 negative rows, none from a daily stream) to teach it
# otherwise. Weigh it again only gated on text or name evidence (e.g. days x text_mean),
# from dates written out in the text (anchor "absolute"), with the weight capped at the
# held-out value, measured on ECB+ and on unrelated same-day pairs.
HELD_AT_ZERO: Final = ("days",)
AUTO_NOTE: Final = ("fitted (see fit), kept out of embeddings='auto' (clustering_fit.AUTO_KINDS): "
                    "not ahead of the lexical model on every real set; --embeddings on uses it")


@dataclass(frozen=True)
class Examples:
    """Feature rows and labels of one set."""

    name: str
    x: npt.NDArray[np.float64]
    y: npt.NDArray[np.float64]
    evidence: tuple[Evidence, ...] = ()
    # Which rows are story-to-story (the teacher's halves), for the story model.
    story: npt.NDArray[np.bool_] | None = None

    def stories(self) -> Examples:
        """The story-to-story rows alone."""
        keep = self.story if self.story is not None else np.zeros(len(self.y), dtype=bool)
        return Examples(self.name, self.x[keep], self.y[keep])


def product_leads(texts: Sequence[tuple[float, bool]]) -> list[float]:
    """Each row's ``lead`` as the product measures it: (text_mean, is a rival) rows, each
    row's text_mean times its margin over the best *other rival* (join.lead_margins over
    the rivals, which the product computes over its in-window candidates only). A row that
    is no rival (out of the window, or the gold target forced in) is measured against the
    best rival, as a candidate the product never saw would be. Before 6 Dec the teacher
    took every candidate as a rival, a feature the product never computes (review s30/2
    F3)."""
    rival = [t for t, is_rival in texts if is_rival]
    margins = iter(lead_margins(rival))
    best = max(rival, default=0.0)
    return [next(margins) if is_rival else t * (t - best) for t, is_rival in texts]


class _Teacher(StoryClusterer):
    """A clusterer that places every article in its gold story, recording the evidence
    against every candidate first."""

    def __init__(self, gold: Mapping[str, str], options: ClusterOptions,
                 vectorizer: Any = None) -> None:
        super().__init__(options, vectorizer)
        self.gold = gold
        self.rows: list[Evidence] = []
        self.labels: list[float] = []
        self._gold_key: dict[str, int] = {}
        self._items: dict[str, list[Any]] = {}

    def _best_story(self, item: Any) -> Any:
        self._weights.clear()  # a new scoring round, as in StoryClusterer._best_story
        label = self.gold[item.signals.article_id]
        target_key = self._gold_key.get(label)
        target = self._stories.get(target_key) if target_key is not None else None
        stories = self._candidates(item.vector, item.names | item.speakers)
        # The product's rivals (StoryClusterer._best_story): the in-window candidates, not
        # the gold target forced in below. Every row is kept, so the first stage is as before.
        rivals = {id(s) for s in stories
                  if self._in_window(gap(item.day, s.first_day, s.last_day))}
        if target is not None and target.hot and target not in stories:
            stories.append(target)
        scored = [(self._article_evidence(item, story), story) for story in stories]
        texts = [(e.text_mean, id(s) in rivals) for e, s in scored if isinstance(e, Evidence)]
        leads = iter(product_leads(texts))
        for evidence, story in scored:
            if isinstance(evidence, Evidence):
                lead = next(leads)
                self.rows.append(replace(evidence, lead=lead) if evidence.names is not None
                                 else evidence)
                self.labels.append(1.0 if story is target else 0.0)
        if target is None or not target.hot:
            return None
        return target

    def _new_story(self, item: Any) -> Any:
        story = super()._new_story(item)
        self._gold_key[self.gold[item.signals.article_id]] = story.key
        return story

    def _merge_converging(self, story: Any) -> None:
        return None

    def _join(self, story: Any, item: Any) -> None:
        super()._join(story, item)
        self._items.setdefault(self.gold[item.signals.article_id], []).append(item)

    def story_examples(self, neighbours: int = 8) -> None:
        """Merge examples: every gold story of two or more articles split in two halves
        (alternate members), each half scored against its sibling (1) and against the
        halves of the ``neighbours`` nearest other stories within the window (0)."""
        halves = [(label, self._half(part)) for label, items in self._items.items()
                  if len(items) >= 2 for part in (items[0::2], items[1::2])]
        if len(halves) < 2:
            return
        centroids = np.stack([h.centroid() for _, h in halves])
        similarity = centroids @ centroids.T
        self._weights.clear()
        for i, (label, half) in enumerate(halves):
            nearest = [int(j) for j in np.argsort(-similarity[i])[: neighbours + 2]]
            sibling = i + 1 if i % 2 == 0 else i - 1
            for j in sorted(set(nearest) | {sibling}):
                other_label, other = halves[j]
                if (j <= i and j != sibling) or j == i:
                    continue
                if not self._in_window(spans_gap(half, other)):
                    continue
                evidence = self._story_evidence(half, other)
                if isinstance(evidence, Evidence):
                    self.rows.append(evidence)
                    self.labels.append(1.0 if other_label == label else 0.0)

    def _half(self, items: Sequence[Any]) -> Any:
        total = np.sum([i.vector for i in items], axis=0)
        story = HotStory(-1, "", total=total, sources=len(items))
        for item in items:
            story.names.update(item.names)
            story.speakers.update(item.speakers)
            story.numbers.update(item.numbers)
            story.days.update(item.days)
            if item.signals.language:
                story.languages[item.signals.language] += 1
            if item.signals.title and item.headline is not None:
                story.headlines.append((item.seq, item.signals.title,
                                        item.headline.astype(np.float16)))
            widen_span(story, item.day, item.signals.published)
        return story


def examples(name: str, signals: Sequence[ArticleSignals], gold: Mapping[str, str],
             embeddings: str) -> Examples:
    """Teacher-forced examples of one set, with and without names."""
    rows: list[Evidence] = []
    labels: list[float] = []
    story: list[bool] = []
    # Without an analysis there are no names and no dates either (a store without
    # analyses, the CI gate's text-only run).
    bare = [replace(s, entities=frozenset(), speakers=frozenset(), days=frozenset())
            for s in signals]
    for run in (signals, bare):
        options = ClusterOptions(embeddings=embeddings)  # type: ignore[arg-type]
        teacher = _Teacher(gold, options, cached_dense() if embeddings == "on" else None)
        teacher.add_many(run)
        joins = len(teacher.rows)
        teacher.story_examples()
        story += [i >= joins for i in range(len(teacher.rows))]
        rows += teacher.rows
        labels += teacher.labels
    x = np.asarray([e.features() for e in rows], dtype=np.float64)
    return Examples(name, x, np.asarray(labels), tuple(rows), np.asarray(story, dtype=bool))


def fit_story(sets: Sequence[Examples], l2: float = L2) -> JoinModel:
    """The story model: :func:`fit` on the sets' story-to-story rows alone (a set with
    fewer than :data:`MIN_STORY_ROWS` of them is left out)."""
    return fit([s.stories() for s in sets if len(s.stories().y) >= MIN_STORY_ROWS], l2)


def fit(sets: Sequence[Examples], l2: float = L2) -> JoinModel:
    """Weighted L2 logistic regression by IRLS; each set weighs the same (see the module
    doc for why not each example). In two stages: every feature but those of
    :data:`SECOND_STAGE` first, then each of those alone with the first stage's log-odds
    as a fixed offset (see the module doc: a feature measured only among an article's
    candidates must not take weight from the evidence merges and splits are judged by).
    Those of :data:`HELD_AT_ZERO` stay 0."""
    x, y, w = _weighted(sets)
    later = [FEATURES.index(name) for name in SECOND_STAGE]
    first = np.array([i not in later for i in range(x.shape[1])])
    design = np.hstack([np.ones((len(y), 1)), x[:, first]])
    beta = np.zeros(x.shape[1] + 1)
    beta[np.concatenate([[True], first])] = _irls(design, y, w, l2, np.zeros(len(y)))
    for column in (c for c in later if FEATURES[c] not in HELD_AT_ZERO):
        offset = beta[0] + x @ beta[1:]
        beta[column + 1] = _irls(x[:, [column]], y, w, l2, offset, intercept=False)[0]
    return JoinModel(float(beta[0]), tuple(float(b) for b in beta[1:]))


def _weighted(
    sets: Sequence[Examples],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The sets' rows, labels and example weights (each set weighing the same)."""
    x = np.vstack([s.x for s in sets])
    y = np.concatenate([s.y for s in sets])
    w = np.concatenate([np.full(len(s.y), set_weight(s.name) / max(1, len(s.y)))
                        for s in sets])
    return x, y, w * len(y) / w.sum()


def fit_on_top(model: JoinModel, sets: Sequence[Examples], names: Sequence[str],
               l2: float = L2) -> JoinModel:
    """``model`` with the weights of ``names`` (features of :data:`SECOND_STAGE`) fitted
    on ``sets`` with the rest of ``model``'s log-odds as an offset, each alone, as
    :func:`fit` fits its second stage; every other weight and the intercept as they
    were. How a feature of the second stage joins a shipped model without refitting the
    rest."""
    x, y, w = _weighted(sets)
    weights = list(model.weights)
    columns = [FEATURES.index(name) for name in names]
    for column in columns:
        weights[column] = 0.0
    base = model.intercept + x @ np.asarray(weights)
    for column in columns:
        weights[column] = float(_irls(x[:, [column]], y, w, l2, base, intercept=False)[0])
    return JoinModel(model.intercept, tuple(weights))


def set_weight(name: str) -> float:
    """A set's weight in the fit: 1, the short-article stream :data:`SHORT_WEIGHT`."""
    return SHORT_WEIGHT if name == SHORT else 1.0


def _irls(design: npt.NDArray[np.float64], y: npt.NDArray[np.float64],
          w: npt.NDArray[np.float64], l2: float, offset: npt.NDArray[np.float64],
          intercept: bool = True) -> npt.NDArray[np.float64]:
    """The coefficients of weighted L2 logistic regression of ``y`` on ``design`` (its
    first column the intercept, unpenalised, when ``intercept``) beside ``offset``, by
    Newton-Raphson."""
    penalty = np.eye(design.shape[1]) * l2
    if intercept:
        penalty[0, 0] = 0.0
    beta = np.zeros(design.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(offset + design @ beta, -30, 30)))
        gradient = design.T @ (w * (y - p)) - penalty @ beta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian + 1e-9 * np.eye(len(beta)), gradient)
        beta += step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta


def summary(sets: Sequence[Examples]) -> list[dict[str, Any]]:
    return [{"set": s.name, "examples": len(s.y), "positives": int(s.y.sum()),
             "story_examples": len(s.stories().y),
             "story_positives": int(s.stories().y.sum())} for s in sets]


def write_model(models: Mapping[str, JoinModel], described: Mapping[str, Any],
                path: Path = MODEL_FILE,
                stories: Mapping[str, JoinModel] | None = None) -> None:
    """Write the models given, keeping the file's models of other kinds (and their
    description) when only some kinds were refitted."""
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kept = {k: _all_features(v) for k, v in old.get("models", {}).items() if k not in models}
    fit_before: dict[str, Any] = old["fit"] if isinstance(old.get("fit"), dict) else {}
    fits = {k: v for k, v in fit_before.get("examples", {}).items() if k in kept}
    payload = {
        "fit": {**described, "examples": {**fits, **described.get("examples", {})}},
        "features": list(FEATURES),
        "models": {**kept, **{kind: _written(kind, model, (stories or {}).get(kind))
                              for kind, model in models.items()}},
    }
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def _written(kind: str, model: JoinModel, story: JoinModel | None = None) -> dict[str, Any]:
    """A fitted model as written (its story model under ``story``): marked provisional
    unless auto may choose its kind."""
    written = {**model.as_dict(), **({"story": story.as_dict()} if story else {})}
    if kind in AUTO_KINDS:
        return written
    return {**written, "provisional": True, "note": AUTO_NOTE}


def _all_features(model: dict[str, Any]) -> dict[str, Any]:
    """A kept model with a weight for every feature: one it was fitted (or set) without
    weighs 0, as ``JoinModel.from_dict`` reads it."""
    weights = {name: model["weights"].get(name, 0.0) for name in FEATURES}
    story = model.get("story")
    if isinstance(story, dict):
        story = {**story, "weights": {n: story["weights"].get(n, 0.0) for n in FEATURES}}
        return {**model, "weights": weights, "story": story}
    return {**model, "weights": weights}


def describe_fit(examples_by_kind: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "how": "eval/clustering_fit.py: teacher-forced examples (article vs candidate "
               "stories), with and without names; weighted L2 logistic regression (IRLS), "
               f"L2 {L2}, each set weighing the same; each kind's 'story' model: the same "
               "fit on the story-to-story rows alone (merges need it and the join model, "
               "splits either); 'lead' (SECOND_STAGE) fitted after the others with their "
               "log-odds as an offset",
        "sets": [*SETS, f"stream seed 72026 ({STREAM_ARTICLES} articles)",
                 *([f"short-article stream seed 72026 ({SHORT_ARTICLES} articles, "
                    f"{SHORT_PER_DAY:g} a day, weight {SHORT_WEIGHT})"]
                   if SHORT_WEIGHT > 0 else [])],
        "numbers": "Jaccard of the numbers written in title and text (join.number_keys: "
                   "years left out, thousands separators dropped); evidence against "
                   "look-alike events (see eval/clustering_fit.py)",
        "days": "Jaccard of the calendar days the texts give (signals.calendar_days: the "
                "analyser's dates resolved to one day), 0 when either gives none; weighed 0 "
                "(HELD_AT_ZERO, review s43/g S1: a shared day alone joined unrelated "
                "reports of one news day)",
        "lead": "an article's text_mean times its margin over the best other in-window "
                "candidate's (join.lead_margins, product_leads), where names were measured; "
                "0 on story-to-story rows",
        "examples": dict(examples_by_kind),
    }


def main(argv: Sequence[str] | None = None) -> int:
    from real_clustering import calibration_examples, dense_ok

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write join_model.json")
    parser.add_argument("--no-dense", action="store_true", help="lexical model only")
    parser.add_argument("--only", choices=("lexical", "dense"),
                        help="fit (and write) this kind only; the file keeps the other")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    models: dict[str, JoinModel] = {}
    stories: dict[str, JoinModel] = {}
    counts: dict[str, Any] = {}
    for kind, embeddings in (("lexical", "off"), ("dense", "on")):
        if kind == "dense" and (args.no_dense or not dense_ok()):
            continue
        if args.only not in (None, kind):
            continue
        sets = calibration_examples(embeddings)
        models[kind] = fit(list(sets.values()))
        stories[kind] = fit_story(list(sets.values()))
        counts[kind] = summary(list(sets.values()))
        logger.info("%s: %s; story model %s", kind, models[kind].as_dict(),
                    stories[kind].as_dict())
    if args.write:
        write_model(models, describe_fit(counts), stories=stories)
        logger.info("wrote %s", MODEL_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
