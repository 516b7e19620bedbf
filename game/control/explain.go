package control

import (
	"fmt"
	"strconv"
	"strings"

	"descent/game/config"
	"descent/game/explain"
	"descent/game/view"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// SetArrows shows or hides the arrows of every runner's last step.
type SetArrows struct{ On bool }

func (cmd SetArrows) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error { cfg.Arrows = cmd.On; return nil })
}

// Follow makes the explain panel follow runner Runner (counted from 0, as
// state().runners); -1 follows none.
type Follow struct{ Runner int }

func (cmd Follow) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		if cmd.Runner < -1 || cmd.Runner >= len(cfg.Runners) {
			return fmt.Errorf("follow: there is no runner %d (there are %d); kept following %s", cmd.Runner+1, len(cfg.Runners), followName(cfg.Follow))
		}
		cfg.Follow = cmd.Runner + 1
		return nil
	})
}

// followAfterRemoving is the config's Follow (from 1; 0 for none) once runner
// i (from 0) is removed: the same runner, now a place earlier, or none if it
// was the one removed.
func followAfterRemoving(follow, i int) int {
	switch {
	case follow == i+1:
		return 0
	case follow > i+1:
		return follow - 1
	}
	return follow
}

func followName(f int) string {
	if f == 0 {
		return "none"
	}
	return "runner " + strconv.Itoa(f)
}

// Hover is the pointer over the canvas at (X, Y) CSS pixels, for the local
// geometry drawn there; a position off the canvas (NaN) takes it away.
type Hover struct{ X, Y, CanvasW, CanvasH float64 }

func (cmd Hover) apply(c *Controller) []string {
	var p [2]float64
	sx, sy, ok := c.toDevice(cmd.X, cmd.Y, cmd.CanvasW, cmd.CanvasH)
	if ok {
		v, ox, oy := c.viewAt(sx, sy) // in grid layout, the panel's: every panel then shows the point
		p[0], p[1] = v.ToWorld(sx-ox, sy-oy)
	}
	if ok != c.explain.hovering || ok && p != c.explain.hover {
		c.explain.hovering, c.explain.hover = ok, p
		c.dirty = true
	}
	return nil
}

// Explain is the explain panel for the followed runner, a tree of nodes that
// the control panel (Panel) ends with, drawn over the plot by the page's CSS:
// its last step with the notes' rules and the step's numbers, the
// local geometry at its ball and, on linear-map, the chain rule there. It has
// no children when no runner is followed.
func (c *Controller) Explain() Node {
	root := El("div", "id", "explain")
	r := c.followed()
	if r == nil {
		return root
	}
	spec, _ := optim.Lookup(r.Optimizer)
	head := El("div", "class", "ex-head").With(
		dot(view.RunnerCSS(r.ID), view.RunnerShape(r.ID)),
		El("span", "class", "ex-name").Say(spec.Display+" — step "+strconv.Itoa(r.LastStep)+" explained (→ steps)"),
		El("button", "class", "remove", "type", "button", "title", "Stop following", "aria-label", "Stop following").
			Say("×").Sends("click", func(string) Command { return Follow{Runner: -1} }))
	root = root.With(head, lineTable("ex-step", explain.Step(r)))
	root = root.With(El("div", "class", "ex-sub").Say("Local geometry at the ball"),
		lineTable("ex-local", explain.Local(c.problem.Curvature(r.X, r.Y), r.Optimizer, r.Params)))
	if a, ok := c.problem.LinearMap(); ok {
		gx, gy := c.problem.Grad(r.X, r.Y)
		root = root.With(El("div", "class", "ex-sub").Say("The chain rule at the ball"),
			lineTable("ex-chain", explain.Chain(problems.ChainRule(a, [2]float64{r.X, r.Y}), [2]float64{gx, gy})))
	}
	return root
}

// lineTable is a table of explain lines: the rule, then its numbers.
func lineTable(class string, lines []explain.Line) Node {
	t := El("table", "class", class)
	for _, l := range lines {
		t = t.With(El("tr").With(El("td", "class", "ex-rule").Say(l.Rule), El("td", "class", "ex-num").Say(l.Numbers)))
	}
	return t
}

// StabilityMark returns where runner's α slider marks its stability limit on
// the local quadratic at the start (optim.StabilityLimit with the Hessian's
// largest eigenvalue there), as a fraction of the slider from 0 to 1, with the
// limit; ok is false when the runner's optimizer has no such limit, or the
// surface does not curve up there. A limit off the slider is at −0.5 (below
// its least α: all of it is past the mark) or 1.5 (above its greatest).
func (c *Controller) StabilityMark(runner int) (frac, limit float64, ok bool) {
	if runner < 0 || runner >= len(c.race.Runners) {
		return 0, 0, false
	}
	r := c.race.Runners[runner]
	cu := c.problem.Curvature(c.race.Start[0], c.race.Start[1])
	limit, ok = optim.StabilityLimit(r.Optimizer, r.Params, cu.L1)
	if !ok {
		return 0, 0, false
	}
	spec, _ := optim.Lookup(r.Optimizer)
	lr, _ := spec.Params.Find("lr")
	switch {
	case limit < lr.Min:
		return -0.5, limit, true
	case limit > lr.Max:
		return 1.5, limit, true
	}
	return float64(lr.SliderPos(limit)) / param.SliderSteps, limit, true
}

