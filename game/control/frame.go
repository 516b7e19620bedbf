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
	FieldView ViewKind = iota // a loss surface, with trails and balls
	ChartView                 // the loss chart
	LevelView                 // the field's colour scale, a strip
)

func (k ViewKind) String() string {
	switch k {
	case FieldView:
		return "field"
	case ChartView:
		return "chart"
	case LevelView:
		return "levels"
	}
	return "ViewKind(" + strconv.Itoa(int(k)) + ")"
}

// Frame is everything a Draw paints, view by view, in device pixels. Its
// slices are reused from frame to frame: a painter reads them and keeps nothing.
type Frame struct {
	Views []View
	DPR   float64
	// Retrail: every view's trails are drawn anew, and Trails then hold
	// whole trails. It comes with every repainted field (Field.Stale) of a view
	// that holds trails, so that a painter may draw them onto its picture of
	// the field.
	Retrail bool
	Legend  legend.Legend
	Reads   []Read // field read-backs to paint and hand back in this frame (see ReadField)
}

// View is a rectangle of the screen, in device pixels, that its own picture is
// drawn into: a field, trails that only grow until a Retrail, then items; later
// views are drawn over earlier ones.
type View struct {
	Kind   ViewKind
	Rect   image.Rectangle
	Field  *Field  // the surface painted under everything; nil for none
	Trails []Trail // what each frame adds to the view's trails
	Items  []Item  // drawn over the trails, in order
}

// Field is a loss surface painted by the field shader.
type Field struct {
	Problem *problems.Problem
	Geo     view.View   // its world↔screen geometry, the view's rectangle in size
	Levels  view.Levels // its colour scale
	Stale   bool        // it must be repainted
	Raw     bool        // painted in read-back mode: pixels encode values (see ReadField)
}

// Trail is a polyline added to a view's trails: screen x, y pairs,
// relative to the view's rectangle, oldest first.
type Trail struct {
	Color color.RGBA
	Pts   []float32
}

// ItemKind is what an item of a view is.
type ItemKind int

const (
	Polyline ItemKind = iota // a line Width pixels wide through Pts, bevelled at its joints (view.Stroke)
	Markers                  // a sprite at each point of Pts
	Rect                     // the rectangle Pts[0:4]: x, y, width, height
	Curve                    // a line of many short segments, mitred (view.Strip): a third of a Polyline's vertices
)

// Item is one thing drawn in a view, in screen pixels relative to its
// rectangle. A view's items are rebuilt every frame into reused buffers.
type Item struct {
	Kind   ItemKind
	Color  color.RGBA
	Width  float32
	Sprite view.SpriteKind
	Shape  view.Shape
	Pts    []float32
}

// grow returns s one element longer, the new last element being whatever a
// previous frame left there (its buffers to reuse), or zero.
func grow[T any](s []T) []T {
	if len(s) < cap(s) {
		return s[:len(s)+1]
	}
	var zero T
	return append(s, zero)
}

// next appends a view to the frame, reusing a previous frame's buffers, emptied.
func (f *Frame) next(kind ViewKind, r image.Rectangle) *View {
	f.Views = grow(f.Views)
	v := &f.Views[len(f.Views)-1]
	v.Kind, v.Rect, v.Field = kind, r, nil
	v.Trails, v.Items = v.Trails[:0], v.Items[:0]
	return v
}

// add appends an item to v, reusing a previous frame's buffer, and returns it.
func (v *View) add(kind ItemKind, c color.RGBA, width float32) *Item {
	v.Items = grow(v.Items)
	it := &v.Items[len(v.Items)-1]
	*it = Item{Kind: kind, Color: c, Width: width, Pts: it.Pts[:0]}
	return it
}

// trail appends a trail to v, reusing a previous frame's buffer, and returns it.
func (v *View) trail(c color.RGBA) *Trail {
	v.Trails = grow(v.Trails)
	t := &v.Trails[len(v.Trails)-1]
	t.Color, t.Pts = c, t.Pts[:0]
	return t
}

// marker adds one sprite at (x, y).
func (v *View) marker(kind view.SpriteKind, shape view.Shape, c color.RGBA, x, y float64) {
	it := v.add(Markers, c, 0)
	it.Sprite, it.Shape = kind, shape
	it.Pts = append(it.Pts, float32(x), float32(y))
}

