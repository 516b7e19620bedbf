//go:build js && wasm

// Package game is the ebiten front of Descent: it owns the race built from the
// config, advances it at a fixed number of steps per tick, and draws the field,
// trails, balls and legend from the race's state.
package game

import (
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"descent/game/config"
	"descent/game/legend"
	"descent/game/race"
	"descent/game/reference"
	"descent/game/view"
	"descent/problems"
)

// trailLen is how many past positions each runner's trail keeps.
const trailLen = 4096

// Game is the ebiten.Game of Descent. Its exported methods are safe to call from
// JS callbacks: every one takes mu, which is never held across anything that waits.
type Game struct {
	mu sync.Mutex

	cfg     config.Config
	problem *problems.Problem
	fmin    float64 // problem.MinValue(), which samples the domain when no minimum is listed
	race    *race.Race
	notes   []string // messages for the learner about the last change

	view      view.View
	levels    view.Levels
	w, h      int     // layout size in device pixels
	dpr       float64 // device pixels per CSS pixel
	fieldGood bool    // the field image shows the current problem and view
	dirty     bool    // something visible changed since the last Draw
	drawn     bool    // the first frame has been drawn

	painter     painter
	trailBuf    [][2]float64 // reused by frame
	trailDrawn  []int        // each runner's TrailCount when its trail was last drawn
	trailsStale bool         // the trail layer must be redrawn from scratch
	lossBufs    [][]float64  // reused by the loss chart
	lossFirsts  []int

	noted []bool // which runners' divergence the notes have explained since the start

	ghost    *reference.Path // the L-BFGS reference path, when the config asks for it
	ghostFor ghostKey        // what ghost was computed for
	stats    metrics

	// OnChange is called (with mu held; it must not call back into the Game) after
	// every change of the config, with the new config and the notes about it.
	OnChange func(cfg config.Config, notes []string)
	// OnFirstFrame is called once, after the first frame is drawn.
	OnFirstFrame func()
	// OnDraw is called after each frame that drew, with the legend for the page to
	// show. The legend is reused: copy what must be kept.
	OnDraw func(l *legend.Legend)
}

// New builds the game from a URL hash; problems with the hash are kept as notes.
// onChange may be nil.
func New(hash string, onChange func(cfg config.Config, notes []string)) *Game {
	g := &Game{dpr: 1, OnChange: onChange}
	cfg, errs := config.Parse(hash)
	g.apply(cfg, errs)
	return g
}

// Load replaces the whole config with the one a URL hash describes (a link opened).
func (g *Game) Load(hash string) []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	cfg, errs := config.Parse(hash)
	g.apply(cfg, errs)
	return append([]string{}, g.notes...)
}

// apply makes cfg the current config. Errors become notes. The race is rebuilt
// only when what it races changed; a config that cannot build a race (it should
// not happen after config's checks) leaves the previous race in place.
func (g *Game) apply(cfg config.Config, errs []error) {
	g.notes = g.notes[:0]
	for _, err := range errs {
		g.notes = append(g.notes, err.Error())
	}
	if err := g.rebuild(cfg); err != nil {
		g.notes = append(g.notes, fmt.Sprintf("%v; kept the previous setup", err))
	}
	g.updateGhost()
	g.fitView()
	g.dirty = true
	g.changed()
}

func (g *Game) rebuild(cfg config.Config) error {
	if g.race != nil && cfg.SameRace(g.cfg) {
		g.cfg = cfg
		return nil
	}
	p := g.problem
	if g.race == nil || !cfg.SameSurface(g.cfg) {
		var err error
		if p, err = cfg.Surface(); err != nil {
			return err
		}
	}
	start := p.Start
	if cfg.HasStart {
		start = cfg.Start
	}
	entries := make([]race.Entry, len(cfg.Runners))
	for i, r := range cfg.Runners {
		entries[i] = race.Entry{Optimizer: r.Optimizer, Params: r.Params, Seed: cfg.Seed}
	}
	rc, err := race.New(p, start, entries, trailLen)
	if err != nil {
		return err
	}
	if g.problem != p {
		g.fieldGood = false
		g.fmin = p.MinValue()
	}
	g.cfg, g.problem, g.race = cfg, p, rc
	g.trailsStale = true
	g.noted = nil
	return nil
}

