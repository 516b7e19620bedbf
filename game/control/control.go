// Package control is Descent's logic between the page and the picture: it
// takes commands — a link, a slider, a click, play, step, tune — applies them
// to the scene they set up, and yields the snapshot the JS API reports, the
// page's text and controls, and what each view of the screen must draw.
//
// It is pure Go and runs headless: the browser's js/wasm packages only turn
// events into commands and the Frame into pixels.
package control

import (
	"fmt"
	"math"

	"descent/game/config"
	"descent/game/legend"
	"descent/game/race"
	"descent/game/reference"
	"descent/game/view"
	"descent/problems"
)

// trailLen is how many past positions each runner's trail keeps.
const trailLen = 4096

// Controller holds everything the page shows and changes it only through Do and
// Tick. It is not safe for concurrent use: the caller (the game) serialises.
type Controller struct {
	cfg     config.Config
	problem *problems.Problem
	fmin    float64 // problem.MinValue(), which samples the domain when no minimum is listed
	race    *race.Race

	changeNotes []string // about the last change of the config
	runNotes    []string // about this run (divergences, tuning); cleared when the run restarts
	noted       []bool   // runners whose divergence runNotes explains

	screen Screen
	field  view.View // the field view's world↔screen geometry

	ref          *reference.Run // the L-BFGS reference path, when the config asks for it
	referenceFor referenceKey
	tuning       *tuning // the α sweep in progress, if any

	announced    []race.Status // the runners' statuses the live region last heard of
	announcement string        // what it last announced

	version     int  // bumped whenever the page must show something new
	dirty       bool // something visible changed since the last frame
	hidden      bool // the canvas is out of sight: no ticks, no frames (SetVisible)
	drawer      drawer
	grid        gridDrawer   // the side-by-side panels, in grid layout
	tickCache   []ticks      // the axes' ticks of recent geometries
	summarized  bool         // this run's ranking is in its notes
	levelLegend levelCache   // the level legend of the field's current levels
	explain     explainState // the pointer's local geometry and the arrows' buffers
	bv          *bvScene     // the bias–variance scene, when the config shows it
}

// Screen is the canvas: its size in device pixels and how many device pixels
// make one CSS pixel.
type Screen struct {
	W, H int
	DPR  float64
}

// ScreenOf is the screen of a canvas w×h CSS pixels at dpr device pixels a
// CSS pixel, whole device pixels rounded up, so that lines stay sharp.
func ScreenOf(w, h int, dpr float64) Screen {
	return Screen{W: int(math.Ceil(float64(w) * dpr)), H: int(math.Ceil(float64(h) * dpr)), DPR: dpr}
}

// New returns a controller showing the setup the URL hash describes; what is
// wrong with the hash becomes notes.
func New(hash string) (c *Controller) {
	defer func() {
		if r := recover(); r != nil {
			if hash == "" { // the default setup itself fails: a bug to see, not to hide
				panic(r)
			}
			c = New("") // a bug: the default setup, with a note
			c.changeNotes = append(c.changeNotes, fmt.Sprintf("Descent could not show this link (%v); here is the first setup instead.", r))
		}
	}()
	c = &Controller{screen: Screen{DPR: 1}}
	cfg, errs := config.Parse(hash)
	c.apply(cfg, errs)
	return c
}

// Config returns a copy of the current config.
func (c *Controller) Config() config.Config { return c.cfg.Clone() }

// Problem returns the surface being raced on.
func (c *Controller) Problem() *problems.Problem { return c.problem }

// FieldShaderBody is the Kage body of the first field a frame paints (the
// race's surface, or the scene's first board; see Field.ShaderBody), for
// compiling its shader ahead of the first frame; "" when there is none.
func (c *Controller) FieldShaderBody() string {
	p := c.problem
	if c.bv != nil {
		p = nil
		if len(c.bv.boards) > 0 {
			p = c.bv.boards[0].problem
		}
	}
	if p == nil {
		return ""
	}
	body, _ := (&Field{Problem: p}).ShaderBody()
	return body
}

// Race returns the race; callers read it and must not change it.
func (c *Controller) Race() *race.Race { return c.race }

// Notes returns the messages for the learner: about the last change, then
// about this run.
func (c *Controller) Notes() []string {
	return append(append([]string(nil), c.changeNotes...), c.runNotes...)
}

// Version changes whenever the page's text or controls must be shown again.
func (c *Controller) Version() int { return c.version }

// apply makes cfg the current config, with errs (about how it was asked for)
// as the notes. The race is rebuilt only when what it races changed; a config
// that cannot build a race leaves the previous one in place, with a note.
func (c *Controller) apply(cfg config.Config, errs []error) {
	c.changeNotes = c.changeNotes[:0]
	cfg.Normalize() // a value set to its recommendation is no longer by hand
	for _, err := range errs {
		c.changeNotes = append(c.changeNotes, err.Error())
	}
	if err := c.rebuild(cfg); err != nil {
		c.changeNotes = append(c.changeNotes, fmt.Sprintf("%v; kept the previous setup", err))
	}
	c.updateReference()
	c.updateScene()
	c.fitView()
	c.changed()
}

