"""Two-file mode on the WMT21 dev articles (../shared/data/wmt21-ru-en/segments.jsonl).

Writes each of the 107 articles as two files (the title on its own line, then paragraphs of three
segments; a segment without a final stop ends its line, as a heading does; the translation keeps the
source's paragraphs), runs `mtlint align --source` and `mtlint check --source`, and prints how many beads agree with the segment ids, how many articles
pass the gate, and how many omissions are reported. With `drop`, one random segment (seeded) is removed
from each translation first, and the omissions reported at the removed segment are counted.

    python3 Sources/mtlint-bench/two_file_eval.py .build/release/mtlint [A|B|SYSTEM] [drop]
"""
import subprocess, sys, os, random, tempfile
sys.dont_write_bytecode = True  # no __pycache__ in the Swift target's folder
from wmt21 import documents, line_starts, write_article as write
M = sys.argv[1]; side = sys.argv[2] if len(sys.argv) > 2 else "A"; drop = len(sys.argv) > 3 and sys.argv[3] == "drop"
docs = documents()
out = tempfile.mkdtemp(prefix="mtlint-two-files-")
def offset(text, lc):
    line, col = map(int, lc.split(":")); starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + col - 1
def missed_found(tsv, stext, sspans):
    found = set()
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if cells[0] != "none" and cells[1] == "none":
            a, b = cells[0].split("-"); found |= {idx for (s, e, idx) in sspans if s < offset(stext, b) and e > offset(stext, a)}
    return found
rng = random.Random(7)
total = good = 0; passed = 0; ndocs = 0; omission_found = 0; omission_any = 0; dropped_info = []
for doc, segs in docs.items():
    ndocs += 1
    src_segs = [(i, s["source"]) for i, s in enumerate(segs)]
    tgt_all = [(i, (s["references"][side] if side in ("A", "B") else s["systems"][side])) for i, s in enumerate(segs)]
    dropped = None
    if drop:
        dropped = rng.randrange(len(tgt_all)); tgt_all = [x for x in tgt_all if x[0] != dropped]
    stext, sspans = write(f"{out}/{doc}.ru.txt", src_segs)
    ttext, tspans = write(f"{out}/{doc}.en.txt", tgt_all, line_starts(src_segs))
    r = subprocess.run([M, "align", "--source", f"{out}/{doc}.ru.txt", f"{out}/{doc}.en.txt", "--format", "tsv"], capture_output=True, text=True)
    if r.returncode != 0: print("align failed", doc, r.stderr.strip()[:200]); continue
    def segs_of(text, spans, a, b):
        return {idx for (s, e, idx) in spans if s < b and e > a}
    for row in r.stdout.splitlines()[1:]:
        cells = row.split("\t"); sp, tp = cells[0], cells[1]
        ss = set(); ts = set()
        if sp != "none":
            a, b = sp.split("-"); ss = segs_of(stext, sspans, offset(stext, a), offset(stext, b))
        if tp != "none":
            a, b = tp.split("-"); ts = segs_of(ttext, tspans, offset(ttext, a), offset(ttext, b))
        if sp != "none":
            total += 1
            ok = (ts == ss) or (dropped is not None and ss == {dropped} and not ts)
            good += ok
        if sp != "none" and tp == "none":
            omission_any += 1
            if dropped in ss: omission_found += 1
    if dropped is not None and os.environ.get("VERBOSE") and dropped not in missed_found(r.stdout, stext, sspans):
        print(f"missed: {doc} segment {dropped}: {segs[dropped]['source'][:100]}")
        for row in r.stdout.splitlines()[1:]:
            cells = row.split("\t")
            if cells[0] != "none":
                a, b = cells[0].split("-")
                if not {dropped - 1, dropped, dropped + 1} & segs_of(stext, sspans, offset(stext, a), offset(stext, b)): continue
            print("   ", "\t".join(cells[:4]), "|", cells[4][:70] if len(cells) > 4 else "", "|", cells[5][:70] if len(cells) > 5 else "")
    if os.environ.get("NOCHECK"): continue
    c = subprocess.run([M, "check", "--source", f"{out}/{doc}.ru.txt", f"{out}/{doc}.en.txt", "--format", "json"], capture_output=True, text=True)
    if c.returncode == 0: passed += 1
print(f"beads with a source side: {total}, agreeing with segment ids: {good} ({100*good/max(1,total):.1f}%)")
print(f"articles passing the gate: {passed}/{ndocs}")
print(f"omissions reported: {omission_any}, at the dropped segment: {omission_found}")