// Ink is the colour of marks that are no runner's: the start, the chart's frame.
var ink = color.RGBA{0xf2, 0xf2, 0xf2, 0xff}

// The loss chart's colours.
var (
	chartFill = color.RGBA{0x10, 0x10, 0x14, 0xd6}
	chartGrid = color.RGBA{0x50, 0x50, 0x58, 0xff}
)

// drawer keeps what frames reuse and what the painter has been given.
type drawer struct {
	frame       Frame
	field       Field // the field view's surface, kept here so frames allocate nothing
	levels      view.Levels
	fieldStale  bool  // the field must be repainted (and its levels sampled)
	trailsStale bool  // the trails must be drawn anew, whole (Retrail), the field kept
	trailDrawn  []int // each runner's TrailCount when its trail was last drawn
	trailBuf    [][2]float64
	lossBufs    [][]float64
	lossFirsts  []int
	reads       []Read // asked for since the last frame
}

// retrail reports whether a frame hands over whole trails (Frame.Retrail):
// after a restart or a new view, with every repainted field (a painter draws
// the trails onto its picture of the field), and when more steps were taken
// than a trail keeps (the points between are gone from it).
func (d *drawer) retrail(runners []*race.Runner) bool {
	if d.fieldStale || d.trailsStale || len(d.trailDrawn) != len(runners) {
		return true
	}
	for i, r := range runners {
		if r.TrailCount()-d.trailDrawn[i] >= trailLen {
			return true
		}
	}
	return false
}

// Frame fills the reusable frame from the current state and marks it drawn.
func (c *Controller) Frame() *Frame {
	d := &c.drawer
	f := &d.frame
	c.dirty = false
	f.DPR, f.Views, f.Retrail = c.screen.DPR, f.Views[:0], false // the scene's boards hold no trails
	if c.bv != nil {
		c.sceneFrame(f)
		return f
	}
	legend.Make(&f.Legend, c.problem, c.race, c.cfg.Paused, c.referencePath())
	if c.cfg.Grid() {
		c.gridFrames(f)
	} else {
		c.grid.shown = false
		c.fieldFrame(f.next(FieldView, image.Rect(0, 0, c.screen.W, c.screen.H)))
	}
	c.chartFrame(f.next(ChartView, chartRect(c.screen)))
	c.frameLabels(f)
	f.Reads, d.reads = d.reads, f.Reads[:0]
	return f
}

