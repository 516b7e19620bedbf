// Package config is the whole state a learner can share: what the URL hash holds,
// parsed with specific messages for bad input and written back in a stable order.
package config

import (
	"fmt"
	"maps"
	"math"
	"strconv"
	"strings"

	"descent/optim"
	"descent/optim/param"
	"descent/problems"
	"descent/problems/biasvar"
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
	Embed    bool   // embedded in another page: hide the panel
	Scene    string // what the page shows: one of Scenes
	LBFGS    bool   // show the L-BFGS reference path beside the runners
	Layout   string // how the runners are shown: one of Layouts
	Arrows   bool   // draw each runner's last step as arrows: −α·∇L, Δθ and, for momentum, −α·v
	Follow   int    // the runner the explain panel follows, counted from 1 as the legend does; 0 for none

	BV        biasvar.Spec // the bias–variance scene's experiment; its Seed is unused (Spec takes Seed)
	Dartboard bool         // the bias–variance scene shows Figure 1's four targets
}

// Layouts are how the race can be shown, the first by default: every runner
// over one plot, or side by side, one small plot per runner.
var Layouts = []string{"overlay", "grid"}

// Grid reports whether the race is shown side by side.
func (c Config) Grid() bool { return c.Layout == "grid" }

// Scenes are what the page can show, the first by default: the optimizer race.
var Scenes = []string{"race"}

func knownScene(name string) bool {
	for _, s := range Scenes {
		if s == name {
			return true
		}
	}
	return false
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
	c := Config{Scene: Scenes[0], Layout: Layouts[0], Problem: problems.Default().Name, Speed: DefaultSpeed, Seed: 1, Runners: NotesRunners(), BV: biasvar.Default()}
	c.Normalize() // the notes' values are the default problem's recommendations: none is by hand
	return c
}

// NotesRunners are DefaultRunners with the notes' values that differ from the
// optimizers' defaults written out, as the recommendation table keeps them for
// the notes' quadratics.
func NotesRunners() []Runner {
	runners, errs := parseRunners(DefaultRunners)
	if len(errs) > 0 {
		panic(fmt.Sprintf("config: DefaultRunners: %v", errs)) // programmer error
	}
	for i, r := range runners {
		spec, _ := optim.Lookup(r.Optimizer)
		runners[i].Params = spec.Params.Explicit(r.Params) // as the table writes them
	}
	return runners
}

// A runner's Params are the values set by hand (in a link, a box or a slider,
// or by tuning); every other parameter takes its baseline: the problem's
// recommendation for the optimizer (problems.Recommended) over the optimizer's
// defaults. So a change of problem gives every runner the new problem's
// recommendations except where the learner chose a value. A hand value equal
// to the baseline cannot be told from it, and is not kept (Normalize).

// Baseline returns the parameters a runner of optimizer has on c's problem when
// none is set by hand; a formula has no recommendations.
func (c Config) Baseline(optimizer string) map[string]float64 {
	spec, _ := optim.Lookup(optimizer)
	p := spec.Defaults()
	if c.Expr == "" {
		if rec, ok := problems.Recommended(c.Problem, optimizer); ok {
			maps.Copy(p, rec)
		}
	}
	return p
}

// RunnerParams returns runner i's parameters in force: its hand values over its baseline.
func (c Config) RunnerParams(i int) map[string]float64 {
	p := c.Baseline(c.Runners[i].Optimizer)
	maps.Copy(p, c.Runners[i].Params)
	return p
}

// Normalize drops every hand value equal to its baseline, so that equal setups
// compare equal and the hash holds only what the learner chose.
func (c *Config) Normalize() {
	for i, r := range c.Runners {
		base := c.Baseline(r.Optimizer)
		for k, v := range r.Params {
			if base[k] == v {
				delete(c.Runners[i].Params, k)
			}
		}
	}
}

// Resolve returns the problem the config names: its custom formula when set, or the
// built-in problem.
func (c Config) Resolve() (*problems.Problem, error) {
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
	c := base.Clone()
	var errs []error
	hash = strings.TrimPrefix(hash, "#")
	// A preset is a whole setup: it replaces base, and the other keys then
	// change the preset (preset=fig3&speed=5).
	if name, rest, ok := cutPreset(hash); ok {
		hash = rest
		if p, found := LookupPreset(name); found {
			c = p.Config()
			c.Embed, c.Layout = base.Embed, base.Layout // how the page shows it, not what it shows
			base = c.Clone()
		} else {
			errs = append(errs, fmt.Errorf("preset: there is no preset %s (%s); ignored", param.Quote(name), param.Known(name, presetNames(), "presets")))
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
			errs = append(errs, fmt.Errorf("%s is not properly %%-encoded; ignored", param.Quote(rawKey)))
			continue
		}
		val, err := unescape(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: the value %s is not properly %%-encoded; ignored", key, param.Quote(raw)))
			continue
		}
		k, ok := lookupKey(key)
		if !ok {
			errs = append(errs, fmt.Errorf("%s is not a setting Descent knows (%s); ignored", param.Quote(key), param.Known(key, KeyNames(), "settings")))
			continue
		}
		kerrs := k.apply(&c, base, val)
		errs = append(errs, kerrs...)
		if k.Name == "preset" {
			errs = append(errs, fmt.Errorf("preset: only one preset applies; %s ignored", param.Quote(val)))
			continue
		}
		if len(kerrs) == 0 || c.differsIn(base, k.Name) {
			seen[k.Name] = true
		}
	}
	errs = append(errs, c.dropSceneKeys(seen)...)
	if (seen["problem"] || seen["expr"]) && (c.Expr != base.Expr || c.Problem != base.Problem) {
		if !seen["start"] {
			c.HasStart = false
		}
		if !seen["view"] {
			c.HasView = false
		}
	}
	c.Normalize()
	if c.Follow > len(c.Runners) {
		errs = append(errs, fmt.Errorf("follow: there is no runner %d (there are %d); following none", c.Follow, len(c.Runners)))
		c.Follow = 0
	}
	return c, errs
}

