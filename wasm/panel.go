//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"syscall/js"
	"unicode/utf8"

	"descent/game"
	"descent/game/config"
	"descent/game/view"
	"descent/optim"
	"descent/problems"
	"descent/problems/expr"
)

// sliderSteps is the resolution of every slider; log-scaled parameters spread
// their range over it geometrically.
const sliderSteps = 1000

// panel is the control panel, built from the catalogs (problems.All, optim.Specs)
// so a new problem, optimizer or parameter appears here without code of its own.
// Every control edits the config through Game.Edit, as a link would.
type panel struct {
	doc   js.Value
	g     *game.Game
	root  js.Value
	funcs []js.Func // the listeners of the current build, released on rebuild
	shape string    // what the current build shows: rebuilt when it changes

	problem, about, play, speed, speedOut, start, link, lbfgs, seed js.Value

	// The preset last chosen, shown while the config is still the one it set up.
	preset, presetAbout    js.Value
	presetHash, presetName string
	lastHash               string
	inputs                 []paramInput
}

// knob is a number the learner sets with a slider and a box: an optimizer's
// hyperparameter or a problem's parameter.
type knob struct {
	name, symbol, help string
	min, max           float64
	log, integer       bool
}

func optimKnob(p optim.Param) knob {
	return knob{p.Name, p.Symbol, p.Help, p.Min, p.Max, p.Log, p.Integer}
}

func problemKnob(p problems.Param) knob {
	return knob{p.Name, p.Symbol, p.Help, p.Min, p.Max, p.Log, p.Integer}
}

type paramInput struct {
	knob           knob
	value          func(cfg config.Config) float64 // the value cfg gives it
	slider, number js.Value
}

func newPanel(doc js.Value, g *game.Game) *panel {
	return &panel{doc: doc, g: g, root: doc.Call("getElementById", "controls")}
}

// sync shows cfg, rebuilding the controls when the problem or the list of
// optimizers changed and otherwise only updating values.
func (p *panel) sync(cfg config.Config) {
	if !p.root.Truthy() {
		return
	}
	p.lastHash = cfg.Hash()
	shape := cfg.Problem + "|" + cfg.Expr
	for _, r := range cfg.Runners {
		shape += "|" + r.Optimizer
	}
	if shape != p.shape {
		p.shape = shape
		p.build(cfg)
	}
	if cfg.Expr != "" {
		p.setValue(p.problem, "") // the "Custom formula" entry
	} else {
		p.setValue(p.problem, cfg.Problem)
	}
	if cfg.Paused {
		p.play.Set("textContent", "▶ Play")
	} else {
		p.play.Set("textContent", "❚❚ Pause")
	}
	p.setValue(p.speed, strconv.Itoa(cfg.Speed))
	if p.presetHash != "" && p.presetHash != p.lastHash {
		p.presetHash, p.presetName = "", "" // the learner has changed the setup since
	}
	p.setValue(p.preset, p.presetName)
	if pr, ok := config.LookupPreset(p.presetName); ok {
		p.presetAbout.Set("textContent", pr.About)
	} else {
		p.presetAbout.Set("textContent", "")
	}
	p.lbfgs.Set("checked", cfg.LBFGS)
	p.setValue(p.seed, strconv.FormatUint(cfg.Seed, 10))
	p.speedOut.Set("textContent", plural(cfg.Speed, "step")+" per frame")
	if cfg.HasStart {
		p.start.Set("textContent", "start ("+fmtNum(cfg.Start[0])+", "+fmtNum(cfg.Start[1])+") — click the plot to move it")
	} else {
		p.start.Set("textContent", "start: the problem's own — click the plot to move it")
	}
	for _, in := range p.inputs {
		v := in.value(cfg)
		p.setValue(in.slider, strconv.Itoa(toSlider(in.knob, v)))
		p.setValue(in.number, fmtNum(v))
	}
	p.link.Set("value", js.Global().Get("location").Get("origin").String()+js.Global().Get("location").Get("pathname").String()+"#"+cfg.Hash())
}

// setValue sets an input's value unless the learner is typing in it.
func (p *panel) setValue(el js.Value, v string) {
	if el.Truthy() && !el.Equal(p.doc.Get("activeElement")) && el.Get("value").String() != v {
		el.Set("value", v)
	}
}

