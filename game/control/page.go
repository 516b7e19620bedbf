package control

import (
	"strconv"
	"strings"

	"descent/game/config"
)

// Page is what the HTML around the canvas shows: the URL hash, the messages,
// the layout and the panel's controls. It changes only when Version does.
type Page struct {
	Version     int
	Hash        string // the config as a URL hash, without '#'
	Notes       string // the messages, one a line
	Embed       bool
	Config      config.Config
	Shape       string // what the panel's controls are built for: rebuild them when it changes
	Knobs       []Knob
	Preset      string  // the preset the setup still is, or ""
	Description string  // the surface, in a sentence
	Start       string  // where the runners start, in words
	Speed       string  // the speed, in words
	Tuning      float64 // the α sweep's progress, 0 to 1; -1 when none runs

	Texts [][2]string // texts of elements outside the panel, by id (PageTexts)
}

// Page returns what the page around the canvas shows now.
func (c *Controller) Page() Page {
	cfg := c.cfg.Clone()
	p := Page{
		Version: c.version, Hash: cfg.Hash(), Notes: strings.Join(c.Notes(), "\n"), Embed: cfg.Embed,
		Config: cfg, Knobs: c.Knobs(), Description: c.problem.Description, Tuning: -1,
	}
	p.Shape = cfg.Problem + "|" + cfg.Expr
	for _, r := range cfg.Runners {
		p.Shape += "|" + r.Optimizer
	}
	p.Preset = presetOf(cfg)
	if cfg.HasStart {
		p.Start = "start (" + formatValue(cfg.Start[0]) + ", " + formatValue(cfg.Start[1]) + ") — click the plot to move it"
	} else {
		p.Start = "start: the problem's own — click the plot to move it"
	}
	p.Speed = plural(cfg.Speed, "step") + " per frame"
	if t, ok := c.Tuning(); ok {
		p.Tuning = t
	}
	p.Texts = c.PageTexts()
	return p
}

// presetOf returns the name of the preset whose setup cfg is, apart from how
// it is shown (speed, pause, view, embedding, layout, arrows, the runner
// followed, the reference path), or "".
func presetOf(cfg config.Config) string {
	hash := cfg.Hash()
	for _, pr := range config.Presets() {
		pc := pr.Config()
		pc.Speed, pc.Paused, pc.View, pc.HasView, pc.Embed = cfg.Speed, cfg.Paused, cfg.View, cfg.HasView, cfg.Embed
		pc.Arrows, pc.Follow, pc.Layout, pc.LBFGS = cfg.Arrows, cfg.Follow, cfg.Layout, cfg.LBFGS
		if pc.Hash() == hash {
			return pr.Name
		}
	}
	return ""
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
