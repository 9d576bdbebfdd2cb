#!/usr/bin/env python3
"""Test double for divcalc: runs the real binary, then corrupts some answers so
that crosscheck.py's detection of disagreements can be tested.
  JS(...)          -> value + 2 units in the last digit     (must be flagged)
  Hellinger(...)   -> "inf"                                  (implausible inf)
  Pearson(U(0, 1)  -> finite "1.5" instead of inf            (must be flagged)
"""
import json, os, subprocess, sys
from decimal import Decimal
REAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'target', 'release', 'divcalc')
r = subprocess.run([REAL] + sys.argv[1:], capture_output=True, text=True)
expr = sys.argv[-1]
try:
    d = json.loads(r.stdout.strip().splitlines()[-1])
except Exception:
    sys.stdout.write(r.stdout); sys.exit(r.returncode)
v = d.get('value')
if v and v != 'inf':
    e = Decimal(v).as_tuple().exponent
    if expr.startswith('JS('):
        d['value'] = str(Decimal(v) + Decimal(2).scaleb(e))
    elif expr.startswith('Hellinger('):
        d['value'] = 'inf'; d['reason'] = 'fake'
if expr.startswith('Pearson(U(0, 1)'):
    d['value'] = '1.5'
print(json.dumps(d))
