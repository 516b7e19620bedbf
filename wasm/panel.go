//go:build js && wasm

package main

import (
	"strconv"
	"syscall/js"

	"descent/game"
	"descent/game/config"
	"descent/game/control"
	"descent/game/view"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// panel is the control panel, built from the catalogs (problems.All,
// optim.Specs, config.Presets) and the controller's knobs, so a new problem,
// optimizer or parameter appears here without code of its own. Every control
// sends a command; the panel only shows what the controller says (control.Page).
type panel struct {
	doc   js.Value
	g     *game.Game
	root  js.Value
	funcs []js.Func // the listeners of the current build, released on rebuild
	shape string    // what the current build shows: rebuilt when it changes

	problem, formula, about, play, speed, speedOut, start, link, lbfgs, seed, tune js.Value
	preset, presetAbout                                                            js.Value
	knobs                                                                          []knobInput
}

type knobInput struct {
	slider, number js.Value
}

func newPanel(doc js.Value, g *game.Game) *panel {
	return &panel{doc: doc, g: g, root: doc.Call("getElementById", "controls")}
}

// sync shows pg, rebuilding the controls when the problem or the list of
// optimizers changed and otherwise only updating values.
func (p *panel) sync(pg control.Page) {
	if !p.root.Truthy() {
		return
	}
	if pg.Shape != p.shape {
		p.shape = pg.Shape
		p.build(pg)
	}
	cfg := pg.Config
	if cfg.Expr != "" {
		p.setValue(p.problem, "") // the "Custom formula" entry
	} else {
		p.setValue(p.problem, cfg.Problem)
	}
	p.setValue(p.formula, cfg.Expr)
	p.about.Set("textContent", pg.Description)
	if cfg.Paused {
		p.play.Set("textContent", "▶ Play")
	} else {
		p.play.Set("textContent", "❚❚ Pause")
	}
	p.setValue(p.speed, strconv.Itoa(cfg.Speed))
	p.setValue(p.preset, pg.Preset)
	about := ""
	if pr, ok := config.LookupPreset(pg.Preset); ok {
		about = pr.About
	}
	p.presetAbout.Set("textContent", about)
	p.lbfgs.Set("checked", cfg.LBFGS)
	p.setValue(p.seed, strconv.FormatUint(cfg.Seed, 10))
	p.speedOut.Set("textContent", pg.Speed)
	p.start.Set("textContent", pg.Start)
	if pg.Tuning >= 0 {
		p.tune.Set("textContent", "Tuning α… "+strconv.Itoa(int(pg.Tuning*100))+"%")
		p.tune.Set("disabled", true)
	} else {
		p.tune.Set("textContent", "Tune every α for this surface")
		p.tune.Set("disabled", false)
	}
	for i, k := range pg.Knobs {
		if i < len(p.knobs) {
			p.setValue(p.knobs[i].slider, strconv.Itoa(k.SliderPos()))
			p.setValue(p.knobs[i].number, strconv.FormatFloat(k.Value, 'g', 4, 64))
		}
	}
	loc := js.Global().Get("location")
	p.link.Set("value", loc.Get("origin").String()+loc.Get("pathname").String()+"#"+pg.Hash)
}

// setValue sets an input's value unless the learner is typing in it.
func (p *panel) setValue(el js.Value, v string) {
	if el.Truthy() && !el.Equal(p.doc.Get("activeElement")) && el.Get("value").String() != v {
		el.Set("value", v)
	}
}

func (p *panel) build(pg control.Page) {
	for _, f := range p.funcs {
		f.Release()
	}
	p.funcs, p.knobs = nil, nil
	p.root.Set("textContent", "")
	cfg := pg.Config

	// The notes' figures, ready made.
	sec := p.section("Ready-made setups")
	p.preset = p.el(sec, "select", "")
	p.label(p.preset, "preset", "Set up one of the course notes' figures")
	p.option(p.preset, "", "The notes' figures and more…")
	for _, pr := range config.Presets() {
		p.option(p.preset, pr.Name, pr.Title)
	}
	p.presetAbout = p.el(sec, "p", "about")
	p.on(p.preset, "change", func(el js.Value) {
		if name := el.Get("value").String(); name != "" {
			p.g.Send(control.Configure{Hash: "preset=" + name})
		}
	})

	// The problem.
	sec = p.section("Loss surface")
	p.problem = p.el(sec, "select", "")
	p.label(p.problem, "problem", "Loss surface")
	for _, pr := range problems.All() {
		p.option(p.problem, pr.Name, pr.Title)
	}
	if cfg.Expr != "" {
		p.option(p.problem, "", "Custom formula")
	}
	p.on(p.problem, "change", func(el js.Value) { p.g.Send(control.SetProblem{Name: el.Get("value").String()}) })
	p.formula = p.el(sec, "input", "")
	p.formula.Set("type", "text")
	p.formula.Set("spellcheck", false)
	p.formula.Set("placeholder", "or type f(x, y), e.g. x^2 + 3*y^2 - x*y")
	p.label(p.formula, "formula", "Your own formula in x and y")
	p.on(p.formula, "change", func(el js.Value) {
		if src := el.Get("value").String(); src != "" {
			p.g.Send(control.SetFormula{Src: src})
		}
	})
	p.about = p.el(sec, "p", "about")
	knobs := pg.Knobs
	for len(knobs) > 0 && knobs[0].Runner == control.ProblemKnob {
		p.knobRow(sec, knobs[0])
		knobs = knobs[1:]
	}

	// The race controls.
	sec = p.section("")
	row := p.el(sec, "div", "buttons")
	p.play = p.button(row, "play", "", control.TogglePause{})
	p.button(row, "step", "Step", control.StepOne{})
	p.button(row, "reset", "Reset", control.Reset{})
	p.button(row, "fit", "Fit view", control.Fit{})
	p.speed = p.el(sec, "input", "")
	p.speed.Set("type", "range")
	p.speed.Set("min", config.MinSpeed)
	p.speed.Set("max", config.MaxSpeed)
	p.label(p.speed, "speed", "Speed in steps per frame")
	p.on(p.speed, "input", func(el js.Value) {
		if n, err := strconv.Atoi(el.Get("value").String()); err == nil {
			p.g.Send(control.SetSpeed{N: n})
		}
	})
	p.speedOut = p.el(sec, "div", "note")
	p.start = p.el(sec, "div", "note")
	seedRow := p.el(sec, "label", "param")
	seedRow.Set("title", "The seed of SGD's minibatches and noise: the same seed gives the same race.")
	p.el(seedRow, "span", "sym").Set("textContent", "seed")
	p.seed = p.el(seedRow, "input", "num")
	p.seed.Set("id", "seed")
	p.seed.Set("inputMode", "numeric")
	p.on(p.seed, "change", func(el js.Value) {
		el.Call("blur") // so that sync may show the value kept
		p.g.Send(control.SetSeed{Text: el.Get("value").String()})
	})

	// One card per optimizer.
	sec = p.section("Optimizers")
	for i, r := range cfg.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		card := p.el(sec, "div", "card")
		head := p.el(card, "div", "card-head")
		p.el(head, "span", "dot").Get("style").Set("background", view.CSS(view.RunnerColor(i)))
		name := p.el(head, "span", "card-name")
		name.Set("textContent", spec.Display)
		name.Set("title", spec.Help)
		if len(cfg.Runners) > 1 {
			rm := p.button(head, "", "×", control.RemoveRunner{Index: i})
			rm.Set("className", "remove")
			rm.Set("title", "Remove "+spec.Display)
			rm.Call("setAttribute", "aria-label", "Remove "+spec.Display)
		}
		p.el(card, "div", "rule").Set("textContent", spec.Rule)
		for len(knobs) > 0 && knobs[0].Runner == i {
			p.knobRow(card, knobs[0])
			knobs = knobs[1:]
		}
	}
	p.tune = p.button(sec, "tune", "", control.Tune{})
	p.tune.Set("title", "Try ten learning rates from 0.0001 to 3 for 300 steps each, and keep each runner's best")
	ghost := p.el(sec, "label", "check")
	p.lbfgs = p.el(ghost, "input", "")
	p.lbfgs.Set("type", "checkbox")
	p.lbfgs.Set("id", "lbfgs")
	p.el(ghost, "span", "").Set("textContent", " Show the L-BFGS reference path (a line-search method: each dot is one line search)")
	p.on(p.lbfgs, "change", func(el js.Value) { p.g.Send(control.SetLBFGS{On: el.Get("checked").Bool()}) })
	if len(cfg.Runners) < config.MaxRunners {
		add := p.el(sec, "select", "")
		p.label(add, "add-optimizer", "Add an optimizer")
		p.option(add, "", "+ Add an optimizer…")
		for _, s := range optim.Specs() {
			p.option(add, s.Name, s.Display)
		}
		p.on(add, "change", func(el js.Value) {
			if name := el.Get("value").String(); name != "" {
				p.g.Send(control.AddRunner{Optimizer: name})
			}
		})
	}

	// The link that reproduces what is on screen.
	sec = p.section("Share")
	p.link = p.el(sec, "input", "")
	p.link.Set("readOnly", true)
	p.label(p.link, "link", "Link to this view")
	p.on(p.link, "focus", func(el js.Value) { el.Call("select") })
}

