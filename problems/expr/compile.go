package expr

import (
	"math"
	"slices"
)

// fn computes a formula's value and its partial derivatives in x and y at (x, y):
// forward-mode automatic differentiation, compiled once per formula into nested
// closures that pass values in registers and allocate nothing per call.
//
// A call costs about as much as the arithmetic of a term, so the compiler makes few:
// a chain of sums and differences is one closure looping over its terms; a term
// s·(m·u + k)² or s·(m·u + k) whose u is a leaf (x, y or a constant), or a sum of
// such terms, is computed in place. Rosenbrock, (1-x)^2 + 100*(y-x^2)^2, is one
// closure without calls. Every rearrangement is exact in IEEE arithmetic (a − b is
// a + (−1)·b, 1·u + 0 is u, the sums keep their order), so the values are those of
// the formula as written. On Rosenbrock the tree walk took 36 times the hand-written
// time, an interpreter over a flat instruction list 10, a closure per operation 6,
// this 5.5: what remains is the general term's arithmetic (multiplications by 1 and
// additions of 0 that hand-written code leaves out).
type fn func(x, y float64) (v, dx, dy float64)

// operand is an input of a compiled operation: a subformula f, or where f is nil the
// leaf c + wx·x + wy·y with gradient (wx, wy), which is x, y or a constant exactly at
// finite (x, y). Each closure reads its operands with the two lines
//
//	a, ax, ay := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
//	if oa.f != nil { a, ax, ay = oa.f(x, y) }
//
// written out, as no method holding a closure call is inlined: a leaf costs no call.
type operand struct {
	f         fn
	c, wx, wy float64
	leaves    []leafTerm // if not nil, the operand is their sum (see leafSum)
}

// term is s·(m·u + k)², or s·(m·u + k) if !squared, for the operand u.
type term struct {
	u       operand
	s, m, k float64
	squared bool
}

// maxPowInt is the largest |n| for which a^n is computed by multiplication: beyond it
// the rounding of repeated products would exceed math.Pow's.
const maxPowInt = 16

// compile returns the fn of the tree under root.
//
// The fn of the whole formula also applies ValueGrad's rules at its edges: an
// infinite or NaN coordinate gives NaN, −0 is taken as 0, and an undefined value has
// an undefined gradient. A root that is a sum does so itself, saving a call.
func compile(nodes []node, root int32) fn {
	c := compiler{nodes: nodes}
	if c.summable(root) {
		return sum(c.resolve(c.terms(nil, root, false)), true)
	}
	f := c.operand(root).f
	if f == nil { // x, y or a constant: a sum of one term
		return sum([]term{{u: c.operand(root), s: 1, m: 1}}, true)
	}
	return func(x, y float64) (v, dx, dy float64) {
		if x-x != 0 || y-y != 0 { // an infinite or NaN coordinate
			return math.NaN(), math.NaN(), math.NaN()
		}
		v, dx, dy = f(x+0, y+0)
		if v != v { // NaN: undefined here, so is the slope, whatever the partials say
			return v, v, v
		}
		return v, dx, dy
	}
}

type compiler struct{ nodes []node }

func (c *compiler) operand(i int32) operand {
	switch n := &c.nodes[i]; n.op {
	case opX:
		return operand{wx: 1}
	case opY:
		return operand{wy: 1}
	case opNum:
		return operand{c: n.c}
	}
	return operand{f: c.compile(i)}
}

// affine reports whether node i is m·a + c for a constant m and c, and which a:
// sums, differences and products with one constant operand, and negation. The
// products and sums are the same IEEE operations as written, so values do not change.
func (c *compiler) affine(i int32) (m, k float64, a int32, ok bool) {
	n := &c.nodes[i]
	if n.op == opNeg {
		return -1, 0, n.a, true
	}
	switch n.op {
	case opAdd, opSub, opMul:
	default:
		return 0, 0, 0, false
	}
	na, nb := &c.nodes[n.a], &c.nodes[n.b]
	switch {
	case nb.op == opNum && n.op == opAdd:
		return 1, nb.c, n.a, true
	case nb.op == opNum && n.op == opSub:
		return 1, -nb.c, n.a, true // a − c is a + (−c) exactly
	case nb.op == opNum && n.op == opMul:
		return nb.c, 0, n.a, true
	case na.op == opNum && n.op == opAdd:
		return 1, na.c, n.b, true
	case na.op == opNum && n.op == opSub:
		return -1, na.c, n.b, true // c − a is (−a) + c exactly
	case na.op == opNum && n.op == opMul:
		return na.c, 0, n.b, true
	}
	return 0, 0, 0, false
}

