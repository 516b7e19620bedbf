package expr

import (
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func mustParse(t testing.TB, src string) *Expr {
	t.Helper()
	e, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return e
}

func TestPrecedence(t *testing.T) {
	tests := []struct {
		src  string
		want float64 // worked by hand at x = 3, y = -2
	}{
		{"2^3^2", 512},
		{"2**3**2", 512},
		{"-2^2", -4},
		{"(-2)^2", 4},
		{"2*3+4", 10},
		{"2+3*4", 14},
		{"2^-1", 0.5},
		{"-2^-2", -0.25},
		{"2*3^2", 18},
		{"8/4/2", 1},
		{"8-4-2", 2},
		{"-x^2", -9},
		{"x*-y", 6},
		{"--x", 3},
		{"+-+x", -3},
		{"1e-3*1000", 1},
		{".5 + 2.", 2.5},
		{"1E+2", 100},
		{"1/2x", 1.5},   // (1/2)·x
		{"6/2(1+2)", 9}, // (6/2)·(1+2), as the TI-84 reads it
		{"x/2y", -3},    // (x/2)·y
		{"2x^2", 18},    // 2·(x²)
		{"-x y", 6},     // (−x)·y
		{"2^x y", -16},  // (2^x)·y
		{"x^2y", -18},   // (x²)·y
		{"2 pi", 2 * math.Pi},
		{"2e", 2 * math.E}, // the constant e, not an exponent
		{"2e1", 20},        // an exponent
		{"|x - 5|", 2},
		{"|x||y|", 6},
		{"|-x + |y||", 1},
		{"2|y|x", 12},
		{"[x - 1](x + 1)", 8},
		{"log(2, 8)", 3},
		{"log(100)", math.Log(100)}, // natural, as ln
		{"mod(-1, 3)", 2},           // floored
		{"mod(x, -2)", -1},
		{"round(2.5) + round(-2.5)", 0}, // half away from zero: 3 − 3
		{"min(3, x, 1, y)", -2},
		{"max(y, -7)", -2},
		{"sign(y) + sign(0)", -1},
		{"tau/pi + phi - (1 + sqrt(5))/2", 2},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			if got := mustParse(t, tt.src).Eval(3, -2); !close(got, tt.want, 1e-15) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestUndefined checks the points where the formula or its gradient is undefined or
// takes a documented subgradient (see the package doc).
func TestUndefined(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		src       string
		x, y      float64
		v, gx, gy float64 // NaN means NaN; where v is NaN, so is the gradient
	}{
		{"log(x) + y", 0, 1, nan, nan, nan}, // log 0 is undefined, not −Inf
		{"ln(x)", -1, 0, nan, nan, nan},
		{"log2(x) + log10(y)", 0, 1, nan, nan, nan},
		{"log1p(x)", -1, 0, nan, nan, nan},
		{"log(x, y)", 1, 2, nan, nan, nan}, // base 1
		{"sqrt(x)", -1, 0, nan, nan, nan},
		{"x + sqrt(y)", 2, 0, 2, 1, nan},   // vertical slope at 0: undefined
		{"sqrt(x^2 + y^2)", 0, 0, 0, 0, 0}, // both partials of the argument are 0: subgradient 0
		{"cbrt(x)", 0, 0, 0, nan, 0},
		{"cbrt(x)", -8, 0, -2, 1.0 / 12, 0}, // 1/(3·cbrt(−8)²)
		{"x^0.5", 0, 0, 0, nan, 0},
		{"x^1.5", 0, 0, 0, 0, 0},
		{"asin(x)", 1.5, 0, nan, nan, nan},
		{"acos(x)", 1, 0, 0, nan, 0}, // defined, vertical slope
		{"acosh(x)", 0.5, 0, nan, nan, nan},
		{"atanh(x)", 1, 0, nan, nan, nan}, // ±Inf in math.Atanh: undefined here
		{"x / y", 1, 0, nan, nan, nan},
		{"x / (y - y)", 1, 3, nan, nan, nan},
		{"1 / x", 0, 0, nan, nan, nan},
		{"x^-1", 0, 0, nan, nan, nan},
		{"x^-2.5", 0, 0, nan, nan, nan},
		{"x^y", 0, -1, nan, nan, nan},
		{"x^0.5 + y", -4, 0, nan, nan, nan}, // negative base, non-integer power
		{"x^y", -2, 3, -8, 12, nan},         // defined, but not in y near y = 3
		{"x^3", -2, 5, -8, 12, 0},           // a constant integer power of a negative base
		{"x^0", 0, 1, 1, 0, 0},              // 0^0 = 1
		{"(x - 1)^y", 1, 2, 0, 0, 0},        // a^b → 0 as a → 0 with b > 0
		{"mod(x, y)", 1, 0, nan, nan, nan},
		{"atan2(y, x)", 0, 0, nan, nan, nan},
		{"abs(x) + abs(y)", 0, 0, 0, 0, 0}, // subgradient 0 at 0
		{"|x|", 0, 0, 0, 0, 0},
		{"min(x, y)", 1, 1, 1, 0.5, 0.5}, // a tie: the mean of both sides
		{"max(x, 2y)", 2, 1, 2, 0.5, 1},
		{"hypot(x, y)", 0, 0, 0, 0, 0},
		{"floor(x) + ceil(y) + round(x y) + sign(x)", 1, 1, 4, 0, 0}, // on their steps: 0
		{"tanh(1000x)", 1, 0, 1, 0, 0},                               // saturated: 1 − tanh² is exactly 0, no overflow
		{"log(-1) + x", 1, 1, nan, nan, nan},                         // undefined everywhere: folded to NaN
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e := mustParse(t, tt.src)
			v, gx, gy := e.ValueGrad(tt.x, tt.y)
			if !same(v, tt.v) || !same(gx, tt.gx) || !same(gy, tt.gy) {
				t.Errorf("at (%v, %v): got (%v, %v, %v), want (%v, %v, %v)", tt.x, tt.y, v, gx, gy, tt.v, tt.gx, tt.gy)
			}
			if ev := e.Eval(tt.x, tt.y); !same(ev, v) {
				t.Errorf("Eval(%v, %v) = %v, ValueGrad gave %v", tt.x, tt.y, ev, v)
			}
		})
	}
}

