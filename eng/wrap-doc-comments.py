#!/usr/bin/env python3
"""Re-wraps C# comments longer than 120 characters, or lists every line that is.

Usage:
  eng/wrap-doc-comments.py FILE...             re-wrap `///` and `//` comment runs in place
  eng/wrap-doc-comments.py --check [PATH...]   list lines over 120 characters in .cs, .csproj, .props, .sh and
                                               .yaml/.yml files (default: the files git tracks); exit 1 if any

Only a paragraph holding a line over the limit is re-wrapped, at word boundaries, with its indentation and its
`/// ` or `// ` prefix. A paragraph ends at an empty comment line, a line that is only a tag, or a block tag such as
<param> or <item>. A one-element paragraph (`<summary>text</summary>`) that does not fit becomes the block form the
codebase uses: the tags on their own lines around the text. Tags (<see cref="..."/>) are never split and <c>…</c>
spans only when one is longer than a line. <code> and <example> blocks, code, and comments after code are left alone:
those lines are reported for a hand wrap.
"""
import pathlib
import re
import subprocess
import sys

LIMIT = 120
CHECKED_SUFFIXES = (".cs", ".csproj", ".props", ".sh", ".yaml", ".yml")

COMMENT = re.compile(r"^(?P<indent>[ \t]*)(?P<slashes>///?)(?: (?P<text>.*))?$")
# Tags that start a new paragraph of doc text when a line begins with them.
BLOCK_TAG = re.compile(
    r"^</?(summary|remarks|returns|value|param|typeparam|exception|example|para|list|listheader|item|term|"
    r"description|seealso|inheritdoc|code|include|permission)\b")
BLOCK_END = re.compile(r"</(summary|remarks|returns|value|param|typeparam|exception|para|item|term|description)>$")
ONLY_TAG = re.compile(r"^<[^<>]+>$")
ONE_ELEMENT = re.compile(r"^(?P<open><(?P<name>[a-z]+)\b[^<>]*>)(?P<body>.*)(?P<close></(?P=name)>)$")
VERBATIM_OPEN = re.compile(r"<(code|example)\b[^/]*?>")
VERBATIM_CLOSE = re.compile(r"</(code|example)>")
# A word, where a tag with spaces inside (<see cref="A B"/>) or a <c>…</c> span counts as one word; a lone "<" (in a
# line comment, "a < b") is a word character.
WORD = re.compile(r"(?:<c>.*?</c>|<[^<>]*>|[^\s<]|<)+")


def words(text):
    """Splits doc text into words, keeping tags and <c> spans whole."""
    return WORD.findall(text)


def fill(tokens, width):
    """Greedy fill; a word longer than a line (a long <c> span) is split at its own spaces."""
    lines, line = [], ""
    for token in tokens:
        pieces = [token] if len(token) <= width else token.split(" ")
        for piece in pieces:
            if line and len(line) + 1 + len(piece) > width:
                lines.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
    if line:
        lines.append(line)
    return lines


def rewrap(paragraph, prefix):
    """Returns the lines of one paragraph (texts without prefix) wrapped to the limit with `prefix`."""
    width = LIMIT - len(prefix)
    text = " ".join(paragraph)
    element = ONE_ELEMENT.match(text)
    if element and len(prefix) + len(text) > LIMIT and len(prefix) + len(element["open"]) <= LIMIT:
        body = element["body"].strip()
        return [prefix + element["open"]] + [prefix + line for line in fill(words(body), width)] + \
            [prefix + element["close"]]
    return [prefix + line for line in fill(words(text), width)]


def starts_paragraph(text):
    return bool(BLOCK_TAG.match(text))


def ends_paragraph(text):
    return bool(BLOCK_END.search(text)) or (text.endswith("/>") and starts_paragraph(text))


def wrap_run(run, indent, slashes):
    """Re-wraps the paragraphs of one comment run (the texts after the prefix) that hold a line over the limit."""
    prefix = f"{indent}{slashes} "
    out, paragraph, verbatim = [], [], False

    def flush():
        if any(len(prefix) + len(line) > LIMIT for line in paragraph):
            out.extend(rewrap(paragraph, prefix))
        else:
            out.extend(prefix + line for line in paragraph)
        paragraph.clear()

    for text in run:
        if text is None:  # an empty comment line
            flush()
            out.append(f"{indent}{slashes}")
            continue
        if slashes == "///" and verbatim:
            out.append(prefix + text)
            verbatim = not VERBATIM_CLOSE.search(text)
            continue
        if slashes == "///" and VERBATIM_OPEN.search(text):
            flush()
            out.append(prefix + text)
            verbatim = not VERBATIM_CLOSE.search(text)
            continue
        if slashes == "///" and ONLY_TAG.match(text) and BLOCK_TAG.match(text):
            flush()
            out.append(prefix + text)
            continue
        if slashes == "///" and starts_paragraph(text):
            flush()
        paragraph.append(text)
        if slashes == "///" and ends_paragraph(text):
            flush()
    flush()
    return out


def wrap_file(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    out, i = [], 0
    while i < len(lines):
        match = COMMENT.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent, slashes = match["indent"], match["slashes"]
        run = []
        while i < len(lines):
            m = COMMENT.match(lines[i])
            if not m or m["indent"] != indent or m["slashes"] != slashes:
                break
            text = (m["text"] or "").rstrip()
            run.append(text or None)
            i += 1
        out.extend(wrap_run(run, indent, slashes))
    text = "\n".join(out)
    if text != path.read_text(encoding="utf-8"):
        path.write_text(text, encoding="utf-8")
        return True
    return False


def checked_files(paths):
    if not paths:
        paths = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    for name in paths:
        path = pathlib.Path(name)
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            if candidate.suffix in CHECKED_SUFFIXES and not {"bin", "obj"} & set(candidate.parts):
                yield candidate


def check(paths):
    long_lines = 0
    for path in checked_files(paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if len(line) > LIMIT:
                long_lines += 1
                print(f"{path}:{number}: {len(line)} characters")
    if long_lines:
        print(f"{long_lines} line(s) over {LIMIT} characters", file=sys.stderr)
    return 1 if long_lines else 0


def main(argv):
    if argv and argv[0] == "--check":
        return check(argv[1:])
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    for name in argv:
        if wrap_file(pathlib.Path(name)):
            print(f"wrapped {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
