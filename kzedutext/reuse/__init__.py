"""Text reuse between documents: shared passages, containment both ways.

>>> from kzedutext.reuse import find_reuse
>>> find_reuse(["Бір мәтін.", "Басқа мәтін."])
[]
"""

from .detect import Passage, ReusePair, candidate_pairs, find_reuse

__all__ = ["Passage", "ReusePair", "candidate_pairs", "find_reuse"]
