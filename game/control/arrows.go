package control

import (
	"image/color"
	"math"
	"slices"

	"descent/game/explain"
	"descent/game/race"
	"descent/game/view"
	"descent/optim"
	"descent/problems"
)

// explainState is what the explaining overlays keep: the pointer over the
// field, for its local geometry, and buffers that frames reuse.
type explainState struct {
	hovering bool
	hover    [2]float64 // the world point under the pointer, when hovering
	arrows   []explain.WorldArrow
	scratch  explain.Scratch
	// The followed runner's step the page last showed, and the advances since.
	shownStep, ticks int
}

// The arrows' styles, in screen pixels at a DPR of 1: the update is a thick
// solid arrow, the negative gradient a thin one, the velocity a dashed one.
// The panel's arrows toggle names them (ArrowStyles).
const (
	updateWidth   = 2.5
	gradientWidth = 1.2
	velocityWidth = 1.6
	dashOn        = 5 // a dash of the velocity arrow …
	dashOff       = 4 // … and the gap after it
	maxDashes     = 40
)

// ArrowStyles says which arrow is which, for the panel's toggle and the page.
const ArrowStyles = "thick: the update Δθ; thin: −α·∇L, the gradient step; dashed: −α·v, the velocity (momentum)"

// gradientAlpha dims the gradient arrow, which for gradient descent lies under
// the update arrow, so that both are seen.
const gradientAlpha = 0.75

// FollowRadius is how near a ball, in CSS pixels, a click follows it rather
// than moving the start.
const FollowRadius = 10

// ellipseRadius is the longer semi-axis of the drawn level ellipse of the local
// quadratic model, in CSS pixels: the shorter is ellipseRadius/√κ.
const ellipseRadius = 60

// ellipseSegments is how many segments draw the ellipse.
const ellipseSegments = 64

// arrowOutline is the dark edge around every arrow.
var arrowOutline = color.RGBA{0x10, 0x10, 0x14, 0xc0}

// ellipseColor is the local geometry's ink: light, a little transparent.
var ellipseColor = color.RGBA{0xd8, 0xd8, 0xd8, 0xd8}

// scaled returns c with its alpha times a, premultiplied as the painter expects.
func scaled(c color.RGBA, a float64) color.RGBA {
	m := func(v uint8) uint8 { return uint8(math.Round(float64(v) * a)) }
	return color.RGBA{m(c.R), m(c.G), m(c.B), m(c.A)}
}

// explainItems adds to v, which shows the world as geo does, the arrows of
// runners (when the config shows them) and the local geometry at the pointer
// and at the followed ball, when it is one of runners.
func (c *Controller) explainItems(v *View, geo view.View, runners []*race.Runner) {
	dpr := float32(c.screen.DPR)
	if c.cfg.Arrows {
		for _, r := range runners {
			col := view.RunnerColor(r.ID)
			c.explain.arrows = explain.ArrowsWith(c.explain.arrows[:0], r, &c.explain.scratch)
			for _, a := range c.explain.arrows {
				s, ok := explain.Locate(geo, a)
				if !ok {
					continue
				}
				switch a.Kind {
				case explain.Update:
					arrowItems(v, s, col, updateWidth, dpr, false)
				case explain.Gradient:
					arrowItems(v, s, scaled(col, gradientAlpha), gradientWidth, dpr, false)
				case explain.Velocity:
					arrowItems(v, s, col, velocityWidth, dpr, true)
				}
			}
		}
	}
	if r := c.followed(); r != nil && slices.Contains(runners, r) {
		c.ellipseItems(v, geo, [2]float64{r.X, r.Y})
	}
	if c.explain.hovering {
		c.ellipseItems(v, geo, c.explain.hover)
	}
}

// arrowItems adds the shaft and the head of s, width CSS pixels wide (dpr
// device pixels each), the shaft dashed when dashed.
func arrowItems(v *View, s explain.ScreenArrow, col color.RGBA, width, dpr float32, dashed bool) {
	// A dark outline under it, so that it stands out from the trail it often lies on.
	width *= dpr
	under := v.add(Polyline, arrowOutline, width+2*dpr)
	under.Pts = append(under.Pts, float32(s.Tail[0]), float32(s.Tail[1]), float32(s.Tip[0]), float32(s.Tip[1]))
	for _, b := range s.Barbs {
		barb := v.add(Polyline, arrowOutline, under.Width)
		barb.Pts = append(barb.Pts, float32(b[0]), float32(b[1]), float32(s.Tip[0]), float32(s.Tip[1]))
	}
	if dashed {
		dash := float64(dpr)
		dx, dy := s.Tip[0]-s.Tail[0], s.Tip[1]-s.Tail[1]
		l := math.Hypot(dx, dy)
		period := math.Max((dashOn+dashOff)*dash, l/maxDashes)
		on := period * dashOn / (dashOn + dashOff)
		for t := 0.0; t < l; t += period {
			e := math.Min(t+on, l)
			it := v.add(Polyline, col, width)
			it.Pts = append(it.Pts, float32(s.Tail[0]+dx*t/l), float32(s.Tail[1]+dy*t/l), float32(s.Tail[0]+dx*e/l), float32(s.Tail[1]+dy*e/l))
		}
	} else {
		it := v.add(Polyline, col, width)
		it.Pts = append(it.Pts, float32(s.Tail[0]), float32(s.Tail[1]), float32(s.Tip[0]), float32(s.Tip[1]))
	}
	head := v.add(Polyline, col, width)
	head.Pts = append(head.Pts, float32(s.Barbs[0][0]), float32(s.Barbs[0][1]), float32(s.Tip[0]), float32(s.Tip[1]),
		float32(s.Barbs[1][0]), float32(s.Barbs[1][1]))
}

