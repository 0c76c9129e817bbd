"""Two-file mode on the ten WMT21 systems' translations of the 107 dev articles
(../shared/data/wmt21-ru-en/segments.jsonl, the `systems` field).

For each system, writes every article as NAME.ru.txt (the source) beside NAME.en.txt (the system's
translation) in one folder, laid out as two_file_eval.py lays them out, runs `mtlint check FOLDER`
once (the folder's pairs are checked as two files), and prints the share of articles that fail the
gate, with the default rules and with --preview. With `sample N`, prints N major findings drawn at
random (seeded) from all systems, each with the aligned source sentence, for judging by hand.

    python3 Sources/mtlint-bench/two_file_systems.py .build/release/mtlint [sample N]
"""
import json, subprocess, sys, os, random, collections, tempfile
sys.dont_write_bytecode = True  # no __pycache__ in the Swift target's folder
from wmt21 import documents, line_starts, write_article
M = sys.argv[1]; sample = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "sample" else 0
docs = documents()
systems = sorted(next(iter(docs.values()))[0]["systems"].keys())
out = tempfile.mkdtemp(prefix="mtlint-systems-")
def write(path, texts, starts=None):
    write_article(path, list(enumerate(texts)), starts)
majors = []
print(f"{'system':<14} {'fail (default)':>15} {'fail (--preview)':>17} {'major findings':>15}")
for system in systems:
    folder = os.path.join(out, system); os.makedirs(folder)
    for doc, segs in docs.items():
        write(f"{folder}/{doc}.ru.txt", [s["source"] for s in segs])
        write(f"{folder}/{doc}.en.txt", [s["systems"][system] for s in segs], line_starts(list(enumerate(s["source"] for s in segs))))
    failed = {}
    for mode in ("default", "preview"):
        c = subprocess.run([M, "check", folder, "--format", "json"] + (["--preview"] if mode == "preview" else []),
                           capture_output=True, text=True)
        if c.returncode == 2: print("error", system, c.stderr.strip()[:300])
        report = json.loads(c.stdout)
        failed[mode] = sum(1 for d in report["documents"] if not d["passed"])
        if mode == "preview":
            found = [(system, d["path"], f) for d in report["documents"] for f in d["findings"] if f["severity"] in ("major", "critical")]
            majors += found
    print(f"{system:<14} {failed['default']:>4}/{len(docs)} {100*failed['default']/len(docs):5.1f}%  {failed['preview']:>5}/{len(docs)} {100*failed['preview']/len(docs):5.1f}%  {len([m for m in majors if m[0] == system]):>14}")
by_rule = collections.Counter(f["rule"] for _, _, f in majors)
print("major findings with --preview, by rule:", dict(sorted(by_rule.items())))
if sample:
    for n, (system, path, f) in enumerate(random.Random(5).sample(majors, min(sample, len(majors))), 1):
        target = f["target"]; source = f.get("source") or {}
        print(f"\n#{n} {system} {os.path.basename(path)}:{target['line']}:{target['column']} {f['rule']} {f['severity']}")
        print("   message:", f["message"])
        print("   target: ", target.get("text", "")[:300])
        if source: print("   source: ", source.get("text", "")[:300])
