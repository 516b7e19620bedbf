// Package expr parses formulas in x and y and gives their value, exact gradient and Kage source.
//
// One Parse yields everything the app needs from a formula: Eval and Grad for the
// optimizers on the CPU (forward-mode automatic differentiation, no allocation), and
// Kage for the field shader on the GPU. The formula is therefore written once.
//
// Grammar, loosest binding first:
//
//	sum     = product { ("+" | "-") product }
//	product = unary { ("*" | "/") unary }
//	unary   = ("-" | "+") unary | power
//	power   = primary [ "^" unary ]              right-associative: 2^3^2 = 2^9
//	primary = number | "x" | "y" | "pi" | "e" | const | func "(" sum ")" | "(" sum ")"
//	func    = "sin" | "cos" | "exp" | "log" | "sqrt" | "abs" | "tanh"
//
// so -x^2 is -(x^2) and 2^-1 is 0.5. Numbers are decimal, with an optional exponent
// (1e-3). Whitespace is ignored. A const is a name given to ParseWith with its value,
// such as a problem's parameter; Parse knows none.
package expr

import "fmt"

// Limits on the input, so that no formula from a URL can exhaust the stack or memory.
const (
	// MaxLen is the longest source Parse accepts, in bytes.
	MaxLen = 4096
	// MaxDepth is the deepest nesting of parentheses, signs, powers and calls Parse accepts.
	MaxDepth = 200
)

// Expr is a parsed formula f(x, y). It is immutable and safe for concurrent use.
type Expr struct {
	src   string
	nodes []node // nodes[root] is the whole formula; children precede their parents
	root  int32
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
	return e.eval(e.root, x, y)
}

// Grad returns the exact gradient (∂f/∂x, ∂f/∂y) at (x, y).
func (e *Expr) Grad(x, y float64) (gx, gy float64) {
	d := e.dual(e.root, x, y)
	return d.dx, d.dy
}

// ValueGrad returns f(x, y) and its gradient in one pass.
func (e *Expr) ValueGrad(x, y float64) (v, gx, gy float64) {
	d := e.dual(e.root, x, y)
	return d.v, d.dx, d.dy
}
