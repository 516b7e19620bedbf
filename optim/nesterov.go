package optim

// Nesterov is Nesterov's accelerated gradient (Nesterov, "A method for
// solving the convex programming problem with convergence rate O(1/k²)",
// Soviet Math. Doklady 27, 1983) in the heavy-ball convention of section 3.4
// of the course notes: the gradient is taken where the velocity is about to
// carry the point,
//
//	v ← m·v + ∇L(θ − α·m·v)
//	θ ← θ − α·v
//
// Step only receives the gradient at the point it is given, so Nesterov
// moves the look-ahead point φ = θ − α·m·v instead of θ (Sutskever, Martens,
// Dahl & Hinton, "On the importance of initialization and momentum in deep
// learning", ICML 2013, §3; Bengio, Boulanger-Lewandowski & Pascanu,
// "Advances in optimizing recurrent networks", ICASSP 2013, eq. 7). This is
// the form of PyTorch's SGD with nesterov=True and dampening 0:
//
//	v ← m·v + ∇L(φ)
//	φ ← φ − α·(∇L(φ) + m·v)
//
// The two are the same iteration. Write g = ∇L(φ) and v, v' for the
// velocity before and after a step; both forms compute v' = m·v + g. The
// notes' θ' = θ − α·v' with θ = φ + α·m·v gives
// φ' = θ' − α·m·v' = φ + α·m·v − α·(1+m)·v' = φ − α·(g + m·v'),
// because v' − m·v = g. The velocity starts at 0, so φ₀ = θ₀, and after every
// step x holds φ_t = θ_t − α·m·v_t: the notes' point moved by the look-ahead,
// with the same velocities, gradients and limit.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type Nesterov struct {
	LearningRate float64 // α
	M            float64 // m, the share of the previous velocity kept

	dims dims
	v    []float64
}

var _ Inspector = (*Nesterov)(nil)

// Step implements Optimizer.
func (o *Nesterov) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.v = zeroed(o.v, len(x))
	}
	for k, g := range grad {
		o.v[k] = o.M*o.v[k] + g
		x[k] -= o.LearningRate * (g + o.M*o.v[k])
	}
}

// Reset implements Optimizer.
func (o *Nesterov) Reset() { o.dims = dims{} }

// Internals implements Inspector: the velocity v.
func (o *Nesterov) Internals(dst []Vec) []Vec { return append(dst, o.dims.vec("v", o.v)) }
