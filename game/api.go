//go:build js && wasm

package game

import (
	"fmt"
	"math"
	"strings"

	"descent/game/config"
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
	Params     map[string]float64
	X          [2]float64
	Loss       float64
	Status     string
	StatusStep int // the step of the status change; 0 while running
}

// State is a snapshot of the race for the JS API.
type State struct {
	Problem string
	Expr    string
	Hash    string
	Step    int
	Paused  bool
	Speed   int
	Start   [2]float64
	View    [4]float64 // the world rectangle on screen: xmin, xmax, ymin, ymax
	Runners []RunnerState
	Notes   []string
	// Reference is the L-BFGS path's point at the current step, when shown.
	Reference *ReferenceState
}

// ReferenceState is where the L-BFGS reference path is at the current step.
type ReferenceState struct {
	X           [2]float64
	Loss        float64
	Iteration   int // major iterations so far
	Iterations  int // major iterations in the whole path
	Evaluations int // function evaluations so far
	Status      string
}

// State returns a snapshot of the race.
func (g *Game) State() State {
	g.mu.Lock()
	defer g.mu.Unlock()
	st := State{
		Problem: g.problem.Name,
		Expr:    g.cfg.Expr,
		Hash:    g.cfg.Hash(),
		Step:    g.race.Step,
		Paused:  g.cfg.Paused,
		Speed:   g.cfg.Speed,
		Start:   g.race.Start,
		View:    bounds(g.view),
		Notes:   append([]string(nil), g.notes...),
	}
	if g.ghost != nil {
		k := legend.GhostIteration(g.ghost, g.race.Step)
		st.Reference = &ReferenceState{
			X: g.ghost.Points[k], Loss: g.ghost.Losses[k], Iteration: k,
			Iterations: len(g.ghost.Points) - 1, Evaluations: g.ghost.Evaluations[k], Status: g.ghost.Status,
		}
	}
	for _, r := range g.race.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		st.Runners = append(st.Runners, RunnerState{
			ID:         r.ID,
			Optimizer:  r.Optimizer,
			Display:    spec.Display,
			Color:      view.CSS(view.RunnerColor(r.ID)),
			Params:     r.Params,
			X:          [2]float64{r.X, r.Y},
			Loss:       r.Loss,
			Status:     r.Status.String(),
			StatusStep: r.StatusStep,
		})
	}
	return st
}

func bounds(v view.View) [4]float64 {
	x0, x1, y0, y1 := v.Bounds()
	return [4]float64{x0, x1, y0, y1}
}

// Config returns a copy of the current config.
func (g *Game) Config() config.Config {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.cfg.Clone()
}

// Configure applies a URL-hash string over the current config and returns the
// problems found in it (empty when everything applied).
func (g *Game) Configure(hash string) []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	cfg, errs := config.Apply(g.cfg, hash)
	g.apply(cfg, errs)
	return append([]string{}, g.notes...)
}

// Notify shows a note about input that was refused before it reached the config,
// and shows the config again so the refused value is replaced by the kept one.
func (g *Game) Notify(note string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.notes = append(g.notes[:0], note)
	g.changed()
}

// tuneSteps is how long each trial of TuneLearningRates runs.
const tuneSteps = 300

// TuneLearningRates sets each runner's α to the rate of race.TuneGrid that
// leaves its loss lowest after tuneSteps steps from the current start, and
// restarts the race. Runners that diverge at every rate keep theirs.
func (g *Game) TuneLearningRates() {
	g.mu.Lock()
	defer g.mu.Unlock()
	c := g.cfg.Clone()
	var failed []string
	for i, r := range c.Runners {
		lr, err := race.TuneLR(g.problem, race.Entry{Optimizer: r.Optimizer, Params: r.FullParams(), Seed: c.Seed}, g.race.Start, tuneSteps, race.TuneGrid)
		if err != nil {
			failed = append(failed, r.Optimizer)
			continue
		}
		c.Runners[i].Params["lr"] = lr
	}
	cfg, errs := config.Parse(c.Hash())
	g.apply(cfg, errs)
	g.notes = append(g.notes, fmt.Sprintf("Tuned α: each runner now has the rate from %g to %g that left its loss lowest after %d steps from this start.",
		race.TuneGrid[0], race.TuneGrid[len(race.TuneGrid)-1], tuneSteps))
	if len(failed) > 0 {
		g.notes = append(g.notes, fmt.Sprintf("%s diverged at every rate and kept its α.", strings.Join(failed, ", ")))
	}
	g.changed()
}

// SetPaused pauses or resumes the race.
func (g *Game) SetPaused(paused bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.setPaused(paused)
}

// TogglePause pauses a running race and resumes a paused one.
func (g *Game) TogglePause() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.setPaused(!g.cfg.Paused)
}