// ellipseItems adds the level ellipse of the local quadratic model at p (on
// screen as geo shows it), its
// longer semi-axis ellipseRadius CSS pixels, and its two principal axes; where
// the surface does not curve up both ways there is no ellipse, only the axes.
func (c *Controller) ellipseItems(v *View, geo view.View, p [2]float64) {
	cu := c.problem.Curvature(p[0], p[1])
	if !finite(cu.L1) || !finite(cu.L2) {
		return
	}
	cx, cy := geo.ToScreen(p[0], p[1])
	if !finite(cx) || !finite(cy) {
		return
	}
	big := ellipseRadius * c.screen.DPR
	r1, r2 := EllipseAxes(cu, big)
	width := float32(c.screen.DPR)
	// On screen y points down: a world direction (x, y) is (x, −y).
	at := func(a, b float64) (float32, float32) {
		return float32(cx + a*cu.V1[0] + b*cu.V2[0]), float32(cy - a*cu.V1[1] - b*cu.V2[1])
	}
	a1, a2 := r1, r2
	if r1 == 0 {
		a1, a2 = big, big // no ellipse: the axes at full length
	}
	for _, ab := range [2][2]float64{{a1, 0}, {0, a2}} {
		it := v.add(Polyline, ellipseColor, width)
		x0, y0 := at(-ab[0], -ab[1])
		x1, y1 := at(ab[0], ab[1])
		it.Pts = append(it.Pts, x0, y0, x1, y1)
	}
	if r1 > 0 && r2 > 0 {
		it := v.add(Polyline, ellipseColor, width)
		for k := 0; k <= ellipseSegments; k++ {
			t := 2 * math.Pi * float64(k) / ellipseSegments
			x, y := at(r1*math.Cos(t), r2*math.Sin(t))
			it.Pts = append(it.Pts, x, y)
		}
	}
}

// EllipseAxes returns the semi-axes, in pixels, along the eigenvectors V1 and
// V2 of the drawn level ellipse of the local quadratic ½·dᵀHd: the longer,
// along the smaller eigenvalue, is big pixels, the shorter big·√(λ₂/λ₁) =
// big/√κ (at least a pixel), as a level set's axes go as 1/√λ. Where an
// eigenvalue is not positive there is no ellipse: both are 0.
func EllipseAxes(cu problems.Curvature, big float64) (r1, r2 float64) {
	if !(cu.L1 > 0 && cu.L2 > 0) {
		return 0, 0
	}
	return math.Max(1, big*math.Sqrt(cu.L2/cu.L1)), big
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// followed returns the runner the explain panel follows, or nil.
func (c *Controller) followed() *race.Runner {
	if i := c.cfg.Follow - 1; i >= 0 && i < len(c.race.Runners) {
		return c.race.Runners[i]
	}
	return nil
}

// ballAt returns the runner whose ball is drawn within FollowRadius CSS pixels
// of the device pixel (sx, sy), the nearest; -1 for none.
func (c *Controller) ballAt(sx, sy float64) int {
	best, bestD := -1, FollowRadius*c.screen.DPR
	for i, r := range c.race.Runners {
		x, y := c.field.ToScreen(r.X, r.Y)
		x, y = c.field.Clamp(x, y, 12*c.screen.DPR) // where fieldFrame draws it
		if d := math.Hypot(x-sx, y-sy); d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// arrowLabel is the label of the arrow whose shaft passes within a few pixels
// of the device pixel (sx, sy), for the pointer's readout; "" for none.
func (c *Controller) arrowLabel(sx, sy float64) string {
	if !c.cfg.Arrows {
		return ""
	}
	best, bestD := "", 4*c.screen.DPR
	var buf [3]explain.WorldArrow
	i := c.panelAt(sx, sy)
	geo, ox, oy := c.panelView(i)
	runners := c.race.Runners
	if i >= 0 && i < len(runners) { // a grid panel shows its runner's arrows
		runners = runners[i : i+1]
	}
	for _, r := range runners {
		for _, a := range explain.Arrows(buf[:0], r) {
			s, ok := explain.Locate(geo, a)
			if !ok {
				continue
			}
			if d := segmentDistance(sx-ox, sy-oy, s.Tail, s.Tip); d <= bestD {
				spec, _ := optim.Lookup(r.Optimizer)
				best, bestD = spec.Display+": "+a.Label(), d
			}
		}
	}
	return best
}

// segmentDistance is the distance from (x, y) to the segment a–b.
func segmentDistance(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Max(0, math.Min(1, ((x-a[0])*dx+(y-a[1])*dy)/l2))
	}
	return math.Hypot(x-a[0]-t*dx, y-a[1]-t*dy)
}
