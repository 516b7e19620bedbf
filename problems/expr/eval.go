package expr

import "math"

// op is an opcode of the flat expression tree.
type op uint8

const (
	opNum      op = iota // constant c
	opX                  // the variable x
	opY                  // the variable y
	opNeg                // -a
	opAdd                // a + b
	opSub                // a - b
	opMul                // a * b
	opDiv                // a / b
	opPow                // a ^ b, b depends on x or y
	opPowConst           // a ^ c, c constant
	opSin
	opCos
	opExp
	opLog
	opSqrt
	opAbs
	opTanh
)

func (o op) arity() int {
	switch o {
	case opNum, opX, opY:
		return 0
	case opAdd, opSub, opMul, opDiv, opPow:
		return 2
	}
	return 1
}

// node is one operation; a and b index its operands in Expr.nodes.
type node struct {
	op   op
	a, b int32
	c    float64 // the constant of opNum, the exponent of opPowConst
}

// apply computes a unary or binary operation on values (b is ignored by unary ones).
func apply(o op, a, b float64) float64 {
	switch o {
	case opNeg:
		return -a
	case opAdd:
		return a + b
	case opSub:
		return a - b
	case opMul:
		return a * b
	case opDiv:
		return a / b
	case opPow, opPowConst:
		return math.Pow(a, b)
	case opSin:
		return math.Sin(a)
	case opCos:
		return math.Cos(a)
	case opExp:
		return math.Exp(a)
	case opLog:
		return math.Log(a)
	case opSqrt:
		return math.Sqrt(a)
	case opAbs:
		return math.Abs(a)
	case opTanh:
		return math.Tanh(a)
	}
	panic("expr: apply of a leaf opcode")
}

func (e *Expr) eval(i int32, x, y float64) float64 {
	n := &e.nodes[i]
	switch n.op {
	case opNum:
		return n.c
	case opX:
		return x
	case opY:
		return y
	case opPowConst:
		return math.Pow(e.eval(n.a, x, y), n.c)
	}
	a := e.eval(n.a, x, y)
	var b float64
	if n.op.arity() == 2 {
		b = e.eval(n.b, x, y)
	}
	return apply(n.op, a, b)
}

// dual is a value with its partial derivatives in x and y (forward-mode AD).
type dual struct{ v, dx, dy float64 }

// chain returns k·d for each partial of d, keeping a zero partial zero even when k is
// infinite: sqrt(y) must not make ∂/∂x of x + sqrt(y) NaN at y = 0.
func chain(k float64, d dual) (dx, dy float64) {
	if d.dx != 0 {
		dx = k * d.dx
	}
	if d.dy != 0 {
		dy = k * d.dy
	}
	return dx, dy
}

func (e *Expr) dual(i int32, x, y float64) dual {
	n := &e.nodes[i]
	switch n.op {
	case opNum:
		return dual{v: n.c}
	case opX:
		return dual{v: x, dx: 1}
	case opY:
		return dual{v: y, dy: 1}
	}
	a := e.dual(n.a, x, y)
	var r dual
	var k float64 // da/dt factor of unary operations
	switch n.op {
	case opAdd, opSub, opMul, opDiv, opPow:
		b := e.dual(n.b, x, y)
		return binaryDual(n.op, a, b)
	case opNeg:
		return dual{-a.v, -a.dx, -a.dy}
	case opPowConst:
		if n.c == 0 {
			return dual{v: 1}
		}
		r.v = math.Pow(a.v, n.c)
		k = n.c * math.Pow(a.v, n.c-1)
	case opSin:
		r.v = math.Sin(a.v)
		k = math.Cos(a.v)
	case opCos:
		r.v = math.Cos(a.v)
		k = -math.Sin(a.v)
	case opExp:
		r.v = math.Exp(a.v)
		k = r.v
	case opLog:
		r.v = math.Log(a.v)
		k = 1 / a.v
	case opSqrt:
		r.v = math.Sqrt(a.v)
		k = 0.5 / r.v
	case opAbs:
		r.v = math.Abs(a.v)
		switch {
		case a.v > 0:
			k = 1
		case a.v < 0:
			k = -1
		}
	case opTanh:
		r.v = math.Tanh(a.v)
		k = 1 - r.v*r.v
	}
	r.dx, r.dy = chain(k, a)
	return r
}

func binaryDual(o op, a, b dual) dual {
	switch o {
	case opAdd:
		return dual{a.v + b.v, a.dx + b.dx, a.dy + b.dy}
	case opSub:
		return dual{a.v - b.v, a.dx - b.dx, a.dy - b.dy}
	case opMul:
		ax, ay := chain(b.v, a)
		bx, by := chain(a.v, b)
		return dual{a.v * b.v, ax + bx, ay + by}
	case opDiv:
		v := a.v / b.v
		ax, ay := chain(1/b.v, a)
		bx, by := chain(v/b.v, b)
		return dual{v, ax - bx, ay - by}
	}
	// opPow with a variable exponent: d(a^b) = b·a^(b−1)·da + a^b·log(a)·db.
	v := math.Pow(a.v, b.v)
	ax, ay := chain(b.v*math.Pow(a.v, b.v-1), a)
	var kb float64
	if v != 0 { // a^b → 0 only as a → 0 with b > 0, where a^b·log a → 0 too
		kb = v * math.Log(a.v)
	}
	bx, by := chain(kb, b)
	return dual{v, ax + bx, ay + by}
}