// differsIn reports whether c's setting of key differs from base's.
func (c Config) differsIn(base Config, key string) bool {
	switch key {
	case "problem":
		return c.Problem != base.Problem || !maps.Equal(c.Settings, base.Settings)
	case "expr":
		return c.Expr != base.Expr
	}
	return true
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
		if r.Optimizer != o.Runners[i].Optimizer || !maps.Equal(c.RunnerParams(i), o.RunnerParams(i)) {
			return false
		}
	}
	return true
}

// Parse is Apply over the default configuration: the state a link describes.
// Parse(c.Hash()) gives back c, for every c that Parse or Apply returned.
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
	if c.Arrows {
		add("arrows", "1")
	}
	if c.Follow > 0 {
		add("follow", strconv.Itoa(c.Follow))
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
	if c.Scene != Scenes[0] {
		add("scene", c.Scene)
	}
	if c.Layout != Layouts[0] {
		add("layout", c.Layout)
	}
	parts = append(parts, c.sceneHash()...)
	return strings.Join(parts, "&")
}

func (c Config) formatProblem() string {
	p, ok := problems.Lookup(c.Problem)
	if !ok {
		return c.Problem
	}
	if kv := p.Params.Format(c.Settings); kv != "" {
		return c.Problem + ":" + kv
	}
	return c.Problem
}

// ParseProblem reads a problem with its settings, "rotated:kappa=50,angle=45".
// An unknown problem gives the name ""; bad parameters keep their defaults, each
// with an error. Settings equal to their defaults are left out.
func ParseProblem(s string) (string, map[string]float64, []error) {
	name, rest, _ := strings.Cut(s, ":")
	p, ok := problems.Lookup(name)
	if !ok {
		return "", nil, nil
	}
	settings, errs := p.Params.Parse(name, rest)
	for i, err := range errs {
		errs[i] = fmt.Errorf("problem: %w", err)
	}
	return name, settings, errs
}

// format writes the runner's hand values, in its optimizer's order, even
// those equal to the optimizer's defaults: they differ from the baseline.
func (r Runner) format() string {
	spec, _ := optim.Lookup(r.Optimizer)
	var kv []string
	for _, p := range spec.Params {
		if v, ok := r.Params[p.Name]; ok {
			kv = append(kv, p.Name+"="+strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	if len(kv) > 0 {
		return r.Optimizer + ":" + strings.Join(kv, ",")
	}
	return r.Optimizer
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
			errs = append(errs, fmt.Errorf("o: there is no optimizer %s (%s); left out", param.Quote(name), param.Known(name, optimizerNames(), "optimizers")))
			continue
		}
		if len(runners) == MaxRunners {
			errs = append(errs, fmt.Errorf("o: at most %d optimizers race at once; %q and the rest left out", MaxRunners, name))
			break
		}
		params, perrs := spec.Params.ParseAll(name, rest)
		for _, err := range perrs {
			errs = append(errs, fmt.Errorf("o: %w", err))
		}
		runners = append(runners, Runner{Optimizer: name, Params: params})
	}
	return runners, errs
}

func (c Config) describeProblem() string {
	if c.Expr != "" {
		return "the formula " + param.Quote(c.Expr)
	}
	return strconv.Quote(c.Problem)
}

// cutPreset finds the preset key in a hash and returns its value and the other keys.
func cutPreset(hash string) (name, rest string, ok bool) {
	var others []string
	for _, part := range strings.Split(hash, "&") {
		if v, found := strings.CutPrefix(part, "preset="); found && !ok {
			if dec, err := unescape(v); err == nil {
				v = dec
			}
			name, ok = v, true
			continue
		}
		others = append(others, part)
	}
	return name, strings.Join(others, "&"), ok
}

func presetNames() []string {
	var names []string
	for _, p := range presets() {
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

// MaxCoordinate bounds a start's and a view's coordinates in a link.
const MaxCoordinate = 1e12

// InReach reports whether v is a coordinate a link may hold.
func InReach(v float64) bool { return math.Abs(v) <= MaxCoordinate }

// ViewOK reports whether b (xmin, xmax, ymin, ymax) is a view a link may hold:
// within reach, not empty, and wide enough for the field's arithmetic.
func ViewOK(b [4]float64) bool {
	return InReach(b[0]) && InReach(b[1]) && InReach(b[2]) && InReach(b[3]) && checkView(b[:]) == nil
}

func parseFloats(s string, n int) ([]float64, error) {
	fields := strings.Split(s, ",")
	if len(fields) != n {
		return nil, fmt.Errorf("%d numbers, want %d", len(fields), n)
	}
	out := make([]float64, n)
	for i, f := range fields {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || !InReach(v) {
			return nil, fmt.Errorf("%s is not a number from -%g to %g", param.Quote(f), MaxCoordinate, MaxCoordinate)
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

// parseBool reads a switch: "1", "true" or nothing for on, "0" or "false" for off.
func parseBool(s string) (bool, error) {
	switch s {
	case "1", "true", "":
		return true, nil
	case "0", "false":
		return false, nil
	}
	return false, fmt.Errorf("%s is not 0 or 1; ignored", param.Quote(s))
}
