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
// integer exponents and gives exprNaN for non-integer ones, as math.Pow does. Kage
// (ebiten v2.8.8) has no sinh, cosh, tanh, their inverses, round, cbrt, expm1, log1p,
// log10 or hypot: the helpers build them from exp, log, pow and length.
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

// exprAtan2 is atan2(y, x) with Go's values on the x axis, where y's zero
// has a sign: ±0 for x > 0 and ±π for x < 0. SwiftShader gives π and 0 for
// y = −0 there; only −0 makes 1.0/y negative.
func exprAtan2(y, x float) float {
	if y == 0.0 {
		if x > 0.0 {
			return y
		}
		if 1.0/y < 0.0 {
			return -3.141592653589793
		}
		return 3.141592653589793
	}
	return atan2(y, x)
}

// exprLdexp is m·2^e, exact: how a literal of 2^63 or more is written, as
// Kage would clamp it to an int64.
func exprLdexp(m, e float) float {
	return m * exp2(e)
}

// exprTanh is tanh(a) from exp(-2.0*abs(a)), which cannot overflow: ±1.0 for large abs(a).
func exprTanh(a float) float {
	t := exp(-2.0 * abs(a))
	return sign(a) * (1.0 - t) / (1.0 + t)
}

// exprSinh is sinh(a); within 1 of 0 it is (E + E/(E+1))/2 with E = expm1(a),
// as exp(a) - exp(-a) cancels there (the browser test measured 1e-5 relative).
func exprSinh(a float) float {
	if abs(a) < 1.0 {
		m := exprExpm1(a)
		return 0.5 * (m + m/(m+1.0))
	}
	t := exp(a)
	return 0.5 * (t - 1.0/t)
}

// exprCosh is cosh(a).
func exprCosh(a float) float {
	t := exp(abs(a))
	return 0.5 * (t + 1.0/t)
}

// exprAsinh is asinh(a), odd by construction.
func exprAsinh(a float) float {
	b := abs(a)
	return sign(a) * log(b+sqrt(b*b+1.0))
}

// exprAcosh is acosh(a) for a >= 1.
func exprAcosh(a float) float {
	return log(a + sqrt(a*a-1.0))
}

// exprAtanh is atanh(a) for abs(a) < 1.
func exprAtanh(a float) float {
	return 0.5 * log((1.0+a)/(1.0-a))
}

// exprExpm1 is exp(a) - 1; within 0.5 of 0 it is its Taylor series to a⁸
// (truncation below 0.5⁸/9! ≈ 1e-8 relative), as the subtraction cancels there:
// exp(a) - 1 alone was 1e-5 off at a = 0.003 on the GPU, and Kahan's (u-1)·a/log(u)
// needs a log that is exact near 1, which GPUs' is not (2^-21 absolute).
func exprExpm1(a float) float {
	if abs(a) > 0.5 {
		return exp(a) - 1.0
	}
	return a * (1.0 + a*(0.5+a*(1.0/6.0+a*(1.0/24.0+a*(1.0/120.0+a*(1.0/720.0+a*(1.0/5040.0+a/40320.0)))))))
}

// exprLog1p is log(1 + a) for a > -1; within 0.5 of 0 it is 2·atanh(s) with
// s = a/(2 + a), |s| ≤ 1/3, by its odd series to s¹⁵ (truncation below
// 9^-8/17 ≈ 1e-9 relative): GPUs' log is exact near 1 only to 2^-21 absolute,
// which Goldberg's log(u)·a/(u - 1) would pass on.
func exprLog1p(a float) float {
	if abs(a) > 0.5 {
		return log(1.0 + a)
	}
	s := a / (2.0 + a)
	q := s * s
	return 2.0 * s * (1.0 + q*(1.0/3.0+q*(1.0/5.0+q*(1.0/7.0+q*(1.0/9.0+q*(1.0/11.0+q*(1.0/13.0+q/15.0)))))))
}

// exprLog10 is the logarithm in base 10 for a > 0.
func exprLog10(a float) float {
	return log(a) * 0.4342944819032518
}

// exprCbrt is the real cube root, odd by construction.
func exprCbrt(a float) float {
	return sign(a) * pow(abs(a), 1.0/3.0)
}

// exprRound rounds half away from zero, as Go's math.Round.
func exprRound(a float) float {
	return sign(a) * floor(abs(a)+0.5)
}

