package view

import "math"

// Vertex is a corner of a triangle on screen, in pixels.
type Vertex struct{ X, Y float32 }

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
		vs = append(vs, Vertex{x0 + nx, y0 + ny}, Vertex{x0 - nx, y0 - ny}, Vertex{x1 + nx, y1 + ny}, Vertex{x1 - nx, y1 - ny})
		is = append(is, b, b+1, b+2, b+1, b+3, b+2)
		if has {
			// The joint (x0, y0) with the last segment's ends and this one's starts.
			c := uint16(len(vs))
			vs = append(vs, Vertex{x0, y0}, prev[0], prev[1])
			is = append(is, c, c+1, b, c, c+2, b+1)
		}
		prev, has = [2]Vertex{{x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}}, true
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
	vs = append(vs, Vertex{x, y}, Vertex{x + w, y}, Vertex{x, y + h}, Vertex{x + w, y + h})
	return vs, append(is, b, b+1, b+2, b+1, b+3, b+2)
}
