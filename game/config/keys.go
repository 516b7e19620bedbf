package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"descent/optim/param"
	"descent/problems"
	"descent/problems/expr"
)

// Key is one key of the URL hash: its name, what it means (the README's table
// is checked against these words), and how it applies a value to a config.
type Key struct {
	Name    string
	Meaning string
	// apply sets the key's value in c (base is the config before this hash)
	// and returns what was wrong with val, leaving c's setting as it was.
	apply func(c *Config, base Config, val string) []error
}

// keys are every key a hash may hold, in the order the README lists them.
var keys = []Key{
	{Name: "preset", Meaning: "a ready-made setup (other keys then change it)",
		apply: func(*Config, Config, string) []error { return nil }}, // taken out of the hash before the others: see Apply
	{Name: "scene", Meaning: "what the page shows: `race`, the optimizers racing, or `bias-variance`, many datasets' fits",
		apply: func(c *Config, base Config, val string) []error {
			if !knownScene(val) {
				return []error{fmt.Errorf("scene: there is no scene %s (%s); kept %s", param.Quote(val), param.Known(val, Scenes, "scenes"), base.Scene)}
			}
			c.Scene = val
			return nil
		}},
	{Name: "layout", Meaning: "`overlay`: every runner on one plot; `grid`: side by side, a plot per runner",
		apply: func(c *Config, base Config, val string) []error {
			for _, l := range Layouts {
				if val == l {
					c.Layout = val
					return nil
				}
			}
			return []error{fmt.Errorf("layout: there is no layout %s (known: %s); kept %s", param.Quote(val), strings.Join(Layouts, ", "), base.Layout)}
		}},
	{Name: "problem", Meaning: "a surface, with its parameters if it has any",
		apply: func(c *Config, base Config, val string) []error {
			name, settings, errs := ParseProblem(val)
			if name == "" {
				before, _, _ := strings.Cut(val, ":")
				return append(errs, fmt.Errorf("problem: there is no problem %s (%s); kept %s", param.Quote(before), param.Known(before, problems.Names(), "problems"), base.describeProblem()))
			}
			c.Problem, c.Settings, c.Expr = name, settings, ""
			return errs
		}},
	{Name: "expr", Meaning: "a formula in `x` and `y` instead of a built-in surface",
		apply: func(c *Config, base Config, val string) []error {
			if _, err := problems.Custom(val); err != nil {
				return []error{fmt.Errorf("expr: %s; kept %s", FormulaError(val, err), base.describeProblem())}
			}
			c.Expr = val
			return nil
		}},
	{Name: "start", Meaning: "`x,y`",
		apply: func(c *Config, base Config, val string) []error {
			xy, err := parseFloats(val, 2)
			if err != nil {
				return []error{fmt.Errorf("start: %s is not two numbers like -1.5,2 (%v); kept the previous start", param.Quote(val), err)}
			}
			c.Start, c.HasStart = [2]float64{xy[0], xy[1]}, true
			return nil
		}},
	{Name: "o", Meaning: "optimizers, `;`-separated, each `name:param=value,…`",
		apply: func(c *Config, base Config, val string) []error {
			runners, errs := parseRunners(val)
			if len(runners) == 0 {
				return append(errs, fmt.Errorf("o: no usable optimizer in %s; kept the previous ones", param.Quote(val)))
			}
			c.Runners = runners
			return errs
		}},
	{Name: "lbfgs", Meaning: "`lbfgs=1` replays the L-BFGS reference path beside the runners",
		apply: boolKey("lbfgs", func(c *Config) *bool { return &c.LBFGS })},
	{Name: "arrows", Meaning: "`arrows=1` draws each runner's last step as arrows: the negative gradient, the update and the velocity",
		apply: boolKey("arrows", func(c *Config) *bool { return &c.Arrows })},
	{Name: "follow", Meaning: "the runner the explain panel follows, counted from 1",
		apply: func(c *Config, base Config, val string) []error {
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 || n > MaxRunners {
				return []error{fmt.Errorf("follow: %s is not a runner's number from 1 to %d (0 for none); kept %d", param.Quote(val), MaxRunners, base.Follow)}
			}
			c.Follow = n
			return nil
		}},
	{Name: "speed", Meaning: "optimizer steps per frame",
		apply: func(c *Config, base Config, val string) []error {
			n, err := strconv.Atoi(val)
			if err != nil || n < MinSpeed || n > MaxSpeed {
				return []error{fmt.Errorf("speed: %s is not a whole number of steps per frame from %d to %d; kept %d", param.Quote(val), MinSpeed, MaxSpeed, base.Speed)}
			}
			c.Speed = n
			return nil
		}},
	{Name: "seed", Meaning: "the seed of SGD's minibatches and noise",
		apply: func(c *Config, base Config, val string) []error {
			n, err := ParseSeed(val)
			if err != nil {
				return []error{fmt.Errorf("seed: %v; kept %d", err, base.Seed)}
			}
			c.Seed = n
			return nil
		}},
	{Name: "view", Meaning: "`xmin,xmax,ymin,ymax` shown",
		apply: func(c *Config, base Config, val string) []error {
			b, err := parseFloats(val, 4)
			if err == nil {
				err = checkView(b)
			}
			if err != nil {
				return []error{fmt.Errorf("view: %s is not xmin,xmax,ymin,ymax like -5,5,-3,3 (%v); kept the previous view", param.Quote(val), err)}
			}
			c.View, c.HasView = [4]float64{b[0], b[1], b[2], b[3]}, true
			return nil
		}},
	{Name: "paused", Meaning: "`paused=1` starts paused",
		apply: boolKey("paused", func(c *Config) *bool { return &c.Paused })},
	{Name: "embed", Meaning: "`embed=1` hides the panel (for iframes)",
		apply: boolKey("embed", func(c *Config) *bool { return &c.Embed })},
}

