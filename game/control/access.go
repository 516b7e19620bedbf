package control

import (
	"strconv"
	"strings"

	"descent/game/race"
	"descent/game/view"
	"descent/optim"
)

// Keyboard use of the plot, its description for screen readers, the
// announcements of a live region, and reduced motion.

// MoveStartPixels is how far, in CSS pixels of the plot, one press of
// Shift+arrow moves the start: a few pixels, like a nudge of the pointer.
const MoveStartPixels = 8

// MoveStart moves the start by (DX, DY) steps of MoveStartPixels on the plot
// (y down, as on screen) and restarts every runner there, as a click would.
type MoveStart struct{ DX, DY int }

func (cmd MoveStart) apply(c *Controller) []string {
	if c.screen.W <= 0 || c.screen.H <= 0 {
		return nil
	}
	sx, sy := c.field.ToScreen(c.race.Start[0], c.race.Start[1])
	d := MoveStartPixels * c.screen.DPR
	sx, sy = sx+float64(cmd.DX)*d, sy+float64(cmd.DY)*d
	// A click at the device pixel (sx, sy) of a canvas as large in CSS pixels as
	// in device pixels: the same rounding of the start, the same restart.
	w, h := float64(c.screen.W), float64(c.screen.H)
	return Click{X: sx, Y: sy, CanvasW: w, CanvasH: h}.apply(c)
}

// PlotKey is the command of a key pressed over the plot (code is the
// KeyboardEvent's code): Shift+arrows move the start, Enter restarts the race,
// and the other keys are Keys'.
func PlotKey(code string, shift bool) Command {
	if shift {
		switch code {
		case "ArrowLeft":
			return MoveStart{DX: -1}
		case "ArrowRight":
			return MoveStart{DX: 1}
		case "ArrowUp":
			return MoveStart{DY: -1}
		case "ArrowDown":
			return MoveStart{DY: 1}
		}
	}
	if code == "Enter" || code == "NumpadEnter" {
		return Reset{}
	}
	return Keys(code)
}

// KeyPress is a key pressed on the page: its KeyboardEvent's code, the tag of
// the element it was pressed in, and the modifiers held.
type KeyPress struct {
	Code, Target           string
	Shift, Ctrl, Meta, Alt bool
}

// Command is the plot's command for k (PlotKey), or nil: none for a key
// typed into a form control or held with Ctrl, Meta or Alt, which belong to
// the control and the browser.
func (k KeyPress) Command() Command {
	switch k.Target {
	case "INPUT", "TEXTAREA", "SELECT", "BUTTON":
		return nil
	}
	if k.Ctrl || k.Meta || k.Alt {
		return nil
	}
	return PlotKey(k.Code, k.Shift)
}

// Ids of the page's elements whose text PageTexts sets.
const (
	PlotDescriptionID = "plot-description" // the plot's text description
	AnnounceID        = "announce"         // the polite live region
	MessagesID        = "messages"         // the notes about the last change and this run
	HintID            = "hint"             // what the pointer and the keys do, in the scene shown
)

// The hints under the plot: what a learner can do with the pointer and the keys.
const (
	raceHint = "click: start here (on a ball: explain its steps) · drag: move · wheel: zoom · space: pause / play · " +
		"→: one step · r: reset · f: fit · tab to the plot, then shift+arrows: move the start · enter: restart"
	sceneHint = "click the parameter space: move the true θ · click the λ chart, or drag sideways: set λ · " +
		"the panel: n, σ, the design, θ, x₀, the trials and the seed"
)

// PageTexts are the texts of the page's elements outside the panel, by id:
// the plot's description, the live region's last announcement, and the notes.
func (c *Controller) PageTexts() [][2]string {
	hint := raceHint
	if c.bv != nil {
		hint = sceneHint
	}
	return [][2]string{{PlotDescriptionID, c.PlotDescription()}, {AnnounceID, c.announcement},
		{MessagesID, strings.Join(c.Notes(), "\n")}, {HintID, hint}}
}

// PlotDescription says in words what the plot shows: the problem, the
// runners with their colours and shapes, and the start.
func (c *Controller) PlotDescription() string {
	var b strings.Builder
	b.WriteString("Contour plot of the loss surface " + c.problem.Title)
	if f := c.problem.Formula; f != "" {
		b.WriteString(", f(x, y) = " + f)
	}
	b.WriteString(". Runners: ")
	for i, r := range c.race.Runners {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(displayName(r.Optimizer) + " (" + view.RunnerColorName(r.ID) + " " + view.RunnerShape(r.ID).String() + ")")
	}
	b.WriteString(". They start at (" + formatValue(c.race.Start[0]) + ", " + formatValue(c.race.Start[1]) + ").")
	b.WriteString(" Space plays or pauses, → takes one step, Shift+arrows move the start, Enter restarts.")
	return b.String()
}

// announceStatuses notes, for the live region, the runners whose status
// changed since it last looked: "Adam converged at step 92". It allocates
// only when something changed.
func (c *Controller) announceStatuses() {
	if len(c.announced) != len(c.race.Runners) {
		c.announced = make([]race.Status, len(c.race.Runners))
	}
	var said []string
	for i, r := range c.race.Runners {
		if r.Status == c.announced[i] {
			continue
		}
		c.announced[i] = r.Status
		if r.Status != race.Running {
			said = append(said, displayName(r.Optimizer)+" "+r.Status.String()+" at step "+strconv.Itoa(r.StatusStep))
		}
	}
	if len(said) > 0 {
		c.announcement = strings.Join(said, "; ") + "."
		c.changed()
	}
}

// StartHash is the hash the page starts from: when the learner asks for
// reduced motion, paused, unless the link says whether to play.
func StartHash(hash string, reducedMotion bool) string {
	if !reducedMotion {
		return hash
	}
	for _, kv := range strings.Split(hash, "&") {
		if k, _, _ := strings.Cut(kv, "="); k == "paused" {
			return hash
		}
	}
	if hash == "" {
		return "paused=1"
	}
	return hash + "&paused=1"
}

// displayName is an optimizer's name as the legend shows it.
func displayName(optimizer string) string {
	spec, _ := optim.Lookup(optimizer)
	return spec.Display
}
