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

var _ Optimizer = (*Adagrad)(nil)

// Step implements Optimizer.
func (o *Adagrad) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.s = zeroed(o.s, len(x))
	}
	for k, g := range grad {
		o.s[k] += o.Beta * g * g
		x[k] -= o.LearningRate / math.Sqrt(o.s[k]+o.Epsilon) * g
	}
}

// Reset implements Optimizer.
func (o *Adagrad) Reset() { o.dims = dims{} }
