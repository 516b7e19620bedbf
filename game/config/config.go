// Package config is the whole state a learner can share: what the URL hash holds,
// parsed with specific messages for bad input and written back in a stable order.
package config

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"descent/optim"
	"descent/problems"
	"descent/problems/expr"
)

// Runner is one optimizer in the race and the hyperparameters set explicitly for it;
// the others take the optimizer's defaults.
type Runner struct {
	Optimizer string
	Params    map[string]float64
}

// Config is everything that defines what the page shows.
type Config struct {
	Problem  string             // built-in problem name; ignored when Expr is set
	Settings map[string]float64 // the problem's parameters set explicitly (a1, kappa, …)
	Expr     string             // a custom formula in the expression language
	Start    [2]float64         // start point, when HasStart
	HasStart bool               // false: the problem's default start
	Runners  []Runner
	Speed    int        // optimizer steps per tick
	Seed     uint64     // seed for everything random
	View     [4]float64 // xmin, xmax, ymin, ymax shown, when HasView
	HasView  bool       // false: fit the problem's domain
	Paused   bool
	Embed    bool // embedded in another page: hide the panel
	LBFGS    bool // show the L-BFGS reference path beside the runners
}

// Limits on what a hash may ask for.
const (
	MinSpeed, MaxSpeed = 1, 200
	MaxRunners         = 8
	DefaultSpeed       = 1
)

// DefaultRunners is what a first visit races on the notes' ill-conditioned
// quadratic 0.1x² + 10y² (Hessian diag(0.2, 20)): gradient descent with nearly
// the largest stable step, which zigzags across the valley (|1 − 20α| = 0.8) and
// crawls along it (1 − 0.2α = 0.982 a step; Figures 2b–2c), against momentum,
// whose error shrinks about √m ≈ 0.95 a step in both directions (Figure 3), the
// adaptive methods (Figure 4) and Adam.
const DefaultRunners = "gd:lr=0.09;momentum:lr=0.02,m=0.9;adagrad:lr=0.5;rmsprop:lr=0.1;adam:lr=0.1"

// Default returns the configuration of a first visit.
func Default() Config {
	runners, errs := parseRunners(DefaultRunners)
	if len(errs) > 0 {
		panic(fmt.Sprintf("config: DefaultRunners: %v", errs)) // programmer error
	}
	return Config{Problem: problems.Default().Name, Speed: DefaultSpeed, Seed: 1, Runners: runners}
}

// Surface returns the problem the config names: its custom formula when set, or the
// built-in problem.
func (c Config) Surface() (*problems.Problem, error) {
	if c.Expr != "" {
		return problems.Custom(c.Expr)
	}
	p, ok := problems.Lookup(c.Problem)
	if !ok {
		return nil, fmt.Errorf("config: unknown problem %q", c.Problem)
	}
	if len(c.Settings) == 0 {
		return p, nil
	}
	return p.With(c.Settings)
}

// SameSurface reports whether c and o describe the same loss surface.
func (c Config) SameSurface(o Config) bool {
	return c.Problem == o.Problem && c.Expr == o.Expr && maps.Equal(c.Settings, o.Settings)
}

// FullParams returns the runner's full parameter set: its explicit values over the
// optimizer's defaults.
func (r Runner) FullParams() map[string]float64 {
	spec, _ := optim.Lookup(r.Optimizer)
	p := spec.Defaults()
	for k, v := range r.Params {
		p[k] = v
	}
	return p
}

