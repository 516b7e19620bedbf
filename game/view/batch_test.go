package view

import (
	"image/color"
	"math"
	"testing"
)

// TestBatchSplitsALongLine: a line too long for one batch comes back in
// pieces, each batch within MaxBatch and its indices, the pieces sharing their
// end points, so that together they cover the line's whole length.
func TestBatchSplitsALongLine(t *testing.T) {
	pts := make([]float32, 0, 2*30000)
	for i := range 30000 {
		pts = append(pts, float32(i), float32(i%2)*40) // a zigzag: a bevel at every joint
	}
	for _, m := range []LineMesh{Bevelled, Mitred, Soft} {
		var b Batch
		b.Line([]float32{0, 0, 1, 1}, 2, color.RGBA{A: 0xff}, 0, 0, m) // the batch is not empty when the line comes
		batches, xs := 0, map[float32]bool{}
		for rest := pts; rest != nil; {
			rest = b.Line(rest, 2, color.RGBA{R: 0xff, A: 0xff}, 5, 7, m)
			if len(b.Vs) > MaxBatch || len(b.Vs) != len(b.mesh) {
				t.Fatalf("mesh %d: a batch of %d vertices (%d positions), over %d", m, len(b.Vs), len(b.mesh), MaxBatch)
			}
			for _, i := range b.Is {
				if int(i) >= len(b.Vs) {
					t.Fatalf("mesh %d: index %d beyond %d vertices", m, i, len(b.Vs))
				}
			}
			for _, v := range b.Vs {
				xs[float32(math.Round(float64(v.X)))] = true
			}
			batches++
			b.Reset()
		}
		if batches < 3 {
			t.Errorf("mesh %d: %d batches for a 30000-point zigzag, want it split", m, batches)
		}
		// Every point of the line, offset by 5, has vertices near it: no piece went missing.
		for i := 0; i < len(pts); i += 2 {
			if !xs[pts[i]+5] {
				t.Fatalf("mesh %d: no vertex at x = %v: the point %d was dropped", m, pts[i]+5, i/2)
			}
		}
	}
}

// TestBatchColours: a soft line's core takes its colour, premultiplied, its
// fringe fades to nothing; a sprite's black layers are black; a full batch
// refuses a rectangle; a grown batch allocates nothing.
func TestBatchColours(t *testing.T) {
	var b Batch
	c := color.RGBA{R: 0x80, G: 0x40, B: 0x20, A: 0x80}
	b.Line([]float32{0, 0, 10, 0}, 3, c, 0, 0, Soft)
	var core, fringe int
	for _, v := range b.Vs {
		switch {
		case v.A == 0 && v.R == 0 && v.G == 0 && v.B == 0:
			fringe++
		case v.A == float32(0x80)/255 && v.R == float32(0x80)/255 && v.B == float32(0x20)/255:
			core++
		default:
			t.Errorf("a vertex %+v neither in the colour nor faded out", v)
		}
	}
	if core != 4 || fringe != 4 {
		t.Errorf("%d core and %d fringe vertices, want 4 and 4", core, fringe)
	}
	b.Reset()
	b.Sprite(BallSprite, Square, color.RGBA{G: 0xff, A: 0xff}, 1)
	var black, green int
	for _, v := range b.Vs {
		switch {
		case v.A > 0 && v.R == 0 && v.G == 0 && v.B == 0:
			black++
		case v.G > 0:
			green++
		}
	}
	if black == 0 || green == 0 {
		t.Errorf("a ball: %d black and %d green vertices, want its outline black and its fill green", black, green)
	}
	for _, i := range b.Is {
		if int(i) >= len(b.Vs) {
			t.Fatalf("sprite: index %d beyond %d vertices", i, len(b.Vs))
		}
	}
	for b.Rect(0, 0, 1, 1, c, 0, 0) {
	}
	if len(b.Vs) > MaxBatch || len(b.Vs)+4 <= MaxBatch {
		t.Errorf("Rect refused at %d vertices, want it to fill up to %d", len(b.Vs), MaxBatch)
	}
	b.Reset()
	pts := []float32{0, 0, 10, 0, 10, 10, 0, 10}
	if allocs := testing.AllocsPerRun(20, func() {
		b.Reset()
		b.Line(pts, 2, c, 1, 1, Soft)
		b.Line(pts, 2, c, 1, 1, Mitred)
		b.Rect(0, 0, 3, 3, c, 0, 0)
	}); allocs != 0 {
		t.Errorf("%v allocations a frame's batch, want 0", allocs)
	}
}
