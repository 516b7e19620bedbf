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
	if len(vs) > 3*StrokePerPoint {
		t.Errorf("%d vertices for 3 points, StrokePerPoint says at most %d", len(vs), 3*StrokePerPoint)
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
	if len(vs) > 1000*StrokePerPoint {
		t.Errorf("%d vertices for 1000 points, StrokePerPoint says at most %d", len(vs), 1000*StrokePerPoint)
	}
	vs, is = Rect(vs[:0], is[:0], 0, 0, 3, 4)
	if area(vs, is) != 12 {
		t.Errorf("Rect 3×4: area %v", area(vs, is))
	}
}

// TestSpriteLayers: a ball fills its shape's area (a square of half-diagonal
// 7 has area 2·7² = 98) under a black outline; a diverged one is crossed out.
func TestSpriteLayers(t *testing.T) {
	sq := SpriteLayers(BallSprite, Square, 1)
	if len(sq) != 2 || sq[0].Black || !sq[1].Black {
		t.Fatalf("square ball: %d layers", len(sq))
	}
	// Feathered over a pixel across the outline (radius r ± ½, fading linearly),
	// a fill of area k·r² covers k·(r² + 1/12): a square of half-diagonal 7 has
	// k = 2, a 32-gon k = 16·sin(2π/32), with r = 6.
	if a, want := coverage(sq[0].Vs, sq[0].Is), 2*(49+1.0/12); math.Abs(a-want) > 1e-3 {
		t.Errorf("square ball's fill: coverage %v, want %v", a, want)
	}
	circ := SpriteLayers(BallSprite, Circle, 1)
	if a, want := coverage(circ[0].Vs, circ[0].Is), 16*math.Sin(2*math.Pi/32)*(36+1.0/12); math.Abs(a-want) > 1e-3 {
		t.Errorf("round ball's fill: coverage %v, want %v", a, want)
	}
	// The outline ring covers its width times the square's perimeter (4 sides
	// of 7√2): mitred corners add nothing, and no side is drawn twice.
	if a, want := coverage(sq[1].Vs, sq[1].Is), 1.5*4*7*math.Sqrt2; math.Abs(a-want) > 0.01*want {
		t.Errorf("square ball's outline: coverage %v, want %v", a, want)
	}
	if n := len(SpriteLayers(DivergedSprite, Star, 2)); n != 4 {
		t.Errorf("diverged star: %d layers, want fill, outline and two strokes", n)
	}
	for _, k := range []SpriteKind{ReferenceSprite, DotSprite, StartSprite} {
		for _, l := range SpriteLayers(k, Circle, 2) {
			for _, v := range l.Vs {
				if v.X < 0 || v.Y < 0 || v.X > 2*SpriteHalf*2 || v.Y > 2*SpriteHalf*2 {
					t.Errorf("sprite %d has a vertex at %v, outside its %v px box", k, v, 2*SpriteHalf*2)
				}
			}
		}
	}
	if SpriteLayers(SpriteKind(99), Circle, 1) != nil {
		t.Error("an unknown sprite has layers")
	}
}

// coverage is the summed coverage of the triangles: each one's area times its
// mean opacity, exact for an opacity that is linear across it.
func coverage(vs []Vertex, is []uint16) float64 {
	c := 0.0
	for i := 0; i+2 < len(is); i += 3 {
		p, q, r := vs[is[i]], vs[is[i+1]], vs[is[i+2]]
		a := math.Abs(float64((q.X-p.X)*(r.Y-p.Y)-(r.X-p.X)*(q.Y-p.Y))) / 2
		c += a * (3 - float64(p.Fade+q.Fade+r.Fade)) / 3
	}
	return c
}

func TestFeatheredCoversItsWidth(t *testing.T) {
	// A straight 10 px segment 3 px wide: a 2 px opaque core, and on either side
	// a 1 px fringe at half coverage on average: 30 px² in all, as Stroke's.
	for _, width := range []float32{3, 2, 6} {
		vs, is := Feathered(nil, nil, []float32{0, 0, 10, 0}, width)
		if got, want := coverage(vs, is), 10*float64(width); math.Abs(got-want) > 1e-4 {
			t.Errorf("width %v: coverage %v, want %v", width, got, want)
		}
		// Every vertex is on the core's edge, opaque, or on the fringe's, transparent.
		for _, v := range vs {
			d := math.Abs(float64(v.Y))
			if v.Fade == 0 && math.Abs(d-float64(width/2-0.5)) > 1e-5 || v.Fade == 1 && math.Abs(d-float64(width/2+0.5)) > 1e-5 {
				t.Errorf("width %v: vertex %+v is %v from the line", width, v, d)
			}
		}
	}
	// A right-angle bend, mitred: the L of two arms 10 long and 2 wide, the
	// fringe's corner a little more than its share (it fades along the diagonal).
	pts := []float32{0, 0, 10, 0, 10, 10}
	vs, is := Feathered(nil, nil, pts, 2)
	if got := coverage(vs, is); got < 40 || got > 41 {
		t.Errorf("bend: coverage %v, want 40 and a little for the corner", got)
	}
	for _, i := range is {
		if int(i) >= len(vs) {
			t.Fatalf("index %d beyond %d vertices", i, len(vs))
		}
	}
	// A mitred bend takes 4 vertices a point.
	if len(vs) != 4*3 {
		t.Errorf("a mitred 3-point line: %d vertices, want 12", len(vs))
	}
	allocs := testing.AllocsPerRun(20, func() { vs, is = Feathered(vs[:0], is[:0], pts, 2) })
	if allocs != 0 {
		t.Errorf("%v allocations a feathered stroke with reused buffers, want 0", allocs)
	}
	if vs, _ := Feathered(nil, nil, []float32{1, 1, 1, 1}, 2); len(vs) != 0 {
		t.Errorf("a zero-length segment drew %d vertices", len(vs))
	}
}

