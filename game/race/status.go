package race

import (
	"fmt"
	"math"
)

// Status is where a runner stands in the race.
type Status int

const (
	Running   Status = iota // still stepping
	Converged               // the gradient stayed below ConvergeTol for ConvergeSteps steps
	Diverged                // left the finite numbers, the domain by DivergeWidths, or grew its loss by LossGrowth
)

func (s Status) String() string {
	switch s {
	case Running:
		return "running"
	case Converged:
		return "converged"
	case Diverged:
		return "diverged"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// The status rules, the same for every optimizer.
const (
	// ConvergeTol is the gradient norm below which a step counts as still. It
	// is absolute, not relative to the start: the problems are scaled so
	// their interesting gradients are of order 1, and an absolute threshold
	// means the same thing for every runner in a race.
	ConvergeTol = 1e-6
	// ConvergeSteps is how many consecutive still steps make a runner
	// Converged. One is not enough: momentum methods pass through points of
	// tiny gradient at speed.
	ConvergeSteps = 10
	// DivergeWidths is how many of the domain's widths (heights, for y) a
	// runner may go beyond its edges before it counts as Diverged: far enough
	// that an overshooting runner can still come back, near enough to stop it
	// long before its numbers overflow.
	DivergeWidths = 100
	// LossGrowth bounds how much a runner's loss may grow over its start's,
	// relative to max(1, |start loss|), before it counts as Diverged: a run
	// whose loss has grown ten orders of magnitude has left the surface behind
	// even where the domain is wide (Goldstein–Price with Lion at α = 10 reached
	// 3·10¹⁶ inside the old bound).
	LossGrowth = 1e10
)

// unfiniteLoss stands in for the loss at a start where the surface is not
// finite, since Loss must always hold a finite number.
const unfiniteLoss = math.MaxFloat64

// arena is what a run of steps needs of its surface, worked out once: the
// region a runner may roam before it counts as Diverged (the domain widened
// by DivergeWidths of its width and height on every side), and the surface as
// each of the interfaces a step may use, nil where it is not one. Asserted at
// every step, ValueGrader alone was some 15% of trajectory()'s time in wasm
// (runtime.getitab and its table).
type arena struct {
	xmin, xmax, ymin, ymax float64
	vg                     ValueGrader
	sm                     Sampler
	hs                     Hessianer
}

func arenaOf(s Surface) arena {
	xmin, xmax, ymin, ymax := s.Bounds()
	w, h := DivergeWidths*(xmax-xmin), DivergeWidths*(ymax-ymin)
	a := arena{xmin: xmin - w, xmax: xmax + w, ymin: ymin - h, ymax: ymax + h}
	a.vg, _ = s.(ValueGrader)
	a.sm, _ = s.(Sampler)
	a.hs, _ = s.(Hessianer)
	return a
}

func (a *arena) contains(x, y float64) bool {
	return a.xmin <= x && x <= a.xmax && a.ymin <= y && y <= a.ymax
}

// grownTooMuch reports whether a loss has grown by more than LossGrowth over
// the start's loss0.
// loss0 is finite, so the plain comparison below is math.Max(1, |loss0|),
// without its NaN and signed-zero cases, which cost wasm a branch each.
func grownTooMuch(loss, loss0 float64) bool {
	scale := math.Abs(loss0)
	if scale < 1 {
		scale = 1
	}
	return loss-loss0 > LossGrowth*scale
}

// finite reports whether v is neither infinite nor NaN: v − v is 0 then, and
// NaN otherwise, one comparison where IsNaN and IsInf are branches (wasm pays
// for each, and a step checks every coordinate).
func finite(v float64) bool { return v-v == 0 }

// finite4 is finite for four values at once.
func finite4(a, b, c, d float64) bool { return (a-a)+(b-b)+(c-c)+(d-d) == 0 }
