package view

import "image"

// Damage is what a frame must copy anew from a view's cached picture onto the
// screen, which keeps the last frame: where the last frame's items were drawn
// over the picture, where this frame's trails were added to it, and where
// views drawn over it are drawn again. Copying those rectangles instead of the
// whole picture spares the GPU a pass over every pixel of the view each frame,
// which on a software GPU (SwiftShader) is most of a frame's work. Rectangles
// are in the view's pixels, padded by DamagePad and clipped to the view.
type Damage struct {
	Rects []image.Rectangle
	size  image.Point
	area  int
	over  bool // more than a vertex buffer's worth of rectangles
}

// DamagePad widens each rectangle, against rounding: a sprite drawn at a
// fractional position lands on whole pixels up to one off.
const DamagePad = 2

// damageWholeShare is the share of a view's pixels beyond which copying the
// whole picture is simpler and no slower: one rectangle, one pass.
const damageWholeShare = 0.5

// maxDamageRects bounds Rects: four vertices each, under 16-bit indices.
const maxDamageRects = (1 << 16) / 4

// Reset empties d for a view of size.
func (d *Damage) Reset(size image.Point) {
	d.Rects, d.size, d.area, d.over = d.Rects[:0], size, 0, false
}

// Add adds r, padded and clipped to the view; nothing when that is empty.
func (d *Damage) Add(r image.Rectangle) {
	if r.Empty() {
		return
	}
	r = r.Inset(-DamagePad).Intersect(image.Rectangle{Max: d.size})
	if r.Empty() {
		return
	}
	if len(d.Rects) == maxDamageRects {
		d.over = true
		return
	}
	d.Rects = append(d.Rects, r)
	d.area += r.Dx() * r.Dy()
}

// Whole reports whether the whole picture should be copied instead: the
// rectangles cover more than damageWholeShare of the view (overlaps counted
// twice), or there were too many.
func (d *Damage) Whole() bool {
	return d.over || float64(d.area) > damageWholeShare*float64(d.size.X*d.size.Y)
}
