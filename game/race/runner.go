package race

import (
	"math/rand/v2"

	"descent/optim"
	"descent/problems"
)

// Runner is one optimizer in a race.
type Runner struct {
	ID         int                // index in the race, stable
	Optimizer  string             // registry name, see optim.Specs
	Params     map[string]float64 // every parameter, defaults filled in
	Seed       uint64             // with ID, seeds the random draws: PCG(Seed, ID)
	X, Y       float64            // position; on divergence, the last finite one
	Loss       float64            // the surface's value at (X, Y), always finite
	Status     Status
	StatusStep int // the step at which it converged or diverged; 0 while Running

	// The last step the runner took, for the panel that explains it; all zero
	// before the first step. On the step that diverged they are that step's,
	// so Update may be huge or not finite while X, Y keep the last finite
	// position.
	LastStep int        // its number t, which the bias corrections of Adam and its kin use
	Grad     [2]float64 // the gradient it used: for a stochastic optimizer the sampled one
	From     [2]float64 // where it started, θₜ₋₁
	FullGrad [2]float64 // the exact gradient at From
	Update   [2]float64 // the move it made, θₜ − θₜ₋₁

	opt   optim.Optimizer
	trail trail
	still int        // consecutive steps with gradient norm below ConvergeTol
	loss0 float64    // the loss at the start, for LossGrowth
	pos   [2]float64 // scratch for opt.Step, kept here so stepping does not allocate
	grad  [2]float64
	hess  [4]float64 // the Hessian, row-major, for a second-order optimizer
	// before is the optimizer's state before the last step (optim.Inspector),
	// with room for optim.MaxInternals so that recording it does not allocate.
	before []optim.Vec
	idx    []int      // minibatch indices, for a stochastic optimizer on data
	src    *rand.PCG  // re-seeded on restart, so that a rerun draws the same numbers
	rng    *rand.Rand // draws from src

	// gradHere is the exact gradient at (X, Y) when knowsGrad: a ValueGrader's
	// one pass gives it with the loss, and the next step needs it.
	gradHere  [2]float64
	knowsGrad bool

	// opt's optional interfaces, asserted once: a step is too short to ask
	// every time (wasm has no cheap type assertion).
	stochastic  optim.Stochastic
	inspector   optim.Inspector
	secondOrder optim.SecondOrder
}

// newRunnerFor returns runner id stepping with opt, its random numbers
// seeded PCG(seed, id), keeping trailLen trail points. It is not started.
func newRunnerFor(id int, opt optim.Optimizer, seed uint64, trailLen int) *Runner {
	src := rand.NewPCG(seed, uint64(id))
	r := &Runner{ID: id, Seed: seed, opt: opt, trail: newTrail(trailLen), src: src, rng: rand.New(src),
		before: make([]optim.Vec, 0, optim.MaxInternals)}
	r.stochastic, _ = opt.(optim.Stochastic)
	r.inspector, _ = opt.(optim.Inspector)
	r.secondOrder, _ = opt.(optim.SecondOrder)
	return r
}

// Trail appends the runner's recent positions to dst, oldest first, the
// start included until the trail is full, and returns dst.
func (r *Runner) Trail(dst [][2]float64) [][2]float64 { return r.trail.appendTo(dst, r.trail.size) }

// TrailTail appends the newest k trail points to dst, oldest first (fewer when
// fewer are kept), so that a drawing can extend what it drew before.
func (r *Runner) TrailTail(dst [][2]float64, k int) [][2]float64 { return r.trail.appendTo(dst, k) }

// Losses appends the losses at the trail's points to dst, oldest first: the
// runner's loss curve over the steps the trail keeps. A frame reads them
// through LossRuns, which also gives their ranges.
func (r *Runner) Losses(dst []float64) []float64 { return r.trail.appendLosses(dst) }

// LossRuns calls fn with the losses Losses gives, in order, in runs within a
// block of the trail (lossBlock, 64), each with its least and greatest finite
// loss (+Inf and -Inf when it has none), which the trail keeps while the block
// holds the run: the loss chart's scale needs the extremes of every stored
// loss every frame. The runs are the trail's own memory: fn must neither keep
// nor change them.
func (r *Runner) LossRuns(fn func(losses []float64, lo, hi float64)) { r.trail.lossRuns(fn) }

// TrailCount is how many points were added to the trail since the runner last
// started, including those the bounded trail has since dropped.
func (r *Runner) TrailCount() int { return r.trail.total }

// restart puts the runner at start with a fresh optimizer and its random
// numbers back at the beginning of their stream.
func (r *Runner) restart(s Surface, start [2]float64) {
	r.opt.Reset()
	r.src.Seed(r.Seed, uint64(r.ID))
	r.X, r.Y = start[0], start[1]
	r.Status, r.StatusStep, r.still = Running, 0, 0
	r.LastStep, r.Grad, r.From, r.FullGrad, r.Update = 0, [2]float64{}, [2]float64{}, [2]float64{}, [2]float64{}
	r.before = r.before[:0]
	r.trail.clear()
	var gx, gy float64
	r.Loss, gx, gy = valueGrad(s, start[0], start[1])
	r.knowsGrad = true
	r.gradHere = [2]float64{gx, gy}
	if !finite(r.Loss) || !finite(gx) || !finite(gy) {
		r.Loss = unfiniteLoss
		r.Status = Diverged
	}
	r.trail.push(start, r.Loss)
	r.loss0 = r.Loss
}

