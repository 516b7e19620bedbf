package control

import (
	"descent/game/legend"
	"descent/game/race"
	"descent/game/view"
	"descent/optim"
)

// RunnerState is one runner as the JS API reports it.
type RunnerState struct {
	ID         int
	Optimizer  string
	Display    string
	Color      string
	Params     map[string]float64 // every parameter, defaults included
	X          [2]float64
	Loss       float64
	Status     race.Status
	StatusStep int // the step of the status change; 0 while running
	// The last step, exactly (race.Runner's fields; see explain.Step):
	// zeros before the first step (LastStep 0).
	LastStep    int
	Grad        [2]float64  // the gradient it used: for SGD the sampled one
	FullGrad    [2]float64  // the exact gradient where it started
	Update      [2]float64  // θₖ − θₖ₋₁
	Internals   []optim.Vec // the optimizer's state after the step, named as in the notes
	StepSize    [2]float64  // the per-coordinate step size, for an adaptive optimizer
	HasStepSize bool
}

// ReferenceState is where the L-BFGS reference path is at the current step.
type ReferenceState struct {
	X           [2]float64
	Loss        float64
	Iteration   int    // major iterations so far
	Iterations  int    // major iterations in the path known so far: the whole path once Status is set
	Evaluations int    // function evaluations so far
	Status      string // why the path ended; "" while it is still being computed
}

// State is a snapshot for the JS API: plain values, shared with nothing.
type State struct {
	Scene     string
	Problem   string
	Expr      string
	Hash      string
	Step      int
	Paused    bool
	Speed     int
	Start     [2]float64
	View      [4]float64 // the world rectangle on screen: xmin, xmax, ymin, ymax
	Runners   []RunnerState
	Notes     []string
	Reference *ReferenceState // nil when the reference path is not shown
	Tuning    float64         // the α sweep's progress, 0 to 1; -1 when none runs
	Arrows    bool            // the runners' last steps are drawn as arrows
	Follow    int             // the runner the explain panel follows, from 0; -1 for none

	BiasVariance *SceneState // the bias–variance scene; nil in the race
}

// State returns a snapshot of the scene.
func (c *Controller) State() State {
	x0, x1, y0, y1 := c.field.Bounds()
	st := State{
		Scene:   c.cfg.Scene,
		Problem: c.problem.Name,
		Expr:    c.cfg.Expr,
		Hash:    c.cfg.Hash(),
		Step:    c.race.Step,
		Paused:  c.cfg.Paused,
		Speed:   c.cfg.Speed,
		Start:   c.race.Start,
		View:    [4]float64{x0, x1, y0, y1},
		Notes:   c.Notes(),
		Tuning:  -1,
		Arrows:  c.cfg.Arrows,
		Follow:  -1,
	}
	if r := c.followed(); r != nil {
		st.Follow = r.ID
	}
	if t, ok := c.Tuning(); ok {
		st.Tuning = t
	}
	st.BiasVariance = c.sceneState()
	if c.ref != nil {
		p := &c.ref.Path
		k := c.referenceIteration()
		st.Reference = &ReferenceState{
			X: p.Points[k], Loss: p.Losses[k], Iteration: k,
			Iterations: len(p.Points) - 1, Evaluations: p.Evaluations[k], Status: p.Status,
		}
	}
	for _, r := range c.race.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		params := make(map[string]float64, len(r.Params))
		for k, v := range r.Params {
			params[k] = v
		}
		st.Runners = append(st.Runners, RunnerState{
			ID: r.ID, Optimizer: r.Optimizer, Display: spec.Display,
			Color:  view.CSS(view.RunnerColor(r.ID)),
			Params: params, X: [2]float64{r.X, r.Y}, Loss: r.Loss,
			Status: r.Status, StatusStep: r.StatusStep,
			LastStep: r.LastStep, Grad: r.Grad, FullGrad: r.FullGrad, Update: r.Update,
			Internals: r.Internals(nil),
		})
		last := &st.Runners[len(st.Runners)-1]
		last.StepSize, last.HasStepSize = r.StepSize()
	}
	return st
}

// divergenceNote explains why a runner stopped and what to change.
func divergenceNote(r *race.Runner) string { return legend.DivergenceNote(r) }
