"""The hand-written gold paragraphs (tests/data/themes_gold.jsonl) and their scoring.

Every paragraph was written for this project; ``split`` is "dev" (may be used to fit
the calibration and tune the taxonomy) or "held-out" (never used for either).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "data" / "themes_gold.jsonl"


def load_gold(part: str = "all") -> list[dict]:
    if part not in ("dev", "held-out", "all"):
        raise ValueError(f"part must be dev, held-out or all, got {part!r}")
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if part == "all" or r["split"] == part]


@dataclass(frozen=True)
class GoldResult:
    n: int
    precision: float
    recall: float
    micro_f1: float
    errors: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # (id, missed, wrong)


def evaluate_gold(scorer, *, part: str = "all", threshold: float = 0.5) -> GoldResult:
    tp = fp = fn = 0
    errors = []
    for row in load_gold(part):
        predicted = set(scorer.score_text(row["text"]).labels(threshold=threshold))
        gold = set(row["themes"])
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        if predicted != gold:
            errors.append((row["id"], tuple(sorted(gold - predicted)), tuple(sorted(predicted - gold))))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return GoldResult(len(load_gold(part)), precision, recall, f1, tuple(errors))
