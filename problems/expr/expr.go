// Package expr parses formulas in x and y and gives their value, exact gradient and Kage source.
//
// One Parse yields everything the app needs from a formula: Eval and ValueGrad for
// the optimizers on the CPU (forward-mode automatic differentiation, compiled once,
// no allocation per call), and Kage or KageUniform for the field shader on the GPU.
// The formula is therefore written once.
//
// # Grammar
//
// Loosest binding first:
//
//	sum     = product { ("+" | "-") product }
//	product = signed { ("*" | "/") signed | implicit }
//	signed  = ("-" | "+") signed | power
//	power   = primary [ ("^" | "**") signed ]       right-associative: 2^3^2 = 2^9
//	primary = number | "x" | "y" | constant | name "(" sum { "," sum } ")"
//	        | "(" sum ")" | "[" sum "]" | "|" sum "|"
//
// so -x^2 is -(x^2) and 2^-1 is 0.5. Numbers are decimal with an optional exponent:
// 1e-3, .5, 2. Whitespace is ignored. Names are case-insensitive (Sin, PI); the
// constants are pi, e, tau (2π) and phi (the golden ratio, 1.618…). A name given to
// ParseWith with its value, such as a problem's parameter, is a constant too.
// Sources are limited to MaxLen bytes and MaxDepth levels of nesting.
//
// Implicit multiplication: a factor followed by a name, "(" or "[" is multiplied by
// it: 2x, 3(x + 1), (x + 1)(y - 1), x y, 2 pi x, 2sin(x), x(y + 1). It is a "*" in
// all but spelling, with the same precedence, grouping left to right: 1/2x is
// (1/2)·x = x/2, and x/2y is (x/2)·y, as on the TI-84 and in Wolfram|Alpha; write
// 1/(2x) for the other reading. Powers bind first: 2x^2 is 2·x², and e^2x is e²·x.
// A number after a factor ("x 2", "(x)3") is an error rather than a product, as it is
// more likely a typo. Letters run together form one name: xy is not x·y (the error
// suggests "x y", and sinx suggests sin(x)).
//
// |a| is abs(a). Inside bars a "|" closes them, so nest with parentheses or abs:
// |x + |y||, |x||y| and 2|x| read as expected.
//
// Functions, with their argument names:
//
//	sin cos tan asin acos atan atan2(y, x)   sinh cosh tanh asinh acosh atanh
//	exp expm1 log ln log1p log2 log10 log(b, x) = ln x / ln b   sqrt cbrt
//	abs sign floor ceil round (half away from zero)   mod(a, b) (floored: mod(-1, 3) = 2)
//	min(a, b, …) max(a, b, …) pow(x, p) = x^p hypot(x, y)
//
// A misspelt name in an error message comes with the nearest known one (tahn: did
// you mean tanh?).
//
// # Undefined points and subgradients
//
// Where the formula is undefined the value is NaN, and so is the gradient; the field
// shader marks the same region (the body's defined flag): log, log2, log10 of a number
// ≤ 0, log1p of one ≤ −1, sqrt of a negative number, asin and acos outside [−1, 1],
// acosh below 1, atanh outside (−1, 1), division and mod by 0, 0 to a negative power,
// a negative number to a non-integer power, atan2(0, 0). Where the value is defined
// and the slope is vertical (sqrt, cbrt and x^p, 0 < p < 1, at 0; asin and acos at
// ±1; acosh at 1) that partial derivative is NaN. Where the function is continuous
// but not differentiable, the gradient is a subgradient: 0 for abs at 0 and for
// hypot at (0, 0), and the mean of both sides for a tie of min or max. The steps of
// sign, floor, ceil and round have slope 0, as the flats between them; mod(a, b) has
// slope 1 in a and −⌊a/b⌋ in b, its steps included. A partial that does not involve
// the troublesome operand stays exact: ∂/∂x of x + sqrt(y) is 1 at y = 0, and the
// gradient of sqrt(x^2 + y^2) at (0, 0) is the subgradient 0.
package expr

import "fmt"

// Limits on the input, so that no formula from a URL can exhaust the stack or memory.
const (
	// MaxLen is the longest source Parse accepts, in bytes.
	MaxLen = 4096
	// MaxDepth is the deepest nesting of parentheses, bars, signs, powers and calls Parse accepts.
	MaxDepth = 64
)

// Expr is a parsed formula f(x, y). It is immutable and safe for concurrent use.
type Expr struct {
	src   string
	nodes []node // nodes[root] is the whole formula; children precede their parents
	root  int32
	f     fn // value and gradient, compiled from nodes
}

// node is one operation of the tree; a and b index its operands in Expr.nodes.
type node struct {
	op   op
	a, b int32
	c    float64 // the constant of opNum, the exponent of opPowConst
}

// SyntaxError reports where and why a source failed to parse.
type SyntaxError struct {
	Offset int    // byte offset of the fault in the source
	Msg    string // what was wrong
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("expr: %s at byte %d", e.Msg, e.Offset)
}

// String returns the source as given to Parse or ParseWith.
func (e *Expr) String() string { return e.src }

// Eval returns f(x, y).
func (e *Expr) Eval(x, y float64) float64 {
	v, _, _ := e.ValueGrad(x, y)
	return v
}

// Grad returns the exact gradient (∂f/∂x, ∂f/∂y) at (x, y).
func (e *Expr) Grad(x, y float64) (gx, gy float64) {
	_, gx, gy = e.ValueGrad(x, y)
	return gx, gy
}

// ValueGrad returns f(x, y) and its gradient in one pass. At a point with an infinite
// or NaN coordinate all three are NaN; a coordinate −0 is taken as 0 (which decides
// only atan2 on its branch cut).
func (e *Expr) ValueGrad(x, y float64) (v, gx, gy float64) {
	return e.f(x, y) // which also applies the rules above (see compile)
}
