package expr

import "math"

// Instructions of a program beyond the tree's operations: forms with a constant
// operand, so that 100*t or 1 - x is one instruction and no register holds a constant.
const (
	iConst  op = numOps + iota // c
	iAddC                      // a + c (a − c is a + (−c), exactly)
	iMulC                      // c·a
	iRSubC                     // c − a
	iDivC                      // a / c, c ≠ 0
	iRDivC                     // c / a
	iSq                        // a·a
	iPowInt                    // a^c, c a small nonzero integer, by multiplication
)

// maxPowInt is the largest |n| for which a^n is computed by multiplication: beyond it
// the rounding of repeated products would exceed math.Pow's.
const maxPowInt = 16

// instr computes register dst from registers a and b and the constant c.
type instr struct {
	op        op
	dst, a, b int32
	c         float64
}

// program is a formula compiled for the CPU: registers 0 and 1 hold x and y, and
// each instruction writes one register above them. Registers are reused (operands
// needing more registers are computed first, after Sethi and Ullman), so a formula of
// MaxLen bytes needs fewer than stackRegs of them.
type program struct {
	code   []instr
	result int32 // register holding f
	regs   int32 // registers used, x and y included
}

// stackRegs is the register file that lives on the stack; a program needing more
// (none within MaxLen, as registers grow with the logarithm of the size) allocates.
const stackRegs = 16

// compile turns the tree under root into a program.
func compile(nodes []node, root int32) program {
	c := compiler{nodes: nodes, need: make([]int32, len(nodes)), p: program{regs: 2}}
	for i := range nodes { // children precede parents
		c.need[i] = c.registersNeeded(int32(i))
	}
	c.p.result = c.emit(root, 2)
	return c.p
}

type compiler struct {
	nodes []node
	need  []int32 // registers above x and y that evaluating each node needs
	p     program
}

// fused returns the instruction for node i when one operand is a constant that can be
// part of the instruction, with the index of the other operand.
func (c *compiler) fused(i int32) (in instr, operand int32, ok bool) {
	n := &c.nodes[i]
	switch n.op {
	case opPowConst:
		switch k := n.c; {
		case k == 2:
			return instr{op: iSq}, n.a, true
		case k == math.Trunc(k) && k != 0 && math.Abs(k) <= maxPowInt:
			return instr{op: iPowInt, c: k}, n.a, true
		}
		return instr{}, 0, false
	case opAdd, opSub, opMul, opDiv:
	default:
		return instr{}, 0, false
	}
	a, b := &c.nodes[n.a], &c.nodes[n.b]
	switch {
	case b.op == opNum && n.op == opAdd:
		return instr{op: iAddC, c: b.c}, n.a, true
	case b.op == opNum && n.op == opSub:
		return instr{op: iAddC, c: -b.c}, n.a, true
	case b.op == opNum && n.op == opMul:
		return instr{op: iMulC, c: b.c}, n.a, true
	case b.op == opNum && n.op == opDiv && b.c != 0:
		return instr{op: iDivC, c: b.c}, n.a, true
	case a.op == opNum && n.op == opAdd:
		return instr{op: iAddC, c: a.c}, n.b, true
	case a.op == opNum && n.op == opMul:
		return instr{op: iMulC, c: a.c}, n.b, true
	case a.op == opNum && n.op == opSub:
		return instr{op: iRSubC, c: a.c}, n.b, true
	case a.op == opNum && n.op == opDiv:
		return instr{op: iRDivC, c: a.c}, n.b, true
	}
	return instr{}, 0, false
}

func (c *compiler) registersNeeded(i int32) int32 {
	n := &c.nodes[i]
	switch n.op {
	case opX, opY:
		return 0
	case opNum:
		return 1
	}
	if _, a, ok := c.fused(i); ok {
		return max(1, c.need[a])
	}
	if n.op.arity() == 1 {
		return max(1, c.need[n.a])
	}
	na, nb := c.need[n.a], c.need[n.b]
	if na == nb {
		return max(1, na+1)
	}
	return max(na, nb)
}

// emit appends the instructions computing node i using registers from free up, and
// returns the register holding its value.
func (c *compiler) emit(i int32, free int32) int32 {
	n := &c.nodes[i]
	switch n.op {
	case opX:
		return 0
	case opY:
		return 1
	case opNum:
		return c.put(instr{op: iConst, dst: free, c: n.c})
	}
	if in, a, ok := c.fused(i); ok {
		in.dst, in.a = free, c.emit(a, free)
		return c.put(in)
	}
	in := instr{op: n.op, dst: free, c: n.c}
	if n.op.arity() == 1 {
		in.a = c.emit(n.a, free)
		return c.put(in)
	}
	// The operand needing more registers first, while the other's are free.
	if c.need[n.b] > c.need[n.a] {
		in.b = c.emit(n.b, free)
		in.a = c.emit(n.a, next(in.b, free))
	} else {
		in.a = c.emit(n.a, free)
		in.b = c.emit(n.b, next(in.a, free))
	}
	return c.put(in)
}

