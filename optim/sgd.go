package optim

// SGD is minibatch stochastic gradient descent, section 3.2 of the course
// notes:
//
//	θ ← θ − α·ĝ,  ĝ = (1/|B|)·Σ_{i∈B} ∇L(x_i, y_i, θ)
//
// for a fresh random minibatch B at every step. The step is gradient
// descent's: what makes it stochastic is the gradient it is given, which
// the caller samples as Sampling asks (see Stochastic). Where a problem has
// no data to sample, the caller adds Gaussian noise of standard deviation
// Sigma to the exact gradient instead, a stand-in for minibatch noise.
//
// The zero value has learning rate 0 and never moves; New fills in defaults.
type SGD struct {
	LearningRate float64 // α
	Batch        int     // |B|, the minibatch size on problems with data
	Sigma        float64 // σ, the gradient noise on problems without data

	dims dims
}

var _ Stochastic = (*SGD)(nil)

// Step implements Optimizer: a gradient descent step on grad, however it
// was sampled.
func (o *SGD) Step(x, grad []float64) {
	o.dims.check(x, grad)
	for k, g := range grad {
		x[k] -= o.LearningRate * g
	}
}

// Reset implements Optimizer.
func (o *SGD) Reset() { o.dims = dims{} }

// Sampling implements Stochastic. A Batch below 1 is reported as 1.
func (o *SGD) Sampling() (batch int, sigma float64) { return max(o.Batch, 1), o.Sigma }
