#!/usr/bin/env python3
# Builds this folder from a clone of sisimai/p5-sisimai and the shared sample set (see README.md):
#   build-outside.py <p5-sisimai git dir> <shared/data/bounces> <destination folder>
import json, re, subprocess, hashlib, os, sys
GIT, SHARED, DEST = sys.argv[1], sys.argv[2], sys.argv[3]
def git(*a): return subprocess.run(['git', '--git-dir', GIT + '/.git' if os.path.isdir(GIT + '/.git') else GIT] + list(a), capture_output=True, check=True).stdout
files = git('ls-tree', '-r', '--name-only', 'HEAD', 't').decode().split()
mapping = json.load(open(os.path.join(SHARED, 'class-mapping.json')))['reason_class']
shared_dir = os.path.join(SHARED, 'emails')
shared_names = set(os.listdir(shared_dir))
shared_hashes = {hashlib.sha256(open(os.path.join(shared_dir, n), 'rb').read()).hexdigest() for n in shared_names}
rec_re = re.compile(r"\[\s*'([^']*)',\s*'([^']*)',\s*'([^']*)',\s*(\d)(?:,\s*'([^']*)')?\s*\]")
out = []
for f in files:
    if not f.endswith('.t'): continue
    src = git('show', 'HEAD:' + f).decode()
    m = re.search(r"enginename = '([^']*)'", src)
    if not m or 'isexpected' not in src: continue
    eng = m.group(1)
    prefix = 'rhost-' if '-rhost-' in f else ('' if eng in ('ARF', 'RFC3464', 'RFC3834') else 'lhost-')
    body = src[src.index('isexpected = {'):]
    body = body[:body.index('};')]
    for em in re.finditer(r"'(\d+)'\s*=>\s*\[(.*?)\]\s*\],?\s*$", body, re.S | re.M):
        idx, recs = em.group(1), rec_re.findall(em.group(2) + ']')
        name = '%s%s-%02d.eml' % (prefix, eng.lower(), int(idx))
        out.append((name, recs))
print(len(out), file=sys.stderr)
fbmap = json.load(open(os.path.join(SHARED, 'class-mapping.json')))['feedback_type_class']
def cls(status, reason, fb):
    if reason == 'feedback': return fbmap.get(fb or 'abuse', 'COMPLAINT')
    if reason == 'notaccept' and status.startswith('4'): return 'SOFT'
    return mapping[reason]
rows = []; skipped_shared = 0; missing = 0
for name, recs in out:
    try: raw = git('show', 'HEAD:set-of-emails/maildir/bsd/' + name)
    except subprocess.CalledProcessError: missing += 1; continue
    h = hashlib.sha256(raw).hexdigest()
    if name in shared_names or h in shared_hashes: skipped_shared += 1; continue
    rows.append((name, raw, [dict(status=s, replycode=r, reason=rs, feedback_type=fb or None, cls=cls(s, rs, fb)) for s, r, rs, hb, fb in recs]))
print('outside', len(rows), 'shared skipped', skipped_shared, 'missing', missing, 'bytes', sum(len(r[1]) for r in rows), file=sys.stderr)
from collections import Counter
print(Counter(x['cls'] for r in rows for x in r[2]), file=sys.stderr)
print(Counter(x['reason'] for r in rows for x in r[2]), file=sys.stderr)
dest = DEST
os.makedirs(dest + '/emails', exist_ok=True)
lines = []
for name, raw, recs in sorted(rows):
    open(dest + '/emails/' + name, 'wb').write(raw)
    part = 'holdout' if int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % 2 == 0 else 'tuning'
    for i, x in enumerate(recs):
        d = {'file': 'emails/' + name, 'set': part, 'index': i + 1, 'of': len(recs), 'status': x['status'] or None,
             'replycode': x['replycode'] or None, 'reason': x['reason'], 'feedback_type': x['feedback_type'], 'class': x['cls']}
        lines.append(json.dumps(d))
open(dest + '/expected.jsonl', 'w').write('\n'.join(lines) + '\n')
print('holdout files', sum(1 for n, _, _ in rows if int(hashlib.sha256(n.encode()).hexdigest()[:8], 16) % 2 == 0), file=sys.stderr)
