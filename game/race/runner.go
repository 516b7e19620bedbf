package race

import "descent/optim"

// Runner is one optimizer in a race.
type Runner struct {
	ID         int                // index in the race, stable
	Optimizer  string             // registry name, see optim.Specs
	Params     map[string]float64 // every parameter, defaults filled in
	X, Y       float64            // position; on divergence, the last finite one
	Loss       float64            // the surface's value at (X, Y), always finite
	Status     Status
	StatusStep int // the step at which it converged or diverged; 0 while Running

	opt   optim.Optimizer
	trail trail
	still int        // consecutive steps with gradient norm below ConvergeTol
	pos   [2]float64 // scratch for opt.Step, kept here so stepping does not allocate
	grad  [2]float64
}

// Trail appends the runner's recent positions to dst, oldest first, the
// start included until the trail is full, and returns dst.
func (r *Runner) Trail(dst [][2]float64) [][2]float64 { return r.trail.appendTo(dst, r.trail.size) }

// TrailTail appends the newest k trail points to dst, oldest first (fewer when
// fewer are kept), so that a drawing can extend what it drew before.
func (r *Runner) TrailTail(dst [][2]float64, k int) [][2]float64 { return r.trail.appendTo(dst, k) }

// TrailCount is how many points were added to the trail since the runner last
// started, including those the bounded trail has since dropped.
func (r *Runner) TrailCount() int { return r.trail.total }

// restart puts the runner at start with a fresh optimizer.
func (r *Runner) restart(s Surface, start [2]float64) {
	r.opt.Reset()
	r.X, r.Y = start[0], start[1]
	r.Status, r.StatusStep, r.still = Running, 0, 0
	r.trail.clear()
	r.trail.push(start)
	r.Loss = s.Value(start[0], start[1])
	if gx, gy := s.Grad(start[0], start[1]); !finite(r.Loss) || !finite(gx) || !finite(gy) {
		r.Loss = unfiniteLoss
		r.Status = Diverged
	}
}

// step takes the runner's step number t, the single stepping rule shared by
// Race.Advance and Trajectory. A runner that is not Running does not move.
func (r *Runner) step(s Surface, a arena, t int) {
	if r.Status != Running {
		return
	}
	gx, gy := s.Grad(r.X, r.Y)
	r.pos = [2]float64{r.X, r.Y}
	r.grad = [2]float64{gx, gy}
	r.opt.Step(r.pos[:], r.grad[:])
	x, y := r.pos[0], r.pos[1]
	var loss float64
	ok := finite(gx) && finite(gy) && finite(x) && finite(y) && a.contains(x, y)
	if ok {
		loss = s.Value(x, y)
		ok = finite(loss)
	}
	if !ok {
		// Keep the last finite position and loss: the optimizer's state is
		// spoiled, but the runner is frozen from now on.
		r.Status, r.StatusStep = Diverged, t
		return
	}
	r.X, r.Y, r.Loss = x, y, loss
	r.trail.push(r.pos)

	if gx*gx+gy*gy < ConvergeTol*ConvergeTol {
		r.still++
	} else {
		r.still = 0
	}
	if r.still >= ConvergeSteps {
		r.Status, r.StatusStep = Converged, t
	}
}
