package optim

// Lion (EvoLved Sign Momentum) moves every coordinate by exactly α, in the
// direction of the sign of a blend of momentum and gradient (Chen et al.,
// "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023,
// Algorithm 2):
//
//	c_k = β₁·m_k + (1−β₁)·∇_k L
//	θ_k ← θ_k − α·(sign(c_k) + λ·θ_k)
//	m_k ← β₂·m_k + (1−β₂)·∇_k L
//
// with θ_k on the right its value before the step and sign(0) = 0. The
// momentum is updated after the step with its own, slower β₂, so the
// direction leans more on the new gradient than the memory does.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type Lion struct {
	LearningRate float64 // α, the length of every step in every coordinate
	Beta1        float64 // β₁, the momentum's share in the step's direction
	Beta2        float64 // β₂, how slowly the momentum forgets
	WeightDecay  float64 // λ, the pull towards zero per unit of α

	dims dims
	m    []float64
}

var _ Inspector = (*Lion)(nil)

// Step implements Optimizer.
func (o *Lion) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.m = zeroed(o.m, len(x))
	}
	for k, g := range grad {
		c := o.Beta1*o.m[k] + (1-o.Beta1)*g
		x[k] -= o.LearningRate * (sign(c) + o.WeightDecay*x[k])
		o.m[k] = o.Beta2*o.m[k] + (1-o.Beta2)*g
	}
}

// Reset implements Optimizer.
func (o *Lion) Reset() { o.dims = dims{} }

// sign returns −1, 0 or +1 by the sign of c, and NaN for NaN so that a
// broken gradient still shows.
func sign(c float64) float64 {
	switch {
	case c > 0:
		return 1
	case c < 0:
		return -1
	}
	return c
}

// Internals implements Inspector: the momentum m, as updated after the move.
func (o *Lion) Internals(dst []Vec) []Vec { return append(dst, o.dims.vec("m", o.m)) }
