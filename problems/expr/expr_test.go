package expr

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// points are asymmetric (x ≠ ±y, neither zero) so that a swapped or dropped partial shows.
var points = [][2]float64{{0.7, -1.3}, {1.9, 0.4}, {-0.6, 2.2}, {2.5, 1.1}}

// positivePoints keep every base of x^y and every argument of log positive.
var positivePoints = [][2]float64{{0.7, 1.3}, {1.9, 0.4}, {2.5, 1.1}}

type analytic struct {
	src    string
	f      func(x, y float64) float64
	gx, gy func(x, y float64) float64
	pts    [][2]float64
}

// analytics are every operator and function, with value and gradient worked by hand.
var analytics = []analytic{
	{"x + y", func(x, y float64) float64 { return x + y },
		func(x, y float64) float64 { return 1 }, func(x, y float64) float64 { return 1 }, points},
	{"x - 3*y", func(x, y float64) float64 { return x - 3*y },
		func(x, y float64) float64 { return 1 }, func(x, y float64) float64 { return -3 }, points},
	{"x * y", func(x, y float64) float64 { return x * y },
		func(x, y float64) float64 { return y }, func(x, y float64) float64 { return x }, points},
	{"x / y", func(x, y float64) float64 { return x / y },
		func(x, y float64) float64 { return 1 / y }, func(x, y float64) float64 { return -x / (y * y) }, points},
	{"-x^2 + +y", func(x, y float64) float64 { return -x*x + y },
		func(x, y float64) float64 { return -2 * x }, func(x, y float64) float64 { return 1 }, points},
	{"x^3 * y^-2", func(x, y float64) float64 { return x * x * x / (y * y) },
		func(x, y float64) float64 { return 3 * x * x / (y * y) },
		func(x, y float64) float64 { return -2 * x * x * x / (y * y * y) }, points},
	{"x^0.5 + y^1.5", func(x, y float64) float64 { return math.Sqrt(x) + math.Pow(y, 1.5) },
		func(x, y float64) float64 { return 0.5 / math.Sqrt(x) },
		func(x, y float64) float64 { return 1.5 * math.Sqrt(y) }, positivePoints},
	{"x^y", func(x, y float64) float64 { return math.Pow(x, y) },
		func(x, y float64) float64 { return y * math.Pow(x, y-1) },
		func(x, y float64) float64 { return math.Pow(x, y) * math.Log(x) }, positivePoints},
	{"2^(x*y)", func(x, y float64) float64 { return math.Pow(2, x*y) },
		func(x, y float64) float64 { return math.Pow(2, x*y) * math.Ln2 * y },
		func(x, y float64) float64 { return math.Pow(2, x*y) * math.Ln2 * x }, points},
	{"sin(x*y)", func(x, y float64) float64 { return math.Sin(x * y) },
		func(x, y float64) float64 { return y * math.Cos(x*y) },
		func(x, y float64) float64 { return x * math.Cos(x*y) }, points},
	{"cos(x + 2*y)", func(x, y float64) float64 { return math.Cos(x + 2*y) },
		func(x, y float64) float64 { return -math.Sin(x + 2*y) },
		func(x, y float64) float64 { return -2 * math.Sin(x+2*y) }, points},
	{"exp(x - y)", func(x, y float64) float64 { return math.Exp(x - y) },
		func(x, y float64) float64 { return math.Exp(x - y) },
		func(x, y float64) float64 { return -math.Exp(x - y) }, points},
	{"log(x^2 + y)", func(x, y float64) float64 { return math.Log(x*x + y) },
		func(x, y float64) float64 { return 2 * x / (x*x + y) },
		func(x, y float64) float64 { return 1 / (x*x + y) }, positivePoints},
	{"sqrt(x^2 + y^2)", func(x, y float64) float64 { return math.Hypot(x, y) },
		func(x, y float64) float64 { return x / math.Hypot(x, y) },
		func(x, y float64) float64 { return y / math.Hypot(x, y) }, points},
	{"abs(x - 2*y)", func(x, y float64) float64 { return math.Abs(x - 2*y) },
		func(x, y float64) float64 { return sign(x - 2*y) },
		func(x, y float64) float64 { return -2 * sign(x-2*y) }, points},
	{"tanh(x*y)", func(x, y float64) float64 { return math.Tanh(x * y) },
		func(x, y float64) float64 { return y / (math.Cosh(x*y) * math.Cosh(x*y)) },
		func(x, y float64) float64 { return x / (math.Cosh(x*y) * math.Cosh(x*y)) }, points},
	{"pi*x + e*y", func(x, y float64) float64 { return math.Pi*x + math.E*y },
		func(x, y float64) float64 { return math.Pi }, func(x, y float64) float64 { return math.E }, points},
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// close reports whether got is within tol of want, relative to max(1, |want|).
func close(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func mustParse(t testing.TB, src string) *Expr {
	t.Helper()
	e, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return e
}

func TestValueAndGradientAgainstHandWritten(t *testing.T) {
	const tol = 1e-12 // the same float operations in a different order
	for _, c := range analytics {
		t.Run(c.src, func(t *testing.T) {
			e := mustParse(t, c.src)
			for _, p := range c.pts {
				x, y := p[0], p[1]
				v, gx, gy := e.ValueGrad(x, y)
				if want := c.f(x, y); !close(v, want, tol) || !close(e.Eval(x, y), want, tol) {
					t.Errorf("f(%v, %v): got %v (Eval %v), want %v", x, y, v, e.Eval(x, y), want)
				}
				if want := c.gx(x, y); !close(gx, want, tol) {
					t.Errorf("∂f/∂x(%v, %v): got %v, want %v", x, y, gx, want)
				}
				if want := c.gy(x, y); !close(gy, want, tol) {
					t.Errorf("∂f/∂y(%v, %v): got %v, want %v", x, y, gy, want)
				}
				if gx2, gy2 := e.Grad(x, y); gx2 != gx || gy2 != gy {
					t.Errorf("Grad(%v, %v) = (%v, %v), ValueGrad gave (%v, %v)", x, y, gx2, gy2, gx, gy)
				}
			}
		})
	}
}

func TestGradientAgainstFiniteDifferences(t *testing.T) {
	// Central differences with gonum's default step are good to ~1e-9 relative here.
	const tol = 1e-6
	srcs := []string{
		"(1-x)^2 + 100*(y-x^2)^2",
		"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
		"sin(x)*cos(y) / (2 + exp(-x*y))",
		"log(1 + x^2 + y^4) - sqrt(abs(x*y) + 1)",
		"x^(y^2 + 1) / 3",
		"(x + y)^-1.5 * 7",
		"-x^3 + 2^-x - y/x",
	}
	for _, src := range srcs {
		e := mustParse(t, src)
		for _, p := range positivePoints {
			want := fd.Gradient(nil, func(v []float64) float64 { return e.Eval(v[0], v[1]) },
				p[:], &fd.Settings{Formula: fd.Central})
			gx, gy := e.Grad(p[0], p[1])
			if !close(gx, want[0], tol) || !close(gy, want[1], tol) {
				t.Errorf("%s at %v: got (%v, %v), finite differences (%v, %v)", src, p, gx, gy, want[0], want[1])
			}
		}
	}
}

func TestPrecedence(t *testing.T) {
	tests := []struct {
		src  string
		want float64
	}{
		{"2^3^2", 512},
		{"-2^2", -4},
		{"(-2)^2", 4},
		{"2*3+4", 10},
		{"2+3*4", 14},
		{"2^-1", 0.5},
		{"-2^-2", -0.25},
		{"2*3^2", 18},
		{"8/4/2", 1},
		{"8-4-2", 2},
		{"-x^2", -9}, // at x = 3
		{"x*-y", 6},  // at x = 3, y = -2
		{"--x", 3},   // double negation
		{"+-+x", -3}, // mixed signs
		{"1e-3*1000", 1},
		{".5 + 2.", 2.5},
		{"1E+2", 100},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			if got := mustParse(t, tt.src).Eval(3, -2); !close(got, tt.want, 1e-15) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		src    string
		offset int
		msg    string // a fragment the message must contain
	}{
		{"", 0, "empty"},
		{"   ", 0, "empty"},
		{"x + $", 4, "unexpected character '$'"},
		{"x # y", 2, "unexpected character '#'"},
		{"(x # y)", 3, "unexpected character '#'"},
		{"x + é", 4, "unexpected character 'é'"},
		{"foo(x)", 0, `unknown name "foo"`},
		{"tan(x)", 0, "known: x, y, pi, e, sin, cos, exp, log, sqrt, abs, tanh)"},
		{"x + z", 4, "known: x, y, pi"},
		{"(x + 1", 6, "missing ')'"},
		{"sin(x", 5, "missing ')' to close sin( from byte 3"},
		{"(x + 1 y", 7, "expected ')'"},
		{"x + 1)", 5, "unexpected ')' after"},
		{"2x", 1, "missing operator"},
		{"x y", 2, "missing operator"},
		{"2(x)", 1, "missing operator"},
		{"sin x", 4, "function sin needs '('"},
		{"sqrt", 4, "function sqrt needs '('"},
		{"x +", 3, "unexpected end of input"},
		{"x * / y", 4, "unexpected operator '/'"},
		{"()", 1, "unexpected ')'"},
		{".", 0, "malformed number"},
		{"1e999", 0, "out of range"},
		{"x^", 2, "unexpected end of input"},
		{strings.Repeat("(", MaxDepth+1) + "x" + strings.Repeat(")", MaxDepth+1), MaxDepth, "nested too deeply"},
		{strings.Repeat("-", 300) + "x", MaxDepth, "nested too deeply"},
		{"x" + strings.Repeat("^x", 300), 2 * MaxDepth, "nested too deeply"},
		{strings.Repeat("x+", MaxLen), MaxLen, "too long"},
	}
	for _, tt := range tests {
		name := tt.src
		if len(name) > 20 {
			name = name[:20] + "…"
		}
		t.Run(name, func(t *testing.T) {
			e, err := Parse(tt.src)
			if err == nil {
				t.Fatalf("got %v, want an error", e)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %T, want *SyntaxError", err)
			}
			if se.Offset != tt.offset || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("got offset %d %q, want offset %d containing %q", se.Offset, se.Msg, tt.offset, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "expr: ") {
				t.Errorf("got %q, want the package prefix", err)
			}
		})
	}
}

func TestLimitsAccepted(t *testing.T) {
	deep := strings.Repeat("(", MaxDepth-1) + "x" + strings.Repeat(")", MaxDepth-1)
	long := strings.Repeat("x+", MaxLen/2-1) + "x " // exactly MaxLen bytes
	for _, src := range []string{deep, long} {
		if _, err := Parse(src); err != nil {
			t.Errorf("Parse of %d bytes: %v", len(src), err)
		}
	}
}

func TestString(t *testing.T) {
	const src = "  x^2 +  y "
	if got := mustParse(t, src).String(); got != src {
		t.Errorf("got %q, want %q", got, src)
	}
}

func TestSpecialPoints(t *testing.T) {
	tests := []struct {
		src       string
		x, y      float64
		v, gx, gy float64
	}{
		{"abs(x) + abs(y)", 0, 0, 0, 0, 0},       // the gradient of abs at 0 is 0 by convention
		{"x^2 + y^3", 0, 0, 0, 0, 0},             // c·a^(c−1) at a = 0
		{"x^3", -2, 5, -8, 12, 0},                // constant exponent: negative base is fine
		{"x^0", 0, 1, 1, 0, 0},                   // 0^0 = 1, derivative 0
		{"x + sqrt(y)", 2, 0, 2, 1, math.Inf(1)}, // ∂/∂x stays finite at y = 0
		{"(x - 1)^y", 1, 2, 0, 0, 0},             // a^b with a → 0, b > 0
		{"tanh(1000*x)", 1, 0, 1, 0, 0},          // saturated: 1 − tanh² is exactly 0, no overflow
		{"tanh(1000*x)", -1, 0, -1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			v, gx, gy := mustParse(t, tt.src).ValueGrad(tt.x, tt.y)
			if v != tt.v || gx != tt.gx || gy != tt.gy {
				t.Errorf("at (%v, %v): got (%v, %v, %v), want (%v, %v, %v)", tt.x, tt.y, v, gx, gy, tt.v, tt.gx, tt.gy)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	e := mustParse(t, "sin(x*y)^2 + x^y")
	v1, gx1, gy1 := e.ValueGrad(0.3, 1.7)
	v2, gx2, gy2 := mustParse(t, e.String()).ValueGrad(0.3, 1.7)
	if v1 != v2 || gx1 != gx2 || gy1 != gy2 {
		t.Errorf("rerun: got (%v, %v, %v), first run (%v, %v, %v)", v2, gx2, gy2, v1, gx1, gy1)
	}
}

func TestValueGradDoesNotAllocate(t *testing.T) {
	e := mustParse(t, "(1.5 - x + x*y)^2 + sin(x)^y + log(1 + x^2) + abs(y)^2.5")
	var sink float64
	allocs := testing.AllocsPerRun(100, func() {
		v, gx, gy := e.ValueGrad(0.7, 1.3)
		sink += v + gx + gy + e.Eval(0.7, 1.3)
	})
	if allocs != 0 {
		t.Errorf("got %v allocations per ValueGrad, want 0", allocs)
	}
	_ = sink
}

func BenchmarkValueGrad(b *testing.B) {
	e := mustParse(b, "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2")
	b.ReportAllocs()
	var sink float64
	for i := 0; b.Loop(); i++ {
		v, gx, gy := e.ValueGrad(0.7, float64(i&7)*0.1)
		sink += v + gx + gy
	}
	_ = sink
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"x^2 + 10*y^2", "(1-x)^2 + 100*(y-x^2)^2", "-2^-2^x", "sin(cos(exp(log(sqrt(abs(x))))))",
		"1e-3*.5/2.", "((x", "x))", "2x", "é", "\x00", "pi^e^y", "x^y^-0.5", "1/0", "log(-1)",
		"tanh(a1*x) + kappa*y", "cos(angle*pi/180)*x", "a1(x)", "kappa^kappa^kappa",
		strings.Repeat("(", 250), strings.Repeat("-", 250) + "x",
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

// checkFuzzed checks one outcome of parsing src: an error with an offset inside src,
// or an expression that evaluates and emits well-formed Kage without panicking.
func checkFuzzed(t *testing.T, src string, e *Expr, err error) {
	t.Helper()
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(src) {
			t.Fatalf("parse of %q: bad error %v", src, err)
		}
		return
	}
	if e.String() != src {
		t.Fatalf("String() = %q, want %q", e.String(), src)
	}
	// Any value is allowed, NaN included; only a panic fails.
	e.Eval(0.3, -1.7)
	e.ValueGrad(0.3, -1.7)
	checkKageText(t, e.Kage())
}

// fuzzConsts are constants FuzzParse binds; the values include a large one and a
// negative one so that folding meets overflow and negative bases.
var fuzzConsts = map[string]float64{"a1": 0.1, "a2": 10, "kappa": 1e300, "angle": -30}

func TestParseWith(t *testing.T) {
	consts := map[string]float64{"a1": 0.1, "a2": 10, "kappa": 10, "angle": 30}
	tests := []struct {
		src, literal string // literal is src with every constant written out
	}{
		{"a1*x^2 + a2*y^2", "0.1*x^2 + 10*y^2"},
		{"(cos(angle*pi/180)*x + sin(angle*pi/180)*y)^2",
			"(0.8660254037844387*x + 0.49999999999999994*y)^2"}, // cos, sin of pi/6 in float64
		{"kappa^2*x - a1", "100*x - 0.1"},
		{"tanh(a2*x) + 0*angle", "tanh(10*x) + 0"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, err := ParseWith(tt.src, consts)
			if err != nil {
				t.Fatal(err)
			}
			want := mustParse(t, tt.literal)
			if got, w := e.Kage(), want.Kage(); got != w {
				t.Errorf("Kage: got\n%s\nwant\n%s", got, w)
			}
			for _, p := range points {
				v, gx, gy := e.ValueGrad(p[0], p[1])
				wv, wgx, wgy := want.ValueGrad(p[0], p[1])
				if v != wv || gx != wgx || gy != wgy {
					t.Errorf("at %v: got (%v, %v, %v), want (%v, %v, %v)", p, v, gx, gy, wv, wgx, wgy)
				}
			}
			if e.String() != tt.src {
				t.Errorf("String: got %q, want %q", e.String(), tt.src)
			}
		})
	}
}

// TestParseWithFolds checks that constants and everything computed from them alone
// become one literal: no name of a constant, and no cos or sin, reaches Kage.
func TestParseWithFolds(t *testing.T) {
	e, err := ParseWith("0.5*(cos(angle*pi/180)*x + sin(angle*pi/180)*y)^2 + 0.5*kappa*(cos(angle*pi/180)*y - sin(angle*pi/180)*x)^2",
		map[string]float64{"kappa": 10, "angle": 30})
	if err != nil {
		t.Fatal(err)
	}
	k := e.Kage()
	for _, name := range []string{"kappa", "angle", "cos", "sin", "pi"} {
		if strings.Contains(k, name) {
			t.Errorf("Kage mentions %q:\n%s", name, k)
		}
	}
	checkKageText(t, k)
	// 4 products with x or y, 2 sums, 2 squares, 2 scalings, 1 sum: 11 temporaries,
	// and ok, the defined-here flag.
	if got := strings.Count(k, ":="); got != 12 {
		t.Errorf("got %d statements, want 12:\n%s", got, k)
	}
}

func TestParseWithErrors(t *testing.T) {
	tests := []struct {
		src    string
		consts map[string]float64
		msg    string
	}{
		{"a1*x", map[string]float64{"x": 1}, `constant name "x" is taken`},
		{"a1*x", map[string]float64{"pi": 3}, `constant name "pi" is taken`},
		{"a1*x", map[string]float64{"e": 3}, `constant name "e" is taken`},
		{"a1*x", map[string]float64{"sin": 1}, `constant name "sin" is taken`},
		{"a1*x", map[string]float64{"tanh": 1}, `constant name "tanh" is taken`},
		{"a1*x", map[string]float64{"": 1}, `constant name "" is not a name`},
		{"a1*x", map[string]float64{"2a": 1}, `constant name "2a" is not a name`},
		{"a1*x", map[string]float64{"a b": 1}, `constant name "a b" is not a name`},
		{"a3*x", map[string]float64{"a2": 1, "a1": 1}, `unknown name "a3" (known: x, y, pi, e, sin, cos, exp, log, sqrt, abs, tanh, and the constants a1, a2)`},
		{"a1(x)", map[string]float64{"a1": 1}, "missing operator"},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			_, err := ParseWith(tt.src, tt.consts)
			if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "expr: ") {
				t.Errorf("got %v, want an expr: error containing %q", err, tt.msg)
			}
		})
	}
}
