package control

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"descent/game/config"
	"descent/optim"
	"descent/optim/param"
	"descent/problems"
)

// Command is a change a learner, a link or a script asks for. Commands are
// applied in order by Do, from the game's Update (for the panel and the
// pointer) or from a JS API call (which then answers from the new state).
type Command interface {
	apply(c *Controller) []string
}

// Do applies cmd and returns the messages it produced: what was wrong with it
// and what was kept instead; none when it applied cleanly.
//
// A command that panics — a bug, since every command checks what a user can
// give it — is reported as a note instead of stopping the page; the setup may
// be left half-changed, and the note asks for a reload.
func (c *Controller) Do(cmd Command) (notes []string) {
	defer func() {
		if r := recover(); r != nil {
			c.runNotes = append(c.runNotes, fmt.Sprintf("Descent failed to apply a change (%v). Reloading the page brings back the last setup that worked.", r))
			c.changed()
			notes = c.runNotes[len(c.runNotes)-1:]
		}
	}()
	return cmd.apply(c)
}

// Configure applies a URL-hash string over the current setup, as
// descent.configure and the panel's presets do.
type Configure struct{ Hash string }

// Load replaces the whole setup with the one a URL hash describes: a link opened.
type Load struct{ Hash string }

func (cmd Configure) apply(c *Controller) []string {
	cfg, errs := config.Apply(c.cfg, cmd.Hash)
	c.apply(cfg, errs)
	return c.changeNotes
}

func (cmd Load) apply(c *Controller) []string {
	cfg, errs := config.Parse(cmd.Hash)
	c.apply(cfg, errs)
	return c.changeNotes
}

// edit changes a copy of the config with fn and applies it: a learner's edit in
// the panel, already checked. A refusal is a note, and the config is kept.
func (c *Controller) edit(fn func(cfg *config.Config) error) []string {
	cfg := c.cfg.Clone()
	if err := fn(&cfg); err != nil {
		c.changeNotes = append(c.changeNotes[:0], err.Error())
		c.changed()
		return c.changeNotes
	}
	c.apply(cfg, nil)
	return c.changeNotes
}

// SetProblem switches to the built-in surface Name, with its own parameters,
// start and view.
type SetProblem struct{ Name string }

func (cmd SetProblem) apply(c *Controller) []string {
	ok := false
	notes := c.edit(func(cfg *config.Config) error {
		if _, ok = problems.Lookup(cmd.Name); !ok {
			return fmt.Errorf("problem: there is no problem %s; kept %s", param.Quote(cmd.Name), c.problem.Name)
		}
		cfg.Problem, cfg.Settings, cfg.Expr, cfg.HasStart, cfg.HasView = cmd.Name, map[string]float64{}, "", false, false
		return nil
	})
	notes = append([]string(nil), notes...)
	if ok { // shown on the page, not a complaint about the command
		c.changeNotes = append(c.changeNotes, recommendationNote(c.cfg))
	}
	return notes
}

// SetFormula switches to the surface a typed formula describes.
type SetFormula struct{ Src string }

func (cmd SetFormula) apply(c *Controller) []string {
	src := strings.TrimSpace(cmd.Src)
	return c.edit(func(cfg *config.Config) error {
		if _, err := problems.Custom(src); err != nil {
			return fmt.Errorf("formula: %s; kept the previous surface", config.FormulaError(src, err))
		}
		cfg.Expr, cfg.Settings, cfg.HasStart, cfg.HasView = src, map[string]float64{}, false, false
		return nil
	})
}

// ProblemKnob, as SetParam's Runner, names a parameter of the problem rather
// than of a runner.
const ProblemKnob = -1

// SetParam sets one parameter from the text a learner typed or a slider gave:
// runner Runner's hyperparameter Name, or the problem's parameter Name when
// Runner is ProblemKnob. A bad value is refused and the previous one kept.
type SetParam struct {
	Runner int
	Name   string
	Text   string
}

func (cmd SetParam) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		k, ok := c.knob(cmd.Runner, cmd.Name)
		if !ok {
			return fmt.Errorf("there is no parameter %s here; nothing changed", param.Quote(cmd.Name))
		}
		text := strings.TrimSpace(cmd.Text)
		v, err := strconv.ParseFloat(text, 64)
		if err != nil {
			v = math.NaN()
		}
		if err := k.Param.Check(k.Owner, v); err != nil {
			return fmt.Errorf("%s: %s is not %s; kept %s", k.Label(), param.Quote(text), k.Param.Want(), formatValue(k.Value))
		}
		values := cfg.Settings
		if cmd.Runner != ProblemKnob {
			values = cfg.Runners[cmd.Runner].Params
		}
		if cmd.Runner == ProblemKnob && v == k.Param.Default {
			delete(values, cmd.Name)
		} else {
			values[cmd.Name] = v // a runner's hand value; apply drops it if it is the baseline
		}
		return nil
	})
}

// SetSpeed sets how many steps the race takes a frame.
type SetSpeed struct{ N int }

