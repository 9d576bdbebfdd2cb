//! The builder: compiles symbolic expressions in `x` into one [`Program`], folding affine sub-expressions
//! exactly, computing common sub-expressions once, and sparing logarithms and exponentials where a
//! log-density allows ([`Builder::exp_of`], [`Builder::log_difference`], [`Builder::sum_exp`]).

// FxHash: these maps are keyed by expression trees, hashed whole at every lookup; SipHash cost several
// times more and its resistance to chosen keys is not needed here.
use rustc_hash::FxHashMap as HashMap;

use num_traits::{ToPrimitive, Zero};

use super::{EnclosedConstants, Instruction, Program, Slot, Unary, VARIABLE};
use crate::error::EvalError;
use crate::exact::Rational;
use crate::sym::{Constant, Expr, Function};

/// A compiled sub-expression, before it is placed in a register.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// Does not depend on the variable.
    Constant(Expr),
    /// offset + slope·t, both constant.
    Affine {
        /// The constant part.
        offset: Expr,
        /// The coefficient of t.
        slope: Expr,
    },
    /// A computed slot.
    Slot(Slot),
}

/// How `x` is written in terms of the program's input: `x = center + sign·t`.
#[derive(Clone, Debug, PartialEq)]
pub struct Substitution {
    /// The point `t = 0`.
    pub center: Expr,
    /// `t` increases with `x` (+1) or decreases (−1).
    pub increasing: bool,
}

impl Substitution {
    /// `x = t`.
    pub fn identity() -> Substitution {
        Substitution {
            center: Expr::int(0),
            increasing: true,
        }
    }
}

/// Compiles expressions into one program.
pub struct Builder {
    substitution: Substitution,
    /// A point of the region (in x) used to decide the sign of `abs` arguments.
    sign_point: Option<Rational>,
    constants: Vec<Expr>,
    constant_index: HashMap<Expr, usize>,
    instructions: Vec<Instruction>,
    /// Sub-expressions already compiled (common sub-expressions are computed once).
    compiled: HashMap<Expr, Node>,
}

fn unsupported(what: String) -> EvalError {
    EvalError::NoRule(format!("{what} (the numeric fallback cannot evaluate it)"))
}

impl Builder {
    /// A builder for `x = center + sign·t`. `sign_point`, a point of the region where the program is used,
    /// decides the sign of each `abs(…)` argument (kinks are region ends, so the sign is constant inside).
    pub fn new(substitution: Substitution, sign_point: Option<Rational>) -> Builder {
        Builder {
            substitution,
            sign_point,
            constants: Vec::new(),
            constant_index: HashMap::default(),
            instructions: Vec::new(),
            compiled: HashMap::default(),
        }
    }

    /// Finishes the program with `output` as its result, dropping instructions it does not use.
    pub fn finish(mut self, output: Node) -> Program {
        let output = self.slot(output);
        let count = self.instructions.len();
        let mut used = vec![false; count];
        let mark = |slot: &Slot, used: &mut Vec<bool>| {
            if let Slot::Register(index) = slot {
                used[*index] = true;
            }
        };
        mark(&output, &mut used);
        for index in (0..count).rev() {
            if used[index] {
                for operand in operands(&self.instructions[index]) {
                    mark(&operand, &mut used);
                }
            }
        }
        let mut renumbered = vec![0; count];
        let mut instructions = Vec::with_capacity(count);
        let rename = |slot: Slot, renumbered: &[usize]| match slot {
            Slot::Register(index) => Slot::Register(renumbered[index]),
            other => other,
        };
        for (index, instruction) in self.instructions.into_iter().enumerate() {
            if !used[index] {
                continue;
            }
            renumbered[index] = instructions.len();
            instructions.push(map_operands(instruction, |slot| rename(slot, &renumbered)));
        }
        Program {
            constants: self.constants,
            instructions,
            output: rename(output, &renumbered),
            enclosed: EnclosedConstants::default(),
            memo: Default::default(),
        }
    }

    fn constant(&mut self, expr: Expr) -> usize {
        if let Some(&index) = self.constant_index.get(&expr) {
            return index;
        }
        let index = self.constants.len();
        self.constants.push(expr.clone());
        self.constant_index.insert(expr, index);
        index
    }

    fn push(&mut self, instruction: Instruction) -> Slot {
        self.instructions.push(instruction);
        Slot::Register(self.instructions.len() - 1)
    }

