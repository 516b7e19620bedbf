package biasvar

import (
	"fmt"
	"math"
	"slices"

	"descent/problems"
)

// trialStream is the PCG stream of the datasets after the first and of the test
// targets; the first dataset is the regression problem's (problems.DrawData).
const trialStream = 0xb1a5_7a21

// Sampler holds a Monte Carlo of Trials datasets on one design, kept as Xᵀεₖ (two
// numbers each), so that a new λ, θ or σ moves the same darts continuously: each fit
// θ̃ₖ = (XᵀX + λI)⁻¹(XᵀXθ + σXᵀεₖ) is a 2×2 solve.
type Sampler struct {
	model
	spec  Spec
	g     [3]float64   // XᵀX
	xte   [][2]float64 // Xᵀεₖ of trial k
	noise []float64    // the standard Gaussian ε₀ₖ of trial k's fresh test target
}

// NewSampler draws s.Trials datasets: trial 0 is s's Dataset (the regression
// problem's data), the others and every test target come from PCG stream
// (s.Seed, trialStream). A spec that fails Check is an error.
func NewSampler(s Spec) (*Sampler, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	x, first := s.design()
	sm := &Sampler{
		model: newModel(x, s.Theta, s.Sigma, s.X0),
		spec:  s,
		g:     gram(x),
		xte:   make([][2]float64, s.Trials),
		noise: make([]float64, s.Trials),
	}
	r := problems.NewDraws(s.Seed, trialStream)
	for k := range s.Trials {
		sm.noise[k] = r.Normal()
		var v [2]float64
		for i, row := range x {
			e := 0.0
			if k == 0 && first != nil {
				e = first[i]
			} else {
				e = r.Normal()
			}
			v[0] += row[0] * e
			v[1] += row[1] * e
		}
		sm.xte[k] = v
	}
	return sm, nil
}

// With returns a sampler for s. When s draws the same datasets as sm's spec (the
// same X, or design, n and seed; the same trials and seed) and differs only in θ, σ,
// λ or x₀, the new sampler shares sm's draws, which never change, so that the darts
// move continuously and nothing is redrawn; otherwise it is NewSampler(s).
func (sm *Sampler) With(s Spec) (*Sampler, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	old := sm.spec
	same := s.Trials == old.Trials && s.Seed == old.Seed && (s.X == nil) == (old.X == nil)
	if s.X == nil {
		same = same && s.Design == old.Design && s.N == old.N
	} else {
		same = same && slices.Equal(s.X, old.X)
	}
	if !same {
		return NewSampler(s)
	}
	t := *sm
	t.spec = s
	t.model = model{eig: sm.eig, theta: s.Theta, sigma: s.Sigma, x0: s.X0, z: sm.eig.rotate(s.X0), phi: sm.eig.rotate(s.Theta)}
	return &t, nil
}

// Spec returns the spec the sampler was made for.
func (sm *Sampler) Spec() Spec { return sm.spec }

// Trials returns how many datasets the sampler holds.
func (sm *Sampler) Trials() int { return len(sm.xte) }

// Theory returns the closed forms at λ.
func (sm *Sampler) Theory(lambda float64) Theory { return sm.theory(lambda) }

// Curve returns the decomposition of the expected error over λ = 0 and 1e-3 to 1e3.
func (sm *Sampler) Curve() []CurvePoint { return sm.curve() }

// Best returns the exact minimiser of the expected error over λ ≥ 0.
func (sm *Sampler) Best() Best { return sm.best() }

// Estimates writes every trial's ridge fit θ̃ₖ(λ) into dst, allocated when nil, and
// returns it. At λ = 0 on a singular XᵀX it writes the limit λ → 0⁺, the
// minimum-norm least-squares fit. A dst of another length than Trials panics.
func (sm *Sampler) Estimates(lambda float64, dst [][2]float64) [][2]float64 {
	if dst == nil {
		dst = make([][2]float64, len(sm.xte))
	}
	if len(dst) != len(sm.xte) {
		panic(fmt.Sprintf("biasvar: Estimates into %d points, want %d", len(dst), len(sm.xte)))
	}
	// (XᵀX + λI)⁻¹ = Q·diag(1/(aᵢ + λ))·Qᵀ, then θ̃ₖ = M·(XᵀXθ + σXᵀεₖ).
	inv := sm.eig.symmetric([2]float64{sm.eig.inverse(0, lambda), sm.eig.inverse(1, lambda)})
	g, th := sm.g, sm.theta
	axt := [2]float64{g[0]*th[0] + g[1]*th[1], g[1]*th[0] + g[2]*th[1]}
	mean := [2]float64{inv[0][0]*axt[0] + inv[0][1]*axt[1], inv[1][0]*axt[0] + inv[1][1]*axt[1]}
	for k, v := range sm.xte {
		v0, v1 := sm.sigma*v[0], sm.sigma*v[1]
		dst[k] = [2]float64{mean[0] + inv[0][0]*v0 + inv[0][1]*v1, mean[1] + inv[1][0]*v0 + inv[1][1]*v1}
	}
	return dst
}

