package optim

import "math"

// RMSProp scales each coordinate by a running average of squared gradients,
// section 3.5 of the course notes (ε inside the square root, as there):
//
//	s_k ← β·s_k + (1−β)·(∇_k L)²
//	θ_k ← θ_k − α/√(s_k + ε) · ∇_k L
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type RMSProp struct {
	LearningRate float64 // α
	Beta         float64 // β, how slowly the average forgets
	Epsilon      float64 // ε, keeps the division finite

	dims dims
	s    []float64
}

var (
	_ Inspector = (*RMSProp)(nil)
	_ Adaptive  = (*RMSProp)(nil)
)

// Step implements Optimizer.
func (o *RMSProp) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.s = zeroed(o.s, len(x))
	}
	for k, g := range grad {
		o.s[k] = o.Beta*o.s[k] + (1-o.Beta)*g*g
		x[k] -= o.rate(k) * g
	}
}

// Reset implements Optimizer.
func (o *RMSProp) Reset() { o.dims = dims{} }

// rate is coordinate k's step size α/√(s_k + ε), s_k as after the last update.
func (o *RMSProp) rate(k int) float64 { return o.LearningRate / math.Sqrt(o.s[k]+o.Epsilon) }

// Internals implements Inspector: the running average s.
func (o *RMSProp) Internals(dst []Vec) []Vec { return append(dst, o.dims.vec("s", o.s)) }

// StepSize implements Adaptive: α/√(s+ε), the factor of the gradient.
func (o *RMSProp) StepSize() [2]float64 { return o.dims.pair(o.rate) }