// same reports whether got equals want, NaN matching NaN, within 1e-15 relative.
func same(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return close(got, want, 1e-15)
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		src    string
		offset int
		msg    string
	}{
		{"", 0, "empty expression, expected a formula in x and y"},
		{"   ", 0, "empty expression, expected a formula in x and y"},
		{"x + $", 4, `expected a number, a name, '(' or '|', found character '$'`},
		{"x # y", 2, `expected an operator or the end, found character '#'`},
		{"(x # y)", 3, `expected ')' to close the '(' at byte 0, found character '#'`},
		{"x + é", 4, `expected a number, a name, '(' or '|', found character 'é'`},
		{"tahn(x)", 0, `unknown function "tahn", did you mean tanh?`},
		{"sni(x) + 1", 0, `unknown function "sni", did you mean sin?`},
		{"foo(x)", 0, `unknown function "foo", expected one of ` + strings.Join(FunctionNames(), ", ")},
		{"x + z", 4, `unknown name "z", expected x, y, a constant (pi, e, tau, phi) or a function such as sin(x)`},
		{"xy + 1", 0, `unknown name "xy", did you mean the product x y?`},
		{"2pix", 1, `unknown name "pix", did you mean the product pi x?`},
		{"sinx", 0, `unknown name "sinx", did you mean sin(x)?`},
		{"1 + cospix", 4, `unknown name "cospix", did you mean cos(pi x)?`},
		{"exp(-x) + tua", 10, `unknown name "tua", did you mean tau?`},
		{"(x + 1", 6, `expected ')' to close the '(' at byte 0, found the end`},
		{"[x + 1)", 6, `expected ']' to close the '[' at byte 0, found ')'`},
		{"sin(x", 5, `expected ',' or ')' to close sin( at byte 3, found the end`},
		{"|x + 1", 6, `expected '|' to close the '|' at byte 0, found the end`},
		{"x + 1)", 5, `expected an operator or the end, found ')'`},
		{"x 2", 2, `expected an operator (write * to multiply by a number), found number 2`},
		{"(x + 1)3", 7, `expected an operator (write * to multiply by a number), found number 3`},
		{"sin x", 4, `expected '(' after the function sin, found name "x" (write sin(x))`},
		{"sqrt", 4, `expected '(' after the function sqrt, found the end (write sqrt(x))`},
		{"sin^2(x)", 3, `expected '(' after the function sin, found operator '^' (write sin(x)^2 for a power of sin)`},
		{"x² + y²", 1, `expected an operator or the end, found character '²' (write ^2)`},
		{"2 × x", 2, `expected an operator or the end, found character '×' (write *)`},
		{"x − y", 2, `expected an operator or the end, found character '−' (write -)`},
		{"atan2(y)", 5, `expected atan2(y, x), found 1 argument`},
		{"sin(x, y)", 3, `expected sin(x), found 2 arguments`},
		{"log(2, x, y)", 3, `expected log(x) or log(b, x), found 3 arguments`},
		{"max(x)", 3, `expected max(a, b, …), found 1 argument`},
		{"(x, y)", 2, `expected ')' to close the '(' at byte 0, found ','`},
		{"x +", 3, `expected a number, a name, '(' or '|', found the end`},
		{"x * / y", 4, `expected a number, a name, '(' or '|', found operator '/'`},
		{"x * * y", 4, `expected a number, a name, '(' or '|', found operator '*'`},
		{"x ^^ 2", 3, `expected a number, a name, '(' or '|', found operator '^'`},
		{"()", 1, `expected a number, a name, '(' or '|', found ')'`},
		{"||", 2, `expected a number, a name, '(' or '|', found the end`}, // the second '|' opens
		{".", 0, `expected digits before or after '.', found the end`},
		{"1e999", 0, `number 1e999 is out of range (largest about 1.8e308)`},
		{"x^", 2, `expected a number, a name, '(' or '|', found the end`},
		{strings.Repeat("(", MaxDepth+1) + "x" + strings.Repeat(")", MaxDepth+1), MaxDepth, "expression nested too deeply (limit 64 levels)"},
		{strings.Repeat("-", 300) + "x", MaxDepth, "expression nested too deeply (limit 64 levels)"},
		{"x" + strings.Repeat("^x", 300), 2 * MaxDepth, "expression nested too deeply (limit 64 levels)"},
		{strings.Repeat("|", 300), MaxDepth, "expression nested too deeply (limit 64 levels)"},
		{strings.Repeat("sin(", 300), 4 * MaxDepth, "expression nested too deeply (limit 64 levels)"},
		{strings.Repeat("x+", MaxLen), MaxLen, "expression too long (8192 bytes, limit 4096)"},
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
			if se.Offset != tt.offset || se.Msg != tt.msg {
				t.Errorf("got offset %d %q,\nwant offset %d %q", se.Offset, se.Msg, tt.offset, tt.msg)
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

// TestLargestFormulas evaluates the longest chain and the widest balanced tree that
// fit MaxLen: deep recursion in the compiled formula grows the stack, never overflows.
func TestLargestFormulas(t *testing.T) {
	balanced := "x"
	for len(balanced)*2+4 <= MaxLen {
		balanced = "(" + balanced + ")(" + balanced + ")"
	}
	tests := []struct {
		src  string
		want float64 // at x = 1
	}{
		{strings.Repeat("x+", MaxLen/2-1) + "x", MaxLen / 2}, // MaxLen/2 terms of 1
		{balanced, 1},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.src).Eval(1, 0); got != tt.want {
			t.Errorf("%d bytes: got %v, want %v", len(tt.src), got, tt.want)
		}
	}
}

func TestString(t *testing.T) {
	const src = "  x^2 +  y "
	if got := mustParse(t, src).String(); got != src {
		t.Errorf("got %q, want %q", got, src)
	}
}

func TestDeterministic(t *testing.T) {
	e := mustParse(t, "sin(x y)^2 + x^y + atan2(y, x) hypot(x, y)")
	v1, gx1, gy1 := e.ValueGrad(0.3, 1.7)
	v2, gx2, gy2 := mustParse(t, e.String()).ValueGrad(0.3, 1.7)
	if v1 != v2 || gx1 != gx2 || gy1 != gy2 {
		t.Errorf("rerun: got (%v, %v, %v), first run (%v, %v, %v)", v2, gx2, gy2, v1, gx1, gy1)
	}
}

func TestValueGradDoesNotAllocate(t *testing.T) {
	e := mustParse(t, "(1.5 - x + x*y)^2 + sin(x)^y + log(1 + x^2) + abs(y)^2.5 + min(x, y, 3)")
	var sink float64
	allocs := testing.AllocsPerRun(100, func() {
		v, gx, gy := e.ValueGrad(0.7, 1.3)
		sink += v + gx + gy + e.Eval(0.7, 1.3)
	})
	if allocs != 0 {
		t.Errorf("got %v allocations per ValueGrad and Eval, want 0", allocs)
	}
	_ = sink
}

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
		{"a1(x + 1) + a2 y", "0.1*(x + 1) + 10*y"}, // implicit multiplication by a constant
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
			for _, p := range [][2]float64{{0.7, -1.3}, {1.9, 0.4}} {
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
		{"a1*x", map[string]float64{"Tau": 3}, `constant name "Tau" is taken`},
		{"a1*x", map[string]float64{"e": 3}, `constant name "e" is taken`},
		{"a1*x", map[string]float64{"sin": 1}, `constant name "sin" is taken`},
		{"a1*x", map[string]float64{"HYPOT": 1}, `constant name "HYPOT" is taken`},
		{"a1*x", map[string]float64{"": 1}, `constant name "" is not a name`},
		{"a1*x", map[string]float64{"2a": 1}, `constant name "2a" is not a name`},
		{"a1*x", map[string]float64{"a b": 1}, `constant name "a b" is not a name`},
		{"a3*x", map[string]float64{"a2": 1, "a1": 1}, `unknown name "a3", did you mean a1?`},
		{"kapa*x", map[string]float64{"kappa": 1}, `unknown name "kapa", did you mean kappa?`},
		{"q*x", map[string]float64{"a2": 1, "a1": 1}, `unknown name "q", expected x, y, a constant (pi, e, tau, phi, a1, a2) or a function such as sin(x)`},
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

// TestEveryFunctionIsDocumented keeps the package doc's list of functions and
// constants in step with the grammar's.
func TestEveryFunctionIsDocumented(t *testing.T) {
	src, err := os.ReadFile("expr.go")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, _ := strings.Cut(string(src), "package expr")
	words := strings.FieldsFunc(doc, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, name := range append(FunctionNames(), constantNames...) {
		if !slices.Contains(words, name) {
			t.Errorf("the package doc does not mention %s", name)
		}
	}
}

// TestFunctionNamesListsEveryFunction: each name FunctionNames gives parses
// as a call, and none is missing from the grammar's table.
func TestFunctionNamesListsEveryFunction(t *testing.T) {
	names := FunctionNames()
	if len(names) != len(functions) {
		t.Errorf("FunctionNames gives %d names, the grammar has %d functions", len(names), len(functions))
	}
	for _, name := range names {
		args := "(x)"
		if f := functions[name]; f.arity == 2 {
			args = "(x, y)"
		}
		if _, err := Parse(name + args); err != nil {
			t.Errorf("%s%s does not parse: %v", name, args, err)
		}
	}
}