    /// Places a node in a slot, emitting an instruction if needed.
    pub fn slot(&mut self, node: Node) -> Slot {
        match node {
            Node::Slot(slot) => slot,
            Node::Constant(expr) => Slot::Constant(self.constant(expr)),
            Node::Affine { offset, slope } => {
                if offset.is_zero() && slope.is_one() {
                    return Slot::Variable;
                }
                let offset = (!offset.is_zero()).then(|| self.constant(offset));
                let slope = self.constant(slope);
                self.push(Instruction::Affine { offset, slope })
            }
        }
    }

    /// Compiles a symbolic expression in `x`.
    pub fn expr(&mut self, expr: &Expr) -> Result<Node, EvalError> {
        if let Some(node) = self.compiled.get(expr) {
            return Ok(node.clone());
        }
        let node = self.compile(expr)?;
        self.compiled.insert(expr.clone(), node.clone());
        Ok(node)
    }

    /// e^{expr} without the exponential where possible: e^{c + Σ kᵢ log Bᵢ + r} = e^c · Π Bᵢ^{kᵢ} · e^r for
    /// integer and half-integer kᵢ (a power is far cheaper than a logarithm and an exponential).
    pub fn exp_of(&mut self, expr: &Expr) -> Result<Node, EvalError> {
        let terms: Vec<Expr> = match expr {
            Expr::Add(terms) => terms.clone(),
            other => vec![other.clone()],
        };
        let mut constant = Expr::int(0);
        let mut rest = Expr::int(0);
        let mut factors: Vec<(Expr, Rational)> = Vec::new();
        for term in terms {
            if !depends_on_variable(&term) {
                constant = constant + term;
                continue;
            }
            match logarithm_multiple(&term) {
                Some((base, k)) => factors.push((base, k)),
                None => rest = rest + term,
            }
        }
        let mut node = Node::Constant(crate::sym::exp(constant));
        for (base, k) in factors {
            let base = self.expr(&base)?;
            let power = if k.is_integer() {
                match k.to_integer().to_i32() {
                    Some(n) => self.power_integer(base, n),
                    None => return Err(unsupported("a huge power".into())),
                }
            } else {
                let slot = self.slot(base);
                Node::Slot(self.push(Instruction::PowRational(slot, k)))
            };
            node = self.mul(node, power);
        }
        if !rest.is_zero() {
            let rest = self.expr(&rest)?;
            let exponential = self.unary(Unary::Exp, rest);
            node = self.mul(node, exponential);
        }
        Ok(node)
    }