// step takes the runner's step number t, the single stepping rule shared by
// Race.Advance and Trajectory. A runner that is not Running does not move.
//
// A stochastic optimizer steps on a sampled gradient (sampledGrad), a
// second-order one is also given the Hessian (hessian). Convergence is
// always judged on the exact gradient, so that noise can neither stop a
// runner early nor hide that it has arrived.
func (r *Runner) step(s Surface, a *arena, t int) {
	if r.Status != Running {
		return
	}
	gx, gy := r.gradHere[0], r.gradHere[1]
	if !r.knowsGrad {
		gx, gy = s.Grad(r.X, r.Y)
	}
	r.pos = [2]float64{r.X, r.Y}
	r.grad = [2]float64{gx, gy}
	if st := r.stochastic; st != nil {
		r.grad = r.sampledGrad(a.sm, st, gx, gy)
	}
	if ins := r.inspector; ins != nil {
		r.before = ins.Internals(r.before[:0])
	}
	if so := r.secondOrder; so != nil {
		hxx, hxy, hyy := hessian(s, a.hs, r.X, r.Y)
		r.hess = [4]float64{hxx, hxy, hxy, hyy}
		so.StepHessian(r.pos[:], r.grad[:], r.hess[:])
	} else {
		r.opt.Step(r.pos[:], r.grad[:])
	}
	x, y := r.pos[0], r.pos[1]
	r.LastStep, r.Grad, r.From, r.FullGrad = t, r.grad, [2]float64{r.X, r.Y}, [2]float64{gx, gy}
	r.Update = [2]float64{x - r.X, y - r.Y}
	var loss, ngx, ngy float64
	known := false
	ok := finite4(gx, gy, x, y) && a.contains(x, y)
	if ok {
		if a.vg != nil { // value and gradient in one pass, the gradient kept for the next step
			loss, ngx, ngy = a.vg.ValueGrad(x, y)
			known = true
		} else {
			loss = s.Value(x, y)
		}
		ok = finite(loss) && !grownTooMuch(loss, r.loss0)
	}
	if !ok {
		// Keep the last finite position and loss: the optimizer's state is
		// spoiled, but the runner is frozen from now on.
		r.Status, r.StatusStep = Diverged, t
		return
	}
	r.X, r.Y, r.Loss = x, y, loss
	r.gradHere, r.knowsGrad = [2]float64{ngx, ngy}, known
	r.trail.push(r.pos, loss)

	if gx*gx+gy*gy < ConvergeTol*ConvergeTol {
		r.still++
	} else {
		r.still = 0
	}
	if r.still >= ConvergeSteps {
		r.Status, r.StatusStep = Converged, t
	}
}

// ValueGrader is implemented by a Surface that computes its value and exact
// gradient in one pass (an expression does): a step then evaluates the
// surface once, not twice, and gets the same numbers.
type ValueGrader interface {
	ValueGrad(x, y float64) (v, gx, gy float64)
}

// valueGrad returns s's value and gradient at (x, y), in one pass where s is
// a ValueGrader.
func valueGrad(s Surface, x, y float64) (v, gx, gy float64) {
	if vg, ok := s.(ValueGrader); ok {
		return vg.ValueGrad(x, y)
	}
	v = s.Value(x, y)
	gx, gy = s.Grad(x, y)
	return v, gx, gy
}

// sampledGrad returns the gradient a stochastic optimizer steps on at the
// runner's position, where (gx, gy) is the exact one: on a Sampler with data,
// the gradient over a random minibatch of the optimizer's batch size (capped
// at the number of points, where it is the full gradient); elsewhere the
// exact gradient plus independent Gaussian noise of the optimizer's sigma on
// each coordinate, x's drawn first. The first minibatch allocates the index
// scratch; after that it does not allocate.
// sm is the surface as a Sampler, nil when it is not one.
func (r *Runner) sampledGrad(sm Sampler, st optim.Stochastic, gx, gy float64) [2]float64 {
	batch, sigma := st.Sampling()
	if sm != nil {
		if n := sm.DataLen(); n > 0 {
			b := min(max(batch, 1), n)
			if cap(r.idx) < b {
				r.idx = make([]int, b)
			}
			sx, sy := sm.SampleGrad(r.idx[:b], r.X, r.Y, r.rng)
			return [2]float64{sx, sy}
		}
	}
	if sigma > 0 {
		gx += sigma * r.rng.NormFloat64()
		gy += sigma * r.rng.NormFloat64()
	}
	return [2]float64{gx, gy}
}

// hessian returns s's Hessian at (x, y): its own if it is a Hessianer (h,
// nil when it is not), central differences of its exact gradient otherwise.
func hessian(s Surface, h Hessianer, x, y float64) (hxx, hxy, hyy float64) {
	if h != nil {
		return h.Hessian(x, y)
	}
	return problems.CentralHessian(s.Grad, x, y)
}

// Internals appends the optimizer's state after the last step to dst, named
// as in the notes ("v"; "s"; "m", "v"; …; see optim.Inspector), and returns
// it; nothing for an optimizer without state. It does not allocate when dst
// has room for optim.MaxInternals vectors.
func (r *Runner) Internals(dst []optim.Vec) []optim.Vec {
	if ins, ok := r.opt.(optim.Inspector); ok {
		return ins.Internals(dst)
	}
	return dst
}

// InternalsBefore is Internals as it was before the last step: empty before
// the first.
func (r *Runner) InternalsBefore(dst []optim.Vec) []optim.Vec { return append(dst, r.before...) }

// StepSize returns the per-coordinate step size of the last step for an
// adaptive optimizer (optim.Adaptive), such as Adagrad's α/√(s+ε), and
// whether the optimizer has one.
func (r *Runner) StepSize() ([2]float64, bool) {
	if ad, ok := r.opt.(optim.Adaptive); ok {
		return ad.StepSize(), true
	}
	return [2]float64{}, false
}
