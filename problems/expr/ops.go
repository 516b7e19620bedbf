package expr

import "math"

// op is an operation of the expression tree.
type op uint8

const (
	opNum op = iota // constant c
	opX             // the variable x
	opY             // the variable y

	// Unary operations on a.
	opNeg
	opPowConst // a ^ c, c constant
	opSin
	opCos
	opTan
	opAsin
	opAcos
	opAtan
	opSinh
	opCosh
	opTanh
	opAsinh
	opAcosh
	opAtanh
	opExp
	opExpm1
	opLog
	opLog1p
	opLog2
	opLog10
	opSqrt
	opCbrt
	opAbs
	opSign
	opFloor
	opCeil
	opRound

	// Binary operations on a and b.
	opAdd
	opSub
	opMul
	opDiv
	opPow // a ^ b, b depends on x or y
	opAtan2
	opMin
	opMax
	opHypot
	opMod

	numOps
)

func (o op) isLeaf() bool { return o <= opY }

func (o op) arity() int {
	switch {
	case o <= opY:
		return 0
	case o < opAdd:
		return 1
	}
	return 2
}

// apply returns the value of o on a and b (b is ignored by unary operations; c is the
// exponent of opPowConst). It is the one definition of every value: folding at parse
// time, Eval and ValueGrad all come here or agree with it bit for bit (tested).
//
// Where an operation is undefined it returns NaN, also where Go's math returns an
// infinity or a convention: log(0), 1/0, 0^-1, atan2(0, 0), atanh(±1), mod(a, 0).
// The field shader marks the same regions (see guard).
func apply(o op, a, b, c float64) float64 {
	switch o {
	case opNeg:
		return -a
	case opPowConst:
		return pow(a, c)
	case opSin:
		return math.Sin(a)
	case opCos:
		return math.Cos(a)
	case opTan:
		return math.Tan(a)
	case opAsin:
		return math.Asin(a)
	case opAcos:
		return math.Acos(a)
	case opAtan:
		return math.Atan(a)
	case opSinh:
		return math.Sinh(a)
	case opCosh:
		return math.Cosh(a)
	case opTanh:
		return math.Tanh(a)
	case opAsinh:
		return math.Asinh(a)
	case opAcosh:
		return math.Acosh(a)
	case opAtanh:
		if math.Abs(a) >= 1 {
			return math.NaN()
		}
		return math.Atanh(a)
	case opExp:
		return math.Exp(a)
	case opExpm1:
		return math.Expm1(a)
	case opLog, opLog1p, opLog2, opLog10:
		return logOf(o, a)
	case opSqrt:
		return math.Sqrt(a)
	case opCbrt:
		return math.Cbrt(a)
	case opAbs:
		return math.Abs(a)
	case opSign:
		return sign(a)
	case opFloor:
		return math.Floor(a)
	case opCeil:
		return math.Ceil(a)
	case opRound:
		return math.Round(a)
	case opAdd:
		return a + b
	case opSub:
		return a - b
	case opMul:
		return a * b
	case opDiv:
		if b == 0 {
			return math.NaN()
		}
		return a / b
	case opPow:
		return pow(a, b)
	case opAtan2:
		if a == 0 && b == 0 {
			return math.NaN()
		}
		return math.Atan2(a, b)
	case opMin:
		return math.Min(a, b)
	case opMax:
		return math.Max(a, b)
	case opHypot:
		return math.Hypot(a, b)
	case opMod:
		return mod(a, b)
	}
	panic("expr: apply of a leaf operation")
}

// logOf returns the logarithm o of a, NaN where a is outside the open domain.
func logOf(o op, a float64) float64 {
	switch o {
	case opLog1p:
		if a <= -1 {
			return math.NaN()
		}
		return math.Log1p(a)
	}
	if a <= 0 {
		return math.NaN()
	}
	switch o {
	case opLog2:
		return math.Log2(a)
	case opLog10:
		return math.Log10(a)
	}
	return math.Log(a)
}

// pow is a^b as math.Pow, except that 0 to a negative power is undefined rather than
// +Inf, and that an undefined operand gives an undefined power, even to the power 0.
// A negative base with a non-integer exponent is NaN, as in math.Pow.
func pow(a, b float64) float64 {
	if a == 0 && b < 0 || math.IsNaN(a) || math.IsNaN(b) { // math.Pow(NaN, 0) is 1
		return math.NaN()
	}
	return math.Pow(a, b)
}

