package biasvar

import (
	"math"
	"reflect"
	"testing"

	"descent/problems"

	"gonum.org/v1/gonum/mat"
)

// mcSpecs are the Monte Carlo cases: every design, OLS and ridge from light to
// heavy, little and much noise, a test input off the data.
func mcSpecs() []Spec {
	var out []Spec
	for i, d := range []problems.Design{problems.DesignUniform, problems.DesignLine, problems.DesignDiagonal, problems.DesignRandom} {
		for j, lambda := range []float64{0, 1, 30} {
			s := Default()
			s.Design, s.N, s.Lambda, s.Seed = d, 5+7*i, lambda, uint64(10*i+j)
			s.Sigma = []float64{0.3, 1, 2.5}[(i+j)%3]
			s.Theta = [2]float64{1.5, -0.7}
			s.X0 = [2]float64{0.8, 1.6}
			s.Trials = 20000
			out = append(out, s)
		}
	}
	return out
}

// TestMonteCarloAgreesWithTheory checks each sample figure against its closed form
// within 4 standard errors (a fluke has probability 6e-5 each; the seeds are fixed).
// θ̃ is Gaussian (linear in the Gaussian noise), so with T trials: a mean's standard
// error is √(Cᵢᵢ/T); an unbiased sample covariance's √((CᵢᵢCⱼⱼ + Cᵢⱼ²)/(T − 1)); the
// prediction's mean √(V/T) and sample variance V·√(2/(T − 1)); and D = Y₀ − f is
// N(−bias, V + σ²), so mean D²'s is √((2v² + 4bias²·v)/T) with v = V + σ².
func TestMonteCarloAgreesWithTheory(t *testing.T) {
	for _, s := range mcSpecs() {
		sm, err := NewSampler(s)
		if err != nil {
			t.Fatal(err)
		}
		got, want := sm.Stats(sm.Estimates(s.Lambda, nil)), sm.Theory(s.Lambda)
		T := float64(s.Trials)
		c, v, b := want.Cov, want.PredVariance, want.PredBias
		vd := v + want.Noise
		checks := []struct {
			name          string
			got, want, se float64
		}{
			{"mean[0]", got.Mean[0], want.Mean[0], math.Sqrt(c[0][0] / T)},
			{"mean[1]", got.Mean[1], want.Mean[1], math.Sqrt(c[1][1] / T)},
			{"cov[0][0]", got.Cov[0][0], c[0][0], math.Sqrt((c[0][0]*c[0][0] + c[0][0]*c[0][0]) / (T - 1))},
			{"cov[0][1]", got.Cov[0][1], c[0][1], math.Sqrt((c[0][0]*c[1][1] + c[0][1]*c[0][1]) / (T - 1))},
			{"cov[1][1]", got.Cov[1][1], c[1][1], math.Sqrt((c[1][1]*c[1][1] + c[1][1]*c[1][1]) / (T - 1))},
			{"predBias", got.PredBias, b, math.Sqrt(v / T)},
			{"predVariance", got.PredVariance, v, v * math.Sqrt(2/(T-1))},
			{"mse", got.MSE, want.MSE, math.Sqrt((2*vd*vd + 4*b*b*vd) / T)},
		}
		for _, ch := range checks {
			if math.Abs(ch.got-ch.want) > 4*ch.se {
				t.Errorf("%v n=%d λ=%g σ=%g: %s got %v, want %v within 4 standard errors (%v)",
					s.Design, s.N, s.Lambda, s.Sigma, ch.name, ch.got, ch.want, 4*ch.se)
			}
		}
		if got.Trials != s.Trials {
			t.Errorf("got %d trials, want %d", got.Trials, s.Trials)
		}
	}
}