func (g *Game) setPaused(paused bool) {
	if g.cfg.Paused == paused {
		return
	}
	g.cfg.Paused = paused
	g.dirty = true
	g.changed()
}

// maxStepsAtOnce bounds one Step call so a script cannot freeze the page.
const maxStepsAtOnce = 100000

// Step advances the race n steps at once (whether or not it is paused).
func (g *Game) Step(n int) {
	n = max(0, min(n, maxStepsAtOnce))
	g.mu.Lock()
	defer g.mu.Unlock()
	g.race.Advance(n)
	g.noteDivergences()
	g.dirty = true
}

// Reset puts every runner back at the start.
func (g *Game) Reset() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.race.Reset()
	g.noted = nil
	g.trailsStale, g.dirty = true, true
}

// ClickCSS restarts every runner from the point under (x, y), given in CSS pixels
// within a canvas cssW×cssH CSS pixels large.
func (g *Game) ClickCSS(x, y, cssW, cssH float64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	sx, sy, ok := g.toDevice(x, y, cssW, cssH)
	if !ok {
		return
	}
	wx, wy := g.view.ToWorld(sx, sy)
	// Round to a tenth of a pixel's width so that the link holds a short number
	// and reproduces exactly the race the learner saw.
	q := math.Pow(10, math.Floor(math.Log10(g.view.Scale/10)))
	start := [2]float64{roundTo(wx, q), roundTo(wy, q)}
	g.cfg.Start, g.cfg.HasStart = start, true
	g.race.Restart(start)
	g.noted = nil
	g.updateGhost()
	g.trailsStale, g.dirty = true, true
	g.changed()
}

// toDevice turns (x, y), in CSS pixels of a canvas cssW×cssH CSS pixels large,
// into the layout's device pixels; ok is false before the first layout.
// Called with mu held.
func (g *Game) toDevice(x, y, cssW, cssH float64) (sx, sy float64, ok bool) {
	if cssW <= 0 || cssH <= 0 || g.w == 0 {
		return 0, 0, false
	}
	return x * float64(g.w) / cssW, y * float64(g.h) / cssH, true
}

// Probe is what the surface is at a point: for the readout under the pointer.
type Probe struct {
	X, Y, F, GX, GY float64
}

// ProbeCSS returns the surface's value and gradient under (x, y), in CSS pixels
// of a canvas cssW×cssH large; ok is false before the first layout.
func (g *Game) ProbeCSS(x, y, cssW, cssH float64) (p Probe, ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	sx, sy, ok := g.toDevice(x, y, cssW, cssH)
	if !ok {
		return p, false
	}
	p.X, p.Y = g.view.ToWorld(sx, sy)
	p.F = g.problem.Value(p.X, p.Y)
	p.GX, p.GY = g.problem.Grad(p.X, p.Y)
	return p, true
}

// ZoomCSS zooms by factor (below 1 zooms in) about the point (x, y), in CSS
// pixels of a canvas cssW×cssH CSS pixels large.
func (g *Game) ZoomCSS(x, y, cssW, cssH, factor float64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if sx, sy, ok := g.toDevice(x, y, cssW, cssH); ok {
		g.setView(g.view.ZoomAt(sx, sy, factor))
	}
}

// PanCSS moves the picture by (dx, dy) CSS pixels of a canvas cssW×cssH large.
func (g *Game) PanCSS(dx, dy, cssW, cssH float64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if sx, sy, ok := g.toDevice(dx, dy, cssW, cssH); ok {
		g.setView(g.view.PanBy(sx, sy))
	}
}

// FitView goes back to showing the problem's whole domain.
func (g *Game) FitView() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.cfg.HasView = false
	g.fitView()
	g.dirty = true
	g.changed()
}

// setView records v as the config's view, its bounds rounded to a hundredth of
// a pixel so the link stays short, and shows it. Called with mu held.
func (g *Game) setView(v view.View) {
	x0, x1, y0, y1 := v.Bounds()
	q := math.Pow(10, math.Floor(math.Log10(v.Scale/100)))
	g.cfg.View = [4]float64{roundTo(x0, q), roundTo(x1, q), roundTo(y0, q), roundTo(y1, q)}
	g.cfg.HasView = true
	g.fitView()
	g.dirty = true
	g.changed()
}

// roundTo rounds x to the decimal place of q, a power of ten, dividing by a power of
// ten rather than multiplying by q so no binary noise (0.30000000000000004) is left.
func roundTo(x, q float64) float64 {
	digits := max(0, -int(math.Floor(math.Log10(q))))
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// changed reports the config to OnChange. Called with mu held.
func (g *Game) changed() {
	if g.OnChange != nil {
		g.OnChange(g.cfg.Clone(), g.notes)
	}
}
