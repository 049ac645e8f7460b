"""The ``kk_themes`` pipeline component: ``doc.cats`` for every theme id.

``doc._.themes`` gives the :class:`~kzedutext.themes.scorer.ThemeResult` with the
explanations (which terms, where, how much). It is computed when read, with the
taxonomy of the ``kk_themes`` component that processed the doc (the bundled one, plus
its ``extra_taxonomies``), so it always explains ``doc.cats``. The component notes
which taxonomy it used in ``doc.user_data`` (the extra files' paths and a fingerprint
of the taxonomy), so docs stay serialisable (``nlp.pipe(n_process=2)``,
``DocBin(store_user_data=True)``). Run the component after ``kk_lemmatizer``: terms are
matched on ``token.lemma_``.

>>> import kzedutext as kz
>>> doc = kz.load()("Инклюзивті білім беру ерекше білім беру қажеттіліктері бар балаларға арналған.")
>>> doc.cats["inclusive_education"] > 0.5 > doc.cats["ict_digital"]
True
>>> [e.term for e in doc._.themes.explanations["inclusive_education"].terms]
['инклюзив*', 'ерекше білім бер қажеттілік']
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .scorer import ThemeResult, ThemeScorer
from .taxonomy import load_taxonomy

#: Key of ``doc.user_data`` naming the taxonomy of a doc scored with extra theme files:
#: ``{"extra": [absolute paths], "fingerprint": Taxonomy.fingerprint}``.
USER_DATA_KEY = "kzedutext.themes.taxonomy"

_SCORERS: dict[str, ThemeScorer] = {}  # taxonomy fingerprint -> scorer, in this process


def _scorer_of(doc: Doc) -> ThemeScorer:
    """The scorer of the component that processed ``doc`` (rebuilt from its files when the
    doc comes from another process or a ``DocBin``)."""
    info = doc.user_data.get(USER_DATA_KEY)
    if not info:
        return ThemeScorer.default()
    fingerprint, extra = info["fingerprint"], tuple(info["extra"])
    scorer = _SCORERS.get(fingerprint)
    if scorer is None:
        try:
            scorer = ThemeScorer(load_taxonomy(extra=extra))
        except OSError as err:
            raise ValueError(f"doc._.themes needs the theme files this doc was scored with, {list(extra)}, "
                             f"but one cannot be read ({err}); put the file back or run the pipeline again") from err
        if scorer.taxonomy.fingerprint != fingerprint:
            raise ValueError(f"the theme files {list(extra)} changed since this doc was scored, so doc._.themes "
                             "would not explain doc.cats; run the pipeline on the text again")
        _SCORERS[fingerprint] = scorer
    return scorer


def _themes_of(doc: Doc) -> ThemeResult:
    return _scorer_of(doc).score_tokens(doc)


if not Doc.has_extension("themes"):
    Doc.set_extension("themes", getter=_themes_of)


class ThemeComponent:
    """Fills ``doc.cats`` with the zero-training scorer (``extra_taxonomies``: user theme files)."""

    def __init__(self, nlp: Language, name: str = "kk_themes", *, extra_taxonomies: list[str] | tuple = ()) -> None:
        self.name = name
        if isinstance(extra_taxonomies, (str, Path)):
            extra_taxonomies = (extra_taxonomies,)
        self.extra = tuple(str(Path(p).resolve()) for p in extra_taxonomies)
        if self.extra:
            self.scorer = ThemeScorer(load_taxonomy(extra=self.extra))
            fingerprint = self.scorer.taxonomy.fingerprint
            _SCORERS.setdefault(fingerprint, self.scorer)
            self._note = {"extra": list(self.extra), "fingerprint": fingerprint}
        else:
            self.scorer = ThemeScorer.default()
            self._note = None

    def __call__(self, doc: Doc) -> Doc:
        doc.cats.update(self.scorer.score_cats(doc))
        if self._note:
            doc.user_data[USER_DATA_KEY] = dict(self._note)
        else:
            doc.user_data.pop(USER_DATA_KEY, None)
        return doc


@Language.factory("kk_themes", assigns=["doc.cats"], default_config={"extra_taxonomies": []})
def make_kk_themes(nlp: Language, name: str, extra_taxonomies: list[str]) -> ThemeComponent:
    """Build the ``kk_themes`` component; ``extra_taxonomies`` are paths of user theme files."""
    return ThemeComponent(nlp, name, extra_taxonomies=extra_taxonomies)