func (p *panel) build(cfg config.Config) {
	for _, f := range p.funcs {
		f.Release()
	}
	p.funcs, p.inputs = nil, nil
	p.root.Set("textContent", "")

	// The notes' figures, ready made.
	sec := p.el(p.root, "section", "")
	p.el(sec, "h2", "").Set("textContent", "Ready-made setups")
	p.preset = p.el(sec, "select", "")
	p.preset.Set("id", "preset")
	p.preset.Call("setAttribute", "aria-label", "Set up one of the course notes' figures")
	first := p.el(p.preset, "option", "")
	first.Set("value", "")
	first.Set("textContent", "The notes' figures and more…")
	for _, pr := range config.Presets() {
		o := p.el(p.preset, "option", "")
		o.Set("value", pr.Name)
		o.Set("textContent", pr.Title)
	}
	p.presetAbout = p.el(sec, "p", "about")
	p.on(p.preset, "change", func(el js.Value) {
		pr, ok := config.LookupPreset(el.Get("value").String())
		if !ok {
			return
		}
		p.presetHash, p.presetName = "", pr.Name
		p.g.Configure("preset=" + pr.Name)
		p.presetHash = p.lastHash
	})

	// The problem.
	sec = p.el(p.root, "section", "")
	p.el(sec, "h2", "").Set("textContent", "Loss surface")
	p.problem = p.el(sec, "select", "")
	p.problem.Set("id", "problem")
	p.problem.Call("setAttribute", "aria-label", "Loss surface")
	for _, pr := range problems.All() {
		o := p.el(p.problem, "option", "")
		o.Set("value", pr.Name)
		o.Set("textContent", pr.Title)
	}
	if cfg.Expr != "" {
		o := p.el(p.problem, "option", "")
		o.Set("value", "")
		o.Set("textContent", "Custom formula")
	}
	p.on(p.problem, "change", func(el js.Value) {
		name := el.Get("value").String()
		p.g.Edit(func(c *config.Config) {
			c.Problem, c.Settings, c.Expr, c.HasStart, c.HasView = name, nil, "", false, false
		})
	})
	formula := p.el(sec, "input", "")
	formula.Set("id", "formula")
	formula.Set("type", "text")
	formula.Set("spellcheck", false)
	formula.Set("placeholder", "or type f(x, y), e.g. x^2 + 3*y^2 - x*y")
	formula.Call("setAttribute", "aria-label", "Your own formula in x and y")
	if cfg.Expr != "" {
		formula.Set("value", cfg.Expr)
	}
	p.on(formula, "change", func(el js.Value) {
		src := strings.TrimSpace(el.Get("value").String())
		if src == "" {
			return
		}
		if _, err := problems.Custom(src); err != nil {
			p.g.Notify(formulaError(src, err))
			return
		}
		p.g.Edit(func(c *config.Config) {
			c.Expr, c.Settings, c.HasStart, c.HasView = src, nil, false, false
		})
	})
	p.about = p.el(sec, "p", "about")
	if surface, err := cfg.Surface(); err == nil {
		p.about.Set("textContent", surface.Description)
		if base, ok := problems.Lookup(cfg.Problem); ok && cfg.Expr == "" {
			for _, prm := range base.Params {
				prm := prm
				p.knobRow(sec, problemKnob(prm), "problem."+prm.Name,
					func(c config.Config) float64 {
						if v, ok := c.Settings[prm.Name]; ok {
							return v
						}
						return prm.Default
					},
					func(v float64) error { return prm.Check(base.Name, v) },
					func(c *config.Config, v float64) {
						if c.Settings == nil {
							c.Settings = map[string]float64{}
						}
						c.Settings[prm.Name] = v
					})
			}
		}
	}

	// The race controls.
	sec = p.el(p.root, "section", "")
	row := p.el(sec, "div", "buttons")
	p.play = p.button(row, "", func() { p.g.TogglePause() })
	p.play.Set("id", "play")
	p.button(row, "Step", func() { p.g.SetPaused(true); p.g.Step(1) }).Set("id", "step")
	p.button(row, "Reset", func() { p.g.Reset() }).Set("id", "reset")
	p.button(row, "Fit view", func() { p.g.FitView() }).Set("id", "fit")
	p.speed = p.el(sec, "input", "")
	p.speed.Set("type", "range")
	p.speed.Set("min", config.MinSpeed)
	p.speed.Set("max", config.MaxSpeed)
	p.speed.Set("id", "speed")
	p.speed.Call("setAttribute", "aria-label", "Speed in steps per frame")
	p.on(p.speed, "input", func(el js.Value) {
		n, err := strconv.Atoi(el.Get("value").String())
		if err == nil {
			p.g.Edit(func(c *config.Config) { c.Speed = n })
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
		s := strings.TrimSpace(el.Get("value").String())
		el.Call("blur")
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			p.g.Notify(fmt.Sprintf("seed: %q is not a whole number ≥ 0; kept the previous seed", s))
			return
		}
		p.g.Edit(func(c *config.Config) { c.Seed = n })
	})

	// One card per optimizer.
	sec = p.el(p.root, "section", "")
	p.el(sec, "h2", "").Set("textContent", "Optimizers")
	for i, r := range cfg.Runners {
		spec, _ := optim.Lookup(r.Optimizer)
		card := p.el(sec, "div", "card")
		head := p.el(card, "div", "card-head")
		dot := p.el(head, "span", "dot")
		dot.Get("style").Set("background", view.CSS(view.RunnerColor(i)))
		name := p.el(head, "span", "card-name")
		name.Set("textContent", spec.Display)
		name.Set("title", spec.Help)
		if len(cfg.Runners) > 1 {
			i := i
			rm := p.button(head, "×", func() {
				p.g.Edit(func(c *config.Config) { c.Runners = append(c.Runners[:i], c.Runners[i+1:]...) })
			})
			rm.Set("className", "remove")
			rm.Set("title", "Remove "+spec.Display)
			rm.Call("setAttribute", "aria-label", "Remove "+spec.Display)
		}
		p.el(card, "div", "rule").Set("textContent", spec.Rule)
		for _, prm := range spec.Params {
			p.paramRow(card, i, spec, prm)
		}
	}
	tune := p.button(sec, "Tune every α for this surface", func() { p.g.TuneLearningRates() })
	tune.Set("id", "tune")
	tune.Set("title", "Try ten learning rates from 0.0001 to 3 for 300 steps each, and keep each runner's best")
	ghost := p.el(sec, "label", "check")
	p.lbfgs = p.el(ghost, "input", "")
	p.lbfgs.Set("type", "checkbox")
	p.lbfgs.Set("id", "lbfgs")
	p.el(ghost, "span", "").Set("textContent", " Show the L-BFGS reference path (a line-search method: each dot is one line search)")
	p.on(p.lbfgs, "change", func(el js.Value) {
		on := el.Get("checked").Bool()
		p.g.Edit(func(c *config.Config) { c.LBFGS = on })
	})
	if len(cfg.Runners) < config.MaxRunners {
		add := p.el(sec, "select", "")
		add.Set("id", "add-optimizer")
		add.Call("setAttribute", "aria-label", "Add an optimizer")
		first := p.el(add, "option", "")
		first.Set("value", "")
		first.Set("textContent", "+ Add an optimizer…")
		for _, s := range optim.Specs() {
			o := p.el(add, "option", "")
			o.Set("value", s.Name)
			o.Set("textContent", s.Display)
		}
		p.on(add, "change", func(el js.Value) {
			name := el.Get("value").String()
			if name != "" {
				p.g.Edit(func(c *config.Config) { c.Runners = append(c.Runners, config.Runner{Optimizer: name}) })
			}
		})
	}

	// The link that reproduces what is on screen.
	sec = p.el(p.root, "section", "")
	p.el(sec, "h2", "").Set("textContent", "Share")
	p.link = p.el(sec, "input", "")
	p.link.Set("readOnly", true)
	p.link.Set("id", "link")
	p.link.Call("setAttribute", "aria-label", "Link to this view")
	p.on(p.link, "focus", func(el js.Value) { el.Call("select") })
}