func (cmd SetSpeed) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		if cmd.N < config.MinSpeed || cmd.N > config.MaxSpeed {
			return fmt.Errorf("speed: %d is not from %d to %d steps per frame; kept %d", cmd.N, config.MinSpeed, config.MaxSpeed, cfg.Speed)
		}
		cfg.Speed = cmd.N
		return nil
	})
}

// SetSeed sets the seed of SGD's draws from the text a learner typed.
type SetSeed struct{ Text string }

func (cmd SetSeed) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		n, err := config.ParseSeed(cmd.Text)
		if err != nil {
			return fmt.Errorf("seed: %v; kept %d", err, cfg.Seed)
		}
		cfg.Seed = n
		return nil
	})
}

// AddRunner adds a runner with the optimizer's defaults.
type AddRunner struct{ Optimizer string }

func (cmd AddRunner) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		if _, ok := optim.Lookup(cmd.Optimizer); !ok {
			return fmt.Errorf("there is no optimizer %s; nothing added", param.Quote(cmd.Optimizer))
		}
		if len(cfg.Runners) >= config.MaxRunners {
			return fmt.Errorf("at most %d optimizers race at once; remove one first", config.MaxRunners)
		}
		cfg.Runners = append(cfg.Runners, config.Runner{Optimizer: cmd.Optimizer, Params: map[string]float64{}})
		return nil
	})
}

// RemoveRunner takes runner Index out of the race; the last one stays.
type RemoveRunner struct{ Index int }

func (cmd RemoveRunner) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		if cmd.Index < 0 || cmd.Index >= len(cfg.Runners) || len(cfg.Runners) == 1 {
			return fmt.Errorf("there is no runner %d to remove; at least one races", cmd.Index+1)
		}
		cfg.Runners = append(cfg.Runners[:cmd.Index], cfg.Runners[cmd.Index+1:]...)
		cfg.Follow = followAfterRemoving(cfg.Follow, cmd.Index)
		return nil
	})
}

// SetLBFGS shows or hides the L-BFGS reference path.
type SetLBFGS struct{ On bool }

func (cmd SetLBFGS) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error { cfg.LBFGS = cmd.On; return nil })
}

// Play, Pause and TogglePause start and stop the race.
type (
	Play        struct{}
	Pause       struct{}
	TogglePause struct{}
)

func (Play) apply(c *Controller) []string        { c.setPaused(false); return nil }
func (Pause) apply(c *Controller) []string       { c.setPaused(true); return nil }
func (TogglePause) apply(c *Controller) []string { c.setPaused(!c.cfg.Paused); return nil }

func (c *Controller) setPaused(paused bool) {
	if c.cfg.Paused != paused {
		c.cfg.Paused = paused
		c.changed()
	}
}

// MaxStepsAtOnce bounds one Step so a script cannot freeze the page, and
// MaxRunnerStepsAtOnce bounds it by the work it is: steps times runners. A
// runner's step costs about a microsecond in the browser at most, so the page
// answers within about 100 ms.
const (
	MaxStepsAtOnce       = 100000
	MaxRunnerStepsAtOnce = 100000
)

// Step advances the race N steps at once, paused or not.
type Step struct{ N int }

func (cmd Step) apply(c *Controller) []string {
	if cmd.N < 0 || cmd.N > MaxStepsAtOnce {
		return []string{fmt.Sprintf("step: %d is not from 0 to %d; took no step", cmd.N, MaxStepsAtOnce)}
	}
	if limit := MaxRunnerStepsAtOnce / max(1, len(c.race.Runners)); cmd.N > limit {
		return []string{fmt.Sprintf("step: at most %d steps at once with %d runners, so the page keeps answering; took no step", limit, len(c.race.Runners))}
	}
	c.advance(cmd.N)
	return nil
}

// StepOne pauses the race and takes one step: the → key and the Step button.
type StepOne struct{}

func (StepOne) apply(c *Controller) []string {
	c.setPaused(true)
	c.advance(1)
	return nil
}

// Reset puts every runner back at the start.
type Reset struct{}

func (Reset) apply(c *Controller) []string {
	c.race.Reset()
	c.restarted()
	return nil
}

func formatValue(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

// Notice shows a message that arose outside the controller, such as a shader
// the browser could not compile.
type Notice struct{ Text string }

func (cmd Notice) apply(c *Controller) []string {
	c.runNotes = append(c.runNotes, cmd.Text)
	c.changed()
	return nil
}

// Supersedes reports whether cmd makes prev, queued just before it, pointless:
// a slider drag sends a value per movement and only the last one matters.
func Supersedes(cmd, prev Command) bool {
	switch cmd := cmd.(type) {
	case SetParam:
		p, ok := prev.(SetParam)
		return ok && p.Runner == cmd.Runner && p.Name == cmd.Name
	case SetSpeed:
		_, ok := prev.(SetSpeed)
		return ok
	case SetScene:
		p, ok := prev.(SetScene)
		return ok && p.Key == cmd.Key
	case Resize:
		_, ok := prev.(Resize)
		return ok
	case Hover:
		_, ok := prev.(Hover)
		return ok
	}
	return false
}
