package view

import (
	"math"
	"testing"
)

// area is the summed area of the triangles, counting overlaps twice.
func area(vs []Vertex, is []uint16) float64 {
	a := 0.0
	for i := 0; i+2 < len(is); i += 3 {
		p, q, r := vs[is[i]], vs[is[i+1]], vs[is[i+2]]
		a += math.Abs(float64((q.X-p.X)*(r.Y-p.Y)-(r.X-p.X)*(q.Y-p.Y))) / 2
	}
	return a
}

func TestStrokeCoversTheLine(t *testing.T) {
	// A straight 10 px segment 2 px wide covers 20 px².
	vs, is := Stroke(nil, nil, []float32{0, 0, 10, 0}, 2)
	if got := area(vs, is); math.Abs(got-20) > 1e-4 {
		t.Errorf("one segment: area %v, want 20", got)
	}
	// A right-angle bend adds two 10×2 quads and a joint triangle of ½·1·1·√2·√2/… : its
	// outer gap is the triangle (corner, end of the first, start of the second) of area ½.
	vs, is = Stroke(nil, nil, []float32{0, 0, 10, 0, 10, 10}, 2)
	if got := area(vs, is); math.Abs(got-(40+0.5+0.5)) > 1e-4 {
		t.Errorf("bend: area %v, want 41 (two quads and two half-unit joint triangles)", got)
	}
	for _, i := range is {
		if int(i) >= len(vs) {
			t.Fatalf("index %d beyond %d vertices", i, len(vs))
		}
	}
	if len(vs) > StrokeVertices(3) {
		t.Errorf("%d vertices for 3 points, StrokeVertices says at most %d", len(vs), StrokeVertices(3))
	}
}

func TestStrokeSkipsRepeatsAndShortInput(t *testing.T) {
	if vs, is := Stroke(nil, nil, []float32{1, 1}, 2); len(vs) != 0 || len(is) != 0 {
		t.Errorf("one point drew %d vertices", len(vs))
	}
	vs, _ := Stroke(nil, nil, []float32{0, 0, 0, 0, 5, 0}, 2)
	if len(vs) != 4 {
		t.Errorf("a repeated point: %d vertices, want one quad's 4", len(vs))
	}
}

func TestStrokeDoesNotAllocateOnReuse(t *testing.T) {
	pts := make([]float32, 0, 2000)
	for i := 0; i < 1000; i++ {
		pts = append(pts, float32(i), float32(math.Sin(float64(i)/10)*50))
	}
	vs, is := Stroke(nil, nil, pts, 2)
	allocs := testing.AllocsPerRun(20, func() { vs, is = Stroke(vs[:0], is[:0], pts, 2) })
	if allocs != 0 {
		t.Errorf("%v allocations a stroke with reused buffers, want 0", allocs)
	}
	if !Room(0, 1000) || Room(maxVertices-10, 1000) {
		t.Errorf("Room is wrong about a 1000-point line")
	}
	vs, is = Rect(vs[:0], is[:0], 0, 0, 3, 4)
	if area(vs, is) != 12 {
		t.Errorf("Rect 3×4: area %v", area(vs, is))
	}
}