// mod is the floored remainder a − b·⌊a/b⌋, which has the sign of b (mod(-1, 3) = 2),
// as on calculators and as Kage's mod; undefined for b = 0.
func mod(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	r := math.Mod(a, b)
	if r != 0 && (r < 0) != (b < 0) {
		r += b
	}
	return r
}

func sign(a float64) float64 {
	switch {
	case a > 0:
		return 1
	case a < 0:
		return -1
	}
	return a // ±0 or NaN
}

// partials returns ∂r/∂a and ∂r/∂b of r = o(a, b), given r. Where the function is
// defined but its derivative is not (sqrt and the other roots at 0, asin and acos at
// ±1, acosh at 1), the partial is NaN. At points where the function is not
// differentiable, a subgradient is used, documented in the package doc: 0 for abs at
// 0, sign, floor, ceil, round and mod's steps, the mean of the two sides for a tie of
// min or max, 0 for hypot at (0, 0).
func partials(o op, a, b, c, r float64) (ka, kb float64) {
	switch o {
	case opNeg:
		return -1, 0
	case opPowConst:
		if c == 0 {
			return 0, 0
		}
		return powSlope(a, c), 0
	case opSin:
		return math.Cos(a), 0
	case opCos:
		return -math.Sin(a), 0
	case opTan:
		return 1 + r*r, 0
	case opAsin:
		return undefinedAtZero(1 / math.Sqrt(1-a*a)), 0
	case opAcos:
		return undefinedAtZero(-1 / math.Sqrt(1-a*a)), 0
	case opAtan:
		return 1 / (1 + a*a), 0
	case opSinh:
		return math.Cosh(a), 0
	case opCosh:
		return math.Sinh(a), 0
	case opTanh:
		return 1 - r*r, 0
	case opAsinh:
		return 1 / math.Hypot(a, 1), 0
	case opAcosh:
		return undefinedAtZero(1 / math.Sqrt(a*a-1)), 0
	case opAtanh:
		return 1 / (1 - a*a), 0
	case opExp:
		return r, 0
	case opExpm1:
		return r + 1, 0
	case opLog:
		return 1 / a, 0
	case opLog1p:
		return 1 / (1 + a), 0
	case opLog2:
		return 1 / (a * math.Ln2), 0
	case opLog10:
		return 1 / (a * math.Ln10), 0
	case opSqrt:
		return undefinedAtZero(0.5 / r), 0
	case opCbrt:
		return undefinedAtZero(1 / (3 * r * r)), 0
	case opAbs:
		return sign(a), 0
	case opSign, opFloor, opCeil, opRound:
		return 0, 0
	case opAdd:
		return 1, 1
	case opSub:
		return 1, -1
	case opMul:
		return b, a
	case opDiv:
		return 1 / b, -r / b
	case opPow:
		return powSlope(a, b), powLogSlope(a, r)
	case opAtan2:
		h := a*a + b*b
		return b / h, -a / h
	case opMin, opMax:
		switch {
		case a == b:
			return 0.5, 0.5
		case (a < b) == (o == opMin):
			return 1, 0
		}
		return 0, 1
	case opHypot:
		if r == 0 {
			return 0, 0
		}
		return a / r, b / r
	case opMod:
		return 1, -math.Floor(a / b)
	}
	panic("expr: partials of a leaf operation")
}

// undefinedAtZero returns k, or NaN where k is infinite: the slope of a root where
// its argument is 0 is vertical, which is reported as undefined.
func undefinedAtZero(k float64) float64 {
	if math.IsInf(k, 0) {
		return math.NaN()
	}
	return k
}

// powSlope is ∂(a^b)/∂a = b·a^(b−1), NaN where that is infinite (0 to a power below 1).
func powSlope(a, b float64) float64 {
	if b == 1 {
		return 1
	}
	return undefinedAtZero(b * pow(a, b-1))
}

// powLogSlope is ∂(a^b)/∂b = a^b·ln a, given r = a^b: 0 where r is 0 (a → 0 with
// b > 0, where a^b·ln a → 0 too).
func powLogSlope(a, r float64) float64 {
	if r == 0 {
		return 0
	}
	return r * math.Log(a)
}
