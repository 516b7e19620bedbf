//go:build !(js && wasm)

package main

// The field shader computes the CPU's function (issue 12): the GPU's values,
// read back exactly through descent.fieldValues, against expr's Eval, for
// every function of the language, negative bases and undefined regions.

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"testing"
	"time"

	"descent/problems/expr"
)

// gpuCase is a formula, the box [lo, hi]² its random points come from, and
// the absolute error the GPU's trigonometric built-ins may add (trig below).
type gpuCase struct {
	src    string
	lo, hi float64
	trig   float64
}

// trig is the absolute error Vulkan allows sin and cos (2^-11, SPIR-V's
// precision table), which WebGL on SwiftShader inherits: they are the only
// built-ins far from float32's rounding here (measured up to 2.4e-4 for sin and
// cos, 3.5e-5 for asin and acos, which are given the same bound). A formula's
// allowance is this per call, times what magnifies the call's error.
const trig = 0x1p-11

// gpuCorpus covers every function (checked against expr.FunctionNames), the
// operators, constants, implicit products and |…|, negative bases under
// integer and non-integer powers, and formulas whose undefined regions the
// points cross. Boxes keep values inside float32's range.
var gpuCorpus = []gpuCase{
	// Operators, constants, implicit products, |…|.
	{"x / y / 2 + x * y * 3 - 1", -3, 3, 0}, {"2^3^x - x^2 + 2^-y", -1.5, 1.5, 0},
	{"x ** 3 + y**-2 + (x - y)^3 / 3", -3, 3, 0}, {"2*x^3*y^2 - x^4 + x^16 + y^17", -2, 2, 0},
	{"(x^2 + 1)^y + 2 pi x + tau y + phi + e", -3, 3, 0}, {"2|x| + 3|y - 1| + (x + 1)(y - 1) x y", -3, 3, 0},
	{"(1-x)^2 + 100(y-x^2)^2", -2, 2, 0},
	{"(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2", -2, 2, 0},
	// Every function.
	{"sin(x y) + cos(x + 2y)", -3, 3, 2 * trig},
	// tan = sin/cos: an error δ in both makes (1 + tan²)δ, 1 + tan²(1) < 3.5 here.
	{"tan(x) + tan(y/2)", -1, 1, 2 * 3.5 * trig},
	{"asin(x) - acos(y)/2 + atan(y) + atan(x/3)", -1.2, 1.2, 1.5 * trig},
	{"atan2(y, x) + atan2(x + 3, y^2 + 1)", -3, 3, 0},
	{"sinh(x) + cosh(y) + tanh(x y)", -3, 3, 0}, {"sinh(x/1000) + expm1(y/1000)", -3, 3, 0},
	{"log1p(x/1000) + log1p(y/10)", -3, 3, 0},
	{"asinh(3x) + acosh(y) + atanh(x/2)", -3, 3, 0}, {"exp(x - y) + expm1(x y)", -3, 3, 0},
	{"log(x) + ln(y) + log(1 + x^2 + y^4)", -3, 3, 0}, {"log1p(x y) + log2(x) + log10(y)", -3, 3, 0},
	{"log(x, y) + log(2, x y)", -3, 3, 0}, {"sqrt(x) + sqrt(y)", -3, 3, 0},
	{"cbrt(x) + cbrt(y - 3) + hypot(x, y) + hypot(x - 1, 2y)", -3, 3, 0},
	{"abs(x - 2y) + sign(x) y + min(x, y) + max(x, y, 0.5) + min(x^2, y^2, 1, x y)", -3, 3, 0},
	{"pow(x, y) + pow(x, 3) + pow(2, y)", -3, 3, 0}, {"floor(3x) + ceil(y) + round(2x) + y^2", -3, 3, 0},
	{"mod(x, 0.7) + mod(3y, x) + mod(-x, 1.5)", -3, 3, 0},
	// Negative bases: integer powers keep their sign, non-integer ones are undefined.
	{"x^y", -3, 3, 0}, {"x^round(y) + x^3 + y^-3", -3, 3, 0}, {"x^9 + y^11", -2, 2, 0},
	{"x^0.5 + y^-1.5", -3, 3, 0}, {"x^-3.5 + (-2)^y", -3, 3, 0}, {"(x - 1)^-1 + round(y)^-2", -3, 3, 0},
	// Undefined regions crossed, their edges on the grid of halves, or everywhere.
	{"x / round(y) + mod(x, round(y))", -3, 3, 0}, {"atan2(round(y), round(x))", -3, 3, 0},
	{"log(round(x)) + sqrt(round(y))", -3, 3, 0}, {"asin(x/2) + acosh(2y)", -3, 3, trig},
	{"atanh(round(x)/2) + log1p(round(y))", -3, 3, 0}, {"(-8)^(1/3) + y", -3, 3, 0}, {"log(-1) + x", -3, 3, 0},
}

