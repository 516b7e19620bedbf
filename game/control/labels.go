package control

import (
	"image"

	"descent/game/legend"
	"descent/game/view"
)

// The level legend: a strip of the field's colours, levelWidth CSS pixels wide
// and at most levelHeight high, levelMargin from the canvas's right edge, above
// the loss chart; levelStrips bands of colour and levelValues+1 values.
const (
	levelWidth   = 10
	levelHeight  = 150
	levelMargin  = 8
	levelStrips  = 32
	levelValues  = 4
	labelClear   = 22 // CSS pixels near a corner where two axes' numbers would collide
	levelAboveCh = 26 // CSS pixels between the strip and the chart, for the chart's title
	// levelAbovePanel is the room between the strip and a grid panel above it,
	// for the strip's top value; below levelMinHeight the strip is left out.
	levelAbovePanel = 12
	levelMinHeight  = 60
)

// levelCache holds the level legend of the levels it was made for.
type levelCache struct {
	levels view.Levels
	strip  []view.Stop
	values []view.Stop
}

// levelRect is where the level legend goes, in device pixels: above the chart
// and below every panel of panels in its column (in grid layout it stands in
// the free cell with the chart); empty when there is too little room for it.
func levelRect(s Screen, panels []image.Rectangle) image.Rectangle {
	ch := chartRect(s)
	h := min(levelHeight*s.DPR, 0.3*float64(s.H))
	x0 := float64(s.W) - (levelMargin+levelWidth)*s.DPR
	x1 := x0 + levelWidth*s.DPR
	y1 := float64(ch.Min.Y) - levelAboveCh*s.DPR
	for _, p := range panels {
		if float64(p.Min.X) < x1 && float64(p.Max.X) > x0 {
			// A panel above takes the room it covers; one reaching lower (no
			// free cell, or a low one) leaves none.
			h = min(h, y1-float64(p.Max.Y)-levelAbovePanel*s.DPR)
		}
	}
	if h < levelMinHeight*s.DPR || y1-h < 0.1*float64(s.H) {
		return image.Rectangle{}
	}
	return image.Rect(int(x0), int(y1-h), int(x1), int(y1))
}

// levelFrame adds the level legend's view: the field's colours, low at the
// bottom, with the values they stand for as labels.
func (c *Controller) levelFrame(f *Frame) {
	r := levelRect(c.screen, c.grid.rects)
	if r.Empty() {
		return
	}
	lc := &c.levelLegend
	if lv := c.drawer.levels; lc.strip == nil || lv != lc.levels {
		lc.levels, lc.strip, lc.values = lv, lv.Legend(levelStrips), lv.Legend(levelValues)
	}
	v := f.next(LevelView, r)
	w, h := float32(r.Dx()), float32(r.Dy())
	band := h / levelStrips
	for k := range levelStrips {
		it := v.add(Rect, lc.strip[k].Color, 0)
		it.Pts = append(it.Pts, 0, h-float32(k+1)*band, w, band+0.5)
	}
	dpr := c.screen.DPR
	for k, s := range lc.values {
		y := float64(r.Max.Y) - float64(k)*float64(r.Dy())/levelValues
		f.Legend.Labels = append(f.Legend.Labels, legend.Label{X: float64(r.Min.X)/dpr - 3, Y: y / dpr, Text: s.Label, Class: legend.LevelClass})
	}
}

// frameLabels writes the frame's text over the plot: each field view's axis
// numbers, in grid layout each panel's title, and the level legend.
func (c *Controller) frameLabels(f *Frame) {
	f.Legend.Labels = f.Legend.Labels[:0]
	c.axisLabels(f)
	c.levelFrame(f)
	c.chartLabels(f)
}

// titleInset is how far a panel's title keeps from its panel's top left and
// right edges, in CSS pixels.
const titleInset = 6

// axisLabels adds each field view's axis numbers (and in grid layout each
// panel's title) to the frame's labels.
func (c *Controller) axisLabels(f *Frame) {
	dpr := c.screen.DPR
	panel := 0
	for i := range f.Views {
		v := &f.Views[i]
		if v.Kind != FieldView || v.Field == nil {
			continue
		}
		c.tickLabels(f, v.Rect, c.ticksFor(v.Field.Geo))
		if len(c.grid.rects) > 0 { // grid layout: each panel's title
			panel++
			x0, y0, w := float64(v.Rect.Min.X)/dpr, float64(v.Rect.Min.Y)/dpr, float64(v.Rect.Dx())/dpr
			f.Legend.Labels = append(f.Legend.Labels, legend.Label{X: x0 + titleInset, Y: y0 + titleInset,
				MaxWidth: w - 2*titleInset, Row: panel, Class: legend.TitleClass})
		}
	}
}

// tickLabels adds the numbers of t's ticks in the view rectangle r (device
// pixels): along its bottom and up its left, clear of the corner.
func (c *Controller) tickLabels(f *Frame, r image.Rectangle, t *ticks) {
	dpr := c.screen.DPR
	x0, y0 := float64(r.Min.X)/dpr, float64(r.Min.Y)/dpr
	x1, y1 := float64(r.Max.X)/dpr, float64(r.Max.Y)/dpr
	for k, x := range t.xs {
		if cx := x0 + float64(x)/dpr; cx > x0+labelClear && cx < x1-labelClear/2 {
			f.Legend.Labels = append(f.Legend.Labels, legend.Label{X: cx, Y: y1 - tickLen - 1, Text: t.xl[k].Label, Class: legend.XTickClass})
		}
	}
	for k, y := range t.ys {
		if cy := y0 + float64(y)/dpr; cy > y0+labelClear/2 && cy < y1-labelClear {
			f.Legend.Labels = append(f.Legend.Labels, legend.Label{X: x0 + tickLen + 2, Y: cy, Text: t.yl[k].Label, Class: legend.YTickClass})
		}
	}
}

// chartCaption is what the loss chart plots.
const chartCaption = "loss − lowest, log scale"

// chartLabels are the loss chart's caption, decades and steps, at its corners.
func (c *Controller) chartLabels(f *Frame) {
	b := f.Legend.Chart.Box
	if b[2] == 0 {
		return
	}
	const inset = 3 // CSS pixels inside the chart's edges
	x0, y0, x1, y1 := b[0], b[1], b[0]+b[2], b[1]+b[3]
	f.Legend.Labels = append(f.Legend.Labels,
		legend.Label{X: x0 + inset, Y: y0 - inset, Text: chartCaption, Class: legend.ChartCaptionClass},
		legend.Label{X: x1 - inset, Y: y0 + inset, Chart: legend.ChartTop, Class: legend.TopRightClass},
		legend.Label{X: x1 - inset, Y: y1 - inset, Chart: legend.ChartBottom, Class: legend.BottomRightClass},
		legend.Label{X: x0 + inset, Y: y1 - inset, Chart: legend.ChartSteps, Class: legend.BottomLeftClass})
}
