package optim

import (
	"fmt"
	"math"
)

// Newton is the damped Newton method:
//
//	θ ← θ − α·(H + λI)⁻¹·∇L(θ)
//
// With α = 1 and λ = 0 one step lands exactly on the stationary point of a
// quadratic, whether it is a minimum, a saddle or a maximum: Newton's method
// looks for a zero of the gradient, not for low ground. A damping λ > 0
// shortens the step and turns it towards gradient descent's (with rate α/λ
// for large λ).
//
// The system is solved by Gaussian elimination with partial pivoting, in
// scratch memory allocated once, so that a step does not allocate. When
// H + λI is singular (a pivot below singularTol times its largest entry) or
// the solution is not finite, the step falls back to gradient descent,
// θ ← θ − α·∇L, and Fallbacks counts it. Step, which has no Hessian, takes
// that gradient step too, without counting it.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type Newton struct {
	LearningRate float64 // α
	Damping      float64 // λ, added to the Hessian's diagonal

	dims      dims
	a, d      []float64 // scratch: the n×n system H + λI, then the direction
	fallbacks int
}

// singularTol is the relative size under which a pivot counts as zero: about
// 1e4 times the float64 rounding unit, so that a matrix singular up to
// rounding (such as [1 1; 1 1] after elimination) is caught.
const singularTol = 1e-12

var _ SecondOrder = (*Newton)(nil)

// Step implements Optimizer. Without a Hessian it is a gradient step.
func (o *Newton) Step(x, grad []float64) {
	o.dims.check(x, grad)
	o.gradientStep(x, grad)
}

// StepHessian implements SecondOrder.
func (o *Newton) StepHessian(x, grad, hess []float64) {
	n := len(x)
	if len(hess) != n*n {
		panic(fmt.Sprintf("optim: len(hess) = %d, want len(x)² = %d", len(hess), n*n))
	}
	if o.dims.check(x, grad) || len(o.d) != n {
		if cap(o.a) < n*n {
			o.a, o.d = make([]float64, n*n), make([]float64, n)
		}
		o.a, o.d = o.a[:n*n], o.d[:n]
	}
	copy(o.a, hess)
	for k := range n {
		o.a[k*n+k] += o.Damping
	}
	copy(o.d, grad)
	if !solve(o.a, o.d) {
		o.fallbacks++
		o.gradientStep(x, grad)
		return
	}
	for k, dk := range o.d {
		x[k] -= o.LearningRate * dk
	}
}

func (o *Newton) gradientStep(x, grad []float64) {
	for k, g := range grad {
		x[k] -= o.LearningRate * g
	}
}

// Fallbacks returns how many StepHessian calls since construction or Reset
// took a gradient step because H + λI was singular or gave a non-finite
// direction.
func (o *Newton) Fallbacks() int { return o.fallbacks }

// Reset implements Optimizer.
func (o *Newton) Reset() { o.dims, o.fallbacks = dims{}, 0 }

// solve overwrites b with the solution of a·d = b, a being n×n row-major
// (n = len(b)), by Gaussian elimination with partial pivoting; a is
// destroyed. It reports false, leaving b unspecified, when a is singular
// (a pivot below singularTol times a's largest entry, or a not finite) or the
// solution is not finite.
func solve(a, b []float64) bool {
	n := len(b)
	var scale float64
	for _, v := range a {
		scale = math.Max(scale, math.Abs(v)) // NaN propagates
	}
	if !(scale > 0) || math.IsInf(scale, 1) { // NaN fails the first test
		return false
	}
	tol := singularTol * scale
	for k := range n {
		p := k
		for i := k + 1; i < n; i++ {
			if math.Abs(a[i*n+k]) > math.Abs(a[p*n+k]) {
				p = i
			}
		}
		if !(math.Abs(a[p*n+k]) >= tol) {
			return false
		}
		if p != k {
			for j := k; j < n; j++ {
				a[k*n+j], a[p*n+j] = a[p*n+j], a[k*n+j]
			}
			b[k], b[p] = b[p], b[k]
		}
		for i := k + 1; i < n; i++ {
			f := a[i*n+k] / a[k*n+k]
			if f == 0 {
				continue
			}
			for j := k + 1; j < n; j++ {
				a[i*n+j] -= f * a[k*n+j]
			}
			b[i] -= f * b[k]
		}
	}
	for k := n - 1; k >= 0; k-- {
		s := b[k]
		for j := k + 1; j < n; j++ {
			s -= a[k*n+j] * b[j]
		}
		b[k] = s / a[k*n+k]
		if math.IsNaN(b[k]) || math.IsInf(b[k], 0) {
			return false
		}
	}
	return true
}