    /// a − b for two log-densities, with their logarithms of the variable gathered by base: multiples of
    /// one base that cancel are dropped (Kumaraswamy(½, ·) against Beta(½, ·) both hold −½ log x, whose
    /// difference evaluated term by term loses everything to cancellation near 0), and integer multiples
    /// of two or more bases become one [`Instruction::LogProduct`] (log(1 + x²) − 2 log(1 + x²/3): one
    /// logarithm, not two). Other terms common to both cancel too ([`super::monomials`]). `None` when there is
    /// nothing to gather.
    pub fn log_difference(&mut self, a: &Expr, b: &Expr) -> Result<Option<Node>, EvalError> {
        let mut rest = Expr::int(0);
        let mut factors: Vec<(Expr, Rational, usize)> = Vec::new();
        // Terms common to a and b cancel here, before any evaluation (the −(log x)²/(2σ²) of a log-normal
        // against a mixture holding it).
        let (terms, cancelled) = super::monomials::gathered_difference(a, b);
        for (coefficient, product) in terms {
            let term = Expr::Number(coefficient) * product;
            let multiple = depends_on_variable(&term)
                .then(|| logarithm_multiple(&term))
                .flatten();
            match multiple {
                Some((base, k)) => match factors.iter_mut().find(|(b, _, _)| *b == base) {
                    Some((_, total, count)) => {
                        *total += k;
                        *count += 1;
                    }
                    None => factors.push((base, k, 1)),
                },
                None => rest = rest + term,
            }
        }
        let cancelled = cancelled
            || factors
                .iter()
                .any(|(_, k, count)| *count > 1 && k.is_zero());
        factors.retain(|(_, k, _)| !k.is_zero());
        // k log A − k log B with A and B polynomials of the same leading term: k log(1 + (A − B)/B), whose
        // ratio is known to an interval's own relative width ([`super::polynomial`]).
        let mut paired = false;
        let mut index = 0;
        while index < factors.len() {
            let partner = (index + 1..factors.len()).find_map(|other| {
                let (a, k, _) = &factors[index];
                let (b, l, _) = &factors[other];
                if (k + l) != Rational::zero() {
                    return None;
                }
                super::polynomial::relative_difference(a, b)
                    .map(|ratio| (other, ratio, k.clone()))
                    .or_else(|| {
                        super::polynomial::relative_difference(b, a)
                            .map(|ratio| (other, ratio, l.clone()))
                    })
            });
            match partner {
                Some((other, ratio, k)) => {
                    rest = rest + Expr::Number(k) * crate::sym::log(Expr::int(1) + ratio);
                    factors.remove(other);
                    factors.remove(index);
                    paired = true;
                }
                None => index += 1,
            }
        }
        let cancelled = cancelled || paired;
        let integers = factors.iter().filter(|(_, k, _)| k.is_integer()).count();
        if integers < 2 && !cancelled {
            return Ok(None);
        }
        let mut slots = Vec::new();
        for (base, k, _) in factors {
            match k
                .to_integer()
                .to_i32()
                .filter(|_| k.is_integer() && integers >= 2)
            {
                Some(k) => {
                    let node = self.expr(&base)?;
                    slots.push((self.slot(node), k));
                }
                None => rest = rest + Expr::Number(k) * crate::sym::log(base),
            }
        }
        let rest = self.expr(&rest)?;
        if slots.is_empty() {
            return Ok(Some(rest));
        }
        let logarithms = Node::Slot(self.push(Instruction::LogProduct(slots)));
        Ok(Some(self.add(logarithms, rest)))
    }

    fn compile(&mut self, expr: &Expr) -> Result<Node, EvalError> {
        if !depends_on_variable(expr) {
            if expr.has_symbols() {
                return Err(unsupported(format!(
                    "an expression with free symbols ({expr})"
                )));
            }
            return Ok(Node::Constant(expr.clone()));
        }
        match expr {
            Expr::Symbol(_) => Ok(Node::Affine {
                offset: self.substitution.center.clone(),
                slope: Expr::int(if self.substitution.increasing { 1 } else { -1 }),
            }),
            Expr::Add(terms) => {
                let mut total = Node::Constant(Expr::int(0));
                for term in terms {
                    let node = self.expr(term)?;
                    total = self.add(total, node);
                }
                Ok(total)
            }
            Expr::Mul(factors) => {
                let mut total = Node::Constant(Expr::int(1));
                for factor in factors {
                    let node = self.expr(factor)?;
                    total = self.mul(total, node);
                }
                Ok(total)
            }
            Expr::Pow(base, exponent) => self.power(base, exponent),
            Expr::Apply(function, arguments) => {
                let [argument] = arguments.as_slice() else {
                    return Err(unsupported(format!("{} of the variable", function.name())));
                };
                self.apply(*function, argument)
            }
            other => Err(unsupported(format!("the expression {other}"))),
        }
    }

    fn power(&mut self, base: &Expr, exponent: &Expr) -> Result<Node, EvalError> {
        if matches!(base, Expr::Constant(Constant::E)) {
            let exponent = self.expr(exponent)?;
            return Ok(self.unary(Unary::Exp, exponent));
        }
        let base_node = self.expr(base)?;
        if let Expr::Number(value) = exponent {
            if value.is_integer() {
                if let Some(n) = value.to_integer().to_i32() {
                    return Ok(self.power_integer(base_node, n));
                }
            }
            let slot = self.slot(base_node);
            return Ok(Node::Slot(
                self.push(Instruction::PowRational(slot, value.clone())),
            ));
        }
        let exponent = self.expr(exponent)?;
        let base = self.slot(base_node);
        let exponent = self.slot(exponent);
        Ok(Node::Slot(self.push(Instruction::Pow(base, exponent))))
    }

    /// aⁿ for a machine integer n.
    pub fn power_integer(&mut self, base: Node, n: i32) -> Node {
        match (base, n) {
            (base, 1) => base,
            (Node::Constant(c), n) => Node::Constant(c.powi(i64::from(n))),
            (base, n) => {
                let slot = self.slot(base);
                Node::Slot(self.push(Instruction::PowInteger(slot, n)))
            }
        }
    }

