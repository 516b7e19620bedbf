package view

import (
	"image"
	"image/color"
	"math"
)

// Batch is triangles to draw in one call, each vertex in its own colour, so
// that a frame's trails, or a run of a view's lines and rectangles, cost the
// GPU one draw (and ebiten one allocation). It holds at most MaxBatch
// vertices; it is reused, and allocates nothing once grown.
type Batch struct {
	Vs   []Painted
	Is   []uint16
	mesh []Vertex // Vs' positions, as the meshes append them

	// TrackReach makes paint keep the box of the vertices it paints, for
	// TakeReach: only a painter that needs it pays for it.
	TrackReach bool
	reach      [4]float32 // min x, min y, max x, max y, since the last TakeReach; Reset keeps it
	reached    bool       // reach holds a vertex
}

// Painted is a vertex in screen pixels with its colour, alpha-premultiplied,
// each channel from 0 to 1.
type Painted struct{ X, Y, R, G, B, A float32 }

// LineMesh is how a Batch draws a line.
type LineMesh int

const (
	Bevelled LineMesh = iota // Stroke: sharp edges, bevelled joints
	Mitred                   // Strip: sharp edges, two vertices a point
	Soft                     // Feathered: a fringe that fades out
)

var lineMeshes = [...]struct {
	add      func(vs []Vertex, is []uint16, pts []float32, width float32) ([]Vertex, []uint16)
	perPoint int
}{
	Bevelled: {Stroke, StrokePerPoint},
	Mitred:   {Strip, StripPerPoint},
	Soft:     {Feathered, FeatheredPerPoint},
}

// Reset empties b.
func (b *Batch) Reset() { b.Vs, b.Is, b.mesh = b.Vs[:0], b.Is[:0], b.mesh[:0] }

// Line adds the polyline pts (x, y pairs, offset by ox, oy) in c, drawn width
// pixels wide as m makes it, as far as b can take it, and returns the rest
// (nil when it took all): the caller draws b, resets it and adds the rest. A
// line longer than a batch goes in pieces that share a point.
func (b *Batch) Line(pts []float32, width float32, c color.RGBA, ox, oy float32, m LineMesh) (rest []float32) {
	lm := lineMeshes[m]
	for len(pts) >= 4 {
		n := min(len(pts), 2*(MaxBatch/lm.perPoint))
		if len(b.mesh)+lm.perPoint*n/2 > MaxBatch {
			return pts
		}
		from := len(b.mesh)
		b.mesh, b.Is = lm.add(b.mesh, b.Is, pts[:n], width)
		b.paint(from, c, ox, oy)
		if n == len(pts) {
			break
		}
		pts = pts[n-2:]
	}
	return nil
}

// Rect adds the rectangle x, y, w, h (offset by ox, oy) in c, and reports
// whether b could take it.
func (b *Batch) Rect(x, y, w, h float32, c color.RGBA, ox, oy float32) bool {
	if len(b.mesh)+4 > MaxBatch {
		return false
	}
	from := len(b.mesh)
	b.mesh, b.Is = Rect(b.mesh, b.Is, x, y, w, h)
	b.paint(from, c, ox, oy)
	return true
}

// Sprite adds the layers of a sprite (SpriteLayers) in c, and its black ones in
// black, bottom first, in the sprite's own pixels.
func (b *Batch) Sprite(kind SpriteKind, shape Shape, c color.RGBA, scale float32) {
	for _, l := range SpriteLayers(kind, shape, scale) {
		lc := c
		if l.Black {
			lc = color.RGBA{A: 0xff}
		}
		from := uint16(len(b.mesh))
		for _, i := range l.Is {
			b.Is = append(b.Is, from+i)
		}
		b.mesh = append(b.mesh, l.Vs...)
		b.paint(int(from), lc, 0, 0)
	}
}

// paint colours the positions from on, offset by (ox, oy), in c faded as each
// says (colours are alpha-premultiplied, so all four channels scale).
func (b *Batch) paint(from int, c color.RGBA, ox, oy float32) {
	r, g, bl, a := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	for _, m := range b.mesh[from:] {
		k := 1 - m.Fade
		b.Vs = append(b.Vs, Painted{X: ox + m.X, Y: oy + m.Y, R: k * r, G: k * g, B: k * bl, A: k * a})
	}
	if b.TrackReach {
		b.extend(b.Vs[len(b.Vs)-(len(b.mesh)-from):])
	}
}

// extend grows the reach to hold vs. Plain comparisons, not min and max,
// which in wasm cost a frame of the stress race some 0.5 ms; a NaN vertex,
// which draws nothing, is passed over.
func (b *Batch) extend(vs []Painted) {
	if len(vs) == 0 {
		return
	}
	r := b.reach
	if !b.reached {
		r = [4]float32{vs[0].X, vs[0].Y, vs[0].X, vs[0].Y}
		b.reached = true
	}
	for _, v := range vs {
		if v.X < r[0] {
			r[0] = v.X
		}
		if v.Y < r[1] {
			r[1] = v.Y
		}
		if v.X > r[2] {
			r[2] = v.X
		}
		if v.Y > r[3] {
			r[3] = v.Y
		}
	}
	b.reach = r
}

// TakeReach returns the whole pixels that the vertices painted since the last
// call (while TrackReach) may cover, empty when there were none, and starts
// anew. Drawing the
// batch touches nothing outside it (a triangle lies within its vertices' box).
func (b *Batch) TakeReach() image.Rectangle {
	if !b.reached {
		return image.Rectangle{}
	}
	b.reached = false
	r := b.reach
	if !(r[0] > -maxReach && r[1] > -maxReach && r[2] < maxReach && r[3] < maxReach) { // far off, or NaN
		return image.Rect(-maxReach, -maxReach, maxReach, maxReach)
	}
	return image.Rect(int(math.Floor(float64(r[0]))), int(math.Floor(float64(r[1]))), int(math.Ceil(float64(r[2]))), int(math.Ceil(float64(r[3]))))
}

// maxReach bounds TakeReach's rectangles: beyond it (a point far off the
// screen) it says "everywhere".
const maxReach = 1 << 24
