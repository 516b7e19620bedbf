package view

import (
	"image"
	"image/color"
	"testing"
)

// TestDamagePadsClipsAndGivesUp: rectangles are padded and clipped to the
// view, empty ones dropped, and past half the view's area, or past what one
// draw can index, the whole picture is asked for.
func TestDamagePadsClipsAndGivesUp(t *testing.T) {
	var d Damage
	d.Reset(image.Pt(100, 50))
	d.Add(image.Rect(10, 10, 20, 20))
	d.Add(image.Rect(-30, -30, 1, 1))     // off the top left: clipped
	d.Add(image.Rect(200, 200, 210, 210)) // off the view: dropped
	d.Add(image.Rectangle{})              // empty: dropped
	want := []image.Rectangle{image.Rect(8, 8, 22, 22), image.Rect(0, 0, 3, 3)}
	if len(d.Rects) != len(want) || d.Rects[0] != want[0] || d.Rects[1] != want[1] {
		t.Fatalf("Rects = %v, want %v", d.Rects, want)
	}
	if d.Whole() {
		t.Error("205 of 5000 pixels: Whole, want the rectangles")
	}
	d.Add(image.Rect(0, 0, 100, 23)) // with the padding, 2500 pixels: over half with the rest
	if !d.Whole() {
		t.Errorf("%d rectangles over half the view: not Whole", len(d.Rects))
	}
	d.Reset(image.Pt(100000, 100000))
	if len(d.Rects) != 0 || d.Whole() {
		t.Fatalf("after Reset: %v, Whole %v", d.Rects, d.Whole())
	}
	for i := range maxDamageRects + 1 {
		d.Add(image.Rect(i%1000, 0, i%1000+1, 1))
	}
	if len(d.Rects) != maxDamageRects || !d.Whole() {
		t.Errorf("%d rectangles kept, Whole %v; want %d and Whole", len(d.Rects), d.Whole(), maxDamageRects)
	}
}

// TestTakeReachHoldsEveryVertex: the reach holds every vertex painted since
// the last take, whatever the mesh, across a Reset, and is empty after.
func TestTakeReachHoldsEveryVertex(t *testing.T) {
	var b Batch
	c := color.RGBA{R: 0xff, A: 0xff}
	b.Line([]float32{0, 0, 40, 10}, 6, c, 0, 0, Soft)
	if r := b.TakeReach(); !r.Empty() {
		t.Fatalf("a batch not tracking reaches %v", r)
	}
	b.Reset()
	b.TrackReach = true
	b.Line([]float32{0, 0, 40.5, 10, 41, 60}, 6, c, 100, 200, Soft)
	n := len(b.Vs)
	b.Reset() // drawn: the reach stays until taken
	b.Rect(-3.5, 2, 10, 10, c, 100, 200)
	b.Line([]float32{0, 0, 30, 1}, 4, c, 100, 200, Bevelled)
	if n == 0 || len(b.Vs) == 0 {
		t.Fatal("no vertices")
	}
	r := b.TakeReach()
	// The feathered line's vertices went with the Reset; its box is checked
	// through the rectangle's and the second line's, and by reach alone below.
	for _, v := range b.Vs {
		if float32(r.Min.X) > v.X || float32(r.Max.X) < v.X || float32(r.Min.Y) > v.Y || float32(r.Max.Y) < v.Y {
			t.Fatalf("vertex (%v, %v) outside reach %v", v.X, v.Y, r)
		}
	}
	if r.Min.X > 96 || r.Max.Y < 260 { // the Rect's left edge at 96.5, the soft line down to y 260 and beyond
		t.Errorf("reach %v misses the first line or the rectangle", r)
	}
	if r := b.TakeReach(); !r.Empty() {
		t.Errorf("taken twice: %v, want empty", r)
	}
	b.Reset()
	b.Line([]float32{0, 0, 1e30, 0}, 2, c, 0, 0, Bevelled)
	if r := b.TakeReach(); r.Min.X > -maxReach+1 || r.Max.X < maxReach-1 {
		t.Errorf("a point far off: reach %v, want everywhere", r)
	}
}
