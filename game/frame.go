//go:build js && wasm

package game

import (
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
	legend  legend.Legend
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
		g.levels = view.SampleLevels(g.view, g.problem.Value, g.problem.MinValue(), g.problem.Scale == problems.Log)
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
		x, y := g.view.ToScreen(r.X, r.Y)
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
