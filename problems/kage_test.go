package problems

import (
	"strings"
	"testing"
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
				case isNameByte(c) && !isDigitByte(c):
					end := i
					for end < len(src) && isNameByte(src[end]) {
						end++
					}
					if name := src[i:end]; !kageNames[name] && !isTemporary(name) {
						t.Fatalf("unexpected name %q at byte %d of\n%s", name, i, src)
					}
					i = end - 1
				case isDigitByte(c):
					end := i
					for end < len(src) && (isDigitByte(src[end]) || src[end] == '.') {
						end++
					}
					if end < len(src) && src[end] == 'e' {
						end++
						if end < len(src) && (src[end] == '+' || src[end] == '-') {
							end++
						}
						for end < len(src) && isDigitByte(src[end]) {
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
func isNameByte(c byte) bool {
	return isDigitByte(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}
