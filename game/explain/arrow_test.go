package explain

import (
	"math"
	"strings"
	"testing"

	"descent/game/race"
	"descent/game/view"
)

// testView shows [−5, 5] × [−3, 3] on 800×480 pixels: 1/80 world units a pixel.
var testView = view.FitExact(-5, 5, -3, 3, 800, 480)

func near2(a, b [2]float64, tol float64) bool {
	return math.Abs(a[0]-b[0]) <= tol && math.Abs(a[1]-b[1]) <= tol
}

func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		name               string
		from, vec          [2]float64
		stretched, clipped bool
		wantTip            [2]float64 // in pixels
	}{
		// 1 world unit right is 80 px; 0.5 up is 40 px up, y down on screen.
		{"plain", [2]float64{0, 0}, [2]float64{1, 0.5}, false, false, [2]float64{480, 200}},
		// 1e-6 world units is 8e-5 px: drawn MinArrow = 14 px long, pointing down.
		{"tiny", [2]float64{1, 1}, [2]float64{0, -1e-6}, true, false, [2]float64{480, 160 + MinArrow}},
		// A runaway step to the right stops at the right edge, inset by EdgeMargin.
		{"huge", [2]float64{0, 0}, [2]float64{1e6, 0}, false, true, [2]float64{800 - EdgeMargin, 240}},
		// Up and right at 45°: from the centre it meets the top edge first, 238 px up and right.
		{"huge diagonal", [2]float64{0, 0}, [2]float64{1e9, 1e9}, false, true, [2]float64{400 + 240 - EdgeMargin, EdgeMargin}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := Place(testView, WorldArrow{Update, "Δθ", tc.from, tc.vec})
			if !ok {
				t.Fatal("got nothing to draw")
			}
			tail := [2]float64{}
			tail[0], tail[1] = testView.ToScreen(tc.from[0], tc.from[1])
			if !near2(s.Tail, tail, 1e-9) || !near2(s.Tip, tc.wantTip, 1e-9) {
				t.Errorf("got shaft %v → %v, want %v → %v", s.Tail, s.Tip, tail, tc.wantTip)
			}
			if s.Stretched != tc.stretched || s.Clipped != tc.clipped {
				t.Errorf("got stretched %v, clipped %v, want %v, %v", s.Stretched, s.Clipped, tc.stretched, tc.clipped)
			}
			if want := math.Hypot(tc.vec[0], tc.vec[1]); s.Length != want || !strings.Contains(s.Label, "length "+num(want)) {
				t.Errorf("got length %v, label %q, want the true length %v", s.Length, s.Label, want)
			}
			// Each barb is HeadLength from the tip (at most half the shaft), at headAngle from the shaft.
			shaft := math.Hypot(s.Tip[0]-s.Tail[0], s.Tip[1]-s.Tail[1])
			head := math.Min(HeadLength, shaft/2)
			ux, uy := (s.Tip[0]-s.Tail[0])/shaft, (s.Tip[1]-s.Tail[1])/shaft
			for _, b := range s.Barbs {
				dx, dy := s.Tip[0]-b[0], s.Tip[1]-b[1]
				l := math.Hypot(dx, dy)
				if math.Abs(l-head) > 1e-9 || math.Abs((dx*ux+dy*uy)/l-math.Cos(headAngle)) > 1e-12 {
					t.Errorf("barb %v: length %v, cos %v, want %v, %v", b, l, (dx*ux+dy*uy)/l, head, math.Cos(headAngle))
				}
			}
		})
	}
}

func TestPlaceNothingToDraw(t *testing.T) {
	for _, tc := range []struct {
		name      string
		from, vec [2]float64
	}{
		{"zero", [2]float64{0, 0}, [2]float64{0, 0}},
		{"infinite", [2]float64{0, 0}, [2]float64{math.Inf(1), 0}},
		{"NaN", [2]float64{0, 0}, [2]float64{math.NaN(), 1}},
		{"off the view, pointing away", [2]float64{10, 0}, [2]float64{1, 0}},
		{"off the view, passing by", [2]float64{-10, 5}, [2]float64{20, 0}},
	} {
		if s, ok := Place(testView, WorldArrow{Gradient, "−α·∇L", tc.from, tc.vec}); ok {
			t.Errorf("%s: got %+v, want nothing to draw", tc.name, s)
		}
	}
	// From off the view into it: only the part inside is drawn, tail on the edge.
	s, ok := Place(testView, WorldArrow{Gradient, "−α·∇L", [2]float64{-10, 0}, [2]float64{10, 0}})
	if !ok || !near2(s.Tail, [2]float64{EdgeMargin, 240}, 1e-9) || !near2(s.Tip, [2]float64{400, 240}, 1e-9) {
		t.Errorf("got %+v, %v, want the shaft (2, 240) → (400, 240)", s, ok)
	}
}

// TestArrowsOfARunner: the update arrow ends exactly at the ball; for
// gradient descent the gradient arrow −α·∇L is the update, and for the heavy
// ball the velocity arrow −α·v is.
func TestArrowsOfARunner(t *testing.T) {
	r, err := race.New(bowl{}, start, []race.Entry{{Optimizer: "gd"}, {Optimizer: "momentum"}, {Optimizer: "adam"}}, 4)
	if err != nil {
		t.Fatal(err)
	}
	if got := Arrows(nil, r.Runners[0]); len(got) != 0 {
		t.Errorf("before the first step: got %v, want none", got)
	}
	r.Advance(3)
	for _, rn := range r.Runners {
		arrows := Arrows(nil, rn)
		byKind := map[Kind]WorldArrow{}
		for _, a := range arrows {
			byKind[a.Kind] = a
		}
		up := byKind[Update]
		if tip := [2]float64{up.From[0] + up.Vec[0], up.From[1] + up.Vec[1]}; !near2(tip, [2]float64{rn.X, rn.Y}, 1e-15) {
			t.Errorf("%s: update arrow ends at %v, want the ball (%v, %v)", rn.Optimizer, tip, rn.X, rn.Y)
		}
		// Zoomed in to 800 px a unit, so that no step is below MinArrow.
		zoomed := view.FitExact(-5, 5, -3, 3, 8000, 4800)
		s, ok := Place(zoomed, up)
		bx, by := zoomed.ToScreen(rn.X, rn.Y)
		if !ok || s.Stretched || s.Clipped || !near2(s.Tip, [2]float64{bx, by}, 1e-9) {
			t.Errorf("%s: update arrow on screen %+v, want its tip on the ball (%v, %v)", rn.Optimizer, s, bx, by)
		}
		_, hasVelocity := byKind[Velocity]
		if hasVelocity != (rn.Optimizer == "momentum") {
			t.Errorf("%s: got a velocity arrow %v", rn.Optimizer, hasVelocity)
		}
		switch rn.Optimizer {
		case "gd":
			if !near2(byKind[Gradient].Vec, up.Vec, 1e-15) {
				t.Errorf("gd: −α·∇L = %v, want Δθ = %v", byKind[Gradient].Vec, up.Vec)
			}
		case "momentum":
			if !near2(byKind[Velocity].Vec, up.Vec, 1e-15) {
				t.Errorf("momentum: −α·v = %v, want Δθ = %v", byKind[Velocity].Vec, up.Vec)
			}
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Gradient: "gradient", Update: "update", Velocity: "velocity", Kind(9): "Kind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d): got %q, want %q", int(k), got, want)
		}
	}
}
