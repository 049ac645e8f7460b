"""Accuracy on our own gold sentences and recall on the seed articles (read by path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

import kzedutext as kz
from kzedutext.terms.evaluate import predict_exact_strings, predict_with_extractor, read_gold, score_mentions

GOLD = Path(__file__).resolve().parent.parent / "data" / "competencies_gold.jsonl"


def test_gold_set_is_big_enough_and_covers_negatives():
    gold = read_gold(GOLD)
    assert len(gold) >= 40
    assert sum(1 for row in gold if not row["competencies"]) >= 5


def test_precision_and_recall_on_the_gold_set_are_at_least_0_9():
    score = score_mentions(read_gold(GOLD), predict_with_extractor())
    assert score.precision >= 0.9 and score.recall >= 0.9, score


def test_we_beat_the_exact_string_anchor_on_recall():
    gold = read_gold(GOLD)
    ours = score_mentions(gold, predict_with_extractor())
    anchor = score_mentions(gold, predict_exact_strings())
    assert ours.recall > anchor.recall + 0.3


def _seed(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed article {prefix}_*.txt not found in {SEEDS}")
    return matches[0]


def test_seed_000_yields_the_competencies_it_lists():
    document = kz.read(_seed("000"))
    found = {m.canonical for m in kz.extract_competencies(document.text)}
    expected = {
        f"{kind} құзыреттілік"
        for kind in ("кәсіби", "жеке", "арнайы", "әлеуметтік", "әдіснамалық", "зерттеушілік", "коммуникативтік", "ақпараттық")
    }
    assert expected <= found, expected - found


def test_seed_004_is_about_professional_competence_and_development():
    document = kz.read(_seed("004"))
    table = kz.term_table([document.text])
    counts = {row.canonical: row.count for row in table.summary()}
    assert counts["кәсіби құзыреттілік"] >= 10
    assert counts["кәсіби даму"] >= 10
    assert counts["біліктілікті арттыру"] >= 10


def test_seed_002_mentions_twelve_year_schooling_and_social_competence():
    document = kz.read(_seed("002"))
    terms = {m.canonical for m in kz.extract_terms(document.text)}
    competencies = {m.canonical for m in kz.extract_competencies(document.text)}
    assert "12 жылдық білім беру" in terms
    assert "әлеуметтік құзыреттілік" in competencies
