"""Train the learnt safeguarding model and choose its threshold by cross-validation grouped by source.

    python bench/train_safeguarding.py [--no-save]

Data: the development comments (bench/data/safeguarding-dev.jsonl: risk disclosures and benign
look-alikes, most with the public page they were paraphrased from) and, as ordinary comments that
are not risk, the shared public corpus (../shared/corpus/themes-public.jsonl: council promises and
young people's quotes, grouped by organisation).
The held-out set (bench/data/safeguarding-heldout.jsonl) is never read here.

Measure: 5 folds grouped by source, so no page's texts are in both training and test. Only texts
with a public source are scored; comments written for development are always in training, never
scored. The threshold is the highest at which rules-or-model recall on the scored risk comments is
at least 97%, counting the rules without those written from the model's lowest-scored development
comments (`safeguarding_words.FROM_MODEL_MISSES`: written from those comments, they would flatter the
measure); the script prints recall and false alarms (with Wilson 95% intervals) at it, for the
rules alone and for rules or model, then fits on everything and writes
participation/analysis/data/safeguarding_model.npz.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.safeguarding_eval import wilson  # noqa: E402
from participation.analysis import safeguarding, safeguarding_words  # noqa: E402
from participation.analysis.safeguarding_model import MIN_WORDS, MODEL_PATH, RiskModel, feature_names  # noqa: E402

DEV = ROOT / "bench" / "data" / "safeguarding-dev.jsonl"
PUBLIC = ROOT.parent.parent / "shared" / "corpus" / "themes-public.jsonl"
if not PUBLIC.exists():
    PUBLIC = Path("/work/shared/corpus/themes-public.jsonl")
EXTRA = ROOT / "bench" / "data" / "themes-extra.jsonl"
#: Ordinary comments in young people's voice written for the theme tagger: training only, never scored
#: (any a rule flags are left out, since they were never labelled for risk).
VOICE = [ROOT / "participation" / "analysis" / "data" / f"themes_{part}.jsonl" for part in ("train", "dev", "test")]
WRITTEN = "written for development"
#: Pages the held-out set was also written from: development rows modelled on them are left out of
#: training, so that the held-out figures measure comments from sources the model never learnt from.
HELD_OUT_PAGES = frozenset({
    "http://slideshare.net/thomasmueller/casenote-suicide",
    "http://www.pressreader.com/uk/sunderland-echo/20181102/281990378528383",
    "https://abcdocz.com/doc/56764/children-talking-to-childline-about-sexual-abuse",
    "https://safer.sthelens.gov.uk/crime-types/knife-crime/advice-for-young-people/",
    "https://www.hartlepoolmail.co.uk/news/opinion/columnists/childline-advice-children-should-never-have-to-suffer-from-emotional-abuse-3145769",
    "https://www.nspcc.org.uk/about-us/news-opinion/2023/more-children-discuss-support-suicidal-thoughts-childline/",
    "https://www.suffolksp.org.uk/parents-and-carers/radicalisation/",
    "https://www.supportincornwall.org.uk/kb5/cornwall/directory/advice.page?id=ow1n_JoRtVU",
})
#: Development recall the threshold is chosen for: above the 97% target, because comments from writers the
#: development set never saw come in 1 to 5 points lower (the held-out sets), and a miss costs a child help.
RECALL_TARGET = 0.98
C = 3.0
PUBLIC_WEIGHT = 0.3
VOICE_WEIGHT = 1.0


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fit(features, labels, weights):
    vectoriser = TfidfVectorizer(analyzer=lambda names: names, min_df=2)
    matrix = vectoriser.fit_transform(features)
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    model.fit(matrix, labels, sample_weight=weights)
    return vectoriser, matrix, model


def rate(flags: np.ndarray) -> str:
    low, high = wilson(int(flags.sum()), len(flags))
    return f"{flags.mean():6.1%} ({int(flags.sum())}/{len(flags)}, 95% CI {low:.1%} to {high:.1%})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-save", action="store_true", help="measure only; do not write the model")
    parser.add_argument("--recall", type=float, default=RECALL_TARGET,
                        help=f"recall on the development risk comments the threshold is chosen for (default {RECALL_TARGET})")
    args = parser.parse_args(argv)

    dev = [r for r in rows_of(DEV) if r["source"] not in HELD_OUT_PAGES]
    public = rows_of(PUBLIC) + rows_of(EXTRA)
    voice = [r for name in VOICE for r in rows_of(name) if not safeguarding.check(r["text"])]
    texts = [r["text"] for r in dev] + [r["text"] for r in public] + [r["text"] for r in voice]
    risk = np.array([r["label"] == "risk" for r in dev] + [False] * (len(public) + len(voice)))
    groups = [r.get("organisation") or r["source"] for r in dev] + ["public: " + r["organisation"] for r in public] + [WRITTEN] * len(voice)
    weights = np.array([1.0] * len(dev) + [PUBLIC_WEIGHT] * len(public) + [VOICE_WEIGHT] * len(voice))
    is_dev = np.array([True] * len(dev) + [False] * (len(public) + len(voice)))
    written = np.array([g == WRITTEN for g in groups])
    features = [feature_names(t) for t in texts]
    rules = np.array([bool(safeguarding.check(t)) for t in texts])
    #: What the rules catch without those written from the model's misses: used to choose the threshold.
    credited = np.array([bool(safeguarding.assess(t, rules_before=safeguarding_words.FROM_MODEL_MISSES)) for t in texts])
    long_enough = np.array([len(t.split()) >= MIN_WORDS for t in texts])

    scored = np.flatnonzero(~written)
    always = np.flatnonzero(written)
    oof = np.zeros(len(texts))
    for train, test in GroupKFold(n_splits=5).split(scored, groups=[groups[i] for i in scored]):
        train_rows = np.concatenate([scored[train], always])
        test_rows = scored[test]
        vectoriser, _, model = fit([features[i] for i in train_rows], risk[train_rows], weights[train_rows])
        oof[test_rows] = model.predict_proba(vectoriser.transform([features[i] for i in test_rows]))[:, 1]

    dev_risk = scored[is_dev[scored] & risk[scored]]
    dev_benign = scored[is_dev[scored] & ~risk[scored]]
    ordinary = scored[~is_dev[scored]]
    threshold = 0.5
    for candidate in np.arange(0.9, 0.0, -0.01):
        if (credited[dev_risk] | (oof[dev_risk] >= candidate) & long_enough[dev_risk]).mean() >= args.recall:
            threshold = float(round(candidate, 2))
            break
    either = rules | (oof >= threshold) & long_enough
    print(f"Grouped 5-fold CV by source: {len(dev_risk)} risk and {len(dev_benign)} benign look-alike "
          f"development comments with a public source ({len({groups[i] for i in scored if is_dev[i]})} sources), "
          f"{len(ordinary)} public-corpus texts ({len({groups[i] for i in ordinary})} organisations)")
    print(f"threshold chosen for recall >= {args.recall:.1%} (not counting the {len(safeguarding_words.RULES) - safeguarding_words.FROM_MODEL_MISSES} "
          f"rules written from the model's misses): {threshold:.2f}\n")
    print(f"{'':<16}{'recall':<38}{'false alarms (look-alikes)':<38}false alarms (public corpus)")
    print(f"{'rules alone':<16}{rate(rules[dev_risk]):<38}{rate(rules[dev_benign]):<38}{rate(rules[ordinary])}")
    print(f"{'rules or model':<16}{rate(either[dev_risk]):<38}{rate(either[dev_benign]):<38}{rate(either[ordinary])}")
    chosen = credited | (oof >= threshold) & long_enough
    print(f"{'as credited':<16}{rate(chosen[dev_risk]):<38}(rules without the {len(safeguarding_words.RULES) - safeguarding_words.FROM_MODEL_MISSES} "
          f"written from the model's misses, or model: the recall the threshold was chosen on)")

    families = sorted({dev[i]["family"] for i in dev_benign})
    print(f"\n{'false alarms by look-alike family':<36}{'rules or model':<38}rules alone")
    for family in families:
        rows = np.array([i for i in dev_benign if dev[i]["family"] == family])
        print(f"{family:<36}{rate(either[rows]):<38}{rate(rules[rows])}")
    voiced = np.array([i for i in dev_benign if dev[i].get("organisation")])
    if len(voiced):
        label = f"of which young people's published words ({len({dev[i]['organisation'] for i in voiced})} organisations)"
        print(f"\n{label}\n{'':<36}{rate(either[voiced]):<38}{rate(rules[voiced])}")

    if args.no_save:
        return 0
    vectoriser, matrix, model = fit(features, risk, weights)
    kind_rows = np.flatnonzero(risk)
    kinds = np.array([dev[i]["kind"] for i in kind_rows])
    kind_model = LogisticRegression(C=C, max_iter=3000).fit(matrix[kind_rows], kinds)
    names = vectoriser.get_feature_names_out()
    np.savez_compressed(
        MODEL_PATH, features=np.array(names, dtype=str), idf=vectoriser.idf_.astype(np.float32),
        weights=model.coef_[0].astype(np.float32), intercept=np.float64(model.intercept_[0]),
        threshold=np.float64(threshold), kinds=np.array(kind_model.classes_, dtype=str),
        kind_weights=kind_model.coef_.T.astype(np.float16), kind_intercepts=kind_model.intercept_.astype(np.float32))
    shipped = RiskModel.load()
    gap = np.abs(shipped.probabilities_many(texts) - model.predict_proba(matrix)[:, 1]).max()
    assert gap < 1e-3, f"the shipped model reads comments differently from the one trained ({gap})"
    print(f"\nwrote {MODEL_PATH.relative_to(ROOT)} ({len(names)} features, "
          f"{MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
