//go:build js && wasm

package game

import (
	"fmt"
	"image/color"
	"math"

	"descent/game/legend"
	"descent/game/race"
	"descent/game/view"
	"descent/problems"
)

// frame is what Draw needs, copied from the game under its lock so that drawing
// itself runs without it. Its slices are reused from frame to frame.
type frame struct {
	problem *problems.Problem
	view    view.View
	levels  view.Levels
	refield bool // the field image must be repainted
	retrail bool // the trail layer must be cleared; trails then hold whole trails
	dpr     float64
	start   [2]float32 // screen position of the start
	runners []runnerFrame
	ghost   []float32 // the reference path's screen points so far; its last is its ball
	chart   chartFrame
	legend  legend.Legend
}

// chartFrame is the loss chart: a box in the canvas's bottom-right corner,
// decade lines, and one curve per runner (and the reference path's).
type chartFrame struct {
	x, y, w, h float32
	decades    []float32   // heights of the decade lines
	curves     [][]float32 // screen x, y pairs, in runner order
	ghost      []float32
}

type runnerFrame struct {
	color  color.RGBA
	status race.Status
	trail  []float32 // screen x, y pairs to add to the trail layer, oldest first
	x, y   float32   // screen position
}

// frame fills g's reusable frame from the current state. Called with mu held.
func (g *Game) frame() *frame {
	f := &g.painter.frame
	f.problem, f.dpr = g.problem, g.dpr
	legend.Make(&f.legend, g.problem, g.race, g.cfg.Paused, g.ghost)
	f.ghost = f.ghost[:0]
	if g.ghost != nil {
		f.ghost = screenTrail(f.ghost, g.ghost.Points[:legend.GhostIteration(g.ghost, g.race.Step)+1], g.view)
	}
	f.refield = !g.fieldGood
	if !g.fieldGood {
		g.levels = view.SampleLevels(g.view, g.problem.Value, g.fmin, g.problem.Scale == problems.Log)
		g.fieldGood = true
	}
	f.view, f.levels = g.view, g.levels
	sx, sy := g.view.ToScreen(g.race.Start[0], g.race.Start[1])
	f.start = [2]float32{float32(sx), float32(sy)}

	if cap(f.runners) < len(g.race.Runners) {
		f.runners = make([]runnerFrame, len(g.race.Runners))
	}
	f.runners = f.runners[:len(g.race.Runners)]

	// Trails are drawn into a layer that keeps what was drawn: each frame adds
	// only the steps taken since the last, from the last point drawn.
	f.retrail = g.trailsStale || len(g.trailDrawn) != len(g.race.Runners)
	if !f.retrail {
		for i, r := range g.race.Runners {
			if r.TrailCount()-g.trailDrawn[i] >= trailLen {
				f.retrail = true // the points between are gone from the trail
			}
		}
	}
	if len(g.trailDrawn) != len(g.race.Runners) {
		g.trailDrawn = make([]int, len(g.race.Runners))
	}
	for i, r := range g.race.Runners {
		rf := &f.runners[i]
		rf.color = view.RunnerColor(r.ID)
		rf.status = r.Status
		// A ball off the screen (one that flew off, say) is shown at the
		// edge, on the line towards it, so the learner sees where it went.
		x, y := g.view.ToScreen(r.X, r.Y)
		x, y = g.view.Clamp(x, y, 12*g.dpr)
		rf.x, rf.y = float32(x), float32(y)
		if f.retrail {
			g.trailBuf = r.Trail(g.trailBuf[:0])
		} else {
			g.trailBuf = r.TrailTail(g.trailBuf[:0], r.TrailCount()-g.trailDrawn[i]+1)
		}
		rf.trail = screenTrail(rf.trail[:0], g.trailBuf, g.view)
		g.trailDrawn[i] = r.TrailCount()
	}
	g.trailsStale = false
	g.chartFrame(f)
	return f
}

// screenTrail appends the trail's screen positions, skipping points less than
// half a pixel from the last one kept: a converging runner piles up thousands.
func screenTrail(dst []float32, trail [][2]float64, v view.View) []float32 {
	const minGap2 = 0.25
	for _, p := range trail {
		x, y := v.ToScreen(p[0], p[1])
		// Keep far-off points bounded: float32 vertices beyond ~1e6 px misdraw.
		x, y = math.Max(-1e5, math.Min(1e5, x)), math.Max(-1e5, math.Min(1e5, y))
		if n := len(dst); n >= 2 {
			dx, dy := float64(dst[n-2])-x, float64(dst[n-1])-y
			if dx*dx+dy*dy < minGap2 {
				continue
			}
		}
		dst = append(dst, float32(x), float32(y))
	}
	return dst
}

// chartFrame lays out the loss chart. Called with mu held.
func (g *Game) chartFrame(f *frame) {
	c := &f.chart
	cssW := float64(g.w) / g.dpr
	w := math.Min(300, 0.42*cssW) * g.dpr
	h := 0.5 * w
	x0, y0 := float64(g.w)-w-8*g.dpr, float64(g.h)-h-8*g.dpr
	c.x, c.y, c.w, c.h = float32(x0), float32(y0), float32(w), float32(h)

	if cap(g.lossBufs) < len(g.race.Runners) {
		g.lossBufs = make([][]float64, len(g.race.Runners))
	}
	g.lossBufs = g.lossBufs[:len(g.race.Runners)]
	g.lossFirsts = g.lossFirsts[:0]
	for i, r := range g.race.Runners {
		g.lossBufs[i] = r.Losses(g.lossBufs[i][:0])
		g.lossFirsts = append(g.lossFirsts, r.TrailCount()-len(g.lossBufs[i]))
	}
	// The scale is the runners': the reference path, which can reach rounding
	// noise in a few iterations, would squash them to the top; it is clipped.
	lc := view.NewLossChart(g.lossBufs, g.lossFirsts, g.race.Step, g.fmin, w, h)
	var ghost []float64
	if g.ghost != nil {
		ghost = g.ghost.Losses[:legend.GhostIteration(g.ghost, g.race.Step)+1]
	}
	f.legend.Chart = legend.ChartLabels{
		Top: fmt.Sprintf("1e%d", lc.Top), Bottom: fmt.Sprintf("1e%d", lc.Bottom),
		Steps: fmt.Sprintf("steps %d–%d", lc.FirstStep, lc.LastStep),
		Box:   [4]float64{x0 / g.dpr, y0 / g.dpr, w / g.dpr, h / g.dpr},
	}
	c.decades = c.decades[:0]
	every := (lc.Top - lc.Bottom + 5) / 6 // at most about six lines
	for d := lc.Top - every; d > lc.Bottom; d -= every {
		c.decades = append(c.decades, float32(y0+lc.Y(g.fmin+math.Pow(10, float64(d)))))
	}
	if cap(c.curves) < len(g.race.Runners) {
		c.curves = make([][]float32, len(g.race.Runners))
	}
	c.curves = c.curves[:len(g.race.Runners)]
	for i := range g.race.Runners {
		c.curves[i] = lc.Curve(c.curves[i][:0], g.lossBufs[i], g.lossFirsts[i], x0, y0)
	}
	c.ghost = c.ghost[:0]
	if ghost != nil {
		c.ghost = lc.Curve(c.ghost, ghost, 0, x0, y0)
	}
}
