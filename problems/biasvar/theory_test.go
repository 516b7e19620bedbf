package biasvar

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"descent/problems"

	"gonum.org/v1/gonum/mat"
)

// randomSpecs returns count seeded specs on random designs: n in [2, 40], θ and x₀
// with standard Gaussian entries, σ in (0.1, 3), λ 0 or log-uniform in [1e-3, 1e3].
func randomSpecs(count int, seed uint64) []Spec {
	r := rand.New(rand.NewPCG(seed, 0x7e57))
	out := make([]Spec, count)
	for i := range out {
		s := Default()
		s.Design, s.N, s.Seed = problems.DesignRandom, 2+r.IntN(39), uint64(r.IntN(1_000_000))
		s.Theta = [2]float64{r.NormFloat64(), r.NormFloat64()}
		s.X0 = [2]float64{r.NormFloat64(), r.NormFloat64()}
		s.Sigma = 0.1 + 2.9*r.Float64()
		if i%3 != 0 {
			s.Lambda = math.Pow(10, -3+6*r.Float64())
		}
		out[i] = s
	}
	return out
}

// matTheory computes the closed forms of the issue directly with gonum's mat:
// M = XᵀX + λI, E[θ̃] = M⁻¹XᵀXθ, Cov = σ²M⁻¹XᵀXM⁻¹, prediction x₀ᵀ(·).
func matTheory(t *testing.T, s Spec) Theory {
	t.Helper()
	x, _ := s.design()
	xm := mat.NewDense(len(x), 2, nil)
	for i, r := range x {
		xm.SetRow(i, r[:])
	}
	var a, m, minv mat.Dense
	a.Mul(xm.T(), xm)
	m.Add(&a, mat.NewDiagDense(2, []float64{s.Lambda, s.Lambda}))
	if err := minv.Inverse(&m); err != nil {
		t.Fatalf("%+v: %v", s, err)
	}
	var mean mat.VecDense
	var ma, cov mat.Dense
	ma.Mul(&minv, &a)
	mean.MulVec(&ma, mat.NewVecDense(2, s.Theta[:]))
	cov.Mul(&ma, &minv)
	cov.Scale(s.Sigma*s.Sigma, &cov)
	x0 := mat.NewVecDense(2, s.X0[:])
	var th Theory
	th.Mean = [2]float64{mean.AtVec(0), mean.AtVec(1)}
	th.Bias = [2]float64{th.Mean[0] - s.Theta[0], th.Mean[1] - s.Theta[1]}
	th.Cov = [2][2]float64{{cov.At(0, 0), cov.At(0, 1)}, {cov.At(1, 0), cov.At(1, 1)}}
	th.PredBias = s.X0[0]*th.Bias[0] + s.X0[1]*th.Bias[1]
	th.PredVariance = mat.Inner(x0, &cov, x0)
	th.Noise = s.Sigma * s.Sigma
	th.MSE = th.PredVariance + th.PredBias*th.PredBias + th.Noise
	return th
}

// near reports |got − want| ≤ tol·max(1, |scale|).
func near(got, want, tol, scale float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(scale))
}

// theoryDiff describes the first figure of got that differs from want by more than
// tol relative to scale, or "".
func theoryDiff(got, want Theory, tol, scale float64) string {
	pairs := []struct {
		name   string
		g, w   float64
		scaled float64
	}{
		{"mean[0]", got.Mean[0], want.Mean[0], scale}, {"mean[1]", got.Mean[1], want.Mean[1], scale},
		{"bias[0]", got.Bias[0], want.Bias[0], scale}, {"bias[1]", got.Bias[1], want.Bias[1], scale},
		{"cov[0][0]", got.Cov[0][0], want.Cov[0][0], scale}, {"cov[0][1]", got.Cov[0][1], want.Cov[0][1], scale},
		{"cov[1][0]", got.Cov[1][0], want.Cov[1][0], scale}, {"cov[1][1]", got.Cov[1][1], want.Cov[1][1], scale},
		{"predBias", got.PredBias, want.PredBias, scale}, {"predVariance", got.PredVariance, want.PredVariance, scale},
		{"noise", got.Noise, want.Noise, scale}, {"mse", got.MSE, want.MSE, scale},
	}
	for _, p := range pairs {
		if !near(p.g, p.w, tol, p.scaled) {
			return fmt.Sprintf("%s: got %v, want %v", p.name, p.g, p.w)
		}
	}
	return ""
}

