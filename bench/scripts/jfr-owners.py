#!/usr/bin/env python3
"""Shares of `jfr print --stack-depth 64 --events jdk.ExecutionSample` samples by owner: each sample
of the threads whose name matches a regex is counted for its innermost frame outside the JDK, grouped
as Amira's reading/decoding, filter, dispatcher, the bench bean, idle pool threads, or the container.

    jfr print --stack-depth 64 --events jdk.ExecutionSample mdb.jfr > samples.txt
    python3 bench/scripts/jfr-owners.py samples.txt 'default-threads'
"""
import collections
import re
import sys

OWNERS = [
    ('io.amira.it.bench', 'the bench bean (counting, order check)'),
    ('io.amira.protocol', 'Amira: reading and decoding'),
    ('io.amira.client', 'Amira: reading and decoding'),
    ('io.amira.inbound.EventFilter', 'Amira: filter'),
    ('io.amira.inbound.DecisionCache', 'Amira: filter'),
    ('io.amira.inbound.EventStream', 'Amira: filter'),
    ('io.amira', 'Amira: dispatcher and endpoint calls'),
    ('org.jboss.threads', 'idle pool threads'),
]


def owner(frames):
    for frame in frames:
        if frame.startswith(('java.', 'jdk.', 'sun.')):
            continue
        for prefix, name in OWNERS:
            if frame.startswith(prefix):
                return name
        return 'container: MDB invocation (EJB interceptors, Weld, security, JCA work)'
    return 'JDK only'


text = open(sys.argv[1]).read()
threads = re.compile(sys.argv[2])
counts = collections.Counter()
for event in text.split('jdk.ExecutionSample')[1:]:
    match = re.search(r'sampledThread = "([^"]+)"', event)
    if not match or not threads.search(match.group(1)):
        continue
    counts[owner(re.findall(r'^\s+([\w$.<>]+)\(.*?\)\s+line:', event, re.M))] += 1
total = sum(counts.values())
print('samples:', total)
for name, count in counts.most_common():
    print('%5.1f %%  %5d  %s' % (100 * count / total, count, name))