// knobRow is a slider and a number box for one knob.
func (p *panel) knobRow(parent js.Value, k control.Knob) {
	row := p.el(parent, "label", "param")
	row.Set("title", k.Param.Help)
	p.el(row, "span", "sym").Set("textContent", k.Param.Symbol)
	in := knobInput{slider: p.el(row, "input", ""), number: p.el(row, "input", "num")}
	in.slider.Set("type", "range")
	in.slider.Set("min", 0)
	in.slider.Set("max", param.SliderSteps)
	in.slider.Call("setAttribute", "aria-label", k.ID())
	in.slider.Get("dataset").Set("param", k.ID())
	in.number.Set("type", "text")
	in.number.Set("inputMode", "decimal")
	in.number.Call("setAttribute", "aria-label", k.ID()+" value")
	in.number.Get("dataset").Set("param", k.ID())
	p.on(in.slider, "input", func(el js.Value) {
		if pos, err := strconv.Atoi(el.Get("value").String()); err == nil {
			v := k.Param.FromSlider(pos)
			p.g.Send(control.SetParam{Runner: k.Runner, Name: k.Param.Name, Text: strconv.FormatFloat(v, 'g', -1, 64)})
		}
	})
	p.on(in.number, "change", func(el js.Value) {
		el.Call("blur") // so that sync may show the value kept
		p.g.Send(control.SetParam{Runner: k.Runner, Name: k.Param.Name, Text: el.Get("value").String()})
	})
	p.knobs = append(p.knobs, in)
}