// gpuPoint is a point the GPU is asked about, float32 exactly (as the shader
// sees it), and the CPU's value there.
type gpuPoint struct {
	x, y float64
	want float64
}

// gpuAnswer is fieldValues()'s answer; NaN travels as null.
type gpuAnswer struct {
	Values  []*float64   `json:"values"`
	Defined []bool       `json:"defined"`
	Points  [][2]float64 `json:"points"`
	Error   string       `json:"error"`
}

// fieldValues asks the page for each formula's values at its points, all in one frame.
func fieldValues(tb *tab, srcs []string, pts [][]gpuPoint) []gpuAnswer {
	tb.t.Helper()
	type req struct {
		Expr   string       `json:"expr"`
		Points [][2]float64 `json:"points"`
	}
	reqs := make([]req, len(srcs))
	for i := range srcs {
		reqs[i].Expr = srcs[i]
		for _, p := range pts[i] {
			reqs[i].Points = append(reqs[i].Points, [2]float64{p.x, p.y})
		}
	}
	b, err := json.Marshal(reqs)
	if err != nil {
		tb.t.Fatal(err)
	}
	out := eval[string](tb, `Promise.all(`+string(b)+`.map(r => descent.fieldValues(r))).then(a => JSON.stringify(a))`)
	var answers []gpuAnswer
	if err := json.Unmarshal([]byte(out), &answers); err != nil {
		tb.t.Fatal(err)
	}
	for i, a := range answers {
		if a.Error != "" || len(a.Values) != len(pts[i]) || len(a.Defined) != len(pts[i]) {
			tb.t.Fatalf("fieldValues(%q) answered %.200s", srcs[i], out)
		}
	}
	return answers
}

// f32 rounds v to float32, as the GPU receives it.
func f32(v float64) float64 { return float64(float32(v)) }

func TestFieldShaderComputesTheCPUFunction(t *testing.T) {
	for _, name := range expr.FunctionNames() {
		re := regexp.MustCompile(`\b` + name + `\(`)
		found := false
		for _, c := range gpuCorpus {
			found = found || re.MatchString(c.src)
		}
		if !found {
			t.Errorf("no formula of the corpus calls %s", name)
		}
	}
	rng := rand.New(rand.NewPCG(12, 12)) // seeded: a failure reproduces
	srcs := make([]string, len(gpuCorpus))
	pts := make([][]gpuPoint, len(gpuCorpus))
	exprs := make([]*expr.Expr, len(gpuCorpus))
	for i, c := range gpuCorpus {
		e, err := expr.Parse(c.src)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		srcs[i], exprs[i] = c.src, e
		for k := range 40 {
			x, y := c.lo+(c.hi-c.lo)*rng.Float64(), c.lo+(c.hi-c.lo)*rng.Float64()
			if k%3 == 0 { // a third on the grid of halves, where the edges are
				x, y = math.Round(2*x)/2, math.Round(2*y)/2
			}
			x, y = f32(x)+0, f32(y)+0
			pts[i] = append(pts[i], gpuPoint{x, y, e.Eval(x, y)})
		}
	}
	tb := open(t, "paused=1")
	t0 := time.Now()
	answers := fieldValues(tb, srcs, pts)
	t.Logf("%d formulas at %d points each read back in %v", len(srcs), len(pts[0]), time.Since(t0).Round(time.Millisecond))
	skipped := 0
	for i, a := range answers {
		c, e := gpuCorpus[i], exprs[i]
		for k, p := range pts[i] {
			at := fmt.Sprintf("%s at (%v, %v)", c.src, p.x, p.y)
			if a.Points[k] != [2]float64{p.x, p.y} {
				t.Errorf("%s: the GPU read the point as %v", at, a.Points[k])
			}
			// Undefined regions agree everywhere, their edges included.
			if cpu := !math.IsNaN(p.want); a.Defined[k] != cpu {
				t.Errorf("%s: the CPU gives %v, the GPU says defined = %v", at, p.want, a.Defined[k])
				continue
			}
			if math.IsNaN(p.want) {
				continue
			}
			tol := gpuTol(e, c, p.x, p.y)
			if !gpuSteady(e, p, tol) {
				skipped++ // a jump (floor, mod, an edge) within float32's resolution: either side is right
				continue
			}
			if a.Values[k] == nil || math.Abs(*a.Values[k]-p.want) > tol {
				t.Errorf("%s: the GPU gives %s, the CPU %v (tolerance %.2g)", at, gpuString(a.Values[k]), p.want, tol)
			}
		}
	}
	total := len(srcs) * len(pts[0])
	t.Logf("%d of %d points within float32's resolution of a jump, their values not compared", skipped, total)
	if skipped > total/10 {
		t.Errorf("%d of %d points skipped as near a jump: the test compares too little", skipped, total)
	}
}

