package explain

import (
	"fmt"
	"math"

	"descent/game/race"
	"descent/game/view"
	"descent/optim"
)

// Kind is what an arrow at a ball shows.
type Kind int

const (
	// Gradient is −α·∇L with the gradient the last step used: where gradient
	// descent's step would have gone.
	Gradient Kind = iota
	// Update is the step actually taken, Δθ = θₜ − θₜ₋₁.
	Update
	// Velocity is −α·v, the momentum family's velocity as a step.
	Velocity
)

func (k Kind) String() string {
	switch k {
	case Gradient:
		return "gradient"
	case Update:
		return "update"
	case Velocity:
		return "velocity"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// WorldArrow is a vector of the plane drawn from a point, in world units.
type WorldArrow struct {
	Kind Kind
	Name string     // as the panel writes it: "−α·∇L", "Δθ", "−α·v"
	From [2]float64 // the tail
	Vec  [2]float64 // tip − tail
}

// Arrows appends to dst the arrows of the runner's last step, all drawn from
// where it started, θₜ₋₁, and scaled as steps, so that the update arrow ends
// exactly at the ball: the negative gradient times α (for gradient descent
// it coincides with the update), the update, and for heavy-ball and Nesterov
// momentum the velocity times −α. It appends nothing before the first step.
func Arrows(dst []WorldArrow, r *race.Runner) []WorldArrow {
	var s Scratch
	return ArrowsWith(dst, r, &s)
}

// Scratch is room for a runner's state vectors: a caller that draws arrows
// every frame keeps one, so that ArrowsWith allocates nothing.
type Scratch [optim.MaxInternals]optim.Vec

// ArrowsWith is Arrows reading the runner's state into s.
func ArrowsWith(dst []WorldArrow, r *race.Runner, s *Scratch) []WorldArrow {
	if r.LastStep == 0 {
		return dst
	}
	lr := r.Params["lr"]
	dst = append(dst,
		WorldArrow{Gradient, "−α·∇L", r.From, scale(-lr, r.Grad)},
		WorldArrow{Update, "Δθ", r.From, r.Update})
	if r.Optimizer == "momentum" || r.Optimizer == "nesterov" {
		v := state(r.Internals(s[:0]), "v")
		dst = append(dst, WorldArrow{Velocity, "−α·v", r.From, scale(-lr, v)})
	}
	return dst
}

// Arrow sizes in screen pixels.
const (
	// MinArrow is the shortest an arrow is drawn: a shorter one is stretched
	// to it, keeping its direction, and its label gives the true length.
	MinArrow = 14
	// HeadLength is the length of an arrowhead's barbs, at most half the arrow.
	HeadLength = 8
	// headAngle is the angle between the shaft and each barb.
	headAngle = 25 * math.Pi / 180
	// EdgeMargin keeps a clipped arrow's head this far inside the view.
	EdgeMargin = 2
)

// ScreenArrow is an arrow ready to paint, in screen pixels.
type ScreenArrow struct {
	Tail, Tip [2]float64    // the shaft
	Barbs     [2][2]float64 // the free ends of the head's two strokes, each drawn to Tip
	Stretched bool          // shorter than MinArrow on screen: drawn at MinArrow
	Clipped   bool          // reaching past the view: cut at its edge, the head there
	Length    float64       // the true length, in world units
	Label     string        // e.g. "Δθ = (0.01, −0.2), length 0.2002", for hover
}

// Place maps a world arrow onto the screen of v: a tiny one stretched to
// MinArrow pixels, a huge one clipped at the view's edge (inset by
// EdgeMargin) with its head there. ok is false when there is nothing to draw:
// a zero or non-finite vector, or an arrow wholly off the view.
func Place(v view.View, a WorldArrow) (s ScreenArrow, ok bool) {
	s, ok = Locate(v, a)
	s.Label = a.Label()
	return s, ok
}

// Label is what hovering an arrow shows: its name, vector and true length,
// e.g. "Δθ = (0.01, −0.2), length 0.2002".
func (a WorldArrow) Label() string {
	return a.Name + " = " + pair(a.Vec) + ", length " + num(math.Hypot(a.Vec[0], a.Vec[1]))
}

// Locate is Place without the label, which it does not allocate: for a
// frame, which draws every arrow and labels only the one under the pointer.
func Locate(v view.View, a WorldArrow) (s ScreenArrow, ok bool) {
	s.Length = math.Hypot(a.Vec[0], a.Vec[1])
	if !(s.Length > 0) || math.IsInf(s.Length, 0) || !finite2(a.From) || !(v.Scale > 0) {
		return s, false
	}
	tx, ty := v.ToScreen(a.From[0], a.From[1])
	// The direction on screen: x right, y down, so y flips.
	ux, uy := a.Vec[0]/s.Length, -a.Vec[1]/s.Length
	pixels := s.Length / v.Scale
	if pixels < MinArrow {
		pixels, s.Stretched = MinArrow, true
	}
	// Clip the shaft from t = 0 (tail) to t = pixels against the inset view
	// (Liang–Barsky): each side bounds t from below or above.
	lo, hi := 0.0, pixels
	for _, side := range [4]struct{ d, room float64 }{
		{-ux, tx - EdgeMargin}, {ux, float64(v.W) - EdgeMargin - tx},
		{-uy, ty - EdgeMargin}, {uy, float64(v.H) - EdgeMargin - ty},
	} {
		switch {
		case side.d == 0:
			if side.room < 0 {
				return s, false // parallel to this side and outside it
			}
		case side.d > 0:
			hi = math.Min(hi, side.room/side.d)
		default:
			lo = math.Max(lo, side.room/side.d)
		}
	}
	if !(lo < hi) {
		return s, false
	}
	s.Clipped = hi < pixels
	s.Tail = [2]float64{tx + lo*ux, ty + lo*uy}
	s.Tip = [2]float64{tx + hi*ux, ty + hi*uy}
	head := math.Min(HeadLength, (hi-lo)/2)
	for i, turn := range [2]float64{headAngle, -headAngle} {
		c, sn := math.Cos(turn), math.Sin(turn)
		// The barb points back along the shaft, turned by ±headAngle.
		bx, by := -(ux*c - uy*sn), -(ux*sn + uy*c)
		s.Barbs[i] = [2]float64{s.Tip[0] + head*bx, s.Tip[1] + head*by}
	}
	return s, true
}

func finite2(p [2]float64) bool {
	return !math.IsNaN(p[0]) && !math.IsInf(p[0], 0) && !math.IsNaN(p[1]) && !math.IsInf(p[1], 0)
}
