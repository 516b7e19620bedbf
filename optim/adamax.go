package optim

import "math"

// Adamax is Adam with the root mean square of the gradients replaced by an
// exponentially weighted infinity norm (Kingma & Ba, "Adam: A Method for
// Stochastic Optimization", ICLR 2015, §7.1, Algorithm 2). At step t:
//
//	m_k ← β₁·m_k + (1−β₁)·∇_k L
//	u_k ← max(β₂·u_k, |∇_k L|)
//	θ_k ← θ_k − α/(1−β₁ᵗ) · m_k/(u_k + ε)
//
// u needs no bias correction: it starts at 0 but takes the first |∇L| at
// once. The paper has no ε; it is added to u, as in Keras, so that a
// coordinate whose gradients have all been 0 (m = u = 0) stays put instead of
// becoming NaN. PyTorch puts it inside the max instead, max(β₂·u, |∇L|+ε);
// the two differ by less than ε in the denominator.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type Adamax struct {
	LearningRate float64 // α
	Beta1        float64 // β₁, how slowly the gradient average forgets
	Beta2        float64 // β₂, how slowly the remembered largest |∇L| fades
	Epsilon      float64 // ε, keeps the division finite

	dims   dims
	beta1t float64 // β₁ᵗ, kept as a running product as in Adam
	m, u   []float64
}

var (
	_ Inspector = (*Adamax)(nil)
	_ Adaptive  = (*Adamax)(nil)
)

// Step implements Optimizer.
func (o *Adamax) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.m = zeroed(o.m, len(x))
		o.u = zeroed(o.u, len(x))
		o.beta1t = 1
	}
	o.beta1t *= o.Beta1
	stepSize := o.LearningRate / (1 - o.beta1t)
	for k, g := range grad {
		o.m[k] = o.Beta1*o.m[k] + (1-o.Beta1)*g
		o.u[k] = math.Max(o.Beta2*o.u[k], math.Abs(g))
		x[k] -= stepSize * o.m[k] / (o.u[k] + o.Epsilon)
	}
}

// Reset implements Optimizer.
func (o *Adamax) Reset() { o.dims = dims{} }

// Internals implements Inspector: the average m and the weighted maximum u.
func (o *Adamax) Internals(dst []Vec) []Vec {
	return append(dst, o.dims.vec("m", o.m), o.dims.vec("u", o.u))
}

// StepSize implements Adaptive: α/(1−β₁ᵗ)/(u + ε), the factor of m.
func (o *Adamax) StepSize() [2]float64 {
	return o.dims.pair(func(k int) float64 { return o.LearningRate / (1 - o.beta1t) / (o.u[k] + o.Epsilon) })
}
