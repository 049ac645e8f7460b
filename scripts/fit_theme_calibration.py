"""Fit the theme scorer's calibration (kzedutext/themes/data/calibration.json).

Data: the 16 sample corpus documents (labels from corpus/meta.jsonl) and the *dev*
half of tests/data/themes_gold.jsonl. The held-out gold paragraphs are not read.
For each (text, theme) pair the evidence E and the length n are computed; for each
gamma on a small grid a one-feature logistic regression on
x = ln(1 + E) - gamma * ln(max(n, 20) / 50) gives a and b; the gamma with the best
log-loss is kept.

    python scripts/fit_theme_calibration.py
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

import kzedutext as kz
from kzedutext.themes import Calibration, ThemeScorer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "themes"))
from gold import load_gold  # noqa: E402


def examples() -> list[tuple[str, set[str]]]:
    out = []
    for line in (REPO / "corpus" / "meta.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        out.append((kz.read(REPO / "corpus" / meta["file"]).text_in("kk"), set(meta["themes"])))
    out += [(row["text"], set(row["themes"])) for row in load_gold("dev")]
    return out


def main() -> int:
    scorer = ThemeScorer(calibration=Calibration(1.0, 0.0, 0.0))
    rows = []
    for text, labels in examples():
        result = scorer.score_text(text)
        for theme, expl in result.explanations.items():
            rows.append((expl.evidence, result.n_words, theme in labels))
    ev = np.array([r[0] for r in rows])
    n = np.array([r[1] for r in rows], dtype=float)
    y = np.array([r[2] for r in rows])
    best = None
    for gamma in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = np.where(ev > 0, np.log1p(ev) - gamma * np.log(np.maximum(n, 20) / 50), 0.0).reshape(-1, 1)
        lr = LogisticRegression(C=100.0).fit(x, y)
        loss = log_loss(y, lr.predict_proba(x)[:, 1])
        print(f"gamma={gamma:.2f}  a={lr.coef_[0, 0]:.3f}  b={lr.intercept_[0]:.3f}  log-loss={loss:.4f}")
        if best is None or loss < best[0]:
            best = (loss, gamma, float(lr.coef_[0, 0]), float(lr.intercept_[0]))
    _, gamma, a, b = best
    out = {"a": round(a, 4), "b": round(b, 4), "gamma": gamma, "ref_words": 50.0, "min_words": 20.0,
           "fitted_on": f"{len(rows)} (text, theme) pairs: corpus/meta.jsonl documents + dev half of "
                        "tests/data/themes_gold.jsonl", "threshold_at_x": round(-b / a, 4) if a else None}
    path = REPO / "kzedutext" / "themes" / "data" / "calibration.json"
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", path, out, f"(threshold evidence at 50 words: {math.expm1(-b / a):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