// compile returns the fn of node i, an operation.
func (c *compiler) compile(i int32) fn {
	n := &c.nodes[i]
	if c.summable(i) {
		return sum(c.resolve(c.terms(nil, i, false)), false)
	}
	oa := c.operand(n.a)
	if n.op == opPowConst && n.c == math.Trunc(n.c) && n.c != 0 && math.Abs(n.c) <= maxPowInt {
		return powInt(oa, int(n.c))
	}
	if n.op.arity() == 1 {
		return unary(oa, n.op, n.c)
	}
	return binary(oa, c.operand(n.b), n.op)
}

// summable reports whether node i compiles to a sum of terms.
func (c *compiler) summable(i int32) bool {
	n := &c.nodes[i]
	_, _, _, affine := c.affine(i)
	return affine || n.op == opAdd || n.op == opSub || n.op == opNeg || n.op == opPowConst && n.c == 2
}

// termSpec is a term whose operand is still the node u.
type termSpec struct {
	t term
	u int32
}

// resolve compiles the operands of specs: a leaf in place; a sum of leaves in place
// too, rather than as a call; anything else compiled.
func (c *compiler) resolve(specs []termSpec) []term {
	ts := make([]term, len(specs))
	for k, sp := range specs {
		ts[k] = sp.t
		if !c.summable(sp.u) {
			ts[k].u = c.operand(sp.u)
			continue
		}
		inner := c.terms(nil, sp.u, false)
		if slices.ContainsFunc(inner, func(sp termSpec) bool { return !c.nodes[sp.u].op.isLeaf() }) {
			ts[k].u = operand{f: sum(c.resolve(inner), false)}
		} else {
			ts[k].u = operand{leaves: leafTerms(c.resolve(inner))}
		}
	}
	return ts
}

// terms appends the terms of node i to ts, negated if minus: the left spine of a
// chain of sums and differences, in order, so that adding them up left to right
// repeats the formula's own additions.
func (c *compiler) terms(ts []termSpec, i int32, minus bool) []termSpec {
	n := &c.nodes[i]
	switch n.op {
	case opAdd, opSub:
		ts = c.terms(ts, n.a, minus)
		return c.term(ts, n.b, minus != (n.op == opSub))
	}
	return c.term(ts, i, minus)
}

// term appends node i to ts as one term s·(m·u + k)[²], negated if minus.
func (c *compiler) term(ts []termSpec, i int32, minus bool) []termSpec {
	t := term{s: 1, m: 1}
	if minus {
		t.s = -1
	}
	// The factor s: signs and one constant factor, outermost first. Each step is
	// exact: −(c·w) is (−c)·w, and c·(−w) is (−c)·w.
	i = c.signs(i, &t.s)
	if m, _, a, ok := c.affine(i); ok && c.nodes[i].op == opMul {
		t.s *= m
		i = c.signs(a, &t.s)
	}
	if n := &c.nodes[i]; n.op == opPowConst && n.c == 2 {
		t.squared = true
		i = n.a
	}
	if m, k, a, ok := c.affine(i); ok {
		t.m, t.k = m, k
		i = a
	}
	return append(ts, termSpec{t, i})
}

// signs returns the node under any negations at i, flipping s once for each.
func (c *compiler) signs(i int32, s *float64) int32 {
	for c.nodes[i].op == opNeg {
		*s = -*s
		i = c.nodes[i].a
	}
	return i
}

// sum returns the fn adding up ts in order.
//
// The root of a formula applies the rules at its edges (see compile).
func sum(ts []term, root bool) fn {
	return func(x, y float64) (v, dx, dy float64) {
		if root {
			if x-x != 0 || y-y != 0 {
				return math.NaN(), math.NaN(), math.NaN()
			}
			x, y = x+0, y+0
		}
		for i := range ts {
			t := &ts[i]
			u, ux, uy := t.u.c+t.u.wx*x+t.u.wy*y, t.u.wx, t.u.wy
			if t.u.f != nil {
				u, ux, uy = t.u.f(x, y)
			} else if t.u.leaves != nil {
				u, ux, uy = leafSum(t.u.leaves, x, y)
			}
			w := t.m*u + t.k
			g := t.s * t.m // ∂(s·w)/∂u
			if t.squared {
				g *= 2 * w
				w *= w
			}
			v += t.s * w
			dx += g * ux
			dy += g * uy
		}
		if root && v != v {
			return v, v, v
		}
		return v, dx, dy
	}
}

// leafTerm is a term of a leaf with its constants folded: s·w² or s·w for
// w = k + mx·x + my·y, with gradient (gx, gy)·w or (gx, gy).
type leafTerm struct {
	k, mx, my, s, gx, gy float64
	squared              bool
}

