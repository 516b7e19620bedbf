package optim

import "math"

// NAdam is Adam with Nesterov momentum: the momentum part of the step uses
// the average the next step will start from, m/(1−β₁ᵗ⁺¹), and the gradient
// part is the new gradient bias-corrected on its own (Dozat, "Incorporating
// Nesterov Momentum into Adam", ICLR 2016 workshop, Algorithm 2). At step t:
//
//	m_k ← β₁·m_k + (1−β₁)·∇_k L
//	v_k ← β₂·v_k + (1−β₂)·(∇_k L)²
//	m̄_k = β₁·m_k/(1−β₁ᵗ⁺¹) + (1−β₁)·∇_k L/(1−β₁ᵗ)
//	v̂_k = v_k/(1−β₂ᵗ)
//	θ_k ← θ_k − α·m̄_k/(√v̂_k + ε)
//
// This is Algorithm 2 with a constant momentum μ_t = β₁, without the paper's
// warming schedule μ_t = β₁·(1 − ½·0.96^(ψ·t)), ψ = 0.004, which PyTorch and
// Keras apply: over a race of a few hundred steps that schedule keeps μ_t
// near β₁/2, so their NAdam would have about half the momentum its β₁ says.
// Like Optax's nadam, with which this form agrees, v̂ is Adam's, without the
// extra factor β₂ of the paper's n̂. Unlike Adam the first step is not α but
// α·(1 + β₁/(1+β₁)), about 1.47·α with the defaults: the momentum part
// already counts the first gradient, which the next step will reuse.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type NAdam struct {
	LearningRate float64 // α
	Beta1        float64 // β₁, how slowly the gradient average forgets
	Beta2        float64 // β₂, how slowly the squared-gradient average forgets
	Epsilon      float64 // ε, keeps the division finite

	dims dims
	mom  moments
}

var (
	_ Inspector = (*NAdam)(nil)
	_ Adaptive  = (*NAdam)(nil)
)

// Step implements Optimizer.
func (o *NAdam) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.mom.reset(len(x))
	}
	correction1, correction2 := o.mom.advance(o.Beta1, o.Beta2)
	nextCorrection1 := 1 - o.mom.beta1t*o.Beta1 // 1−β₁ᵗ⁺¹
	for k, g := range grad {
		o.mom.update(k, g, o.Beta1, o.Beta2)
		mBar := o.Beta1*o.mom.m[k]/nextCorrection1 + (1-o.Beta1)*g/correction1
		vHat := o.mom.v[k] / correction2
		x[k] -= o.LearningRate * mBar / (math.Sqrt(vHat) + o.Epsilon)
	}
}

// Reset implements Optimizer.
func (o *NAdam) Reset() { o.dims = dims{} }

// Internals implements Inspector: the averages m and v.
func (o *NAdam) Internals(dst []Vec) []Vec { return o.mom.vecs(o.dims, dst) }

// StepSize implements Adaptive: α/(√v̂ + ε), the factor of m̄.
func (o *NAdam) StepSize() [2]float64 {
	return o.dims.pair(func(k int) float64 { return o.mom.rate(o.LearningRate, o.Epsilon, o.mom.v[k]) })
}
