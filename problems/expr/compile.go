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
// a chain of sums and differences is one closure looping over steps (see sum); a
// term s·(m·u + k)² or s·(m·u + k) whose u is a leaf (x, y or a constant), or a sum
// of such terms, is computed in place. Rosenbrock, (1-x)^2 + 100*(y-x^2)^2, is one
// closure of four steps without calls. Every rearrangement is exact in IEEE
// arithmetic (a − b is a + (−1)·b, 1·u + 0 is u, the sums keep their order), so the
// values are those of the formula as written. On Rosenbrock the tree walk took 36
// times the hand-written time, an interpreter over a flat instruction list 10, a
// closure per operation 6, a closure looping over general terms 4.1, this 2.8 (9.3
// ns against 3.3): what remains is mostly the dispatch of each step, about a
// nanosecond, which hand-written code does not have.
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
	leaves    []term // if not nil, the operand is their sum, each of a leaf
}

// term is s·(m·u + k)², or s·(m·u + k) if !squared, for the operand u.
type term struct {
	u       operand
	s, m, k float64
	sm      float64 // s·m, set by termStep
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
	return c.root(root)
}

// root returns the fn of the whole formula under node i.
func (c *compiler) root(i int32) fn {
	if c.summable(i) {
		return c.sum(c.resolve(c.terms(nil, i, false)), true)
	}
	f := c.operand(i).f
	if f == nil { // x, y or a constant: a sum of one term
		return c.sum([]term{{u: c.operand(i), s: 1, m: 1}}, true)
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

type compiler struct {
	nodes []node
	// generic turns off the specialised steps of sums, leaving the general step of
	// each shape: the reference they are tested against.
	generic bool
}

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
		return c.sum(c.resolve(c.terms(nil, i, false)), false)
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
			ts[k].u = operand{f: c.sum(c.resolve(inner), false)}
		} else {
			ts[k].u = operand{leaves: c.resolve(inner)}
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
// The terms are compiled into steps run by one loop: a term whose operand is a sum of
// leaves becomes a step for each leaf's term, adding up the operand u, then a step
// adding the term of u. A step costs about a nanosecond of dispatch, so a sum's loop
// holds no inner loop, and the specialised steps leave out what is exactly 0 or 1.
//
// The root of a formula applies the rules at its edges (see compile), but takes −0
// as 0 only for the sake of its calls: its own steps only multiply and add x and y
// into sums, where the sign of a zero is lost (see leafStep).
func (c *compiler) sum(ts []term, root bool) fn {
	steps := c.steps(ts)
	calls := slices.ContainsFunc(steps, func(st step) bool { return st.kind == termCall })
	return func(x, y float64) (v, dx, dy float64) {
		if root {
			if (x-x)+(y-y) != 0 { // an infinite or NaN coordinate
				return math.NaN(), math.NaN(), math.NaN()
			}
			if calls {
				x, y = x+0, y+0
			}
		}
		var u, ux, uy float64 // the operand being added up by leaf steps
		for i := range steps {
			st := &steps[i]
			switch st.kind {
			case termX:
				v, dx, dy = st.t.add(x, 1, 0, v, dx, dy)
			case termY:
				v, dx, dy = st.t.add(y, 0, 1, v, dx, dy)
			case termLeaves:
				v, dx, dy = st.t.add(u, ux, uy, v, dx, dy)
				u, ux, uy = 0, 0, 0
			case termCall:
				u, ux, uy := st.t.u.f(x, y)
				v, dx, dy = st.t.add(u, ux, uy, v, dx, dy)
			case termLeaf:
				o := &st.t.u
				v, dx, dy = st.t.add(o.c+o.wx*x+o.wy*y, o.wx, o.wy, v, dx, dy)
			case leafX:
				l := &st.l
				u += l.s * (l.mx * x)
				ux += l.gx
			case leafY:
				l := &st.l
				u += l.s * (l.my * y)
				uy += l.gy
			case leafXSquared:
				l := &st.l
				w := l.mx * x
				u += l.s * (w * w)
				ux += l.gx * w
			case leafYSquared:
				l := &st.l
				w := l.my * y
				u += l.s * (w * w)
				uy += l.gy * w
			case leafSquared:
				l := &st.l
				w := l.k + l.mx*x + l.my*y
				u += l.s * (w * w)
				ux += l.gx * w
				uy += l.gy * w
			default: // leafLinear
				l := &st.l
				w := l.k + l.mx*x + l.my*y
				u += l.s * w
				ux += l.gx
				uy += l.gy
			}
		}
		if root && v != v {
			return v, v, v
		}
		return v, dx, dy
	}
}

// add returns v, dx, dy plus the term t of the operand u with gradient (ux, uy).
func (t *term) add(u, ux, uy, v, dx, dy float64) (float64, float64, float64) {
	w := t.m*u + t.k
	g := t.sm // ∂(s·w)/∂u
	if t.squared {
		g *= 2 * w
		w *= w
	}
	return v + t.s*w, dx + g*ux, dy + g*uy
}

// steps returns the steps adding up ts.
func (c *compiler) steps(ts []term) []step {
	var steps []step
	for _, t := range ts {
		for _, l := range t.u.leaves {
			steps = append(steps, c.leafStep(l))
		}
		steps = append(steps, c.termStep(t))
	}
	return steps
}

// step is one step of a sum's loop: a term added to the sum, or a leaf's term added
// to the operand of the next term.
type step struct {
	kind stepKind
	t    term     // for the term… kinds
	l    leafTerm // for the leaf… kinds
}

// stepKind says what a step computes. The general steps are termLeaf, termLeaves,
// termCall, leafLinear and leafSquared; each other kind gives the same sum as one of
// them for its terms, as leafStep and termStep explain.
type stepKind uint8

const (
	leafLinear   stepKind = iota // s·w, w = k + mx·x + my·y
	leafSquared                  // s·w²
	leafX                        // s·(mx·x)
	leafY                        // s·(my·y)
	leafXSquared                 // s·(mx·x)², |mx| ≤ 1
	leafYSquared                 // s·(my·y)², |my| ≤ 1
	termLeaf                     // s·(m·u + k)[²] for u = c + wx·x + wy·y
	termX                        // for u = x
	termY                        // for u = y
	termLeaves                   // for u added up by the leaf steps before it
	termCall                     // for u = f(x, y)
)

var stepKinds = [...]string{"leafLinear", "leafSquared", "leafX", "leafY", "leafXSquared",
	"leafYSquared", "termLeaf", "termX", "termY", "termLeaves", "termCall"}

func (k stepKind) String() string { return stepKinds[k] }

// termStep returns the step adding t to a sum.
//
// The operand x is c + wx·x + wy·y with c = 0, wx = 1 and wy = 0, which is x at
// finite x but for the sign of a zero; likewise y.
func (c *compiler) termStep(t term) step {
	t.sm = t.s * t.m
	st := step{kind: termLeaf, t: t}
	switch o := t.u; {
	case o.leaves != nil:
		st.kind = termLeaves
	case o.f != nil:
		st.kind = termCall
	case c.generic:
	case o.c == 0 && o.wx == 1 && o.wy == 0:
		st.kind = termX
	case o.c == 0 && o.wx == 0 && o.wy == 1:
		st.kind = termY
	}
	return st
}

// leafTerm is a term of a leaf with its constants folded: s·w² or s·w for
// w = k + mx·x + my·y, with gradient (gx, gy)·w or (gx, gy).
type leafTerm struct{ k, mx, my, s, gx, gy float64 }

// leafStep returns the step adding t, a term of a leaf, to the operand of a term.
//
// The constants fold without changing the value: m·(c + wx·x + wy·y) + k with
// wx, wy ∈ {0, 1} and at most one of them 1 is (m·c + k) + (m·wx)·x + (m·wy)·y in IEEE
// arithmetic, as 0·y only adds a zero.
//
// The specialised steps leave out whatever only adds a zero: with k = ±0 and my = ±0,
// w is mx·x but for the sign of a zero, and gy, when ±0, adds ±0 to ∂/∂y, as does
// gy·w where w is finite (|mx| ≤ 1). A sum starts at +0, so it never is −0 (x + y is
// −0 only if both are), and adding ±0 to it changes nothing; nor does a zero's sign
// in the term change anything but zeros' signs, or NaNs where an operand was NaN or
// infinite in both. So the sum is that of the general step, bit for bit.
func (c *compiler) leafStep(t term) step {
	g := t.s
	if t.squared {
		g *= 2
	}
	mx, my := t.m*t.u.wx, t.m*t.u.wy
	l := leafTerm{k: t.m*t.u.c + t.k, mx: mx, my: my, s: t.s, gx: g * mx, gy: g * my}
	st := step{kind: leafLinear, l: l}
	if t.squared {
		st.kind = leafSquared
	}
	switch {
	case c.generic || l.k != 0:
	case !t.squared && l.my == 0 && l.gy == 0:
		st.kind = leafX
	case !t.squared && l.mx == 0 && l.gx == 0:
		st.kind = leafY
	case l.my == 0 && l.gy == 0 && math.Abs(l.mx) <= 1:
		st.kind = leafXSquared
	case l.mx == 0 && l.gx == 0 && math.Abs(l.my) <= 1:
		st.kind = leafYSquared
	}
	return st
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
	if o == opSin || o == opCos {
		return sinCos(oa, o == opCos)
	}
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

// sinCos is unary for sin (cos false) and cos: math.Sincos gives the value and
// the slope in one range reduction, bit for bit math.Sin's and math.Cos's, which
// apply and partials take (tested), and wasm, which has no instruction for
// either, spent a quarter of a step on Rastrigin in the two.
func sinCos(oa operand, cos bool) fn {
	return func(x, y float64) (float64, float64, float64) {
		v, dx, dy := oa.c+oa.wx*x+oa.wy*y, oa.wx, oa.wy
		if oa.f != nil {
			v, dx, dy = oa.f(x, y)
		}
		r, k := math.Sincos(v)
		if cos {
			r, k = k, -r
		}
		dx, dy = chain(k, dx, dy)
		return r, dx, dy
	}
}

// binary returns the fn of a product or a call of two operands; sums and
// differences are always sums of terms (summable).
func binary(oa, ob operand, o op) fn {
	switch o {
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
