"""The words of a processed document as analysis terms: lemmas or forms, lower-cased.

Every analytics function counts what :func:`doc_terms` returns, so Kazakh word
forms (мектептің, мектепте, мектебі) count as one lemma (мектеп), and the spelling
variants of a lemma (құзіреттілік, құдыреттілік → құзыреттілік;
``kzedutext/text/data/spelling_variants.tsv``) count as one too.

>>> import kzedutext as kz
>>> doc = kz.load()("Мектептің оқушылары мектепте және үйде оқиды.")
>>> doc_terms(doc)
['мектеп', 'оқушы', 'мектеп', 'үй', 'оқы']
>>> doc_terms(doc, by="form", stop_words=True)
['мектептің', 'оқушылары', 'мектепте', 'және', 'үйде', 'оқиды']
>>> doc_terms(kz.load()("Құзіреттілік пен құдыреттілік"))
['құзыреттілік', 'құзыреттілік']
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, NORM, ORTH
from spacy.tokens import Doc, Token

from ..lang.kk.stop_words import STOP_WORDS
from ..text.normalize import normalize_word
from ..text.variants import fold_variants

#: What a term can be: the token's lemma or its (normalised) word form.
TERM_KINDS = ("lemma", "form")


def check_by(by: str) -> str:
    """``by`` itself, or a ValueError naming it."""
    if by not in TERM_KINDS:
        raise ValueError(f"by={by!r} is not a term kind; choose one of {TERM_KINDS}")
    return by


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def is_word(token: Token) -> bool:
    """True for a token with at least one letter (words, АКТ-ны, 5-сыныптан; not numbers, punctuation).

    The letter must survive normalisation and lemmatisation: a Word bullet «ü» (written
    in the Wingdings font) has the norm and lemma «•», and is not a word.

    >>> import kzedutext as kz
    >>> [t.text for t in kz.load()("ü оқушыны тыңдау;") if is_word(t)]
    ['оқушыны', 'тыңдау']
    """
    return (
        not (token.is_punct or token.is_space)
        and _has_letter(token.text)
        and _has_letter(token.norm_ or token.text)
        and _has_letter(token.lemma_ or token.norm_ or token.text)
    )


def term_of(token: Token, by: str = "lemma") -> str:
    """The token's lemma with its spelling variant folded (or its form, ``by="form"``),
    lower-cased and normalised."""
    if by == "lemma":
        return fold_variants((token.lemma_ or token.norm_).lower())
    return token.norm_.lower()


def query_terms(word: str, by: str = "lemma") -> frozenset[str]:
    """The terms a query word matches: for ``by="lemma"`` its lemma (``kz.lemmatize``) and the
    word itself as an internal lemma, both spelling-folded as the corpus's terms are; for
    ``by="form"`` its normalised form.

    >>> sorted(query_terms("беру")), sorted(query_terms("Құзіреттілігі")), sorted(query_terms("бер"))
    (['бер', 'беру'], ['құзыреттілігі', 'құзыреттілік'], ['бер'])
    """
    form = normalize_word(word).lower()
    if by == "form":
        return frozenset({form})
    from ..morph import lemmatize

    return frozenset({fold_variants(form), fold_variants(lemmatize(form).lower())})


def is_stop_term(token: Token, term: str) -> bool:
    """A function word, by its form or by its lemma."""
    return token.is_stop or term in STOP_WORDS or token.norm_.lower() in STOP_WORDS


def iter_terms(doc: Doc, *, by: str = "lemma", stop_words: bool = False) -> Iterator[tuple[Token, str]]:
    """(token, term) for each word of ``doc``; stop words left out unless ``stop_words=True``."""
    for token in doc:
        if not is_word(token):
            continue
        term = term_of(token, by)
        if stop_words or not is_stop_term(token, term):
            yield token, term


def doc_terms(doc: Doc, *, by: str = "lemma", stop_words: bool = False) -> list[str]:
    """The document's words as terms, in order (see the module docstring).

    The same as the terms of :func:`iter_terms`, read from the Doc's arrays with one
    look-up per distinct (form, norm, lemma) instead of one Token object per token.
    """
    check_by(by)
    if not hasattr(doc, "to_array"):  # a Span or a list of tokens
        return [term for _, term in iter_terms(doc, by=by, stop_words=stop_words)]
    arr = doc.to_array([ORTH, NORM, LEMMA, IS_STOP, IS_PUNCT, IS_SPACE])
    if not len(arr):
        return []
    cache = _TERMS.setdefault((by, stop_words), {})
    if len(cache) > 500_000:
        cache.clear()
    strings = doc.vocab.strings

    def known(key) -> str:
        orth, norm, lemma, is_stop, is_punct, is_space = key
        text, norm_, lemma_ = strings[orth], strings[norm] if norm else "", strings[lemma] if lemma else ""
        term = ""  # "": not a term (not a word, or a stop word left out)
        if not (is_punct or is_space) and _has_letter(text) and _has_letter(norm_ or text) and (
                _has_letter(lemma_ or norm_ or text)):
            term = fold_variants((lemma_ or norm_).lower()) if by == "lemma" else norm_.lower()
            if not stop_words and (is_stop or term in STOP_WORDS or norm_.lower() in STOP_WORDS):
                term = ""
        cache[key] = term
        return term

    get = cache.get
    keys = list(zip(*(arr[:, c].tolist() for c in range(6)), strict=True))
    terms = [get(key) for key in keys]
    if None in terms:
        terms = [known(key) if term is None else term for term, key in zip(terms, keys, strict=True)]
    return [term for term in terms if term]


#: (by, stop_words) -> (orth, norm, lemma, is_stop, is_punct, is_space) hashes -> term ("" = none)
_TERMS: dict[tuple[str, bool], dict[tuple, str]] = {}
