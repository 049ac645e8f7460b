"""Run every benchmark harness in one go and print their tables.

python benchmarks/run_all.py
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARNESSES = [
    "bench_tokenize.py", "bench_lemmatize.py", "bench_langid.py", "bench_terms.py", "bench_themes.py",
    "bench_explore.py", "bench_batch.py", "bench_report.py",
]


def main() -> int:
    sys.path.insert(0, str(HERE))
    for name in HARNESSES:
        print(f"\n# {name}")
        try:
            runpy.run_path(str(HERE / name), run_name="__main__")
        except SystemExit as done:
            if done.code:
                return int(done.code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