// Apply returns base changed by the keys of hash (with or without the leading '#'),
// and one error for each key or value it could not use. Bad keys and values are
// reported and skipped; everything else still applies. Choosing a problem without
// a start or a view resets them to the problem's own.
func Apply(base Config, hash string) (Config, []error) {
	c := base
	c.Runners = append([]Runner(nil), base.Runners...)
	var errs []error
	report := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	hash = strings.TrimPrefix(hash, "#")
	// A preset is a whole setup: it replaces base, and the other keys then
	// change the preset (preset=fig3&speed=5).
	if name, rest, ok := cutPreset(hash); ok {
		hash = rest
		if p, found := LookupPreset(name); found {
			c, _ = Parse(p.Hash)
			c.Embed = base.Embed
			base = c.Clone()
		} else {
			report("preset: there is no preset %q (known: %s); ignored", name, strings.Join(presetNames(), ", "))
		}
	}
	seen := map[string]bool{}
	for _, part := range strings.Split(hash, "&") {
		if part == "" {
			continue
		}
		rawKey, raw, _ := strings.Cut(part, "=")
		key, err := unescape(rawKey)
		if err != nil {
			report("%q is not properly %%-encoded; ignored", rawKey)
			continue
		}
		val, err := unescape(raw)
		if err != nil {
			report("%s: the value %q is not properly %%-encoded; ignored", key, raw)
			continue
		}
		seen[key] = true
		switch key {
		case "problem":
			name, settings, perrs := ParseProblem(val)
			errs = append(errs, perrs...)
			if name == "" {
				report("problem: there is no problem %q (known: %s); kept %s", strings.SplitN(val, ":", 2)[0], strings.Join(problemNames(), ", "), base.describeProblem())
				delete(seen, key)
				continue
			}
			c.Problem, c.Settings, c.Expr = name, settings, ""
		case "expr":
			if _, err := problems.Custom(val); err != nil {
				var se *expr.SyntaxError
				if errors.As(err, &se) {
					report("expr: %s at character %d of %q; kept %s", se.Msg, utf8.RuneCountInString(val[:min(se.Offset, len(val))])+1, val, base.describeProblem())
				} else {
					report("expr: %v; kept %s", err, base.describeProblem())
				}
				delete(seen, key)
				continue
			}
			c.Expr = val
		case "start":
			xy, err := parseFloats(val, 2)
			if err != nil {
				report("start: %q is not two numbers like -1.5,2 (%v); kept the previous start", val, err)
				continue
			}
			c.Start, c.HasStart = [2]float64{xy[0], xy[1]}, true
		case "view":
			b, err := parseFloats(val, 4)
			if err == nil && !(b[1] > b[0] && b[3] > b[2]) {
				err = fmt.Errorf("want xmin<xmax and ymin<ymax")
			}
			if err != nil {
				report("view: %q is not xmin,xmax,ymin,ymax like -5,5,-3,3 (%v); kept the previous view", val, err)
				continue
			}
			c.View, c.HasView = [4]float64{b[0], b[1], b[2], b[3]}, true
		case "o":
			runners, rerrs := parseRunners(val)
			errs = append(errs, rerrs...)
			if len(runners) == 0 {
				report("o: no usable optimizer in %q; kept the previous ones", val)
				continue
			}
			c.Runners = runners
		case "speed":
			n, err := strconv.Atoi(val)
			if err != nil || n < MinSpeed || n > MaxSpeed {
				report("speed: %q is not a whole number of steps per frame from %d to %d; kept %d", val, MinSpeed, MaxSpeed, base.Speed)
				continue
			}
			c.Speed = n
		case "seed":
			n, err := strconv.ParseUint(val, 10, 64)
			if err != nil {
				report("seed: %q is not a whole number ≥ 0; kept %d", val, base.Seed)
				continue
			}
			c.Seed = n
		case "paused", "embed", "lbfgs":
			b, err := parseBool(val)
			if err != nil {
				report("%s: %q is not 0 or 1; ignored", key, val)
				continue
			}
			switch key {
			case "paused":
				c.Paused = b
			case "embed":
				c.Embed = b
			case "lbfgs":
				c.LBFGS = b
			}
		default:
			report("%q is not a setting Descent knows (known: preset, problem, expr, start, o, lbfgs, speed, seed, view, paused, embed); ignored", key)
		}
	}
	if (seen["problem"] || seen["expr"]) && (c.Expr != base.Expr || c.Problem != base.Problem) {
		if !seen["start"] {
			c.HasStart = false
		}
		if !seen["view"] {
			c.HasView = false
		}
	}
	return c, errs
}

// Clone returns a copy of c that shares nothing with it.
func (c Config) Clone() Config {
	c.Settings = cloneParams(c.Settings)
	c.Runners = append([]Runner(nil), c.Runners...)
	for i, r := range c.Runners {
		c.Runners[i].Params = cloneParams(r.Params)
	}
	return c
}

func cloneParams(m map[string]float64) map[string]float64 {
	if m == nil {
		return map[string]float64{}
	}
	return maps.Clone(m)
}

