package view

import (
	"image"
	"testing"
)

// TestScreenCopiesOnlyTheDamage: the first frame copies every picture
// whole; the next copies the last frame's items, what was added and the
// views over it; moved views, a new screen, a changed picture, a view over
// another or damage over half a view copy it whole again; a view of items
// alone is cleared unless a picture lies under it.
func TestScreenCopiesOnlyTheDamage(t *testing.T) {
	field, chart := Pane{image.Rect(0, 0, 100, 100), true}, Pane{image.Rect(60, 60, 90, 90), false}
	var s Screen
	frame := func(fresh bool, panes ...Pane) { s.Begin(panes, fresh) }
	frame(false, field, chart)
	if whole, _ := s.Copy(0, false, nil); !whole {
		t.Fatal("first frame: want the whole picture")
	}
	s.Drew(0, image.Rect(10, 10, 14, 14))
	if s.Clear(1) {
		t.Error("a chart over the field: cleared, want drawn over the field's copy")
	}
	frame(false, field, chart)
	whole, rects := s.Copy(0, false, []image.Rectangle{image.Rect(30, 30, 31, 31)})
	want := []image.Rectangle{image.Rect(8, 8, 16, 16), image.Rect(28, 28, 33, 33), image.Rect(58, 58, 92, 92)}
	if whole || len(rects) != len(want) || rects[0] != want[0] || rects[1] != want[1] || rects[2] != want[2] {
		t.Fatalf("second frame: whole %v, %v; want %v", whole, rects, want)
	}
	frame(false, field, chart) // nothing drawn in the last frame: only the chart
	if whole, rects := s.Copy(0, false, nil); whole || len(rects) != 1 {
		t.Errorf("third frame: whole %v, %v; want the chart's rectangle", whole, rects)
	}
	for name, next := range map[string]func(){
		"a changed picture": func() { frame(false, field, chart) },
		"a new screen":      func() { frame(true, field, chart) },
		"a moved chart":     func() { frame(false, field, Pane{image.Rect(0, 0, 30, 30), false}) },
		"one view fewer":    func() { frame(false, field) },
	} {
		next()
		if whole, _ := s.Copy(0, name == "a changed picture", nil); !whole {
			t.Errorf("%s: want the whole picture", name)
		}
		frame(false, field, chart)
		s.Copy(0, false, nil)
	}
	frame(false, field, chart)
	if whole, _ := s.Copy(0, false, []image.Rectangle{image.Rect(0, 0, 100, 60)}); !whole {
		t.Error("damage over half the view: want the whole picture")
	}
	frame(false, field, Pane{image.Rect(50, 50, 80, 80), true}) // a field over a field
	s.Copy(0, false, nil)
	if whole, _ := s.Copy(1, false, nil); !whole {
		t.Error("a picture over another: want it whole")
	}
	frame(false, Pane{image.Rect(0, 0, 50, 50), true}, Pane{image.Rect(60, 0, 90, 30), false})
	if !s.Clear(1) {
		t.Error("a chart over no picture: not cleared")
	}
}
