package view

import (
	"math"
	"slices"
)

// Vertex is a corner of a triangle on screen, in pixels. Fade is how far its
// colour fades out: 0 (opaque, the zero value) to 1 (transparent).
type Vertex struct{ X, Y, Fade float32 }

// MaxBatch is the most vertices one batch may hold: indices are uint16.
const MaxBatch = 1 << 16

// The most vertices each mesh appends a point of a polyline: a caller draws
// its batch and starts another before a line would take it past MaxBatch.
const (
	StrokePerPoint    = 7 // a quad a segment and a joint's three
	StripPerPoint     = 5 // two, or five at a bevel
	FeatheredPerPoint = 9 // four, or nine at a bevel
)

// Stroke appends the triangles of the polyline pts (x, y pairs) drawn width
// pixels wide to vs and is, and returns them: a quad per segment, and at each
// joint a triangle on either side, so the outside of a bend has no notch (a
// bevel join). Zero-length segments are skipped. It does not allocate once vs
// and is have grown, so a frame can draw its trails and curves without
// garbage.
func Stroke(vs []Vertex, is []uint16, pts []float32, width float32) ([]Vertex, []uint16) {
	h := width / 2
	var prev [2]Vertex // the last segment's end corners (left, right), for the join
	has := false
	for i := 0; i+3 < len(pts); i += 2 {
		x0, y0, x1, y1 := pts[i], pts[i+1], pts[i+2], pts[i+3]
		dx, dy := x1-x0, y1-y0
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*h, dx/l*h // the left normal, half a width long
		b := uint16(len(vs))
		vs = append(vs, Vertex{X: x0 + nx, Y: y0 + ny}, Vertex{X: x0 - nx, Y: y0 - ny}, Vertex{X: x1 + nx, Y: y1 + ny}, Vertex{X: x1 - nx, Y: y1 - ny})
		is = append(is, b, b+1, b+2, b+1, b+3, b+2)
		if has {
			// The joint (x0, y0) with the last segment's ends and this one's starts.
			c := uint16(len(vs))
			vs = append(vs, Vertex{X: x0, Y: y0}, prev[0], prev[1])
			is = append(is, c, c+1, b, c, c+2, b+1)
		}
		prev, has = [2]Vertex{{X: x1 + nx, Y: y1 + ny}, {X: x1 - nx, Y: y1 - ny}}, true
	}
	return vs, is
}

// maxMiter is how far, in half-widths, a strip's mitred corner may reach from
// its point: sharper turns (beyond 141°) are bevelled.
const maxMiter = 3

// Strip appends the triangles of the polyline pts drawn width pixels wide as one
// strip, two vertices a point, to vs and is, and returns them: the joints are
// mitred, or bevelled where a mitre would reach beyond maxMiter (five vertices
// there). For curves of many
// short segments, such as the loss chart's, it takes less than a third of
// Stroke's vertices; Stroke's bevels suit long segments and sharp turns better.
// Zero-length segments are skipped.
func Strip(vs []Vertex, is []uint16, pts []float32, width float32) ([]Vertex, []uint16) {
	return strip(vs, is, pts, []float32{width / 2, -width / 2}, nil)
}

// Feathered is Strip with soft edges, four vertices a point (nine at a bevel):
// an opaque core one pixel narrower than width and on either side a pixel-wide
// fringe fading out, so that the line's coverage is its width and its edges
// are smooth without an anti-aliasing pass (which ebiten makes in an offscreen
// buffer per draw, at twice the size of the line's bounds).
func Feathered(vs []Vertex, is []uint16, pts []float32, width float32) ([]Vertex, []uint16) {
	core, outer := max(width/2-0.5, 0), width/2+0.5
	return strip(vs, is, pts, []float32{outer, core, -core, -outer}, featherFades[:])
}

var featherFades = [4]float32{1, 0, 0, 1}