// Sample is what the Monte Carlo measured: the estimates' mean and unbiased sample
// covariance, the prediction f = x₀ᵀθ̃'s bias (mean f − x₀ᵀθ) and unbiased sample
// variance, and the mean of (Y₀ₖ − fₖ)² against a fresh test target Y₀ₖ = x₀ᵀθ + σε₀ₖ
// for each trial: measured, not computed from the other figures.
type Sample struct {
	Mean         [2]float64
	Cov          [2][2]float64
	PredBias     float64
	PredVariance float64
	MSE          float64
	Trials       int
}

// Stats returns the sample figures of est, the sampler's Estimates. It does not
// allocate; a length other than Trials panics.
func (sm *Sampler) Stats(est [][2]float64) Sample {
	n := len(sm.xte)
	if len(est) != n {
		panic(fmt.Sprintf("biasvar: Stats of %d estimates, want %d", len(est), n))
	}
	target := sm.x0[0]*sm.theta[0] + sm.x0[1]*sm.theta[1]
	var m0, m1, mf, sq float64
	for k, e := range est {
		f := sm.x0[0]*e[0] + sm.x0[1]*e[1]
		m0, m1, mf = m0+e[0], m1+e[1], mf+f
		d := target + sm.sigma*sm.noise[k] - f
		sq += d * d
	}
	fn := float64(n)
	m0, m1, mf = m0/fn, m1/fn, mf/fn
	var c00, c01, c11, vf float64 // second pass: no cancellation of large means
	for _, e := range est {
		d0, d1 := e[0]-m0, e[1]-m1
		df := sm.x0[0]*d0 + sm.x0[1]*d1
		c00, c01, c11, vf = c00+d0*d0, c01+d0*d1, c11+d1*d1, vf+df*df
	}
	k := 1 / (fn - 1)
	return Sample{
		Mean:         [2]float64{m0, m1},
		Cov:          [2][2]float64{{c00 * k, c01 * k}, {c01 * k, c11 * k}},
		PredBias:     mf - target,
		PredVariance: vf * k,
		MSE:          sq / fn,
		Trials:       n,
	}
}

// Ellipse writes into dst (64 points when nil) the ellipse of points at k standard
// deviations from mean under covariance cov, {mean + k·C^½·(cos t, sin t)}, evenly
// in t from 0, and returns it. A degenerate cov gives a segment or a point.
func Ellipse(mean [2]float64, cov [2][2]float64, k float64, dst [][2]float64) [][2]float64 {
	if dst == nil {
		dst = make([][2]float64, 64)
	}
	e := newEigen([3]float64{cov[0][0], (cov[0][1] + cov[1][0]) / 2, cov[1][1]})
	r0, r1 := k*math.Sqrt(e.a[0]), k*math.Sqrt(e.a[1])
	for i := range dst {
		t := 2 * math.Pi * float64(i) / float64(len(dst))
		p := e.unrotate([2]float64{r0 * math.Cos(t), r1 * math.Sin(t)})
		dst[i] = [2]float64{mean[0] + p[0], mean[1] + p[1]}
	}
	return dst
}

// Result is everything the scene shows for one spec.
type Result struct {
	Theory Theory
	Sample Sample
	Curve  []CurvePoint
	Best   Best
	// Estimates are the trials' fits θ̃ₖ at the spec's λ: the darts (not in Plain).
	Estimates [][2]float64
}

// Compute runs the experiment s describes: the closed forms and the Monte Carlo at
// s.Lambda, the error curve over λ and the best λ. A spec that fails Check is an error.
func Compute(s Spec) (Result, error) {
	sm, err := NewSampler(s)
	if err != nil {
		return Result{}, err
	}
	est := sm.Estimates(s.Lambda, nil)
	return Result{
		Theory:    sm.Theory(s.Lambda),
		Sample:    sm.Stats(est),
		Curve:     sm.Curve(),
		Best:      sm.Best(),
		Estimates: est,
	}, nil
}