// SameRace reports whether c and o race the same runners from the same start on
// the same problem, so that a change between them (speed, pause, view) can keep
// the race going.
func (c Config) SameRace(o Config) bool {
	if !c.SameSurface(o) || c.HasStart != o.HasStart ||
		c.HasStart && c.Start != o.Start || c.Seed != o.Seed || len(c.Runners) != len(o.Runners) {
		return false
	}
	for i, r := range c.Runners {
		if r.Optimizer != o.Runners[i].Optimizer || !maps.Equal(r.FullParams(), o.Runners[i].FullParams()) {
			return false
		}
	}
	return true
}

// Parse is Apply over the default configuration: the state a link describes.
func Parse(hash string) (Config, []error) { return Apply(Default(), hash) }

// Hash writes the configuration as a URL hash (without '#'), keys in a fixed order,
// hyperparameters only where they differ from the defaults.
func (c Config) Hash() string {
	var parts []string
	add := func(k, v string) { parts = append(parts, k+"="+escape(v)) }
	if c.Expr != "" {
		add("expr", c.Expr)
	} else {
		add("problem", c.formatProblem())
	}
	if c.HasStart {
		add("start", formatFloats(c.Start[:]))
	}
	var rs []string
	for _, r := range c.Runners {
		rs = append(rs, r.format())
	}
	add("o", strings.Join(rs, ";"))
	if c.LBFGS {
		add("lbfgs", "1")
	}
	if c.Speed != DefaultSpeed {
		add("speed", strconv.Itoa(c.Speed))
	}
	if c.Seed != 1 {
		add("seed", strconv.FormatUint(c.Seed, 10))
	}
	if c.HasView {
		add("view", formatFloats(c.View[:]))
	}
	if c.Paused {
		add("paused", "1")
	}
	if c.Embed {
		add("embed", "1")
	}
	return strings.Join(parts, "&")
}

