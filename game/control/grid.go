package control

import (
	"image"

	"descent/game/config"
	"descent/game/race"
	"descent/game/view"
	"descent/problems"
)

// SetLayout shows the race over one plot (the default) or side by side, one
// plot per runner (layout=grid).
type SetLayout struct{ Grid bool }

func (cmd SetLayout) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		cfg.Layout = config.Layouts[0]
		if cmd.Grid {
			cfg.Layout = config.Layouts[1]
		}
		return nil
	})
}

// gridDrawer keeps the side-by-side panels: their rectangles and views, and
// the fields the frame points at, reused from frame to frame.
type gridDrawer struct {
	shown  bool // the last frame was a grid
	rects  []image.Rectangle
	views  []view.View
	fields []Field
}

// fitPanels lays out one panel per runner in grid layout (none otherwise) and
// fits the same world view into each; a change repaints the fields.
func (c *Controller) fitPanels() {
	g := &c.grid
	n := 0
	if c.cfg.Grid() && c.bv == nil { // the bias–variance scene lays out its own views
		n = len(c.cfg.Runners)
	}
	g.rects = gridRects(g.rects[:0], c.screen, n)
	changed := len(g.views) != n
	g.views = g.views[:0]
	for _, r := range g.rects {
		var v view.View
		w, h := r.Dx(), r.Dy()
		if b := c.cfg.View; c.cfg.HasView {
			v = view.FitExact(b[0], b[1], b[2], b[3], w, h)
		} else {
			xmin, xmax, ymin, ymax := c.problem.Bounds()
			v = view.Fit(xmin, xmax, ymin, ymax, w, h)
		}
		g.views = append(g.views, v)
	}
	if changed || len(g.fields) != n || (n > 0 && g.fields[0].Geo != g.views[0]) {
		c.drawer.fieldStale, c.dirty = true, true // the trails follow (drawer.retrail)
	}
}

// viewAt returns the world view under the screen point (sx, sy), in device
// pixels, and the top left of its rectangle: in grid layout the panel's (the
// nearest one between panels), else the whole field's.
func (c *Controller) viewAt(sx, sy float64) (v view.View, ox, oy float64) {
	return c.panelView(c.panelAt(sx, sy))
}

// panelView is grid panel i's world view and the offset of its rectangle;
// the field's, at no offset, for -1.
func (c *Controller) panelView(i int) (v view.View, ox, oy float64) {
	if i < 0 {
		return c.field, 0, 0
	}
	r := c.grid.rects[i]
	return c.grid.views[i], float64(r.Min.X), float64(r.Min.Y)
}

// panelAt is the index of the grid panel under the screen point (sx, sy), or
// the nearest one between panels; -1 outside grid layout.
func (c *Controller) panelAt(sx, sy float64) int {
	best, bestD := -1, -1.0
	for i, r := range c.grid.rects {
		dx := max(float64(r.Min.X)-sx, 0, sx-float64(r.Max.X))
		dy := max(float64(r.Min.Y)-sy, 0, sy-float64(r.Max.Y))
		if d := dx*dx + dy*dy; bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// gridFrames fills one field view per runner: the same surface and world view,
// the runner's own trail and ball, the start, the minima and the reference path.
func (c *Controller) gridFrames(f *Frame) {
	d, g := &c.drawer, &c.grid
	runners := c.race.Runners
	if d.fieldStale {
		d.levels = view.SampleLevels(c.field, c.problem.Value, c.fmin, c.problem.Scale == problems.Log)
	}
	if len(g.fields) != len(g.views) {
		g.fields = make([]Field, len(g.views))
	}
	f.Retrail = d.retrail(runners) || !g.shown
	if len(d.trailDrawn) != len(runners) {
		d.trailDrawn = make([]int, len(runners))
	}
	for i, r := range runners {
		if i >= len(g.views) {
			break
		}
		geo := g.views[i]
		v := f.next(FieldView, g.rects[i])
		g.fields[i] = Field{Problem: c.problem, Geo: geo, Levels: d.levels, Stale: d.fieldStale}
		v.Field = &g.fields[i]
		if f.Retrail {
			d.trailBuf = r.Trail(d.trailBuf[:0])
		} else {
			d.trailBuf = r.TrailTail(d.trailBuf[:0], r.TrailCount()-d.trailDrawn[i]+1)
		}
		t := v.trail(view.RunnerColor(r.ID))
		t.Pts = screenTrail(t.Pts, d.trailBuf, geo)
		d.trailDrawn[i] = r.TrailCount()
		c.plotMarks(v, geo)
		if c.ref != nil {
			line := v.add(Polyline, view.ReferenceColor, 1.2*float32(c.screen.DPR))
			line.Pts = screenTrail(line.Pts, c.ref.Path.Points[:c.referenceIteration()+1], geo)
		}
		sx, sy := geo.ToScreen(c.race.Start[0], c.race.Start[1])
		v.marker(view.StartSprite, view.Circle, ink, sx, sy)
		x, y := geo.ToScreen(r.X, r.Y)
		x, y = geo.Clamp(x, y, 12*c.screen.DPR)
		kind := view.BallSprite
		if r.Status == race.Diverged {
			kind = view.DivergedSprite
		}
		v.marker(kind, view.RunnerShape(r.ID), view.RunnerColor(r.ID), x, y)
		c.explainItems(v, geo, runners[i:i+1])
		frame := v.add(Rect, view.RunnerColor(r.ID), 0) // the panel's top edge in its runner's colour
		frame.Pts = append(frame.Pts, 0, 0, float32(geo.W), float32(3*c.screen.DPR))
	}
	d.fieldStale, d.trailsStale, g.shown = false, false, true
}

// layoutToggle is the panel's switch between the overlay and side by side.
func layoutToggle(grid bool) Node {
	on := "0"
	if grid {
		on = "1"
	}
	return El("label", "class", "check").With(
		El("input", "id", "layout-grid", "type", "checkbox").Shows(on).Sends("change", func(v string) Command { return SetLayout{Grid: v == "1"} }),
		El("span").Say(" Side by side: a plot per runner"))
}