// exprHypot is sqrt(a*a + b*b).
func exprHypot(a, b float) float {
	return length(vec2(a, b))
}
`

// HelpersFor returns the part of KageHelpers that body calls: the helpers it names
// and those they call, in KageHelpers' order. A shader is compiled on the page's
// first frame, by ebiten in Go and by the GPU's driver, each at a cost that grows
// with the source: most formulas need no helper, and the whole set is 3.5 kB.
func HelpersFor(body string) string {
	need := make([]bool, len(kageHelpers))
	for grew, text := true, body; grew; {
		grew = false
		for i, h := range kageHelpers {
			if !need[i] && strings.Contains(text, h.name+"(") {
				need[i], grew = true, true
			}
		}
		// What the helpers needed so far call: once more until nothing is added.
		text = body
		for i, h := range kageHelpers {
			if need[i] {
				text += h.text
			}
		}
	}
	var b strings.Builder
	for i, h := range kageHelpers {
		if need[i] {
			b.WriteString(h.text)
		}
	}
	return b.String()
}

// kageHelpers is KageHelpers cut into its functions, each with its comment.
var kageHelpers = splitHelpers(KageHelpers)

type kageHelper struct{ name, text string }

func splitHelpers(src string) []kageHelper {
	var hs []kageHelper
	for _, chunk := range strings.SplitAfter(src, "\n}\n") {
		_, rest, ok := strings.Cut(chunk, "func ")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, "(")
		hs = append(hs, kageHelper{name, strings.TrimLeft(chunk, "\n") + "\n"})
	}
	return hs
}

// kageFuncs names the Kage function or helper of each function of the grammar.
var kageFuncs = [numOps]string{
	opSin: "sin", opCos: "cos", opTan: "tan", opAsin: "asin", opAcos: "acos", opAtan: "atan",
	opAtan2: "exprAtan2", opSinh: "exprSinh", opCosh: "exprCosh", opTanh: "exprTanh",
	opAsinh: "exprAsinh", opAcosh: "exprAcosh", opAtanh: "exprAtanh",
	opExp: "exp", opExpm1: "exprExpm1", opLog: "log", opLog1p: "exprLog1p", opLog2: "log2",
	opLog10: "exprLog10", opSqrt: "sqrt", opCbrt: "exprCbrt", opAbs: "abs", opSign: "sign",
	opFloor: "floor", opCeil: "ceil", opRound: "exprRound",
	opMin: "min", opMax: "max", opHypot: "exprHypot", opMod: "mod", opPow: "exprPow",
}

var kageOps = [numOps]string{opAdd: "+", opSub: "-", opMul: "*", opDiv: "/"}

// kageUndefined gives, for each operation with an undefined region, the Kage condition
// that holds there, with %[1]s the first operand and %[2]s the second: the regions
// where apply returns NaN.
var kageUndefined = [numOps]string{
	opDiv:   "%[2]s == 0.0",
	opMod:   "%[2]s == 0.0",
	opPow:   "%[1]s < 0.0 && floor(%[2]s) != %[2]s || %[1]s == 0.0 && %[2]s < 0.0",
	opAtan2: "%[1]s == 0.0 && %[2]s == 0.0",
	opLog:   "%[1]s <= 0.0", opLog2: "%[1]s <= 0.0", opLog10: "%[1]s <= 0.0",
	opLog1p: "%[1]s <= -1.0",
	opSqrt:  "%[1]s < 0.0",
	opAsin:  "abs(%[1]s) > 1.0", opAcos: "abs(%[1]s) > 1.0",
	opAcosh: "%[1]s < 1.0",
	opAtanh: "abs(%[1]s) >= 1.0",
}

// maxExpandedPower is the largest |n| for which a^n is emitted as a product.
const maxExpandedPower = 8

// Kage returns the body of a Kage function func f(x, y float) (float, float)
// computing the formula: one := statement per operation, then return value, ok.
// ok is 1.0 where the formula is defined and 0.0 where it is not (see the package
// doc): GPUs do not reliably give NaN there (log of a negative number is 0 on some),
// so the shader is told instead. The body may call the functions of KageHelpers.
// Every literal is a float, so no division is an integer one.
func (e *Expr) Kage() string {
	body, _ := e.KageUniform(0)
	return body
}

// KageUniform is Kage with the formula's first max numeric literals read from the
// uniform array Consts (declared by the shader as var Consts [N]float, N ≥ max;
// Consts[i] holds consts[i]) rather than written inline, so that formulas differing
// only in the values of their constants, such as one problem with two settings of
// its parameters, share one body and so one shader. Literals that decide the code's
// shape stay inline: integer exponents up to 8 (x^2 is x*x), and values that are
// not finite float32 numbers. Literals past the first max stay inline too.
//
// The guards depend on no literal's value (x/c is guarded by c == 0.0 at run time),
// which is why Kage's text, which is KageUniform's with every literal inline, has
// guards such as "if 6.0 == 0.0" that the shader compiler folds away.
func (e *Expr) KageUniform(max int) (body string, consts []float64) {
	k := kageWriter{e: e, names: make([]string, len(e.nodes)), max: max}
	k.b.WriteString("\tok := 1.0\n")
	result := k.emit(e.root)
	k.b.WriteString("\treturn " + result + ", ok\n")
	return k.b.String(), k.consts
}

type kageWriter struct {
	e      *Expr
	b      strings.Builder
	names  []string // operand text of each emitted node
	next   int      // number of temporaries so far
	max    int      // the most literals to read from Consts
	consts []float64
}

// guard writes a statement that clears ok where cond holds.
func (k *kageWriter) guard(cond string) {
	fmt.Fprintf(&k.b, "\tif %s {\n\t\tok = 0.0\n\t}\n", cond)
}

// literal returns the operand text of the constant v: an element of Consts while
// there is room and v is a finite float32, else v written out.
func (k *kageWriter) literal(v float64) string {
	if len(k.consts) >= k.max || math.IsNaN(v) || math.Abs(v) > math.MaxFloat32 {
		return kageFloat(v)
	}
	k.consts = append(k.consts, v)
	return "Consts[" + strconv.Itoa(len(k.consts)-1) + "]"
}

// emit writes the statements computing node i and returns an operand that names its
// value: x, y, a literal, or a temporary.
func (k *kageWriter) emit(i int32) string {
	if k.names[i] != "" {
		return k.names[i]
	}
	n := &k.e.nodes[i]
	var rhs string
	switch o := n.op; o {
	case opNum:
		if math.IsNaN(n.c) || math.IsInf(n.c, 0) {
			k.b.WriteString("\tok = 0.0\n") // e.g. log(-1): undefined everywhere
		}
		k.names[i] = k.literal(n.c)
		return k.names[i]
	case opX:
		return "x"
	case opY:
		return "y"
	case opNeg:
		rhs = "-" + k.emit(n.a)
	case opAdd, opSub, opMul, opDiv:
		a, b := k.emit(n.a), k.emit(n.b)
		k.guardFor(o, a, b)
		rhs = a + " " + kageOps[o] + " " + b
	case opPowConst:
		rhs = k.power(k.emit(n.a), n.c)
	default:
		a := k.emit(n.a)
		if o.arity() == 1 {
			k.guardFor(o, a, "")
			rhs = fmt.Sprintf("%s(%s)", kageFuncs[o], a)
			break
		}
		b := k.emit(n.b)
		k.guardFor(o, a, b)
		rhs = fmt.Sprintf("%s(%s, %s)", kageFuncs[o], a, b)
	}
	name := "t" + strconv.Itoa(k.next)
	k.next++
	fmt.Fprintf(&k.b, "\t%s := %s\n", name, rhs)
	k.names[i] = name
	return name
}

// guardFor writes the guard of operation o on operands a and b, if o has one.
func (k *kageWriter) guardFor(o op, a, b string) {
	if cond := kageUndefined[o]; cond != "" {
		k.guard(fmt.Sprintf(cond, a, b))
	}
}

// power returns Kage for a^c: a product for small integer c, exprPow otherwise.
func (k *kageWriter) power(a string, c float64) string {
	n := math.Abs(c)
	if c != math.Trunc(c) || n > maxExpandedPower {
		b := k.literal(c)
		k.guardFor(opPow, a, b)
		return fmt.Sprintf("exprPow(%s, %s)", a, b)
	}
	if n == 0 {
		return "1.0"
	}
	product := strings.Repeat(a+" * ", int(n)-1) + a
	if c < 0 {
		k.guardFor(opDiv, "1.0", a)
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
	case math.Abs(v) >= 0x1p63:
		// Kage (ebiten v2.8.8) takes an integral constant for an int64 and
		// clamps it: 1e20 became 2^63 on the GPU. A helper call is not folded.
		m, e := math.Frexp(v)
		return fmt.Sprintf("exprLdexp(%s, %d.0)", kageFloat(m), e)
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