// TestSampleDecomposition: Problem 1's MSE = Var + Bias² + σ² holds on the sample
// figures within its standard error. With g = x₀ᵀθ − f, the measured mean of
// (g + σε₀)² exceeds mean g² ≈ Var + Bias² by 2σ·mean(ε₀g) + σ²(mean ε₀² − 1), of
// standard error √((4σ²(Var + Bias²) + 2σ⁴)/T); 4 of those allowed.
func TestSampleDecomposition(t *testing.T) {
	for _, s := range mcSpecs() {
		r, err := Compute(s)
		if err != nil {
			t.Fatal(err)
		}
		sm, s2 := r.Sample, s.Sigma*s.Sigma
		sum := sm.PredVariance + sm.PredBias*sm.PredBias + s2
		se := math.Sqrt((4*s2*(sm.PredVariance+sm.PredBias*sm.PredBias) + 2*s2*s2) / float64(s.Trials))
		if math.Abs(sm.MSE-sum) > 4*se {
			t.Errorf("%v n=%d λ=%g: got sample MSE %v, Var + Bias² + σ² = %v, want equal within %v", s.Design, s.N, s.Lambda, sm.MSE, sum, 4*se)
		}
	}
}

// TestFirstTrialIsTheDataset solves trial 0's ridge fit directly, by gonum's QR on
// [X; √λ·I]θ = [Y; 0], from the spec's Dataset: the Monte Carlo's first dart is the
// fit of the regression problem's data.
func TestFirstTrialIsTheDataset(t *testing.T) {
	for _, s := range mcSpecs() {
		s.Trials = 2
		sm, err := NewSampler(s)
		if err != nil {
			t.Fatal(err)
		}
		d := s.Dataset()
		n := len(d.X)
		a, y := mat.NewDense(n+2, 2, nil), mat.NewVecDense(n+2, nil)
		for i, r := range d.X {
			a.SetRow(i, r[:])
			y.SetVec(i, d.Y[i])
		}
		a.Set(n, 0, math.Sqrt(s.Lambda))
		a.Set(n+1, 1, math.Sqrt(s.Lambda))
		var th mat.VecDense
		if err := th.SolveVec(a, y); err != nil {
			t.Fatal(err)
		}
		got := sm.Estimates(s.Lambda, nil)[0]
		// Rounding of a 2×2 solve with data of size ≲ 10.
		if !near(got[0], th.AtVec(0), 1e-10, 1) || !near(got[1], th.AtVec(1), 1e-10, 1) {
			t.Errorf("%v n=%d λ=%g: got trial 0 at %v, QR on the dataset gives (%v, %v)", s.Design, s.N, s.Lambda, got, th.AtVec(0), th.AtVec(1))
		}
	}
}

func TestComputeIsDeterministic(t *testing.T) {
	s := Default()
	a, err := Compute(s)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Compute(s)
	if !reflect.DeepEqual(a, b) {
		t.Error("one spec twice: got different results, want the same")
	}
	s.Seed++
	c, _ := Compute(s)
	if reflect.DeepEqual(a.Estimates, c.Estimates) {
		t.Error("seeds 1 and 2: got the same darts, want different")
	}
	if a.Theory != c.Theory {
		t.Errorf("seeds 1 and 2 of the line design: got theories %+v and %+v, want the same (the design draws nothing)", a.Theory, c.Theory)
	}
}

// TestEllipse: every point p of the k-sd ellipse has (p − m)ᵀC⁻¹(p − m) = k².
func TestEllipse(t *testing.T) {
	for _, tc := range []struct {
		mean [2]float64
		cov  [2][2]float64
		k    float64
	}{
		{[2]float64{0, 0}, [2][2]float64{{1, 0}, {0, 1}}, 1},
		{[2]float64{1, -2}, [2][2]float64{{4, 1.5}, {1.5, 1}}, 2},
		{[2]float64{-3, 0.5}, [2][2]float64{{0.01, -0.009}, {-0.009, 0.01}}, 1},
	} {
		pts := Ellipse(tc.mean, tc.cov, tc.k, nil)
		if len(pts) != 64 {
			t.Errorf("nil dst: got %d points, want 64", len(pts))
		}
		det := tc.cov[0][0]*tc.cov[1][1] - tc.cov[0][1]*tc.cov[1][0]
		for _, p := range pts {
			dx, dy := p[0]-tc.mean[0], p[1]-tc.mean[1]
			q := (tc.cov[1][1]*dx*dx - 2*tc.cov[0][1]*dx*dy + tc.cov[0][0]*dy*dy) / det
			// Rounding, amplified by cond(C) ≤ 19 in these cases.
			if !near(q, tc.k*tc.k, 1e-12, tc.k*tc.k) {
				t.Errorf("%+v: point %v has Mahalanobis² %v, want %v", tc, p, q, tc.k*tc.k)
				break
			}
		}
	}
	// σ = 0: no spread, every point is the mean.
	for _, p := range Ellipse([2]float64{1, 2}, [2][2]float64{}, 2, make([][2]float64, 8)) {
		if p != [2]float64{1, 2} {
			t.Errorf("zero covariance: got point %v, want the mean (1, 2)", p)
		}
	}
}

