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