func (c *Controller) rebuild(cfg config.Config) error {
	if c.race != nil && cfg.SameRace(c.cfg) {
		c.cfg = cfg
		return nil
	}
	p := c.problem
	if c.race == nil || !cfg.SameSurface(c.cfg) {
		var err error
		if p, err = cfg.Resolve(); err != nil {
			return err
		}
	}
	start := p.Start
	if cfg.HasStart {
		start = cfg.Start
	}
	entries := make([]race.Entry, len(cfg.Runners))
	for i, r := range cfg.Runners {
		entries[i] = race.Entry{Optimizer: r.Optimizer, Params: cfg.RunnerParams(i), Seed: cfg.Seed}
	}
	rc, err := race.New(p, start, entries, trailLen)
	if err != nil {
		return err
	}
	if c.problem != p {
		c.fmin = p.MinValue()
		c.drawer.fieldStale = true // a new surface in the same view is repainted too
	}
	c.cfg, c.problem, c.race = cfg, p, rc
	c.tuning = nil
	c.restarted()
	return nil
}

// restarted forgets what belonged to the previous run: its notes, its
// reference path if the start moved, and the trails drawn so far.
func (c *Controller) restarted() {
	c.runNotes, c.noted = c.runNotes[:0], nil
	c.summarized = false
	c.noteDivergences() // runners that cannot start: the surface is not finite there
	c.updateReference()
	c.drawer.trailsStale = true
	c.dirty = true
	c.version++
}

// changed records that the config or the notes changed: the page shows them again.
func (c *Controller) changed() {
	c.dirty = true
	c.version++
}

// referenceIterations bounds the reference path: L-BFGS needs far fewer on every
// built-in problem, and a formula it cannot finish on stops there.
const referenceIterations = 500

type referenceKey struct {
	problem *problems.Problem
	start   [2]float64
}

// updateReference starts the reference path when it is wanted and its problem or
// start changed; Tick extends it as the race steps.
func (c *Controller) updateReference() {
	if !c.cfg.LBFGS {
		c.ref, c.referenceFor = nil, referenceKey{}
		return
	}
	key := referenceKey{c.problem, c.race.Start}
	if c.ref != nil && key == c.referenceFor {
		return
	}
	c.ref, c.referenceFor = reference.Start(c.problem, c.race.Start, referenceIterations), key
	if c.ref.Err != nil {
		c.runNotes = append(c.runNotes, fmt.Sprintf("The L-BFGS reference path could not start here: %v", c.ref.Err))
		c.ref = nil
	}
}

// referenceSlice is how many iterations of the reference path a tick computes
// ahead of the race, so that the whole path is soon known without a long frame.
const referenceSlice = 20

// extendReference takes the reference path at least to the race's step (one major
// iteration a step), and ahead by more.
func (c *Controller) extendReference(ahead int) {
	if !c.referenceLeft() {
		return
	}
	if n := c.race.Step - (len(c.ref.Path.Points) - 1); n > 0 || ahead > 0 {
		c.ref.Extend(max(n, ahead))
	}
}

// referenceLeft reports whether the reference path is shown and not yet done.
func (c *Controller) referenceLeft() bool { return c.ref != nil && !c.ref.Done() }

// referenceIteration is the reference path's iteration shown at the race's step.
func (c *Controller) referenceIteration() int {
	return min(c.race.Step, len(c.ref.Path.Points)-1)
}

// advance takes n steps of the race and explains new divergences.
func (c *Controller) advance(n int) {
	c.race.Advance(n)
	c.explainStepped()
	c.extendReference(0)
	c.noteDivergences()
	c.announceStatuses()
	c.noteSummary()
	c.dirty = true
}

// noteDivergences explains, once per run, each runner that has diverged: the
// legend says that it did, the note says why and what to change. Runners that
// could not start at all share one note.
func (c *Controller) noteDivergences() {
	if len(c.noted) != len(c.race.Runners) {
		c.noted = make([]bool, len(c.race.Runners))
	}
	var unstarted []*race.Runner
	for i, r := range c.race.Runners {
		if r.Status != race.Diverged || c.noted[i] {
			continue
		}
		c.noted[i] = true
		if r.StatusStep == 0 {
			unstarted = append(unstarted, r)
		} else {
			c.runNotes = append(c.runNotes, divergenceNote(r))
		}
		c.changed()
	}
	if len(unstarted) > 0 {
		c.runNotes = append(c.runNotes, legend.StartNote(unstarted))
	}
}

// Tick is one tick of the game loop: the race advances by the configured
// speed unless paused, and long work (tuning) takes its slice.
// Idle, below, asks the same questions: work added here must be added there,
// or a page would wait (Shared.WaitWhileIdle) with work to do.
func (c *Controller) Tick() {
	if c.hidden {
		return
	}
	if c.bv != nil {
		c.tickScene() // while !c.bv.landed()
		return
	}
	c.tickTuning()                    // while c.tuning != nil
	c.extendReference(referenceSlice) // while c.referenceLeft()
	if c.racing() {
		c.advance(c.cfg.Speed)
	}
}

// racing reports whether the race steps at each tick.
func (c *Controller) racing() bool { return !c.cfg.Paused && !c.race.Done() }

// Idle reports whether a tick would change nothing and no frame is due: the
// canvas is out of sight, or nothing is dirty and none of Tick's work is
// left. The game loop then waits for a command (Shared.WaitWhileIdle)
// instead of ticking for nothing. TestIdleMeansATickChangesNothing holds the
// two together.
func (c *Controller) Idle() bool {
	switch {
	case c.hidden:
		return true
	case c.dirty:
		return false
	case c.bv != nil:
		return c.bv.landed()
	}
	return c.tuning == nil && !c.referenceLeft() && !c.racing()
}

// Dirty reports whether something visible changed since the last frame.
func (c *Controller) Dirty() bool { return c.dirty && !c.hidden }