// fieldFrame fills the field view: the surface, the trails, the reference
// path, the start and the balls.
func (c *Controller) fieldFrame(v *View) {
	d, f := &c.drawer, &c.drawer.frame
	if d.fieldStale {
		d.levels = view.SampleLevels(c.field, c.problem.Value, c.fmin, c.problem.Scale == problems.Log)
	}
	d.field = Field{Problem: c.problem, Geo: c.field, Levels: d.levels, Stale: d.fieldStale}
	v.Field = &d.field

	// Trails are drawn onto a picture that keeps what was drawn: each frame
	// adds only the steps taken since the last, from the last point drawn.
	runners := c.race.Runners
	f.Retrail = d.retrail(runners)
	d.fieldStale = false
	if len(d.trailDrawn) != len(runners) {
		d.trailDrawn = make([]int, len(runners))
	}
	for i, r := range runners {
		if f.Retrail {
			d.trailBuf = r.Trail(d.trailBuf[:0])
		} else {
			d.trailBuf = r.TrailTail(d.trailBuf[:0], r.TrailCount()-d.trailDrawn[i]+1)
		}
		t := v.trail(view.RunnerColor(r.ID))
		t.Pts = screenTrail(t.Pts, d.trailBuf, c.field)
		d.trailDrawn[i] = r.TrailCount()
	}
	d.trailsStale = false

	if c.ref != nil {
		line := v.add(Polyline, view.ReferenceColor, 1.2*float32(c.screen.DPR))
		line.Pts = screenTrail(line.Pts, c.ref.Path.Points[:c.referenceIteration()+1], c.field)
		dots := v.add(Markers, view.ReferenceColor, 0)
		dots.Sprite = view.DotSprite
		dots.Pts = append(dots.Pts, line.Pts[:len(line.Pts)-2]...)
		n := len(line.Pts)
		v.marker(view.ReferenceSprite, view.Circle, view.ReferenceColor, float64(line.Pts[n-2]), float64(line.Pts[n-1]))
	}
	c.plotMarks(v, c.field)
	sx, sy := c.field.ToScreen(c.race.Start[0], c.race.Start[1])
	v.marker(view.StartSprite, view.Circle, ink, sx, sy)
	for _, r := range runners {
		// A ball off the screen (one that flew off, say) is shown at the
		// edge, on the line towards it, so the learner sees where it went.
		x, y := c.field.ToScreen(r.X, r.Y)
		x, y = c.field.Clamp(x, y, 12*c.screen.DPR)
		kind := view.BallSprite
		if r.Status == race.Diverged {
			kind = view.DivergedSprite
		}
		v.marker(kind, view.RunnerShape(r.ID), view.RunnerColor(r.ID), x, y)
	}
	c.explainItems(v, c.field, runners) // arrows and local geometry, over the balls
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
		x, y = clampFar(x), clampFar(y)
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

// clampFar bounds a screen coordinate to ±1e5 px, NaN kept, with comparisons:
// math.Max and Min are calls in wasm, and screenTrail clamps every point of
// every trail (1,600 a frame in the stress race).
func clampFar(v float64) float64 {
	const far = 1e5
	if v > far {
		return far
	}
	if v < -far {
		return -far
	}
	return v
}

// chartFrame fills the loss chart's view: its box, decade lines and a curve
// per runner (and the reference path's), in the view's own pixels.
func (c *Controller) chartFrame(v *View) {
	d := &c.drawer
	w, h := float64(v.Rect.Dx()), float64(v.Rect.Dy())
	runners := c.race.Runners
	if cap(d.lossBufs) < len(runners) {
		d.lossBufs = make([][]float64, len(runners))
	}
	d.lossBufs = d.lossBufs[:len(runners)]
	d.lossFirsts = d.lossFirsts[:0]
	var gaps view.Gaps
	for i, rn := range runners {
		buf := d.lossBufs[i][:0] // the losses, and their gaps, in one walk of the trail
		rn.LossRuns(func(losses []float64, lo, hi float64) {
			buf = append(buf, losses...)
			gaps.AddRun(losses, lo, hi, c.fmin)
		})
		d.lossBufs[i] = buf
		d.lossFirsts = append(d.lossFirsts, rn.TrailCount()-len(buf))
	}
	// The scale is the runners': the reference path, which can reach rounding
	// noise in a few iterations, would squash them to the top; it is clipped.
	lc := view.LossChartWith(gaps, d.lossBufs, d.lossFirsts, c.race.Step, c.fmin, w, h)
	dpr := c.screen.DPR
	d.frame.Legend.Chart = legend.ChartLabels{
		Top: lc.Top, Bottom: lc.Bottom, FirstStep: lc.FirstStep, LastStep: lc.LastStep,
		Box: [4]float64{float64(v.Rect.Min.X) / dpr, float64(v.Rect.Min.Y) / dpr, w / dpr, h / dpr},
	}
	box := v.add(Rect, chartFill, 0)
	box.Pts = append(box.Pts, 0, 0, float32(w), float32(h))
	every := (lc.Top - lc.Bottom + 5) / 6 // at most about six lines
	for dec := lc.Top - every; dec > lc.Bottom; dec -= every {
		y := float32(lc.Y(c.fmin + math.Pow(10, float64(dec))))
		line := v.add(Rect, chartGrid, 0)
		line.Pts = append(line.Pts, 0, y-0.5, float32(w), 1)
	}
	if c.ref != nil {
		curve := v.add(Curve, view.ReferenceColor, 1.2*float32(dpr))
		curve.Pts = lc.Curve(curve.Pts, c.ref.Path.Losses[:c.referenceIteration()+1], 0, 0, 0)
	}
	for i, rn := range runners {
		curve := v.add(Curve, view.RunnerColor(rn.ID), 1.5*float32(dpr))
		curve.Pts = lc.Curve(curve.Pts, d.lossBufs[i], d.lossFirsts[i], 0, 0)
	}
}
