package expr

import (
	"math"
	"math/rand/v2"
	"testing"
)

// stepFormulas give sums with every kind of step, with factors and offsets that are
// 0, ±1, a fraction and huge, so that a specialised step meets what its conditions
// exclude.
var stepFormulas = []string{
	"(1-x)^2 + 100*(y-x^2)^2",
	"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
	"(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
	"x + y - x - y + 3x - 2y + 0x + 0y + 0.5x^2 - 2y^2 + sin(x) + (x - 1)^2",
	"-x - y + (-x)^2 + (-y)^2 - x^2 - y^2 + 1e308x + 1e308y + 1e-300x",
	"(x + y)^2 + (x - y)^2 + (2x + 3)^2 + (y/3 - x/7)^2 + (0x + 0y)^2",
	"1e300(x + y^2)^2 + 1e308(x^2 - y)^2 + 1e308x^2 + 1e308y^2 - 1e308(x - y^2)",
	"(1e308x + y)^2 + (x + 1e308y)^2 + (1e-300x)^2 + (0.5y)^2 - (0.75x)^2",
	"3(x^2 + y^2 + x + y)^2 - 0.25(x - 3 + y^2)^2 + 4(2 - x)^2 + (y + 1)",
	"atan2(y - x^2, -1) + atan2(x^2 - y, -1) + atan2(-x - y, -1) + atan2(y^2 - x, -1)",
	"1/(x - y) + 1/(x^2 - y^2) + 1/(y - x^2) + sqrt(x^2 + y^2) + log(x^2 + y - 1)",
	"x^2 + y^2", "-x", "x", "y", "-y^2", "2x", "(x)^2 - (y)", "x^0*(y - x)",
	"(x - y)^3 + (x + y)^4 + exp(x + y) + exp(x^2 + y^2) + (x + y)^-1",
	"0*x^2 + 0*(x + y)^2 + 0*(x - 1)^2 - 0*y",
	"(kappa*x + y)^2 + (x - kappa)^2 + kappa*(x^2 - y)^2 + (a1*x + a2*y)^2 + angle*x",
	"(y - (2x)^2)^2", "(x - (3y)^2)^2", "(y + (1e300x)^2)^2", "(x + 0.3(0.7y)^2)^2",
	"(y + 1e308x^2)^2", "(x - 1e308y^2)^2", "(y + 0.3(0.7x))^2", "(x - 0.3(0.7y))^2",
	"(y + 1e300*1e300*x)^2", "(x - 1e300*1e300*y)^2", "(y + 1e300*1e300*x^2)^2",
}

// stepPoints are the points where TestStepsAgreeWithGeneric compares: zeros of both
// signs, small, huge and infinite coordinates, NaN, and seeded random points.
func stepPoints() [][2]float64 {
	special := []float64{0, math.Copysign(0, -1), 1, -1, 0.3, -1.7, 1e-300, -5e-324,
		1e154, -1e154, 1e200, -1e300, math.MaxFloat64, -math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN()}
	var pts [][2]float64
	for _, a := range special {
		for _, b := range special {
			pts = append(pts, [2]float64{a, b})
		}
	}
	rng := rand.New(rand.NewPCG(1, 2)) // seeded: a failure reproduces
	for range 200 {
		pts = append(pts, [2]float64{4 * rng.NormFloat64(), 4 * rng.NormFloat64()})
	}
	return pts
}

// identical reports whether a and b are the same float64 bit for bit, or both NaN.
func identical(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || a != a && b != b
}

// TestStepsAgreeWithGeneric checks that the specialised steps of sums give the values
// and gradients of the general steps bit for bit, the signs of zeros included.
func TestStepsAgreeWithGeneric(t *testing.T) {
	srcs := stepFormulas
	for _, c := range corpus {
		srcs = append(srcs, c.src)
	}
	pts := stepPoints()
	for _, src := range srcs {
		e, err := ParseWith(src, fuzzConsts)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		generic := (&compiler{nodes: e.nodes, generic: true}).root(e.root)
		for _, p := range pts {
			v, gx, gy := e.ValueGrad(p[0], p[1])
			wv, wgx, wgy := generic(p[0], p[1])
			if !identical(v, wv) || !identical(gx, wgx) || !identical(gy, wgy) {
				t.Errorf("%q at %v: got (%v, %v, %v), general steps give (%v, %v, %v)",
					src, p, v, gx, gy, wv, wgx, wgy)
			}
		}
	}
}