// formulaError says what is wrong with a typed formula and points at where,
// with a caret under the offending byte.
func formulaError(src string, err error) string {
	var se *expr.SyntaxError
	if !errors.As(err, &se) {
		return fmt.Sprintf("formula: %v; kept the previous surface", err)
	}
	caret := strings.Repeat(" ", utf8.RuneCountInString(src[:min(se.Offset, len(src))])) + "^"
	return fmt.Sprintf("formula: %s at character %d; kept the previous surface\n  %s\n  %s", se.Msg, utf8.RuneCountInString(src[:min(se.Offset, len(src))])+1, src, caret)
}

// knobRow is a slider and a number box for one knob. value reads it from a
// config, check refuses a bad value, and set writes a good one into a config.
func (p *panel) knobRow(parent js.Value, k knob, id string, value func(config.Config) float64,
	check func(float64) error, set func(*config.Config, float64)) {
	row := p.el(parent, "label", "param")
	row.Set("title", k.help)
	sym := p.el(row, "span", "sym")
	sym.Set("textContent", k.symbol)
	in := paramInput{knob: k, value: value}
	in.slider = p.el(row, "input", "")
	in.slider.Set("type", "range")
	in.slider.Set("min", 0)
	in.slider.Set("max", sliderSteps)
	in.slider.Call("setAttribute", "aria-label", id)
	in.slider.Get("dataset").Set("param", id)
	in.number = p.el(row, "input", "num")
	in.number.Set("type", "text")
	in.number.Set("inputMode", "decimal")
	in.number.Call("setAttribute", "aria-label", id+" value")
	in.number.Get("dataset").Set("param", id)
	apply := func(v float64) { p.g.Edit(func(c *config.Config) { set(c, v) }) }
	p.on(in.slider, "input", func(el js.Value) {
		if t, err := strconv.Atoi(el.Get("value").String()); err == nil {
			apply(fromSlider(k, t))
		}
	})
	p.on(in.number, "change", func(el js.Value) {
		s := strings.TrimSpace(el.Get("value").String())
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			v = math.NaN()
		}
		el.Call("blur") // so that sync may show the value kept
		if err := check(v); err != nil {
			p.g.Notify(fmt.Sprintf("%q: %v; kept the previous value", s, err))
			return
		}
		apply(v)
	})
	p.inputs = append(p.inputs, in)
}

