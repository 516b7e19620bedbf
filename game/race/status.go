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
	Diverged                // left the finite numbers or flew beyond DivergeFactor
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
	// DivergeFactor times the domain's half-diagonal is how far from the
	// domain's centre a runner may go before it counts as Diverged. Far
	// enough that an overshooting runner can still come back, near enough
	// to stop it before its numbers overflow.
	DivergeFactor = 1e3
)

// unfiniteLoss stands in for the loss at a start where the surface is not
// finite, since Loss must always hold a finite number.
const unfiniteLoss = math.MaxFloat64

// arena is the region a runner may roam before it counts as Diverged.
type arena struct {
	cx, cy, radius2 float64 // centre and squared radius
}

func arenaOf(s Surface) arena {
	xmin, xmax, ymin, ymax := s.Bounds()
	halfDiagonal := math.Hypot(xmax-xmin, ymax-ymin) / 2
	r := DivergeFactor * halfDiagonal
	return arena{cx: (xmin + xmax) / 2, cy: (ymin + ymax) / 2, radius2: r * r}
}

func (a arena) contains(x, y float64) bool {
	dx, dy := x-a.cx, y-a.cy
	return dx*dx+dy*dy <= a.radius2
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
