#!/usr/bin/env python3
"""Independent numerical cross-check of divcalc results (mpmath quadrature).

Usage:
    python3 crosscheck.py QUERIES.txt --digits 15 [--binary PATH] [--jobs 2]
                          [--timeout 60] [--json-out FILE] [--only I,J-K]
    python3 crosscheck.py --expr 'TV(N(0,1) || N(1,2))'      # reference only

For every query (one expression per line) the tool

  1. parses it (restricted language: a divergence applied to mixtures
     w*A + (1 - w)*B of named families with exact rational parameters);
  2. decides structurally whether the value is +inf (support mismatch) and
     probes the integrand at the ends of every integration piece for
     non-integrable behaviour (power-law exponent estimate);
  3. otherwise computes the defining integral twice with mpmath:
       A: dps = D, every sub-interval halved, each half integrated by tanh-sinh
          in the distance t from its nearer end (x = end +- t, so densities that
          are singular at a support end are evaluated with full relative
          precision), tails [a, inf) by mpmath's own map;
       B: dps = D + 10, every sub-interval cut into 3 pieces (outer pieces tanh-
          sinh from their ends, the middle piece Gauss-Legendre), tails by the
          substitution x = a + S e^u, u in R;
     and accepts the result as a reference only when A and B agree to at least
     max(20, digits + 5) significant digits;
  4. runs divcalc --format json --digits N on it and checks that
     |divcalc - reference| <= 1 unit in the last printed digit + |A - B|.

Exit status 1 if any disagreement (including divcalc = inf where the reference
is a verified finite number, or divcalc finite where the reference is inf by a
support mismatch).
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time
import traceback
from decimal import Decimal
from fractions import Fraction as F

import mpmath
from mpmath import mp, mpf

DEFAULT_BINARY = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'target', 'release', 'divcalc')

# ----------------------------------------------------------------------------
# exact-rational <-> mpf helpers
# ----------------------------------------------------------------------------

_fm_cache = {}


def fm(v):
    """Fraction -> mpf at the current precision (cached)."""
    key = (v, mp.prec)
    r = _fm_cache.get(key)
    if r is None:
        if isinstance(v, F):
            r = mpf(v.numerator) / v.denominator
        else:
            r = mpf(v)
        if len(_fm_cache) > 200000:
            _fm_cache.clear()
        _fm_cache[key] = r
    return r


def mpf_to_fraction(x):
    x = mpf(x)
    if x == 0:
        return F(0)
    sign, man, exp, _ = x._mpf_        # note: mpf.man_exp drops the sign
    man = -int(man) if sign else int(man)
    if exp >= 0:
        return F(man * 2 ** int(exp))
    return F(man, 2 ** int(-exp))


EXP_LIM = mpf(10) ** 30


BIG_EXP = mpf(10) ** 15   # exp(1e15) is still cheap; it keeps log-densities finite


def sexp(v):
    """exp that returns 0 / inf instead of computing astronomically small/large results."""
    if v < -EXP_LIM:
        return mpf(0)
    if v > EXP_LIM:
        return mp.inf
    return mp.exp(v)


def logaddexp(a, b):
    if a is None:
        return b
    if b is None:
        return a
    m = a if a >= b else b
    return m + mp.log(sexp(a - m) + sexp(b - m))


def float_to_fraction(v, sig=6):
    return F('%.*g' % (sig, v))


class Point:
    """x = anchor + t with anchor an exact Fraction and t an mpf.

    d(c) returns x - c computed as (anchor - c) + t, which is exact in relative
    terms whenever c == anchor (the case that matters near singular support
    ends, where the integration variable t is the distance to the end)."""
    __slots__ = ('anchor', 't', '_x')

    def __init__(self, anchor, t):
        self.anchor = anchor
        self.t = t
        self._x = None

    @property
    def x(self):
        if self._x is None:
            self._x = fm(self.anchor) + self.t if self.anchor != 0 else self.t
        return self._x

    def d(self, c):
        if c == self.anchor:
            return self.t
        return fm(self.anchor - c) + self.t


# ----------------------------------------------------------------------------
# families
# ----------------------------------------------------------------------------

class ParamError(Exception):
    pass


def _pos(name, what, v):
    if not v > 0:
        raise ParamError('%s: %s must be > 0, got %s' % (name, what, v))


class Family:
    """Base class. params are Fractions. support() -> (lo, hi), None = infinite."""
    name = '?'

    def __init__(self, *params):
        self.p = tuple(params)
        self._c = {}
        self.check()

    def check(self):
        pass

    def __repr__(self):
        return '%s(%s)' % (self.name, ', '.join(str(v) for v in self.p))

    def consts(self):
        c = self._c.get(mp.prec)
        if c is None:
            c = self._c[mp.prec] = self.mkconsts(*[fm(v) for v in self.p])
        return c

    def kinks(self):
        return []

    def feats(self):
        return []

    def lpdf(self, pt):
        raise NotImplementedError


LOC_MULT = [0, -1, 1, -3, 3, -10, 10, -30, 30]
HEAVY_MULT = [0, -1, 1, -3, 3, -10, 10, -30, 30, -100, 100, -1000, 1000]


class Normal(Family):
    name = 'N'

    def check(self):
        _pos(self.name, 'variance', self.p[1])

    def support(self):
        return (None, None)

    def feats(self):
        mu, s = float(self.p[0]), math.sqrt(self.p[1])
        return [mu + k * s for k in LOC_MULT]

    def mkconsts(self, mu, v):
        return (-mp.log(2 * mp.pi * v) / 2, 1 / (2 * v))

    def lpdf(self, pt):
        c0, c1 = self.consts()
        z = pt.d(self.p[0])
        return c0 - c1 * z * z


class Expo(Family):
    name = 'Exp'

    def check(self):
        _pos(self.name, 'rate', self.p[0])

    def support(self):
        return (F(0), None)

    def feats(self):
        s = 1 / float(self.p[0])
        return [s * k for k in (0.1, 1, 3, 10, 30, 60)]

    def mkconsts(self, lam):
        return (mp.log(lam), lam)

    def lpdf(self, pt):
        c0, lam = self.consts()
        return c0 - lam * pt.x


class GammaD(Family):
    name = 'Gamma'

    def check(self):
        _pos(self.name, 'shape', self.p[0])
        _pos(self.name, 'rate', self.p[1])

    def support(self):
        return (F(0), None)

    def feats(self):
        a, b = float(self.p[0]), float(self.p[1])
        m, s = a / b, math.sqrt(a) / b
        pts = [m, m + s, m + 3 * s, m + 10 * s, m + 30 * s, m + 60 * s, 0.1 * m, 0.01 * m]
        if a > 1:
            pts.append((a - 1) / b)
        if m - s > 0:
            pts.append(m - s)
        return pts

    def mkconsts(self, a, b):
        return (a * mp.log(b) - mp.loggamma(a), a - 1, b)

    def lpdf(self, pt):
        c0, am1, b = self.consts()
        x = pt.x
        return c0 + am1 * mp.log(x) - b * x


class Chi2D(GammaD):
    """Chi2(k) = Gamma(k/2, rate 1/2)."""

    def __init__(self, k):
        _pos('Chi2', 'degrees of freedom', k)
        GammaD.__init__(self, k / 2, F(1, 2))
        self.k = k

    def __repr__(self):
        return 'Chi2(%s)' % self.k


class InvGammaD(Family):
    name = 'InvGamma'

    def check(self):
        _pos(self.name, 'shape', self.p[0])
        _pos(self.name, 'scale', self.p[1])

    def support(self):
        return (F(0), None)

    def feats(self):
        a, b = float(self.p[0]), float(self.p[1])
        mode = b / (a + 1)
        return [mode * k for k in (0.3, 0.6, 1, 2, 4, 10, 30, 100, 1000, 1e4)]

    def mkconsts(self, a, b):
        return (a * mp.log(b) - mp.loggamma(a), a + 1, b)

    def lpdf(self, pt):
        c0, ap1, b = self.consts()
        x = pt.x
        return c0 - ap1 * mp.log(x) - b / x


class BetaD(Family):
    name = 'Beta'

    def check(self):
        _pos(self.name, 'a', self.p[0])
        _pos(self.name, 'b', self.p[1])

    def support(self):
        return (F(0), F(1))

    def feats(self):
        a, b = float(self.p[0]), float(self.p[1])
        pts = [0.5, a / (a + b)]
        if a > 1 and b > 1:
            pts.append((a - 1) / (a + b - 2))
        return pts

    def mkconsts(self, a, b):
        return (-mp.log(mp.beta(a, b)), a - 1, b - 1)

    def lpdf(self, pt):
        c0, am1, bm1 = self.consts()
        return c0 + am1 * mp.log(pt.x) + bm1 * mp.log(-pt.d(1))


class LaplaceD(Family):
    name = 'Laplace'

    def check(self):
        _pos(self.name, 'scale', self.p[1])

    def support(self):
        return (None, None)

    def kinks(self):
        return [self.p[0]]

    def feats(self):
        mu, b = float(self.p[0]), float(self.p[1])
        return [mu + k * b for k in LOC_MULT + [-60, 60]]

    def mkconsts(self, mu, b):
        return (-mp.log(2 * b), b)

    def lpdf(self, pt):
        c0, b = self.consts()
        return c0 - abs(pt.d(self.p[0])) / b


class UniformD(Family):
    name = 'U'

    def check(self):
        if not self.p[0] < self.p[1]:
            raise ParamError('U: need a < b')

    def support(self):
        return (self.p[0], self.p[1])

    def feats(self):
        a, b = float(self.p[0]), float(self.p[1])
        return [(a + b) / 2]

    def mkconsts(self, a, b):
        return (-mp.log(b - a),)

    def lpdf(self, pt):
        return self.consts()[0]


class CauchyD(Family):
    name = 'Cauchy'

    def check(self):
        _pos(self.name, 'scale', self.p[1])

    def support(self):
        return (None, None)

    def feats(self):
        m, g = float(self.p[0]), float(self.p[1])
        return [m + k * g for k in HEAVY_MULT]

    def mkconsts(self, x0, g):
        return (-mp.log(mp.pi * g), g)

    def lpdf(self, pt):
        c0, g = self.consts()
        z = pt.d(self.p[0]) / g
        return c0 - mp.log1p(z * z)


class LogNormalD(Family):
    name = 'LogN'

    def check(self):
        _pos(self.name, 'variance', self.p[1])

    def support(self):
        return (F(0), None)

    def feats(self):
        mu, s = float(self.p[0]), math.sqrt(self.p[1])
        return [math.exp(mu + k * s) for k in LOC_MULT[:7]]

    def mkconsts(self, mu, v):
        return (-mp.log(2 * mp.pi * v) / 2, mu, 1 / (2 * v))

    def lpdf(self, pt):
        c0, mu, c1 = self.consts()
        lx = mp.log(pt.x)
        return c0 - lx - c1 * (lx - mu) ** 2


class WeibullD(Family):
    name = 'Weibull'

    def check(self):
        _pos(self.name, 'shape', self.p[0])
        _pos(self.name, 'scale', self.p[1])

    def support(self):
        return (F(0), None)

    def feats(self):
        k, lam = float(self.p[0]), float(self.p[1])
        return [lam * (s ** (1 / k)) for s in (0.01, 0.1, 0.5, 1, 2, 5, 20, 60, 100)]

    def mkconsts(self, k, lam):
        return (mp.log(k / lam), k, lam)

    def lpdf(self, pt):
        c0, k, lam = self.consts()
        y = pt.x / lam
        return c0 + (k - 1) * mp.log(y) - y ** k


class GumbelD(Family):
    name = 'Gumbel'

    def check(self):
        _pos(self.name, 'scale', self.p[1])

    def support(self):
        return (None, None)

    def feats(self):
        m, b = float(self.p[0]), float(self.p[1])
        return [m + k * b for k in (-4, -2, -1, 0, 1, 3, 10, 30, 60)]

    def mkconsts(self, mu, b):
        return (-mp.log(b), b)

    def lpdf(self, pt):
        c0, b = self.consts()
        z = pt.d(self.p[0]) / b
        return c0 - z - mp.exp(min(-z, BIG_EXP))


class ParetoD(Family):
    name = 'Pareto'

    def check(self):
        _pos(self.name, 'scale', self.p[0])
        _pos(self.name, 'shape', self.p[1])

    def support(self):
        return (self.p[0], None)

    def feats(self):
        xm = float(self.p[0])
        return [xm * k for k in (1.5, 2, 4, 10, 100, 1000, 1e4)]

    def mkconsts(self, xm, a):
        return (mp.log(a) + a * mp.log(xm), a + 1)

    def lpdf(self, pt):
        c0, ap1 = self.consts()
        return c0 - ap1 * mp.log(pt.x)


class HalfNormalD(Family):
    name = 'HalfN'

    def check(self):
        _pos(self.name, 'variance', self.p[0])

    def support(self):
        return (F(0), None)

    def feats(self):
        s = math.sqrt(self.p[0])
        return [s * k for k in (0.3, 1, 2, 3, 5, 10, 30)]

    def mkconsts(self, v):
        return (mp.log(2) - mp.log(2 * mp.pi * v) / 2, 1 / (2 * v))

    def lpdf(self, pt):
        c0, c1 = self.consts()
        x = pt.x
        return c0 - c1 * x * x


class StudentTD(Family):
    name = 'T'

    def check(self):
        _pos(self.name, 'degrees of freedom', self.p[0])
        _pos(self.name, 'scale', self.p[2])

    def support(self):
        return (None, None)

    def feats(self):
        m, s = float(self.p[1]), float(self.p[2])
        return [m + k * s for k in HEAVY_MULT]

    def mkconsts(self, nu, mu, s):
        c0 = (mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2)
              - mp.log(nu * mp.pi) / 2 - mp.log(s))
        return (c0, (nu + 1) / 2, s, nu)

    def lpdf(self, pt):
        c0, e, s, nu = self.consts()
        z = pt.d(self.p[1]) / s
        return c0 - e * mp.log1p(z * z / nu)


class LogisticD(Family):
    name = 'Logistic'

    def check(self):
        _pos(self.name, 'scale', self.p[1])

    def support(self):
        return (None, None)

    def feats(self):
        m, s = float(self.p[0]), float(self.p[1])
        return [m + k * s for k in LOC_MULT + [-60, 60]]

    def mkconsts(self, mu, s):
        return (-mp.log(s), s)

    def lpdf(self, pt):
        c0, s = self.consts()
        z = abs(pt.d(self.p[0]) / s)
        return c0 - z - 2 * mp.log1p(sexp(-z))


class RayleighD(Family):
    name = 'Rayleigh'

    def check(self):
        _pos(self.name, 'scale', self.p[0])

    def support(self):
        return (F(0), None)

    def feats(self):
        s = float(self.p[0])
        return [s * k for k in (0.1, 0.5, 1, 2, 4, 8, 15)]

    def mkconsts(self, s):
        return (-2 * mp.log(s), 1 / (2 * s * s))

    def lpdf(self, pt):
        c0, c1 = self.consts()
        x = pt.x
        return c0 + mp.log(x) - c1 * x * x


class ChiD(Family):
    name = 'Chi'

    def check(self):
        _pos(self.name, 'degrees of freedom', self.p[0])

    def support(self):
        return (F(0), None)

    def feats(self):
        k = float(self.p[0])
        m = math.sqrt(max(k - 1, 0.01))
        return [m * f for f in (0.1, 0.5, 1)] + [m + j for j in (1, 2, 4, 8, 15)]

    def mkconsts(self, k):
        return (-(k / 2 - 1) * mp.log(2) - mp.loggamma(k / 2), k - 1)

    def lpdf(self, pt):
        c0, km1 = self.consts()
        x = pt.x
        return c0 + km1 * mp.log(x) - x * x / 2


class HalfCauchyD(Family):
    name = 'HalfCauchy'

    def check(self):
        _pos(self.name, 'scale', self.p[0])

    def support(self):
        return (F(0), None)

    def feats(self):
        g = float(self.p[0])
        return [g * k for k in (0.3, 1, 3, 10, 30, 100, 1000)]

    def mkconsts(self, g):
        return (mp.log(2) - mp.log(mp.pi * g), g)

    def lpdf(self, pt):
        c0, g = self.consts()
        z = pt.x / g
        return c0 - mp.log1p(z * z)


class LogitNormalD(Family):
    name = 'LogitN'

    def check(self):
        _pos(self.name, 'variance', self.p[1])

    def support(self):
        return (F(0), F(1))

    def feats(self):
        mu, s = float(self.p[0]), math.sqrt(self.p[1])
        return [1 / (1 + math.exp(-(mu + k * s))) for k in LOC_MULT[:7]]

    def mkconsts(self, mu, v):
        return (-mp.log(2 * mp.pi * v) / 2, mu, 1 / (2 * v))

    def lpdf(self, pt):
        c0, mu, c1 = self.consts()
        lx = mp.log(pt.x)
        ly = mp.log(-pt.d(1))
        return c0 - lx - ly - c1 * (lx - ly - mu) ** 2


class LogUniformD(Family):
    name = 'LogU'

    def check(self):
        _pos(self.name, 'lower', self.p[0])
        if not self.p[0] < self.p[1]:
            raise ParamError('LogU: need a < b')

    def support(self):
        return (self.p[0], self.p[1])

    def feats(self):
        return [math.sqrt(float(self.p[0]) * float(self.p[1]))]

    def mkconsts(self, a, b):
        return (-mp.log(mp.log(b / a)),)

    def lpdf(self, pt):
        return self.consts()[0] - mp.log(pt.x)


class ContBernoulliD(Family):
    name = 'CB'

    def check(self):
        if not (0 < self.p[0] < 1):
            raise ParamError('CB: lambda must be in (0,1)')

    def support(self):
        return (F(0), F(1))

    def feats(self):
        return [0.5]

    def mkconsts(self, lam):
        if self.p[0] == F(1, 2):
            lc = mp.log(2)
        else:
            lc = mp.log(2 * mp.atanh(1 - 2 * lam) / (1 - 2 * lam))
        return (lc, mp.log(lam), mp.log(1 - lam))

    def lpdf(self, pt):
        lc, ll, l1 = self.consts()
        return lc + pt.x * ll + (-pt.d(1)) * l1


class KumaraswamyD(Family):
    name = 'Kumaraswamy'

    def check(self):
        _pos(self.name, 'a', self.p[0])
        _pos(self.name, 'b', self.p[1])

    def support(self):
        return (F(0), F(1))

    def feats(self):
        a, b = float(self.p[0]), float(self.p[1])
        pts = [0.5]
        if a >= 1 and b >= 1 and a * b > 1:
            pts.append(((a - 1) / (a * b - 1)) ** (1 / a))
        return pts

    def mkconsts(self, a, b):
        return (mp.log(a) + mp.log(b), a, a - 1, b - 1)

    def lpdf(self, pt):
        c0, a, am1, bm1 = self.consts()
        # 1 - x^a = -expm1(a*log1p(x-1)), accurate near x = 1
        om = -mp.expm1(a * mp.log1p(pt.d(1)))
        return c0 + am1 * mp.log(pt.x) + bm1 * mp.log(om)


_PI_FR = None


def pi_fraction():
    global _PI_FR
    if _PI_FR is None:
        with mp.workdps(90):
            _PI_FR = mpf_to_fraction(mp.pi)
    return _PI_FR


class VonMisesD(Family):
    name = 'VonMises'

    def check(self):
        if self.p[1] < 0:
            raise ParamError('VonMises: kappa must be >= 0')

    def support(self):
        p = pi_fraction()
        return (-p, p)

    def feats(self):
        return [float(self.p[0]), 0.0]

    def mkconsts(self, mu, k):
        return (-mp.log(2 * mp.pi * mp.besseli(0, k)), mu, k)

    def lpdf(self, pt):
        c0, mu, k = self.consts()
        return c0 + k * mp.cos(pt.x - mu)


class MoyalD(Family):
    name = 'Moyal'

    def check(self):
        _pos(self.name, 'scale', self.p[1])

    def support(self):
        return (None, None)

    def feats(self):
        m, s = float(self.p[0]), float(self.p[1])
        return [m + k * s for k in (-4, -2, -1, 0, 1, 3, 10, 30, 60, 100)]

    def mkconsts(self, mu, s):
        return (-mp.log(2 * mp.pi) / 2 - mp.log(s), s)

    def lpdf(self, pt):
        c0, s = self.consts()
        z = pt.d(self.p[0]) / s
        return c0 - (z + mp.exp(min(-z, BIG_EXP))) / 2


class LindleyD(Family):
    name = 'Lindley'

    def check(self):
        _pos(self.name, 'theta', self.p[0])

    def support(self):
        return (F(0), None)

    def feats(self):
        s = 1 / float(self.p[0])
        return [s * k for k in (0.1, 1, 2, 4, 10, 30, 60)]

    def mkconsts(self, th):
        return (2 * mp.log(th) - mp.log1p(th), th)

    def lpdf(self, pt):
        c0, th = self.consts()
        x = pt.x
        return c0 + mp.log1p(x) - th * x


def _kw(name, args, kwargs, order, conv=None):
    """Merge positional and keyword arguments; conv maps keyword -> (slot, fn)."""
    vals = list(args)
    conv = conv or {}
    for k, v in kwargs.items():
        if k in conv:
            slot, fn = conv[k]
        elif k in order:
            slot, fn = order.index(k), (lambda z: z)
        else:
            raise ParamError('%s: unknown keyword %s' % (name, k))
        while len(vals) <= slot:
            vals.append(None)
        if vals[slot] is not None:
            raise ParamError('%s: parameter %s given twice' % (name, k))
        vals[slot] = fn(v)
    return vals


def _sq(v):
    return v * v


def make_family(name, args, kwargs):
    n = name
    def need(k, vals):
        if len(vals) != k or any(v is None for v in vals):
            raise ParamError('%s: expected %d parameters' % (n, k))
        return vals
    if n in ('N', 'Normal'):
        v = _kw(n, args, kwargs, ['mean', 'var'], {'mu': (0, lambda z: z), 'sd': (1, _sq), 'scale': (1, _sq)})
        return Normal(*need(2, v))
    if n in ('Exp', 'Exponential'):
        v = _kw(n, args, kwargs, ['rate'], {'scale': (0, lambda z: 1 / z)})
        return Expo(*need(1, v))
    if n == 'Gamma':
        v = _kw(n, args, kwargs, ['shape', 'rate'], {'scale': (1, lambda z: 1 / z)})
        return GammaD(*need(2, v))
    if n == 'InvGamma':
        return InvGammaD(*need(2, _kw(n, args, kwargs, ['shape', 'scale'])))
    if n == 'Beta':
        return BetaD(*need(2, _kw(n, args, kwargs, ['a', 'b'])))
    if n == 'Laplace':
        return LaplaceD(*need(2, _kw(n, args, kwargs, ['loc', 'scale'])))
    if n in ('U', 'Uniform'):
        return UniformD(*need(2, _kw(n, args, kwargs, ['lower', 'upper'])))
    if n == 'Cauchy':
        return CauchyD(*need(2, _kw(n, args, kwargs, ['loc', 'scale'])))
    if n in ('LogN', 'LogNormal'):
        v = _kw(n, args, kwargs, ['mean', 'var'], {'mu': (0, lambda z: z), 'sd': (1, _sq)})
        return LogNormalD(*need(2, v))
    if n == 'Weibull':
        return WeibullD(*need(2, _kw(n, args, kwargs, ['shape', 'scale'])))
    if n == 'Gumbel':
        return GumbelD(*need(2, _kw(n, args, kwargs, ['loc', 'scale'])))
    if n == 'Pareto':
        return ParetoD(*need(2, _kw(n, args, kwargs, ['scale', 'shape'])))
    if n in ('HalfN', 'HalfNormal'):
        v = _kw(n, args, kwargs, ['var'], {'sd': (0, _sq), 'scale': (0, _sq)})
        return HalfNormalD(*need(1, v))
    if n == 'Chi2':
        return Chi2D(*need(1, list(args)))
    if n in ('T', 'StudentT'):
        v = list(args)
        if len(v) == 1:
            v = v + [F(0), F(1)]
        elif len(v) == 2:
            v = v + [F(1)]
        return StudentTD(*need(3, v))
    if n == 'Logistic':
        return LogisticD(*need(2, _kw(n, args, kwargs, ['loc', 'scale'])))
    if n == 'Rayleigh':
        return RayleighD(*need(1, list(args)))
    if n == 'Chi':
        return ChiD(*need(1, list(args)))
    if n == 'HalfCauchy':
        return HalfCauchyD(*need(1, list(args)))
    if n in ('LogitN', 'LogitNormal'):
        v = _kw(n, args, kwargs, ['mean', 'var'], {'mu': (0, lambda z: z), 'sd': (1, _sq)})
        return LogitNormalD(*need(2, v))
    if n in ('LogU', 'LogUniform'):
        return LogUniformD(*need(2, list(args)))
    if n in ('CB', 'ContinuousBernoulli'):
        return ContBernoulliD(*need(1, list(args)))
    if n == 'Kumaraswamy':
        return KumaraswamyD(*need(2, list(args)))
    if n == 'VonMises':
        return VonMisesD(*need(2, list(args)))
    if n == 'Moyal':
        return MoyalD(*need(2, list(args)))
    if n == 'Lindley':
        return LindleyD(*need(1, list(args)))
    raise ParamError('unknown family %s' % n)


# ----------------------------------------------------------------------------
# parser
# ----------------------------------------------------------------------------

import re

_TOK = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|(\|\||[-+*/^(),=]))")

DIVS = {'KL': 'KL', 'Renyi': 'Renyi', 'JS': 'JS', 'H': 'H', 'Hellinger': 'Hellinger',
        'Bhattacharyya': 'Bhattacharyya', 'Pearson': 'Pearson', 'TV': 'TV'}


class ParseError(Exception):
    pass


class Mix:
    """A (possibly single-component) mixture: list of (Fraction weight, family)."""

    def __init__(self, comps):
        self.comps = comps

    def __repr__(self):
        if len(self.comps) == 1 and self.comps[0][0] == 1:
            return repr(self.comps[0][1])
        return ' + '.join('%s*%r' % (w, c) for w, c in self.comps)


def tokenize(s):
    pos, out = 0, []
    s = s.rstrip()
    while pos < len(s):
        m = _TOK.match(s, pos)
        if not m or m.end() == pos:
            raise ParseError('bad character at column %d: %r' % (pos, s[pos:pos + 10]))
        if m.group(1):
            out.append(('num', m.group(1)))
        elif m.group(2):
            out.append(('id', m.group(2)))
        else:
            out.append(('op', m.group(3)))
        pos = m.end()
    out.append(('end', None))
    return out


class Parser:
    def __init__(self, s):
        self.toks = tokenize(s)
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, op):
        t = self.next()
        if t != ('op', op):
            raise ParseError('expected %r, got %r' % (op, t[1]))

    def accept(self, op):
        if self.peek() == ('op', op):
            self.i += 1
            return True
        return False

    # value algebra: Fraction or Mix
    @staticmethod
    def add(a, b, sign):
        if isinstance(a, F) and isinstance(b, F):
            return a + sign * b
        if isinstance(a, Mix) and isinstance(b, Mix):
            return Mix(a.comps + [(sign * w, c) for w, c in b.comps])
        raise ParseError('cannot add a number and a distribution')

    @staticmethod
    def mul(a, b, div=False):
        if isinstance(a, F) and isinstance(b, F):
            if div:
                if b == 0:
                    raise ParseError('division by zero')
                return a / b
            return a * b
        if isinstance(a, Mix) and isinstance(b, F):
            f = (1 / b) if div else b
            return Mix([(w * f, c) for w, c in a.comps])
        if isinstance(a, F) and isinstance(b, Mix) and not div:
            return Mix([(w * a, c) for w, c in b.comps])
        raise ParseError('bad product involving a distribution')

    def expr(self):
        v = self.term()
        while True:
            if self.accept('+'):
                v = self.add(v, self.term(), 1)
            elif self.accept('-'):
                v = self.add(v, self.term(), -1)
            else:
                return v

    def term(self):
        v = self.unary()
        while True:
            if self.accept('*'):
                v = self.mul(v, self.unary())
            elif self.accept('/'):
                v = self.mul(v, self.unary(), div=True)
            else:
                return v

    def unary(self):
        if self.accept('-'):
            v = self.unary()
            return self.mul(F(-1), v)
        if self.accept('+'):
            return self.unary()
        return self.power()

    def power(self):
        v = self.atom()
        if self.accept('^'):
            e = self.unary()
            if not (isinstance(v, F) and isinstance(e, F) and e.denominator == 1):
                raise ParseError('only integer powers of numbers are supported')
            v = v ** int(e)
        return v

    def atom(self):
        t = self.next()
        if t[0] == 'num':
            return F(t[1])
        if t == ('op', '('):
            v = self.expr()
            self.expect(')')
            return v
        if t[0] == 'id':
            name = t[1]
            if self.peek() != ('op', '('):
                raise ParseError('unsupported symbol %s (only rational numbers are supported)' % name)
            self.next()
            args, kwargs = [], {}
            if not self.accept(')'):
                while True:
                    if self.peek()[0] == 'id' and self.toks[self.i + 1] == ('op', '='):
                        k = self.next()[1]
                        self.next()
                        kwargs[k] = self.num()
                    else:
                        args.append(self.num())
                    if self.accept(')'):
                        break
                    self.expect(',')
            return Mix([(F(1), make_family(name, args, kwargs))])
        raise ParseError('unexpected %r' % (t[1],))

    def num(self):
        v = self.expr()
        if not isinstance(v, F):
            raise ParseError('expected a number')
        return v

    def dist(self):
        v = self.expr()
        if not isinstance(v, Mix):
            raise ParseError('expected a distribution')
        tot = sum(w for w, _ in v.comps)
        if tot != 1:
            raise ParseError('mixture weights sum to %s, not 1' % tot)
        if any(w <= 0 for w, _ in v.comps):
            raise ParseError('mixture weights must be positive')
        return v

    def query(self):
        t = self.peek()
        res = {'alpha': None, 'Q': None}
        if t[0] == 'id' and t[1] in DIVS and self.toks[self.i + 1] == ('op', '('):
            div = DIVS[t[1]]
            self.next()
            self.next()
            res['div'] = div
            if div == 'Renyi':
                a = self.expr()
                if not isinstance(a, F):
                    raise ParseError('Renyi order must be a rational number')
                res['alpha'] = a
                self.expect(',')
            res['P'] = self.dist()
            if div == 'H':
                if self.accept(','):
                    res['Q'] = self.dist()
            else:
                self.expect('||')
                res['Q'] = self.dist()
            self.expect(')')
        else:
            res['div'] = 'KL'
            res['P'] = self.dist()
            self.expect('||')
            res['Q'] = self.dist()
        if self.peek()[0] != 'end':
            raise ParseError('trailing input (arithmetic on results is not supported)')
        return res


def parse_query(s):
    return Parser(s).query()


# ----------------------------------------------------------------------------
# supports as unions of intervals (None = infinite end)
# ----------------------------------------------------------------------------

def _lo(v):
    return -math.inf if v is None else v


def _hi(v):
    return math.inf if v is None else v


def union(ivs):
    ivs = sorted(ivs, key=lambda iv: _lo(iv[0]))
    out = []
    for lo, hi in ivs:
        if out and _lo(lo) <= _hi(out[-1][1]):
            if _hi(hi) > _hi(out[-1][1]):
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def intersect(A, B):
    out = []
    for a0, a1 in A:
        for b0, b1 in B:
            lo = a0 if _lo(a0) >= _lo(b0) else b0
            hi = a1 if _hi(a1) <= _hi(b1) else b1
            if _lo(lo) < _hi(hi):
                out.append((lo, hi))
    return union(out)


def mix_support(mix):
    return union([c.support() for _, c in mix.comps])


def measure_outside(A, B):
    """True if the set A \\ B has positive length (A, B unions of intervals)."""
    for a0, a1 in A:
        covered = intersect([(a0, a1)], B)
        # total covered length compare with (a0,a1) -- work with the gaps
        cur = _lo(a0)
        for c0, c1 in covered:
            if _lo(c0) > cur:
                return True
            cur = _hi(c1)
        if cur < _hi(a1):
            return True
    return False


# ----------------------------------------------------------------------------
# integrands
# ----------------------------------------------------------------------------

NINF = mpf('-inf')


def mixdens(active, pt):
    """active: list of (logw, w, family). returns (p, log p); log p is None when p = 0."""
    if not active:
        return mpf(0), None
    ls = [lw + c.lpdf(pt) for lw, w, c in active]
    if len(ls) == 1:
        lp = ls[0]
    else:
        m = max(ls)
        lp = m + mp.log(sum(sexp(l - m) for l in ls))
    return sexp(lp), lp


def make_integrand(div, alpha):
    """Returns f(p, lp, q, lq) (lp/lq None when the density is 0).

    alpha is an exact Fraction (or None). Every constant is converted inside f
    at the precision in force when f is called (never captured at build time)."""
    if div in ('KL', 'Renyi1'):
        def f(p, lp, q, lq):
            if lp is None:
                return mpf(0)
            return p * (lp - lq)
    elif div == 'Renyi':
        def f(p, lp, q, lq):
            if lp is None or lq is None:
                return mpf(0)
            a = fm(alpha)
            return sexp(a * lp + (1 - a) * lq)
    elif div == 'Renyi0':
        def f(p, lp, q, lq):
            return q if lp is not None else mpf(0)
    elif div == 'JS':
        def f(p, lp, q, lq):
            lm = logaddexp(lp, lq) - mp.ln2
            r = mpf(0)
            if lp is not None:
                r += p * (lp - lm)
            if lq is not None:
                r += q * (lq - lm)
            return r / 2
    elif div == 'H':
        def f(p, lp, q, lq):
            if lp is None:
                return mpf(0)
            return -p * lp
    elif div == 'CE':
        def f(p, lp, q, lq):
            if lp is None:
                return mpf(0)
            return -p * lq
    elif div == 'Hellinger':
        def f(p, lp, q, lq):
            sp = sexp(lp / 2) if lp is not None else 0
            sq = sexp(lq / 2) if lq is not None else 0
            return (sp - sq) ** 2 / 2
    elif div == 'Bhattacharyya':
        def f(p, lp, q, lq):
            if lp is None or lq is None:
                return mpf(0)
            return sexp((lp + lq) / 2)
    elif div == 'Pearson':
        def f(p, lp, q, lq):
            if lq is None:
                return mpf(0)
            if lp is None:
                return q
            r = lp - lq
            if r > 10:
                return sexp(2 * lp - lq) * (1 - sexp(-r)) ** 2
            return q * mp.expm1(r) ** 2
    elif div == 'TV':
        def f(p, lp, q, lq):
            return abs(p - q) / 2
    else:
        raise ValueError(div)
    return f


class Piece:
    """Integration sub-interval [a, b] (None = infinite) with its active components."""

    def __init__(self, a, b, actP, actQ):
        self.a, self.b, self.actP, self.actQ = a, b, actP, actQ


def active_components(mix, a, b):
    """Components whose support contains the open interval (a, b)."""
    out = []
    for w, c in mix.comps:
        lo, hi = c.support()
        if _lo(lo) <= _lo(a) and _hi(hi) >= _hi(b):
            out.append((w, c))
    return out


def sig_fraction(v, sig=6):
    return float_to_fraction(v, sig)


class Problem:
    def __init__(self, q):
        self.q = q
        self.div = q['div']
        self.alpha = q['alpha']
        self.P = q['P']
        self.Q = q['Q']

    # ---- structural analysis ----
    def analyse(self):
        """Returns dict(kind='inf'|'finite'|'unsupported', reason, domain, ivdiv)."""
        div, a = self.div, self.alpha
        sP = mix_support(self.P)
        sQ = mix_support(self.Q) if self.Q is not None else None
        if div == 'H' and self.Q is not None:
            kind = 'CE'
        elif div == 'Renyi':
            if a == 1:
                kind = 'KL'
            elif a == 0:
                kind = 'Renyi0'
            else:
                kind = 'Renyi'
        else:
            kind = div
        self.kind = kind
        res = {'kind': 'finite', 'reason': None}
        if kind in ('KL', 'CE', 'Pearson') or (kind == 'Renyi' and a > 1):
            if measure_outside(sP, sQ):
                return dict(res, kind='inf', reason='support: P has mass outside supp Q')
            dom = sP if kind != 'Pearson' else sQ
        elif kind == 'Renyi' or kind == 'Bhattacharyya':
            dom = intersect(sP, sQ)
            if not dom:
                return dict(res, kind='inf', reason='supports disjoint (BC = 0)')
        elif kind == 'Renyi0':
            dom = intersect(sP, sQ)
            if not dom:
                return dict(res, kind='inf', reason='Q(supp P) = 0')
        elif kind == 'H':
            dom = sP
        else:  # JS, TV, Hellinger
            dom = union(sP + sQ)
        self.domain = dom
        return res

    def split_points(self):
        pts = set()
        comps = list(self.P.comps) + (list(self.Q.comps) if self.Q is not None else [])
        for _, c in comps:
            lo, hi = c.support()
            if lo is not None:
                pts.add(lo)
            if hi is not None:
                pts.add(hi)
            for k in c.kinks():
                pts.add(k)
            for v in c.feats():
                if math.isfinite(v):
                    pts.add(sig_fraction(v, 4))
        return pts

    def build_pieces(self, extra=()):
        pts = self.split_points() | set(extra)
        pieces = []
        for lo, hi in self.domain:
            inner = sorted(p for p in pts if _lo(lo) < p < _hi(hi))
            # drop points that are too close to each other (relative 1e-9)
            cleaned = []
            for p in inner:
                if cleaned and abs(p - cleaned[-1]) <= F(1, 10 ** 9) * max(abs(p), F(1, 10 ** 6)):
                    continue
                cleaned.append(p)
            ends = [lo] + cleaned + [hi]
            for a, b in zip(ends[:-1], ends[1:]):
                pieces.append(Piece(a, b, active_components(self.P, a, b),
                                    active_components(self.Q, a, b) if self.Q is not None else []))
        return pieces

    def _act(self, comps):
        return [(mp.log(fm(w)), fm(w), c) for w, c in comps]

    def integrand_at(self, piece, f, actP, actQ, pt):
        p, lp = mixdens(actP, pt)
        if self.Q is not None:
            q, lq = mixdens(actQ, pt)
        else:
            q, lq = mpf(0), None
        return f(p, lp, q, lq)

    def piece_function(self, piece, f):
        actP = self._act(piece.actP)
        actQ = self._act(piece.actQ)
        return lambda pt: self.integrand_at(piece, f, actP, actQ, pt)

    # ---- TV crossings ----
    def crossings(self, pieces):
        roots = []
        for pc in pieces:
            actP = self._act(pc.actP)
            actQ = self._act(pc.actQ)

            def g(pt):
                p, lp = mixdens(actP, pt)
                q, lq = mixdens(actQ, pt)
                if lp is None and lq is None:
                    return mpf(0)
                if lp is None:
                    return mpf(-1)
                if lq is None:
                    return mpf(1)
                return lp - lq
            samples = []  # (x as mpf, anchor, sign)
            a, b = pc.a, pc.b
            if a is not None and b is not None:
                L = b - a
                Lm = fm(L)
                for j in range(0, 401):
                    samples.append(Point(a, Lm * j / 400))
                for j in range(4, 400):
                    d = Lm * mpf(10) ** (-mpf(j) / 10)
                    samples.append(Point(a, d))
                    samples.append(Point(b, -d))
            else:
                if a is None and b is None:
                    anchor, sgn = F(0), None
                elif a is None:
                    anchor, sgn = b, -1
                else:
                    anchor, sgn = a, 1
                S = fm(max(abs(anchor), F(1)))
                for j in range(-300, 801):
                    d = S * mpf(10) ** (mpf(j) / 20)
                    if sgn is None:
                        samples.append(Point(anchor, d))
                        samples.append(Point(anchor, -d))
                    else:
                        samples.append(Point(anchor, sgn * d))
            # sort by x
            xs = []
            for pt in samples:
                try:
                    xs.append((pt.x, pt))
                except Exception:
                    pass
            xs.sort(key=lambda z: z[0])
            prev = None
            for x, pt in xs:
                if a is not None and not (pt.d(a) > 0):
                    continue
                if b is not None and not (pt.d(b) < 0):
                    continue
                v = g(pt)
                s = 0 if v == 0 else (1 if v > 0 else -1)
                if s == 0:
                    continue
                if prev is not None and prev[0] != s:
                    roots.append(self._bisect(g, prev[1], x, prev[0]))
                prev = (s, x)
        return roots

    def _bisect(self, g, x0, x1, s0):
        # bisection in x (values at high precision); anchor 0 representation
        lo, hi = mpf(x0), mpf(x1)
        for _ in range(mp.prec + 10):
            mid = (lo + hi) / 2
            if mid == lo or mid == hi:
                break
            v = g(Point(F(0), mid))
            s = 0 if v == 0 else (1 if v > 0 else -1)
            if s == 0:
                lo = hi = mid
                break
            if s == s0:
                lo = mid
            else:
                hi = mid
        return mpf_to_fraction((lo + hi) / 2)

    # ---- divergence probe ----
    def probe(self, pieces, f):
        """Check the integrand for non-integrable behaviour at the ends of
        each piece: estimate the local power-law exponent of |f| at several
        scales (x = S*X towards infinite ends, distance delta towards finite
        ends). Divergent if |f| is inf/nan there, or if at least two of the
        five scales show a non-integrable exponent. Returns None or a text."""
        def bad(v):
            return mp.isinf(v) or mp.isnan(v)
        ends = set()
        for _, c in list(self.P.comps) + (list(self.Q.comps) if self.Q is not None else []):
            ends.update(e for e in c.support() if e is not None)
        for pc in pieces:
            fn = self.piece_function(pc, f)
            a, b = pc.a, pc.b
            for end, side in ((a, 1), (b, -1)):
                votes, exps = 0, []
                if end is None:
                    other = b if side == 1 else a
                    S = fm(max(abs(other) if other is not None else F(1), F(1)))
                    sgn = -side
                    for k in (4, 8, 16, 32, 64):
                        X = S * mpf(10) ** k
                        v1 = abs(fn(Point(F(0), sgn * X)))
                        v2 = abs(fn(Point(F(0), sgn * X * 2)))
                        if bad(v1) or bad(v2):
                            return 'integrand is inf/nan at x = %s1e%d*%s' % ('-' if sgn < 0 else '', k, mp.nstr(S, 5))
                        if v1 == 0 or v2 == 0:
                            continue
                        pexp = (mp.log(v1) - mp.log(v2)) / mp.log(2)
                        exps.append(mp.nstr(pexp, 4))
                        if pexp <= 1 + mpf(10) ** -6:
                            votes += 1
                    if votes >= 2:
                        return 'integrand ~ |x|^-p with p = %s (at |x| = 1e4..1e64 scale) towards %sinf: not integrable' % (
                            ', '.join(exps), '+' if sgn > 0 else '-')
                elif end in ends:
                    # only support ends of components can carry a singularity
                    other = b if side == 1 else a
                    L = max(abs(end), F(1)) if other is None else abs(other - end)
                    Lm = fm(L)
                    votes = []
                    for k in (8, 16, 32, 64):
                        d = Lm * mpf(10) ** (-k)
                        v1 = abs(fn(Point(end, side * d)))
                        v2 = abs(fn(Point(end, side * d / 2)))
                        if bad(v1) or bad(v2):
                            return 'integrand is inf/nan at distance 1e-%d from x = %s' % (k, end)
                        if v1 == 0 or v2 == 0:
                            continue
                        pexp = (mp.log(v2) - mp.log(v1)) / mp.log(2)
                        exps.append(mp.nstr(pexp, 4))
                        votes.append(pexp >= 1 - mpf(10) ** -6)
                    if len(votes) >= 2 and votes[-1] and votes[-2]:
                        return 'integrand ~ |x-c|^-p with p = %s near x = c = %s (%s side): not integrable' % (
                            ', '.join(exps), end, 'right' if side > 0 else 'left')
        return None

    # ---- quadrature ----
    def support_ends(self):
        ends = set()
        for _, c in list(self.P.comps) + (list(self.Q.comps) if self.Q is not None else []):
            ends.update(e for e in c.support() if e is not None)
        return ends

    def integrate(self, pieces, f, method):
        sing = self.support_ends()
        total = mpf(0)
        errtot = mpf(0)
        for pc in pieces:
            fn = self.piece_function(pc, f)
            a, b = pc.a, pc.b
            parts = []
            if a is not None and b is not None:
                L = b - a
                if method == 'A':
                    m = a + L / 2
                    parts.append(('ts', a, 1, m - a))
                    parts.append(('ts', b, -1, b - m))
                else:
                    c1, c2 = a + L * F(3, 10), b - L * F(3, 10)
                    parts.append(('ts', a, 1, c1 - a))
                    parts.append(('gl', c1, 1, c2 - c1))
                    parts.append(('ts', b, -1, b - c2))
            elif a is None and b is None:
                if method == 'A':
                    parts.append(('inf', F(0), 1, None))
                    parts.append(('inf', F(0), -1, None))
                else:
                    parts.append(('exp', F(0), 1, F(1)))
                    parts.append(('exp', F(0), -1, F(1)))
            else:
                anchor, sgn = (a, 1) if b is None else (b, -1)
                S = max(abs(anchor), F(1, 10))
                if method == 'A':
                    parts.append(('inf', anchor, sgn, None))
                else:
                    parts.append(('exp', anchor, sgn, S))
            for kind, anc, sgn, h in parts:
                if kind == 'ts' and anc not in sing:
                    # piece end is an interior point of every density: integrand analytic there
                    g = (lambda anc, sgn: (lambda t: fn(Point(anc, sgn * t))))(anc, sgn)
                    v, e = mp.quad(g, [0, fm(h)], method='tanh-sinh', error=True, maxdegree=self.maxdeg)
                elif kind == 'ts' and method == 'A':
                    # t = h e^{-u}, u in [0, inf): endpoint singularities t^-p become e^{-(1-p)u}
                    hm = fm(h)
                    g = (lambda anc, sgn, hm: (lambda u: (lambda t: fn(Point(anc, sgn * t)) * t)(hm * mp.exp(-u))))(anc, sgn, hm)
                    v, e = mp.quad(g, [0, 2, 8, 32, 128, 512, 3000], error=True, maxdegree=self.maxdeg)
                elif kind == 'ts':
                    # t = 2h / (1 + e^u), u in [0, inf)
                    hm = fm(h)

                    def g(u, anc=anc, sgn=sgn, hm=hm):
                        eu = mp.exp(-u)
                        t = 2 * hm * eu / (1 + eu)
                        return fn(Point(anc, sgn * t)) * t / (1 + eu)
                    v, e = mp.quad(g, [0, 3, 12, 48, 200, 800, 3000], error=True, maxdegree=self.maxdeg)
                elif kind == 'gl':
                    g = (lambda anc, sgn: (lambda t: fn(Point(anc, sgn * t))))(anc, sgn)
                    v, e = mp.quad(g, [0, fm(h)], method='gauss-legendre', error=True, maxdegree=self.maxdeg)
                elif kind == 'inf':
                    g = (lambda anc, sgn: (lambda t: fn(Point(anc, sgn * t))))(anc, sgn)
                    v, e = mp.quad(g, [0, 1, mp.inf], error=True, maxdegree=self.maxdeg)
                else:
                    Sm = fm(h)
                    g = (lambda anc, sgn, Sm: (lambda u: fn(Point(anc, sgn * Sm * mp.exp(u))) * Sm * mp.exp(u)))(anc, sgn, Sm)
                    v, e = mp.quad(g, [-3000, -300, -30, -3, 0, 3, 30, 300, 3000], error=True,
                                   maxdegree=self.maxdeg)
                total += v
                errtot += e
        return total, errtot

    def finish(self, I):
        k = self.kind
        if k == 'Renyi':
            if I <= 0:
                return mp.inf
            return mp.log(I) / (fm(self.alpha) - 1)
        if k == 'Renyi0':
            return -mp.log(I)
        if k == 'Bhattacharyya':
            return -mp.log(I)
        if k == 'Hellinger':
            return mp.sqrt(I) if I > 0 else mpf(0)
        return I


def compute_reference(expr, digits=15, report=None, verbose=False):
    """Returns a dict describing the reference value."""
    t0 = time.time()
    out = {'expr': expr}
    try:
        q = parse_query(expr)
    except (ParseError, ParamError) as e:
        out.update(status='parse-error', msg=str(e))
        return out
    prob = Problem(q)
    an = prob.analyse()
    out['parsed'] = '%s%s(%r%s)' % (q['div'], '' if q['alpha'] is None else '[%s]' % q['alpha'], q['P'],
                                     '' if q['Q'] is None else ' || %r' % q['Q'])
    if an['kind'] == 'inf':
        out.update(status='inf', reason=an['reason'], structural=True)
        return out
    need = max(20, digits + 5)
    dpsA = max(40, digits + 25)
    dpsB = dpsA + 10
    f = make_integrand(prob.kind, q['alpha'])
    with mp.workdps(dpsA):
        extra = []
        if prob.kind == 'TV':
            pieces0 = prob.build_pieces()
            extra = prob.crossings(pieces0)
            out['crossings'] = [float(r) for r in extra]
        pieces = prob.build_pieces(extra)
        out['npieces'] = len(pieces)
        if prob.kind in ('KL', 'CE', 'H', 'Pearson', 'Renyi') and not (prob.kind == 'Renyi' and q['alpha'] < 1):
            pr = prob.probe(pieces, f)
            if pr:
                # sign: for these quantities divergence is to +inf except possibly H / CE
                out.update(status='inf', reason=pr, structural=False)
                return out
        prob.maxdeg = 8
        IA, eA = prob.integrate(pieces, f, 'A')
        vA = prob.finish(IA)
    out['A'] = mp.nstr(vA, dpsA)
    out['errA'] = mp.nstr(eA, 3)
    out['tA'] = round(time.time() - t0, 2)
    if report:
        report({'partial': True, 'A': out['A']})
    with mp.workdps(dpsB):
        prob.maxdeg = 9
        IB, eB = prob.integrate(pieces, f, 'B')
        vB = prob.finish(IB)
    out['B'] = mp.nstr(vB, dpsB)
    out['errB'] = mp.nstr(eB, 3)
    with mp.workdps(dpsB):
        vA_ = mpf(out['A'])
        diff = abs(vB - vA_)
        scale = max(abs(vB), mpf(10) ** -30)
        out['diff'] = mp.nstr(diff, 3)
        ok = diff <= scale * mpf(10) ** (-need) or diff <= mpf(10) ** (-(need + 10))
        out['ref'] = mp.nstr(vB, dpsB)
        out['unc'] = mp.nstr(diff + mpf(10) ** (-(need + 10)), 3)
    out['status'] = 'ok' if ok else 'unverified'
    if not ok:
        out['reason'] = 'methods A and B differ by %s (need < 1e-%d relative)' % (out['diff'], need)
    out['time'] = round(time.time() - t0, 2)
    return out


# ----------------------------------------------------------------------------
# divcalc driver and comparison
# ----------------------------------------------------------------------------

def run_divcalc(binary, expr, digits, timeout=120):
    try:
        r = subprocess.run([binary, '--digits', str(digits), '--format', 'json', expr],
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {'error': 'divcalc timed out after %ss' % timeout}
    line = r.stdout.strip().splitlines()
    if not line:
        return {'error': 'no output (rc=%d) %s' % (r.returncode, r.stderr.strip()[:300])}
    try:
        return json.loads(line[-1])
    except ValueError:
        return {'error': 'unparsable output: %s' % r.stdout.strip()[:300]}


def compare(dc, ref, digits):
    """Returns (category, detail dict)."""
    if 'error' in dc:
        return 'error', {'msg': dc['error']}
    val = dc.get('value')
    if val is None:
        return 'error', {'msg': 'no value in JSON: %r' % dc}
    if val in ('inf', '+inf', '-inf'):
        if ref['status'] == 'inf':
            return 'inf', {'plausible': True, 'why': ref.get('reason')}
        if ref['status'] == 'ok':
            return 'inf', {'plausible': False, 'why': 'reference is finite: %s' % ref['ref'][:digits + 10]}
        return 'inf', {'plausible': None, 'why': 'reference %s (%s)' % (ref['status'], ref.get('reason', ''))}
    try:
        d = Decimal(val)
    except Exception:
        return 'error', {'msg': 'unparsable value %r' % val}
    if ref['status'] == 'inf':
        cat = 'disagree' if ref.get('structural') else 'disagree'
        return cat, {'divcalc': val, 'ref': 'inf', 'why': ref.get('reason'), 'structural': ref.get('structural')}
    if ref['status'] != 'ok':
        return 'unverified', {'divcalc': val, 'why': ref.get('reason', ref['status'])}
    tup = d.as_tuple()
    dg = list(tup.digits)
    while len(dg) > 1 and dg[0] == 0:
        dg.pop(0)
    ndig = len(dg)
    ulp_exp = tup.exponent
    fewer = False
    if d != 0:
        lead = d.adjusted()
        if ndig < digits and (dc.get('exact') is not None or dc.get('method') in ('closed form', 'series')):
            ulp_exp = lead - digits + 1  # exact value with trailing zeros trimmed
        elif ndig < digits:
            fewer = True
    else:
        ulp_exp = min(ulp_exp, -(digits + 5))
    with mp.workdps(80):
        r = mpf(ref['ref'])
        v = mpf(val)
        unc = mpf(ref['unc'])
        ulp = mpf(10) ** ulp_exp
        diff = abs(v - r)
        ok = diff <= ulp + unc
        rel = diff / abs(r) if r != 0 else diff
        det = {'divcalc': val, 'ref': mp.nstr(r, digits + 10), 'absdiff': mp.nstr(diff, 3),
               'reldiff': mp.nstr(rel, 3), 'ulp': mp.nstr(ulp, 2), 'ulps': mp.nstr(diff / ulp, 3),
               'method': dc.get('method'), 'fewer_digits': fewer, 'ndigits': ndig}
    return ('agree' if ok else 'disagree'), det


# ----------------------------------------------------------------------------
# parallel driver with per-query timeouts
# ----------------------------------------------------------------------------

def _worker(expr, digits, conn):
    try:
        def report(msg):
            conn.send(('partial', msg))
        res = compute_reference(expr, digits, report=report)
        conn.send(('done', res))
    except Exception as e:
        conn.send(('done', {'expr': expr, 'status': 'unverified',
                            'reason': 'exception: %s: %s' % (type(e).__name__, e),
                            'trace': traceback.format_exc()[-2000:]}))
    finally:
        conn.close()


def run_references(exprs, digits, jobs, timeout, progress=True):
    import multiprocessing as mproc
    from multiprocessing.connection import wait
    ctx = mproc.get_context('fork')
    results = [None] * len(exprs)
    partial = [None] * len(exprs)
    pending = list(range(len(exprs)))
    running = {}  # conn -> (idx, proc, start)
    done = 0
    while pending or running:
        while pending and len(running) < jobs:
            i = pending.pop(0)
            rconn, wconn = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_worker, args=(exprs[i], digits, wconn), daemon=True)
            p.start()
            wconn.close()
            running[rconn] = (i, p, time.time())
        ready = wait(list(running.keys()), timeout=0.5)
        for c in ready:
            i, p, st = running[c]
            try:
                kind, msg = c.recv()
            except EOFError:
                kind, msg = 'done', {'expr': exprs[i], 'status': 'unverified', 'reason': 'worker died'}
            if kind == 'partial':
                partial[i] = msg
                continue
            results[i] = msg
            p.join()
            c.close()
            del running[c]
            done += 1
            if progress:
                print('[%3d/%d] %-10s %5.1fs  %s' % (done, len(exprs), msg.get('status'), time.time() - st, exprs[i]),
                      file=sys.stderr, flush=True)
        now = time.time()
        for c in list(running.keys()):
            i, p, st = running[c]
            if now - st > timeout:
                p.terminate()
                p.join()
                c.close()
                del running[c]
                r = {'expr': exprs[i], 'status': 'unverified', 'reason': 'timeout after %ss' % timeout}
                if partial[i]:
                    r['A'] = partial[i].get('A')
                results[i] = r
                done += 1
                if progress:
                    print('[%3d/%d] timeout    %5.1fs  %s' % (done, len(exprs), now - st, exprs[i]),
                          file=sys.stderr, flush=True)
    return results


def parse_only(spec, n):
    idx = set()
    for part in spec.split(','):
        if '-' in part:
            a, b = part.split('-')
            idx.update(range(int(a), int(b) + 1))
        else:
            idx.add(int(part))
    return sorted(i for i in idx if 1 <= i <= n)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('queries', nargs='?', help='file with one expression per line')
    ap.add_argument('--digits', type=int, default=15)
    ap.add_argument('--binary', default=DEFAULT_BINARY)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=60.0, help='seconds per query for the mpmath reference')
    ap.add_argument('--json-out', help='write per-query details as JSON lines here')
    ap.add_argument('--only', help='1-based line numbers to check, e.g. 1,5,10-20')
    ap.add_argument('--expr', help='compute the reference of one expression and print it')
    ap.add_argument('--ref-cache', help='JSON-lines file of references to reuse/extend (keyed by expression '
                    'and digits); delete it after changing this script')
    args = ap.parse_args()

    if args.expr:
        r = compute_reference(args.expr, args.digits)
        print(json.dumps(r, indent=1))
        return 0
    if not args.queries:
        ap.error('queries file required')
    with open(args.queries) as fh:
        lines = [ln.strip() for ln in fh]
    exprs = [(i + 1, ln) for i, ln in enumerate(lines) if ln and not ln.startswith('#')]
    if args.only:
        keep = set(parse_only(args.only, len(lines)))
        exprs = [(i, e) for i, e in exprs if i in keep]
    if os.sep in args.binary or os.path.exists(args.binary):
        args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        print('binary not executable: %s' % args.binary, file=sys.stderr)
        return 2

    t0 = time.time()
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        dcs = list(ex.map(lambda e: run_divcalc(args.binary, e[1], args.digits), exprs))
    cache = {}
    if args.ref_cache and os.path.exists(args.ref_cache):
        with open(args.ref_cache) as fh:
            for ln in fh:
                r = json.loads(ln)
                cache[(r['expr'], r['digits'])] = r['ref']
    todo = [e for _, e in exprs if (e, args.digits) not in cache]
    new = run_references(todo, args.digits, args.jobs, args.timeout) if todo else []
    for e, r in zip(todo, new):
        cache[(e, args.digits)] = r
    if args.ref_cache:
        with open(args.ref_cache, 'a') as fh:
            for e, r in zip(todo, new):
                if not str(r.get('reason', '')).startswith('timeout'):
                    fh.write(json.dumps({'expr': e, 'digits': args.digits, 'ref': r}) + '\n')
    refs = [cache[(e, args.digits)] for _, e in exprs]

    cats = {'agree': [], 'disagree': [], 'unverified': [], 'inf': [], 'error': []}
    rows = []
    for (ln, e), dc, ref in zip(exprs, dcs, refs):
        cat, det = compare(dc, ref, args.digits)
        cats[cat].append((ln, e, det, ref, dc))
        rows.append({'line': ln, 'expr': e, 'category': cat, 'detail': det, 'reference': ref, 'divcalc': dc})
    if args.json_out:
        with open(args.json_out, 'w') as fh:
            for r in rows:
                fh.write(json.dumps(r, default=str) + '\n')

    implausible_inf = [x for x in cats['inf'] if x[2].get('plausible') is False]
    P = print
    P('=' * 78)
    P('crosscheck: %d queries, divcalc --digits %d (%s), %.0fs' % (len(exprs), args.digits, args.binary,
                                                                   time.time() - t0))
    P('  agree       %d' % len(cats['agree']))
    P('  disagree    %d' % len(cats['disagree']))
    P('  unverified  %d' % len(cats['unverified']))
    P('  inf         %d  (plausible %d, implausible %d, unknown %d)' % (
        len(cats['inf']), sum(1 for x in cats['inf'] if x[2].get('plausible') is True), len(implausible_inf),
        sum(1 for x in cats['inf'] if x[2].get('plausible') is None)))
    P('  error       %d' % len(cats['error']))
    few = [x for x in cats['agree'] if x[2].get('fewer_digits')]
    if few:
        P('  (note: %d agreeing results printed fewer than %d digits)' % (len(few), args.digits))
    if cats['disagree']:
        P('\nDISAGREEMENTS')
        for ln, e, det, ref, dc in cats['disagree']:
            P('  line %d: %s' % (ln, e))
            P('     divcalc   = %s  (%s)' % (det.get('divcalc'), dc.get('method', '')))
            if det.get('ref') == 'inf':
                P('     reference = inf  (%s%s)' % (det.get('why'), '' if det.get('structural') else '; numerical probe'))
            else:
                P('     reference = %s' % det.get('ref'))
                P('     |diff| = %s  rel = %s  = %s ulp' % (det['absdiff'], det['reldiff'], det['ulps']))
    if implausible_inf:
        P('\nDIVCALC INF BUT REFERENCE FINITE (counted as disagreements)')
        for ln, e, det, ref, dc in implausible_inf:
            P('  line %d: %s\n     divcalc = inf (%s)\n     %s' % (ln, e, dc.get('reason', ''), det['why']))
    if cats['unverified']:
        P('\nUNVERIFIED (reference not established)')
        for ln, e, det, ref, dc in cats['unverified']:
            P('  line %d: %s\n     divcalc = %s; A = %s; B = %s; %s' % (
                ln, e, det.get('divcalc'), (ref.get('A') or '-')[:30], (ref.get('B') or '-')[:30], det.get('why')))
    if cats['inf']:
        P('\nINF RESULTS')
        for ln, e, det, ref, dc in cats['inf']:
            tag = {True: 'plausible', False: 'IMPLAUSIBLE', None: 'unknown'}[det.get('plausible')]
            P('  line %d: [%s] %s\n     divcalc: %s\n     check: %s' % (ln, tag, e, dc.get('reason', ''), det.get('why')))
    if cats['error']:
        P('\nERRORS')
        for ln, e, det, ref, dc in cats['error']:
            P('  line %d: %s\n     %s' % (ln, e, det['msg']))
    return 1 if (cats['disagree'] or implausible_inf) else 0


if __name__ == '__main__':
    sys.exit(main())
