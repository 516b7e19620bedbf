package control

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"descent/game/legend"
	"descent/game/race"
	"descent/game/reference"
	"descent/game/view"
	"descent/problems"
)

// ViewKind is what a view of the screen shows.
type ViewKind int

const (
	FieldView ViewKind = iota // the loss surface, with trails and balls
	ChartView                 // the loss chart
)

func (k ViewKind) String() string {
	switch k {
	case FieldView:
		return "field"
	case ChartView:
		return "chart"
	}
	return "ViewKind(" + strconv.Itoa(int(k)) + ")"
}

// View is a rectangle of the screen, in device pixels, that one picture is
// drawn into; later views are drawn over earlier ones.
type View struct {
	Kind ViewKind
	Rect image.Rectangle
}

// Frame is everything a Draw paints, in device pixels. Its slices are reused
// from frame to frame: a painter reads them and keeps nothing.
type Frame struct {
	Views     []View
	Problem   *problems.Problem
	Field     view.View   // the field view's geometry
	Levels    view.Levels // the field's colour scale
	Refield   bool        // the field must be repainted
	Retrail   bool        // the trail layer must be cleared; Trail then holds whole trails
	DPR       float64
	Start     [2]float32 // the start's screen position
	Runners   []RunnerFrame
	Reference []float32 // the reference path's screen points so far; its last is its ball
	Chart     ChartFrame
	Legend    legend.Legend
}

// RunnerFrame is one runner on screen.
type RunnerFrame struct {
	Color  color.RGBA
	Shape  view.Shape
	Status race.Status
	Trail  []float32 // screen x, y pairs to add to the trail layer, oldest first
	X, Y   float32   // the ball, held at the screen's edge when it is off screen
}

// ChartFrame is the loss chart: decade lines and one curve per runner (and the
// reference path's), in screen pixels.
type ChartFrame struct {
	Decades   []float32   // heights of the decade lines
	Curves    [][]float32 // x, y pairs, in runner order
	Reference []float32
}

// drawer keeps what frames reuse and what the painter has been given.
type drawer struct {
	frame       Frame
	levels      view.Levels
	fieldStale  bool  // the field must be repainted (and its levels sampled)
	trailsStale bool  // the trail layer must be redrawn from scratch
	trailDrawn  []int // each runner's TrailCount when its trail was last drawn
	trailBuf    [][2]float64
	lossBufs    [][]float64
	lossFirsts  []int
}

// Frame fills the reusable frame from the current state and marks it drawn.
func (c *Controller) Frame() *Frame {
	d := &c.drawer
	f := &d.frame
	c.dirty = false
	f.Problem, f.DPR = c.problem, c.screen.DPR
	f.Views = c.views(f.Views[:0])
	legend.Make(&f.Legend, c.problem, c.race, c.cfg.Paused, c.referencePath())
	f.Reference = f.Reference[:0]
	if c.ref != nil {
		f.Reference = screenTrail(f.Reference, c.ref.Path.Points[:c.referenceIteration()+1], c.field)
	}
	f.Refield = d.fieldStale
	if d.fieldStale {
		d.levels = view.SampleLevels(c.field, c.problem.Value, c.fmin, c.problem.Scale == problems.Log)
		d.fieldStale = false
	}
	f.Field, f.Levels = c.field, d.levels
	sx, sy := c.field.ToScreen(c.race.Start[0], c.race.Start[1])
	f.Start = [2]float32{float32(sx), float32(sy)}

	runners := c.race.Runners
	if cap(f.Runners) < len(runners) {
		f.Runners = make([]RunnerFrame, len(runners))
	}
	f.Runners = f.Runners[:len(runners)]
	// Trails are drawn into a layer that keeps what was drawn: each frame adds
	// only the steps taken since the last, from the last point drawn.
	f.Retrail = d.trailsStale || len(d.trailDrawn) != len(runners)
	for i, r := range runners {
		if !f.Retrail && r.TrailCount()-d.trailDrawn[i] >= trailLen {
			f.Retrail = true // the points between are gone from the trail
		}
	}
	if len(d.trailDrawn) != len(runners) {
		d.trailDrawn = make([]int, len(runners))
	}
	for i, r := range runners {
		rf := &f.Runners[i]
		rf.Color, rf.Shape = view.RunnerColor(r.ID), view.RunnerShape(r.ID)
		rf.Status = r.Status
		// A ball off the screen (one that flew off, say) is shown at the
		// edge, on the line towards it, so the learner sees where it went.
		x, y := c.field.ToScreen(r.X, r.Y)
		x, y = c.field.Clamp(x, y, 12*c.screen.DPR)
		rf.X, rf.Y = float32(x), float32(y)
		if f.Retrail {
			d.trailBuf = r.Trail(d.trailBuf[:0])
		} else {
			d.trailBuf = r.TrailTail(d.trailBuf[:0], r.TrailCount()-d.trailDrawn[i]+1)
		}
		rf.Trail = screenTrail(rf.Trail[:0], d.trailBuf, c.field)
		d.trailDrawn[i] = r.TrailCount()
	}
	d.trailsStale = false
	c.chartFrame(f)
	return f
}

// referencePath is the reference path, nil when none is shown.
func (c *Controller) referencePath() *reference.Path {
	if c.ref == nil {
		return nil
	}
	return &c.ref.Path
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

// chartFrame lays out the loss chart in its view.
func (c *Controller) chartFrame(f *Frame) {
	d := &c.drawer
	ch := &f.Chart
	r := chartRect(c.screen)
	x0, y0, w, h := float64(r.Min.X), float64(r.Min.Y), float64(r.Dx()), float64(r.Dy())
	runners := c.race.Runners
	if cap(d.lossBufs) < len(runners) {
		d.lossBufs = make([][]float64, len(runners))
	}
	d.lossBufs = d.lossBufs[:len(runners)]
	d.lossFirsts = d.lossFirsts[:0]
	for i, rn := range runners {
		d.lossBufs[i] = rn.Losses(d.lossBufs[i][:0])
		d.lossFirsts = append(d.lossFirsts, rn.TrailCount()-len(d.lossBufs[i]))
	}
	// The scale is the runners': the reference path, which can reach rounding
	// noise in a few iterations, would squash them to the top; it is clipped.
	lc := view.NewLossChart(d.lossBufs, d.lossFirsts, c.race.Step, c.fmin, w, h)
	dpr := c.screen.DPR
	f.Legend.Chart = legend.ChartLabels{
		Top: lc.Top, Bottom: lc.Bottom, FirstStep: lc.FirstStep, LastStep: lc.LastStep,
		Box: [4]float64{x0 / dpr, y0 / dpr, w / dpr, h / dpr},
	}
	ch.Decades = ch.Decades[:0]
	every := (lc.Top - lc.Bottom + 5) / 6 // at most about six lines
	for dec := lc.Top - every; dec > lc.Bottom; dec -= every {
		ch.Decades = append(ch.Decades, float32(y0+lc.Y(c.fmin+math.Pow(10, float64(dec)))))
	}
	if cap(ch.Curves) < len(runners) {
		ch.Curves = make([][]float32, len(runners))
	}
	ch.Curves = ch.Curves[:len(runners)]
	for i := range runners {
		ch.Curves[i] = lc.Curve(ch.Curves[i][:0], d.lossBufs[i], d.lossFirsts[i], x0, y0)
	}
	ch.Reference = ch.Reference[:0]
	if c.ref != nil {
		ch.Reference = lc.Curve(ch.Reference, c.ref.Path.Losses[:c.referenceIteration()+1], 0, x0, y0)
	}
}
