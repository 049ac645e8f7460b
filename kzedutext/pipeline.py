"""Build the default kzedutext pipeline.

>>> import kzedutext
>>> nlp = kzedutext.load()
>>> nlp.lang, nlp.pipe_names
('kk', ['kk_sentencizer', 'kk_lemmatizer', 'kk_terms', 'kk_themes'])
"""

from __future__ import annotations

from spacy.language import Language

from .lang.kk import Kazakh
from .morph import component as _morph_component  # noqa: F401  (registers kk_lemmatizer)
from .terms import component as _terms_component  # noqa: F401  (registers kk_terms)
from .themes import component as _themes_component  # noqa: F401  (registers kk_themes)

#: Components of the default pipeline, in order.
DEFAULT_PIPELINE: tuple[str, ...] = ("kk_sentencizer", "kk_lemmatizer", "kk_terms", "kk_themes")


def load(*, disable: tuple[str, ...] = ()) -> Language:
    """The full default Kazakh pipeline, built offline from the package.

    Args:
        disable: names of default components to leave out.

    Raises:
        ValueError: when ``disable`` names a component that is not in the pipeline.
    """
    unknown = set(disable) - set(DEFAULT_PIPELINE)
    if unknown:
        raise ValueError(
            f"Unknown component(s) {sorted(unknown)} in disable=; the default pipeline "
            f"has {list(DEFAULT_PIPELINE)}."
        )
    nlp = Kazakh()
    for name in DEFAULT_PIPELINE:
        if name not in disable:
            nlp.add_pipe(name)
    return nlp