// leafTerms folds the constants of terms of leaves. The value is unchanged: m·(c +
// wx·x + wy·y) + k with wx, wy ∈ {0, 1} and at most one of them 1 is (m·c + k) +
// (m·wx)·x + (m·wy)·y in IEEE arithmetic, as 0·y only adds a zero.
func leafTerms(ts []term) []leafTerm {
	lt := make([]leafTerm, len(ts))
	for i, t := range ts {
		g := t.s
		if t.squared {
			g *= 2
		}
		mx, my := t.m*t.u.wx, t.m*t.u.wy
		lt[i] = leafTerm{k: t.m*t.u.c + t.k, mx: mx, my: my, s: t.s, gx: g * mx, gy: g * my, squared: t.squared}
	}
	return lt
}

// leafSum adds up terms of leaves, as sum's closure does.
func leafSum(ts []leafTerm, x, y float64) (v, dx, dy float64) {
	for i := range ts {
		t := &ts[i]
		w := t.k + t.mx*x + t.my*y
		if t.squared {
			v += t.s * (w * w)
			dx += t.gx * w
			dy += t.gy * w
		} else {
			v += t.s * w
			dx += t.gx
			dy += t.gy
		}
	}
	return v, dx, dy
}

func powInt(oa operand, n int) fn {
	p := float64(n)
	return func(x, y float64) (float64, float64, float64) {
		v, dx, dy := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
		if oa.f != nil {
			v, dx, dy = oa.f(x, y)
		}
		dx, dy = chain(p*powSlopeInt(v, n), dx, dy)
		return intPower(v, n), dx, dy
	}
}

func unary(oa operand, o op, p float64) fn {
	return func(x, y float64) (float64, float64, float64) {
		v, dx, dy := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
		if oa.f != nil {
			v, dx, dy = oa.f(x, y)
		}
		r := apply(o, v, 0, p)
		ka, _ := partials(o, v, 0, p, r)
		dx, dy = chain(ka, dx, dy)
		return r, dx, dy
	}
}

func binary(oa, ob operand, o op) fn {
	switch o {
	case opAdd:
		return func(x, y float64) (float64, float64, float64) {
			a, ax, ay := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
			if oa.f != nil {
				a, ax, ay = oa.f(x, y)
			}
			b, bx, by := ob.c+ob.wx*x+ob.wy*y, ob.wx, ob.wy
			if ob.f != nil {
				b, bx, by = ob.f(x, y)
			}
			return a + b, ax + bx, ay + by
		}
	case opSub:
		return func(x, y float64) (float64, float64, float64) {
			a, ax, ay := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
			if oa.f != nil {
				a, ax, ay = oa.f(x, y)
			}
			b, bx, by := ob.c+ob.wx*x+ob.wy*y, ob.wx, ob.wy
			if ob.f != nil {
				b, bx, by = ob.f(x, y)
			}
			return a - b, ax - bx, ay - by
		}
	case opMul:
		return func(x, y float64) (float64, float64, float64) {
			a, ax, ay := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
			if oa.f != nil {
				a, ax, ay = oa.f(x, y)
			}
			b, bx, by := ob.c+ob.wx*x+ob.wy*y, ob.wx, ob.wy
			if ob.f != nil {
				b, bx, by = ob.f(x, y)
			}
			return a * b, ax*b + a*bx, ay*b + a*by
		}
	}
	return func(x, y float64) (float64, float64, float64) {
		a, ax, ay := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
		if oa.f != nil {
			a, ax, ay = oa.f(x, y)
		}
		b, bx, by := ob.c+ob.wx*x+ob.wy*y, ob.wx, ob.wy
		if ob.f != nil {
			b, bx, by = ob.f(x, y)
		}
		r := apply(o, a, b, 0)
		ka, kb := partials(o, a, b, 0, r)
		ax, ay = chain(ka, ax, ay)
		bx, by = chain(kb, bx, by)
		return r, ax + bx, ay + by
	}
}

// intPower is a^n by multiplication, for 0 < |n| ≤ maxPowInt; a^n for n < 0 is 1/a^|n|,
// undefined at a = 0 as in pow.
func intPower(a float64, n int) float64 {
	m := n
	if m < 0 {
		m = -m
	}
	p := a
	for range m - 1 {
		p *= a
	}
	if n < 0 {
		return apply(opDiv, 1, p, 0)
	}
	return p
}

// powSlopeInt is a^(n−1) by multiplication, NaN where a^n is undefined.
func powSlopeInt(a float64, n int) float64 {
	switch {
	case n == 1:
		return 1
	case n < 0 && a == 0:
		return math.NaN()
	}
	return intPower(a, n-1)
}

// chain returns k·dx and k·dy, keeping a zero partial zero even where k is infinite
// or NaN: sqrt(y) must not make ∂/∂x of x + sqrt(y) undefined at y = 0.
func chain(k, dx, dy float64) (float64, float64) {
	if dx != 0 {
		dx *= k
	}
	if dy != 0 {
		dy *= k
	}
	return dx, dy
}
