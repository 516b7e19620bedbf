package control

import (
	"math"
	"strconv"

	"descent/game/config"
	"descent/game/view"
)

// Pointer commands carry positions in CSS pixels of the canvas, which is
// CanvasW×CanvasH CSS pixels large; the controller turns them into device
// pixels and then into the world point of the view under them.

// Click restarts every runner from the world point under (X, Y).
type Click struct{ X, Y, CanvasW, CanvasH float64 }

// Pan moves the picture by (DX, DY) CSS pixels.
type Pan struct{ DX, DY, CanvasW, CanvasH float64 }

// Zoom scales the picture by Factor (below 1 zooms in) about (X, Y).
type Zoom struct{ X, Y, CanvasW, CanvasH, Factor float64 }

// Fit shows the problem's whole domain again.
type Fit struct{}

// Resize is a new canvas size.
type Resize struct{ Screen Screen }

func (cmd Click) apply(c *Controller) []string {
	sx, sy, ok := c.toDevice(cmd.X, cmd.Y, cmd.CanvasW, cmd.CanvasH)
	if !ok {
		return nil
	}
	if c.bv != nil {
		return c.sceneClick(sx, sy)
	}
	v, ox, oy := c.viewAt(sx, sy)
	wx, wy := v.ToWorld(sx-ox, sy-oy)
	// Round to a tenth of a pixel's width so that the link holds a short number
	// and reproduces exactly the race the learner saw.
	q := math.Pow(10, math.Floor(math.Log10(v.Scale/10)))
	start := [2]float64{roundTo(wx, q), roundTo(wy, q)}
	if !config.InReach(start[0]) || !config.InReach(start[1]) {
		return nil // a link could not hold it
	}
	c.cfg.Start, c.cfg.HasStart = start, true
	c.race.Restart(start)
	if c.tuning != nil {
		// Its rates were for the old start; the note would say "from this start".
		c.tuning = nil
		c.runNotes = append(c.runNotes, "Tuning stopped: the start moved. Press “Tune every α” again to tune for the new start.")
	}
	c.restarted()
	return nil
}

func (cmd Pan) apply(c *Controller) []string {
	if c.bv != nil {
		return c.scenePan(cmd)
	}
	if dx, dy, ok := c.toDevice(cmd.DX, cmd.DY, cmd.CanvasW, cmd.CanvasH); ok {
		v, _, _ := c.viewAt(0, 0) // every panel shows the same world at the same scale
		c.setView(v.PanBy(dx, dy))
	}
	return nil
}

func (cmd Zoom) apply(c *Controller) []string {
	if !(cmd.Factor > 0) || math.IsInf(cmd.Factor, 0) || c.bv != nil {
		return nil
	}
	if sx, sy, ok := c.toDevice(cmd.X, cmd.Y, cmd.CanvasW, cmd.CanvasH); ok {
		v, ox, oy := c.viewAt(sx, sy)
		c.setView(v.ZoomAt(sx-ox, sy-oy, cmd.Factor))
	}
	return nil
}

func (Fit) apply(c *Controller) []string {
	c.cfg.HasView = false
	c.fitView()
	c.changed()
	return nil
}

func (cmd Resize) apply(c *Controller) []string {
	s := cmd.Screen
	if s.DPR <= 0 || math.IsNaN(s.DPR) {
		s.DPR = 1
	}
	if s != c.screen {
		c.screen = s
		c.fitView()
		c.dirty = true
	}
	return nil
}

// toDevice turns (x, y), in CSS pixels of a canvas cssW×cssH CSS pixels large,
// into the screen's device pixels; ok is false before the first layout.
func (c *Controller) toDevice(x, y, cssW, cssH float64) (sx, sy float64, ok bool) {
	if !(cssW > 0 && cssH > 0) || c.screen.W <= 0 || c.screen.H <= 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return 0, 0, false
	}
	return x * float64(c.screen.W) / cssW, y * float64(c.screen.H) / cssH, true
}

// fitView sets the field's geometry from the config (or the problem's domain)
// and the screen; the field is repainted when it changed.
func (c *Controller) fitView() {
	var v view.View
	w, h := c.screen.W, c.screen.H
	if b := c.cfg.View; c.cfg.HasView {
		v = view.FitExact(b[0], b[1], b[2], b[3], w, h)
	} else {
		xmin, xmax, ymin, ymax := c.problem.Bounds()
		v = view.Fit(xmin, xmax, ymin, ymax, w, h)
	}
	if v != c.field {
		c.field = v
		c.drawer.fieldStale = true // the trails follow (drawer.retrail)
		c.dirty = true
	}
	c.fitPanels()
}

