package optim

// GD is plain gradient descent, section 3.1 of the course notes:
//
//	θ ← θ − α·∇L(θ)
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type GD struct {
	LearningRate float64 // α

	dims dims
}

var _ Optimizer = (*GD)(nil)

// Step implements Optimizer.
func (o *GD) Step(x, grad []float64) {
	o.dims.check(x, grad)
	for k, g := range grad {
		x[k] -= o.LearningRate * g
	}
}

// Reset implements Optimizer.
func (o *GD) Reset() { o.dims = dims{} }
