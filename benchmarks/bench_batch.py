"""Batch tagging at scale: the whole `kzedutext tag` command on generated collections.

python benchmarks/bench_batch.py [--docs 1000] [--tokens 2500]

Generates N documents of about T tokens each from the sample corpus's paragraphs
(shuffled with a fixed seed; 90% .txt, 5% .html, 5% .docx, plus a few bad files),
then runs the command as a user would, timing the whole process (start-up
included) and sampling the memory of the process and all its workers together.
Configurations: the sample corpus and the generated collection with 1 and 2 local
workers, and (if Dask is installed) a 2-worker Dask LocalCluster. Target: at least
50,000 tokens/s with 2 workers, peak memory under 1 GB.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _shared import REPO, print_table

TARGET_TOKENS_PER_S = 50_000
TARGET_PEAK_MB = 1024


def _paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((REPO / "corpus" / "texts").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
    return paragraphs


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def generate(folder: Path, *, n_docs: int, tokens: int, seed: int = 0) -> Path:
    """``n_docs`` documents of about ``tokens`` tokens (1.15 tokens per word in this register)."""
    rng = random.Random(seed)
    pool = _paragraphs()
    words_wanted = int(tokens / 1.15)
    for i in range(n_docs):
        chosen, words = [], 0
        while words < words_wanted:
            paragraph = rng.choice(pool)
            chosen.append(paragraph)
            words += len(paragraph.split())
        title = f"Педагогикалық зерттеу №{i}: {chosen[0].split('.')[0][:80]}"
        kind = "docx" if i % 20 == 7 else "html" if i % 20 == 13 else "txt"
        sub = folder / f"batch{i // 250:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        if kind == "txt":
            (sub / f"doc{i:05d}.txt").write_text("\n\n".join([title, *chosen]), encoding="utf-8")
        elif kind == "html":
            body = "".join(f"<p>{p}</p>" for p in chosen)
            html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
            (sub / f"doc{i:05d}.html").write_text(html, encoding="utf-8")
        else:
            (sub / f"doc{i:05d}.docx").write_bytes(_docx([title, *chosen]))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a document")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "slides.pptx").write_bytes(b"unsupported")
    return folder


def _tree_rss_mb(pid: int) -> float:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def run_tag(inputs: Path, out: Path, *args: str) -> dict:
    """Run `kzedutext tag` in a fresh process; wall time, peak memory of its process tree, records."""
    command = [sys.executable, "-m", "kzedutext.cli", "tag", str(inputs), "--out", str(out), "--quiet",
               "--overwrite", *args]
    peak = 0.0
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_mb(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"kzedutext tag failed:\n{err.decode()[-2000:]}")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {
        "seconds": seconds,
        "docs": len(records),
        "ok": sum(r["status"] == "ok" for r in records),
        "tokens": sum(r["n_tokens"] for r in records),
        "peak_mb": peak,
        "records": records,
    }


def _has_dask() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("SKIP: Dask engine (pip install 'kzedutext[scale]')")
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--tokens", type=int, default=2500)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        generated = generate(tmp / "collection", n_docs=options.docs, tokens=options.tokens)
        print(f"generated {options.docs} documents of ~{options.tokens} tokens in {time.perf_counter() - t0:.1f} s")
        runs = [
            ("sample corpus", REPO / "corpus" / "texts", "local", 1),
            ("sample corpus", REPO / "corpus" / "texts", "local", 2),
            (f"{options.docs} generated", generated, "local", 1),
            (f"{options.docs} generated", generated, "local", 2),
        ]
        if _has_dask():
            runs.append((f"{options.docs} generated", generated, "dask", 2))
        rows, results = [], {}
        for name, inputs, engine, workers in runs:
            out = tmp / f"out-{len(results)}.jsonl"
            result = run_tag(inputs, out, "--workers", str(workers), "--engine", engine)
            results[(name, engine, workers)] = result
            one = results.get((name, "local", 1))
            speedup = f"{one['seconds'] / result['seconds']:.2f}x" if one and (engine, workers) != ("local", 1) else ""
            rows.append([
                name, engine, workers, f"{result['docs']} ({result['ok']} ok)", f"{result['tokens']:,}",
                f"{result['seconds']:.1f}", f"{result['docs'] / result['seconds']:.1f}",
                f"{result['tokens'] / result['seconds']:,.0f}", f"{result['peak_mb']:,.0f}", speedup,
            ])
        print_table(
            "kzedutext tag, whole command (start-up included), memory of all its processes",
            ["collection", "engine", "workers", "documents", "tokens", "seconds", "docs/s", "tokens/s",
             "peak MB", "speed-up vs 1 worker"],
            rows,
        )
        two = results[(f"{options.docs} generated", "local", 2)]
        rate = two["tokens"] / two["seconds"]
        peak = max(r["peak_mb"] for r in results.values())
        print(f"\n2 workers: {rate:,.0f} tokens/s = {rate / TARGET_TOKENS_PER_S:.2f}x the {TARGET_TOKENS_PER_S:,} target; "
              f"peak memory {peak:,.0f} MB = {peak / TARGET_PEAK_MB:.2f}x the {TARGET_PEAK_MB} MB limit")
        local = [{k: v for k, v in r.items()} for r in two["records"]]
        dask = results.get((f"{options.docs} generated", "dask", 2))
        if dask is not None:
            print(f"Dask records equal the local engine's: {dask['records'] == local}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
