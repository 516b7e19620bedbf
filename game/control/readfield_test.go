package control

import (
	"testing"

	"descent/assets"
	"descent/problems"
)

// TestReadFieldGoesToTheNextFrame: a read asked for makes the frame dirty and
// reaches the next frame, once, as one raw field a point that shows the point
// itself at every pixel (scale 0).
func TestReadFieldGoesToTheNextFrame(t *testing.T) {
	c := sized(t, "paused=1")
	c.Frame()
	p, err := problems.Custom("x^2 + y")
	if err != nil {
		t.Fatal(err)
	}
	pts := [][2]float64{{1, 2}, {-0.5, 3}}
	done := 0
	do(t, c, ReadField{Problem: p, Points: pts, Done: func([]byte, error) { done++ }})
	if !c.Dirty() {
		t.Errorf("a read left the frame clean")
	}
	f := c.Frame()
	if len(f.Reads) != 1 || len(f.Reads[0].Fields) != len(pts) {
		t.Fatalf("frame reads %+v, want one of %d fields", f.Reads, len(pts))
	}
	for i, fd := range f.Reads[0].Fields {
		g := fd.Geo
		if fd.Problem != p || !fd.Raw || !fd.Stale || g.CX != pts[i][0] || g.CY != pts[i][1] ||
			g.Scale != 0 || g.W != assets.RawPixels || g.H != 1 {
			t.Errorf("field %d: %+v, want the raw field of the problem at %v, %d×1, scale 0", i, fd, pts[i], assets.RawPixels)
		}
	}
	f.Reads[0].Done(nil, nil)
	if done != 1 {
		t.Errorf("Done called %d times, want 1", done)
	}
	if f := c.Frame(); len(f.Reads) != 0 {
		t.Errorf("the next frame reads again: %+v", f.Reads)
	}
	if c.drawer.field.Raw {
		t.Errorf("the field view's surface is raw")
	}
}

// TestReadFieldWithNothingToReadAnswersAtOnce: no problem or no points is an
// error handed to Done, and nothing reaches a frame.
func TestReadFieldWithNothingToReadAnswersAtOnce(t *testing.T) {
	c := sized(t, "paused=1")
	var got error
	do(t, c, ReadField{Points: [][2]float64{{0, 0}}, Done: func(_ []byte, err error) { got = err }})
	if got == nil {
		t.Errorf("a read without a problem gave no error")
	}
	do(t, c, ReadField{}) // no Done: nothing to do, no panic
	if f := c.Frame(); len(f.Reads) != 0 {
		t.Errorf("frame reads %+v, want none", f.Reads)
	}
}