// next is the first free register once register r holds a value computed from free up.
func next(r, free int32) int32 {
	if r < 2 {
		return free
	}
	return free + 1
}

func (c *compiler) put(in instr) int32 {
	c.p.code = append(c.p.code, in)
	c.p.regs = max(c.p.regs, in.dst+1)
	return in.dst
}

// eval runs the program for the value alone.
func (p *program) eval(x, y float64) float64 {
	if p.regs <= stackRegs {
		var r [stackRegs]float64
		return p.evalIn(r[:], x, y)
	}
	return p.evalIn(make([]float64, p.regs), x, y)
}

func (p *program) evalIn(r []float64, x, y float64) float64 {
	r[0], r[1] = x, y
	for k := range p.code {
		in := &p.code[k]
		a := r[in.a]
		var v float64
		switch in.op {
		case iConst:
			v = in.c
		case iAddC:
			v = a + in.c
		case iMulC:
			v = in.c * a
		case iRSubC:
			v = in.c - a
		case iDivC:
			v = a / in.c
		case iRDivC:
			v = apply(opDiv, in.c, a, 0)
		case iSq:
			v = a * a
		case iPowInt:
			v = powInt(a, int(in.c))
		case opAdd:
			v = a + r[in.b]
		case opSub:
			v = a - r[in.b]
		case opMul:
			v = a * r[in.b]
		default:
			v = apply(in.op, a, r[in.b], in.c)
		}
		r[in.dst] = v
	}
	return r[p.result]
}

// powInt is a^n by multiplication, for 0 < |n| ≤ maxPowInt; a^n for n < 0 is 1/a^|n|,
// undefined at a = 0 as in pow.
func powInt(a float64, n int) float64 {
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

// dual is a value with its partial derivatives in x and y (forward-mode AD).
type dual struct{ v, dx, dy float64 }

// valueGrad runs the program for the value and gradient together.
func (p *program) valueGrad(x, y float64) dual {
	if p.regs <= stackRegs {
		var r [stackRegs]dual
		return p.valueGradIn(r[:], x, y)
	}
	return p.valueGradIn(make([]dual, p.regs), x, y)
}

func (p *program) valueGradIn(r []dual, x, y float64) dual {
	r[0], r[1] = dual{x, 1, 0}, dual{y, 0, 1}
	for k := range p.code {
		in := &p.code[k]
		a := r[in.a]
		var d dual
		switch in.op {
		case iConst:
			d = dual{v: in.c}
		case iAddC:
			d = dual{a.v + in.c, a.dx, a.dy}
		case iMulC:
			d = dual{in.c * a.v, in.c * a.dx, in.c * a.dy}
		case iRSubC:
			d = dual{in.c - a.v, -a.dx, -a.dy}
		case iDivC:
			d = dual{a.v / in.c, a.dx / in.c, a.dy / in.c}
		case iSq:
			k := 2 * a.v
			d = dual{a.v * a.v, k * a.dx, k * a.dy}
		case iPowInt:
			n := int(in.c)
			d.v = powInt(a.v, n)
			k := in.c * powSlopeInt(a.v, n)
			d.dx, d.dy = chain(k, a)
		case opAdd:
			b := r[in.b]
			d = dual{a.v + b.v, a.dx + b.dx, a.dy + b.dy}
		case opSub:
			b := r[in.b]
			d = dual{a.v - b.v, a.dx - b.dx, a.dy - b.dy}
		case opMul:
			b := r[in.b]
			d = dual{a.v * b.v, a.dx*b.v + a.v*b.dx, a.dy*b.v + a.v*b.dy}
		case iRDivC:
			d.v = apply(opDiv, in.c, a.v, 0)
			_, kb := partials(opDiv, in.c, a.v, 0, d.v)
			d.dx, d.dy = chain(kb, a)
		default:
			b := r[in.b]
			d.v = apply(in.op, a.v, b.v, in.c)
			ka, kb := partials(in.op, a.v, b.v, in.c, d.v)
			d.dx, d.dy = chain(ka, a)
			if in.op.arity() == 2 {
				bx, by := chain(kb, b)
				d.dx += bx
				d.dy += by
			}
		}
		r[in.dst] = d
	}
	d := r[p.result]
	if math.IsNaN(d.v) { // undefined here, so is the slope, whatever the partials say
		d.dx, d.dy = d.v, d.v
	}
	return d
}

// powSlopeInt is a^(n−1) by multiplication, NaN where a^n is undefined.
func powSlopeInt(a float64, n int) float64 {
	switch {
	case n == 1:
		return 1
	case n < 0 && a == 0:
		return math.NaN()
	}
	return powInt(a, n-1)
}

// chain returns k·d for each partial of d, keeping a zero partial zero even where k
// is infinite or NaN: sqrt(y) must not make ∂/∂x of x + sqrt(y) undefined at y = 0.
func chain(k float64, d dual) (dx, dy float64) {
	if d.dx != 0 {
		dx = k * d.dx
	}
	if d.dy != 0 {
		dy = k * d.dy
	}
	return dx, dy
}
