package problems

import (
	"errors"
	"math"
	"strings"
	"testing"

	"descent/problems/expr"
)

func TestWithErrors(t *testing.T) {
	tests := []struct {
		problem string
		vals    map[string]float64
		want    error
		msg     string // a fragment the message must contain
	}{
		{"quadratic", map[string]float64{"a3": 1}, ErrUnknownParam, `"a3" for quadratic (valid: a1, a2)`},
		{"rosenbrock", map[string]float64{"a1": 1}, ErrUnknownParam, `"a1" for rosenbrock (valid: none)`},
		{"quadratic", map[string]float64{"a1": 0}, ErrParamRange, "quadratic a1 = 0, want a value in [0.01, 100]"},
		{"ill-conditioned", map[string]float64{"a2": 101}, ErrParamRange, "a2 = 101, want a value in [0.01, 100]"},
		{"quadratic", map[string]float64{"a1": math.NaN()}, ErrParamRange, "a1 = NaN"},
		{"quadratic", map[string]float64{"a1": math.Inf(1)}, ErrParamRange, "a1 = +Inf"},
		{"rotated", map[string]float64{"kappa": 0.5}, ErrParamRange, "kappa = 0.5, want a value in [1, 1000]"},
		{"rotated", map[string]float64{"angle": 91}, ErrParamRange, "angle = 91, want a value in [-90, 90]"},
		{"regression", map[string]float64{"n": 2.5}, ErrParamRange, "n = 2.5, want a whole number in [2, 10000]"},
		{"regression", map[string]float64{"n": 1}, ErrParamRange, "n = 1, want a value in [2, 10000]"},
		{"regression", map[string]float64{"lambda": -1}, ErrParamRange, "lambda = -1, want a value in [0, 10]"},
		{"regression", map[string]float64{"seed": 0.5}, ErrParamRange, "seed = 0.5, want a whole number"},
		// Names are checked in sorted order, so the first bad one is always the same.
		{"quadratic", map[string]float64{"zz": 1, "a1": -1}, ErrParamRange, "a1 = -1"},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			p, _ := Lookup(tt.problem)
			q, err := p.With(tt.vals)
			if q != nil || !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) ||
				!strings.HasPrefix(err.Error(), "problems: ") {
				t.Errorf("got %v, %v; want nil and a problems: error wrapping %q containing %q", q, err, tt.want, tt.msg)
			}
		})
	}
}

func TestWith(t *testing.T) {
	p, _ := Lookup("quadratic")
	q, err := p.With(map[string]float64{"a2": 4})
	if err != nil {
		t.Fatal(err)
	}
	if q.Name != "quadratic" || q == p {
		t.Errorf("got name %q (same pointer: %v), want a copy named quadratic", q.Name, q == p)
	}
	if got, want := q.ParamValues(), map[string]float64{"a1": 1, "a2": 4}; !equalMaps(got, want) {
		t.Errorf("ParamValues: got %v, want %v (a1 missing, so its default)", got, want)
	}
	if v := q.Value(1, 2); v != 17 { // 1·1² + 4·2²
		t.Errorf("f(1, 2): got %v, want 17", v)
	}
	// The catalog entry is unchanged.
	if got := p.ParamValues(); !equalMaps(got, map[string]float64{"a1": 1, "a2": 1}) {
		t.Errorf("catalog ParamValues after With: got %v, want the defaults", got)
	}
	if v := p.Value(1, 2); v != 5 {
		t.Errorf("catalog f(1, 2) after With: got %v, want 5", v)
	}
	// ParamValues is a copy.
	p.ParamValues()["a1"] = 99
	if got := p.ParamValues()["a1"]; got != 1 {
		t.Errorf("ParamValues after writing to a returned map: got a1 = %v, want 1", got)
	}
	// With(nil) rebuilds the defaults, Kage and all.
	for _, b := range All() {
		d, err := b.With(nil)
		if err != nil {
			t.Fatalf("%s.With(nil): %v", b.Name, err)
		}
		if d.Expr.Kage() != b.Expr.Kage() || d.Description != b.Description || d.Start != b.Start ||
			d.XMin != b.XMin || d.XMax != b.XMax || d.YMin != b.YMin || d.YMax != b.YMax {
			t.Errorf("%s.With(nil): got a problem that differs from the catalog entry", b.Name)
		}
	}
	// A custom problem has no parameters.
	c, _ := Custom("x^2 + y")
	if got := c.ParamValues(); len(got) != 0 {
		t.Errorf("Custom ParamValues: got %v, want empty", got)
	}
	if _, err := c.With(nil); err != nil {
		t.Errorf("Custom With(nil): got %v, want nil", err)
	}
}