func TestStripMitresItsJoints(t *testing.T) {
	// A straight 10 px segment 2 px wide covers 20 px², as Stroke's.
	vs, is := Strip(nil, nil, []float32{0, 0, 10, 0}, 2)
	if got := area(vs, is); math.Abs(got-20) > 1e-4 || len(vs) != 4 {
		t.Errorf("one segment: area %v with %d vertices, want 20 with 4", got, len(vs))
	}
	// A right-angle bend, mitred: the L of two 10×2 arms that meet in a square
	// corner, 11·2 + 9·2 (outside) and no more, with one pair of vertices a point.
	vs, is = Strip(nil, nil, []float32{0, 0, 10, 0, 10, 10}, 2)
	if got := area(vs, is); math.Abs(got-40) > 1e-4 || len(vs) != 6 {
		t.Errorf("bend: area %v with %d vertices, want 40 with 6", got, len(vs))
	}
	outer := vs[2] // the bend's corner on the left of the path: (11, -1) for a y-down turn to +y
	if d := math.Hypot(float64(outer.X-10), float64(outer.Y-0)); math.Abs(d-math.Sqrt2) > 1e-5 {
		t.Errorf("bend: corner %+v is %v from the point, want √2", outer, d)
	}
	// A hairpin's corner is cut short at maxMiter half-widths; a reversal stays finite.
	for _, pts := range [][]float32{{0, 0, 10, 0, 0, 0.5}, {0, 0, 10, 0, 0, 0}} {
		vs, _ = Strip(nil, nil, pts, 2)
		for _, v := range vs {
			if d := math.Hypot(float64(v.X-10), float64(v.Y)); v.X > 5 && (d > maxMiter+1e-4 || math.IsNaN(d)) {
				t.Errorf("hairpin %v: corner %+v is %v from its point, want ≤ %d", pts, v, d, maxMiter)
			}
		}
	}
	// A hairpin is bevelled, not mitred: both arms keep their whole width (a
	// mitre there collapses the quads beside the turn into slivers), plain or
	// feathered.
	hairpin := []float32{0, 0, 10, 0, 0, 1.5}
	vs, is = Strip(nil, nil, hairpin, 2)
	if got := area(vs, is); got < 2*20*0.95 {
		t.Errorf("hairpin: area %v, want about 40 (two arms of 20)", got)
	}
	vs, is = Feathered(nil, nil, hairpin, 2)
	if got := coverage(vs, is); got < 2*20*0.95 {
		t.Errorf("feathered hairpin: coverage %v, want about 40 (two arms of 20)", got)
	}
	// A zigzag of hairpins, every joint bevelled, stays within the per-point bounds.
	zigzag := make([]float32, 0, 200)
	for i := range 100 {
		zigzag = append(zigzag, float32(10*(i%2)), float32(i))
	}
	if vs, _ := Strip(nil, nil, zigzag, 2); len(vs) > 100*StripPerPoint || len(vs) < 100*(StripPerPoint-1) {
		t.Errorf("zigzag strip: %d vertices for 100 points, want at most %d (a bevel at each)", len(vs), 100*StripPerPoint)
	}
	if vs, _ := Feathered(nil, nil, zigzag, 2); len(vs) > 100*FeatheredPerPoint || len(vs) < 100*(FeatheredPerPoint-1) {
		t.Errorf("zigzag feathered: %d vertices for 100 points, want at most %d (a bevel at each)", len(vs), 100*FeatheredPerPoint)
	}
	if vs, _ := Stroke(nil, nil, zigzag, 2); len(vs) > 100*StrokePerPoint {
		t.Errorf("zigzag stroke: %d vertices for 100 points, want at most %d", len(vs), 100*StrokePerPoint)
	}
	// Repeated points are skipped; a lone point draws nothing.
	if vs, _ := Strip(nil, nil, []float32{0, 0, 0, 0, 5, 0, 5, 0}, 2); len(vs) != 4 {
		t.Errorf("repeated points: %d vertices, want 4", len(vs))
	}
	if vs, _ := Strip(nil, nil, []float32{1, 1}, 2); len(vs) != 0 {
		t.Errorf("one point drew %d vertices", len(vs))
	}
	pts := make([]float32, 0, 2000)
	for i := range 1000 {
		pts = append(pts, float32(i), float32(math.Sin(float64(i)/3)*50))
	}
	vs, is = Strip(nil, nil, pts, 2)
	for _, i := range is {
		if int(i) >= len(vs) {
			t.Fatalf("index %d beyond %d vertices", i, len(vs))
		}
	}
	if len(vs) != 2000 {
		t.Errorf("%d vertices for 1000 points, want 2 a point", len(vs))
	}
	if allocs := testing.AllocsPerRun(20, func() { vs, is = Strip(vs[:0], is[:0], pts, 2) }); allocs != 0 {
		t.Errorf("%v allocations a strip with reused buffers, want 0", allocs)
	}
}