// bevel ends the strip's last segment at (x, y) as it was placed and starts the
// next afresh there, along the normal (nx, ny), for a turn too sharp to mitre;
// on either side a triangle from the point fills the gap (a feathered line's
// core), and quads between the two sets' further offsets (its fringe).
func bevel(vs []Vertex, is []uint16, x, y, nx, ny float32, offsets, fades []float32) ([]Vertex, []uint16) {
	k := len(offsets)
	prev, center := uint16(len(vs)-k), uint16(len(vs))
	next := center + 1
	vs = append(vs, Vertex{X: x, Y: y})
	vs = place(vs, offsets, fades, x, y, nx, ny)
	l, r := uint16(k/2-1), uint16(k/2) // the offsets nearest the line, left and right
	is = append(is, center, prev+l, next+l, center, prev+r, next+r)
	for j := l; j > 0; j-- {
		is = append(is, prev+j-1, prev+j, next+j, prev+j-1, next+j, next+j-1)
	}
	for j := r; j+1 < uint16(k); j++ {
		is = append(is, prev+j, prev+j+1, next+j+1, prev+j, next+j+1, next+j)
	}
	return vs, is
}

// place appends a vertex at each offset along (mx, my) from (x, y), faded as
// fades says (nil: opaque).
func place(vs []Vertex, offsets, fades []float32, x, y, mx, my float32) []Vertex {
	for j, o := range offsets {
		v := Vertex{X: x + o*mx, Y: y + o*my}
		if fades != nil {
			v.Fade = fades[j]
		}
		vs = append(vs, v)
	}
	return vs
}

// strip appends the strip through pts with a vertex at each offset along each
// point's mitred normal (left positive), faded as fades says (nil: opaque), and
// a quad between neighbouring offsets of neighbouring points.
//
// It is the painter's busiest loop (the stress race's trails and chart draw
// 4,000 points a frame), so it grows vs and is once for the most a point can
// take, places vertices with a function the compiler inlines, not a closure,
// and takes a segment's length as a square root, not math.Hypot (a call in
// wasm; float32 coordinates cannot overflow a float64's square): in wasm
// under Node, 10% faster for a feathered line and 20% for a plain one, its
// vertices the same but for a rare last bit (a square root against Hypot).
func strip(vs []Vertex, is []uint16, pts []float32, offsets, fades []float32) ([]Vertex, []uint16) {
	k := len(offsets)
	n := len(pts) / 2
	vs = slices.Grow(vs, n*(2*k+1))  // a point's k, and a bevel's k+1
	is = slices.Grow(is, n*12*(k-1)) // a segment's k−1 quads, and a bevel's as many
	var px, py, pnx, pny float32     // the last point kept, and the normal of the segment to it
	kept := 0
	for i := 0; i+1 < len(pts); i += 2 {
		x, y := pts[i], pts[i+1]
		if kept > 0 {
			dx, dy := x-px, y-py
			l := float32(math.Sqrt(float64(dx)*float64(dx) + float64(dy)*float64(dy)))
			if l == 0 {
				continue
			}
			nx, ny := -dy/l, dx/l // the left unit normal of the segment to (x, y)
			if kept == 1 {
				vs = place(vs, offsets, fades, px, py, nx, ny)
			} else {
				// The vertices at (px, py), placed for the last segment alone, move
				// to the bisector q = n₀ + n₁ of the two normals: 2q/|q|² per unit
				// of offset reaches where the edges meet, cut short at maxMiter.
				qx, qy := pnx+nx, pny+ny
				if q2 := qx*qx + qy*qy; q2 >= 4.0/(maxMiter*maxMiter) {
					place(vs[:len(vs)-k], offsets, fades, px, py, 2*qx/q2, 2*qy/q2) // over them, in place
				} else {
					vs, is = bevel(vs, is, px, py, nx, ny, offsets, fades)
				}
			}
			b, c := uint16(len(vs)-k), uint16(k)
			vs = place(vs, offsets, fades, x, y, nx, ny)
			for j := range c - 1 { // a quad between offsets j and j+1, from b+j to b+c+j
				is = append(is, b+j, b+j+1, b+c+j, b+j+1, b+c+j+1, b+c+j)
			}
			pnx, pny = nx, ny
		}
		px, py = x, y
		kept++
	}
	return vs, is
}

// Rect appends the two triangles of the rectangle x, y, w, h.
func Rect(vs []Vertex, is []uint16, x, y, w, h float32) ([]Vertex, []uint16) {
	b := uint16(len(vs))
	vs = append(vs, Vertex{X: x, Y: y}, Vertex{X: x + w, Y: y}, Vertex{X: x, Y: y + h}, Vertex{X: x + w, Y: y + h})
	return vs, append(is, b, b+1, b+2, b+1, b+3, b+2)
}
