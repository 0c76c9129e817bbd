#!/usr/bin/env python3
"""Pairwise accuracy of translate-toolkit's pofilter on challenge pairs, for comparison with
`mtlint eval --pairs` on the same file.

Usage: pofilter_pairs.py PAIRS.jsonl [--pofilter PATH]

Each pair {"id","source","good","bad", optional "label"/"perturbation", optional "applied"} becomes a
unit of two PO files (msgid = source, msgstr = good, or bad). pofilter runs its default tests on
both; a pair counts as "better" when the bad side fails strictly more tests than the good side,
the measure `mtlint eval` uses with penalties. Prints accuracy per label, over all applied pairs,
and the share of good sides pofilter flags. Needs pofilter on PATH (pip install translate-toolkit).
"""
import argparse, collections, json, os, subprocess, tempfile


def po_escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def write_po(path, pairs, side):
    with open(path, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n')
        for p in pairs:
            f.write('msgctxt "%s"\nmsgid "%s"\nmsgstr "%s"\n\n' % (po_escape(p["id"]), po_escape(p["source"]), po_escape(p[side])))


def failures(pofilter, path):
    """Failed tests per unit id, from the comments pofilter writes on the units it keeps."""
    out = path + ".out"
    subprocess.run([pofilter, "--progress=none", "-i", path, "-o", out], check=True)
    counts = collections.Counter()
    unit_tests = []
    with open(out, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# (pofilter)"):
                unit_tests.append(line)
            elif line.startswith("msgctxt"):
                ident = json.loads(line[len("msgctxt "):].strip())
                counts[ident] += len(unit_tests)
                unit_tests = []
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs")
    parser.add_argument("--pofilter", default="pofilter")
    args = parser.parse_args()
    pairs = []
    with open(args.pairs, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            p = json.loads(line)
            if p.get("applied", True) is False:
                continue
            p["label"] = p.get("label") or p.get("perturbation") or "unlabelled"
            pairs.append(p)
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for side in ("good", "bad"):
            path = os.path.join(tmp, side + ".po")
            write_po(path, pairs, side)
            counts[side] = failures(args.pofilter, path)
    good, bad = counts["good"], counts["bad"]
    by_label = collections.defaultdict(lambda: [0, 0])
    for p in pairs:
        by_label[p["label"]][0] += 1
        by_label[p["label"]][1] += bad[p["id"]] > good[p["id"]]
    print("pofilter pairwise accuracy on %s (%d applied pairs)" % (args.pairs, len(pairs)))
    print("%-36s%-10s%s" % ("label", "pairs", "accuracy"))
    for label in sorted(by_label):
        n, better = by_label[label]
        print("%-36s%-10d%.2f" % (label, n, better / n))
    better = sum(v[1] for v in by_label.values())
    print("%-36s%-10d%.2f" % ("all applied", len(pairs), better / len(pairs)))
    flagged = sum(1 for p in pairs if good[p["id"]] > 0)
    print("good sides with a pofilter failure: %.1f%%" % (100 * flagged / len(pairs)))


if __name__ == "__main__":
    main()