// paramRow is the knob of one hyperparameter of runner i.
func (p *panel) paramRow(card js.Value, i int, spec optim.Spec, prm optim.Param) {
	p.knobRow(card, optimKnob(prm), spec.Name+"."+prm.Name,
		func(c config.Config) float64 { return c.Runners[i].FullParams()[prm.Name] },
		func(v float64) error { return prm.Check(spec.Name, v) },
		func(c *config.Config, v float64) {
			if c.Runners[i].Params == nil {
				c.Runners[i].Params = map[string]float64{}
			}
			c.Runners[i].Params[prm.Name] = v
		})
}

// toSlider and fromSlider map a parameter's value to a slider position and back,
// geometrically for log-scaled parameters.
func toSlider(k knob, v float64) int {
	var t float64
	if k.log && k.min > 0 {
		t = math.Log(v/k.min) / math.Log(k.max/k.min)
	} else {
		t = (v - k.min) / (k.max - k.min)
	}
	return int(math.Round(math.Max(0, math.Min(1, t)) * sliderSteps))
}

func fromSlider(k knob, pos int) float64 {
	t := float64(pos) / sliderSteps
	var v float64
	if k.log && k.min > 0 {
		v = k.min * math.Pow(k.max/k.min, t)
	} else {
		v = k.min + t*(k.max-k.min)
	}
	if k.integer {
		return math.Round(v)
	}
	// Three significant figures: a slider cannot mean more, and links stay short.
	return roundSig(v, 3)
}

func roundSig(v float64, digits int) float64 {
	if v == 0 {
		return 0
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	return f
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

func (p *panel) el(parent js.Value, tag, class string) js.Value {
	e := p.doc.Call("createElement", tag)
	if class != "" {
		e.Set("className", class)
	}
	parent.Call("appendChild", e)
	return e
}

func (p *panel) button(parent js.Value, text string, click func()) js.Value {
	b := p.el(parent, "button", "")
	b.Set("type", "button")
	b.Set("textContent", text)
	p.on(b, "click", func(js.Value) { click() })
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

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
