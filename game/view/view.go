// Package view holds the pure geometry and colours of the plot: world<->screen
// mapping, fitting, zoom, axis ticks, the level scale that colours the field, and
// the runners' colours and shapes.
package view

import "math"

// View maps world coordinates (x right, y up) to screen pixels (x right, y down).
// The zero value is not useful; build one with Fit.
type View struct {
	CX, CY float64 // world point at the centre of the screen
	Scale  float64 // world units per screen pixel
	W, H   int     // screen size in pixels
}

// fitMargin is the fraction of the screen left free around a fitted domain, so that
// balls on the domain's edge are not cut in half.
const fitMargin = 0.04

// Fit returns the view that shows the rectangle [xmin,xmax]×[ymin,ymax] whole and
// centred on a w×h screen, with equal scale on both axes and a margin around.
func Fit(xmin, xmax, ymin, ymax float64, w, h int) View {
	return fit(xmin, xmax, ymin, ymax, w, h, fitMargin)
}

// FitExact is Fit without the margin: a view written down by Bounds comes back
// as it was.
func FitExact(xmin, xmax, ymin, ymax float64, w, h int) View {
	return fit(xmin, xmax, ymin, ymax, w, h, 0)
}

func fit(xmin, xmax, ymin, ymax float64, w, h int, margin float64) View {
	if w < 1 {
		w = 1
	}
	if h < 1 {
		h = 1
	}
	sx := (xmax - xmin) / (float64(w) * (1 - 2*margin))
	sy := (ymax - ymin) / (float64(h) * (1 - 2*margin))
	return View{
		CX:    (xmin + xmax) / 2,
		CY:    (ymin + ymax) / 2,
		Scale: math.Max(sx, sy),
		W:     w,
		H:     h,
	}
}

// ToScreen returns the screen position of the world point (x, y).
func (v View) ToScreen(x, y float64) (sx, sy float64) {
	return float64(v.W)/2 + (x-v.CX)/v.Scale, float64(v.H)/2 - (y-v.CY)/v.Scale
}

// ToWorld returns the world point under the screen position (sx, sy).
func (v View) ToWorld(sx, sy float64) (x, y float64) {
	return v.CX + (sx-float64(v.W)/2)*v.Scale, v.CY - (sy-float64(v.H)/2)*v.Scale
}

// Bounds returns the world rectangle the view shows.
func (v View) Bounds() (xmin, xmax, ymin, ymax float64) {
	hw, hh := float64(v.W)/2*v.Scale, float64(v.H)/2*v.Scale
	return v.CX - hw, v.CX + hw, v.CY - hh, v.CY + hh
}

// MinRelativeScale bounds zooming in: the field shader computes in 32-bit floats
// from the view's centre, which resolves about one part in 10⁷ of it.
const MinRelativeScale = 1e-6

// ZoomAt scales the view by factor (below 1 zooms in) about the screen point
// (sx, sy), which stays over the same world point. Zoom stops where 32-bit
// floats would blur the field, and at a huge zoom-out.
func (v View) ZoomAt(sx, sy, factor float64) View {
	wx, wy := v.ToWorld(sx, sy)
	scale := v.Scale * factor
	floor := MinRelativeScale * math.Max(1, math.Max(math.Abs(wx), math.Abs(wy)))
	scale = math.Max(floor, math.Min(scale, 1e6))
	// Keep (wx, wy) under (sx, sy): CX = wx − (sx − W/2)·scale, likewise for y.
	v.CX = wx - (sx-float64(v.W)/2)*scale
	v.CY = wy + (sy-float64(v.H)/2)*scale
	v.Scale = scale
	return v
}

// PanBy moves the picture by (dx, dy) screen pixels: the world point under a
// dragged pointer follows it.
func (v View) PanBy(dx, dy float64) View {
	v.CX -= dx * v.Scale
	v.CY += dy * v.Scale
	return v
}

// Clamp moves the screen point (x, y), when it lies off the screen inset by m,
// onto that inset border along the line from the screen's centre, so it shows
// in which direction the point lies.
func (v View) Clamp(x, y, m float64) (float64, float64) {
	cx, cy := float64(v.W)/2, float64(v.H)/2
	dx, dy := x-cx, y-cy
	t := 1.0
	if hx := cx - m; math.Abs(dx) > hx && hx > 0 {
		t = math.Min(t, hx/math.Abs(dx))
	}
	if hy := cy - m; math.Abs(dy) > hy && hy > 0 {
		t = math.Min(t, hy/math.Abs(dy))
	}
	return cx + dx*t, cy + dy*t
}
