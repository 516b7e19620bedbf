package control

import (
	"strconv"

	"descent/game/config"
	"descent/game/view"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// Panel is the control panel for the current state, built from the catalogs
// (problems.All, optim.Specs, config.Presets) and the knobs, so a new problem,
// optimizer or parameter appears without code of its own. base is the page's
// address without its hash, for the link to share.
func (c *Controller) Panel(base string) Node {
	if c.bv != nil {
		return c.scenePanel(base)
	}
	cfg, pg := c.cfg, c.Page()
	root, section := panelRoot()
	section("Ready-made setups", presetControls(pg.Preset)...)

	// The surface.
	surfaces := El("select", "id", "problem", "aria-label", "Loss surface")
	titles := problems.Titles() // building none: the panel is built just after the first frame
	for i, name := range problems.Names() {
		surfaces = surfaces.With(option(name, titles[i]))
	}
	shown := cfg.Problem
	if cfg.Expr != "" {
		surfaces, shown = surfaces.With(option("", "Custom formula")), ""
	}
	surface := []Node{
		surfaces.Shows(shown).Sends("change", func(v string) Command { return SetProblem{Name: v} }),
		El("input", "id", "formula", "type", "text", "spellcheck", "false", "aria-label", "Your own formula in x and y",
			"placeholder", "or type f(x, y), e.g. x^2 + 3*y^2 - x*y").Shows(cfg.Expr).
			Sends("change", func(v string) Command { return nonEmpty(v, SetFormula{Src: v}) }),
		El("p", "class", "about").Say(pg.Description),
	}
	knobs := pg.Knobs
	for len(knobs) > 0 && knobs[0].Runner == ProblemKnob {
		surface = append(surface, knobRow(knobs[0]))
		knobs = knobs[1:]
	}
	section("Loss surface", surface...)

	// The race's controls.
	play := "❚❚ Pause"
	if cfg.Paused {
		play = "▶ Play"
	}
	speed := Knob{Runner: ProblemKnob, Owner: "race", Value: float64(cfg.Speed), Param: param.Param{Name: "speed", Symbol: "speed",
		Help: "Optimizer steps per frame.", Default: config.DefaultSpeed, Min: config.MinSpeed, Max: config.MaxSpeed, Integer: true}}
	section("",
		El("div", "class", "buttons").With(
			button("play", play, TogglePause{}), button("step", "Step", StepOne{}),
			button("reset", "Reset", Reset{}), button("fit", "Fit view", Fit{})),
		row(speed, "speed", func(v string) Command {
			n, err := strconv.Atoi(v)
			if err != nil {
				return Notice{Text: "speed: " + param.Quote(v) + " is not a whole number of steps; kept " + strconv.Itoa(cfg.Speed)}
			}
			return SetSpeed{N: n}
		}),
		El("div", "class", "note").Say(pg.Speed),
		El("div", "class", "note").Say(pg.Start),
		El("label", "class", "param", "title", "The seed of SGD's minibatches and noise: the same seed gives the same race.").With(
			El("span", "class", "sym").Say("seed"),
			El("input", "id", "seed", "class", "num", "type", "text", "inputmode", "numeric", "aria-label", "seed").
				Shows(strconv.FormatUint(cfg.Seed, 10)).Sends("change", func(v string) Command { return SetSeed{Text: v} })))

	// One card per runner.
	cards := []Node{}
	for i, r := range cfg.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		head := El("div", "class", "card-head").With(
			dot(view.RunnerCSS(i), view.RunnerShape(i)),
			El("span", "class", "card-name", "title", spec.Help).Say(spec.Display))
		head = head.With(c.followButton(i))
		if len(cfg.Runners) > 1 {
			head = head.With(El("button", "class", "remove", "type", "button", "title", "Remove "+spec.Display, "aria-label", "Remove "+spec.Display).
				Say("×").Sends("click", func(string) Command { return RemoveRunner{Index: i} }))
		}
		card := El("div", "class", "card").With(head, El("div", "class", "rule").Say(spec.Rule))
		for len(knobs) > 0 && knobs[0].Runner == i {
			card = card.With(c.markStability(knobRow(knobs[0]), knobs[0]))
			knobs = knobs[1:]
		}
		cards = append(cards, card)
	}
	tune := button("tune", "Tune every α for this surface", Tune{})
	tune.Attrs = append(tune.Attrs, [2]string{"title", "Try ten learning rates from 0.0001 to 3 for 300 steps each, and keep each runner's best"})
	if pg.Tuning >= 0 {
		tune.Text = "Tuning α… " + strconv.Itoa(int(pg.Tuning*100)) + "%"
		tune.Attrs = append(tune.Attrs, [2]string{"disabled", "true"})
	}
	lbfgs := "0"
	if cfg.LBFGS {
		lbfgs = "1"
	}
	cards = append(cards, tune, El("label", "class", "check").With(
		El("input", "id", "lbfgs", "type", "checkbox").Shows(lbfgs).Sends("change", func(v string) Command { return SetLBFGS{On: v == "1"} }),
		El("span").Say(" Show the L-BFGS reference path (a line-search method: each dot is one line search)")),
		c.arrowsToggle())
	cards = append(cards, layoutToggle(cfg.Grid()))
	if len(cfg.Runners) < config.MaxRunners {
		add := El("select", "id", "add-optimizer", "aria-label", "Add an optimizer").With(option("", "+ Add an optimizer…"))
		for _, s := range optim.Specs() {
			add = add.With(option(s.Name, s.Display))
		}
		cards = append(cards, add.Shows("").Sends("change", func(v string) Command { return nonEmpty(v, AddRunner{Optimizer: v}) }))
	}
	section("Optimizers", cards...)

	// The link that reproduces what is on screen.
	section("Share", El("input", "id", "link", "type", "text", "readonly", "true", "aria-label", "Link to this view").Shows(base+"#"+pg.Hash),
		c.shareButtons(base))
	return root.With(c.Explain()) // drawn over the plot
}

