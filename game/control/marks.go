package control

import (
	"image/color"

	"descent/game/view"
)

// The plot's reading aids, in CSS pixels: tick marks on the left and bottom
// edges at least tickGap apart, tickLen long; a cross of minimumArm at every
// known minimum, the global ones in ink, the local ones dimmer.
const (
	tickGap    = 50
	tickLen    = 6
	minimumArm = 5
)

var (
	tickInk     = color.RGBA{0xf2, 0xf2, 0xf2, 0xc0}
	localMinInk = color.RGBA{0x90, 0x90, 0x98, 0xc0}
)

// ticks are one view's tick positions in its pixels, kept while its geometry is.
type ticks struct {
	geo    view.View
	dpr    float64
	xs, ys []float32
	xl, yl []view.Tick
}

// ticksFor returns geo's ticks, computing them only for a geometry not seen
// in the last few frames, so a steady frame allocates nothing.
func (c *Controller) ticksFor(geo view.View) *ticks {
	for i := range c.tickCache {
		if t := &c.tickCache[i]; t.geo == geo && t.dpr == c.screen.DPR {
			return t
		}
	}
	if len(c.tickCache) >= 16 {
		c.tickCache = c.tickCache[:0]
	}
	gap := tickGap * c.screen.DPR
	t := ticks{geo: geo, dpr: c.screen.DPR, xl: geo.XTicks(gap), yl: geo.YTicks(gap)}
	for _, k := range t.xl {
		x, _ := geo.ToScreen(k.Value, 0)
		t.xs = append(t.xs, float32(x))
	}
	for _, k := range t.yl {
		_, y := geo.ToScreen(0, k.Value)
		t.ys = append(t.ys, float32(y))
	}
	c.tickCache = append(c.tickCache, t)
	return &c.tickCache[len(c.tickCache)-1]
}

// plotMarks adds the axes' tick marks and the minima's crosses to a field view
// whose geometry is geo.
func (c *Controller) plotMarks(v *View, geo view.View) {
	c.tickMarks(v, c.ticksFor(geo))
	dpr := float32(c.screen.DPR)
	lowest := c.fmin
	arm := minimumArm * dpr
	for _, m := range c.problem.Minima {
		x, y := geo.ToScreen(m.X, m.Y)
		if x < -float64(arm) || y < -float64(arm) || x > float64(geo.W)+float64(arm) || y > float64(geo.H)+float64(arm) {
			continue
		}
		ink := localMinInk
		if m.Value <= lowest+1e-9*(1+abs(lowest)) {
			ink = tickInk
		}
		fx, fy := float32(x), float32(y)
		a := v.add(Rect, ink, 0)
		a.Pts = append(a.Pts, fx-arm, fy-dpr/2, 2*arm, dpr)
		b := v.add(Rect, ink, 0)
		b.Pts = append(b.Pts, fx-dpr/2, fy-arm, dpr, 2*arm)
	}
}

// tickMarks adds the tick marks of t along the bottom and left edges of v.
func (c *Controller) tickMarks(v *View, t *ticks) {
	dpr := float32(c.screen.DPR)
	h, l := float32(v.Rect.Dy()), tickLen*dpr
	for _, x := range t.xs {
		it := v.add(Rect, tickInk, 0)
		it.Pts = append(it.Pts, x-dpr/2, h-l, dpr, l)
	}
	for _, y := range t.ys {
		it := v.add(Rect, tickInk, 0)
		it.Pts = append(it.Pts, 0, y-dpr/2, l, dpr)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
