package view

import "image"

// Screen plans what each view of a frame copies onto a screen that keeps the
// last frame (ebiten's SetScreenClearedEveryFrame(false)), and remembers
// between frames what it needs for that: the views' rectangles, whether each
// view's picture has been copied whole since it took its place, and the reach
// of the items drawn over each. A painter calls Begin, then per view in
// drawing order Clear or Copy, and Drew for each item it draws.
type Screen struct {
	panes  []Pane
	shown  []bool
	last   [][]image.Rectangle // the items drawn over each view in the last frame
	now    [][]image.Rectangle // and in this one
	damage Damage
}

// Pane is what Screen knows of a view: where it is, and whether it has a
// picture (a field, trails) that is copied under its items.
type Pane struct {
	Rect     image.Rectangle
	Pictured bool
}

// Begin starts a frame of panes, in drawing order. fresh says the screen was
// made anew (a new size): it holds none of the last frame. A view whose
// neighbours moved, came or went may have been drawn over where it no longer
// is, so every view is then copied whole; so is a view drawn over another,
// since the one under it copies its rectangle over, taking it for a view of
// items alone, drawn anew each frame (a chart's). No layout lays a field over
// another yet.
func (s *Screen) Begin(panes []Pane, fresh bool) {
	moved := fresh || len(panes) != len(s.panes)
	for i := range panes {
		moved = moved || panes[i].Rect != s.panes[i].Rect
	}
	s.panes = append(s.panes[:0], panes...)
	for len(s.shown) < len(panes) {
		s.shown, s.last, s.now = append(s.shown, false), append(s.last, nil), append(s.now, nil)
	}
	s.last, s.now = s.now, s.last
	for i := range panes {
		s.now[i] = s.now[i][:0]
		if moved {
			s.shown[i] = false
		}
		for k := range i {
			if panes[k].Rect.Overlaps(panes[i].Rect) {
				s.shown[i] = false
			}
		}
	}
}

// Clear reports whether view i, of items alone, must be cleared before they
// are drawn: no view with a picture lies under it to be copied over it each
// frame, and a chart's translucent face drawn over its last frame would keep
// that frame's lines faintly (the bias–variance scene's charts).
func (s *Screen) Clear(i int) bool {
	if s.panes[i].Pictured {
		return false
	}
	for _, p := range s.panes[:i] {
		if p.Pictured && p.Rect.Overlaps(s.panes[i].Rect) {
			return false
		}
	}
	return true
}

// Copy returns what view i copies from its picture before its items: all of
// it (whole), or the rectangles of its damage, in the view's pixels (see
// Damage): where the last frame's items were, what this frame added to the
// picture (added), and the views drawn over this one, which draw themselves
// anew each frame. changed says the picture changed whole; a view not shown
// since it took its place, or damage over half the view, is copied whole too.
func (s *Screen) Copy(i int, changed bool, added []image.Rectangle) (whole bool, rects []image.Rectangle) {
	r := s.panes[i].Rect
	s.damage.Reset(r.Size())
	for _, d := range s.last[i] {
		s.damage.Add(d)
	}
	for _, d := range added {
		s.damage.Add(d)
	}
	for _, p := range s.panes[i+1:] {
		s.damage.Add(p.Rect.Intersect(r).Sub(r.Min))
	}
	if changed || !s.shown[i] || s.damage.Whole() {
		s.shown[i] = true
		return true, nil
	}
	return false, s.damage.Rects
}

// Drew records the reach of an item drawn over view i, in the view's pixels.
func (s *Screen) Drew(i int, reach image.Rectangle) {
	s.now[i] = append(s.now[i], reach)
}