// markStability marks, on the α slider's row (a knobRow of k), the stability
// limit of k's runner: the row gets the rule and the limit in data-rule and
// the mark's place along the slider in --mark, which the page's CSS draws as
// a red line with the slider past it shaded (the slider's geometry is the
// CSS's); the slider itself carries the limit in data-limit.
func (c *Controller) markStability(row Node, k Knob) Node {
	if k.Runner == ProblemKnob || k.Param.Name != "lr" || len(row.Kids) < 2 {
		return row
	}
	frac, limit, ok := c.StabilityMark(k.Runner)
	if !ok {
		return row
	}
	rule, _ := optim.StabilityRule(c.race.Runners[k.Runner].Optimizer)
	slider := &row.Kids[1]
	slider.Attrs = append(slider.Attrs, [2]string{"data-limit", strconv.FormatFloat(limit, 'g', -1, 64)})
	row.Style = append(row.Style, [2]string{"--mark", strconv.FormatFloat(frac, 'f', 4, 64)})
	said := rule + " = " + formatValue(limit) + " on the local quadratic at the start"
	row.Attrs = append(row.Attrs, [2]string{"data-rule", said})
	for i, a := range row.Attrs {
		if a[0] == "title" {
			row.Attrs[i][1] = a[1] + " The red mark: " + said + "; past it the race diverges."
		}
	}
	return row
}

// probeMore is what the pointer's readout adds at the world point (wx, wy),
// device pixel (sx, sy): the Hessian's eigenvalues and κ there, the label of an arrow under the pointer, and
// on linear-map the chain rule, one line each.
func (c *Controller) probeMore(wx, wy, sx, sy float64) string {
	var b strings.Builder
	cu := c.problem.Curvature(wx, wy)
	b.WriteString("   λ = " + formatValue(cu.L1) + ", " + formatValue(cu.L2) + "   κ = " + formatValue(cu.Kappa))
	if l := c.arrowLabel(sx, sy); l != "" {
		b.WriteString("\n" + l)
	}
	if a, ok := c.problem.LinearMap(); ok {
		gx, gy := c.problem.Grad(wx, wy)
		for _, l := range explain.Chain(problems.ChainRule(a, [2]float64{wx, wy}), [2]float64{gx, gy}) {
			b.WriteString("\n" + l.Rule + " " + l.Numbers)
		}
	}
	return b.String()
}

// arrowsToggle is the panel's checkbox of the arrows, with what each style is.
func (c *Controller) arrowsToggle() Node {
	on := "0"
	if c.cfg.Arrows {
		on = "1"
	}
	return El("label", "class", "check", "title", ArrowStyles).With(
		El("input", "id", "arrows", "type", "checkbox").Shows(on).Sends("change", func(v string) Command { return SetArrows{On: v == "1"} }),
		El("span").Say(" Arrows: each runner's last step ("+ArrowStyles+"). Click a ball, or “explain” on its card, to explain its steps."))
}

// ExplainEveryTicks is how often, at most, the explain panel shows a new step
// while the race runs, in ticks (a tick a displayed frame, 60 a second on most
// screens): faster, its numbers could not be read anyway.
const ExplainEveryTicks = 12

// explainStepped shows the followed runner's new step on the page (a new
// Version): at once when paused (→, step(n)) or when the race has ended
// (nothing would show it later), at most every ExplainEveryTicks advances
// while running.
func (c *Controller) explainStepped() {
	r := c.followed()
	if r == nil {
		return
	}
	c.explain.ticks++
	if r.LastStep != c.explain.shownStep && (!c.racing() || c.explain.ticks >= ExplainEveryTicks) {
		c.explain.shownStep, c.explain.ticks = r.LastStep, 0
		c.version++
	}
}

// Tap is a click or tap on the plot at (X, Y) CSS pixels: on a ball (within
// FollowRadius) it follows that runner, elsewhere it is a Click, which moves
// the start.
type Tap struct{ X, Y, CanvasW, CanvasH float64 }

func (cmd Tap) apply(c *Controller) []string {
	// In the grid layout every runner has its own plot: balls are not told apart by place.
	if sx, sy, ok := c.toDevice(cmd.X, cmd.Y, cmd.CanvasW, cmd.CanvasH); ok && !c.cfg.Grid() {
		if i := c.ballAt(sx, sy); i >= 0 {
			return Follow{Runner: i}.apply(c)
		}
	}
	return Click(cmd).apply(c)
}

// followButton is the button of runner i's card that follows it (or, when
// it is followed, stops).
func (c *Controller) followButton(i int) Node {
	label, pressed, cmd := "Explain its steps over the plot", "false", Follow{Runner: i}
	if c.cfg.Follow == i+1 {
		label, pressed, cmd = "Stop explaining its steps", "true", Follow{Runner: -1}
	}
	return El("button", "class", "explain-btn", "type", "button", "title", label, "aria-pressed", pressed).
		Say("explain").Sends("click", func(string) Command { return cmd })
}