func equalMaps(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestIllConditionedDefault checks what the front end relies on: by default the
// ill-conditioned problem is exactly 0.1*x^2 + 10*y^2, with the text it always had.
func TestIllConditionedDefault(t *testing.T) {
	p := Default()
	literal, err := expr.Parse("0.1*x^2 + 10*y^2")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Expr.Kage(), literal.Kage(); got != want {
		t.Errorf("Kage: got\n%s\nwant\n%s", got, want)
	}
	for _, o := range offsets {
		x, y := 10*o[0]-5, 6*o[1]-3
		v, gx, gy := p.Expr.ValueGrad(x, y)
		wv, wgx, wgy := literal.ValueGrad(x, y)
		if v != wv || gx != wgx || gy != wgy {
			t.Errorf("at (%v, %v): got (%v, %v, %v), want (%v, %v, %v)", x, y, v, gx, gy, wv, wgx, wgy)
		}
	}
	const want = "A long narrow valley (a₁ = 0.1, a₂ = 10; Hessian diag(0.2, 20), condition number 100): " +
		"gradient descent zig-zags across it and diverges for learning rates above 0.1 = 2/20, " +
		"yet crawls along it, since any rate it survives is tiny for the flat direction."
	if p.Description != want {
		t.Errorf("Description: got %q, want %q", p.Description, want)
	}
	q, _ := Lookup("quadratic")
	const wantQ = "A round bowl (a₁ = a₂ = 1): the gradient points straight at the minimum, " +
		"so gradient descent heads right for it; it is stable for learning rates below 1."
	if q.Description != wantQ {
		t.Errorf("quadratic Description: got %q, want %q", q.Description, wantQ)
	}
}

// descend runs n steps of gradient descent at learning rate lr from p's start and
// returns where it ends.
func descend(p *Problem, lr float64, n int) (x, y float64) {
	x, y = p.Start[0], p.Start[1]
	for range n {
		gx, gy := p.Grad(x, y)
		x, y = x-lr*gx, y-lr*gy
	}
	return x, y
}

// TestRotatedThreshold checks the Description's claim: whatever the angle, gradient
// descent converges below learning rate 2/κ and diverges above it (the Hessian's
// eigenvalues are 1 and κ).
func TestRotatedThreshold(t *testing.T) {
	base, _ := Lookup("rotated")
	for _, vals := range []map[string]float64{
		{}, {"kappa": 50, "angle": -60}, {"kappa": 4, "angle": 90},
	} {
		p, err := base.With(vals)
		if err != nil {
			t.Fatal(err)
		}
		limit := 2 / p.ParamValues()["kappa"]
		// At 0.99·limit the steep direction shrinks by |1 − 0.99·2| = 0.98 a step:
		// 0.98^4000 ≈ 1e-35; the flat one by at least 1 − 2/1000 a step, to below 1e-3.
		if x, y := descend(p, 0.99*limit, 4000); math.Hypot(x, y) > 1e-3 {
			t.Errorf("%v, lr 0.99·2/κ: got (%v, %v) after 4000 steps, want near (0, 0)", vals, x, y)
		}
		// At 1.01·limit it grows by 1.02 a step: 1.02^2000 ≈ 1.6e17.
		if x, y := descend(p, 1.01*limit, 2000); math.Hypot(x, y) < 1e6 {
			t.Errorf("%v, lr 1.01·2/κ: got (%v, %v) after 2000 steps, want far away", vals, x, y)
		}
	}
}

// heavyBall runs n steps of the notes' momentum, v = m·v + ∇f; θ -= lr·v, from p's start.
func heavyBall(p *Problem, lr, m float64, n int) (x, y float64) {
	x, y = p.Start[0], p.Start[1]
	var vx, vy float64
	for range n {
		gx, gy := p.Grad(x, y)
		vx, vy = m*vx+gx, m*vy+gy
		x, y = x-lr*vx, y-lr*vy
	}
	return x, y
}

// adam runs n steps of the notes' Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, bias-corrected)
// from p's start.
func adam(p *Problem, lr float64, n int) (x, y float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	x, y = p.Start[0], p.Start[1]
	var mx, my, sx, sy float64
	for k := 1; k <= n; k++ {
		gx, gy := p.Grad(x, y)
		mx, my = b1*mx+(1-b1)*gx, b1*my+(1-b1)*gy
		sx, sy = b2*sx+(1-b2)*gx*gx, b2*sy+(1-b2)*gy*gy
		c1, c2 := 1-math.Pow(b1, float64(k)), 1-math.Pow(b2, float64(k))
		x -= lr * mx / c1 / (math.Sqrt(sx/c2) + eps)
		y -= lr * my / c1 / (math.Sqrt(sy/c2) + eps)
	}
	return x, y
}

// TestLandscapeClaims checks what the Descriptions of the constructed landscapes (and
// Goldstein–Price) say the optimizers do, at learning rate 0.1 unless stated.
func TestLandscapeClaims(t *testing.T) {
	// Plateau: after 100 steps gradient descent has barely moved from the start, while
	// Adam, whose steps do not shrink with the gradient, is in the well (f < 0.1 from
	// step 32 on, measured).
	p, _ := Lookup("plateau")
	if x, y := descend(p, 0.1, 100); math.Hypot(x-p.Start[0], y-p.Start[1]) > 0.5 || p.Value(x, y) < 0.99 {
		t.Errorf("plateau, gradient descent: got (%v, %v), f = %v after 100 steps, want within 0.5 of the start and f > 0.99", x, y, p.Value(x, y))
	}
	if x, y := adam(p, 0.1, 100); p.Value(x, y) > 0.1 {
		t.Errorf("plateau, Adam: got (%v, %v), f = %v after 100 steps, want f < 0.1", x, y, p.Value(x, y))
	}
	// Gaussian wells: from the start on the left gradient descent, and momentum 0.9,
	// settle in the shallow well; momentum 0.95 carries the runner into the deep one.
	p, _ = Lookup("gaussian-wells")
	global, local := p.Minima[0], p.Minima[1]
	for _, tt := range []struct {
		what string
		run  func() (x, y float64)
		want Minimum
	}{
		{"gradient descent", func() (float64, float64) { return descend(p, 0.1, 5000) }, local},
		{"momentum 0.9", func() (float64, float64) { return heavyBall(p, 0.1, 0.9, 5000) }, local},
		{"momentum 0.95", func() (float64, float64) { return heavyBall(p, 0.1, 0.95, 5000) }, global},
	} {
		if x, y := tt.run(); math.Hypot(x-tt.want.X, y-tt.want.Y) > 1e-6 {
			t.Errorf("gaussian-wells, %s: got (%v, %v), want the minimum (%v, %v)", tt.what, x, y, tt.want.X, tt.want.Y)
		}
	}
	// Goldstein–Price: from the start, gradient descent ends in the local minimum f = 840.
	// Its Hessian reaches ~1e5 near the start, so the learning rate must be tiny.
	p, _ = Lookup("goldstein-price")
	if x, y := descend(p, 1e-5, 200000); math.Abs(p.Value(x, y)-840) > 1e-6 {
		t.Errorf("goldstein-price: got (%v, %v) f = %v, want the local minimum f = 840", x, y, p.Value(x, y))
	}
	// Monkey saddle: the runner leaves the domain.
	p, _ = Lookup("monkey-saddle")
	if x, y := descend(p, 0.1, 200); inside(p, x, y) {
		t.Errorf("monkey-saddle: got (%v, %v) after 200 steps, want outside the domain", x, y)
	}
}
