package expr

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// FuzzParse checks that no input panics, hangs or gives a malformed result. Its seed
// corpus is in testdata/fuzz/FuzzParse and runs with the ordinary tests; grow it
// with go test -fuzz FuzzParse ./problems/expr.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"x^2 + 10*y^2", "(1-x)^2 + 100(y-x^2)^2", "-2^-2^x", "sin(cos(exp(log(sqrt(abs(x))))))",
		"1e-3*.5/2.", "((x", "x))", "2x", "é", "\x00", "pi^e^y", "x^y^-0.5", "1/0", "log(-1)",
		"tanh(a1*x) + kappa*y", "cos(angle*pi/180)*x", "a1(x)", "kappa^kappa^kappa",
		"|x + |y||", "||x||", "2|x|y", "log(2, x, y)", "min(x)", "atan2(y, x) hypot(x, y)",
		strings.Repeat("(", 250), strings.Repeat("-", 250) + "x", strings.Repeat("|", 250),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		checkFuzzed(t, src, e, err)
		// Named constants only turn unknown names into numbers: what parsed still does.
		w, werr := ParseWith(src, fuzzConsts)
		checkFuzzed(t, src, w, werr)
		if err == nil && werr != nil {
			t.Fatalf("ParseWith(%q) failed where Parse succeeded: %v", src, werr)
		}
	})
}

// fuzzConsts are constants FuzzParse binds; the values include a large one and a
// negative one so that folding meets overflow and negative bases.
var fuzzConsts = map[string]float64{"a1": 0.1, "a2": 10, "kappa": 1e300, "angle": -30}

// checkFuzzed checks one outcome of parsing src: an error with an offset inside src,
// or an expression that evaluates and emits well-formed Kage without panicking.
func checkFuzzed(t *testing.T, src string, e *Expr, err error) {
	t.Helper()
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(src) || se.Msg == "" {
			t.Fatalf("parse of %q: bad error %v", src, err)
		}
		return
	}
	if e.String() != src {
		t.Fatalf("String() = %q, want %q", e.String(), src)
	}
	// Any value is allowed, NaN included; a defined value has a gradient or NaN partials.
	for _, p := range [][2]float64{{0.3, -1.7}, {0, 0}, {-2, 1e10}} {
		v, gx, gy := e.ValueGrad(p[0], p[1])
		if ev := e.Eval(p[0], p[1]); math.Float64bits(ev) != math.Float64bits(v) && !(math.IsNaN(ev) && math.IsNaN(v)) {
			t.Fatalf("%q at %v: Eval %v, ValueGrad %v", src, p, ev, v)
		}
		if math.IsNaN(v) && !(math.IsNaN(gx) && math.IsNaN(gy)) {
			t.Fatalf("%q at %v: undefined value with gradient (%v, %v)", src, p, gx, gy)
		}
	}
	checkKageText(t, e.Kage())
	body, consts := e.KageUniform(8)
	if len(consts) > 8 || substitute(body, consts) != e.Kage() {
		t.Fatalf("%q: KageUniform(8) gave %d constants, or does not substitute back to Kage", src, len(consts))
	}
}