func (p *panel) section(title string) js.Value {
	sec := p.el(p.root, "section", "")
	if title != "" {
		p.el(sec, "h2", "").Set("textContent", title)
	}
	return sec
}

func (p *panel) el(parent js.Value, tag, class string) js.Value {
	e := p.doc.Call("createElement", tag)
	if class != "" {
		e.Set("className", class)
	}
	parent.Call("appendChild", e)
	return e
}

func (p *panel) label(el js.Value, id, label string) {
	el.Set("id", id)
	el.Call("setAttribute", "aria-label", label)
}

func (p *panel) option(sel js.Value, value, text string) {
	o := p.el(sel, "option", "")
	o.Set("value", value)
	o.Set("textContent", text)
}

// button sends cmd when clicked; id may be "".
func (p *panel) button(parent js.Value, id, text string, cmd control.Command) js.Value {
	b := p.el(parent, "button", "")
	b.Set("type", "button")
	b.Set("textContent", text)
	if id != "" {
		b.Set("id", id)
	}
	p.on(b, "click", func(js.Value) { p.g.Send(cmd) })
	return b
}

// on listens for an event on el; the listener lives until the next rebuild.
func (p *panel) on(el js.Value, event string, fn func(el js.Value)) {
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		fn(el)
		return nil
	})
	p.funcs = append(p.funcs, f)
	el.Call("addEventListener", event, f)
}
