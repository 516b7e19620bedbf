package optim

// Momentum is the heavy-ball method, section 3.4 of the course notes:
//
//	v ← m·v + ∇L(θ)
//	θ ← θ − α·v
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type Momentum struct {
	LearningRate float64 // α
	M            float64 // m, the share of the previous velocity kept

	dims dims
	v    []float64
}

var _ Inspector = (*Momentum)(nil)

// Step implements Optimizer.
func (o *Momentum) Step(x, grad []float64) {
	if o.dims.check(x, grad) {
		o.v = zeroed(o.v, len(x))
	}
	for k, g := range grad {
		o.v[k] = o.M*o.v[k] + g
		x[k] -= o.LearningRate * o.v[k]
	}
}

// Reset implements Optimizer.
func (o *Momentum) Reset() { o.dims = dims{} }

// Internals implements Inspector: the velocity v.
func (o *Momentum) Internals(dst []Vec) []Vec { return append(dst, o.dims.vec("v", o.v)) }
