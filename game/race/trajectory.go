package race

import (
	"fmt"

	"descent/optim"
)

// Trajectory runs opt, after a Reset, for steps steps from start on s, with
// the same stepping rule as Race.Advance and the random numbers of seed 0
// (see TrajectoryEntry). points[i] and losses[i] are the position and loss
// after i steps, points[0] being start; both have steps+1 elements, except
// that on divergence they end at the last finite point. After convergence
// the runner stands still, so the remaining points repeat its final
// position. s's bounds should form a finite, non-empty box, as New requires.
// It panics if start is not finite or steps is negative.
func Trajectory(s Surface, opt optim.Optimizer, start [2]float64, steps int) (points [][2]float64, losses []float64, status Status, statusStep int) {
	if steps < 0 {
		panic(fmt.Sprintf("race: Trajectory of %d steps, want 0 or more", steps))
	}
	if !finite(start[0]) || !finite(start[1]) {
		panic(fmt.Sprintf("race: Trajectory from (%v, %v), want finite coordinates", start[0], start[1]))
	}
	return trajectory(s, newRunnerFor(0, opt, 0, 0), start, steps)
}

// TrajectoryEntry is Trajectory for the optimizer, parameters and seed of e:
// the path of runner 0 in a race whose first entry is e, bit for bit. Where
// Trajectory panics, and for an entry New would refuse, it returns an error
// instead, since these come from a user.
func TrajectoryEntry(s Surface, e Entry, start [2]float64, steps int) (points [][2]float64, losses []float64, status Status, statusStep int, err error) {
	if steps < 0 {
		return nil, nil, 0, 0, fmt.Errorf("race: trajectory of %d steps, want 0 or more", steps)
	}
	if err := checkSurface(s, start); err != nil {
		return nil, nil, 0, 0, err
	}
	rn, err := newRunner(0, e, 0)
	if err != nil {
		return nil, nil, 0, 0, fmt.Errorf("race: trajectory (%s): %w", e.Optimizer, err)
	}
	points, losses, status, statusStep = trajectory(s, rn, start, steps)
	return points, losses, status, statusStep, nil
}

// trajectory restarts r at start and records its path for steps steps.
func trajectory(s Surface, r *Runner, start [2]float64, steps int) (points [][2]float64, losses []float64, status Status, statusStep int) {
	r.restart(s, start)
	points = make([][2]float64, 1, steps+1)
	losses = make([]float64, 1, steps+1)
	points[0], losses[0] = start, r.Loss
	a := arenaOf(s)
	for t := 1; t <= steps && r.Status != Diverged; t++ {
		r.step(s, &a, t)
		if r.Status == Diverged {
			break
		}
		points = append(points, [2]float64{r.X, r.Y})
		losses = append(losses, r.Loss)
	}
	return points, losses, r.Status, r.StatusStep
}
