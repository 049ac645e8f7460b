"""A self-contained HTML report about a document collection (``kzedutext report``).

>>> from kzedutext.report import build_report, ReportSummary
>>> ReportSummary.__dataclass_params__.frozen
True
"""

from .build import ReportSummary, build_report

__all__ = ["ReportSummary", "build_report"]