// TestFieldValuesAreExact: arithmetic the GPU must round correctly (GLSL ES
// 3.00 §4.5.1: +, −, × are correctly rounded) comes back bit for bit, over
// float32's whole exponent range: the read-back itself loses nothing.
func TestFieldValuesAreExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	ops := []struct {
		src string
		f   func(x, y float32) float32
	}{
		{"x", func(x, y float32) float32 { return x }},
		{"-y", func(x, y float32) float32 { return -y }},
		{"x y", func(x, y float32) float32 { return x * y }},
		{"x + y", func(x, y float32) float32 { return x + y }},
	}
	srcs, pts := make([]string, len(ops)), make([][]gpuPoint, len(ops))
	for i, op := range ops {
		srcs[i] = op.src
		for range 50 {
			// Magnitudes from 2^-60 to 2^60, both signs: products stay normal.
			x := float32(math.Ldexp(1+rng.Float64(), rng.IntN(121)-60))
			y := float32(math.Ldexp(1+rng.Float64(), rng.IntN(121)-60))
			if rng.IntN(2) == 0 {
				x = -x
			}
			if rng.IntN(2) == 0 {
				y = -y
			}
			pts[i] = append(pts[i], gpuPoint{float64(x), float64(y), float64(op.f(x, y))})
		}
	}
	tb := open(t, "paused=1")
	for i, a := range fieldValues(tb, srcs, pts) {
		for k, p := range pts[i] {
			if a.Values[k] == nil || *a.Values[k] != p.want || !a.Defined[k] {
				t.Errorf("%s at (%v, %v): the GPU gives %s, want %v exactly", srcs[i], p.x, p.y, gpuString(a.Values[k]), p.want)
			}
		}
	}
	// A bad request is answered with an error, not a value.
	for _, bad := range []string{`{expr: "log(", points: [[0, 0]]}`, `{expr: "x", points: [[0, "a"]]}`, `42`} {
		if msg := eval[string](tb, `descent.fieldValues(`+bad+`).then(r => r.error || "")`); msg == "" {
			t.Errorf("fieldValues(%s) gave no error", bad)
		}
	}
}

func gpuString(v *float64) string {
	if v == nil {
		return "NaN"
	}
	return fmt.Sprint(*v)
}

// gpuTol is how far the GPU's float32 evaluation may be from the CPU's at (x, y):
// 64 units of float32's rounding (2^-24) of the terms' scale (gpuScale), plus
// the formula's trigonometric allowance. Formulas of + − × ÷, exp, log, pow
// and sqrt measured within 6 such units on SwiftShader, the helpers built from
// them (tanh, expm1, log1p) within 17: each operation rounds once, and the
// error grows with the terms, not with the result, where terms cancel.
func gpuTol(e *expr.Expr, c gpuCase, x, y float64) float64 {
	return 64*0x1p-24*gpuScale(e, x, y) + c.trig
}

// gpuSteady reports whether the CPU's values within four float32 steps of p
// all lie within tol of p's: where they do not, float32's rounding of an
// intermediate value may cross a jump (floor, round, mod) or an edge.
func gpuSteady(e *expr.Expr, p gpuPoint, tol float64) bool {
	for _, d := range [][2]float64{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
		x := p.x + 4*d[0]*f32ulp(p.x)
		y := p.y + 4*d[1]*f32ulp(p.y)
		if v := e.Eval(x, y); !(math.Abs(v-p.want) <= tol) {
			return false
		}
	}
	return true
}

// f32ulp is the spacing of float32 numbers at v (at least the least normal's).
func f32ulp(v float64) float64 {
	f := float32(math.Abs(v))
	return math.Max(float64(math.Nextafter32(f, float32(math.Inf(1)))-f), 0x1p-126)
}

// gpuScale is the magnitude the float32 evaluation's error at (x, y) is
// relative to: the value, and how much it moves when x and y change by a
// relative amount (what rounding an intermediate x y or x + 1 does). A term
// with an infinite or undefined slope (cbrt at 0, (-2)^x) counts 0: its
// argument is exact there.
func gpuScale(e *expr.Expr, x, y float64) float64 {
	v, gx, gy := e.ValueGrad(x, y)
	s := math.Abs(v)
	for _, t := range []float64{x * gx, y * gy} {
		if !math.IsNaN(t) && !math.IsInf(t, 0) {
			s += math.Abs(t)
		}
	}
	return s
}
