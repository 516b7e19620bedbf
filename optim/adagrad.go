package optim

import "math"

// Adagrad scales each coordinate by the accumulated squared gradients,
// section 3.5 of the course notes (ε inside the square root, as there):
//
//	s_k ← s_k + β·(∇_k L)²
//	θ_k ← θ_k − α/√(s_k + ε) · ∇_k L
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type Adagrad struct {
	LearningRate float64 // α
	Beta         float64 // β, the weight of each squared gradient in the sum
	Epsilon      float64 // ε, keeps the division finite

	dims dims
	s    []float64
}

var (
	_ Inspector = (*Adagrad)(nil)
	_ Adaptive  = (*Adagrad)(nil)
)

// Step implements Optimizer.
func (o *Adagrad) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.s = zeroed(o.s, len(x))
	}
	for k, g := range grad {
		o.s[k] += o.Beta * g * g
		x[k] -= o.rate(k) * g
	}
}

// Reset implements Optimizer.
func (o *Adagrad) Reset() { o.dims = dims{} }

// rate is coordinate k's step size α/√(s_k + ε), s_k as after the last update.
func (o *Adagrad) rate(k int) float64 { return o.LearningRate / math.Sqrt(o.s[k]+o.Epsilon) }

// Internals implements Inspector: the sum s.
func (o *Adagrad) Internals(dst []Vec) []Vec { return append(dst, o.dims.vec("s", o.s)) }

// StepSize implements Adaptive: α/√(s+ε), the factor of the gradient.
func (o *Adagrad) StepSize() [2]float64 { return o.dims.pair(o.rate) }
