package expr

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// KageHelpers declares the Kage functions a Kage body may call. Include it once in the
// shader, beside the function that wraps the body. Names start with "expr".
//
// GPU pow(a, b) is |a|^b or undefined for a < 0, so exprPow restores the sign for
// integer exponents and gives exprNaN for non-integer ones, as math.Pow does. Kage has
// no tanh, so exprTanh builds it from exp.
const KageHelpers = `// exprNaN returns NaN at run time (zero over zero in constants is a compile error).
func exprNaN() float {
	z := 0.0
	return z / z
}

// exprInf returns +Inf at run time.
func exprInf() float {
	z := 0.0
	return 1.0 / z
}

// exprPow is a to the power b, with the sign rules of Go's math.Pow.
func exprPow(a, b float) float {
	if a >= 0.0 {
		if a == 0.0 && b == 0.0 {
			return 1.0
		}
		return pow(a, b)
	}
	if floor(b) != b {
		return exprNaN()
	}
	p := pow(-a, b)
	if mod(b, 2.0) == 1.0 {
		return -p
	}
	return p
}

// exprTanh is tanh(a) from exp(-2.0*abs(a)), which cannot overflow: ±1.0 for large abs(a).
func exprTanh(a float) float {
	t := exp(-2.0 * abs(a))
	return sign(a) * (1.0 - t) / (1.0 + t)
}
`

// maxExpandedPower is the largest |n| for which a^n is emitted as a product.
const maxExpandedPower = 8

// Kage returns the body of a Kage function func f(x, y float) (float, float)
// computing the formula: one := statement per operation, then return value, ok.
// ok is 1.0 where the formula is defined and 0.0 where a logarithm, square root,
// division or power leaves its domain: GPUs do not reliably give NaN there (log of
// a negative number is 0 on some), so the shader is told instead. The body may call
// the functions of KageHelpers. Every literal is a float, so no division is an
// integer one.
func (e *Expr) Kage() string {
	k := kageWriter{e: e, names: make([]string, len(e.nodes))}
	k.b.WriteString("\tok := 1.0\n")
	result := k.emit(e.root)
	k.b.WriteString("\treturn " + result + ", ok\n")
	return k.b.String()
}

// guard writes a statement that clears ok where cond holds.
func (k *kageWriter) guard(cond string) {
	fmt.Fprintf(&k.b, "\tif %s {\n\t\tok = 0.0\n\t}\n", cond)
}

type kageWriter struct {
	e     *Expr
	b     strings.Builder
	names []string // operand text of each emitted node
	next  int      // number of temporaries so far
}

// emit writes the statements computing node i and returns an operand that names its
// value: x, y, a literal, or a temporary.
func (k *kageWriter) emit(i int32) string {
	if k.names[i] != "" {
		return k.names[i]
	}
	n := &k.e.nodes[i]
	var rhs string
	switch n.op {
	case opNum:
		k.names[i] = kageFloat(n.c)
		if math.IsNaN(n.c) || math.IsInf(n.c, 0) {
			k.b.WriteString("\tok = 0.0\n") // e.g. log(-1): undefined everywhere
		}
		return k.names[i]
	case opX:
		return "x"
	case opY:
		return "y"
	case opNeg:
		rhs = "-" + k.emit(n.a)
	case opAdd, opSub, opMul, opDiv:
		a, b := k.emit(n.a), k.emit(n.b)
		if d := k.e.nodes[n.b]; n.op == opDiv && d.op != opNum {
			k.guard(b + " == 0.0")
		} else if n.op == opDiv && d.c == 0 {
			k.b.WriteString("\tok = 0.0\n") // a division by a constant zero
		}
		rhs = a + " " + kageOps[n.op] + " " + b
	case opPow:
		a, b := k.emit(n.a), k.emit(n.b)
		k.guard(fmt.Sprintf("%s < 0.0 && floor(%s) != %s", a, b, b))
		rhs = fmt.Sprintf("exprPow(%s, %s)", a, b)
	case opPowConst:
		a := k.emit(n.a)
		if n.c != math.Trunc(n.c) {
			k.guard(a + " < 0.0")
		} else if n.c < 0 {
			k.guard(a + " == 0.0")
		}
		rhs = kagePower(a, n.c)
	case opSin, opCos, opExp, opLog, opSqrt, opAbs, opTanh:
		a := k.emit(n.a)
		switch n.op {
		case opLog:
			k.guard(a + " <= 0.0")
		case opSqrt:
			k.guard(a + " < 0.0")
		}
		rhs = fmt.Sprintf("%s(%s)", kageFuncs[n.op], a)
	}
	name := "t" + strconv.Itoa(k.next)
	k.next++
	fmt.Fprintf(&k.b, "\t%s := %s\n", name, rhs)
	k.names[i] = name
	return name
}

var kageOps = map[op]string{opAdd: "+", opSub: "-", opMul: "*", opDiv: "/"}

var kageFuncs = map[op]string{
	opSin: "sin", opCos: "cos", opExp: "exp", opLog: "log", opSqrt: "sqrt", opAbs: "abs",
	opTanh: "exprTanh",
}

// kagePower returns Kage for a^c: a product for small integer c, exprPow otherwise.
func kagePower(a string, c float64) string {
	n := math.Abs(c)
	if c != math.Trunc(c) || n > maxExpandedPower {
		return fmt.Sprintf("exprPow(%s, %s)", a, kageFloat(c))
	}
	if n == 0 {
		return "1.0"
	}
	product := strings.Repeat(a+" * ", int(n)-1) + a
	if c < 0 {
		return "1.0 / (" + product + ")"
	}
	return product
}

// kageFloat returns v as a Kage float literal: always with a '.', negative ones in
// parentheses, non-finite ones as helper calls, and values beyond float32 saturated.
func kageFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "exprNaN()"
	case v > math.MaxFloat32:
		return "exprInf()"
	case v < -math.MaxFloat32:
		return "(-exprInf())"
	case math.Abs(v) < math.SmallestNonzeroFloat32:
		return "0.0"
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsRune(s, '.') {
		if i := strings.IndexByte(s, 'e'); i >= 0 {
			s = s[:i] + ".0" + s[i:]
		} else {
			s += ".0"
		}
	}
	if v < 0 {
		return "(" + s + ")"
	}
	return s
}
