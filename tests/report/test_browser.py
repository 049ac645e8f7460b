"""The report of the sample corpus opens in a real headless Chromium: nothing requested, every chart drawn.

Needs Debian's ``chromium`` (``apt-get install chromium``; ``.ci/run`` installs it);
skips with that advice when it is missing. The test copies the report, adds a small
script that waits for the page to load, checks the images, the network and the
sorting script, and writes what it found into the DOM, which Chromium dumps.
"""

import json
import os
import re
import shutil
import subprocess

import pytest
from conftest import CORPUS

from kzedutext.report import build_report

pytestmark = pytest.mark.slow

CHECK = """<script>
(function () {
  var found = {violations: [], errors: []};
  document.addEventListener("securitypolicyviolation", function (e) { found.violations.push(e.blockedURI); });
  window.addEventListener("error", function (e) { found.errors.push(String(e.message || e)); }, true);
  window.addEventListener("load", function () {
    var images = Array.prototype.slice.call(document.images);
    found.images = images.length;
    found.drawn = images.filter(function (i) { return i.complete && i.naturalWidth > 0 && i.naturalHeight > 0; }).length;
    found.shown = images.filter(function (i) { return i.getBoundingClientRect().width > 100; }).length;
    found.resources = performance.getEntriesByType("resource").map(function (r) { return r.name; });
    found.sections = document.querySelectorAll("section").length;
    var table = document.getElementById("documents-table");
    table.tHead.rows[0].cells[5].click();  // tokens, ascending
    found.sorted = Array.prototype.map.call(table.tBodies[0].rows, function (r) { return +r.cells[5].textContent; });
    var out = document.createElement("pre");
    out.id = "browser-check";
    out.textContent = JSON.stringify(found);
    document.body.appendChild(out);
  });
})();
</script>"""


def chromium() -> str:
    for name in (os.environ.get("KZEDUTEXT_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    pytest.skip("headless browser test: chromium not found; install it with `apt-get install chromium` "
                "(Debian/Ubuntu) or set KZEDUTEXT_CHROMIUM to a Chrome/Chromium binary")


def test_sample_corpus_report_opens_with_its_charts(tmp_path, nlp):
    browser = chromium()
    out = tmp_path / "report.html"
    summary = build_report([CORPUS / "texts"], out, nlp=nlp)
    page = out.read_text(encoding="utf-8")
    checked = tmp_path / "checked.html"
    checked.write_text(page.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + CHECK, 1), encoding="utf-8")
    run = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000",
         "--virtual-time-budget=10000", "--dump-dom", checked.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    match = re.search(r'<pre id="browser-check">(.*?)</pre>', run.stdout, re.S)
    assert match, f"the page did not finish loading in chromium: {run.stderr[-2000:]}"
    found = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert found["sections"] == 6
    assert found["images"] >= 5  # sizes, themes, competencies, co-occurrence, clusters map
    assert found["drawn"] == found["images"] == found["shown"]
    assert found["resources"] == [] and found["violations"] == [] and found["errors"] == []
    assert found["sorted"] == sorted(found["sorted"]) and len(found["sorted"]) == summary.n_documents