// TestTheoryAgainstMat checks the closed forms, computed in XᵀX's eigenbasis,
// against the matrix formulas computed directly with gonum on random
// designs. The tolerance: a 2×2 inverse loses about cond(M) ≤ 1e6 roundings
// (2.2e-16) relative to the figures' size, which ‖θ‖, ‖x₀‖ ~ 1 and σ ≤ 3 keep below
// ~1e2.
func TestTheoryAgainstMat(t *testing.T) {
	for i, s := range randomSpecs(200, 1) {
		x, _ := s.design()
		m := newModel(x, s.Theta, s.Sigma, s.X0)
		got, want := m.theory(s.Lambda), matTheory(t, s)
		cond := (max(m.eig.a[0], m.eig.a[1]) + s.Lambda) / (min(m.eig.a[0], m.eig.a[1]) + s.Lambda)
		tol := 1e-14 * cond
		if d := theoryDiff(got, want, tol, 1e2); d != "" {
			t.Errorf("case %d (n = %d, λ = %g, cond %.3g): %s", i, s.N, s.Lambda, cond, d)
		}
	}
}

// TestDiagonalScalarForms: with XᵀX = diag(a₁, a₂) (the notes' simplification),
// each coordinate is the scalar case of Problem 3: bias −λθᵢ/(aᵢ + λ), variance
// σ²aᵢ/(aᵢ + λ)², no covariance. The diagonal design has a₁ = ⌈n/2⌉ rows [1, 0]
// and a₂ = ⌊n/2⌋·(½)² from rows [0, ½] (problems.DesignDiagonal).
func TestDiagonalScalarForms(t *testing.T) {
	for _, tc := range []struct {
		n             int
		theta         [2]float64
		sigma, lambda float64
	}{
		{2, [2]float64{1, 1}, 1, 0},
		{2, [2]float64{1, 1}, 1, 1},
		{9, [2]float64{-2, 3}, 0.5, 0.25},
		{10, [2]float64{0.3, -4}, 2, 100},
		{101, [2]float64{5, 5}, 3, 1e-3},
	} {
		s := Default()
		s.Design, s.N, s.Theta, s.Sigma, s.Lambda = problems.DesignDiagonal, tc.n, tc.theta, tc.sigma, tc.lambda
		x, _ := s.design()
		m := newModel(x, s.Theta, s.Sigma, s.X0)
		th := m.theory(s.Lambda)
		a := [2]float64{float64((tc.n + 1) / 2), float64(tc.n/2) * 0.25}
		for i := range 2 {
			bias := -tc.lambda * tc.theta[i] / (a[i] + tc.lambda)
			variance := tc.sigma * tc.sigma * a[i] / ((a[i] + tc.lambda) * (a[i] + tc.lambda))
			// Rounding only: a handful of operations on numbers of size ≤ 5.
			if !near(th.Bias[i], bias, 1e-14, 5) || !near(th.Cov[i][i], variance, 1e-14, 5) {
				t.Errorf("%+v, coordinate %d: got bias %v variance %v, want %v and %v", tc, i, th.Bias[i], th.Cov[i][i], bias, variance)
			}
		}
		if th.Cov[0][1] != 0 || th.Cov[1][0] != 0 {
			t.Errorf("%+v: got covariance %v off the diagonal, want 0", tc, th.Cov[0][1])
		}
	}
}

// TestOLSIsUnbiased: at λ = 0, E[θ̂] = (XᵀX)⁻¹XᵀXθ = θ and Cov(θ̂) = σ²(XᵀX)⁻¹
// (Problem 2), so the prediction is unbiased too and its error is variance + σ².
func TestOLSIsUnbiased(t *testing.T) {
	specs := randomSpecs(60, 2)
	for _, d := range []problems.Design{problems.DesignUniform, problems.DesignLine, problems.DesignDiagonal} {
		s := Default()
		s.Design = d
		specs = append(specs, s)
	}
	for i, s := range specs {
		s.Lambda = 0
		x, _ := s.design()
		m := newModel(x, s.Theta, s.Sigma, s.X0)
		th := m.theory(0)
		xm := mat.NewDense(len(x), 2, nil)
		for j, r := range x {
			xm.SetRow(j, r[:])
		}
		var a, inv mat.Dense
		a.Mul(xm.T(), xm)
		if err := inv.Inverse(&a); err != nil {
			t.Fatal(err)
		}
		tol := 1e-13 * max(m.eig.a[0], m.eig.a[1]) / min(m.eig.a[0], m.eig.a[1]) // cond(XᵀX) roundings
		if !near(th.Bias[0], 0, tol, 1) || !near(th.Bias[1], 0, tol, 1) || !near(th.PredBias, 0, tol, 10) {
			t.Errorf("case %d: got bias %v, prediction bias %v; want 0", i, th.Bias, th.PredBias)
		}
		for r := range 2 {
			for c := range 2 {
				if want := s.Sigma * s.Sigma * inv.At(r, c); !near(th.Cov[r][c], want, tol, want) {
					t.Errorf("case %d: got cov[%d][%d] = %v, want σ²(XᵀX)⁻¹ = %v", i, r, c, th.Cov[r][c], want)
				}
			}
		}
		if th.MSE != th.PredVariance+th.Noise+th.PredBias*th.PredBias {
			t.Errorf("case %d: got MSE %v, want variance + bias² + σ² = %v", i, th.MSE, th.PredVariance+th.Noise+th.PredBias*th.PredBias)
		}
	}
}
