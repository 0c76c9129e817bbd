"""Check a JSONL corpus with mtlint on Spark, one mtlint process per partition.

Each input line is a `mtlint check --stdin-jsonl` record: {"id": ..., "source": ..., "target": ...}
(a segment pair) or {"id": ..., "text": ...} (an article). Spark splits the file into partitions and
pipes each through `mtlint check --stdin-jsonl --no-fail` (RDD.pipe); mtlint answers every input line
with exactly one output line carrying the same id, in input order.

The job then checks that promise: every input id comes back exactly once, no output line is an
error object and no id appears that was not sent. It prints a summary and exits 1 if any check fails.

    python mtlint_spark.py CORPUS.jsonl --mtlint /path/to/mtlint [--master local[2]] [--output DIR]
"""
import argparse
import json
import sys
from collections import Counter

from pyspark.sql import SparkSession


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="JSONL file of mtlint --stdin-jsonl records")
    parser.add_argument("--mtlint", required=True, help="path of the mtlint executable (on every worker)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2], two cores)")
    parser.add_argument("--partitions", type=int, default=4, help="minimum number of partitions (default: 4)")
    parser.add_argument("--output", help="directory to save the result lines in (Spark text output)")
    args = parser.parse_args()

    spark = (SparkSession.builder.master(args.master).appName("mtlint")
             .config("spark.ui.showConsoleProgress", "false").config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        lines = spark.sparkContext.textFile(args.corpus, minPartitions=args.partitions)
        # checkCode: a partition whose mtlint exits non-zero (status 2: unreadable input) fails the job.
        results = lines.pipe(f"{args.mtlint} check --stdin-jsonl --no-fail", checkCode=True).cache()
        if args.output:
            results.saveAsTextFile(args.output)
        sent = Counter(lines.map(lambda line: json.loads(line)["id"]).collect())
        answers = results.map(json.loads).collect()
        partitions = lines.getNumPartitions()
    finally:
        spark.stop()

    received = Counter(answer.get("id") for answer in answers)
    errors = [answer for answer in answers if "error" in answer]
    missing = sorted(set(sent) - set(received), key=str)
    unexpected = sorted(set(received) - set(sent), key=str)
    repeated = sorted((i for i, n in received.items() if n != sent.get(i, 0) and i in sent), key=str)
    checked = [answer for answer in answers if "error" not in answer]
    findings = Counter(finding["rule"] for answer in checked for finding in answer["findings"])

    print(f"{sum(sent.values())} records in {partitions} partitions on {args.master}; "
          f"{len(answers)} result lines; {sum(1 for a in checked if a['passed'])} passed, "
          f"{sum(1 for a in checked if not a['passed'])} failed")
    for rule, count in findings.most_common():
        print(f"  {count:5d} {rule}")
    problems = []
    if len(sent) != sum(sent.values()):
        problems.append(f"{sum(sent.values()) - len(sent)} duplicate ids in the input (ids must be unique to check)")
    if missing:
        problems.append(f"{len(missing)} ids never came back: {missing[:5]}")
    if unexpected:
        problems.append(f"{len(unexpected)} ids came back that were not sent: {unexpected[:5]}")
    if repeated:
        problems.append(f"{len(repeated)} ids came back more than once: {repeated[:5]}")
    if errors:
        problems.append(f"{len(errors)} error lines, first: {errors[0]}")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if not problems:
        print("every input id came back exactly once")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