func TestSamplerPanicsOnLength(t *testing.T) {
	sm, err := NewSampler(Default())
	if err != nil {
		t.Fatal(err)
	}
	for name, call := range map[string]func(){
		"Estimates": func() { sm.Estimates(0, make([][2]float64, 3)) },
		"Stats":     func() { sm.Stats(make([][2]float64, 3)) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("got no panic for 3 points of 1000, want one (a programmer error)")
				}
			}()
			call()
		})
	}
}

func TestStatsDoesNotAllocate(t *testing.T) {
	sm, _ := NewSampler(Default())
	est := make([][2]float64, sm.Trials())
	if n := testing.AllocsPerRun(20, func() { sm.Stats(sm.Estimates(0.5, est)) }); n != 0 {
		t.Errorf("got %v allocations per Estimates + Stats, want 0", n)
	}
}

// TestStatsByHand: three made-up fits around θ = (0, 0), x₀ = (1, 2), σ = 0 (so
// each test target is x₀ᵀθ = 0): the figures by hand, with the unbiased 1/(T − 1).
func TestStatsByHand(t *testing.T) {
	s := Default()
	s.Theta, s.X0, s.Sigma, s.Trials = [2]float64{0, 0}, [2]float64{1, 2}, 0, 3
	sm, err := NewSampler(s)
	if err != nil {
		t.Fatal(err)
	}
	est := [][2]float64{{1, 0}, {-1, 1}, {3, 2}} // mean (1, 1); predictions f = 1, 1, 7
	got := sm.Stats(est)
	// Deviations (0, −1), (−2, 0), (2, 1): Σd₀² = 8, Σd₀d₁ = 2, Σd₁² = 2, over T − 1 = 2.
	want := Sample{
		Mean: [2]float64{1, 1}, Cov: [2][2]float64{{4, 1}, {1, 1}},
		PredBias:     3,                  // mean f − 0
		PredVariance: (4 + 4 + 16) / 2.0, // f − 3 = −2, −2, 4
		MSE:          (1 + 1 + 49) / 3.0, // mean (0 − f)²
		Trials:       3,
	}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestSamplerWith: a change of θ, σ, λ or x₀ keeps the draws, so the darts are
// exactly those of a sampler made afresh; a change of n or seed draws anew.
func TestSamplerWith(t *testing.T) {
	sm, err := NewSampler(Default())
	if err != nil {
		t.Fatal(err)
	}
	s := Default()
	s.Theta, s.Sigma, s.Lambda, s.X0 = [2]float64{3, -1}, 2.5, 4, [2]float64{-1, 0.5}
	moved, err := sm.With(s)
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := NewSampler(s)
	if &moved.xte[0] != &sm.xte[0] {
		t.Error("θ, σ, λ, x₀ changed: got new draws, want the old ones shared")
	}
	if a, b := moved.Estimates(4, nil), fresh.Estimates(4, nil); !reflect.DeepEqual(a, b) || moved.Theory(4) != fresh.Theory(4) || moved.Spec().Theta != s.Theta {
		t.Error("got other darts or closed forms than a fresh sampler's, want the same")
	}
	s.N, s.Seed = 12, 5
	redrawn, err := sm.With(s)
	if err != nil {
		t.Fatal(err)
	}
	if &redrawn.xte[0] == &sm.xte[0] || redrawn.Theory(4) == moved.Theory(4) {
		t.Error("n and seed changed: got the old draws, want new ones")
	}
	s.Sigma = -1
	if _, err := sm.With(s); err == nil {
		t.Error("σ = −1: got no error, want one")
	}
}