// Keys returns every hash key, in the README's order.
func Keys() []Key { return append([]Key(nil), keys...) }

// KeyNames returns the names of every hash key, for messages.
func KeyNames() []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.Name
	}
	return names
}

func lookupKey(name string) (Key, bool) {
	for _, k := range keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// boolKey applies "1"/"true"/"" or "0"/"false" to the field field returns.
func boolKey(name string, field func(c *Config) *bool) func(c *Config, base Config, val string) []error {
	return func(c *Config, base Config, val string) []error {
		b, err := parseBool(val)
		if err != nil {
			return []error{fmt.Errorf("%s: %w", name, err)}
		}
		*field(c) = b
		return nil
	}
}

// ParseSeed reads a seed: a whole number from 0 to 2⁶⁴ − 1.
func ParseSeed(s string) (uint64, error) {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s is not a whole number ≥ 0", param.Quote(s))
	}
	return n, nil
}

// checkView refuses a view that is empty, upside down, or too small for the
// field's 32-bit arithmetic to draw.
func checkView(b []float64) error {
	if !(b[1] > b[0] && b[3] > b[2]) {
		return errors.New("want xmin<xmax and ymin<ymax")
	}
	const minRelative = 1e-6 // as view.MinRelativeScale: float32 resolves about 1e-7 of the centre
	for _, span := range [][2]float64{{b[0], b[1]}, {b[2], b[3]}} {
		mag := max(1, abs(span[0]), abs(span[1]))
		if span[1]-span[0] < minRelative*mag {
			return fmt.Errorf("a span of %g is too narrow to draw", span[1]-span[0])
		}
	}
	return nil
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// FormulaError says what is wrong with a typed formula, where (a character
// count, and a caret line under the text), and quotes at most 80 characters of it.
func FormulaError(src string, err error) string {
	var se *expr.SyntaxError
	if !errors.As(err, &se) {
		return err.Error()
	}
	if len(src) > expr.MaxLen {
		return se.Msg // the text is not worth quoting: its length is the fault
	}
	at := utf8.RuneCountInString(src[:min(se.Offset, len(src))])
	// A window of the text around the fault, so the message stays a few lines.
	const window = 40
	shown, caret := []rune(src), at
	if len(shown) > window {
		from := max(0, min(at-window/2, len(shown)-window))
		shown, caret = shown[from:from+window], at-from
	}
	return fmt.Sprintf("%s at character %d\n  %s\n  %s^", se.Msg, at+1, string(shown), strings.Repeat(" ", caret))
}