// ghostIterations bounds the reference path: L-BFGS needs far fewer on every
// built-in problem, and a formula it cannot finish on stops there.
const ghostIterations = 500

type ghostKey struct {
	problem *problems.Problem
	start   [2]float64
}

// updateGhost computes the reference path when it is wanted and its problem or
// start changed. Called with mu held.
func (g *Game) updateGhost() {
	if !g.cfg.LBFGS {
		g.ghost, g.ghostFor = nil, ghostKey{}
		return
	}
	key := ghostKey{g.problem, g.race.Start}
	if g.ghost != nil && key == g.ghostFor {
		return
	}
	path, err := reference.LBFGS(g.problem, g.race.Start, ghostIterations)
	if err != nil && len(path.Points) == 0 {
		g.notes = append(g.notes, fmt.Sprintf("The L-BFGS reference path could not start here: %v", err))
		g.ghost = nil
		return
	}
	g.ghost, g.ghostFor = &path, key
}

// noteDivergences explains, once per run, each runner that has diverged: the
// legend says that it did, the note says why and what to change. Called with
// mu held.
func (g *Game) noteDivergences() {
	if len(g.noted) != len(g.race.Runners) {
		g.noted = make([]bool, len(g.race.Runners))
	}
	added := false
	for i, r := range g.race.Runners {
		if r.Status == race.Diverged && !g.noted[i] {
			g.noted[i], added = true, true
			g.notes = append(g.notes, legend.DivergenceNote(r))
		}
	}
	if added {
		g.changed()
	}
}

// Edit changes a copy of the config with fn and applies it as a link would be
// applied: checked, with a note for anything out of range.
func (g *Game) Edit(fn func(c *config.Config)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	c := g.cfg.Clone()
	fn(&c)
	cfg, errs := config.Parse(c.Hash())
	g.apply(cfg, errs)
}

// fitView sets the view from the config (or the problem's domain) and the screen size.
func (g *Game) fitView() {
	var v view.View
	if c := g.cfg.View; g.cfg.HasView {
		v = view.FitExact(c[0], c[1], c[2], c[3], g.w, g.h)
	} else {
		xmin, xmax, ymin, ymax := g.problem.Bounds()
		v = view.Fit(xmin, xmax, ymin, ymax, g.w, g.h)
	}
	if v != g.view {
		g.view = v
		g.fieldGood, g.trailsStale = false, true
	}
}

// Update advances the race by the configured number of steps unless paused.
func (g *Game) Update() error {
	t0 := time.Now()
	g.mu.Lock()
	if !g.cfg.Paused && !g.race.Done() {
		g.race.Advance(g.cfg.Speed)
		g.noteDivergences()
		g.dirty = true
	}
	g.mu.Unlock()
	g.stats.update.add(time.Since(t0))
	return nil
}

// Layout uses the whole area ebiten gives, in device pixels, so lines stay sharp.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	dpr := ebiten.Monitor().DeviceScaleFactor()
	w := int(math.Ceil(float64(outsideWidth) * dpr))
	h := int(math.Ceil(float64(outsideHeight) * dpr))
	g.mu.Lock()
	if w != g.w || h != g.h || dpr != g.dpr {
		g.w, g.h, g.dpr = w, h, dpr
		g.fitView()
		g.dirty = true
	}
	g.mu.Unlock()
	return w, h
}

// Draw repaints only when something changed: a paused race costs nothing.
func (g *Game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	if !g.dirty {
		g.mu.Unlock()
		return
	}
	t0 := time.Now()
	g.dirty = false
	frame := g.frame()
	g.mu.Unlock()

	if err := g.painter.draw(screen, frame); err != nil {
		g.mu.Lock()
		g.notes = append(g.notes, err.Error())
		g.changed()
		g.mu.Unlock()
	}
	if g.OnDraw != nil {
		g.OnDraw(&frame.legend)
	}
	g.stats.draw.add(time.Since(t0))
	if !g.drawn {
		g.drawn = true
		if g.OnFirstFrame != nil {
			g.OnFirstFrame()
		}
	}
}

// Run starts the game loop; it returns when the loop ends.
func (g *Game) Run() error {
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetWindowTitle("Descent")
	return ebiten.RunGame(g)
}