    fn apply(&mut self, function: Function, argument: &Expr) -> Result<Node, EvalError> {
        let unary = match function {
            Function::Log => Unary::Log,
            Function::Exp => Unary::Exp,
            Function::Lgamma => Unary::Lgamma,
            Function::Digamma => Unary::Digamma,
            Function::Trigamma => Unary::Trigamma,
            Function::Erf => Unary::Erf,
            Function::Erfc => Unary::Erfc,
            Function::ExpIntegralE1 => Unary::ExpIntegralE1,
            Function::Atan => Unary::Atan,
            Function::Sin => Unary::Sin,
            Function::Cos => Unary::Cos,
            Function::Abs => return self.absolute(argument),
            Function::BesselI => {
                return Err(unsupported("besseli of the variable".into()));
            }
        };
        let node = self.expr(argument)?;
        Ok(self.unary(unary, node))
    }

    /// The expression with each |a| whose sign at the region's sign point is certain written as a or −a, so
    /// that its terms can be gathered with another log-density's (a Laplace's −|x + 1|/3 against a
    /// Gamma's −x/3 on the right).
    pub fn resolve_absolute(&self, expr: &Expr) -> Expr {
        match expr {
            Expr::Apply(Function::Abs, arguments) if arguments.len() == 1 => {
                let argument = self.resolve_absolute(&arguments[0]);
                match self.sign_at_point(&argument) {
                    Some(true) => argument,
                    Some(false) => -argument,
                    None => Expr::Apply(Function::Abs, vec![argument]),
                }
            }
            Expr::Add(items) => Expr::Add(items.iter().map(|e| self.resolve_absolute(e)).collect()),
            Expr::Mul(items) => Expr::Mul(items.iter().map(|e| self.resolve_absolute(e)).collect()),
            Expr::Apply(function, items) => Expr::Apply(
                *function,
                items.iter().map(|e| self.resolve_absolute(e)).collect(),
            ),
            Expr::Pow(base, exponent) => Expr::Pow(
                Box::new(self.resolve_absolute(base)),
                Box::new(self.resolve_absolute(exponent)),
            ),
            other => other.clone(),
        }
    }

    /// The sign of `argument` at the region's sign point, where certain (`true`: positive).
    fn sign_at_point(&self, argument: &Expr) -> Option<bool> {
        let point = self.sign_point.as_ref()?;
        let at_point = argument.substitute(VARIABLE, &Expr::Number(point.clone()));
        crate::numeric::evaluate(&at_point, 128, &crate::interrupt::Never)
            .ok()?
            .sign()
    }

    /// |a|: the identity or a negation where the sign of `a` at the region's sign point is certain.
    fn absolute(&mut self, argument: &Expr) -> Result<Node, EvalError> {
        let node = self.expr(argument)?;
        Ok(match self.sign_at_point(argument) {
            Some(true) => node,
            Some(false) => self.neg(node),
            None => self.unary(Unary::Abs, node),
        })
    }

    /// f(a).
    pub fn unary(&mut self, unary: Unary, node: Node) -> Node {
        if let Node::Constant(c) = &node {
            let function = match unary {
                Unary::Log => Some(Function::Log),
                Unary::Exp => Some(Function::Exp),
                _ => None,
            };
            if let Some(function) = function {
                return Node::Constant(Expr::Apply(function, vec![c.clone()]));
            }
        }
        let slot = self.slot(node);
        Node::Slot(self.push(Instruction::Unary(unary, slot)))
    }

    /// a + b.
    pub fn add(&mut self, a: Node, b: Node) -> Node {
        match (a, b) {
            (Node::Constant(x), Node::Constant(y)) => Node::Constant(x + y),
            (Node::Constant(c), Node::Affine { offset, slope })
            | (Node::Affine { offset, slope }, Node::Constant(c)) => Node::Affine {
                offset: offset + c,
                slope,
            },
            (
                Node::Affine { offset, slope },
                Node::Affine {
                    offset: other_offset,
                    slope: other_slope,
                },
            ) => affine(offset + other_offset, slope + other_slope),
            (a, b) if is_zero(&a) => b,
            (a, b) if is_zero(&b) => a,
            (a, b) => {
                let (a, b) = (self.slot(a), self.slot(b));
                Node::Slot(self.push(Instruction::Add(a, b)))
            }
        }
    }

