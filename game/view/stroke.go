package view

import "math"

// Vertex is a corner of a triangle on screen, in pixels. Fade is how far its
// colour fades out: 0 (opaque, the zero value) to 1 (transparent).
type Vertex struct{ X, Y, Fade float32 }

// maxVertices is the most vertices one batch may hold: indices are uint16.
const maxVertices = 1 << 16

// Stroke appends the triangles of the polyline pts (x, y pairs) drawn width
// pixels wide to vs and is, and returns them: a quad per segment, and at each
// joint a triangle on either side, so the outside of a bend has no notch (a
// bevel join). Zero-length segments are skipped. It does not allocate once vs
// and is have grown, so a frame can draw its trails and curves without
// garbage; a caller must draw and start a new batch before Room says no.
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

// Feathered appends the triangles of the polyline pts drawn width pixels wide
// with soft edges to vs and is, and returns them: an opaque core one pixel
// narrower than width, and on either side a pixel-wide fringe fading out, so
// that the line's coverage is its width and its edges are smooth without an
// anti-aliasing pass (which ebiten makes in an offscreen buffer per draw, at
// twice the size of the line's bounds). Joints are bevelled, as Stroke's, fringe
// included. Zero-length segments are skipped; a caller must draw and start a
// new batch before RoomFeathered says no.
func Feathered(vs []Vertex, is []uint16, pts []float32, width float32) ([]Vertex, []uint16) {
	core, outer := max(width/2-0.5, 0), width/2+0.5 // half-widths
	var prev [4]uint16                              // the last segment's end vertices: fringe, core, core, fringe
	has := false
	for i := 0; i+3 < len(pts); i += 2 {
		x0, y0, x1, y1 := pts[i], pts[i+1], pts[i+2], pts[i+3]
		dx, dy := x1-x0, y1-y0
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		nx, ny := -dy/l, dx/l // the left unit normal
		b := uint16(len(vs))
		for _, p := range [2][2]float32{{x0, y0}, {x1, y1}} {
			vs = append(vs,
				Vertex{X: p[0] + outer*nx, Y: p[1] + outer*ny, Fade: 1},
				Vertex{X: p[0] + core*nx, Y: p[1] + core*ny},
				Vertex{X: p[0] - core*nx, Y: p[1] - core*ny},
				Vertex{X: p[0] - outer*nx, Y: p[1] - outer*ny, Fade: 1})
		}
		for k := range uint16(3) { // fringe, core, fringe: b+k at the start, b+4+k at the end
			is = append(is, b+k, b+k+1, b+4+k, b+k+1, b+5+k, b+4+k)
		}
		if has {
			// On each side of the joint (x0, y0): a core triangle and a fringe
			// quad between the last segment's end and this one's start.
			c := uint16(len(vs))
			vs = append(vs, Vertex{X: x0, Y: y0})
			is = append(is,
				c, prev[1], b+1, prev[0], prev[1], b+1, prev[0], b+1, b,
				c, prev[2], b+2, prev[3], prev[2], b+2, prev[3], b+2, b+3)
		}
		prev, has = [4]uint16{b + 4, b + 5, b + 6, b + 7}, true
	}
	return vs, is
}

// RoomFeathered reports whether a batch holding n vertices can take a
// feathered polyline of points more points within the uint16 index range.
func RoomFeathered(n, points int) bool { return n+9*max(points-1, 0) <= maxVertices }

// maxMiter is how far, in half-widths, a Strip's corner may reach from its
// point: sharper bends are cut short there.
const maxMiter = 3

// Strip appends the triangles of the polyline pts drawn width pixels wide as one
// strip, two vertices a point, to vs and is, and returns them: the joints are
// mitred, a corner sharper than maxMiter allows cut short. For curves of many
// short segments, such as the loss chart's, it takes less than a third of
// Stroke's vertices; Stroke's bevels suit long segments and sharp turns better.
// Zero-length segments are skipped.
func Strip(vs []Vertex, is []uint16, pts []float32, width float32) ([]Vertex, []uint16) {
	h := width / 2
	var px, py, pnx, pny float32 // the last point kept, and the normal of the segment to it
	kept := 0
	for i := 0; i+1 < len(pts); i += 2 {
		x, y := pts[i], pts[i+1]
		if kept > 0 {
			dx, dy := x-px, y-py
			l := float32(math.Hypot(float64(dx), float64(dy)))
			if l == 0 {
				continue
			}
			nx, ny := -dy/l, dx/l // the left unit normal of the segment to (x, y)
			if kept == 1 {
				vs = append(vs, Vertex{X: px + h*nx, Y: py + h*ny}, Vertex{X: px - h*nx, Y: py - h*ny})
			} else {
				// The corners at (px, py), placed for the last segment alone, move
				// to the bisector q = n₀ + n₁ of the two normals: 2h·q/|q|² reaches
				// where the edges meet, cut short at maxMiter·h.
				qx, qy := pnx+nx, pny+ny
				q2 := qx*qx + qy*qy
				var ox, oy float32
				switch {
				case q2 == 0: // a full reversal: no bisector
					ox, oy = h*nx, h*ny
				case q2 < 4.0/(maxMiter*maxMiter):
					f := maxMiter * h / float32(math.Sqrt(float64(q2)))
					ox, oy = f*qx, f*qy
				default:
					ox, oy = 2*h*qx/q2, 2*h*qy/q2
				}
				n := len(vs)
				vs[n-2], vs[n-1] = Vertex{X: px + ox, Y: py + oy}, Vertex{X: px - ox, Y: py - oy}
			}
			b := uint16(len(vs) - 2)
			vs = append(vs, Vertex{X: x + h*nx, Y: y + h*ny}, Vertex{X: x - h*nx, Y: y - h*ny})
			is = append(is, b, b+1, b+2, b+1, b+3, b+2)
			pnx, pny = nx, ny
		}
		px, py = x, y
		kept++
	}
	return vs, is
}

// StrokeVertices is the most vertices Stroke appends for a polyline of n points.
func StrokeVertices(n int) int { return 7 * max(n-1, 0) }

// Room reports whether a batch holding n vertices can take a polyline of
// points more points within the uint16 index range.
func Room(n, points int) bool { return n+StrokeVertices(points) <= maxVertices }

// Rect appends the two triangles of the rectangle x, y, w, h.
func Rect(vs []Vertex, is []uint16, x, y, w, h float32) ([]Vertex, []uint16) {
	b := uint16(len(vs))
	vs = append(vs, Vertex{X: x, Y: y}, Vertex{X: x + w, Y: y}, Vertex{X: x, Y: y + h}, Vertex{X: x + w, Y: y + h})
	return vs, append(is, b, b+1, b+2, b+1, b+3, b+2)
}