func (c Config) formatProblem() string {
	p, ok := problems.Lookup(c.Problem)
	if !ok {
		return c.Problem
	}
	var kv []string
	for _, prm := range p.Params { // the problem's order, so the hash is stable
		if v, ok := c.Settings[prm.Name]; ok && v != prm.Default {
			kv = append(kv, prm.Name+"="+strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	if len(kv) == 0 {
		return c.Problem
	}
	return c.Problem + ":" + strings.Join(kv, ",")
}

// ParseProblem reads a problem with its settings, "rotated:kappa=50,angle=45".
// An unknown problem gives the name ""; bad parameters keep their defaults, each
// with an error.
func ParseProblem(s string) (string, map[string]float64, []error) {
	name, rest, _ := strings.Cut(s, ":")
	p, ok := problems.Lookup(name)
	if !ok {
		return "", nil, nil
	}
	var errs []error
	settings := map[string]float64{}
	for _, kv := range strings.Split(rest, ",") {
		if kv == "" {
			continue
		}
		k, vs, _ := strings.Cut(kv, "=")
		prm, ok := findSetting(p, k)
		if !ok {
			var names []string
			for _, q := range p.Params {
				names = append(names, q.Name)
			}
			has := "it has none"
			if len(names) > 0 {
				has = "it has: " + strings.Join(names, ", ")
			}
			errs = append(errs, fmt.Errorf("problem: %s has no parameter %q (%s); ignored", name, k, has))
			continue
		}
		v, err := strconv.ParseFloat(vs, 64)
		if err != nil {
			v = math.NaN()
		}
		if err := CheckSetting(name, prm, v); err != nil {
			errs = append(errs, fmt.Errorf("problem: %w; kept %g", err, prm.Default))
			continue
		}
		settings[k] = v
	}
	return name, settings, errs
}

func findSetting(p *problems.Problem, name string) (problems.Param, bool) {
	for _, q := range p.Params {
		if q.Name == name {
			return q, true
		}
	}
	return problems.Param{}, false
}

// CheckSetting says what is wrong with the value v for the parameter p of the
// problem named problem, or returns nil.
func CheckSetting(problem string, p problems.Param, v float64) error {
	return checkRange(problem, p.Name, p.Symbol, p.Min, p.Max, p.Integer, v)
}

func (r Runner) format() string {
	spec, _ := optim.Lookup(r.Optimizer)
	defaults := spec.Defaults()
	var kv []string
	for _, p := range spec.Params { // the spec's order, so the hash is stable
		if v, ok := r.Params[p.Name]; ok && v != defaults[p.Name] {
			kv = append(kv, p.Name+"="+strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	if len(kv) == 0 {
		return r.Optimizer
	}
	return r.Optimizer + ":" + strings.Join(kv, ",")
}

// parseRunners reads "gd:lr=0.1;adam:lr=0.05,beta1=0.8". Unknown optimizers are
// skipped and bad parameters keep their defaults, each with an error.
func parseRunners(s string) ([]Runner, []error) {
	var runners []Runner
	var errs []error
	for _, item := range strings.Split(s, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, rest, _ := strings.Cut(item, ":")
		spec, ok := optim.Lookup(name)
		if !ok {
			errs = append(errs, fmt.Errorf("o: there is no optimizer %q (known: %s); left out", name, strings.Join(optimizerNames(), ", ")))
			continue
		}
		if len(runners) == MaxRunners {
			errs = append(errs, fmt.Errorf("o: at most %d optimizers race at once; %q and the rest left out", MaxRunners, name))
			break
		}
		r := Runner{Optimizer: name, Params: map[string]float64{}}
		for _, kv := range strings.Split(rest, ",") {
			if kv == "" {
				continue
			}
			k, vs, _ := strings.Cut(kv, "=")
			p, ok := spec.Param(k)
			if !ok {
				errs = append(errs, fmt.Errorf("o: %s has no parameter %q (it has: %s); ignored", name, k, strings.Join(paramNames(spec), ", ")))
				continue
			}
			v, err := strconv.ParseFloat(vs, 64)
			if err != nil {
				v = math.NaN()
			}
			if err := CheckParam(name, p, v); err != nil {
				errs = append(errs, fmt.Errorf("o: %w; kept %g", err, p.Default))
				continue
			}
			r.Params[k] = v
		}
		runners = append(runners, r)
	}
	return runners, errs
}

// CheckParam says what is wrong with the value v for the parameter p of the
// optimizer named optimizer, or returns nil.
func CheckParam(optimizer string, p optim.Param, v float64) error {
	return checkRange(optimizer, p.Name, p.Symbol, p.Min, p.Max, p.Integer, v)
}

func checkRange(owner, name, symbol string, lo, hi float64, integer bool, v float64) error {
	if math.IsNaN(v) || v < lo || v > hi || integer && v != math.Trunc(v) {
		kind := "a number"
		if integer {
			kind = "a whole number"
		}
		return fmt.Errorf("%s %s (%s) must be %s from %g to %g", owner, name, symbol, kind, lo, hi)
	}
	return nil
}

func (c Config) describeProblem() string {
	if c.Expr != "" {
		return "the formula " + strconv.Quote(c.Expr)
	}
	return strconv.Quote(c.Problem)
}

// cutPreset finds the preset key in a hash and returns its value and the other keys.
func cutPreset(hash string) (name, rest string, ok bool) {
	var others []string
	for _, part := range strings.Split(hash, "&") {
		if v, found := strings.CutPrefix(part, "preset="); found && !ok {
			name, ok = v, true
			continue
		}
		others = append(others, part)
	}
	return name, strings.Join(others, "&"), ok
}

func presetNames() []string {
	var names []string
	for _, p := range Presets {
		names = append(names, p.Name)
	}
	return names
}

func problemNames() []string {
	var names []string
	for _, p := range problems.All() {
		names = append(names, p.Name)
	}
	return names
}

func optimizerNames() []string {
	var names []string
	for _, s := range optim.Specs() {
		names = append(names, s.Name)
	}
	return names
}

func paramNames(s optim.Spec) []string {
	var names []string
	for _, p := range s.Params {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	return names
}

func parseFloats(s string, n int) ([]float64, error) {
	fields := strings.Split(s, ",")
	if len(fields) != n {
		return nil, fmt.Errorf("%d numbers, want %d", len(fields), n)
	}
	out := make([]float64, n)
	for i, f := range fields {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e12 {
			return nil, fmt.Errorf("%q is not a finite number", f)
		}
		out[i] = v
	}
	return out, nil
}

func formatFloats(v []float64) string {
	s := make([]string, len(v))
	for i, f := range v {
		s[i] = strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strings.Join(s, ",")
}

func parseBool(s string) (bool, error) {
	switch s {
	case "1", "true", "":
		return true, nil
	case "0", "false":
		return false, nil
	}
	return false, fmt.Errorf("not a boolean")
}
