// Package optim implements the gradient-based optimizers of the course notes, one registry of specs driving them all.
package optim

import "fmt"

// Optimizer updates a point in place from the gradient at that point.
type Optimizer interface {
	// Step subtracts from x the update computed from grad, in place.
	// It panics if len(x) != len(grad) or if the dimension differs from
	// the one fixed by the first Step since construction or Reset.
	Step(x, grad []float64)
	// Reset returns the optimizer to its freshly constructed state.
	Reset()
}

// Stochastic is an optimizer that steps on a sampled gradient; the caller
// (the race) samples it. Its Step takes whatever gradient it is given, so
// the sampling rule lives with the caller, which knows whether the problem
// has data.
type Stochastic interface {
	Optimizer
	// Sampling returns the minibatch size to use on a problem with data
	// (at least 1) and the standard deviation of the Gaussian noise to add
	// to each coordinate of the exact gradient on a problem without.
	Sampling() (batch int, sigma float64)
}

// SecondOrder is an optimizer that needs the Hessian as well as the
// gradient. Its Step, given no Hessian, takes a plain gradient step.
type SecondOrder interface {
	Optimizer
	// StepHessian is Step with the Hessian at x, n×n in row-major order
	// for n = len(x). It panics if len(hess) != n·n, and as Step does.
	StepHessian(x, grad, hess []float64)
}

// dims remembers the dimension fixed by an optimizer's first Step.
type dims struct {
	n   int
	set bool
}

// check panics on mismatched lengths and reports whether this is the first
// Step since construction or Reset, when state vectors must be (re)sized.
func (d *dims) check(x, grad []float64) (first bool) {
	if len(x) != len(grad) {
		panic(fmt.Sprintf("optim: len(x) = %d but len(grad) = %d", len(x), len(grad)))
	}
	if !d.set {
		d.n, d.set = len(x), true
		return true
	}
	if len(x) != d.n {
		panic(fmt.Sprintf("optim: dimension changed from %d to %d; call Reset first", d.n, len(x)))
	}
	return false
}

// zeroed returns n zeros, reusing buf's memory when it is large enough so
// that a Reset followed by a Step of the same dimension does not allocate.
func zeroed(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}
