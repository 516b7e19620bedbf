package view

import "testing"

// TestRecomposeFor: a changed or resized field is painted into the picture;
// a retrail of trails over an unchanged field starts from the field (or the
// background); otherwise the trails only add.
func TestRecomposeFor(t *testing.T) {
	for _, tc := range []struct {
		field, stale, resized, retrail, trails bool
		want                                   Recompose
	}{
		{true, true, false, true, true, PaintField},
		{true, false, true, false, false, PaintField},
		{true, false, false, true, true, FromField},
		{true, false, false, true, false, AddTrails}, // nothing to redraw
		{true, false, false, false, true, AddTrails},
		{false, false, false, true, true, FromBackground},
		{false, false, true, false, false, FromBackground},
		{false, true, false, false, true, AddTrails},
	} {
		if got := RecomposeFor(tc.field, tc.stale, tc.resized, tc.retrail, tc.trails); got != tc.want {
			t.Errorf("%+v: got %v, want %v", tc, got, tc.want)
		}
	}
}
