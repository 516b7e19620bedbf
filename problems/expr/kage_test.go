package expr

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"descent/problems/expr/kagetest"
)

func TestKage(t *testing.T) {
	const divGuard = "\tif %s == 0.0 {\n\t\tok = 0.0\n\t}\n"
	tests := []struct {
		src  string
		want string
	}{
		{"x^2 + 10*y^2", "\tok := 1.0\n\tt0 := x * x\n\tt1 := y * y\n\tt2 := 10.0 * t1\n\tt3 := t0 + t2\n\treturn t3, ok\n"},
		{"x^-2", "\tok := 1.0\n\tif x == 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := 1.0 / (x * x)\n\treturn t0, ok\n"},
		{"x^3", "\tok := 1.0\n\tt0 := x * x * x\n\treturn t0, ok\n"},
		// Beyond maxExpandedPower, and non-integer powers: the sign-aware helper, guarded.
		{"x^9", "\tok := 1.0\n\tif x < 0.0 && floor(9.0) != 9.0 || x == 0.0 && 9.0 < 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := exprPow(x, 9.0)\n\treturn t0, ok\n"},
		{"x^y", "\tok := 1.0\n\tif x < 0.0 && floor(y) != y || x == 0.0 && y < 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := exprPow(x, y)\n\treturn t0, ok\n"},
		{"1/2*x", "\tok := 1.0\n\tt0 := 0.5 * x\n\treturn t0, ok\n"}, // constants fold in float64
		{"-2^2", "\tok := 1.0\n\treturn (-4.0), ok\n"},               // and never divide as integers
		{"x*-3", "\tok := 1.0\n\tt0 := x * (-3.0)\n\treturn t0, ok\n"},
		{"1e-5 + x", "\tok := 1.0\n\tt0 := 1.0e-05 + x\n\treturn t0, ok\n"},
		{"log(-1) + x/0", "\tok := 1.0\n\tok = 0.0\n" + strings.ReplaceAll(divGuard, "%s", "0.0") + "\tt0 := x / 0.0\n\tt1 := exprNaN() + t0\n\treturn t1, ok\n"},
		{"-sin(abs(x))", "\tok := 1.0\n\tt0 := abs(x)\n\tt1 := sin(t0)\n\tt2 := -t1\n\treturn t2, ok\n"},
		{"(x + 1)^2", "\tok := 1.0\n\tt0 := x + 1.0\n\tt1 := t0 * t0\n\treturn t1, ok\n"}, // the operand is computed once
		{"log(x) + sqrt(y)", "\tok := 1.0\n\tif x <= 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := log(x)\n\tif y < 0.0 {\n\t\tok = 0.0\n\t}\n\tt1 := sqrt(y)\n\tt2 := t0 + t1\n\treturn t2, ok\n"},
		{"x/y", "\tok := 1.0\n" + strings.ReplaceAll(divGuard, "%s", "y") + "\tt0 := x / y\n\treturn t0, ok\n"},
		{"tanh(2y)", "\tok := 1.0\n\tt0 := 2.0 * y\n\tt1 := exprTanh(t0)\n\treturn t1, ok\n"}, // Kage has no tanh
		{"|x|", "\tok := 1.0\n\tt0 := abs(x)\n\treturn t0, ok\n"},
		{"atan2(y, x)", "\tok := 1.0\n\tif y == 0.0 && x == 0.0 {\n\t\tok = 0.0\n\t}\n\tt0 := exprAtan2(y, x)\n\treturn t0, ok\n"},
		{"acos(x)", "\tok := 1.0\n\tif abs(x) > 1.0 {\n\t\tok = 0.0\n\t}\n\tt0 := acos(x)\n\treturn t0, ok\n"},
		{"log1p(x)", "\tok := 1.0\n\tif x <= -1.0 {\n\t\tok = 0.0\n\t}\n\tt0 := exprLog1p(x)\n\treturn t0, ok\n"},
		{"min(x, y, 1)", "\tok := 1.0\n\tt0 := min(x, y)\n\tt1 := min(t0, 1.0)\n\treturn t1, ok\n"},
		{"mod(x, 3)", "\tok := 1.0\n" + strings.ReplaceAll(divGuard, "%s", "3.0") + "\tt0 := mod(x, 3.0)\n\treturn t0, ok\n"},
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

// TestKageNamesAreDeclared checks that every function's Kage name is a built-in or a
// helper KageHelpers declares, for every corpus formula.
func TestKageNamesAreDeclared(t *testing.T) {
	builtins := []string{"sin", "cos", "tan", "asin", "acos", "atan", "atan2", "exp", "log", "log2",
		"sqrt", "abs", "sign", "floor", "ceil", "min", "max", "mod"} // DESIGN.md: built-ins that work
	call := regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\(`)
	for _, c := range corpus {
		k := mustParse(t, c.src).Kage()
		checkKageText(t, k)
		for _, m := range call.FindAllStringSubmatch(k, -1) {
			if name := m[1]; !slices.Contains(builtins, name) && !strings.Contains(KageHelpers, "func "+name+"(") {
				t.Errorf("%s: Kage calls %s, neither a built-in nor a helper", c.src, name)
			}
		}
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
	for _, name := range []string{"Pow", "NaN", "Inf", "Tanh", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh",
		"Expm1", "Log1p", "Log10", "Cbrt", "Round", "Hypot"} {
		if !strings.Contains(KageHelpers, "func expr"+name+"(") {
			t.Errorf("KageHelpers lacks expr%s", name)
		}
	}
	checkKageText(t, KageHelpers)
}

// TestHelpersFor checks that HelpersFor gives each helper with what it calls and
// nothing else: the corpus runs natively on HelpersFor alone (kageProgram panics
// on an unknown function), and here each helper's closure is checked by hand.
func TestHelpersFor(t *testing.T) {
	if got := HelpersFor("\tok := 1.0\n\treturn x*y, ok\n"); got != "" {
		t.Errorf("a body without helpers got %d bytes of them", len(got))
	}
	tests := map[string][]string{
		"exprPow(x, 2.5)":                        {"exprNaN", "exprPow"},
		"exprSinh(x)":                            {"exprSinh", "exprExpm1"},
		"exprHypot(x, y)":                        {"exprHypot"},
		"exprLog1p(exprTanh(x)) + exprPow(y, x)": {"exprNaN", "exprPow", "exprTanh", "exprLog1p"},
	}
	for body, want := range tests {
		got := HelpersFor(body)
		checkKageText(t, got)
		var names []string
		for _, line := range strings.Split(got, "\n") {
			if name, ok := strings.CutPrefix(line, "func "); ok {
				name, _, _ = strings.Cut(name, "(")
				names = append(names, name)
			}
		}
		slices.Sort(names)
		slices.Sort(want)
		if !slices.Equal(names, want) {
			t.Errorf("HelpersFor(%q) declares %v, want %v", body, names, want)
		}
	}
	if n := len(kageHelpers); n < 15 || strings.TrimSpace(HelpersFor(KageHelpers)) != strings.TrimSpace(KageHelpers) {
		t.Errorf("KageHelpers splits into %d helpers; asking for all of them gives %d of %d bytes", n, len(HelpersFor(KageHelpers)), len(KageHelpers))
	}
}

// TestKageUniformSharesTheBody is the shader cache's contract: one formula with two
// settings of its constants gives one body and two lists of constants.
func TestKageUniformSharesTheBody(t *testing.T) {
	tests := []struct {
		src  string
		a, b map[string]float64
	}{
		{"a1*x^2+a2*y^2", map[string]float64{"a1": 1, "a2": 10}, map[string]float64{"a1": 0.5, "a2": 3}},
		{"0.5*(cos(angle*pi/180)*x + sin(angle*pi/180)*y)^2 + 0.5*kappa*(cos(angle*pi/180)*y - sin(angle*pi/180)*x)^2",
			map[string]float64{"kappa": 10, "angle": 30}, map[string]float64{"kappa": 50, "angle": -45}},
		{"x/s + log(s, y) + x^p + mod(x, s)", map[string]float64{"s": 2, "p": 0.5}, map[string]float64{"s": 7, "p": 11}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			ea, err := ParseWith(tt.src, tt.a)
			if err != nil {
				t.Fatal(err)
			}
			eb, err := ParseWith(tt.src, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			bodyA, constsA := ea.KageUniform(64)
			bodyB, constsB := eb.KageUniform(64)
			if bodyA != bodyB {
				t.Errorf("bodies differ:\n%s\nand\n%s", bodyA, bodyB)
			}
			if slices.Equal(constsA, constsB) {
				t.Errorf("got the same constants %v for both settings, want them to differ", constsA)
			}
			checkKageText(t, bodyA)
			// Written back into the body, the constants give Kage's own text.
			for _, c := range []struct {
				e      *Expr
				consts []float64
			}{{ea, constsA}, {eb, constsB}} {
				if got, want := substitute(bodyA, c.consts), c.e.Kage(); got != want {
					t.Errorf("substituted:\n%s\nwant Kage():\n%s", got, want)
				}
			}
		})
	}
}

// TestKageUniformLimit checks that literals past max stay inline and small integer
// exponents are never uniforms.
func TestKageUniformLimit(t *testing.T) {
	e := mustParse(t, "3x^2 + 4y^3 + 5x y + 6")
	tests := []struct {
		max  int
		want []float64 // the literals in order of emission, the first max of them
	}{
		{0, nil},
		{2, []float64{3, 4}},
		{4, []float64{3, 4, 5, 6}},
		{100, []float64{3, 4, 5, 6}},
	}
	for _, tt := range tests {
		body, consts := e.KageUniform(tt.max)
		if !slices.Equal(consts, tt.want) {
			t.Errorf("KageUniform(%d): got constants %v, want %v", tt.max, consts, tt.want)
		}
		if got := strings.Count(body, "Consts["); got != len(tt.want) {
			t.Errorf("KageUniform(%d): %d uses of Consts, want %d:\n%s", tt.max, got, len(tt.want), body)
		}
		if got, want := substitute(body, consts), e.Kage(); got != want {
			t.Errorf("KageUniform(%d) substituted:\n%s\nwant\n%s", tt.max, got, want)
		}
	}
}

// substitute writes consts[i] in place of Consts[i] in body, as Kage would inline it.
func substitute(body string, consts []float64) string {
	return regexp.MustCompile(`Consts\[(\d+)\]`).ReplaceAllStringFunc(body, func(m string) string {
		i, _ := strconv.Atoi(m[len("Consts[") : len(m)-1])
		return kageFloat(consts[i])
	})
}

// checkKageText fails t when src breaks a promise of the emitted Kage (see kagetest.Check).
func checkKageText(t *testing.T, src string) {
	t.Helper()
	if err := kagetest.Check(src, nil); err != nil {
		t.Fatal(err)
	}
}
