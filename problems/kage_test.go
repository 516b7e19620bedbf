package problems

import (
	"strings"
	"testing"

	"descent/problems/expr/kagetest"
)

// kageNames are the only names a problem's Kage may use: the coordinates, the
// temporaries t0, t1, …, the defined-here flag ok and its guards, the return, Kage
// built-ins and KageHelpers. A parameter's name among them would mean ParseWith did
// not fold it into a literal.
var kageNames = map[string]bool{
	"x": true, "y": true, "return": true, "ok": true, "if": true, "floor": true,
	"sin": true, "cos": true, "exp": true, "log": true, "sqrt": true, "abs": true,
	"exprPow": true, "exprNaN": true, "exprInf": true, "exprTanh": true,
}

// TestKage checks the field shader's body of every problem, as package expr's Kage
// tests do: parentheses balance, no '^' (Kage has no power operator), every literal is
// a float (Kage divides integer literals as integers), and only known names appear.
func TestKage(t *testing.T) {
	for _, in := range instances(t) {
		t.Run(in.name, func(t *testing.T) {
			src := in.p.Expr.Kage()
			if err := kagetest.Check(src, func(name string) bool { return kageNames[name] || isTemporary(name) }); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(src, "return ") {
				t.Fatalf("no return in\n%s", src)
			}
		})
	}
}

func isTemporary(name string) bool {
	if len(name) < 2 || name[0] != 't' {
		return false
	}
	for i := 1; i < len(name); i++ {
		if !isDigitByte(name[i]) {
			return false
		}
	}
	return true
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }
