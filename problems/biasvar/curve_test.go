package biasvar

import (
	"math"
	"testing"

	"descent/problems"

	"gonum.org/v1/gonum/diff/fd"
)

func TestCurveGrid(t *testing.T) {
	sm, err := NewSampler(Default())
	if err != nil {
		t.Fatal(err)
	}
	c := sm.Curve()
	// λ = 0, then 6 decades from 1e-3 to 1e3 at 10 a decade, both ends: 1 + 61 points.
	if len(c) != 62 || c[0].Lambda != 0 || c[1].Lambda != 1e-3 || math.Abs(c[61].Lambda-1e3) > 1e-12*1e3 {
		t.Fatalf("got %d points from λ = %v, %v to %v; want 62: 0, 1e-3 … 1e3", len(c), c[0].Lambda, c[1].Lambda, c[len(c)-1].Lambda)
	}
	for i := 2; i < len(c); i++ {
		// Log-spaced: each step multiplies λ by 10^(1/10).
		if r := c[i].Lambda / c[i-1].Lambda; math.Abs(r-math.Pow(10, 0.1)) > 1e-12 {
			t.Errorf("λ[%d]/λ[%d] = %v, want 10^0.1", i, i-1, r)
		}
	}
	for _, p := range c {
		th := sm.Theory(p.Lambda)
		if p.Bias2 != th.PredBias*th.PredBias || p.Variance != th.PredVariance || p.Noise != th.Noise || p.MSE != th.MSE {
			t.Errorf("λ = %v: got %+v, want the closed forms %+v", p.Lambda, p, th)
		}
	}
}

// mseAt is the expected error as a function of λ, for gonum's finite differences.
func mseAt(m *model) func([]float64) float64 {
	return func(l []float64) float64 { return m.theory(l[0]).MSE }
}

// TestBestLambdaIsPositive: for σ > 0 and x₀ ≠ 0 the variance falls at λ = 0 at
// rate 2σ²Σzᵢ²/aᵢ² while the squared bias starts flat, so the expected error's
// derivative at 0 is negative and the best λ strictly positive. Checked on many
// seeded random designs, with the derivative from gonum's forward difference.
func TestBestLambdaIsPositive(t *testing.T) {
	for i, s := range randomSpecs(300, 3) {
		x, _ := s.design()
		m := newModel(x, s.Theta, s.Sigma, s.X0)
		b := m.best()
		if !(b.Lambda > 0) {
			t.Errorf("case %d: got best λ %v, want > 0", i, b.Lambda)
		}
		h := 1e-6 * min(m.eig.a[0], m.eig.a[1]) // well inside the first curvature scale
		d := fd.Derivative(func(l float64) float64 { return m.theory(l).MSE }, 0, &fd.Settings{Formula: fd.Forward, Step: h})
		if !(d < 0) {
			t.Errorf("case %d: got d MSE/dλ at 0 = %v, want < 0", i, d)
		}
	}
}

// TestBestLambdaIsTheMinimum checks Best against the error itself: no λ on a fine
// grid over 1e-6 to 1e6 times XᵀX's scale does better, and the derivative there
// (gonum's central difference, relative step 1e-5) vanishes.
func TestBestLambdaIsTheMinimum(t *testing.T) {
	for i, s := range randomSpecs(200, 4) {
		x, _ := s.design()
		m := newModel(x, s.Theta, s.Sigma, s.X0)
		b := m.best()
		if got := m.theory(b.Lambda).MSE; !math.IsInf(b.Lambda, 1) && got != b.MSE {
			t.Errorf("case %d: best MSE %v, but the error at λ = %v is %v", i, b.MSE, b.Lambda, got)
		}
		scale := max(m.eig.a[0], m.eig.a[1])
		for k := 0; k <= 1200; k++ {
			l := scale * math.Pow(10, -6+float64(k)/100)
			if e := m.theory(l).MSE; e < b.MSE*(1-1e-12) {
				t.Errorf("case %d: λ = %v has error %v, below the best %v at λ = %v", i, l, e, b.MSE, b.Lambda)
				break
			}
		}
		if math.IsInf(b.Lambda, 1) {
			continue
		}
		grad := fd.Gradient(nil, mseAt(&m), []float64{b.Lambda}, &fd.Settings{Formula: fd.Central, Step: 1e-5 * b.Lambda})
		// At the minimum the error changes by O(h²)·MSE'' over the step h: a relative
		// slope of a few 1e-5 per unit of relative λ, as opposed to O(1) elsewhere.
		if rel := math.Abs(grad[0]) * b.Lambda / b.MSE; rel > 1e-4 {
			t.Errorf("case %d: at best λ = %v, dMSE/dλ·λ/MSE = %v, want ≈ 0", i, b.Lambda, rel)
		}
	}
}

// TestBestLambdaEdges: with no noise OLS is exact (best λ = 0, error 0); with θ = 0
// the truth is what ridge shrinks to, so the error falls for ever (best λ = +Inf,
// error σ²), which Plain writes as null.
func TestBestLambdaEdges(t *testing.T) {
	s := Default()
	s.Sigma = 0
	x, _ := s.design()
	m := newModel(x, s.Theta, s.Sigma, s.X0)
	if b := m.best(); b.Lambda != 0 || b.MSE != 0 {
		t.Errorf("σ = 0: got best %+v, want λ = 0, MSE = 0", b)
	}
	s = Default()
	s.Theta = [2]float64{0, 0}
	m = newModel(x, s.Theta, s.Sigma, s.X0)
	b := m.best()
	if !math.IsInf(b.Lambda, 1) || b.MSE != s.Sigma*s.Sigma {
		t.Errorf("θ = 0: got best %+v, want λ = +Inf, MSE = σ² = %v", b, s.Sigma*s.Sigma)
	}
	if p := b.Plain(); p["lambda"] != nil || p["mse"] != b.MSE {
		t.Errorf("θ = 0: got %v as plain values, want lambda null and mse %v", p, b.MSE)
	}
}

// TestBestLambdaDiagonalScalar: in the diagonal case with x₀ on one axis the error
// is the scalar one, λ²θ²/(a + λ)² + σ²a/(a + λ)² + σ², whose derivative
// 2a(λθ² − σ²)/(a + λ)³ vanishes at λ = σ²/θ²: the notes' formulas give the best λ
// in closed form.
func TestBestLambdaDiagonalScalar(t *testing.T) {
	for _, tc := range []struct {
		theta, sigma float64
		n            int
	}{{2, 1, 10}, {0.5, 3, 4}, {-1.5, 0.2, 101}} {
		s := Default()
		s.Design, s.N, s.Theta, s.Sigma, s.X0 = problems.DesignDiagonal, tc.n, [2]float64{tc.theta, 1}, tc.sigma, [2]float64{1, 0}
		x, _ := s.design()
		m := newModel(x, s.Theta, s.Sigma, s.X0)
		b := m.best()
		want := tc.sigma * tc.sigma / (tc.theta * tc.theta)
		if !near(b.Lambda, want, 1e-9, want) {
			t.Errorf("%+v: got best λ %v, want σ²/θ² = %v", tc, b.Lambda, want)
		}
	}
}

// TestSingularDesign: with parallel columns OLS is undefined, but ridge is not, and
// as λ → 0⁺ it tends to the minimum-norm fit; the curve's λ = 0 point is that limit
// (compared with λ = 1e-9, within a relative 1e-6 ≫ its O(λ) distance).
func TestSingularDesign(t *testing.T) {
	s := Default()
	s.X, s.Lambda = [][2]float64{{1, 2}, {2, 4}, {-1, -2}, {0.5, 1}}, 0.5
	r, err := Compute(s)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := s.design()
	m := newModel(x, s.Theta, s.Sigma, s.X0)
	limit := m.theory(1e-9)
	if c := r.Curve[0]; !near(c.MSE, limit.MSE, 1e-6, limit.MSE) || !near(c.Variance, limit.PredVariance, 1e-6, limit.PredVariance) {
		t.Errorf("curve at λ = 0: got %+v, want the limit %+v", c, limit)
	}
	if !(r.Best.MSE <= r.Curve[0].MSE) {
		t.Errorf("best %+v above the curve's λ = 0 point %+v", r.Best, r.Curve[0])
	}
}
