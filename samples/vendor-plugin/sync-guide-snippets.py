#!/usr/bin/env python3
# Usage (from the repository root): python3 samples/vendor-plugin/sync-guide-snippets.py
"""Rewrites every checked block of docs/vendor-guide.md from its tagged region (same rule as GuideSnippetsTest)."""
import re, sys, pathlib
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
guide = root / 'docs/vendor-guide.md'
text = guide.read_text()
def region(src, tag):
    lines = src.split('\n')
    if src.endswith('\n'): lines = lines[:-1]
    start = end = -1
    for i, l in enumerate(lines):
        if f'tag::{tag}[]' in l and 'end::' not in l: start = i + 1
        elif f'end::{tag}[]' in l: end = i
    assert start > 0 and end >= start, tag
    r = lines[start:end]
    ind = min((len(l) - len(l.lstrip()) for l in r if l.strip()), default=0)
    return '\n'.join('' if not l.strip() else l[ind:] for l in r)
pat = re.compile(r'(<!-- snippet: ([^#\s]+)#([\w-]+) -->\s*\n```(\w*)\n)(.*?)(\n```)', re.S)
n = 0
def sub(m):
    global n; n += 1
    return m.group(1) + region((root / m.group(2)).read_text(), m.group(3)) + m.group(6)
guide.write_text(pat.sub(sub, text))
print(n, 'snippets')