    /// a − b.
    pub fn sub(&mut self, a: Node, b: Node) -> Node {
        match (a, b) {
            (a, b @ (Node::Constant(_) | Node::Affine { .. })) => {
                let negated = self.neg(b);
                self.add(a, negated)
            }
            (a, b) if is_zero(&a) => self.neg(b),
            (a, b) => {
                let (a, b) = (self.slot(a), self.slot(b));
                Node::Slot(self.push(Instruction::Sub(a, b)))
            }
        }
    }

    /// −a.
    pub fn neg(&mut self, a: Node) -> Node {
        match a {
            Node::Constant(c) => Node::Constant(-c),
            Node::Affine { offset, slope } => Node::Affine {
                offset: -offset,
                slope: -slope,
            },
            Node::Slot(slot) => Node::Slot(self.push(Instruction::Neg(slot))),
        }
    }

    /// a · b.
    pub fn mul(&mut self, a: Node, b: Node) -> Node {
        match (a, b) {
            (Node::Constant(x), Node::Constant(y)) => Node::Constant(x * y),
            (Node::Constant(c), Node::Affine { offset, slope })
            | (Node::Affine { offset, slope }, Node::Constant(c)) => {
                affine(offset * c.clone(), slope * c)
            }
            (Node::Constant(c), other) | (other, Node::Constant(c)) if c.is_one() => other,
            (a, b) => {
                let (a, b) = (self.slot(a), self.slot(b));
                Node::Slot(self.push(Instruction::Mul(a, b)))
            }
        }
    }

    /// a / b.
    pub fn div(&mut self, a: Node, b: Node) -> Node {
        if let Node::Constant(c) = &b {
            let inverse = Node::Constant(c.clone().powi(-1));
            return self.mul(a, inverse);
        }
        let (a, b) = (self.slot(a), self.slot(b));
        Node::Slot(self.push(Instruction::Div(a, b)))
    }

    /// log Σᵢ wᵢ·exp(lᵢ) for pairs (log wᵢ, lᵢ).
    pub fn log_sum_exp(&mut self, terms: Vec<(Expr, Node)>) -> Node {
        if let [(weight, node)] = terms.as_slice() {
            let weight = Node::Constant(weight.clone());
            return self.add(weight, node.clone());
        }
        let pairs = self.pairs(terms);
        Node::Slot(self.push(Instruction::LogSumExp(pairs)))
    }

    /// Σ exp(wᵢ + lᵢ) over (log-weight, log-term) pairs.
    pub fn sum_exp(&mut self, terms: Vec<(Expr, Node)>) -> Node {
        let pairs = self.pairs(terms);
        Node::Slot(self.push(Instruction::SumExp(pairs)))
    }

    /// log Σ exp(wᵢ + lᵢ), given `sum` = Σ exp(wᵢ + lᵢ) from [`Builder::sum_exp`].
    pub fn log_of_sum(&mut self, sum: Node, terms: Vec<(Expr, Node)>) -> Node {
        let sum = self.slot(sum);
        let pairs = self.pairs(terms);
        Node::Slot(self.push(Instruction::LogOfSum(sum, pairs)))
    }

    fn pairs(&mut self, terms: Vec<(Expr, Node)>) -> Vec<(Slot, Slot)> {
        terms
            .into_iter()
            .map(|(weight, node)| {
                let weight = Slot::Constant(self.constant(weight));
                (weight, self.slot(node))
            })
            .collect()
    }
}

/// The operands of an instruction.
fn operands(instruction: &Instruction) -> Vec<Slot> {
    match instruction {
        Instruction::Affine { .. } => vec![Slot::Variable],
        Instruction::Add(a, b)
        | Instruction::Sub(a, b)
        | Instruction::Mul(a, b)
        | Instruction::Div(a, b)
        | Instruction::Pow(a, b) => vec![*a, *b],
        Instruction::Neg(a)
        | Instruction::PowInteger(a, _)
        | Instruction::PowRational(a, _)
        | Instruction::Unary(_, a) => vec![*a],
        Instruction::LogSumExp(pairs) | Instruction::SumExp(pairs) => {
            pairs.iter().flat_map(|(w, l)| [*w, *l]).collect()
        }
        Instruction::LogOfSum(sum, pairs) => std::iter::once(*sum)
            .chain(pairs.iter().flat_map(|(w, l)| [*w, *l]))
            .collect(),
        Instruction::LogProduct(factors) => factors.iter().map(|(a, _)| *a).collect(),
    }
}

