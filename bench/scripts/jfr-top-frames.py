#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output for the threads whose name matches a
regex: share of samples per top frame (self) and per frame anywhere on the stack (inclusive).

    jfr print --events jdk.ExecutionSample run.jfr > samples.txt
    python3 bench/scripts/jfr-top-frames.py samples.txt 'amira-ami-reader' [self rows] [inclusive rows]
"""
import collections
import re
import sys

text = open(sys.argv[1]).read()
threads = re.compile(sys.argv[2])
self_rows = int(sys.argv[3]) if len(sys.argv) > 3 else 15
inclusive_rows = int(sys.argv[4]) if len(sys.argv) > 4 else 20
top, inclusive, per_thread = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in text.split('jdk.ExecutionSample')[1:]:
    match = re.search(r'sampledThread = "([^"]+)"', event)
    thread = match.group(1) if match else '?'
    per_thread[re.sub(r'\d+', 'N', thread)] += 1
    if not threads.search(thread):
        continue
    frames = re.findall(r'^\s+([\w$.<>]+\(.*?\))\s+line:', event, re.M)
    if not frames:
        continue
    samples += 1
    top[frames[0]] += 1
    for frame in set(frames):
        inclusive[frame] += 1
print('samples per thread:', per_thread.most_common(8))
print('samples of matching threads:', samples)
for frame, count in top.most_common(self_rows):
    print('%5.1f%% self %s' % (100 * count / samples, frame))
for frame, count in inclusive.most_common(inclusive_rows):
    print('%5.1f%% incl %s' % (100 * count / samples, frame))
