package optim

import "math"

// AMSGrad is Adam whose average of squared gradients, as used in the step,
// never decreases (Reddi, Kale & Kumar, "On the Convergence of Adam and
// Beyond", ICLR 2018, Algorithm 2). The variant here is PyTorch's
// Adam(amsgrad=True): the maximum is taken over the raw, uncorrected v and
// then divided by Adam's bias correction, with constant α and β₁. At step t:
//
//	m_k ← β₁·m_k + (1−β₁)·∇_k L
//	v_k ← β₂·v_k + (1−β₂)·(∇_k L)²
//	vmax_k ← max(vmax_k, v_k)
//	m̂_k = m_k/(1−β₁ᵗ),  v̂_k = vmax_k/(1−β₂ᵗ)
//	θ_k ← θ_k − α·m̂_k/(√v̂_k + ε)
//
// The paper's Algorithm 2 has no bias correction or ε and lets α and β₁
// decay with t (α/√t in its analysis). Without the correction the first
// steps would be (1−β₁)/√(1−β₂) ≈ 3.16 times too short, as in uncorrected
// Adam; with it, AMSGrad matches Adam exactly until v first decreases.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type AMSGrad struct {
	LearningRate float64 // α
	Beta1        float64 // β₁, how slowly the gradient average forgets
	Beta2        float64 // β₂, how slowly the squared-gradient average forgets
	Epsilon      float64 // ε, keeps the division finite

	dims    dims
	mom     moments
	maxSeen []float64 // the largest v of each coordinate so far
}

var (
	_ Inspector = (*AMSGrad)(nil)
	_ Adaptive  = (*AMSGrad)(nil)
)

// Step implements Optimizer.
func (o *AMSGrad) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.mom.reset(len(x))
		o.maxSeen = zeroed(o.maxSeen, len(x))
	}
	correction1, correction2 := o.mom.advance(o.Beta1, o.Beta2)
	for k, g := range grad {
		o.mom.update(k, g, o.Beta1, o.Beta2)
		o.maxSeen[k] = math.Max(o.maxSeen[k], o.mom.v[k])
		mHat := o.mom.m[k] / correction1
		vHat := o.maxSeen[k] / correction2
		x[k] -= o.LearningRate * mHat / (math.Sqrt(vHat) + o.Epsilon)
	}
}

// Reset implements Optimizer.
func (o *AMSGrad) Reset() { o.dims = dims{} }

// Internals implements Inspector: the averages m and v, and vmax.
func (o *AMSGrad) Internals(dst []Vec) []Vec {
	return append(o.mom.vecs(o.dims, dst), o.dims.vec("vmax", o.maxSeen))
}

// StepSize implements Adaptive: α/(√v̂ + ε) with v̂ = vmax/(1−β₂ᵗ), the factor of m̂.
func (o *AMSGrad) StepSize() [2]float64 {
	return o.dims.pair(func(k int) float64 { return o.mom.rate(o.LearningRate, o.Epsilon, o.maxSeen[k]) })
}
