"""The WMT21 ru→en dev articles (../shared/data/wmt21-ru-en/segments.jsonl) for the measurement scripts
beside this file: the articles in order, and an article written as a file."""
import collections, json, os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "wmt21-ru-en", "segments.jsonl")


def documents():
    """Each article's segments, in article order, by document id."""
    docs = collections.OrderedDict()
    for line in open(DATA, encoding="utf-8"):
        record = json.loads(line)
        docs.setdefault(record["doc"], []).append(record)
    return docs


def line_starts(segments):
    """The indices of the (index, text) segments that start a line of the article: the title (first
    segment) on a line of its own, then paragraphs of three segments, a segment without a final stop (a
    heading) ending its line as in a real article."""
    starts = set()
    for k, (index, segment) in enumerate(segments):
        previous = segments[k - 1][1].rstrip() if k > 0 else ""
        heading = previous and previous[-1] not in '.!?…"»”)'
        if k > 0 and (k == 1 or (k - 1) % 3 == 0 or heading): starts.add(index)
    return starts


def write_article(path, segments, starts=None):
    """Writes (index, text) segments as an article laid out by `line_starts`: of these segments, or, for
    a translation, of its source's (`starts`), since a translation keeps its source's paragraphs. A
    segment left out moves its line break to the next. Returns the text and each segment's (start, end,
    index) in it."""
    starts = line_starts(segments) if starts is None else starts
    text = ""; spans = []
    for k, (index, segment) in enumerate(segments):
        if k > 0:
            breaks = any(i in starts for i in range(segments[k - 1][0] + 1, index + 1))
            text += "\n" if breaks else " "
        spans.append((len(text), len(text) + len(segment), index)); text += segment
    open(path, "w", encoding="utf-8").write(text + "\n")
    return text, spans
