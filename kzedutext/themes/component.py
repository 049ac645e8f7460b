"""The ``kk_themes`` pipeline component: ``doc.cats`` for every theme id.

``doc._.themes`` gives the :class:`~kzedutext.themes.scorer.ThemeResult` with the
explanations (which terms, where, how much). It is computed when read, with the
bundled taxonomy, so docs stay serialisable (``nlp.pipe(n_process=2)``, ``DocBin``).
Run the component after ``kk_lemmatizer``: terms are matched on ``token.lemma_``.

>>> import kzedutext as kz
>>> doc = kz.load()("Инклюзивті білім беру ерекше білім беру қажеттіліктері бар балаларға арналған.")
>>> doc.cats["inclusive_education"] > 0.5 > doc.cats["ict_digital"]
True
>>> [e.term for e in doc._.themes.explanations["inclusive_education"].terms]
['инклюзив*', 'ерекше білім бер қажеттілік']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .scorer import ThemeScorer
from .taxonomy import load_taxonomy


def _themes_of(doc: Doc):
    return ThemeScorer.default().score_tokens(doc)


if not Doc.has_extension("themes"):
    Doc.set_extension("themes", getter=_themes_of)


class ThemeComponent:
    """Fills ``doc.cats`` with the zero-training scorer (``extra_taxonomies``: user theme files)."""

    def __init__(self, nlp: Language, name: str = "kk_themes", *, extra_taxonomies: list[str] | tuple = ()) -> None:
        self.name = name
        self.scorer = ThemeScorer(load_taxonomy(extra=extra_taxonomies)) if extra_taxonomies else ThemeScorer.default()

    def __call__(self, doc: Doc) -> Doc:
        doc.cats.update(self.scorer.score_cats(doc))
        return doc


@Language.factory("kk_themes", assigns=["doc.cats"], default_config={"extra_taxonomies": []})
def make_kk_themes(nlp: Language, name: str, extra_taxonomies: list[str]) -> ThemeComponent:
    """Build the ``kk_themes`` component; ``extra_taxonomies`` are paths of user theme files."""
    return ThemeComponent(nlp, name, extra_taxonomies=tuple(extra_taxonomies))
