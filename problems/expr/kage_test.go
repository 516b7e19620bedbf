package expr

import (
	"strings"
	"testing"
)

func TestKage(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"x^2 + 10*y^2", "\tok := 1.0\n\tt0 := x * x\n\tt1 := y * y\n\tt2 := 10.0 * t1\n\tt3 := t0 + t2\n\treturn t3, ok\n"},
		{"x^-2", "\tok := 1.0\n\tif x == 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := 1.0 / (x * x)\n\treturn t0, ok\n"},
		{"x^3", "\tok := 1.0\n\tt0 := x * x * x\n\treturn t0, ok\n"},
		{"x^9", "\tok := 1.0\n\tt0 := exprPow(x, 9.0)\n\treturn t0, ok\n"},
		{"x^0.5", "\tok := 1.0\n\tif x < 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := exprPow(x, 0.5)\n\treturn t0, ok\n"},
		{"x^y", "\tok := 1.0\n\tif x < 0.0 && floor(y) != y {\n\t\tok = 0.0\n\t}\n\tt0 := exprPow(x, y)\n\treturn t0, ok\n"},
		{"1/2*x", "\tok := 1.0\n\tt0 := 0.5 * x\n\treturn t0, ok\n"}, // constants fold in float64
		{"-2^2", "\tok := 1.0\n\treturn (-4.0), ok\n"},               // and never divide as integers
		{"x*-3", "\tok := 1.0\n\tt0 := x * (-3.0)\n\treturn t0, ok\n"},
		{"1e-5 + x", "\tok := 1.0\n\tt0 := 1.0e-05 + x\n\treturn t0, ok\n"},
		{"log(-1) + x/0", "\tok := 1.0\n\tok = 0.0\n\tok = 0.0\n\tt0 := x / 0.0\n\tt1 := exprNaN() + t0\n\treturn t1, ok\n"},
		{"-sin(abs(x))", "\tok := 1.0\n\tt0 := abs(x)\n\tt1 := sin(t0)\n\tt2 := -t1\n\treturn t2, ok\n"},
		// The operand is computed once.
		{"(x + 1)^2", "\tok := 1.0\n\tt0 := x + 1.0\n\tt1 := t0 * t0\n\treturn t1, ok\n"},
		// Undefined regions are marked.
		{"log(x) + sqrt(y)", "\tok := 1.0\n\tif x <= 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := log(x)\n\tif y < 0.0 {\n\t\tok = 0.0\n\t}\n\tt1 := sqrt(y)\n\tt2 := t0 + t1\n\treturn t2, ok\n"},
		{"x/y", "\tok := 1.0\n\tif y == 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := x / y\n\treturn t0, ok\n"},
		{"tanh(2*y)", "\tok := 1.0\n\tt0 := 2.0 * y\n\tt1 := exprTanh(t0)\n\treturn t1, ok\n"}, // Kage has no tanh
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := mustParse(t, tt.src).Kage()
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			checkKageText(t, got)
		})
	}
}

// TestKageSizeIsLinear guards against re-emitting shared operands: nested squares would
// otherwise double the text at every level.
func TestKageSizeIsLinear(t *testing.T) {
	src := "x"
	for range 40 {
		src = "(" + src + " + 1)^2"
	}
	if got := len(mustParse(t, src).Kage()); got > 2000 {
		t.Errorf("got %d bytes of Kage for 40 nested squares, want < 2000", got)
	}
}

func TestKageHelpers(t *testing.T) {
	for _, name := range []string{"func exprPow(", "func exprNaN(", "func exprInf(", "func exprTanh("} {
		if !strings.Contains(KageHelpers, name) {
			t.Errorf("KageHelpers lacks %s", name)
		}
	}
	checkKageText(t, KageHelpers)
}

// checkKageText checks properties the Kage compiler needs and that can be seen in the
// text: parentheses balance, no '^' (Kage has no power operator), and every numeric
// literal is a float (Kage divides integer literals as integers).
func checkKageText(t *testing.T, src string) {
	t.Helper()
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth < 0 {
				t.Fatalf("unbalanced ')' at byte %d of\n%s", i, src)
			}
		case c == '^':
			t.Fatalf("'^' at byte %d of\n%s", i, src)
		case isLetter(c):
			for i+1 < len(src) && (isLetter(src[i+1]) || isDigit(src[i+1])) {
				i++
			}
		case isDigit(c):
			end := i
			for end < len(src) && (isDigit(src[end]) || src[end] == '.') {
				end++
			}
			if end < len(src) && (src[end] == 'e' || src[end] == 'E') {
				end++
				if end < len(src) && (src[end] == '+' || src[end] == '-') {
					end++
				}
				for end < len(src) && isDigit(src[end]) {
					end++
				}
			}
			if lit := src[i:end]; !strings.Contains(lit, ".") {
				t.Fatalf("integer literal %q at byte %d of\n%s", lit, i, src)
			}
			i = end - 1
		}
	}
	if depth != 0 {
		t.Fatalf("%d unclosed '(' in\n%s", depth, src)
	}
}