// setView records v as the config's view, its bounds rounded to a hundredth of
// a pixel so the link stays short, and shows it.
func (c *Controller) setView(v view.View) {
	x0, x1, y0, y1 := v.Bounds()
	q := math.Pow(10, math.Floor(math.Log10(v.Scale/100)))
	b := [4]float64{roundTo(x0, q), roundTo(x1, q), roundTo(y0, q), roundTo(y1, q)}
	if !config.ViewOK(b) {
		return // a link could not hold it: the view stays where it was
	}
	c.cfg.View, c.cfg.HasView = b, true
	c.fitView()
	c.changed()
}

// roundTo rounds x to the decimal place of q, a power of ten, dividing by a power of
// ten rather than multiplying by q so no binary noise (0.30000000000000004) is left.
func roundTo(x, q float64) float64 {
	digits := max(0, -int(math.Floor(math.Log10(q))))
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// Probe is the readout under the pointer: where it is, the loss there, and
// the gradient, the direction every optimizer starts from; "" off the plot.
func (c *Controller) Probe(x, y, cssW, cssH float64) string {
	sx, sy, ok := c.toDevice(x, y, cssW, cssH)
	if !ok {
		return ""
	}
	v, ox, oy := c.viewAt(sx, sy)
	wx, wy := v.ToWorld(sx-ox, sy-oy)
	f := c.problem.Value(wx, wy)
	gx, gy := c.problem.Grad(wx, wy)
	n := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	return "(" + n(wx) + ", " + n(wy) + ")   f = " + n(f) + "   ∇f = (" + n(gx) + ", " + n(gy) + ")" + c.probeMore(wx, wy, sx, sy)
}

// DragSlop is how far, in CSS pixels, a pressed pointer may move and still click.
const DragSlop = 4

// Gesture turns a pointer's press, moves and release into commands: a press
// and release without moving is a click; moving more than DragSlop drags the
// picture. Positions are in the page's (client) coordinates, so a drag that
// leaves the canvas, or whose last moves come with the release, still pans by
// the whole distance.
type Gesture struct {
	pressed, dragging bool
	downX, downY      float64
	lastX, lastY      float64
	canvasW, canvasH  float64
}

// Down starts a gesture on a canvas cssW×cssH CSS pixels large.
func (g *Gesture) Down(x, y, cssW, cssH float64) {
	*g = Gesture{pressed: true, downX: x, downY: y, lastX: x, lastY: y, canvasW: cssW, canvasH: cssH}
}

// Pressed reports whether a gesture is under way.
func (g *Gesture) Pressed() bool { return g.pressed }

// Move returns the Pan the pointer's move to (x, y) makes, or nil.
func (g *Gesture) Move(x, y float64) Command {
	if !g.pressed {
		return nil
	}
	if !g.dragging && math.Hypot(x-g.downX, y-g.downY) > DragSlop {
		g.dragging = true
	}
	if !g.dragging {
		return nil
	}
	pan := Pan{DX: x - g.lastX, DY: y - g.lastY, CanvasW: g.canvasW, CanvasH: g.canvasH}
	g.lastX, g.lastY = x, y
	return pan
}

// Up ends the gesture at (x, y): it returns the last Pan (or nil) and whether
// the gesture was a click.
func (g *Gesture) Up(x, y float64) (pan Command, click bool) {
	if !g.pressed {
		return nil, false
	}
	pan = g.Move(x, y)
	click = !g.dragging
	*g = Gesture{}
	return pan, click
}

// WheelZoom is the zoom factor of a wheel turn of deltaY in deltaMode (0
// pixels, 1 lines, 2 pages) over a canvas cssH CSS pixels high: 100 pixels
// of wheel, one notch on most mice, zoom by about 16%.
func WheelZoom(deltaY float64, deltaMode int, cssH float64) float64 {
	switch deltaMode {
	case 1:
		deltaY *= 16
	case 2:
		deltaY *= cssH
	}
	return math.Exp(deltaY * 0.0015)
}

// Keys are the keyboard's commands, by KeyboardEvent.code.
func Keys(code string) Command {
	switch code {
	case "Space":
		return TogglePause{}
	case "ArrowRight":
		return StepOne{}
	case "KeyR":
		return Reset{}
	case "KeyF":
		return Fit{}
	}
	return nil
}
