package optim

import "math"

// Adam combines momentum with RMSProp-style scaling and corrects both
// running averages for their zero start (Kingma & Ba, "Adam: A Method for
// Stochastic Optimization", ICLR 2015, Algorithm 1). At step t:
//
//	m_k ← β₁·m_k + (1−β₁)·∇_k L
//	v_k ← β₂·v_k + (1−β₂)·(∇_k L)²
//	m̂_k = m_k/(1−β₁ᵗ),  v̂_k = v_k/(1−β₂ᵗ)
//	θ_k ← θ_k − α·m̂_k/(√v̂_k + ε)
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type Adam struct {
	LearningRate float64 // α
	Beta1        float64 // β₁, how slowly the gradient average forgets
	Beta2        float64 // β₂, how slowly the squared-gradient average forgets
	Epsilon      float64 // ε, keeps the division finite

	dims dims
	mom  moments
}

var (
	_ Inspector = (*Adam)(nil)
	_ Adaptive  = (*Adam)(nil)
)

// Step implements Optimizer.
func (o *Adam) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.mom.reset(len(x))
	}
	correction1, correction2 := o.mom.advance(o.Beta1, o.Beta2)
	for k, g := range grad {
		o.mom.update(k, g, o.Beta1, o.Beta2)
		mHat := o.mom.m[k] / correction1
		vHat := o.mom.v[k] / correction2
		x[k] -= o.LearningRate * mHat / (math.Sqrt(vHat) + o.Epsilon)
	}
}

// Reset implements Optimizer.
func (o *Adam) Reset() { o.dims = dims{} }

// Internals implements Inspector: the averages m and v.
func (o *Adam) Internals(dst []Vec) []Vec { return o.mom.vecs(o.dims, dst) }

// StepSize implements Adaptive: α/(√v̂ + ε), the factor of m̂.
func (o *Adam) StepSize() [2]float64 {
	return o.dims.pair(func(k int) float64 { return o.mom.rate(o.LearningRate, o.Epsilon, o.mom.v[k]) })
}
