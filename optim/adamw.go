package optim

import "math"

// AdamW is Adam with decoupled weight decay: every coordinate is pulled
// towards zero in proportion to its value, outside Adam's per-coordinate
// scaling, instead of adding λ·θ to the gradient where that scaling would
// weaken it for coordinates with large gradients (Loshchilov & Hutter,
// "Decoupled Weight Decay Regularization", ICLR 2019, Algorithm 2). At step t:
//
//	m_k ← β₁·m_k + (1−β₁)·∇_k L
//	v_k ← β₂·v_k + (1−β₂)·(∇_k L)²
//	m̂_k = m_k/(1−β₁ᵗ),  v̂_k = v_k/(1−β₂ᵗ)
//	θ_k ← θ_k − α·(m̂_k/(√v̂_k + ε) + λ·θ_k)
//
// with θ_k on the right its value before the step. The paper multiplies the
// bracket by a schedule η_t and writes the decay as λ·θ without α; this is
// PyTorch's AdamW convention, η_t = 1 and the decay scaled by α, so that λ
// means the same at every learning rate. With λ = 0 it is Adam.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type AdamW struct {
	LearningRate float64 // α
	Beta1        float64 // β₁, how slowly the gradient average forgets
	Beta2        float64 // β₂, how slowly the squared-gradient average forgets
	Epsilon      float64 // ε, keeps the division finite
	WeightDecay  float64 // λ, the pull towards zero per unit of α

	dims dims
	mom  moments
}

var (
	_ Inspector = (*AdamW)(nil)
	_ Adaptive  = (*AdamW)(nil)
)

// Step implements Optimizer.
func (o *AdamW) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.mom.reset(len(x))
	}
	correction1, correction2 := o.mom.advance(o.Beta1, o.Beta2)
	for k, g := range grad {
		o.mom.update(k, g, o.Beta1, o.Beta2)
		mHat := o.mom.m[k] / correction1
		vHat := o.mom.v[k] / correction2
		x[k] -= o.LearningRate * (mHat/(math.Sqrt(vHat)+o.Epsilon) + o.WeightDecay*x[k])
	}
}

// Reset implements Optimizer.
func (o *AdamW) Reset() { o.dims = dims{} }

// Internals implements Inspector: the averages m and v.
func (o *AdamW) Internals(dst []Vec) []Vec { return o.mom.vecs(o.dims, dst) }

// StepSize implements Adaptive: α/(√v̂ + ε), the factor of m̂.
func (o *AdamW) StepSize() [2]float64 {
	return o.dims.pair(func(k int) float64 { return o.mom.rate(o.LearningRate, o.Epsilon, o.mom.v[k]) })
}
