package optim

// Vec is one named quantity of an optimizer's state in a plane: the first two
// coordinates of a state vector, named as in the course notes or the paper
// the optimizer cites ("v" for momentum's velocity, "s" for Adagrad's sum,
// "m" and "v" for Adam's averages, …).
type Vec struct {
	Name string
	X    [2]float64
}

// MaxInternals is the most vectors any optimizer's Internals appends (AMSGrad's
// m, v and vmax), so that a caller can keep a buffer that never grows.
const MaxInternals = 3

// Inspector is an optimizer whose state can be shown, for the panel that
// explains each step.
type Inspector interface {
	Optimizer
	// Internals appends the optimizer's state vectors, as they are after the
	// last Step, to dst and returns it; before the first Step since
	// construction or Reset the state is all zeros. It appends at most
	// MaxInternals vectors and does not allocate when dst has room for them.
	Internals(dst []Vec) []Vec
}

// Adaptive is an optimizer that gives every coordinate a step size of its
// own, the notes' Figure 4 point: α/√(s+ε) for Adagrad and RMSProp.
type Adaptive interface {
	Optimizer
	// StepSize returns the per-coordinate factor of the last Step: the
	// update of coordinate k was −StepSize()[k] times the gradient for
	// Adagrad, RMSProp and Adadelta, times m̂ for Adam and AMSGrad (AdamW
	// adds its decay −α·λ·θ), m̄ for NAdam and m for Adamax. It is 0 before
	// the first Step.
	StepSize() [2]float64
}

// vec returns the first two coordinates of s, zeros where s is shorter or the
// optimizer has not stepped since construction or Reset (its state vectors
// are then stale or nil).
func (d dims) vec(name string, s []float64) Vec {
	v := Vec{Name: name}
	if d.set {
		copy(v.X[:], s)
	}
	return v
}

// pair returns f(k) for the first two coordinates, zeros where there are fewer
// or before the first Step.
func (d dims) pair(f func(k int) float64) [2]float64 {
	var out [2]float64
	if !d.set {
		return out
	}
	for k := range min(d.n, 2) {
		out[k] = f(k)
	}
	return out
}