// panelRoot returns the panel's root and a function that appends a section to
// it, headed by title unless title is "".
func panelRoot() (*Node, func(title string, kids ...Node)) {
	root := El("div", "id", "controls")
	return &root, func(title string, kids ...Node) {
		s := El("section")
		if title != "" {
			s = s.With(El("h2").Say(title))
		}
		root = root.With(s.With(kids...))
	}
}

// presetControls are the menu of ready-made setups, showing preset, and what
// the one chosen shows.
func presetControls(preset string) []Node {
	presets := El("select", "id", "preset", "aria-label", "Set up one of the course notes' figures").With(option("", "The notes' figures and more…"))
	for _, pr := range config.Presets() {
		presets = presets.With(option(pr.Name, pr.Title))
	}
	about := ""
	if pr, ok := config.LookupPreset(preset); ok {
		about = pr.About
	}
	return []Node{presets.Shows(preset).Sends("change", func(v string) Command { return nonEmpty(v, Configure{Hash: "preset=" + v}) }),
		El("p", "class", "about").Say(about)}
}

// knobRow is the slider and box of one of the knobs.
func knobRow(k Knob) Node {
	return row(k, "", func(v string) Command { return SetParam{Runner: k.Runner, Name: k.Param.Name, Text: v} })
}

// row is a labelled slider and number box for k: the slider sends its
// position's value, the box the text typed. id, when not "", names the slider.
func row(k Knob, id string, send func(string) Command) Node {
	slider := El("input", "type", "range", "min", "0", "max", strconv.Itoa(param.SliderSteps), "aria-label", k.ID(), "data-param", k.ID())
	label := k.ID()
	if id != "" {
		slider = El("input", "id", id, "type", "range", "min", "0", "max", strconv.Itoa(param.SliderSteps), "aria-label", k.Param.Help)
		label = id
	}
	slider = slider.Shows(strconv.Itoa(k.SliderPos())).Sends("input", func(v string) Command {
		pos, err := strconv.Atoi(v)
		if err != nil {
			return nil
		}
		return send(SliderText(k, pos))
	})
	box := El("input", "class", "num", "type", "text", "inputmode", "decimal", "aria-label", label+" value")
	if id == "" {
		box.Attrs = append(box.Attrs, [2]string{"data-param", k.ID()})
	}
	box = box.Shows(strconv.FormatFloat(k.Value, 'g', 4, 64)).Sends("change", send)
	return El("label", "class", "param", "title", k.Param.Help).With(El("span", "class", "sym").Say(k.Param.Symbol), slider, box)
}

// SliderText is what a knob's slider at position pos sends: its value as text.
func SliderText(k Knob, pos int) string {
	return strconv.FormatFloat(k.Param.FromSlider(pos), 'g', -1, 64)
}

func option(value, text string) Node { return El("option", "value", value).Say(text) }

func button(id, text string, cmd Command) Node {
	return El("button", "id", id, "type", "button").Say(text).Sends("click", func(string) Command { return cmd })
}

// dot is a runner's marker: its colour in its ball's shape.
func dot(color string, shape view.Shape) Node {
	n := El("span", "class", "dot")
	n.Style = [][2]string{{"background", color}, {"clip-path", shape.ClipPath()}}
	return n
}

// nonEmpty is cmd, or nil for the empty value of a prompt entry.
func nonEmpty(v string, cmd Command) Command {
	if v == "" {
		return nil
	}
	return cmd
}
