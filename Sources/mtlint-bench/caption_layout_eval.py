"""Caption alignment on the WMT21 dev articles (../shared/data/wmt21-ru-en/segments.jsonl), in the
layouts publishers use for photo captions.

Each of the 107 articles is written as one English file (title, then paragraphs of three segments of
a translation); some of its short segments (4 to 25 words) leave the body and become photo captions:
the Russian source kept, its translation beside it in one of the layouts below, and a credit. Each
caption's true counterpart is known, so `mtlint align --format tsv` is scored: captions paired with
the right line, with a wrong one, left unpaired, and (for the untranslated layout) paired at all.

    after      RU / EN / Photo: …                (the seed's)
    before     EN / RU / Photo: …
    ru-credit  RU / Фото: … / EN
    gallery    RU1 / RU2 / EN1 / EN2 / Photo: …  (blank lines between)
    joined     RU1 / Фото: … / RU2 / Фото: … / EN1 / EN2 (translations on consecutive lines)
    none       RU / Photo: …                     (no translation: must stay unpaired)

    python3 Sources/mtlint-bench/caption_layout_eval.py .build/release/mtlint [A|B|SYSTEM]
"""
import subprocess, sys, os, random, collections, tempfile
sys.dont_write_bytecode = True  # no __pycache__ in the Swift target's folder
from wmt21 import documents
M = sys.argv[1]; side = sys.argv[2] if len(sys.argv) > 2 else "A"
docs = documents()
out = tempfile.mkdtemp(prefix="mtlint-captions-")
LAYOUTS = ["after", "before", "ru-credit", "gallery", "joined", "none"]
rng = random.Random(11)
counts = {k: collections.Counter() for k in LAYOUTS}
for doc, segs in docs.items():
    pairs = [(s["source"], s["references"][side] if side in ("A", "B") else s["systems"][side]) for s in segs]
    short = [i for i, (s, t) in enumerate(pairs) if 4 <= len(s.split()) <= 25 and i > 0]
    rng.shuffle(short)
    captions = sorted(short[: max(2, len(short) // 4)])
    lines = [pairs[0][1], ""]; expected = []  # (source line, target line or None, layout)
    body = [t for i, (s, t) in enumerate(pairs) if i > 0 and i not in captions]
    queue = list(captions)
    def add(text):
        lines.append(text); return len(lines)
    for k in range(0, len(body), 3):
        add(" ".join(body[k:k + 3])); lines.append("")
        if not queue: continue
        layout = rng.choice(LAYOUTS)
        if layout in ("gallery", "joined") and len(queue) < 2: layout = "after"
        if layout == "after":
            i = queue.pop(0); s = add(pairs[i][0]); t = add(pairs[i][1]); add("Photo: Ivan Petrov")
        elif layout == "before":
            i = queue.pop(0); t = add(pairs[i][1]); s = add(pairs[i][0]); add("Photo: Ivan Petrov")
        elif layout == "ru-credit":
            i = queue.pop(0); s = add(pairs[i][0]); add("Фото: Иван Петров"); t = add(pairs[i][1])
        elif layout == "none":
            i = queue.pop(0); s = add(pairs[i][0]); add("Photo: Ivan Petrov"); t = None
        elif layout == "gallery":
            i, j = queue.pop(0), queue.pop(0)
            s1 = add(pairs[i][0]); lines.append(""); s2 = add(pairs[j][0]); lines.append("")
            t1 = add(pairs[i][1]); lines.append(""); t2 = add(pairs[j][1]); add("Photo: Ivan Petrov")
            expected.append((s1, t1, layout)); s, t = s2, t2
        else:  # joined
            i, j = queue.pop(0), queue.pop(0)
            s1 = add(pairs[i][0]); add("Фото: Иван Петров"); s2 = add(pairs[j][0]); add("Фото: Мария Смирнова")
            t1 = add(pairs[i][1]); t2 = add(pairs[j][1])
            expected.append((s1, t1, layout)); s, t = s2, t2
        expected.append((s, t, layout)); lines.append("")
    path = f"{out}/{doc}.txt"
    open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    r = subprocess.run([M, "align", "--format", "tsv", path], capture_output=True, text=True)
    if r.returncode != 0: print("align failed", doc, r.stderr.strip()[:200]); continue
    found = {}
    for row in r.stdout.splitlines()[1:]:
        cells = row.split("\t"); found[int(cells[0])] = None if cells[1] in ("", "none", "-") else int(cells[1])
    for s, t, layout in expected:
        got = found.get(s, "missing")
        c = counts[layout]; c["captions"] += 1
        if got == "missing": c["not a caption"] += 1
        elif got == t: c["right"] += 1
        elif got is None: c["unpaired"] += 1
        else: c["wrong line"] += 1
        if got != t and os.environ.get("VERBOSE"):
            print(f"{layout}: {path}:{s} expected {t}, got {got}\n  {lines[s - 1]}\n  " + (lines[t - 1] if t else "-")
                  + "\n  got: " + (lines[got - 1] if isinstance(got, int) else "-"))
print(f"translation {side}, {len(docs)} articles, files in {out}")
print(f"{'layout':<10} {'captions':>8} {'right':>6} {'wrong line':>10} {'unpaired':>8} {'not a caption':>13}")
total = collections.Counter()
for layout in LAYOUTS:
    c = counts[layout]; total.update(c)
    print(f"{layout:<10} {c['captions']:>8} {c['right']:>6} {c['wrong line']:>10} {c['unpaired']:>8} {c['not a caption']:>13}")
print(f"{'all':<10} {total['captions']:>8} {total['right']:>6} {total['wrong line']:>10} {total['unpaired']:>8} {total['not a caption']:>13}")
