package control

import (
	"strconv"

	"descent/game/config"
	"descent/game/view"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// ControlKind is what a control of the panel is.
type ControlKind int

const (
	Heading  ControlKind = iota // starts a section, titled Text
	Select                      // a drop-down of Options
	TextBox                     // a line of text the learner types
	KnobRow                     // a slider and a number box for Knob
	Button                      // a button labelled Text
	Checkbox                    // a box, checked when Value is "1", labelled Text
	Note                        // a line of text
	Card                        // starts a runner's card: a dot of Color, the name Text, and a remove button when Send is set
	Rule                        // an update rule, in code type
	Link                        // a read-only box with the link to this view
	Buttons                     // starts a row of buttons; the row ends at the next non-button
)

// Control is one control of the panel: what it is, what it shows, and what a
// change of it sends. The panel is a list of them (Panel); the page renders
// it once per Shape and then only updates Value and Text.
type Control struct {
	Kind        ControlKind
	ID          string      // the element's id, "" for none
	Label       string      // what a screen reader calls it
	Title       string      // a tooltip
	Text        string      // the visible text of a heading, button, checkbox, note, card or rule
	Placeholder string      // a text box's hint
	Options     [][2]string // a select's values and labels
	Value       string      // what an input shows now
	Disabled    bool
	Knob        Knob
	Color       string                     // a card's dot
	Send        func(value string) Command // what a change sends; nil for display only
}

// Panel is the control panel for the current state, built from the catalogs
// (problems.All, optim.Specs, config.Presets) and the knobs, so a new problem,
// optimizer or parameter appears without code of its own.
func (c *Controller) Panel() []Control {
	cfg := c.cfg
	pg := c.Page()
	var cs []Control
	add := func(ctl Control) { cs = append(cs, ctl) }

	// The notes' figures, ready made.
	add(Control{Kind: Heading, Text: "Ready-made setups"})
	presets := [][2]string{{"", "The notes' figures and more…"}}
	for _, pr := range config.Presets() {
		presets = append(presets, [2]string{pr.Name, pr.Title})
	}
	add(Control{Kind: Select, ID: "preset", Label: "Set up one of the course notes' figures", Options: presets, Value: pg.Preset,
		Send: func(v string) Command {
			if v == "" {
				return nil
			}
			return Configure{Hash: "preset=" + v}
		}})
	about := ""
	if pr, ok := config.LookupPreset(pg.Preset); ok {
		about = pr.About
	}
	add(Control{Kind: Note, Text: about})

	// The surface.
	add(Control{Kind: Heading, Text: "Loss surface"})
	var surfaces [][2]string
	for _, p := range problems.All() {
		surfaces = append(surfaces, [2]string{p.Name, p.Title})
	}
	value := cfg.Problem
	if cfg.Expr != "" {
		surfaces, value = append(surfaces, [2]string{"", "Custom formula"}), ""
	}
	add(Control{Kind: Select, ID: "problem", Label: "Loss surface", Options: surfaces, Value: value,
		Send: func(v string) Command { return SetProblem{Name: v} }})
	add(Control{Kind: TextBox, ID: "formula", Label: "Your own formula in x and y", Value: cfg.Expr,
		Placeholder: "or type f(x, y), e.g. x^2 + 3*y^2 - x*y",
		Send: func(v string) Command {
			if v == "" {
				return nil
			}
			return SetFormula{Src: v}
		}})
	add(Control{Kind: Note, Text: pg.Description})
	knobs := pg.Knobs
	for len(knobs) > 0 && knobs[0].Runner == ProblemKnob {
		add(knobRow(knobs[0]))
		knobs = knobs[1:]
	}

	// The race's controls.
	add(Control{Kind: Heading})
	add(Control{Kind: Buttons})
	play := "❚❚ Pause"
	if cfg.Paused {
		play = "▶ Play"
	}
	add(Control{Kind: Button, ID: "play", Text: play, Send: func(string) Command { return TogglePause{} }})
	add(Control{Kind: Button, ID: "step", Text: "Step", Send: func(string) Command { return StepOne{} }})
	add(Control{Kind: Button, ID: "reset", Text: "Reset", Send: func(string) Command { return Reset{} }})
	add(Control{Kind: Button, ID: "fit", Text: "Fit view", Send: func(string) Command { return Fit{} }})
	speed := param.Param{Name: "speed", Symbol: "speed", Min: config.MinSpeed, Max: config.MaxSpeed, Integer: true,
		Help: "Optimizer steps per frame.", Default: config.DefaultSpeed}
	add(Control{Kind: KnobRow, ID: "speed", Label: "Speed in steps per frame", Knob: Knob{Runner: ProblemKnob, Owner: "race", Param: speed, Value: float64(cfg.Speed)},
		Send: func(v string) Command {
			n, err := strconv.Atoi(v)
			if err != nil {
				return Notice{Text: "speed: " + param.Quote(v) + " is not a whole number; kept " + strconv.Itoa(cfg.Speed)}
			}
			return SetSpeed{N: n}
		}})
	add(Control{Kind: Note, Text: pg.Speed})
	add(Control{Kind: Note, Text: pg.Start})
	add(Control{Kind: TextBox, ID: "seed", Label: "seed", Title: "The seed of SGD's minibatches and noise: the same seed gives the same race.",
		Value: strconv.FormatUint(cfg.Seed, 10), Send: func(v string) Command { return SetSeed{Text: v} }})

	// One card per runner.
	add(Control{Kind: Heading, Text: "Optimizers"})
	for i, r := range cfg.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		card := Control{Kind: Card, Text: spec.Display, Title: spec.Help, Color: view.CSS(view.RunnerColor(i)), Label: "Remove " + spec.Display}
		if len(cfg.Runners) > 1 {
			card.Send = func(string) Command { return RemoveRunner{Index: i} }
		}
		add(card)
		add(Control{Kind: Rule, Text: spec.Rule})
		for len(knobs) > 0 && knobs[0].Runner == i {
			add(knobRow(knobs[0]))
			knobs = knobs[1:]
		}
	}
	tune := Control{Kind: Button, ID: "tune", Text: "Tune every α for this surface",
		Title: "Try ten learning rates from 0.0001 to 3 for 300 steps each, and keep each runner's best",
		Send:  func(string) Command { return Tune{} }}
	if pg.Tuning >= 0 {
		tune.Text, tune.Disabled = "Tuning α… "+strconv.Itoa(int(pg.Tuning*100))+"%", true
	}
	add(tune)
	lbfgs := "0"
	if cfg.LBFGS {
		lbfgs = "1"
	}
	add(Control{Kind: Checkbox, ID: "lbfgs", Value: lbfgs,
		Text: " Show the L-BFGS reference path (a line-search method: each dot is one line search)",
		Send: func(v string) Command { return SetLBFGS{On: v == "1"} }})
	if len(cfg.Runners) < config.MaxRunners {
		opts := [][2]string{{"", "+ Add an optimizer…"}}
		for _, s := range optim.Specs() {
			opts = append(opts, [2]string{s.Name, s.Display})
		}
		add(Control{Kind: Select, ID: "add-optimizer", Label: "Add an optimizer", Options: opts,
			Send: func(v string) Command {
				if v == "" {
					return nil
				}
				return AddRunner{Optimizer: v}
			}})
	}

	// The link that reproduces what is on screen.
	add(Control{Kind: Heading, Text: "Share"})
	add(Control{Kind: Link, ID: "link", Label: "Link to this view", Value: "#" + pg.Hash})
	return cs
}

// knobRow is the slider and box of one knob: the slider sends its position's
// value, the box the text typed.
func knobRow(k Knob) Control {
	return Control{Kind: KnobRow, Label: k.ID(), Title: k.Param.Help, Knob: k,
		Send: func(v string) Command { return SetParam{Runner: k.Runner, Name: k.Param.Name, Text: v} }}
}

// SliderText is what a knob's slider at position pos sends: its value as text.
func SliderText(k Knob, pos int) string {
	return strconv.FormatFloat(k.Param.FromSlider(pos), 'g', -1, 64)
}
