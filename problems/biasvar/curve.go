package biasvar

import (
	"math"
	"math/cmplx"
	"slices"
)

// The error curve's λ grid: λ = 0, then curvePerDecade points a decade, log-spaced
// from curveMin to curveMax, both included.
const (
	curveMin, curveMax = 1e-3, 1e3
	curvePerDecade     = 10
)

// CurvePoint is the decomposition of the expected squared error at one λ.
type CurvePoint struct {
	Lambda   float64
	Bias2    float64
	Variance float64
	Noise    float64
	MSE      float64
}

// curveLambdas returns the curve's λ grid.
func curveLambdas() []float64 {
	decades := math.Round(math.Log10(curveMax / curveMin))
	k := int(decades) * curvePerDecade
	ls := make([]float64, 0, k+2)
	ls = append(ls, 0)
	for i := range k + 1 {
		ls = append(ls, curveMin*math.Pow(10, float64(i)/curvePerDecade))
	}
	return ls
}

// curve returns the decomposition over curveLambdas.
func (m *model) curve() []CurvePoint {
	ls := curveLambdas()
	out := make([]CurvePoint, len(ls))
	for i, l := range ls {
		t := m.theory(l)
		out[i] = CurvePoint{Lambda: l, Bias2: t.PredBias * t.PredBias, Variance: t.PredVariance, Noise: t.Noise, MSE: t.MSE}
	}
	return out
}

// Best is the λ ≥ 0 of least expected squared error at x₀, and that error. Lambda is
// +Inf when the error only falls as λ grows (x₀ᵀθ = 0: shrinking to 0 costs no bias),
// and MSE is then its limit (x₀ᵀθ)² + σ²; Plain writes that λ as null.
type Best struct {
	Lambda float64
	MSE    float64
}

// poly is a polynomial's coefficients, constant first.
type poly []float64

func (p poly) mul(q poly) poly {
	r := make(poly, len(p)+len(q)-1)
	for i, a := range p {
		for j, b := range q {
			r[i+j] += a * b
		}
	}
	return r
}

func (p poly) add(q poly) poly {
	r := make(poly, max(len(p), len(q)))
	for i := range r {
		if i < len(p) {
			r[i] += p[i]
		}
		if i < len(q) {
			r[i] += q[i]
		}
	}
	return r
}

func (p poly) scale(k float64) poly {
	r := slices.Clone(p)
	for i := range r {
		r[i] *= k
	}
	return r
}

// at returns p(v) and p'(v) by Horner's rule.
func (p poly) at(v float64) (val, der float64) {
	for i := len(p) - 1; i >= 0; i-- {
		der = der*v + val
		val = val*v + p[i]
	}
	return val, der
}

// roots returns the real parts of p's complex roots, found together by the
// Durand–Kerner (Weierstrass) iteration and each polished by Newton's method on
// p. A companion-matrix eigensolver would do as well, but linking gonum's
// LAPACK into the page for one quartic cost 0.75 MB of brotli.
func (p poly) roots() []float64 {
	top := 0.0
	for _, c := range p {
		top = max(top, math.Abs(c))
	}
	deg := len(p) - 1
	for deg > 0 && math.Abs(p[deg]) <= 1e-14*top {
		deg-- // a leading coefficient that is rounding only
	}
	if deg < 1 {
		return nil
	}
	// The monic polynomial, and a radius that holds every root (Cauchy's bound).
	monic := make([]complex128, deg+1)
	radius := 1.0
	for i := 0; i <= deg; i++ {
		monic[i] = complex(p[i]/p[deg], 0)
		if i < deg {
			radius = max(radius, 1+cmplx.Abs(monic[i]))
		}
	}
	eval := func(z complex128) complex128 {
		v := complex(0, 0)
		for i := deg; i >= 0; i-- {
			v = v*z + monic[i]
		}
		return v
	}
	// Start on a spiral no two points of which share a modulus or an angle.
	z := make([]complex128, deg)
	for k := range z {
		z[k] = complex(radius, 0) * cmplx.Pow(complex(0.4, 0.9), complex(float64(k), 0))
	}
	for iter := 0; iter < 500; iter++ {
		moved := 0.0
		for k := range z {
			den := complex(1, 0)
			for j := range z {
				if j != k {
					den *= z[k] - z[j]
				}
			}
			if den == 0 {
				den = complex(1e-300, 0)
			}
			d := eval(z[k]) / den
			z[k] -= d
			moved = max(moved, cmplx.Abs(d))
		}
		if moved <= 1e-15*radius {
			break
		}
	}
	var out []float64
	for _, r := range z {
		v := real(r)
		out = append(out, v) // and polished: a candidate too many costs nothing
		for range 4 {
			val, der := p[:deg+1].at(v)
			if der == 0 {
				break
			}
			v -= val / der
		}
		out = append(out, v)
	}
	return out
}

// best returns the exact minimiser of the expected error over λ ≥ 0. In the
// eigenbasis, with cᵢ = zᵢφᵢ, the prediction's bias is B = −λ·Σcᵢ/(aᵢ + λ) and its
// variance V = σ²Σzᵢ²aᵢ/(aᵢ + λ)², so
//
//	d(B² + V)/dλ = 2·[λ·P₁·P₂ − σ²·P₃] / ((a₁ + λ)³(a₂ + λ)³)
//
// with P₁ = c₁(a₂ + λ) + c₂(a₁ + λ), P₂ = c₁a₁(a₂ + λ)² + c₂a₂(a₁ + λ)² and
// P₃ = z₁²a₁(a₂ + λ)³ + z₂²a₂(a₁ + λ)³: a quartic whose positive real roots, with
// λ = 0 and λ → ∞, hold every candidate. λ is measured in units of the largest
// eigenvalue so that the coefficients are of one size.
func (m *model) best() Best {
	b := Best{Lambda: 0, MSE: m.theory(0).MSE}
	s := max(m.eig.a[0], m.eig.a[1])
	if s > 0 {
		a1, a2 := m.eig.a[0]/s, m.eig.a[1]/s
		c1, c2 := m.z[0]*m.phi[0], m.z[1]*m.phi[1]
		l1, l2 := poly{a1, 1}, poly{a2, 1} // aᵢ + v
		p1 := l2.scale(c1).add(l1.scale(c2))
		p2 := l2.mul(l2).scale(c1 * a1).add(l1.mul(l1).scale(c2 * a2))
		p3 := l2.mul(l2).mul(l2).scale(m.z[0] * m.z[0] * a1).add(l1.mul(l1).mul(l1).scale(m.z[1] * m.z[1] * a2))
		// In units of s: λ·P₁·P₂ scales as s⁵ and P₃ as s⁴.
		n := poly{0, s}.mul(p1).mul(p2).add(p3.scale(-m.sigma * m.sigma))
		cands := n.roots()
		slices.Sort(cands)
		for _, v := range cands {
			if l := v * s; l > 0 && !math.IsInf(l, 0) {
				if e := m.theory(l).MSE; e < b.MSE {
					b = Best{Lambda: l, MSE: e}
				}
			}
		}
	}
	// λ → ∞: θ̃ → 0, so the prediction's bias is −x₀ᵀθ and its variance 0.
	f := m.x0[0]*m.theta[0] + m.x0[1]*m.theta[1]
	if e := f*f + m.sigma*m.sigma; e < b.MSE {
		b = Best{Lambda: math.Inf(1), MSE: e}
	}
	return b
}