// TestStepFormulasUseEveryStep keeps TestStepsAgreeWithGeneric meaningful: its
// formulas' top-level sums take every kind of step, and the generic compiler only
// the general ones.
func TestStepFormulasUseEveryStep(t *testing.T) {
	general := map[stepKind]bool{leafLinear: true, leafSquared: true, termLeaf: true, termLeaves: true, termCall: true}
	seen := map[stepKind]bool{}
	for _, src := range stepFormulas {
		e, err := ParseWith(src, fuzzConsts)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		for _, generic := range []bool{false, true} {
			c := &compiler{nodes: e.nodes, generic: generic}
			if !c.summable(e.root) {
				continue
			}
			for _, st := range c.steps(c.resolve(c.terms(nil, e.root, false))) {
				if generic && !general[st.kind] {
					t.Errorf("%q: the generic compiler took a %v step", src, st.kind)
				}
				seen[st.kind] = true
			}
		}
	}
	for k := range stepKind(len(stepKinds)) {
		if !seen[k] {
			t.Errorf("no formula takes a %v step", k)
		}
	}
}

// TestNegativeZeroIsZero checks that ValueGrad takes a coordinate −0 as 0, bit for
// bit: sums without calls leave x and y as they are, so they must lose zeros' signs.
func TestNegativeZeroIsZero(t *testing.T) {
	srcs := append(stepFormulas, "atan2(y, x)", "1/x + 1/y", "x + atan2(x, -1)", "(1-x)^2 + 1/y")
	for _, c := range corpus {
		srcs = append(srcs, c.src)
	}
	negative := func(a float64) float64 { // a, or −0 for 0
		if a == 0 {
			return math.Copysign(0, -1)
		}
		return a
	}
	for _, src := range srcs {
		e, err := ParseWith(src, fuzzConsts)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		for _, p := range stepPoints() {
			x, y := negative(p[0]), negative(p[1])
			if x != 0 && y != 0 {
				continue
			}
			v, gx, gy := e.ValueGrad(x, y)
			wv, wgx, wgy := e.ValueGrad(x+0, y+0)
			if !identical(v, wv) || !identical(gx, wgx) || !identical(gy, wgy) {
				t.Errorf("%q at (%v, %v): got (%v, %v, %v), at +0 (%v, %v, %v)", src, x, y, v, gx, gy, wv, wgx, wgy)
			}
		}
	}
}

// TestSinCosAsApplyAndPartials checks sinCos, which takes math.Sincos, against
// the one definition of their values and slopes (apply and partials), bit for
// bit, at every kind of finite point, huge arguments (the long range
// reduction) included. (The root takes −0 as 0 and gives NaN for a coordinate
// that is not finite: TestNegativeZeroIsZero.)
func TestSinCosAsApplyAndPartials(t *testing.T) {
	xs := []float64{0, 1e-300, 0.5, -2, math.Pi / 4, 3 * math.Pi / 4, 1e8, -1e17, 1e300, math.MaxFloat64}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		xs = append(xs, (rng.Float64()-0.5)*100)
		if x := math.Float64frombits(rng.Uint64()); !math.IsInf(x, 0) && !math.IsNaN(x) {
			xs = append(xs, x)
		}
	}
	for _, o := range []op{opSin, opCos} {
		name := map[op]string{opSin: "sin", opCos: "cos"}[o]
		e, err := Parse(name + "(x)")
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range xs {
			v, gx, gy := e.ValueGrad(x, 1)
			wv := apply(o, x, 0, 0)
			k, _ := partials(o, x, 0, 0, wv)
			if !identical(v, wv) || !identical(gx, k) || gy != 0 {
				t.Errorf("%s at %v: got (%v, %v, %v), want (%v, %v, 0)", name, x, v, gx, gy, wv, k)
			}
		}
	}
}
