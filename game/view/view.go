// Package view holds the pure geometry of the plot: world<->screen mapping, fitting,
// zoom, and the level scale used to colour the field.
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
// centred on a w×h screen, with equal scale on both axes.
func Fit(xmin, xmax, ymin, ymax float64, w, h int) View {
	if w < 1 {
		w = 1
	}
	if h < 1 {
		h = 1
	}
	sx := (xmax - xmin) / (float64(w) * (1 - 2*fitMargin))
	sy := (ymax - ymin) / (float64(h) * (1 - 2*fitMargin))
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

// Resize keeps the centre and scale and changes the screen size; a view that has
// never been fitted (zero scale) stays unfitted.
func (v View) Resize(w, h int) View {
	v.W, v.H = w, h
	return v
}