/// The instruction with each operand slot mapped.
fn map_operands(instruction: Instruction, f: impl Fn(Slot) -> Slot) -> Instruction {
    match instruction {
        Instruction::Add(a, b) => Instruction::Add(f(a), f(b)),
        Instruction::Sub(a, b) => Instruction::Sub(f(a), f(b)),
        Instruction::Mul(a, b) => Instruction::Mul(f(a), f(b)),
        Instruction::Div(a, b) => Instruction::Div(f(a), f(b)),
        Instruction::Pow(a, b) => Instruction::Pow(f(a), f(b)),
        Instruction::Neg(a) => Instruction::Neg(f(a)),
        Instruction::PowInteger(a, n) => Instruction::PowInteger(f(a), n),
        Instruction::PowRational(a, r) => Instruction::PowRational(f(a), r),
        Instruction::Unary(u, a) => Instruction::Unary(u, f(a)),
        Instruction::LogSumExp(pairs) => {
            Instruction::LogSumExp(pairs.into_iter().map(|(w, l)| (f(w), f(l))).collect())
        }
        Instruction::SumExp(pairs) => {
            Instruction::SumExp(pairs.into_iter().map(|(w, l)| (f(w), f(l))).collect())
        }
        Instruction::LogOfSum(sum, pairs) => Instruction::LogOfSum(
            f(sum),
            pairs.into_iter().map(|(w, l)| (f(w), f(l))).collect(),
        ),
        Instruction::LogProduct(factors) => {
            Instruction::LogProduct(factors.into_iter().map(|(a, k)| (f(a), k)).collect())
        }
        affine @ Instruction::Affine { .. } => affine,
    }
}

/// `k·log(B)` (or `log(B)`) with k rational: (B, k).
fn logarithm_multiple(term: &Expr) -> Option<(Expr, Rational)> {
    let (k, inner) = match term {
        Expr::Apply(Function::Log, arguments) => (crate::exact::integer(1), arguments),
        Expr::Mul(factors) => {
            let mut k = crate::exact::integer(1);
            let mut logarithm = None;
            for factor in factors {
                match factor {
                    Expr::Number(value) => k *= value,
                    Expr::Apply(Function::Log, arguments) if logarithm.is_none() => {
                        logarithm = Some(arguments)
                    }
                    _ => return None,
                }
            }
            (k, logarithm?)
        }
        _ => return None,
    };
    let [base] = inner.as_slice() else {
        return None;
    };
    Some((base.clone(), k))
}

fn affine(offset: Expr, slope: Expr) -> Node {
    if slope.is_zero() {
        Node::Constant(offset)
    } else {
        Node::Affine { offset, slope }
    }
}

fn is_zero(node: &Node) -> bool {
    matches!(node, Node::Constant(c) if c.is_zero())
}

/// Whether an expression contains the variable `x`.
pub fn depends_on_variable(expr: &Expr) -> bool {
    expr.any(&|e| matches!(e, Expr::Symbol(symbol) if symbol.name == VARIABLE))
}

/// The points where an `abs(…)` of an affine argument changes sign (Laplace's location): kinks of the
/// integrand that must be ends of integration regions.
pub fn kinks(expr: &Expr) -> Vec<Expr> {
    let mut found = Vec::new();
    collect_kinks(expr, &mut found);
    found
}

fn collect_kinks(expr: &Expr, found: &mut Vec<Expr>) {
    match expr {
        Expr::Apply(Function::Abs, arguments) => {
            for argument in arguments {
                let mut builder = Builder::new(Substitution::identity(), None);
                if let Ok(Node::Affine { offset, slope }) = builder.expr(argument) {
                    let root = -offset / slope;
                    if !found.contains(&root) {
                        found.push(root);
                    }
                }
                collect_kinks(argument, found);
            }
        }
        Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => {
            items.iter().for_each(|item| collect_kinks(item, found))
        }
        Expr::Pow(base, exponent) => {
            collect_kinks(base, found);
            collect_kinks(exponent, found);
        }
        _ => {}
    }
}
