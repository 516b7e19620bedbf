package biasvar

import (
	"math"
)

// singularRatio is the ratio of XᵀX's eigenvalues below which it counts as singular:
// a few thousand roundings of a float64 (2.2e-16), so that parallel columns are
// caught whatever rounding left of their determinant.
const singularRatio = 1e-12

// gram returns XᵀX as its entries (a11, a12, a22).
func gram(x [][2]float64) [3]float64 {
	var g [3]float64
	for _, r := range x {
		g[0] += r[0] * r[0]
		g[1] += r[0] * r[1]
		g[2] += r[1] * r[1]
	}
	return g
}

// eigen is XᵀX = Q·diag(a)·Qᵀ with Q's columns (c, s) and (−s, c). An eigenvalue
// below singularRatio times the largest is stored as exactly 0.
type eigen struct {
	a    [2]float64
	c, s float64
}

func newEigen(g [3]float64) eigen {
	phi := 0.5 * math.Atan2(2*g[1], g[0]-g[2])
	c, s := math.Cos(phi), math.Sin(phi)
	a1 := g[0]*c*c + 2*g[1]*c*s + g[2]*s*s
	a2 := g[0]*s*s - 2*g[1]*c*s + g[2]*c*c
	e := eigen{a: [2]float64{a1, a2}, c: c, s: s}
	top := max(math.Abs(a1), math.Abs(a2))
	for i, v := range e.a {
		if v <= singularRatio*top {
			e.a[i] = 0 // XᵀX is positive semidefinite: what is left is rounding
		}
	}
	return e
}

// singular reports a zero eigenvalue: λ = 0 has no unique fit.
func (e eigen) singular() bool { return e.a[0] == 0 || e.a[1] == 0 }

// rotate returns Qᵀv, v in the eigenbasis.
func (e eigen) rotate(v [2]float64) [2]float64 {
	return [2]float64{e.c*v[0] + e.s*v[1], -e.s*v[0] + e.c*v[1]}
}

// unrotate returns Q·w.
func (e eigen) unrotate(w [2]float64) [2]float64 {
	return [2]float64{e.c*w[0] - e.s*w[1], e.s*w[0] + e.c*w[1]}
}

// shrink returns aᵢ/(aᵢ + λ), the factor ridge keeps of the i-th eigen-coordinate of
// θ (the notes' diagonal case); a zero eigenvalue keeps nothing, the limit λ → 0⁺.
func (e eigen) shrink(i int, lambda float64) float64 {
	if e.a[i] == 0 {
		return 0
	}
	return e.a[i] / (e.a[i] + lambda)
}

// inverse returns 1/(aᵢ + λ), or 0 for a zero eigenvalue: (XᵀX + λI)⁻¹, or at λ = 0
// on a singular XᵀX the pseudo-inverse, so that θ̃ is the limit λ → 0⁺.
func (e eigen) inverse(i int, lambda float64) float64 {
	if e.a[i] == 0 {
		return 0
	}
	return 1 / (e.a[i] + lambda)
}

// symmetric returns Q·diag(d)·Qᵀ.
func (e eigen) symmetric(d [2]float64) [2][2]float64 {
	c, s := e.c, e.s
	m01 := (d[0] - d[1]) * c * s
	return [2][2]float64{
		{d[0]*c*c + d[1]*s*s, m01},
		{m01, d[0]*s*s + d[1]*c*c},
	}
}

// model is what the closed forms need: XᵀX in its eigenbasis, θ, σ and x₀.
type model struct {
	eig   eigen
	theta [2]float64
	sigma float64
	x0    [2]float64
	// In the eigenbasis: z = Qᵀx₀ and φ = Qᵀθ.
	z, phi [2]float64
}

func newModel(x [][2]float64, theta [2]float64, sigma float64, x0 [2]float64) model {
	e := newEigen(gram(x))
	return model{eig: e, theta: theta, sigma: sigma, x0: x0, z: e.rotate(x0), phi: e.rotate(theta)}
}

// Theory is the closed forms of the ridge estimate θ̃ and its prediction f = x₀ᵀθ̃
// (Problems 2–3): E[θ̃] = (XᵀX + λI)⁻¹XᵀXθ, Cov(θ̃) = σ²(XᵀX + λI)⁻¹XᵀX(XᵀX + λI)⁻¹,
// and the expected squared error against a fresh target Y₀ = x₀ᵀθ + ε₀ (Problem 1),
// MSE = PredVariance + PredBias² + Noise.
type Theory struct {
	Mean         [2]float64    // E[θ̃]
	Bias         [2]float64    // E[θ̃] − θ
	Cov          [2][2]float64 // Cov(θ̃)
	PredBias     float64
	PredVariance float64
	Noise        float64 // σ², the irreducible error
	MSE          float64
}

// theory returns the closed forms at λ, in the eigenbasis: each coordinate is the
// notes' scalar case, mean aᵢφᵢ/(aᵢ + λ), variance σ²aᵢ/(aᵢ + λ)².
func (m *model) theory(lambda float64) Theory {
	var mean, vars [2]float64
	for i := range 2 {
		k := m.eig.shrink(i, lambda)
		mean[i] = k * m.phi[i]
		vars[i] = m.sigma * m.sigma * k * m.eig.inverse(i, lambda)
	}
	t := Theory{Mean: m.eig.unrotate(mean), Cov: m.eig.symmetric(vars), Noise: m.sigma * m.sigma}
	t.Bias = [2]float64{t.Mean[0] - m.theta[0], t.Mean[1] - m.theta[1]}
	t.PredBias = m.x0[0]*t.Bias[0] + m.x0[1]*t.Bias[1]
	t.PredVariance = m.z[0]*m.z[0]*vars[0] + m.z[1]*m.z[1]*vars[1]
	t.MSE = t.PredVariance + t.PredBias*t.PredBias + t.Noise
	return t
}
