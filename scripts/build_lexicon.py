"""Build the morphology lexicon shipped in ``kzedutext/morph/data/``.

Writes ``lexicon.tsv`` (lemma, upos, weight, sources) and ``forms.tsv`` (form, lemma,
upos, feats, count) from openly licensed sources; see ``kzedutext/morph/data/SOURCES.md``:

* the human-disambiguated apertium-kaz texts (``../shared/data/apertium_kaz_texts2``,
  CC BY-SA 4.0): lemma counts and the analyses annotators chose for each form;
* the UniMorph Kazakh tables (``../shared/data/unimorph_kaz``, CC BY-SA 3.0): noun and
  verb lemmas and their inflected forms (Latin look-alike letters repaired);
* Debian's ``hunspell-kk`` dictionary when installed (``/usr/share/hunspell/kk_KZ.dic``,
  GPL-2+/LGPL-2.1+/MPL-1.1+): verb stems from its verbal nouns, and nominal stems that our
  own analyser cannot explain as another stem plus an inflection (the dictionary also
  lists inflected forms such as ``абайдың``).

The UD Kazakh-KTB test file is never read here.

Usage: ``python scripts/build_lexicon.py [--shared ../shared/data] [--hunspell PATH]``
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kzedutext.evaluation import read_cg_stream  # noqa: E402
from kzedutext.morph.analyzer import Analyzer  # noqa: E402
from kzedutext.morph.grammar import Grammar  # noqa: E402
from kzedutext.morph.lexicon import Lexicon  # noqa: E402
from kzedutext.morph.phonology import DEVOICED, VOWELS, close_vowel, sound_class  # noqa: E402
from kzedutext.text.normalize import normalize_word  # noqa: E402

OUT = REPO / "kzedutext" / "morph" / "data"

APERTIUM_UPOS = {
    "n": "NOUN", "np": "PROPN", "adj": "ADJ", "v": "VERB", "vaux": "AUX", "cop": "AUX",
    "adv": "ADV", "postadv": "ADV", "prn": "PRON", "det": "DET", "num": "NUM", "post": "ADP",
    "cnjcoo": "CCONJ", "cnjsub": "SCONJ", "cnjadv": "ADV", "ij": "INTJ", "qst": "PART",
    "abbr": "PROPN", "sim": "DET",
}
APERTIUM_FEATS = {
    "nom": "Case=Nom", "gen": "Case=Gen", "acc": "Case=Acc", "dat": "Case=Dat", "loc": "Case=Loc",
    "abl": "Case=Abl", "ins": "Case=Ins", "pl": "Number=Plur", "neg": "Polarity=Neg",
    "pass": "Voice=Pass", "coop": "Voice=Rcp", "px1sg": "Number[psor]=Sing|Person[psor]=1",
    "px2sg": "Number[psor]=Sing|Person[psor]=2", "px1pl": "Number[psor]=Plur|Person[psor]=1",
    "px3sp": "Number[psor]=Plur,Sing|Person[psor]=3", "px3pl": "Number[psor]=Plur,Sing|Person[psor]=3",
    "ifi": "Tense=Past", "past": "Tense=Past", "aor": "Tense=Pres", "fut": "Tense=Fut",
    "p1": "Person=1", "p2": "Person=2", "p3": "Person=3", "gpr_past": "Tense=Past|VerbForm=Part",
    "gpr_impf": "Aspect=Imp|VerbForm=Part", "gpr_fut": "Tense=Fut|VerbForm=Part",
    "gpr_pot": "Mood=Pot|VerbForm=Part", "prc_perf": "Aspect=Perf|VerbForm=Conv",
    "prc_impf": "Aspect=Imp|VerbForm=Conv", "ger": "VerbForm=Ger", "ger_past": "Tense=Past|VerbForm=Ger",
    "gna_perf": "Aspect=Perf|VerbForm=Conv", "gna_cond": "Mood=Cnd|VerbForm=Conv", "imp": "Mood=Imp",
}
UNIMORPH_FEATS = {
    "NOM": "Case=Nom", "GEN": "Case=Gen", "ACC": "Case=Acc", "DAT": "Case=Dat", "LOC": "Case=Loc",
    "ABL": "Case=Abl", "INST": "Case=Ins", "PL": "Number=Plur",
    "PSS1S": "Number[psor]=Sing|Person[psor]=1", "PSS2S": "Number[psor]=Sing|Person[psor]=2",
    "PSS3S": "Number[psor]=Plur,Sing|Person[psor]=3", "PSS1P": "Number[psor]=Plur|Person[psor]=1",
}
HUNSPELL = Path("/usr/share/hunspell/kk_KZ.dic")


def feats_of(tags, table) -> str:
    feats = set()
    for tag in tags:
        if tag in table:
            feats.update(table[tag].split("|"))
    return "|".join(sorted(feats)) or "_"


def apertium_readings(folder: Path):
    """(form, lemma, tags) of the chosen reading of every token of the annotated texts."""
    for path in sorted(folder.glob("*.tagged.clean.txt")):
        yield from read_cg_stream(path)


def verb_stems_from_verbal_noun(noun: str) -> list[str]:
    """Verb stems a verbal noun may come from: оқу → оқ, оқы; ойлау → ойла; азаю → азай, аза."""
    if noun.endswith("ю"):
        return [noun[:-1] + "й", noun[:-1]]
    if noun.endswith("у") and len(noun) > 2:
        stem = noun[:-1]
        if stem[-1] in VOWELS:
            return [stem]
        return [stem, stem + close_vowel(stem)]
    return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--hunspell", type=Path, default=HUNSPELL)
    args = ap.parse_args()

    weights: dict[tuple[str, str], float] = collections.Counter()
    sources: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    form_counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)

    # 1. apertium texts
    folder = args.shared / "apertium_kaz_texts2"
    for form, lemma, tags in apertium_readings(folder):
        upos = APERTIUM_UPOS.get(tags[0])
        if upos is None or " " in form or " " in lemma:
            continue
        key = (lemma.lower(), upos)
        weights[key] += 1
        sources[key].add("apertium")
        form_counts[form.lower()][(lemma, upos, feats_of(tags, APERTIUM_FEATS))] += 1

    # 2. UniMorph (nouns; verbs given as verbal nouns, often with Latin look-alikes)
    um = args.shared / "unimorph_kaz"
    um_forms: dict[str, tuple[str, str, str]] = {}
    for line in (um / "kaz.noun.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        lemma, form = normalize_word(parts[0]).lower(), normalize_word(parts[1]).lower()
        sources[(lemma, "NOUN")].add("unimorph")
        um_forms.setdefault(form, (lemma, "NOUN", feats_of(parts[2].split(";"), UNIMORPH_FEATS)))
    verb_forms: dict[str, list[str]] = collections.defaultdict(list)
    for line in (um / "kaz.sm").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            verb_forms[normalize_word(parts[0]).lower()].append(normalize_word(parts[1]).lower())
    for noun, forms in verb_forms.items():
        stems = verb_stems_from_verbal_noun(noun)
        if not stems:
            continue
        # the stem is the candidate most forms start with (оқу: оқыдым → оқы; жазу: жаздым → жаз)
        stem = max(stems, key=lambda s: (sum(f.startswith(s) for f in forms), len(s)))
        sources[(stem, "VERB")].add("unimorph")
        for form in forms:
            um_forms.setdefault(form, (stem, "VERB", "_"))

    # 3. hunspell-kk (optional)
    if args.hunspell.exists():
        nominal, verbal_nouns = [], []
        for line in args.hunspell.read_text(encoding="utf-8").splitlines()[1:]:
            word, _, flags = line.strip().lstrip("\ufeff").partition("/")
            word = normalize_word(word)
            if not word or not any(ch.isalpha() for ch in word):
                continue
            (verbal_nouns if flags.startswith("Mm") else nominal).append(word)
        nominal_set = {w.lower() for w in nominal}
        trusted_verbs = {lemma for (lemma, upos) in sources if upos == "VERB"}
        verb_stems = set()
        for vn in verbal_nouns:
            stems = verb_stems_from_verbal_noun(vn.lower())
            # оқу: оқ or оқы? Prefer a verb the annotated sources know, then the one the
            # dictionary lists bare when it lists only one, else the consonant stem.
            known = [s for s in stems if s in trusted_verbs]
            listed = [s for s in stems if s in nominal_set]
            pick = known or (listed if len(listed) == 1 else stems)
            if pick:
                verb_stems.add(pick[0])
        # Verb stems never end in б г ғ: the dictionary's бағу, табу are бақ, тап voiced.
        verb_stems = {s[:-1] + DEVOICED[s[-1]] if s[-1] in DEVOICED else s for s in verb_stems}
        known_verbs = verb_stems | {lemma for (lemma, upos) in sources if upos == "VERB"}
        # By UD/apertium convention the passive and cooperative voices are inflections
        # (жабылды → жап, сөйлесті → сөйле): drop such stems when their base verb is known.
        voice = [s for s in Grammar.default().suffixes["VV"] if s.surface]
        derived = {
            stem for stem in verb_stems
            for v in voice
            if stem.endswith(v.surface) and (base := stem[: -len(v.surface)]) in known_verbs
            and sound_class(base) in v.after and base != stem
        }
        all_verbal = verb_stems | derived
        verb_stems -= derived
        print(f"hunspell: {len(derived)} passive/cooperative verb stems folded into their base verb")
        for stem in verb_stems:
            sources[(stem, "VERB")].add("hunspell")
        trusted = {lemma for (lemma, _pos) in sources}
        # Filter the nominal list with our own analyser: drop a word that is a known stem
        # plus an inflection (абайдың = абай + дың), keep derived words (оқушы, басқару).
        probe = Lexicon()
        for (lemma, upos) in sources:
            probe.add(lemma, upos)
        pedagogy = OUT / "pedagogy_lexicon.tsv"
        if pedagogy.exists():
            for line in pedagogy.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    cols = line.split("\t")
                    probe.add(cols[0], cols[1])
                    trusted.add(cols[0].lower())
        candidates = [w for w in nominal if w.lower() not in all_verbal]
        for w in candidates:
            probe.add(w, "PROPN" if w[:1].isupper() else "NOUN", weight=0.5)
        analyzer = Analyzer(grammar=Grammar.default(), lexicon=probe)
        kept = 0
        for w in candidates:
            low = w.lower()
            if low in trusted:
                continue
            if _inflected(analyzer, low):
                continue
            upos = "PROPN" if w[:1].isupper() else "NOUN"
            sources[(low, upos)].add("hunspell")
            kept += 1
        print(f"hunspell: {len(verb_stems)} verb stems, {kept} of {len(candidates)} nominal entries kept")
    else:
        print(f"hunspell-kk not found at {args.hunspell}: skipped (apt install hunspell-kk)")

    # Verb stems never end in б г ғ (UniMorph's жабу gives жаб-; the stem is жап).
    for (lemma, upos) in list(sources):
        if upos == "VERB" and lemma[-1:] in DEVOICED and "apertium" not in sources[(lemma, upos)]:
            fixed = (lemma[:-1] + DEVOICED[lemma[-1]], upos)
            sources[fixed] |= sources.pop((lemma, upos))
            weights[fixed] += weights.pop((lemma, upos), 0)
    with open(OUT / "lexicon.tsv", "w", encoding="utf-8") as fh:
        fh.write("# kzedutext morphology lexicon, generated by scripts/build_lexicon.py: do not edit.\n")
        fh.write("# Sources and licences: SOURCES.md in this folder.\n")
        fh.write("# lemma\tupos\tweight\tsources\n")
        for (lemma, upos) in sorted(sources):
            w = weights[(lemma, upos)] + (1.0 if "unimorph" in sources[(lemma, upos)] else 0.0) + (
                0.5 if "hunspell" in sources[(lemma, upos)] else 0.0)
            fh.write(f"{lemma}\t{upos}\t{w:g}\t{','.join(sorted(sources[(lemma, upos)]))}\n")
    n_forms = 0
    with open(OUT / "forms.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Word forms with the analysis human annotators chose (apertium texts) or that an\n")
        fh.write("# inflection table lists (UniMorph); generated by scripts/build_lexicon.py: do not edit.\n")
        fh.write("# form\tlemma\tupos\tfeats\tcount\n")
        for form in sorted(set(form_counts) | set(um_forms)):
            if form in form_counts:
                (lemma, upos, feats), count = form_counts[form].most_common(1)[0]
            else:
                (lemma, upos, feats), count = um_forms[form], 0
            fh.write(f"{form}\t{lemma}\t{upos}\t{feats}\t{count}\n")
            n_forms += 1
    print(f"wrote {len(sources)} lemma entries and {n_forms} forms to {OUT}")


def _inflected(analyzer: Analyzer, word: str) -> bool:
    """True when ``word`` is another known stem plus a likely inflection (not a derivation).

    Unlikely cuts (a bare imperative with negation: тапсыр+ма) keep the word.
    """
    for a in analyzer.analyze(word):
        if not (a.known and a.lemma != word and a.suffixes and a.score <= 1.0):
            continue
        if len(a.suffixes) == 1 and set(a.feats) & _DERIVING:
            continue  # the word is the derived noun itself (басқару, оқушы)
        return True
    return False


_DERIVING = {"VerbForm=Ger", "Mood=Pot"}  # verbal nouns (басқару), agent nouns (оқушы)

if __name__ == "__main__":
    main()
